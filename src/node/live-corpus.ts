/**
 * A corpus that follows its folder while the bot runs: files added, changed or deleted are picked
 * up within seconds (chokidar watches; a short debounce batches bursts of events). Questions keep
 * reading the last good corpus until the new one is complete, so none is dropped, and a broken
 * file keeps the previous good version of its story.
 */
import { watch, type FSWatcher } from 'chokidar';
import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { patchCorpus, warmSpeakers, type Corpus } from '../core/corpus.ts';
import { WhosaidError } from '../core/errors.ts';
import type { LoadWarning } from '../core/types.ts';
import {
  CACHE_FOLDER,
  changeOfTouched,
  openCachedCorpus,
  refreshKnownEntries,
  refreshPaths,
  type CachedCorpusOptions,
  type RefreshResult,
} from './corpus-cache.ts';

export { changeOf } from './corpus-cache.ts';
import { createSlicer } from './turns.ts';
import { appendJournal, applyChanges, saveEntries, type FileEntry } from './index-store.ts';

export interface LiveCorpusOptions extends CachedCorpusOptions {
  /** Watch the folder for changes (default true). */
  readonly watch?: boolean;
  /** Quiet time after the last file event before reloading, in ms (default 300). */
  readonly debounceMs?: number;
  /** How often to check that the folder itself is still the one watched, in ms (default 2000). */
  readonly recheckMs?: number;
  /** Called once the first corpus is open: whether its search indexes came from disk. */
  readonly onStart?: (info: { readonly fromSavedIndex: boolean; readonly extracted: number }) => void;
  /** Called after each reload with its warnings (bad files, unsaved index). */
  readonly onReload?: (info: ReloadInfo) => void;
  /** Called when a reload fails; the previous corpus stays in use. */
  readonly onError?: (err: unknown) => void;
}

export interface ReloadInfo {
  readonly stories: number;
  readonly quotations: number;
  readonly extracted: number;
  readonly warnings: readonly LoadWarning[];
  readonly ms: number;
}

export interface LiveCorpus {
  /** The corpus to answer the next question with. Read it per question; never keep it. */
  current(): Corpus;
  /**
   * Re-scan now; resolves when the new corpus is in place. With `paths` (relative to the folder,
   * `/`-separated: what the watcher calls it with), only those files are looked at again.
   */
  reload(paths?: readonly string[]): Promise<void>;
  /** The warnings of the last successful load. */
  warnings(): readonly LoadWarning[];
  /** Stop watching. */
  close(): Promise<void>;
}

export const LIVE_DEFAULTS = Object.freeze({ debounceMs: 300, recheckMs: 2_000 });

/**
 * Open `dir` through its saved index and keep it current. Throws when no story loads at start.
 *
 * @example
 * const live = await openLiveCorpus('./corpus');
 * ask(live.current(), 'who said 1,200?');
 */
export async function openLiveCorpus(dir: string, options: LiveCorpusOptions = {}): Promise<LiveCorpus> {
  const first = await openCachedCorpus(dir, options);
  options.onStart?.({ fromSavedIndex: first.fromSavedIndex, extracted: first.extracted });
  let corpus = first.corpus;
  // The speaker summary, worked out in slices while the first questions are answered.
  const slicer = createSlicer();
  let closed = false;
  const warming = warmSpeakers(corpus, async () => {
    if (closed) throw new WhosaidError('closed');
    if (slicer.due(0)) await slicer.pause();
  }).catch(() => undefined);
  let entries: readonly FileEntry[] = first.entries;
  let warnings: readonly LoadWarning[] = first.warnings;
  let running: Promise<void> | null = null;
  let again = false;

  // (Where the first open put the index: CACHE_DIR, the folder itself, or the user's cache folder.)
  const cacheDir = first.cacheDir;
  let byPath = new Map(entries.map((e) => [e.path, e]));
  /** The saved entries file this process appends its changes to (null: none yet, so the entries are saved whole on close). */
  let generation = first.generation;
  /** Entries changed and not in the journal: saved whole on close (encoding them all stalls answers for seconds). */
  let unsaved = false;

  /** Record a reload's changes in the saved index: one journal record, a few KB. */
  async function journal(touched: readonly FileEntry[], gone: readonly FileEntry[]): Promise<void> {
    if (generation === null || unsaved) {
      unsaved = true;
      return;
    }
    try {
      await appendJournal(
        cacheDir,
        generation,
        touched,
        gone.map((e) => e.path),
      );
    } catch (err) {
      // A read-only cache folder, a full disk: saved whole on close (or found again on the next start).
      unsaved = true;
      generation = null;
      options.onError?.(err);
    }
  }

  // Counted once here, then kept up to date from each reload's changes (a pass over 100,000 entries per reload held up answers).
  let counts = countOf(entries);

  /** Apply what a refresh found: patch the corpus, update the entries and the counts. */
  async function apply(next: Omit<RefreshResult, 'entries'> & { readonly entries?: FileEntry[] }, started: number): Promise<void> {
    const change = changeOfTouched(byPath, next.touched, next.gone);
    if (change.removed.length > 0 || change.added.length > 0) {
      if (counts.stories - change.removed.length + change.added.length <= 0 && !(next.entries ?? next.touched).some((e) => e.article))
        throw new WhosaidError(`No story loaded from ${dir}; keeping the stories loaded before`);
      // The big index stays; the changed stories go into a small live one (see patchCorpus).
      corpus = patchCorpus(corpus, change);
    }
    if (next.touched.length > 0 || next.gone.length > 0) {
      const before = countOf([...next.touched.flatMap((e) => byPath.get(e.path) ?? []), ...next.gone]);
      const after = countOf(next.touched);
      entries =
        next.entries ??
        applyChanges(
          entries,
          next.touched,
          next.gone.map((e) => e.path),
        );
      for (const e of next.touched) byPath.set(e.path, e);
      for (const e of next.gone) byPath.delete(e.path);
      counts = {
        stories: counts.stories - before.stories + after.stories,
        quotations: counts.quotations - before.quotations + after.quotations,
        warned: counts.warned - before.warned + after.warned,
      };
      await journal(next.touched, next.gone);
      // Warnings are listed again only when a file that has or had one changed.
      if (before.warned > 0 || after.warned > 0) warnings = await warningsOf(entries);
    }
    options.onReload?.({
      stories: counts.stories,
      quotations: counts.quotations,
      extracted: next.extracted,
      warnings,
      ms: performance.now() - started,
    });
  }

  const refreshOptions = options.onProgress ? { onProgress: options.onProgress } : {};
  /** Every file of the folder looked at again. */
  async function reloadAll(): Promise<void> {
    const started = performance.now();
    await apply(await refreshKnownEntries(dir, byPath, refreshOptions), started);
  }
  /** Only these files looked at again. */
  async function reloadSome(paths: readonly string[]): Promise<void> {
    const started = performance.now();
    await apply(await refreshPaths(dir, byPath, paths, refreshOptions), started);
  }

  /** Files to look at again: some paths, or every file ('all'). */
  let pending: Set<string> | 'all' = new Set();
  /** One reload at a time; events during a reload cause exactly one more. */
  function reload(paths?: readonly string[]): Promise<void> {
    if (paths === undefined) pending = 'all';
    else if (pending !== 'all') for (const p of paths) pending.add(p);
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const work = pending;
        pending = new Set();
        try {
          if (work === 'all') await reloadAll();
          else if (work.size > 0) await reloadSome([...work]);
        } catch (err) {
          options.onError?.(err);
        }
      } while (again);
      running = null;
    })();
    return running;
  }

  let timer: NodeJS.Timeout | null = null;
  const debounceMs = options.debounceMs ?? LIVE_DEFAULTS.debounceMs;
  /** Paths the watcher reported since the last reload; null when a folder changed (every file is looked at). */
  let heard: Set<string> | null = new Set();
  const soon = (path: string | null) => {
    if (path === null) heard = null;
    else heard?.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = heard;
      heard = new Set();
      void reload(paths ? [...paths] : undefined);
    }, debounceMs);
  };
  const watching = (options.watch ?? true) ? await watchFolder(dir, soon, options) : null;

  return {
    current: () => corpus,
    reload,
    warnings: () => warnings,
    async close() {
      closed = true;
      await warming;
      if (timer) clearTimeout(timer);
      await watching?.close();
      await running;
      if (unsaved) {
        unsaved = false;
        await saveEntries(cacheDir, entries).catch((err: unknown) => options.onError?.(err));
      }
    },
  };
}

/** Stories, quotations and warnings among some entries. */
function countOf(entries: readonly FileEntry[]): { stories: number; quotations: number; warned: number } {
  let stories = 0;
  let quotations = 0;
  let warned = 0;
  for (const e of entries) {
    if (e.article) {
      stories++;
      quotations += e.quotations.length;
    }
    if (e.warning) warned++;
  }
  return { stories, quotations, warned };
}

/** The entries' warnings, in path order, yielding between slices. */
async function warningsOf(entries: readonly FileEntry[]): Promise<LoadWarning[]> {
  const slicer = createSlicer();
  const out: LoadWarning[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (slicer.due(i)) await slicer.pause();
    const e = entries[i] as FileEntry;
    if (e.warning) out.push({ path: e.path, reason: e.warning });
  }
  return out;
}

/** The folder's device and inode, or null when it is missing. */
async function folderIdentity(dir: string): Promise<string | null> {
  try {
    const s = await stat(dir);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/**
 * Call `onChange` on any change under `dir`, with the file's relative path (null: look at every file). A watcher follows the folder it started on: when the
 * folder is removed and made again, it hears nothing more. So check every `recheckMs` that the
 * folder is the same one (same inode), and when it is back or replaced, watch it afresh.
 */
async function watchFolder(dir: string, onChange: (path: string | null) => void, options: LiveCorpusOptions): Promise<{ close(): Promise<void> }> {
  let watcher: FSWatcher | null = null;
  let recheck: NodeJS.Timeout | null = null;
  async function start(): Promise<void> {
    const w = watch(dir, { ignoreInitial: true, ignored: (path) => path.includes(`/${CACHE_FOLDER}`) || /\.tmp$/.test(path) });
    // A file event names its file; a folder added or removed (or anything outside) rescans the folder.
    w.on('all', (event, path) => {
      const rel = relative(dir, path).split(sep).join('/');
      onChange((event === 'add' || event === 'change' || event === 'unlink') && rel !== '' && !rel.startsWith('..') ? rel : null);
    });
    w.on('error', (err) => options.onError?.(err));
    await new Promise<void>((resolve) => w.once('ready', () => resolve()));
    watcher = w;
  }
  let identity = await folderIdentity(dir);
  async function checkFolder(): Promise<void> {
    const now = await folderIdentity(dir);
    if (now === identity) return;
    identity = now;
    if (now !== null) {
      await watcher?.close();
      await start();
    }
    onChange(null);
  }
  await start();
  const every = options.recheckMs ?? LIVE_DEFAULTS.recheckMs;
  const loop = () => {
    recheck = setTimeout(
      () =>
        void checkFolder()
          .catch((err: unknown) => options.onError?.(err))
          .finally(() => recheck && loop()),
      every,
    );
    recheck.unref();
  };
  loop();
  return {
    async close() {
      if (recheck) clearTimeout(recheck);
      recheck = null;
      await watcher?.close();
    },
  };
}
