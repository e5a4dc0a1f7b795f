/**
 * Opening a corpus folder through its saved index: files whose path, size and mtime (or content
 * hash) are unchanged reuse their saved extraction; only changed files are extracted again; the
 * search indexes are loaded as saved when no story changed, and rebuilt and saved otherwise.
 */
import { createHash } from 'node:crypto';
import { statSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { buildCorpus, type Corpus } from '../core/corpus.ts';
import type { SavedSearch } from '../core/search/index.ts';
import { CorpusFileError, WhosaidError } from '../core/errors.ts';
import { extractQuotations } from '../core/extract.ts';
import { formatOf, loadArticleWithWarnings } from '../core/load.ts';
import type { LoadWarning } from '../core/types.ts';
import { keyOfEntries, loadEntries, loadSearchIndex, saveEntries, saveSearchIndex, type FileEntry } from './index-store.ts';

export const CACHE_FOLDER = '.whosaid-cache';

export interface CachedCorpusOptions {
  /** Where the saved index lives; default `<dir>/.whosaid-cache`. */
  readonly cacheDir?: string;
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

/** Load and extract one file's content; a broken file keeps its previous good version when there is one. */
function extractEntry(path: string, content: Buffer, base: Omit<FileEntry, 'article' | 'quotations' | 'warning'>, previous: FileEntry | undefined): FileEntry {
  try {
    const { article, warnings } = loadArticleWithWarnings({ path, content });
    return { ...base, article, quotations: extractQuotations(article), warning: warnings.length > 0 ? warnings.join('; ') : null };
  } catch (err) {
    const reason = err instanceof CorpusFileError ? err.reason : `could not be read (${err instanceof Error ? err.message : String(err)})`;
    if (previous?.article) return { ...previous, warning: `${reason}; keeping the previous version` };
    return { ...base, article: null, quotations: [], warning: reason };
  }
}

/**
 * Files stat'ed between two turns of the event loop. A synchronous stat costs a few µs; a promise
 * one, with its thread-pool round trip, four times as much (0.3 s for 10,000 files). Yielding
 * between batches keeps a live reload from holding up questions for more than a few ms.
 */
const STAT_BATCH = 256;

/** The up-to-date entry of one file (null when it was deleted meanwhile), and whether it was extracted again. */
async function refreshEntry(dir: string, path: string, old: FileEntry | undefined): Promise<{ entry: FileEntry | null; extracted: boolean }> {
  const full = join(dir, path);
  try {
    const st = statSync(full, { throwIfNoEntry: false });
    if (!st) return { entry: null, extracted: false };
    if (old && old.size === st.size && old.mtimeMs === st.mtimeMs) return { entry: old, extracted: false };
    const content = await readFile(full);
    const hash = createHash('sha1').update(content).digest('hex');
    const base = { path, size: st.size, mtimeMs: st.mtimeMs, hash };
    if (old && old.hash === hash && !old.warning?.endsWith('keeping the previous version')) return { entry: { ...old, ...base }, extracted: false };
    return { entry: extractEntry(path, content, base, old), extracted: true };
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

/** Bring the entries up to date with the folder: reuse what is unchanged, extract the rest. */
export async function refreshEntries(dir: string, previous: readonly FileEntry[]): Promise<{ entries: FileEntry[]; extracted: number }> {
  const known = new Map(previous.map((e) => [e.path, e]));
  const entries: FileEntry[] = [];
  let extracted = 0;
  const paths = await listCorpusFiles(dir);
  for (const [i, path] of paths.entries()) {
    if (i > 0 && i % STAT_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    const old = known.get(path);
    if (old && isUnchanged(join(dir, path), old)) {
      entries.push(old);
      continue;
    }
    const r = await refreshEntry(dir, path, old);
    if (r.entry) entries.push(r.entry);
    if (r.extracted) extracted++;
  }
  return { entries, extracted };
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
  const cacheDir = options.cacheDir ?? join(dir, CACHE_FOLDER);
  const before = previous ?? (await loadEntries(cacheDir));
  const { entries, extracted } = await refreshEntries(dir, before);
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
  return { corpus, warnings, entries, extracted, fromSavedIndex };
}
