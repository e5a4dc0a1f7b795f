/**
 * Extraction on every core: a pool of worker threads (tinypool) that each run `extractFile`. A
 * first index or a large reload sends its files through the pool; a few changed files are extracted
 * in the calling thread, where they cost less than starting the workers (each loads compromise).
 */
import { availableParallelism } from 'node:os';
import { Tinypool } from 'tinypool';
import { extractFile, type ExtractResult, type ExtractTask } from './extract-file.ts';

/** Where extraction runs: the calling thread or a pool of workers. */
export interface Extractor {
  /** Threads extracting at once. */
  readonly threads: number;
  /** 'in-process' or 'pool'. */
  readonly kind: 'in-process' | 'pool';
  extract(task: ExtractTask): Promise<ExtractResult>;
  /** Stop the workers, if any; the extractor is not used again. */
  close(): Promise<void>;
}

export interface ExtractorOptions {
  /** Worker threads for a pool; default one per core. 0 or 1 keeps extraction in the calling thread. */
  readonly threads?: number;
  /** Fewest files worth starting a pool for; default POOL_MIN_FILES. */
  readonly poolMinFiles?: number;
}

/**
 * Below this many files to extract, the calling thread is faster. A worker takes about 1.5 s of CPU
 * to start (compromise 0.7 s, the loaders and the rest of the core 0.7 s, tsx 0.2 s; measured
 * 2026-12-06, load 4.4), while a story costs 80–100 ms: two workers pay for themselves after
 * about 35 stories, and only when the machine has a core to spare.
 */
export const POOL_MIN_FILES = 40;

const WORKER = new URL('./extract-worker.mjs', import.meta.url);

/** One thread per core the process may use. */
export function defaultThreads(): number {
  return availableParallelism();
}

/** Extraction in the calling thread, one file at a time (blocks the event loop per story). */
export function createInProcessExtractor(): Extractor {
  return {
    threads: 1,
    kind: 'in-process',
    extract: (task) => Promise.resolve(extractFile(task)),
    close: () => Promise.resolve(),
  };
}

/**
 * A pool of `threads` extraction workers (`worker`: the module each runs; tests swap it). Close it
 * when done: live workers keep the process alive.
 *
 * @example
 * const pool = createExtractPool(2);
 * const result = await pool.extract({ path: 'a.md', content });
 * await pool.close();
 */
export function createExtractPool(threads = defaultThreads(), worker: URL = WORKER): Extractor {
  const pool = new Tinypool({
    filename: worker.href,
    minThreads: threads,
    maxThreads: threads,
    // The parent's loader flags (tsx's) are not inherited: the worker registers tsx itself.
    execArgv: [],
  });
  // tinypool fails a task whose worker throws, but not one whose worker exits (process.exit, a
  // fatal error), and a worker that fails while it loads leaves the queue waiting for ever. Either
  // way the pool is given up and every story not yet extracted is extracted here: a worker that
  // cannot start or dies costs speed, not stories.
  let broken = false;
  let closing = false;
  const waiting = new Set<{ readonly task: ExtractTask; readonly done: (r: ExtractResult) => void }>();
  const giveUp = () => {
    if (broken) return;
    broken = true;
    for (const w of waiting) w.done(extractFile(w.task));
    waiting.clear();
    // The threads are stopped one by one, not through pool.destroy(): that waits on each worker's
    // exit with events.once, which throws (removeListener is missing on tinypool's worker wrapper)
    // when a worker still loading fails meanwhile, an error no one could catch.
    for (const thread of pool.threads) void thread.terminate().catch(() => undefined);
  };
  const watched = new WeakSet<object>();
  const watch = () => {
    for (const thread of pool.threads) {
      if (watched.has(thread)) continue;
      watched.add(thread);
      thread.once('exit', () => {
        if (!closing) giveUp();
      });
    }
  };
  pool.on('error', giveUp);
  watch();
  return {
    threads,
    kind: 'pool',
    extract(task) {
      if (broken) return Promise.resolve(extractFile(task));
      return new Promise((resolve) => {
        const w = { task, done: resolve };
        waiting.add(w);
        (pool.run(task) as Promise<ExtractResult>).then(
          (r) => {
            if (waiting.delete(w)) resolve(r);
          },
          () => {
            // The worker threw: this story here; a replacement worker is watched too.
            if (waiting.delete(w)) resolve(extractFile(task));
            watch();
          },
        );
      });
    },
    async close() {
      closing = true;
      if (!broken) await pool.destroy();
    },
  };
}

/** The extractor for `files` files: a pool when there are enough of them and more than one thread. */
export function createExtractorFor(files: number, options: ExtractorOptions = {}): Extractor {
  const threads = options.threads ?? defaultThreads();
  return threads > 1 && files >= (options.poolMinFiles ?? POOL_MIN_FILES) ? createExtractPool(threads) : createInProcessExtractor();
}
