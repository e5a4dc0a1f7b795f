import { describe, expect, it } from 'vitest';
import { createQuoteSearch, type SearchDoc } from '../../src/core/search/index.ts';
import { InvertedIndexBuilder } from '../../src/core/search/inverted.ts';
import { createPlainFuse } from '../../src/core/search/rank.ts';

const doc = (id: string, text: string, speakers: string[] = [], date: string | null = null): SearchDoc => ({ id, text, speakers, date });

describe('InvertedIndex.expand', () => {
  const builder = new InvertedIndexBuilder();
  ['negotiation', 'consultation', 'prisoner', 'exchange', 'talk', '1200', 'tale'].forEach((t, i) => {
    builder.add(i, [t]);
  });
  const index = builder.freeze();
  const terms = (t: string) => index.expand(t).map((m) => [m.term, m.similarity]);

  it.each([
    ['negotiation', [['negotiation', 1]]],
    ['negotiaton', [['negotiation', 0.8]]],
    ['negotaton', [['negotiation', 0.6]]],
    ['prisonr', [['prisoner', 0.8]]],
    ['exhcange', [['exchange', 0.8]]],
    ['1200', [['1200', 1]]],
    ['1201', []],
    ['zzzzzz', []],
  ])('%s → %j', (term, expected) => {
    expect(terms(term)).toEqual(expected);
  });

  it('keeps postings ascending and counts documents', () => {
    const b = new InvertedIndexBuilder();
    b.add(0, ['a1', 'b1']);
    b.add(1, ['b1', 'b1']);
    b.add(2, ['a1']);
    const ix = b.freeze();
    const a1 = ix.expand('a1')[0]!;
    expect([...ix.postings(a1.termNo)]).toEqual([0, 2]);
    expect(ix.frequency(ix.expand('b1')[0]!.termNo)).toBe(2);
    expect(ix.size).toBe(3);
  });
});

describe('createQuoteSearch', () => {
  const docs = [
    doc('a', '"We agreed to release 1,200 prisoners," he said', ['Rustem Umerov'], '2025-11-16'),
    doc('b', '"The talks on prisoners will resume in Istanbul"', ['Volodymyr Zelenskiy'], '2025-11-15'),
    doc('c', '"Prisoners are our priority and 1,200 is only the start"', ['Anna Kovalenko'], '2025-12-01'),
    doc('d', '"The weather was fine"', ['Anna Kovalenko'], '2024-01-01'),
  ];
  const search = createQuoteSearch(docs);

  it('ranks the document holding every question word first', () => {
    expect(search.search(['release', '1200', 'prisoners'])[0]?.id).toBe('a');
  });

  it('finds words with typos and numbers written either way', () => {
    expect(search.search(['istanbull'])[0]?.id).toBe('b');
    expect(search.search(['1200'])).toHaveLength(2);
  });

  it('keeps the typo budget of a word as typed when its stem is too short for one ("neds" finds "needs")', () => {
    const s = createQuoteSearch([doc('n', '"She needs to be down here trying to get the rose"'), doc('o', '"The red bed was new"')]);
    expect(s.search(['neds', 'rose'])[0]?.id).toBe('n');
    expect(s.search(['neds'])[0]?.id).toBe('n');
  });

  it('undoes a swapped letter that hides the ending the stemmer needs ("injurise" finds "injuries")', () => {
    const s = createQuoteSearch([doc('i', 'her injuries were not life-threatening'), doc('o', 'the injunction was enforced')]);
    expect(s.search(['injurise', 'life'])[0]?.id).toBe('i');
    expect(s.search(['injurise'])[0]?.id).toBe('i');
  });

  it('breaks a near-tie by the function words the reader typed ("done study")', () => {
    const s = createQuoteSearch([
      doc('m', '"I never said there was a study."', [], '2025-01-02'),
      doc('t', 'it has not done any such study', [], '2025-01-01'),
    ]);
    expect(s.search(['done', 'study'])[0]?.id).toBe('t');
    expect(s.search(['study'])[0]?.id).toBe('m');
  });

  it('breaks ties by the newest story', () => {
    const same = createQuoteSearch([
      doc('old', '"We counted 1,200 boats"', [], '2020-01-01'),
      doc('new', '"We counted 1,200 cars"', [], '2025-01-01'),
      doc('mid', '"We counted 1,200 bikes"', [], '2022-01-01'),
    ]);
    expect(same.search(['1,200']).map((h) => h.id)).toEqual(['new', 'mid', 'old']);
  });

  it('filters by speaker and lists a speaker with no words', () => {
    expect(search.search(['prisoners'], { speakers: new Set(['Anna Kovalenko']) }).map((h) => h.id)).toEqual(['c']);
    expect(search.search([], { speakers: new Set(['Anna Kovalenko']) }).map((h) => h.id)).toEqual(['c', 'd']);
  });

  it('returns nothing for words it does not hold, and for empty questions', () => {
    expect(search.search(['quibblefrost'])).toEqual([]);
    expect(search.search([])).toEqual([]);
    expect(search.search(['the', 'of'])).toEqual([]);
  });

  it('reports matched words and scores within 0..1, best first', () => {
    const hits = search.search(['prisoners', 'istanbul']);
    expect(hits[0]?.matched).toEqual(expect.arrayContaining(['prisoners', 'istanbul']));
    for (const h of hits) {
      expect(h.score).toBeGreaterThan(0);
      expect(h.score).toBeLessThanOrEqual(1);
    }
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((x, y) => y - x));
  });

  it('lists the documents holding every word, for "many stories match"', () => {
    expect(search.matchingIds(['1200', 'prisoners']).sort()).toEqual(['a', 'c']);
    expect(search.matchingIds(['1200'], 1)).toHaveLength(1);
  });

  it('gives the same answers from a saved index', () => {
    const again = createQuoteSearch(docs, undefined, search.save());
    expect(again.search(['release', '1200'])).toEqual(search.search(['release', '1200']));
  });

  it('does not let a word in every document flood the candidates', () => {
    const many = Array.from({ length: 2000 }, (_, i) => doc(`n${i}`, `"The government will decide ${i}"`));
    many.push(doc('rare', '"The government will decide on the flotilla"'));
    const s = createQuoteSearch(many);
    expect(s.search(['government', 'flotilla'])[0]?.id).toBe('rare');
  });
});

describe('findSpeakers', () => {
  it('finds a typed name among many (the indexed path)', () => {
    const names = Array.from({ length: 500 }, (_, i) => `Person${i} Surname${i}`);
    names.push('Volodymyr Zelenskiy');
    const s = createQuoteSearch(names.map((n, i) => doc(String(i), `"quote ${i}"`, [n])));
    expect(s.findSpeakers('zelensky', 1)[0]?.name).toBe('Volodymyr Zelenskiy');
    expect(s.findSpeakers('nobodyknown', 1)).toEqual([]);
  });

  it('finds the same names from a saved names index, and ignores one saved for other names', () => {
    const names = Array.from({ length: 300 }, (_, i) => `Person${i} Surname${i}`);
    names.push('Volodymyr Zelenskiy');
    const docs = names.map((n, i) => doc(String(i), `"quote ${i}"`, [n]));
    const saved = createQuoteSearch(docs).save();
    expect(saved.names.docCount).toBe(names.length);
    expect(createQuoteSearch(docs, undefined, saved).findSpeakers('zelensky', 2)).toEqual(createQuoteSearch(docs).findSpeakers('zelensky', 2));
    const fewer = createQuoteSearch(docs.slice(0, 250)).save();
    const s = createQuoteSearch(docs, undefined, { docs: saved.docs, names: fewer.names, speakers: fewer.speakers });
    expect(s.findSpeakers('zelensky', 1)[0]?.name).toBe('Volodymyr Zelenskiy');
    expect(s.search([], { speakers: new Set(['Volodymyr Zelenskiy']) }).map((h) => h.id)).toEqual(['300']);
  });

  it('keeps the quotations of each speaker in the saved search, and finds them from it', () => {
    const docs = [
      doc('a#1', '"The pier will hold 340 boats"', ['Ada Quill']),
      doc('a#2', '"No comment"', []),
      doc('b#1', '"We counted 12 boats"', ['Ada Quill', 'Ben Hale']),
      doc('b#2', '"And 14 more"', ['Ben Hale']),
    ];
    const saved = createQuoteSearch(docs).save();
    expect(saved.speakers.names).toEqual(['Ada Quill', 'Ben Hale']);
    expect([...saved.speakers.offsets]).toEqual([0, 2, 4]);
    expect([...saved.speakers.docs]).toEqual([0, 2, 2, 3]);
    const again = createQuoteSearch(docs, undefined, saved);
    for (const name of ['Ada Quill', 'Ben Hale', 'Nobody']) {
      const theirs = new Set([name]);
      expect(again.search([], { speakers: theirs })).toEqual(createQuoteSearch(docs).search([], { speakers: theirs }));
    }
    expect(again.search(['boats'], { speakers: new Set(['Ben Hale']) }).map((h) => h.id)).toEqual(['b#1']);
  });

  it('no longer finds a speaker whose every quotation a live reload removed, and still finds one quoted elsewhere', () => {
    const s = createQuoteSearch([
      doc('a#1', '"The pier will hold 340 boats"', ['Ada Quill']),
      doc('b#1', '"We counted 12 boats"', ['Ada Quinn']),
      doc('b#2', '"And 14 more"', ['Ada Quinn']),
    ]);
    expect(s.findSpeakers('ada quill', 2).map((m) => m.name)).toContain('Ada Quill');
    const gone = s.without(Uint8Array.from([1, 1, 0]));
    expect(gone.findSpeakers('ada quill', 2).map((m) => m.name)).toEqual(['Ada Quinn']);
  });
});

describe('createPlainFuse', () => {
  it('ranks every document with fuse.js, all words required', () => {
    const plain = createPlainFuse([
      { id: 0, text: 'the release of 1200 prisoners' },
      { id: 1, text: 'the weather was fine' },
    ]);
    expect(plain.search(['release', 'prisoners'], 1)[0]?.id).toBe(0);
    expect(plain.search([], 1)).toEqual([]);
  });
});
