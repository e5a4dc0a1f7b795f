/**
 * The update journal in PostgreSQL, shared by the bot instances (the `UpdateJournal` the file
 * journal also implements). An update is stored before Telegram is told it arrived, under a lease
 * held by the instance handling it and renewed while it runs; delivered replies and "done" are
 * noted as they happen. When an instance dies, its leases run out and another instance claims its
 * unfinished updates (`FOR UPDATE SKIP LOCKED`: each is claimed by one instance) and answers them,
 * skipping the replies already delivered.
 *
 * While the database is unreachable, updates go to the instance's own file journal (STATE_DIR)
 * instead, so answers go on; that file is read again at the instance's next start.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Update } from 'telegraf/types';
import type { PendingUpdate, UpdateJournal } from '../telegram/journal.ts';

export interface DatabaseJournalOptions {
  /** How long a lease lasts without renewal (ms): a dead instance's updates are taken over after this. */
  readonly leaseMs: number;
  /** Updates older than this are no longer answered (ms). */
  readonly maxAgeMs: number;
  /** The instance's local journal, used while the database is unreachable. */
  readonly fallback: UpdateJournal | null;
  /** Called when updates were claimed from a dead instance (then `leftOver` holds them). */
  readonly onClaimed?: (count: number) => void;
  /** The database failed or came back (for one warning per outage). */
  readonly onHealth?: (up: boolean, reason: string) => void;
}

export interface DatabaseJournal extends UpdateJournal {
  /** This instance's name in the journal (`host:pid:random`). */
  readonly instance: string;
  /** Claim updates whose lease ran out; resolves with how many (they are then in `leftOver`). */
  claimStale(): Promise<number>;
}

interface ClaimedRow {
  update_id: string;
  body: string;
  received_ms: string;
  delivered: number[];
}

/**
 * Open the journal on `pool` (migrated already) and claim what dead instances left.
 *
 * @example
 * const journal = await openDatabaseJournal(pool, { leaseMs: 30_000, maxAgeMs: 86_400_000, fallback });
 */
export async function openDatabaseJournal(pool: pg.Pool, options: DatabaseJournalOptions): Promise<DatabaseJournal> {
  const instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const lease = `${Math.max(1, Math.round(options.leaseMs))} milliseconds`;
  /** Updates this instance is handling, stored in the database. */
  const mine = new Set<number>();
  /** Updates handled from the local fallback journal. */
  const local = new Set<number>();
  /** "done" notes that could not be written yet. */
  const doneLater = new Set<number>();
  let taken: PendingUpdate[] = [];
  let up = true;
  let downUntil = 0;

  const health = (ok: boolean, err?: unknown) => {
    // While it fails, updates go straight to the local journal; the lease renewal probes it meanwhile.
    if (!ok) downUntil = Date.now() + 2_000;
    if (ok === up) return;
    up = ok;
    options.onHealth?.(ok, ok ? 'reachable' : err instanceof Error ? err.message : String(err));
  };
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      const r = await work();
      health(true);
      return r;
    } catch (err) {
      health(false, err);
      throw err;
    }
  };

  async function claimStale(): Promise<number> {
    const res = await run(() =>
      pool.query<ClaimedRow>(
        `UPDATE update_journal SET owner = $1, lease_until = now() + $2::interval
         WHERE update_id IN (SELECT update_id FROM update_journal WHERE done_at IS NULL AND lease_until < now()
                             ORDER BY update_id LIMIT 200 FOR UPDATE SKIP LOCKED)
         RETURNING update_id, body::text AS body, (extract(epoch FROM received_at) * 1000)::bigint AS received_ms, delivered`,
        [instance, lease],
      ),
    );
    const oldest = Date.now() - options.maxAgeMs;
    const fresh: PendingUpdate[] = [];
    for (const r of res.rows) {
      const id = Number(r.update_id);
      // Our own update, whose lease ran out while the database was away: still being handled here.
      if (mine.has(id) || local.has(id)) continue;
      if (Number(r.received_ms) < oldest) {
        void pool.query('UPDATE update_journal SET done_at = now() WHERE update_id = $1', [id]).catch(() => undefined);
        continue;
      }
      mine.add(id);
      fresh.push({ update: JSON.parse(r.body) as Update, receivedAt: Number(r.received_ms), delivered: new Set(r.delivered) });
    }
    taken = [...taken, ...fresh];
    if (fresh.length > 0) options.onClaimed?.(fresh.length);
    return fresh.length;
  }

  async function renew(): Promise<void> {
    if (doneLater.size > 0) {
      const ids = [...doneLater];
      await run(() => pool.query('UPDATE update_journal SET done_at = now() WHERE update_id = ANY($1::bigint[])', [ids]));
      for (const id of ids) doneLater.delete(id);
    }
    await run(() => pool.query('UPDATE update_journal SET lease_until = now() + $2::interval WHERE owner = $1 AND done_at IS NULL', [instance, lease]));
    await claimStale();
  }

  let sweeps = 0;
  const timer = setInterval(
    () => {
      void renew().catch(() => undefined);
      // Done updates are kept a day (a resent update is still recognised), then removed.
      if (++sweeps % 100 === 0) void pool.query("DELETE FROM update_journal WHERE done_at < now() - interval '1 day'").catch(() => undefined);
    },
    Math.max(200, options.leaseMs / 3),
  );
  timer.unref();
  await claimStale().catch(() => undefined);
  let fallbackLeft: PendingUpdate[] = [...(options.fallback?.leftOver ?? [])];
  for (const p of fallbackLeft) local.add(p.update.update_id);

  return {
    instance,
    claimStale,
    expired: 0,
    /** Read by the inbox's `resume()`: what was claimed since the last read (the fallback's leftovers first, once). */
    get leftOver() {
      const out = [...fallbackLeft, ...taken];
      fallbackLeft = [];
      taken = [];
      return out;
    },
    get pending() {
      return mine.size + local.size;
    },
    async accept(updates) {
      if (updates.length === 0) return [];
      if (Date.now() >= downUntil) {
        try {
          const res = await run(() =>
            pool.query<{ update_id: string }>(
              `INSERT INTO update_journal (update_id, body, owner, lease_until)
               SELECT u.id, u.body, $3, now() + $4::interval FROM unnest($1::bigint[], $2::jsonb[]) AS u(id, body)
               ON CONFLICT (update_id) DO NOTHING RETURNING update_id`,
              [updates.map((u) => u.update_id), updates.map((u) => JSON.stringify(u)), instance, lease],
            ),
          );
          const fresh = new Set(res.rows.map((r) => Number(r.update_id)));
          const out = updates.filter((u) => fresh.has(u.update_id) && !local.has(u.update_id));
          for (const u of out) mine.add(u.update_id);
          return out;
        } catch (err) {
          if (!options.fallback) throw err;
        }
      }
      if (!options.fallback) throw new Error('the database is unreachable and there is no local journal');
      const out = (await options.fallback.accept(updates.filter((u) => !mine.has(u.update_id)))) as Update[];
      for (const u of out) local.add(u.update_id);
      return out;
    },
    markDelivered(updateId, index) {
      if (local.has(updateId)) return options.fallback?.markDelivered(updateId, index);
      void pool.query('UPDATE update_journal SET delivered = array_append(delivered, $2) WHERE update_id = $1', [updateId, index]).catch(() => undefined);
    },
    markDone(updateId) {
      if (local.delete(updateId)) return options.fallback?.markDone(updateId);
      mine.delete(updateId);
      void pool.query('UPDATE update_journal SET done_at = now() WHERE update_id = $1', [updateId]).catch(() => doneLater.add(updateId));
    },
    async close() {
      clearInterval(timer);
      // Unfinished updates are handed over at once rather than when the lease runs out.
      await pool.query('UPDATE update_journal SET lease_until = now() WHERE owner = $1 AND done_at IS NULL', [instance]).catch(() => undefined);
      if (doneLater.size > 0)
        await pool.query('UPDATE update_journal SET done_at = now() WHERE update_id = ANY($1::bigint[])', [[...doneLater]]).catch(() => undefined);
      await options.fallback?.close();
    },
  };
}
