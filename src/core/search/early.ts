/**
 * The first stage's cheap word-order checks: a regular-expression bonus for candidates tied on
 * coverage, and the early score (coverage and word order) that picks the candidates fuse.js ranks.
 */
import type { Candidate } from './score.ts';

/** A candidate after the first stage, with its word-order score and the early score that picks who fuse.js ranks. */
export interface Early {
  readonly doc: number;
  readonly coverage: number;
  readonly order: number;
  readonly early: number;
}

/**
 * The candidates that may be among the best `keep` by early score, scored (word order worked out)
 * in descending coverage until none left could beat the `keep`-th best so far even with perfect
 * word order (`reach`, an upper bound that grows with coverage): the same best `keep` as scoring
 * every candidate, since a skipped one scores strictly below `keep` others.
 */
export function earlyBest(pool: readonly Candidate[], keep: number, reach: (coverage: number) => number, score: (c: Candidate) => Early): Early[] {
  if (pool.length <= keep) return pool.map(score);
  const out: Early[] = [];
  // The best `keep` early scores so far, best first.
  const best: number[] = [];
  for (const c of [...pool].sort((a, b) => b.coverage - a.coverage)) {
    if (best.length === keep && reach(c.coverage) < (best[keep - 1] ?? 0)) break;
    const e = score(c);
    out.push(e);
    let i = Math.min(best.length, keep - 1);
    if (best.length === keep && e.early <= (best[i] ?? 0)) continue;
    best[i] = e.early;
    for (; i > 0 && (best[i - 1] ?? 0) < e.early; i--) [best[i], best[i - 1]] = [best[i - 1] ?? 0, e.early];
  }
  return out;
}

/** Word order, cheaply (no allocation per document): share of the question's adjacent word pairs found as typed, any case. */
export function quickPhraseOf(words: readonly string[], textOf: (doc: number) => string): (doc: number) => number {
  const tokens = words.join(' ').match(/[\p{L}\p{N}]+/gu) ?? [];
  // ASCII words need no Unicode mode, which makes each test several times slower.
  const flags = tokens.every((t) => /^[a-z0-9]+$/i.test(t)) ? 'i' : 'iu';
  const pairs = tokens.slice(1).map((t, i) => new RegExp(`${tokens[i]}\\W+${t}`, flags));
  // Most candidates hold no pair at all: one scan for any of them, then one per pair only if so.
  const any = pairs.length > 1 ? new RegExp(pairs.map((p) => p.source).join('|'), flags) : null;
  return (doc) => {
    if (pairs.length === 0) return 0;
    let found = 0;
    const text = textOf(doc);
    if (any && !any.test(text)) return 0;
    for (const pair of pairs) if (pair.test(text)) found++;
    return found / pairs.length;
  };
}
