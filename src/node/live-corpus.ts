/**
 * A corpus that follows its folder while the bot runs: files added, changed or deleted are picked
 * up within seconds (chokidar watches; a short debounce batches bursts of events). Questions keep
 * reading the last good corpus until the new one is complete, so none is dropped, and a broken
 * file keeps the previous good version of its story.
 */
import { watch, type FSWatcher } from 'chokidar';
import { stat } from 'node:fs/promises';
import type { Corpus } from '../core/corpus.ts';
import type { LoadWarning } from '../core/types.ts';
import { CACHE_FOLDER, openCachedCorpus, type CachedCorpusOptions } from './corpus-cache.ts';
import type { FileEntry } from './index-store.ts';

export interface LiveCorpusOptions extends CachedCorpusOptions {
  /** Watch the folder for changes (default true). */
  readonly watch?: boolean;
  /** Quiet time after the last file event before reloading, in ms (default 300). */
  readonly debounceMs?: number;
  /** How often to check that the folder itself is still the one watched, in ms (default 2000). */
  readonly recheckMs?: number;
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
  let corpus = first.corpus;
  let entries: readonly FileEntry[] = first.entries;
  let warnings: readonly LoadWarning[] = first.warnings;
  let running: Promise<void> | null = null;
  let again = false;

  async function reloadOnce(): Promise<void> {
    const started = performance.now();
    const next = await openCachedCorpus(dir, options, entries);
    corpus = next.corpus;
    entries = next.entries;
    warnings = next.warnings;
    options.onReload?.({
      stories: corpus.articles.size,
      quotations: corpus.quotations.length,
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
    },
  };
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
