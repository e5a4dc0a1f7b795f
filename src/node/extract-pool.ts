/**
 * Extraction on every core: a pool of worker threads (tinypool) that each run `extractFile`. A
 * first index or a large reload sends its files through the pool; a few changed files are extracted
 * in the calling thread, where they cost less than starting the workers (each loads compromise).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
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
 * Below this many files to extract, the calling thread is faster. A worker took about 1.5 s of CPU
 * to start through tsx (compromise 0.7 s, the loaders and the rest of the core 0.7 s, tsx 0.2 s;
 * measured 2026-12-06, load 4.4), while a story costs 30–100 ms; the bundled worker starts in about
 * half that. Two workers pay for themselves after a few dozen stories, and only when the machine
 * has a core to spare.
 */
export const POOL_MIN_FILES = 40;

/** The worker that loads the TypeScript through tsx (each module through tsx's loader thread). */
const WORKER = new URL('./extract-worker.mjs', import.meta.url);

/** The worker module as plain JavaScript: `extractFile` as the default export, packages left as imports. */
const BUNDLE_ENTRY = "export { extractFile as default } from './extract-file.ts';\n";

/** The bundle's code and where it goes, once per process; null when it cannot be built. */
let bundle: { readonly code: string; readonly dir: string; readonly name: string } | null | undefined;

/**
 * The worker as one JavaScript file, built once per process by esbuild (about 75 ms) and kept
 * under `node_modules/.cache/whosaid/` (named by its content's hash), where Node finds the
 * packages it imports. A worker then starts without tsx, whose loader thread made loading
 * compromise's 456 modules take about a second per worker. Null (the tsx worker is used) when
 * the bundle cannot be built or written, for example in a read-only install.
 */
export function bundledWorker(): URL | null {
  try {
    bundle ??= buildBundle();
    if (!bundle) return null;
    const file = join(bundle.dir, bundle.name);
    // Written again if another process, running other code, cleared it away since.
    if (!existsSync(file)) {
      mkdirSync(bundle.dir, { recursive: true });
      for (const old of readdirSync(bundle.dir))
        if (/^extract-worker-[0-9a-f]+\.mjs$/.test(old) && old !== bundle.name) rmSync(join(bundle.dir, old), { force: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, bundle.code);
      renameSync(tmp, file);
    }
    return pathToFileURL(file);
  } catch {
    return null;
  }
}

function buildBundle(): { code: string; dir: string; name: string } | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const code = buildSync({
    stdin: { contents: BUNDLE_ENTRY, resolveDir: here, sourcefile: 'extract-worker-bundle.ts', loader: 'ts' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]?.text;
  // The node_modules folder compromise is installed in: a file under it resolves the same packages.
  const compromise = createRequire(import.meta.url).resolve('compromise');
  const at = compromise.lastIndexOf(`${sep}node_modules${sep}`);
  if (!code || at < 0) return null;
  const dir = join(compromise.slice(0, at), 'node_modules', '.cache', 'whosaid');
  return { code, dir, name: `extract-worker-${createHash('sha1').update(code).digest('hex').slice(0, 16)}.mjs` };
}

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
export function createExtractPool(threads = defaultThreads(), worker: URL = bundledWorker() ?? WORKER): Extractor {
  const pool = new Tinypool({
    filename: worker.href,
    minThreads: threads,
    maxThreads: threads,
    // The parent's loader flags (tsx's) are not inherited: the bundled worker needs none, the other
    // registers tsx itself.
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
