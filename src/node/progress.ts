/**
 * Progress of a first index or a large reload: the node layer counts stories and calls an
 * `onProgress` listener; each adapter renders it. `createProgressReporter` is the terminal
 * rendering shared by the chat and the CLI: a bar on a TTY (cli-progress), a log line every few
 * seconds otherwise, and nothing at all for a handful of files.
 */
import { SingleBar } from 'cli-progress';

export interface ExtractProgress {
  /** Files checked or extracted so far. */
  readonly done: number;
  readonly total: number;
  /** Threads extracting (1: in the calling thread). */
  readonly threads: number;
  readonly elapsedMs: number;
  /** Files per second so far. */
  readonly perSecond: number;
  /** Estimated time left, null until the first file is done. */
  readonly etaMs: number | null;
}

export type ProgressListener = (progress: ExtractProgress) => void;

/** Counts files done and calls `listener` once at the start and after each file. */
export function createProgress(total: number, threads: number, listener: ProgressListener, now: () => number = () => performance.now()): { tick(): void } {
  const started = now();
  let done = 0;
  const report = () => {
    const elapsedMs = now() - started;
    const perSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
    listener({ done, total, threads, elapsedMs, perSecond, etaMs: done > 0 && perSecond > 0 ? ((total - done) / perSecond) * 1000 : null });
  };
  report();
  return {
    tick() {
      done++;
      report();
    },
  };
}

export interface ProgressReporterOptions {
  /** Where the bar goes (default process.stderr); a bar only when it is a TTY. */
  readonly stream?: NodeJS.WriteStream;
  /** Where log lines go when the stream is not a TTY (default: written to the stream). */
  readonly log?: (line: string) => void;
  /** Fewest files worth showing progress for (default 20). */
  readonly minTotal?: number;
  /** Time between log lines, ms (default 5000). */
  readonly everyMs?: number;
}

/** "2 min", "35 s". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 90) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 90 ? `${m} min` : `${(m / 60).toFixed(1)} h`;
}

/** One log line: "indexing: 120/5,010 stories, 38.2/s on 2 threads, about 2 min left". */
export function formatProgressLine(p: ExtractProgress): string {
  const left = p.done === p.total ? `done in ${formatDuration(p.elapsedMs)}` : p.etaMs === null ? 'starting' : `about ${formatDuration(p.etaMs)} left`;
  return `indexing: ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} stories, ${p.perSecond.toFixed(1)}/s on ${p.threads} thread${p.threads === 1 ? '' : 's'}, ${left}`;
}

/**
 * A listener that shows progress on a terminal, or logs it every few seconds when not on one.
 * Never writes to stdout unless given it as the stream.
 *
 * @example
 * await openCachedCorpus(dir, { onProgress: createProgressReporter() });
 */
export function createProgressReporter(options: ProgressReporterOptions = {}): ProgressListener {
  const stream = options.stream ?? process.stderr;
  const minTotal = options.minTotal ?? 20;
  const everyMs = options.everyMs ?? 5_000;
  const log = options.log ?? ((line: string) => stream.write(`${line}\n`));
  let bar: SingleBar | null = null;
  let lastLog = Number.NEGATIVE_INFINITY;
  return (p) => {
    if (p.total < minTotal) return;
    if (stream.isTTY) {
      if (!bar) {
        bar = new SingleBar({
          stream,
          format: 'indexing [{bar}] {value}/{total} stories | {rate}/s on {threads} | {left}',
          barsize: 30,
          hideCursor: true,
          clearOnComplete: false,
          etaBuffer: 50,
        });
        bar.start(p.total, p.done, { rate: '0.0', threads: p.threads, left: 'starting' });
      }
      const left = p.etaMs === null ? 'starting' : `${formatDuration(p.etaMs)} left`;
      bar.update(p.done, { rate: p.perSecond.toFixed(1), threads: p.threads, left: p.done === p.total ? `done in ${formatDuration(p.elapsedMs)}` : left });
      if (p.done === p.total) {
        bar.stop();
        bar = null;
      }
      return;
    }
    if (p.done === p.total || p.elapsedMs - lastLog >= everyMs) {
      lastLog = p.elapsedMs;
      log(formatProgressLine(p));
    }
  };
}
