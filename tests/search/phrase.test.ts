import { describe, expect, it } from 'vitest';
import { createQuoteSearch } from '../../src/core/search/index.ts';
import { createPhraseScorer } from '../../src/core/search/phrase.ts';

describe('createPhraseScorer', () => {
  it.each([
    ['a great line', 'It was a great line to cross', 1],
    ['a great line', 'The line was great, a relief', 0],
    ['a great line', 'It was a great day on the line', 0.5],
    ['great linne', 'such a great line', 1],
  ])('%s in "%s" → %s', (question, text, expected) => {
    const expansions = new Map([['linne', [{ term: 'line', termNo: 0, similarity: 0.8 }]]]);
    expect(createPhraseScorer(question.split(' '), expansions)?.(text)).toBe(expected);
  });

  it('has nothing to say about one-word questions', () => {
    expect(createPhraseScorer(['boats'], new Map())).toBeNull();
  });
});

describe('search ranks exact phrases above scattered words', () => {
  it('even when the scattered ones are newer', () => {
    const docs = Array.from({ length: 400 }, (_, i) => ({
      id: `s${i}`,
      text: `"The line ${i} was great for everyone involved"`,
      speakers: [],
      date: '2025-01-01',
    }));
    docs.push({ id: 'phrase', text: '"It would be a great line for everyone involved"', speakers: [], date: '2001-01-01' });
    const s = createQuoteSearch(docs);
    expect(s.search(['be', 'a', 'great', 'line'], { limit: 3 })[0]?.id).toBe('phrase');
  });
});
