import { describe, expect, it } from 'vitest';
import { createQuoteSearch, layeredSearch, SEARCH_DEFAULTS, type SearchDoc } from '../../src/core/search/index.ts';
import { foldText, tokensOf } from '../../src/core/search/normalize.ts';

const doc = (id: string, text: string, speakers: string[] = []): SearchDoc => ({ id, text, speakers, date: null });
const ids = (hits: readonly { id: string }[]) => hits.map((h) => h.id);

describe('candidates at archive scale', () => {
  it('lets the rarest question word generate candidates even when a rarer typo variant fills them ("bought" for "brought")', () => {
    // "enough" is small here, as it is relative to a million quotations in the real defaults.
    const defaults = { ...SEARCH_DEFAULTS, enough: 50 };
    const docs = [
      ...Array.from({ length: 60 }, (_, i) => doc(`bought${i}`, `They bought ${i} tickets`)),
      ...Array.from({ length: 70 }, (_, i) => doc(`brought${i}`, `She brought ${i} chairs`)),
      ...Array.from({ length: 70 }, (_, i) => doc(`issue${i}`, `The issues number ${i}`)),
      doc('target', 'As the issues brought up the gavel'),
    ];
    const search = createQuoteSearch(docs, defaults);
    expect(ids(search.search(['issues', 'brought', 'up'], { limit: 1 }))).toEqual(['target']);
  });

  it('reads a word one typo from a function word as that word ("aboout")', () => {
    const search = createQuoteSearch([doc('a', 'what he said about Uber, do not want to go'), doc('b', 'Uber drivers')]);
    const top = search.search(['aboout', 'Uber', 'do', 'not', 'want'], { limit: 1 })[0];
    expect(top?.id).toBe('a');
    expect(top?.coverage).toBe(1);
  });

  it('still weighs an unknown word that is no function word\'s typo as what was asked ("zuquaxo")', () => {
    const search = createQuoteSearch([doc('a', 'Uber drivers want more')]);
    expect(search.search(['zuquaxo', 'uber'], { limit: 1 })[0]?.coverage ?? 0).toBeLessThan(0.5);
  });
});

describe('foldText', () => {
  it('folds plain and accented text alike', () => {
    expect(foldText('“Hello,” said Zoë — 1,200 Ukrainians’')).toBe('“hello,” said zoe — 1200 ukrainians');
    expect(tokensOf('Café NAÏVE 4,123 well-being')).toEqual(['cafe', 'naive', '4123', 'well', 'being']);
    expect(tokensOf('“Plain” text – 7,076 days')).toEqual(['plain', 'text', '7076', 'days']);
  });
});

describe('without and layeredSearch', () => {
  const base = createQuoteSearch([
    doc('old#1', 'The pier will hold 340 boats', ['Maria Lindqvist']),
    doc('keep#1', 'The ferry runs every 20 minutes', ['Ines Moreau']),
  ]);
  const removed = new Uint8Array(2);
  removed[0] = 1;
  const live = createQuoteSearch([doc('new#1', 'The pier will hold 420 boats', ['Maria Lindqvist'])]);
  const both = layeredSearch(base.without(removed), live);

  it('drops removed documents from every lookup without rebuilding', () => {
    expect(ids(base.search(['340', 'boats']))).toContain('old#1');
    expect(ids(base.without(removed).search(['340', 'boats']))).not.toContain('old#1');
    expect(base.without(removed).matchingIds(['pier'])).toEqual([]);
    expect(ids(base.without(removed).search([], { speakers: new Set(['Maria Lindqvist']) }))).toEqual([]);
  });

  it('answers from both layers, merged by score', () => {
    expect(ids(both.search(['420', 'boats'], { limit: 1 }))).toEqual(['new#1']);
    expect(ids(both.search(['ferry', 'minutes'], { limit: 1 }))).toEqual(['keep#1']);
    expect(ids(both.search(['340', 'boats'])).includes('old#1')).toBe(false);
    expect(both.matchingIds(['pier'])).toEqual(['new#1']);
    expect(both.findSpeakers('lindqvist', 3).map((m) => m.name)).toEqual(['Maria Lindqvist']);
    expect(ids(both.search(['boats'], { speakers: new Set(['Maria Lindqvist']) }))).toEqual(['new#1']);
  });
});
