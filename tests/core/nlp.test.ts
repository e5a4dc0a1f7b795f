import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { indexTags, lazyTagIndex, tagText, type TaggedTerm } from '../../src/core/nlp.ts';

/** compromise over the whole text at once: what tagText did before it tagged sentence by sentence. */
function tagWhole(text: string): TaggedTerm[] {
  const sentences = nlp(text).json({ offset: true, terms: { offset: true } }) as Array<{
    terms: Array<{ text: string; tags: string[]; offset: { start: number; length: number } }>;
  }>;
  return sentences.flatMap((s) => s.terms.map((t) => ({ start: t.offset.start, end: t.offset.start + t.offset.length, text: t.text, tags: new Set(t.tags) })));
}

const plain = (terms: Iterable<TaggedTerm>) => [...terms].map((t) => [t.start, t.end, t.text, [...t.tags].sort()]);

const TEXTS = [
  'The mayor said on Tuesday that the pier would open. "We are ready," said Ada Byron. Finally Demi spoke.',
  'Statistics Canada reported 3.4 million jobs. Mr. Smith, the U.S. envoy, arrived at 9 a.m. in Ottawa.',
  ' a.m. with a leading space, and a trailing one. ',
  'One sentence only',
  '',
];

describe('tagText', () => {
  it.each(TEXTS)('tags sentence by sentence exactly as compromise tags the whole: %j', (text) => {
    expect(plain(tagText(text))).toEqual(plain(tagWhole(text)));
    // Again, from the sentence cache.
    expect(plain(tagText(text))).toEqual(plain(tagWhole(text)));
  });
});

describe('lazyTagIndex', () => {
  it.each(TEXTS)('answers lookups in any order and iterates as indexTags does: %j', (text) => {
    const eager = indexTags(tagText(text));
    const lazy = lazyTagIndex(text);
    const offsets = [...eager.keys()].reverse();
    for (const o of [...offsets, -1, text.length]) expect(lazy.get(o)).toEqual(eager.get(o));
    expect([...lazy.entries()]).toEqual([...eager.entries()]);
    expect(lazy.size).toBe(eager.size);
  });
});
