import { describe, expect, it } from 'vitest';
import { foldText, stem, tokensOf } from '../../src/core/search/normalize.ts';

/** The stemmer as it was written with regular expressions: `stem` (character tests) must agree with it. */
function stemByPatterns(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

describe('stem', () => {
  it.each([
    ['negotiations', 'negotiation'],
    ['talks', 'talk'],
    ['injuries', 'injury'],
    ['ties', 'tie'],
    ['classes', 'class'],
    ['churches', 'church'],
    ['wishes', 'wish'],
    ['boxes', 'box'],
    ['quizzes', 'quizz'],
    ['aches', 'ach'],
    ['hes', 'hes'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['boss', 'boss'],
    ['1990s', '1990s'],
    ['bus', 'bus'],
    ['talk', 'talk'],
  ])('%s → %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemByPatterns(word));
    expect(stem(word)).toBe(stemmed);
  });

  it('agrees with the pattern stemmer on every short word over the letters its rules look at', () => {
    const letters = ['a', 'c', 'e', 'h', 'i', 's', 'u', 'x', 'z', 'y', '1', 'é'];
    const words: string[] = [''];
    for (let length = 1; length <= 5; length++) {
      for (const w of words.filter((x) => x.length === length - 1)) for (const c of letters) words.push(w + c);
    }
    expect(words.filter((w) => stem(w) !== stemByPatterns(w))).toEqual([]);
  });
});

describe('tokensOf', () => {
  it.each([
    ['“We’ll release 1,200 prisoners,” he said — today', ['well', 'release', '1200', 'prisoners', 'he', 'said', 'today']],
    ['Café Zürich: 10,000 ÉLAN', ['cafe', 'zurich', '10000', 'elan']],
    ['', []],
  ])('%j', (text, tokens) => {
    expect(tokensOf(text)).toEqual(tokens);
    expect(tokensOf(text)).toEqual(foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []);
  });
});
