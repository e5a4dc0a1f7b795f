/**
 * A bot instance's corpus when PostgreSQL is the store: every story is read once at start and the
 * search index built in memory; then the instance LISTENs for the indexer's announcements and
 * applies each change incrementally (`patchCorpus`), reading only the rows whose change number is
 * above the last one applied. When the database goes away the instance keeps answering from
 * memory, says so once, reconnects with backoff, and catches up on what it missed ("seq > N").
 */
import pg from 'pg';
import { buildCorpus, patchCorpus, type Corpus } from '../core/corpus.ts';
import { WhosaidError } from '../core/errors.ts';
import type { Article, LoadWarning, Quotation } from '../core/types.ts';
import { buildFromEntries } from '../node/corpus-cache.ts';
import type { FileEntry } from '../node/index-store.ts';
import type { LiveCorpus } from '../node/live-corpus.ts';
import { clientConfig, connectDatabase, describeDatabase, reasonOf } from './connect.ts';
import { migrate } from './migrate.ts';
import { readAllStories, readChangesSince, STORIES_CHANNEL, type StoryRow } from './stories.ts';

export interface DatabaseCorpusOptions {
  /**
   * Where to keep this instance's search indexes between starts (CACHE_DIR): a restart with the
   * same stories loads them instead of rebuilding (keyed like the file store's saved index).
   */
  readonly cacheDir?: string;
  /** Fail when the database holds no story yet (the CLI); the bot starts empty and fills as the indexer writes. */
  readonly requireStories?: boolean;
  /** The database went away (said once per outage). */
  readonly onLost?: (reason: string) => void;
  /** The database is back; `changes` were caught up. */
  readonly onRecovered?: (changes: number) => void;
  /** Changes applied (after an announcement or a catch-up). */
  readonly onReload?: (info: { readonly stories: number; readonly quotations: number; readonly changes: number; readonly ms: number }) => void;
  /** First reconnect delay (ms, default 250), doubled up to `reconnectCapMs` (default 5000). */
  readonly reconnectMs?: number;
  readonly reconnectCapMs?: number;
  /** A catch-up this often even without announcements, in case one was lost (ms, default 10000). */
  readonly pollMs?: number;
}

export interface DatabaseCorpus extends LiveCorpus {
  /** The last change number applied. */
  seq(): number;
  /** The pool, for the other shared state (journal, flood counts). */
  readonly pool: pg.Pool;
}

/** Stories gone and stories (re)added by a batch of changed rows. */
function changeOfRows(byPath: Map<string, string>, rows: readonly StoryRow[]) {
  const removed: string[] = [];
  const added = new Map<string, { article: Article; quotations: readonly Quotation[] }>();
  for (const r of rows) {
    const old = byPath.get(r.path);
    if (old !== undefined) {
      removed.push(old);
      added.delete(old);
      byPath.delete(r.path);
    }
    if (r.article) {
      byPath.set(r.path, r.article.id);
      added.set(r.article.id, { article: r.article, quotations: r.quotations });
    }
  }
  return { removed, added: [...added.values()] };
}

/** Build the corpus from stored rows (in path order, as the file store's entries). */
function corpusOf(rows: readonly StoryRow[]): Corpus {
  return buildCorpus(
    rows.flatMap((r) => (r.article ? [r.article] : [])),
    rows.flatMap((r) => r.quotations),
  );
}

/** Rows as the file store's entries, so its saved-search-index code (keyed by path, content hash and quotation count) applies. */
function entriesOf(rows: readonly StoryRow[]): FileEntry[] {
  return rows.map((r) => ({ path: r.path, size: 0, mtimeMs: 0, hash: r.fingerprint, article: r.article, quotations: r.quotations, warning: r.warning }));
}

const warningsOf = (rows: readonly StoryRow[]): LoadWarning[] => rows.flatMap((r) => (r.warning ? [{ path: r.path, reason: r.warning }] : []));

/**
 * Open the stories of the database at `url`. Throws a `DatabaseError` naming the host when it
 * cannot be reached.
 *
 * @example
 * const live = await openDatabaseCorpus(config.databaseUrl, { onLost: (why) => log.warn(why) });
 * ask(live.current(), 'who said 1,200?');
 */
export async function openDatabaseCorpus(url: string, options: DatabaseCorpusOptions = {}): Promise<DatabaseCorpus> {
  const pool = await connectDatabase(url);
  let listener: pg.Client | null = null;
  try {
    await migrate(pool);
    // Listen before reading, so no announcement falls between the read and the LISTEN.
    listener = await listen(url);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  const first = await readAllStories(pool);
  const stored = first.rows.filter((r) => r.article);
  if (options.requireStories && stored.length === 0) {
    await listener.end().catch(() => undefined);
    await pool.end();
    throw new WhosaidError(`No story in the database at ${describeDatabase(url)} yet: run npm run index (with the same DATABASE_URL) first.`);
  }
  let corpus = options.cacheDir ? (await buildFromEntries(options.cacheDir, entriesOf(stored))).corpus : corpusOf(stored);
  let seq = first.seq;
  const byPath = new Map(stored.flatMap((r) => (r.article ? [[r.path, r.article.id] as const] : [])));
  const counts = new Map(stored.map((r) => [r.path, r.quotations.length]));
  let warnings = warningsOf(first.rows);
  let closing = false;
  let lost = false;

  async function catchUpOnce(): Promise<number> {
    const started = performance.now();
    const rows = await readChangesSince(pool, seq);
    if (rows.length === 0) return 0;
    corpus = patchCorpus(corpus, changeOfRows(byPath, rows));
    for (const r of rows) {
      if (r.article) counts.set(r.path, r.quotations.length);
      else counts.delete(r.path);
      seq = Math.max(seq, r.seq);
    }
    warnings = [...warnings.filter((w) => !rows.some((r) => r.path === w.path)), ...warningsOf(rows)];
    let quotations = 0;
    for (const n of counts.values()) quotations += n;
    options.onReload?.({ stories: byPath.size, quotations, changes: rows.length, ms: performance.now() - started });
    return rows.length;
  }

  let running: Promise<number> | null = null;
  let again = false;
  /** One catch-up at a time; announcements during one cause exactly one more. */
  function catchUp(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await catchUpOnce();
        } while (again);
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  }

  const base = options.reconnectMs ?? 250;
  const cap = options.reconnectCapMs ?? 5_000;
  let retryTimer: NodeJS.Timeout | null = null;
  function onListenerLost(err: unknown): void {
    if (closing || lost) return;
    lost = true;
    // A broken client may still emit errors: keep one handler so none is unhandled.
    listener?.removeAllListeners().on('error', () => undefined);
    listener = null;
    options.onLost?.(`lost the database at ${describeDatabase(url)} (${reasonOf(err)}); answering from the stories in memory and reconnecting`);
    reconnect(0);
  }
  function reconnect(attempt: number): void {
    const wait = Math.min(cap, base * 2 ** attempt);
    retryTimer = setTimeout(() => {
      void (async () => {
        try {
          const client = await listen(url);
          if (closing) return void client.end().catch(() => undefined);
          listener = client;
          attach(client);
          lost = false;
          const changes = await catchUp();
          options.onRecovered?.(changes);
        } catch {
          if (!closing && !listener) reconnect(attempt + 1);
          else if (!closing) lost = false;
        }
      })();
    }, wait);
  }
  function attach(client: pg.Client): void {
    client.on('notification', () => void catchUp().catch(() => undefined));
    client.on('error', onListenerLost);
    client.on('end', () => onListenerLost(new Error('connection closed')));
  }
  attach(listener);

  // A safety net: a catch-up now and then, in case an announcement was lost on a half-open connection.
  const poll = setInterval(() => {
    if (!lost) void catchUp().catch(() => undefined);
  }, options.pollMs ?? 10_000);
  poll.unref();

  return {
    pool,
    current: () => corpus,
    reload: async () => {
      await catchUp();
    },
    warnings: () => warnings,
    seq: () => seq,
    async close() {
      closing = true;
      clearInterval(poll);
      if (retryTimer) clearTimeout(retryTimer);
      await running?.catch(() => undefined);
      const l = listener;
      listener = null;
      l?.removeAllListeners().on('error', () => undefined);
      await l?.end().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}

/** A connection that LISTENs for story announcements. */
async function listen(url: string): Promise<pg.Client> {
  const client = new pg.Client(clientConfig(url, { applicationName: 'whosaid (listen)' }));
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(`LISTEN ${STORIES_CHANNEL}`);
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  client.removeAllListeners('error');
  return client;
}

/**
 * The stories of the database once, without following changes (`ask`, `quotes`). Throws when it
 * holds none.
 */
export async function readDatabaseCorpus(url: string): Promise<Corpus> {
  const pool = await connectDatabase(url, { max: 1 });
  try {
    await migrate(pool);
    const { rows } = await readAllStories(pool);
    const stored = rows.filter((r) => r.article);
    if (stored.length === 0)
      throw new WhosaidError(`No story in the database at ${describeDatabase(url)} yet: run npm run index (with the same DATABASE_URL) first.`);
    return corpusOf(stored);
  } finally {
    await pool.end().catch(() => undefined);
  }
}
