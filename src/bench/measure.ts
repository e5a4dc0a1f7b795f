/** Small measuring helpers shared by the benchmark runner and its child process. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { PlantedQuestion } from './questions.ts';

/** A full garbage collection, so heap and RSS measure what stays alive. */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}

/** Is `top` (the first answer's quotation id, or undefined for "not found") right for this question? */
export function isHit(question: PlantedQuestion, top: string | undefined): boolean {
  return question.expected.length === 0 ? top === undefined : top !== undefined && question.expected.includes(top);
}

/** The p-th percentile (0..100) of a list of numbers, nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** Share of true values, 0..1; NaN when empty. */
export function shareOf(values: readonly boolean[]): number {
  return values.length === 0 ? Number.NaN : values.filter(Boolean).length / values.length;
}
