/**
 * The flood limit shared by the bot instances: each instance counts its own questions per user in
 * a sliding minute, as the file-store guard does, and adds what the other instances counted for
 * that user (from `flood_counts`, 10-second buckets). The verdict stays synchronous: the others'
 * count is the one read after this user's previous question, so it lags by at most one question
 * per instance; while the database is away, each instance limits on its own count.
 */
import type pg from 'pg';
import type { FloodGuard, FloodOptions, FloodVerdict } from '../telegram/flood.ts';

const BUCKET_MS = 10_000;

interface UserEntry {
  times: number[];
  noticed: boolean;
  /** Questions the other instances answered for this user in the last minute, as last read… */
  others: number;
  /** …at this time: a count older than the window is no longer counted. */
  othersAt: number;
}

/**
 * A flood guard counting across instances through `pool`.
 *
 * @example
 * const flood = createSharedFloodGuard(pool, 'host:42', { limit: 20 });
 * flood.take(userId); // 'answer', …, then 'notice' once, then 'drop'
 */
export function createSharedFloodGuard(pool: pg.Pool, instance: string, { limit, windowMs = 60_000 }: FloodOptions): FloodGuard {
  const seen = new Map<number, UserEntry>();
  let lastSweep = 0;

  /** Read what the other instances counted for `user` in the window ending `now`. */
  function refresh(user: number, now: number, entry: UserEntry): Promise<void> {
    const since = Math.floor((now - windowMs) / BUCKET_MS) + 1;
    return pool
      .query<{ n: string }>('SELECT coalesce(sum(questions), 0) AS n FROM flood_counts WHERE user_id = $1 AND instance <> $2 AND bucket >= $3', [
        user,
        instance,
        since,
      ])
      .then((res) => {
        entry.others = Number(res.rows[0]?.n ?? 0);
        entry.othersAt = now;
      });
  }

  /** Count one answered question of `user` for the other instances, then read theirs. */
  function record(user: number, now: number, entry: UserEntry): void {
    void pool
      .query(
        `INSERT INTO flood_counts (user_id, bucket, instance, questions) VALUES ($1, $2, $3, 1)
         ON CONFLICT (user_id, bucket, instance) DO UPDATE SET questions = flood_counts.questions + 1`,
        [user, Math.floor(now / BUCKET_MS), instance],
      )
      .then(() => refresh(user, now, entry))
      .catch(() => undefined);
  }

  function sweep(now: number): void {
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [user, entry] of seen) if ((entry.times.at(-1) ?? 0) <= now - windowMs && entry.others === 0) seen.delete(user);
    void pool.query('DELETE FROM flood_counts WHERE bucket < $1', [Math.floor((now - 2 * windowMs) / BUCKET_MS)]).catch(() => undefined);
  }

  return {
    take(user, now = Date.now()): FloodVerdict {
      if (limit <= 0) return 'answer';
      sweep(now);
      const entry = seen.get(user) ?? { times: [], noticed: false, others: 0, othersAt: 0 };
      seen.set(user, entry);
      if (entry.othersAt <= now - windowMs) entry.others = 0;
      while (entry.times.length > 0 && (entry.times[0] ?? 0) <= now - windowMs) entry.times.shift();
      if (entry.times.length + entry.others < limit) {
        entry.times.push(now);
        entry.noticed = false;
        record(user, now, entry);
        return 'answer';
      }
      // Over the limit: read the others' count again, so it decays as their questions age.
      void refresh(user, now, entry).catch(() => undefined);
      if (entry.noticed) return 'drop';
      entry.noticed = true;
      return 'notice';
    },
    get size() {
      return seen.size;
    },
  };
}
