/**
 * The update journal: an append-only file (NDJSON) that makes "nothing answerable is lost" hold
 * across crashes. An update is written (and fsynced) before Telegram is told it was received; each
 * delivered reply is noted; the update is marked done when its handler has finished. A restart
 * handles every update not marked done again, skipping the replies already delivered.
 *
 * Lines: `{"r":update,"t":ms}` received, `{"s":[updateId,index]}` reply delivered, `{"d":updateId}` done.
 */
import { mkdir, open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Update } from 'telegraf/types';

export interface JournalOptions {
  /** Updates older than this at start-up are no longer worth answering (ms). */
  readonly maxAgeMs: number;
  /** Rewrite the file without finished updates after this many are marked done. */
  readonly compactEvery?: number;
  readonly now?: () => number;
}

/** An update received but not finished before the last stop. */
export interface PendingUpdate {
  readonly update: Update;
  readonly receivedAt: number;
  /** Indexes of its calls already delivered. */
  readonly delivered: ReadonlySet<number>;
}

export interface UpdateJournal {
  /** Write the updates not seen before, durably; resolves with them (duplicates left out). */
  accept(updates: readonly Update[]): Promise<Update[]>;
  /** What the last run left unfinished (read at open), oldest first. */
  readonly leftOver: readonly PendingUpdate[];
  /** Updates stale at open (older than `maxAgeMs`), dropped. */
  readonly expired: number;
  markDelivered(updateId: number, index: number): void;
  markDone(updateId: number): void;
  /** Updates received and not yet done. */
  readonly pending: number;
  close(): Promise<void>;
}

export const JOURNAL_FILE = 'updates.ndjson';

/** Done ids kept after compaction, so an update Telegram sends again is still recognised. */
const REMEMBER_DONE = 2_000;

interface Entry {
  update: Update;
  receivedAt: number;
  delivered: Set<number>;
}

type Line = { r: Update; t: number } | { s: [number, number] } | { d: number };

function parseLines(text: string): Line[] {
  const out: Line[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as Line);
    } catch {
      // A line cut short by a crash mid-write: the update it held was never confirmed to Telegram.
    }
  }
  return out;
}

function replay(lines: readonly Line[], entries: Map<number, Entry>, done: Set<number>): void {
  for (const line of lines) {
    if ('r' in line) {
      if (!done.has(line.r.update_id) && !entries.has(line.r.update_id))
        entries.set(line.r.update_id, { update: line.r, receivedAt: line.t, delivered: new Set() });
    } else if ('s' in line) entries.get(line.s[0])?.delivered.add(line.s[1]);
    else if ('d' in line) {
      entries.delete(line.d);
      done.add(line.d);
    }
  }
}

function rememberedDone(done: Set<number>): number[] {
  return [...done].slice(-REMEMBER_DONE);
}

function snapshot(entries: Map<number, Entry>, done: Set<number>): string {
  const lines: string[] = rememberedDone(done).map((d) => JSON.stringify({ d }));
  for (const e of entries.values()) {
    lines.push(JSON.stringify({ r: e.update, t: e.receivedAt }));
    for (const i of e.delivered) lines.push(JSON.stringify({ s: [e.update.update_id, i] }));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** What the file holds: unfinished updates, done ids, and how many were too old (received before `oldest`). */
async function readJournal(path: string, oldest: number): Promise<{ entries: Map<number, Entry>; done: Set<number>; expired: number }> {
  const entries = new Map<number, Entry>();
  const done = new Set<number>();
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  replay(parseLines(text), entries, done);
  let expired = 0;
  for (const [id, e] of entries) {
    if (e.receivedAt < oldest) {
      entries.delete(id);
      done.add(id);
      expired++;
    }
  }
  return { entries, done, expired };
}

/** Atomically replace the file with `text` (fsynced); reopen it for appends. */
async function rewriteJournal(path: string, text: string): Promise<FileHandle> {
  const tmp = `${path}.tmp`;
  const out = await open(tmp, 'w');
  await out.writeFile(text);
  await out.sync();
  await out.close();
  await rename(tmp, path);
  return open(path, 'a');
}

/**
 * The journal's file: writes run one after another, in order, and compaction swaps in a rewritten
 * file between them. A failed append or compaction is dropped (the next start replays what landed).
 */
function journalWriter(first: FileHandle, rewrite: () => Promise<FileHandle>) {
  let file = first;
  let tail: Promise<unknown> = Promise.resolve();
  function serial<T>(work: (file: FileHandle) => Promise<T>): Promise<T> {
    const next = tail.then(() => work(file));
    tail = next.catch(() => undefined);
    return next;
  }
  return {
    serial,
    append: (line: Line) => void serial((f) => f.write(`${JSON.stringify(line)}\n`)).catch(() => undefined),
    compact: () =>
      void serial(async (f) => {
        await f.close();
        file = await rewrite();
      }).catch(() => undefined),
    close: () =>
      serial((f) => f.close()).then(
        () => undefined,
        () => undefined,
      ),
  };
}

/**
 * Open (creating if needed) the journal in `dir`, compacting what the last run left.
 *
 * @example
 * const journal = await openJournal('.whosaid-state', { maxAgeMs: 86_400_000 });
 * for (const p of journal.leftOver) dispatch(p.update, p.delivered);
 */
export async function openJournal(dir: string, options: JournalOptions): Promise<UpdateJournal> {
  const now = options.now ?? Date.now;
  const compactEvery = options.compactEvery ?? 5_000;
  const path = join(dir, JOURNAL_FILE);
  await mkdir(dir, { recursive: true });
  const { entries, done, expired } = await readJournal(path, now() - options.maxAgeMs);
  const leftOver: PendingUpdate[] = [...entries.values()].map((e) => ({ update: e.update, receivedAt: e.receivedAt, delivered: new Set(e.delivered) }));

  const writer = journalWriter(await rewriteJournal(path, snapshot(entries, done)), () => rewriteJournal(path, snapshot(entries, done)));
  let doneSinceCompact = 0;
  const writing = new Set<number>();

  return {
    leftOver,
    expired,
    get pending() {
      return entries.size;
    },
    accept(updates) {
      // `writing` catches a repeat (a webhook retry) that arrives while the first is being written.
      const fresh = updates.filter((u) => !entries.has(u.update_id) && !done.has(u.update_id) && !writing.has(u.update_id));
      if (fresh.length === 0) return Promise.resolve([]);
      const t = now();
      for (const u of fresh) writing.add(u.update_id);
      return writer
        .serial(async (file) => {
          await file.write(fresh.map((u) => `${JSON.stringify({ r: u, t })}\n`).join(''));
          await file.sync();
          for (const u of fresh) entries.set(u.update_id, { update: u, receivedAt: t, delivered: new Set() });
          return fresh;
        })
        .finally(() => {
          for (const u of fresh) writing.delete(u.update_id);
        });
    },
    markDelivered(updateId, index) {
      entries.get(updateId)?.delivered.add(index);
      writer.append({ s: [updateId, index] });
    },
    markDone(updateId) {
      entries.delete(updateId);
      done.add(updateId);
      if (done.size > REMEMBER_DONE * 2) for (const id of [...done].slice(0, done.size - REMEMBER_DONE)) done.delete(id);
      writer.append({ d: updateId });
      if (++doneSinceCompact >= compactEvery) {
        doneSinceCompact = 0;
        writer.compact();
      }
    },
    close: () => writer.close(),
  };
}
