/**
 * Opening a corpus folder through its saved index: files whose path, size and mtime (or content
 * hash) are unchanged reuse their saved extraction; only changed files are extracted again; the
 * search indexes are loaded as saved when no story changed, and rebuilt and saved otherwise.
 */
import { createHash } from 'node:crypto';
import { constants, statSync, type Dirent } from 'node:fs';
import { access, readdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildCorpus, type Corpus } from '../core/corpus.ts';
import type { SavedSearch } from '../core/search/index.ts';
import { WhosaidError } from '../core/errors.ts';
import { formatOf } from '../core/read/load.ts';
import type { LoadWarning } from '../core/types.ts';
import type { ExtractResult } from './extract-file.ts';
import { createExtractorFor, type Extractor, type ExtractorOptions } from './extract-pool.ts';
import { createProgress, type ProgressListener } from './progress.ts';
import { keyOfEntries, loadEntries, loadSearchIndex, saveEntries, saveSearchIndex, type FileEntry } from './index-store.ts';

export const CACHE_FOLDER = '.whosaid-cache';

export interface CachedCorpusOptions extends RefreshOptions {
  /** Where the saved index lives; default `<dir>/.whosaid-cache`, or under `userCacheDir` when the corpus folder is read-only. */
  readonly cacheDir?: string;
  /** The user's cache folder (default `~/.cache/whosaid`; config reads `$XDG_CACHE_HOME`). */
  readonly userCacheDir?: string;
}

export interface CachedCorpus {
  readonly corpus: Corpus;
  readonly warnings: LoadWarning[];
  /** The entries the corpus was built from, to hand to the next `openCachedCorpus` call. */
  readonly entries: readonly FileEntry[];
  /** Files extracted again (new or changed) on this call. */
  readonly extracted: number;
  /** True when the search indexes came from disk rather than being rebuilt. */
  readonly fromSavedIndex: boolean;
  /** Where the saved index is. */
  readonly cacheDir: string;
}

/** The user's cache folder when the caller names none: `~/.cache/whosaid`. */
export function defaultUserCacheDir(): string {
  return join(homedir(), '.cache', 'whosaid');
}

/** The cache folder of a corpus inside the user's cache folder: one per absolute corpus path. */
export function userCacheDirFor(dir: string, userCacheDir = defaultUserCacheDir()): string {
  return join(userCacheDir, createHash('sha1').update(resolve(dir)).digest('hex').slice(0, 16));
}

/** Can this process create files in `path` (or make it)? False on read-only mounts and folders it may not write. */
async function isWritable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' && dirname(path) !== path && isWritable(dirname(path));
  }
}

/**
 * Where a corpus keeps its index: `<dir>/.whosaid-cache` when the corpus folder can be written,
 * else a folder of its own in the user's cache folder, so a read-only corpus never fails to open.
 */
export async function cacheDirFor(dir: string, userCacheDir?: string): Promise<string> {
  const local = join(dir, CACHE_FOLDER);
  return (await isWritable(local)) ? local : userCacheDirFor(dir, userCacheDir);
}

/** Corpus files under `dir` (relative, `/`-separated, sorted), skipping dot-folders such as the cache. */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  let found: Dirent[];
  try {
    found = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    throw new WhosaidError(`Cannot read the corpus folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
  // A folder's relative path once per folder, not once per file (10,000 files sit in a few folders).
  const folders = new Map<string, string | null>();
  const folderOf = (parent: string): string | null => {
    let rel = folders.get(parent);
    if (rel === undefined) {
      const parts = relative(dir, parent).split(sep).filter(Boolean);
      rel = parts.some((part) => part.startsWith('.')) ? null : parts.join('/');
      folders.set(parent, rel);
    }
    return rel;
  };
  const out: string[] = [];
  for (const e of found) {
    if (!e.isFile() || e.name.startsWith('.')) continue;
    const folder = folderOf(e.parentPath);
    if (folder === null || /^(?:README|LICENSE)(?:\.\w+)?$/i.test(e.name) || formatOf(e.name) === null) continue;
    out.push(folder ? `${folder}/${e.name}` : e.name);
  }
  return out.sort();
}

/** The entry for an extraction result; a broken file keeps its previous good version when there is one. */
function entryOf(result: ExtractResult, base: Omit<FileEntry, 'article' | 'quotations' | 'warning'>, previous: FileEntry | undefined): FileEntry {
  if (result.ok) return { ...base, article: result.article, quotations: result.quotations, warning: result.warning };
  if (previous?.article) return { ...previous, warning: `${result.reason}; keeping the previous version` };
  return { ...base, article: null, quotations: [], warning: result.reason };
}

/**
 * Files stat'ed between two turns of the event loop. A synchronous stat costs a few µs; a promise
 * one, with its thread-pool round trip, four times as much (0.3 s for 10,000 files). Yielding
 * between batches keeps a live reload from holding up questions for more than a few ms.
 */
const STAT_BATCH = 256;

/** The up-to-date entry of one file (null when it was deleted meanwhile), and whether it was extracted again. */
async function refreshEntry(
  dir: string,
  path: string,
  old: FileEntry | undefined,
  extractor: Extractor,
): Promise<{ entry: FileEntry | null; extracted: boolean }> {
  const full = join(dir, path);
  try {
    const st = statSync(full, { throwIfNoEntry: false });
    if (!st) return { entry: null, extracted: false };
    if (old && old.size === st.size && old.mtimeMs === st.mtimeMs) return { entry: old, extracted: false };
    const content = await readFile(full);
    const hash = createHash('sha1').update(content).digest('hex');
    const base = { path, size: st.size, mtimeMs: st.mtimeMs, hash };
    if (old && old.hash === hash && !old.warning?.endsWith('keeping the previous version')) return { entry: { ...old, ...base }, extracted: false };
    return { entry: entryOf(await extractor.extract({ path, content }), base, old), extracted: true };
  } catch (err) {
    // Deleted between listing and reading, or unreadable: keep a good old version, else warn.
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    if (code === 'ENOENT') return { entry: null, extracted: false };
    const entry = old?.article
      ? { ...old, warning: `unreadable (${code}); keeping the previous version` }
      : { path, size: 0, mtimeMs: 0, hash: '', article: null, quotations: [], warning: `unreadable (${code})` };
    return { entry, extracted: false };
  }
}

/** Same size and mtime as when the entry was made (any error: not known to be unchanged). */
function isUnchanged(full: string, old: FileEntry): boolean {
  try {
    const st = statSync(full, { throwIfNoEntry: false });
    return st !== undefined && st.size === old.size && st.mtimeMs === old.mtimeMs;
  } catch {
    return false;
  }
}

export interface RefreshOptions extends ExtractorOptions {
  /** Called after each file checked or extracted, when any file changed. */
  readonly onProgress?: ProgressListener;
}

/** Run `work` over `items` with at most `limit` running at once. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Bring the entries up to date with the folder: reuse what is unchanged, extract the rest, on
 * every core when there are many (see `extract-pool.ts`). Entries keep the folder's path order.
 */
export async function refreshEntries(
  dir: string,
  previous: readonly FileEntry[],
  options: RefreshOptions = {},
): Promise<{ entries: FileEntry[]; extracted: number; threads: number }> {
  const known = new Map(previous.map((e) => [e.path, e]));
  const paths = await listCorpusFiles(dir);
  const slots: (FileEntry | null)[] = new Array<FileEntry | null>(paths.length).fill(null);
  const changed: number[] = [];
  for (const [i, path] of paths.entries()) {
    if (i > 0 && i % STAT_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    const old = known.get(path);
    if (old && isUnchanged(join(dir, path), old)) slots[i] = old;
    else changed.push(i);
  }
  let extracted = 0;
  const extractor = createExtractorFor(changed.length, options);
  const progress = options.onProgress && changed.length > 0 ? createProgress(changed.length, extractor.threads, options.onProgress) : null;
  try {
    // A few files read ahead per thread keep the workers busy without holding the folder in memory.
    await forEachLimited(changed, extractor.threads * 4, async (i) => {
      const path = paths[i] as string;
      const r = await refreshEntry(dir, path, known.get(path), extractor);
      slots[i] = r.entry;
      if (r.extracted) extracted++;
      progress?.tick();
    });
  } finally {
    await extractor.close();
  }
  return { entries: slots.filter((e): e is FileEntry => e !== null), extracted, threads: extractor.threads };
}

/** A search's two indexes: `<name>.idx` (documents) and `<name>-names.idx` (speaker names). */
async function loadSavedSearch(cacheDir: string, name: string, key: string): Promise<SavedSearch | null> {
  const [docs, names] = await Promise.all([loadSearchIndex(cacheDir, name, key), loadSearchIndex(cacheDir, `${name}-names`, key)]);
  return docs && names ? { docs, names } : null;
}

async function saveSavedSearch(cacheDir: string, name: string, key: string, saved: SavedSearch): Promise<void> {
  await Promise.all([saveSearchIndex(cacheDir, name, key, saved.docs), saveSearchIndex(cacheDir, `${name}-names`, key, saved.names)]);
}

/** Build the corpus from entries, reusing saved search indexes when they match. */
export async function buildFromEntries(cacheDir: string, entries: readonly FileEntry[]): Promise<{ corpus: Corpus; fromSavedIndex: boolean }> {
  const good = entries.filter((e) => e.article !== null);
  const articles = good.flatMap((e) => (e.article === null ? [] : [e.article]));
  const quotations = good.flatMap((e) => e.quotations);
  const key = keyOfEntries(entries);
  const [search, passages] = await Promise.all([loadSavedSearch(cacheDir, 'quotes', key), loadSavedSearch(cacheDir, 'passages', key)]);
  if (search && passages) return { corpus: buildCorpus(articles, quotations, { search, passages }), fromSavedIndex: true };
  const corpus = buildCorpus(articles, quotations);
  // A read-only corpus still answers; it just rebuilds on the next start.
  await Promise.all([saveSavedSearch(cacheDir, 'quotes', key, corpus.search.save()), saveSavedSearch(cacheDir, 'passages', key, corpus.passages.save())]).catch(
    () => undefined,
  );
  return { corpus, fromSavedIndex: false };
}

/**
 * Open a corpus folder through its saved index (created or refreshed as needed). Throws when no
 * story loads. Pass `previous` entries (from the last call) to skip reading the saved entries.
 *
 * @example
 * const { corpus } = await openCachedCorpus('./corpus');
 */
export async function openCachedCorpus(dir: string, options: CachedCorpusOptions = {}, previous?: readonly FileEntry[]): Promise<CachedCorpus> {
  const cacheDir = options.cacheDir ?? (await cacheDirFor(dir, options.userCacheDir));
  const before = previous ?? (await loadEntries(cacheDir));
  const { entries, extracted } = await refreshEntries(dir, before, options);
  const warnings = entries.flatMap((e) => (e.warning ? [{ path: e.path, reason: e.warning }] : []));
  if (!entries.some((e) => e.article)) {
    throw new WhosaidError(
      `No story loaded from ${dir}${warnings.length ? ` (${warnings.map((w) => `${w.path}: ${w.reason}`).join('; ')})` : ': the folder has no .txt, .md or .html files'}`,
    );
  }
  const changed = extracted > 0 || entries.length !== before.length || entries.some((e, i) => e !== before[i]);
  if (changed) {
    await saveEntries(cacheDir, entries).catch((err: unknown) => {
      warnings.push({ path: cacheDir, reason: `could not save the index (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
    });
  }
  const { corpus, fromSavedIndex } = await buildFromEntries(cacheDir, entries);
  return { corpus, warnings, entries, extracted, fromSavedIndex, cacheDir };
}
