import { describe, expect, it } from 'vitest';
import { editDistance, foldText, stem, tokensOf } from '../../src/core/search/normalize.ts';

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

describe('editDistance', () => {
  /** Plain Damerau-Levenshtein (optimal string alignment), no early exit. */
  function reference(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const row = d[i] ?? [];
        const up = d[i - 1] ?? [];
        let v = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (d[i - 2]?.[j - 2] ?? 0) + 1);
        row[j] = v;
      }
    }
    return d[a.length]?.[b.length] ?? 0;
  }

  it('is the distance when within max, else above max, for short and long words alike (its rows are reused)', () => {
    const words = ['', 'a', 'ab', 'ba', 'abc', 'acb', 'negotiation', 'negotaition', 'negotiaton', 'x'.repeat(40), `${'x'.repeat(39)}y`, 'xy'.repeat(20)];
    for (const a of words) {
      for (const b of words) {
        for (const max of [0, 1, 2, 5, 50]) {
          const d = reference(a, b);
          if (d <= max) expect(editDistance(a, b, max)).toBe(d);
          else expect(editDistance(a, b, max)).toBeGreaterThan(max);
        }
      }
    }
  });
});
