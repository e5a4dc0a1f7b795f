/**
 * A corpus that follows its folder while the bot runs: files added, changed or deleted are picked
 * up within seconds (chokidar watches; a short debounce batches bursts of events). Questions keep
 * reading the last good corpus until the new one is complete, so none is dropped, and a broken
 * file keeps the previous good version of its story.
 */
import { watch, type FSWatcher } from 'chokidar';
import { stat } from 'node:fs/promises';
import { patchCorpus, type Corpus, type CorpusChange } from '../core/corpus.ts';
import { WhosaidError } from '../core/errors.ts';
import type { Article, LoadWarning, Quotation } from '../core/types.ts';
import { CACHE_FOLDER, openCachedCorpus, refreshEntries, type CachedCorpusOptions } from './corpus-cache.ts';
import { saveEntries, type FileEntry } from './index-store.ts';

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
  /** Re-scan now (also what the watcher calls); resolves when the new corpus is in place. */
  reload(): Promise<void>;
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
  let entries: readonly FileEntry[] = first.entries;
  let warnings: readonly LoadWarning[] = first.warnings;
  let running: Promise<void> | null = null;
  let again = false;

  // (Where the first open put the index: CACHE_DIR, the folder itself, or the user's cache folder.)
  const cacheDir = first.cacheDir;
  let byPath = new Map(entries.map((e) => [e.path, e]));
  /** Entries changed since the last save: saved on close, not per reload (encoding them all stalls answers for seconds). */
  let unsaved = false;

  async function reloadOnce(): Promise<void> {
    const started = performance.now();
    const next = await refreshEntries(dir, entries, options.onProgress ? { onProgress: options.onProgress } : {});
    const change = changeOf(byPath, next.entries);
    if (change.removed.length > 0 || change.added.length > 0) {
      if (!next.entries.some((e) => e.article)) throw new WhosaidError(`No story loaded from ${dir}; keeping the stories loaded before`);
      // The big index stays; the changed stories go into a small live one (see patchCorpus).
      corpus = patchCorpus(corpus, change);
    }
    if (next.entries.length !== entries.length || next.entries.some((e, i) => e !== entries[i])) {
      for (const e of next.entries) if (byPath.get(e.path) !== e) byPath.set(e.path, e);
      if (byPath.size !== next.entries.length) {
        const paths = new Set(next.entries.map((e) => e.path));
        for (const path of byPath.keys()) if (!paths.has(path)) byPath.delete(path);
      }
      entries = next.entries;
      unsaved = true;
    }
    warnings = entries.flatMap((e) => (e.warning ? [{ path: e.path, reason: e.warning }] : []));
    // Counted from the entries: a patched corpus lists its stories and quotations only when asked.
    const loaded = entries.filter((e) => e.article);
    options.onReload?.({
      stories: loaded.length,
      quotations: loaded.reduce((n, e) => n + e.quotations.length, 0),
      extracted: next.extracted,
      warnings,
      ms: performance.now() - started,
    });
  }

  /** One reload at a time; events during a reload cause exactly one more. */
  function reload(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await reloadOnce();
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
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  };
  const watching = (options.watch ?? true) ? await watchFolder(dir, soon, options) : null;

  return {
    current: () => corpus,
    reload,
    warnings: () => warnings,
    async close() {
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

/** Stories removed and added between two sets of entries (unchanged files keep their entry object). */
export function changeOf(before: ReadonlyMap<string, FileEntry>, after: readonly FileEntry[]): CorpusChange {
  const removed: string[] = [];
  const added: { article: Article; quotations: readonly Quotation[] }[] = [];
  let kept = 0;
  for (const e of after) {
    const old = before.get(e.path);
    if (old) kept++;
    if (old === e || (old && old.article === e.article && old.quotations === e.quotations)) continue;
    if (old?.article) removed.push(old.article.id);
    if (e.article) added.push({ article: e.article, quotations: e.quotations });
  }
  // Files gone: only looked for when some are (a set of every path costs ms at 100,000 files).
  if (kept < before.size) {
    const paths = new Set(after.map((e) => e.path));
    for (const [path, old] of before) if (!paths.has(path) && old.article) removed.push(old.article.id);
  }
  return { removed, added };
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
 * Call `onChange` on any change under `dir`. A watcher follows the folder it started on: when the
 * folder is removed and made again, it hears nothing more. So check every `recheckMs` that the
 * folder is the same one (same inode), and when it is back or replaced, watch it afresh.
 */
async function watchFolder(dir: string, onChange: () => void, options: LiveCorpusOptions): Promise<{ close(): Promise<void> }> {
  let watcher: FSWatcher | null = null;
  let recheck: NodeJS.Timeout | null = null;
  async function start(): Promise<void> {
    const w = watch(dir, { ignoreInitial: true, ignored: (path) => path.includes(`/${CACHE_FOLDER}`) || /\.tmp$/.test(path) });
    w.on('all', onChange);
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
    onChange();
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
