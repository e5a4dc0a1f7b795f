import { describe, expect, it } from 'vitest';
import { createProgress, createProgressReporter, formatDuration, formatProgressLine, type ExtractProgress } from '../../src/node/progress.ts';

const notATerminal = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;

describe('createProgress', () => {
  it('reports the start and every file, with rate and time left', () => {
    let clock = 0;
    const seen: ExtractProgress[] = [];
    const progress = createProgress(
      4,
      2,
      (p) => seen.push(p),
      () => clock,
    );
    clock = 500;
    progress.tick();
    clock = 1000;
    progress.tick();
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2]);
    expect(seen[0]?.etaMs).toBeNull();
    expect(seen[2]).toEqual({ done: 2, total: 4, threads: 2, elapsedMs: 1000, perSecond: 2, etaMs: 1000 });
  });
});

describe('formatProgressLine', () => {
  it('says stories done, rate, threads and time left', () => {
    expect(formatProgressLine({ done: 120, total: 5010, threads: 2, elapsedMs: 3000, perSecond: 40, etaMs: 122_250 })).toBe(
      'indexing: 120/5,010 stories, 40.0/s on 2 threads, about 2 min left',
    );
    expect(formatProgressLine({ done: 3, total: 3, threads: 1, elapsedMs: 2000, perSecond: 1.5, etaMs: 0 })).toBe(
      'indexing: 3/3 stories, 1.5/s on 1 thread, done in 2 s',
    );
  });
});

describe('formatDuration', () => {
  it('rounds to seconds, minutes or hours', () => {
    expect([formatDuration(35_400), formatDuration(150_000), formatDuration(4 * 3_600_000)]).toEqual(['35 s', '3 min', '4.0 h']);
  });
});

describe('createProgressReporter', () => {
  it('logs every few seconds and at the end when not on a terminal', () => {
    const lines: string[] = [];
    const report = createProgressReporter({ stream: notATerminal, log: (l) => lines.push(l), everyMs: 1000, minTotal: 2 });
    const at = (done: number, elapsedMs: number): ExtractProgress => ({ done, total: 10, threads: 2, elapsedMs, perSecond: 1, etaMs: 1000 });
    for (const [done, ms] of [
      [0, 0],
      [1, 400],
      [2, 1100],
      [3, 1500],
      [10, 1600],
    ] as const)
      report(at(done, ms));
    expect(lines.map((l) => l.split(' ')[1])).toEqual(['0/10', '2/10', '10/10']);
  });

  it('stays quiet for a handful of files', () => {
    const lines: string[] = [];
    const report = createProgressReporter({ stream: notATerminal, log: (l) => lines.push(l) });
    report({ done: 0, total: 3, threads: 1, elapsedMs: 0, perSecond: 0, etaMs: null });
    expect(lines).toEqual([]);
  });
});
