import { describe, expect, it } from 'vitest';
import { isNumberedId, QuotationsById } from '../../src/core/answer/quotation-ids.ts';
import type { Quotation } from '../../src/core/types.ts';

const quote = (id: string, articleId: string): Quotation => ({
  id,
  articleId,
  quote: `“${id}”`,
  kind: 'direct',
  speakers: [],
  said: null,
  span: { paragraph: 0, start: 0, end: 1 },
  mention: '',
  verb: 'said',
  attribution: 'none',
  rule: 'direct-floating',
  cue: 'none',
  resolvedBy: 'none',
});

describe('QuotationsById', () => {
  const list = [quote('a#1', 'a'), quote('a#2', 'a'), quote('b#1', 'b'), quote('custom', 'b'), quote('b#3', 'b'), quote('a#3', 'a'), quote('a#1', 'a')];
  const byId = new QuotationsById(list);
  const map = new Map(list.map((q) => [q.id, q]));

  it('finds what a Map of the same quotations finds, in order, out of order or duplicated', () => {
    for (const id of ['a#1', 'a#2', 'a#3', 'b#1', 'b#3', 'custom', 'b#2', 'a#4', 'a#0', 'a#x', 'c#1', '#1', 'nohash', ''])
      expect(byId.get(id), id).toBe(map.get(id));
    expect(byId.has('b#3')).toBe(true);
    expect(byId.has('b#2')).toBe(false);
  });

  it('has the size and entries of that Map', () => {
    expect(byId.size).toBe(map.size);
    expect(new Map(byId)).toEqual(map);
    expect([...byId.keys()].sort()).toEqual([...map.keys()].sort());
  });
});

describe('isNumberedId', () => {
  it('is true exactly when the id is `${story}#${n}` (n ≥ 1)', () => {
    for (const [id, story, n] of [
      ['a#1', 'a', 1],
      ['a#12', 'a', 12],
      ['x/y.md#7', 'x/y.md', 7],
      ['a#01', 'a', 1],
      ['a#1', 'a', 2],
      ['ab#1', 'a', 1],
      ['a#', 'a', 0],
      ['a#1x', 'a', 1],
      ['b#1', 'a', 1],
      ['a#-1', 'a', 1],
    ] as const)
      expect(isNumberedId(id, story, n), id).toBe(id === `${story}#${n}`);
  });
});
