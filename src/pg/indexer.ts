/**
 * The indexer: brings the stories table up to date with CORPUS_DIR. New and changed files are
 * extracted (on every core when there are many, with the extraction pool) and written one story per
 * transaction, announced on commit; deleted files become tombstones. Killed at any moment, it leaves
 * only whole stories behind, and the next run finishes the job. One indexer per database: it holds
 * an advisory lock for as long as it runs.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { listCorpusFiles } from '../node/folder-scan.ts';
import { createExtractorFor, type ExtractorOptions } from '../node/extract-pool.ts';
import { extractionFingerprint } from '../node/fingerprint.ts';
import { clientConfig, DatabaseError, describeDatabase, reasonOf } from './connect.ts';
import { lockKeySql } from './migrate.ts';
import { deleteStory, readStoredFiles, touchStory, writeStory, type StoredFile } from './stories.ts';

export interface IndexReport {
  readonly files: number;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  /** Files that gave no story (their warning is stored); a good older version is kept. */
  readonly failed: number;
  readonly quotations: number;
  readonly ms: number;
}

export interface IndexOptions extends ExtractorOptions {
  /** Called per story written, for progress. */
  readonly onStory?: (path: string, kind: 'added' | 'changed' | 'removed' | 'failed') => void;
  /** The extraction version (default: the fingerprint of the extraction code, `extractionFingerprint`). */
  readonly extraction?: string;
}

interface Candidate {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly old: StoredFile | undefined;
}

/** Files that may have changed: new, another size or mtime, or extracted by another version. */
function candidatesOf(dir: string, paths: readonly string[], stored: ReadonlyMap<string, StoredFile>, extraction: string): Candidate[] {
  const out: Candidate[] = [];
  for (const path of paths) {
    const st = statSync(join(dir, path), { throwIfNoEntry: false });
    if (!st) continue;
    const old = stored.get(path);
    if (old && old.size === st.size && old.mtimeMs === st.mtimeMs && old.extraction === extraction) continue;
    out.push({ path, size: st.size, mtimeMs: st.mtimeMs, old });
  }
  return out;
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * One pass over the folder. Throws when the database fails midway: what was written stays, whole.
 *
 * @example
 * const report = await indexFolder(pool, './corpus');
 */
export async function indexFolder(pool: pg.Pool, dir: string, options: IndexOptions = {}): Promise<IndexReport> {
  const started = performance.now();
  const extraction = options.extraction ?? extractionFingerprint();
  const stored = await readStoredFiles(pool);
  const paths = await listCorpusFiles(dir);
  const candidates = candidatesOf(dir, paths, stored, extraction);
  const counts = { added: 0, changed: 0, removed: 0, failed: 0, quotations: 0 };
  const extractor = createExtractorFor(candidates.length, options);
  try {
    await forEachLimited(candidates, extractor.threads * 4, async (c) => {
      let content: Buffer;
      try {
        content = await readFile(join(dir, c.path));
      } catch {
        return; // Deleted or unreadable since listing: the next pass sees it.
      }
      const fingerprint = createHash('sha1').update(content).digest('hex');
      if (c.old && c.old.fingerprint === fingerprint && c.old.extraction === extraction) return touchStory(pool, c.path, c.size, c.mtimeMs);
      const r = await extractor.extract({ path: c.path, content });
      const base = { path: c.path, fingerprint, size: c.size, mtimeMs: c.mtimeMs, extraction };
      if (!r.ok) {
        counts.failed++;
        options.onStory?.(c.path, 'failed');
        // A broken file keeps its previous good story, as the file store does.
        if (c.old?.hasStory) return touchStory(pool, c.path, c.old.size, c.old.mtimeMs, `${r.reason}; keeping the previous version`);
        await writeStory(pool, { ...base, article: null, quotations: [], warning: r.reason });
        return;
      }
      await writeStory(pool, { ...base, article: r.article, quotations: r.quotations, warning: r.warning });
      counts.quotations += r.quotations.length;
      const kind = c.old ? 'changed' : 'added';
      counts[kind]++;
      options.onStory?.(c.path, kind);
    });
  } finally {
    await extractor.close();
  }
  const present = new Set(paths);
  for (const path of stored.keys()) {
    if (present.has(path)) continue;
    await deleteStory(pool, path);
    counts.removed++;
    options.onStory?.(path, 'removed');
  }
  return { files: paths.length, ...counts, ms: performance.now() - started };
}

/** The indexer's hold on the database: released when its connection closes (a kill releases it too). */
export interface IndexerLock {
  /** Rejects when the connection holding the lock is lost (the lock is gone with it). */
  readonly lost: Promise<never>;
  release(): Promise<void>;
}

/** Another indexer holds the lock. */
export class IndexerBusyError extends DatabaseError {
  override readonly name = 'IndexerBusyError';
}

/**
 * Take the indexer lock on its own connection. `wait`: wait for the other indexer to finish;
 * otherwise throw `IndexerBusyError` at once.
 */
export async function lockIndexer(url: string, wait = false): Promise<IndexerLock> {
  const client = new pg.Client(clientConfig(url, { applicationName: 'whosaid indexer (lock)' }));
  let lose: (err: Error) => void = () => undefined;
  const lost = new Promise<never>((_, reject) => {
    lose = reject;
  });
  lost.catch(() => undefined);
  client.on('error', (err) => lose(err));
  client.on('end', () => lose(new DatabaseError('the connection holding the indexer lock closed')));
  try {
    await client.connect();
  } catch (err) {
    throw new DatabaseError(`Cannot connect to PostgreSQL at ${describeDatabase(url)} (${reasonOf(err)}). Check DATABASE_URL and that the server is running.`, {
      cause: err,
    });
  }
  const key = lockKeySql('$1');
  if (wait) await client.query(`SELECT pg_advisory_lock(${key})`, ['indexer']);
  else {
    const res = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${key}) AS ok`, ['indexer']);
    if (!res.rows[0]?.ok) {
      await client.end().catch(() => undefined);
      throw new IndexerBusyError(
        `Another indexer is already writing to ${describeDatabase(url)}; only one may run at a time. Stop it, or pass --wait to start when it is done.`,
      );
    }
  }
  return {
    lost,
    async release() {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    },
  };
}
