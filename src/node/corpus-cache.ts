/**
 * Opening a corpus folder through its saved index: files whose path, size and mtime (or content
 * hash) are unchanged reuse their saved extraction; only changed files are extracted again; the
 * search indexes are loaded as saved when no story changed, and rebuilt and saved otherwise.
 */
import { createHash } from 'node:crypto';
import { constants, statSync } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildCorpus, patchCorpus, type Corpus, type CorpusChange } from '../core/corpus.ts';
import type { SavedSearch } from '../core/search/index.ts';
import { WhosaidError } from '../core/errors.ts';
import type { Article, LoadWarning, Quotation } from '../core/types.ts';
import type { ExtractResult } from './extract-file.ts';
import { createExtractorFor, type Extractor, type ExtractorOptions } from './extract-pool.ts';
import { createProgress, type ProgressListener } from './progress.ts';
import { isCorpusPath, listCorpusFiles, sameStat, scanFolderInWorker, statOf, type FolderScan } from './folder-scan.ts';
import { createSlicer } from './turns.ts';
import {
  appendJournal,
  keyOfEntries,
  loadSavedEntries,
  loadSearchIndex,
  readSearchIndexFile,
  saveEntries,
  savedEntriesBytes,
  saveSearchIndex,
  type FileEntry,
  type SavedEntries,
} from './index-store.ts';

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
  /** The saved entries file's generation, for appending changes to its journal (null when it could not be saved). */
  readonly generation: string | null;
}

/** The user's cache folder when the caller names none: `~/.cache/whosaid`. */
export function defaultUserCacheDir(): string {
  return join(homedir(), '.cache', 'whosaid');
}

/** The cache folder of a corpus inside the user's cache folder: one per absolute corpus path. */
export function userCacheDirFor(dir: string, userCacheDir = defaultUserCacheDir()): string {
  return join(userCacheDir, createHash('sha1').update(resolve(dir)).digest('hex').slice(0, 16));
}

/**
 * Can this process create files in `path` (or make it)? False on read-only mounts, folders it may
 * not write, and folders marked read-only for everyone (r-xr-xr-x): root passes every access
 * check, but such a folder (a shared evaluation set, a published archive) is not ours to write in.
 */
async function isWritable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return ((await stat(path)).mode & 0o222) !== 0;
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

/** The entry for an extraction result; a broken file keeps its previous good version when there is one. */
function entryOf(result: ExtractResult, base: Omit<FileEntry, 'article' | 'quotations' | 'warning'>, previous: FileEntry | undefined): FileEntry {
  if (result.ok) return { ...base, article: result.article, quotations: result.quotations, warning: result.warning };
  if (previous?.article) return { ...previous, warning: `${result.reason}; keeping the previous version` };
  return { ...base, article: null, quotations: [], warning: result.reason };
}

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
    if (old && sameStat(old, st.size, st.mtimeMs)) return { entry: old, extracted: false };
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

/** What a refresh found: the entries in path order, and what changed since the previous ones. */
export interface RefreshResult {
  readonly entries: FileEntry[];
  readonly extracted: number;
  readonly threads: number;
  /** Entries that are not the previous object for their path (new, changed, or re-stamped). */
  readonly touched: readonly FileEntry[];
  /** Previous entries whose file is gone. */
  readonly gone: readonly FileEntry[];
}

/**
 * Bring the entries up to date with the folder: reuse what is unchanged, extract the rest, on
 * every core when there are many (see `extract-pool.ts`). Entries keep the folder's path order.
 */
export async function refreshEntries(
  dir: string,
  previous: readonly FileEntry[],
  options: RefreshOptions = {},
  scanned?: Promise<FolderScan>,
): Promise<RefreshResult> {
  const slicer = createSlicer();
  const known = new Map<string, FileEntry>();
  for (let i = 0; i < previous.length; i++) {
    if (slicer.due(i)) await slicer.pause();
    const e = previous[i] as FileEntry;
    known.set(e.path, e);
  }
  return refreshKnownEntries(dir, known, options, scanned);
}

/** Saved entries this big (about 13,000 stories) take long enough to decode for a scan beside them to pay. */
const BIG_ENTRIES_BYTES = 64 * 2 ** 20;

async function isBigArchive(cacheDir: string): Promise<boolean> {
  return (await savedEntriesBytes(cacheDir)) >= BIG_ENTRIES_BYTES;
}

/**
 * `refreshEntries` with the previous entries by path (a live corpus keeps that map between
 * reloads). Every pass over the files yields every few ms, so answers wait little meanwhile.
 */
export async function refreshKnownEntries(
  dir: string,
  known: ReadonlyMap<string, FileEntry>,
  options: RefreshOptions = {},
  scanned?: Promise<FolderScan>,
): Promise<RefreshResult> {
  const slicer = createSlicer();
  // A cold start hands in the folder scanned on another thread; a rescan stats each file as it
  // compares it (measured at 100,000 quotations: answers stalled 25–30 ms at most, against 35–50 ms
  // with a separate scan pass first).
  const scan = scanned ? await scanned : null;
  const paths = scan?.paths ?? (await listCorpusFiles(dir));
  const slots: (FileEntry | null)[] = new Array<FileEntry | null>(paths.length).fill(null);
  const changed: number[] = [];
  let kept = 0;
  for (const [i, path] of paths.entries()) {
    if (slicer.due(i)) await slicer.pause();
    const old = known.get(path);
    if (old) kept++;
    // Stat'ed synchronously: a few µs each, where a promise stat's thread-pool round trip costs four times as much.
    const st = old && !scan ? statOf(join(dir, path)) : null;
    const same = old && (scan ? sameStat(old, scan.size[i] ?? Number.NaN, scan.mtimeMs[i] ?? Number.NaN) : st !== null && sameStat(old, st.size, st.mtimeMs));
    if (same) slots[i] = old;
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
  const entries: FileEntry[] = [];
  const touched: FileEntry[] = [];
  for (let i = 0; i < slots.length; i++) {
    if (slicer.due(i)) await slicer.pause();
    const e = slots[i];
    if (!e) continue;
    entries.push(e);
    if (known.get(e.path) !== e) touched.push(e);
  }
  // Files gone: only looked for when some are (a set of every path costs ms at 100,000 files).
  const gone: FileEntry[] = [];
  if (kept < known.size || entries.length < paths.length) {
    const listed = new Set<string>();
    for (let i = 0; i < entries.length; i++) {
      if (slicer.due(i)) await slicer.pause();
      listed.add((entries[i] as FileEntry).path);
    }
    let i = 0;
    for (const [path, old] of known) {
      if (slicer.due(i++)) await slicer.pause();
      if (!listed.has(path)) gone.push(old);
    }
  }
  return { entries, extracted, threads: extractor.threads, touched, gone };
}

/**
 * Refresh only some files (relative paths, as a watcher reports them): a live reload of one new
 * story in a 100,000-story archive need not stat every other file. Paths that are not corpus files
 * are ignored; a path whose file is gone gives back its previous entry in `gone`.
 */
export async function refreshPaths(
  dir: string,
  known: ReadonlyMap<string, FileEntry>,
  paths: readonly string[],
  options: RefreshOptions = {},
): Promise<Omit<RefreshResult, 'entries'>> {
  const wanted = [...new Set(paths)].filter(isCorpusPath).sort();
  const touched: FileEntry[] = [];
  const gone: FileEntry[] = [];
  let extracted = 0;
  const extractor = createExtractorFor(wanted.length, options);
  const progress = options.onProgress && wanted.length > 0 ? createProgress(wanted.length, extractor.threads, options.onProgress) : null;
  const found = new Map<string, FileEntry | null>();
  try {
    await forEachLimited(wanted, extractor.threads * 4, async (path) => {
      const r = await refreshEntry(dir, path, known.get(path), extractor);
      found.set(path, r.entry);
      if (r.extracted) extracted++;
      progress?.tick();
    });
  } finally {
    await extractor.close();
  }
  for (const path of wanted) {
    const e = found.get(path) ?? null;
    const old = known.get(path);
    if (e === null) {
      if (old) gone.push(old);
    } else if (e !== old) touched.push(e);
  }
  return { extracted, threads: extractor.threads, touched, gone };
}

/** A search's three index files: documents, speaker names, each speaker's documents. */
const searchFiles = (name: string): string[] => [name, `${name}-names`, `${name}-speakers`];

/** The saved search index files, by name: the quotations' search and the passages'. */
const SEARCH_FILES = ['quotes', 'passages'].flatMap(searchFiles);

/** The search index files read ahead, by name: a start reads them (on the thread pool) while the main thread decodes the entries. */
export type ReadAhead = ReadonlyMap<string, Promise<Buffer | null>>;

/** Start reading every saved search index file. */
export function readSearchFilesAhead(cacheDir: string): ReadAhead {
  return new Map(SEARCH_FILES.map((name) => [name, readSearchIndexFile(cacheDir, name)]));
}

/** A search's three indexes: `<name>.idx` (documents), `<name>-names.idx` (speaker names) and `<name>-speakers.idx` (each speaker's documents). */
async function loadSavedSearch(cacheDir: string, name: string, key: string, ahead?: ReadAhead): Promise<SavedSearch | null> {
  const [docs, names, speakers] = await Promise.all(searchFiles(name).map((file) => loadSearchIndex(cacheDir, file, key, ahead?.get(file))));
  // Each speaker's documents are saved in the same layout as postings: names as the terms.
  return docs && names && speakers
    ? { docs, names, speakers: { docCount: speakers.docCount, names: speakers.terms, offsets: speakers.offsets, docs: speakers.docs } }
    : null;
}

const NO_DELETIONS = Object.freeze({ mask: 0, offsets: new Uint32Array(1), terms: new Uint32Array(0) });

async function saveSavedSearch(cacheDir: string, name: string, key: string, saved: SavedSearch): Promise<void> {
  const { speakers } = saved;
  await Promise.all([
    saveSearchIndex(cacheDir, name, key, saved.docs),
    saveSearchIndex(cacheDir, `${name}-names`, key, saved.names),
    saveSearchIndex(cacheDir, `${name}-speakers`, key, {
      docCount: speakers.docCount,
      terms: speakers.names,
      offsets: speakers.offsets,
      docs: speakers.docs,
      deletions: NO_DELETIONS,
    }),
  ]);
}

/** Build the corpus from entries, reusing saved search indexes when they match (else, with `build`, building and saving them). */
export async function buildFromEntries(
  cacheDir: string,
  entries: readonly FileEntry[],
  build = true,
  ahead?: ReadAhead,
): Promise<{ corpus: Corpus; fromSavedIndex: boolean }> {
  // One pass into arrays of the right length (flatMap over 100,000 entries took a few hundred ms at 1M).
  let stories = 0;
  let count = 0;
  for (const e of entries) {
    if (e.article === null) continue;
    stories++;
    count += e.quotations.length;
  }
  const articles = new Array<Article>(stories);
  const quotations = new Array<Quotation>(count);
  let a = 0;
  let q = 0;
  for (const e of entries) {
    if (e.article === null) continue;
    articles[a++] = e.article;
    for (const x of e.quotations) quotations[q++] = x;
  }
  const key = keyOfEntries(entries);
  const [search, passages] = await Promise.all([loadSavedSearch(cacheDir, 'quotes', key, ahead), loadSavedSearch(cacheDir, 'passages', key, ahead)]);
  if (search && passages) return { corpus: buildCorpus(articles, quotations, { search, passages }), fromSavedIndex: true };
  if (!build) return { corpus: buildCorpus([], []), fromSavedIndex: false };
  const corpus = buildCorpus(articles, quotations);
  // A read-only corpus still answers; it just rebuilds on the next start.
  await Promise.all([saveSavedSearch(cacheDir, 'quotes', key, corpus.search.save()), saveSavedSearch(cacheDir, 'passages', key, corpus.passages.save())]).catch(
    () => undefined,
  );
  return { corpus, fromSavedIndex: false };
}

/** Stories removed and added between two sets of entries (unchanged files keep their entry object). */
export function changeOf(before: ReadonlyMap<string, FileEntry>, after: readonly FileEntry[]): CorpusChange {
  const touched = after.filter((e) => before.get(e.path) !== e);
  let gone: FileEntry[] = [];
  // Files gone: only looked for when some are (a set of every path costs ms at 100,000 files).
  if (after.length - touched.length + touched.filter((e) => before.has(e.path)).length < before.size) {
    const paths = new Set(after.map((e) => e.path));
    gone = [...before.values()].filter((old) => !paths.has(old.path));
  }
  return changeOfTouched(before, touched, gone);
}

/** Stories removed and added, from the entries that changed (`touched`: not the object `before` holds) and those gone. */
export function changeOfTouched(before: ReadonlyMap<string, FileEntry>, touched: readonly FileEntry[], gone: readonly FileEntry[]): CorpusChange {
  const removed: string[] = [];
  const added: { article: Article; quotations: readonly Quotation[] }[] = [];
  for (const e of touched) {
    const old = before.get(e.path);
    if (old === e || (old && old.article === e.article && old.quotations === e.quotations)) continue;
    if (old?.article) removed.push(old.article.id);
    if (e.article) added.push({ article: e.article, quotations: e.quotations });
  }
  for (const old of gone) if (old.article) removed.push(old.article.id);
  return { removed, added };
}

/** Above this many quotations in changed stories, a start rebuilds and saves the index whole rather than patching it. */
export const MAX_JOURNAL_QUOTATIONS = 20_000;

/**
 * Open a corpus folder through its saved index (created or refreshed as needed). Throws when no
 * story loads. Pass `previous` entries (from the last call) to skip reading the saved entries.
 *
 * The saved index is the entries file and the search indexes built from it, plus a journal of the
 * files changed since: those stories are patched onto the saved search indexes (as a live reload
 * does) rather than rebuilding them, and a change found here is appended to the journal. Past
 * `MAX_JOURNAL_QUOTATIONS` of changes, everything is rebuilt and saved whole.
 *
 * @example
 * const { corpus } = await openCachedCorpus('./corpus');
 */
export async function openCachedCorpus(dir: string, options: CachedCorpusOptions = {}, previous?: readonly FileEntry[]): Promise<CachedCorpus> {
  const cacheDir = options.cacheDir ?? (await cacheDirFor(dir, options.userCacheDir));
  // A big archive's folder is listed and stat'ed on another thread while its saved entries decode here.
  const scanned = previous || !(await isBigArchive(cacheDir)) ? undefined : scanFolderInWorker(dir);
  scanned?.catch(() => undefined); // awaited below; a failure meanwhile is not unhandled
  // The search indexes are read (on the thread pool) meanwhile: first touching their 170 MB of
  // memory at 1M quotations takes about a second on this machine, and the main thread is busy
  // decoding. They are checked against the entries' key once that is known; a mismatch drops them.
  const ahead = previous ? undefined : readSearchFilesAhead(cacheDir);
  const saved: SavedEntries = previous ? { base: [...previous], entries: [...previous], generation: null, records: 0 } : await loadSavedEntries(cacheDir);
  const before = saved.entries;
  const { entries, extracted, touched, gone } = await refreshEntries(dir, before, options, scanned);
  const warnings = entries.flatMap((e) => (e.warning ? [{ path: e.path, reason: e.warning }] : []));
  if (!entries.some((e) => e.article)) {
    throw new WhosaidError(
      `No story loaded from ${dir}${warnings.length ? ` (${warnings.map((w) => `${w.path}: ${w.reason}`).join('; ')})` : ': the folder has no .txt, .md or .html files'}`,
    );
  }
  const unsaved = (err: unknown) => {
    warnings.push({ path: cacheDir, reason: `could not save the index (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
    return null;
  };
  let generation = saved.generation;
  let base = saved.base;
  const changed = extracted > 0 || touched.length > 0 || gone.length > 0 || entries.length !== before.length;
  // The stories that differ from the entries file: patched onto its saved search indexes when few.
  const sinceBase = changed || saved.records > 0 ? changeOf(new Map(base.map((e) => [e.path, e])), entries) : { removed: [], added: [] };
  const patchable = generation !== null && sinceBase.added.reduce((n, a) => n + a.quotations.length, 0) <= MAX_JOURNAL_QUOTATIONS;
  if (changed && patchable && generation !== null) {
    await appendJournal(
      cacheDir,
      generation,
      touched,
      gone.map((e) => e.path),
    ).catch(unsaved);
  } else if (changed || (generation === null && !previous)) {
    generation = await saveEntries(cacheDir, entries).catch(unsaved);
    base = entries;
  }
  if (patchable && base !== entries && (sinceBase.added.length > 0 || sinceBase.removed.length > 0)) {
    const built = await buildFromEntries(cacheDir, base, false, ahead);
    if (built.fromSavedIndex) {
      return { corpus: patchCorpus(built.corpus, sinceBase), warnings, entries, extracted, fromSavedIndex: true, cacheDir, generation };
    }
    // No saved search indexes for the entries file: build everything and save it whole.
    generation = await saveEntries(cacheDir, entries).catch(unsaved);
  }
  const { corpus, fromSavedIndex } = await buildFromEntries(cacheDir, entries, true, ahead);
  return { corpus, warnings, entries, extracted, fromSavedIndex, cacheDir, generation };
}
