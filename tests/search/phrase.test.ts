import { describe, expect, it } from 'vitest';
import { createQuoteSearch } from '../../src/core/search/index.ts';
import { STOPWORDS, stem, tokensOf } from '../../src/core/search/normalize.ts';
import { createPhraseScorer } from '../../src/core/search/phrase.ts';

describe('createPhraseScorer', () => {
  it.each([
    ['a great line', 'It was a great line to cross', 1],
    ['a great line', 'The line was great, a relief', 0],
    ['a great line', 'It was a great day on the line', 0.5],
    ['great linne', 'such a great line', 1],
    ['build wall', 'We will build a wall', 1],
    ['build wall', 'build it up and a wall', 0],
    ['build a wall', 'build a big wall', 0.5],
    ['come the next day', 'come as the next day', 2 / 3],
    ['come the next day', 'seat come the next day', 1],
  ])('%s in "%s" → %s', (question, text, expected) => {
    const expansions = new Map([['linne', [{ term: 'line', termNo: 0, similarity: 0.8 }]]]);
    expect(createPhraseScorer(question.split(' '), expansions)?.(text)).toBe(expected);
  });

  it('scores as the pair-by-pair definition does, with repeated words, stopwords and typo expansions', () => {
    // The definition: share of adjacent question-word pairs found side by side (stopwords as typed, other words by stem or expansion).
    const words = 'the boats of the harbour boats will hold boat harbours'.split(' ');
    const expansions = new Map([['harbour', [{ term: 'harbor', termNo: 0, similarity: 0.8 }]]]);
    const accepts = (k: number, token: string) => {
      const w = words[k] ?? '';
      if (STOPWORDS.has(w)) return token === w;
      const own = stem(w);
      return stem(token) === own || (expansions.get(own) ?? []).some((m) => m.term === stem(token));
    };
    // Between a pair of content words, at most two function words that no question word accepts.
    const skippable = (tok: string) => STOPWORDS.has(tok) && !words.some((_, k) => accepts(k, tok));
    const contentPair = (k: number) => !STOPWORDS.has(words[k] ?? '') && !STOPWORDS.has(words[k + 1] ?? '');
    const reference = (text: string) => {
      const t = tokensOf(text);
      const pairAt = (k: number, i: number) =>
        (contentPair(k) ? [1, 2, 3] : [1]).some((gap) => i + gap < t.length && t.slice(i + 1, i + gap).every(skippable) && accepts(k + 1, t[i + gap] ?? ''));
      let found = 0;
      for (let k = 0; k + 1 < words.length; k++) if (t.some((tok, i) => accepts(k, tok) && pairAt(k, i))) found++;
      return found / (words.length - 1);
    };
    const scorer = createPhraseScorer(words, expansions);
    // The long-question path (over 31 words) must agree with the bit-mask one.
    const long = createPhraseScorer([...words, ...Array.from({ length: 30 }, (_, i) => `filler${i}`)], expansions);
    const vocabulary = ['the', 'boats', 'boat', 'of', 'harbor', 'harbours', 'will', 'hold', 'a', 'an', 'in', 'pier'];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 3 + (n % 17) }, (_, i) => vocabulary[(n * 31 + i * i * 7 + i) % vocabulary.length]).join(' ');
      expect(scorer?.(text)).toBe(reference(text));
      expect((long?.(text) ?? 0) * 39).toBeCloseTo(reference(text) * 9);
    }
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
