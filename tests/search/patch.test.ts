import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/answer/answer.ts';
import { buildCorpus, loadArticles, patchCorpus, warmSpeakers, type Corpus } from '../../src/core/corpus.ts';
import { extractQuotations } from '../../src/core/extract.ts';
import { STORY } from '../node/fixtures.ts';

const storyOf = (path: string, who: string, what: string) => {
  const article = loadArticles([{ path, content: STORY(who, what) }]).articles[0];
  if (!article) throw new Error(`no story in ${path}`);
  return { article, quotations: extractQuotations(article) };
};

const harbour = storyOf('harbour.md', 'Maria Lindqvist', 'The new pier will hold 340 boats by spring');
const ferry = storyOf('ferry.md', 'Ines Moreau', 'The ferry will run every 20 minutes');
const base = buildCorpus([harbour.article, ferry.article], [...harbour.quotations, ...ferry.quotations]);
const found = (c: Corpus, q: string) => ask(c, q).found;

describe('patchCorpus', () => {
  it('answers a changed story by its new words only, and keeps the others', () => {
    const changed = storyOf('harbour.md', 'Maria Lindqvist', 'The new pier will hold 420 boats by summer');
    const next = patchCorpus(base, { removed: [harbour.article.id], added: [changed] });
    expect(found(next, 'who said 420 boats')).toBe(true);
    expect(found(next, 'who said 340 boats')).toBe(false);
    expect(found(next, 'who said ferry every 20 minutes')).toBe(true);
    expect(next.passages.search(['340']).map((h) => h.id)).toEqual([]);
    expect(base.passages.search(['340']).map((h) => h.id)).toEqual(['harbour#p0']);
    expect(next.passages.search(['ferry', 'minutes']).length).toBeGreaterThan(0);
    expect(next.articles.size).toBe(2);
    expect(next.quotations.map((q) => q.quote).join(' ')).toMatch(/420 boats/);
    expect(next.quotations.map((q) => q.quote).join(' ')).not.toMatch(/340 boats/);
    expect(next.byId.get(changed.quotations[0]?.id ?? '')?.quote).toMatch(/420/);
    expect(next.speakers.map((s) => s.name).sort()).toEqual(['Ines Moreau', 'Maria Lindqvist']);
    // The corpus patched is left as it was, for questions answered meanwhile.
    expect(found(base, 'who said 340 boats')).toBe(true);
  });

  it('drops a deleted story, adds a new one, and layers patch on patch', () => {
    const bridge = storyOf('bridge.md', 'Tomas Berg', 'The bridge reopens after 18 months of repairs');
    const one = patchCorpus(base, { removed: [ferry.article.id], added: [bridge] });
    expect(found(one, 'who said ferry every 20 minutes')).toBe(false);
    expect(found(one, 'who said bridge reopens')).toBe(true);
    const two = patchCorpus(one, { removed: [bridge.article.id], added: [] });
    expect(found(two, 'who said bridge reopens')).toBe(false);
    expect(found(two, 'who said 340 boats')).toBe(true);
    expect(two.articles.size).toBe(1);
    expect(ask(two, 'what did Berg say?').found).toBe(false);
  });

  it('rebuilds whole past maxLive quotations of changes', () => {
    const bridge = storyOf('bridge.md', 'Tomas Berg', 'The bridge reopens after 18 months of repairs');
    const next = patchCorpus(base, { removed: [], added: [bridge] }, { maxLive: 0 });
    expect(found(next, 'who said bridge reopens')).toBe(true);
    expect(next.search.save().docs.docCount).toBe(3);
  });

  it('counts speakers as a whole rebuild would', () => {
    const moreFerry = storyOf('ferry2.md', 'Ines Moreau', 'The ferry will also stop at the island');
    const changed = storyOf('harbour.md', 'Tomas Berg', 'The new pier will hold 420 boats by summer');
    const next = patchCorpus(base, { removed: [harbour.article.id], added: [changed, moreFerry] });
    const whole = buildCorpus([ferry.article, changed.article, moreFerry.article], [...ferry.quotations, ...changed.quotations, ...moreFerry.quotations]);
    const sorted = (c: Corpus) => c.speakers.map((s) => ({ ...s, articles: [...s.articles].sort() }));
    expect(sorted(next)).toEqual(sorted(whole));
  });

  it('masks every run of a story id that two files share', () => {
    const again = storyOf('harbour.md', 'Maria Lindqvist', 'The old quay will close in winter');
    const mixed = buildCorpus([harbour.article, ferry.article, again.article], [...harbour.quotations, ...ferry.quotations, ...again.quotations]);
    const next = patchCorpus(mixed, { removed: [harbour.article.id], added: [] });
    expect(found(next, 'who said 340 boats')).toBe(false);
    expect(found(next, 'who said old quay close in winter')).toBe(false);
    expect(found(next, 'who said ferry every 20 minutes')).toBe(true);
  });
});

describe('warmSpeakers', () => {
  it('works out in slices the same speaker summary, in the same order, as the first use would', async () => {
    // 3,000 people (several sorted runs to merge), with ties in count broken by name.
    const [q] = harbour.quotations;
    if (!q) throw new Error('no quotation in the harbour story');
    const quotations = Array.from({ length: 3000 }, (_, i) => ({
      ...q,
      id: `harbour#${i + 1}`,
      speakers: [{ name: `Person ${(i * 7919) % 1500}`, role: null }],
    }));
    const warmed = buildCorpus([harbour.article], quotations);
    let pauses = 0;
    await warmSpeakers(warmed, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThan(3);
    const plain = buildCorpus([harbour.article], quotations);
    expect(warmed.speakers).toEqual(plain.speakers);
    expect(warmed.speakers.length).toBe(1500);
  });
});
