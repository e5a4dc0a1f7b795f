/** Running figures for /stats: uptime, updates answered and how long answering took. */

export interface AnswerStats {
  readonly uptimeMs: number;
  /** Updates whose handling delivered at least one reply. */
  readonly answered: number;
  /** Time from receiving an update to its last reply delivered, over the recent ones (ms). */
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
}

export interface StatsRecorder {
  /** Note one finished update: how long it took and how many replies it delivered. */
  record(ms: number, replies: number): void;
  snapshot(): AnswerStats;
}

/** Durations kept for the percentiles: enough for a steady picture, bounded memory. */
const WINDOW = 10_000;

/** The value at fraction `p` (0–1) of sorted `values`, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] ?? null;
}

/**
 * Create a recorder.
 *
 * @example
 * const stats = createStats();
 * stats.record(120, 1);
 * stats.snapshot().p50Ms; // 120
 */
export function createStats(now: () => number = Date.now): StatsRecorder {
  const started = now();
  const recent: number[] = [];
  let next = 0;
  let answered = 0;
  return {
    record(ms, replies) {
      if (replies === 0) return;
      answered++;
      if (recent.length < WINDOW) recent.push(ms);
      else recent[next] = ms;
      next = (next + 1) % WINDOW;
    },
    snapshot() {
      const sorted = [...recent].sort((a, b) => a - b);
      return { uptimeMs: now() - started, answered, p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
    },
  };
}
