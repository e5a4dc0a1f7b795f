import { describe, expect, it } from 'vitest';
import { parseGold } from '../../src/eval/gold.ts';

describe('parseGold', () => {
  it('reads one article per line, skipping blank lines, with mention and verb optional', () => {
    const text =
      '{"article": "a", "quotes": [{"quote": "\\"Hi,\\"", "speaker": "Ann Lee", "mention": "she", "verb": "said"}]}\n\n{"article": "b", "quotes": [{"quote": "yes", "speaker": "the union"}]}\n';
    expect(parseGold(text)).toEqual([
      { article: 'a', quotes: [{ quote: '"Hi,"', speaker: 'Ann Lee', mention: 'she', verb: 'said' }] },
      { article: 'b', quotes: [{ quote: 'yes', speaker: 'the union', mention: '', verb: '' }] },
    ]);
  });

  it.each([
    ['{"article": "a"', /line 1: not valid JSON/],
    ['{"article": "a", "quotes": {}}', /line 1: expected "quotes" to be an array/],
    ['\n{"article": 3, "quotes": []}', /line 2: expected "article" to be a string/],
    ['{"article": "a", "quotes": [{"quote": "x"}]}', /expected "speaker" to be a string, got nothing/],
  ])('rejects %j', (text, message) => {
    expect(() => parseGold(text)).toThrow(message);
  });
});
