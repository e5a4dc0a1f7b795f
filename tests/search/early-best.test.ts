import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earlyBest, type Early } from '../../src/core/search/early.ts';

describe('earlyBest', () => {
  it('keeps the same best candidates as scoring every one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 4 })), { maxLength: 80 }),
        fc.integer({ min: 1, max: 40 }),
        (rows, keep) => {
          const pool = rows.map(([c], doc) => ({ doc, coverage: c / 20 }));
          let scored = 0;
          const score = (c: { doc: number; coverage: number }): Early => {
            scored++;
            const order = (rows[c.doc]?.[1] ?? 0) / 4;
            return { doc: c.doc, coverage: c.coverage, order, early: 0.8 * c.coverage + 0.1 * order };
          };
          const byEarly = (a: Early, b: Early) => b.early - a.early || a.doc - b.doc;
          const all = pool.map(score).sort(byEarly).slice(0, keep);
          scored = 0;
          const some = earlyBest(pool, keep, (coverage) => 0.8 * coverage + 0.1, score)
            .sort(byEarly)
            .slice(0, keep);
          expect(some).toEqual(all);
          expect(scored).toBeLessThanOrEqual(pool.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('stops scoring once no candidate left could reach the best few', () => {
    const pool = [1, 1, 1, 0.5, 0.2, 0.1].map((coverage, doc) => ({ doc, coverage }));
    const scored: number[] = [];
    earlyBest(
      pool,
      2,
      (coverage) => 0.8 * coverage + 0.1,
      (c) => {
        scored.push(c.doc);
        return { ...c, order: 0, early: 0.8 * c.coverage };
      },
    );
    expect(scored).toEqual([0, 1, 2]);
  });
});
