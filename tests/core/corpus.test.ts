import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/core/corpus.ts';
import { articleOf } from '../helpers.ts';

const first = { ...articleOf(['The harbour opened in May.', '"We will hold 340 boats," said Ana Ruiz.'], 'a'), date: '2024-05-02' };
const second = { ...articleOf(['Nothing quoted here.', 'The ferry to Visby runs twice a day.'], 'b'), date: '2023-01-09' };

describe('buildCorpus', () => {
  it('names a passage by its story and paragraph number', () => {
    const corpus = buildCorpus([first, second]);
    expect(corpus.passages.size).toBe(4);
    expect(corpus.passages.search(['ferry', 'visby'], { limit: 1 })[0]?.id).toBe('b#p1');
    expect(corpus.passages.search(['harbour', 'opened'], { limit: 1 })[0]?.id).toBe('a#p0');
  });

  it('summarises the speakers when asked, from every quotation', () => {
    const corpus = buildCorpus([first, second]);
    expect(corpus.speakers).toEqual([{ name: 'Ana Ruiz', role: null, quotes: 1, articles: ['a'] }]);
    expect(corpus.speakers).toBe(corpus.speakers);
  });
});
