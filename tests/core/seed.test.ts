import { describe, expect, it } from 'vitest';
import { extractQuotations } from '../../src/core/extract.ts';
import { ask } from '../../src/core/answer/answer.ts';
import { seedArticle, seedCorpus } from '../helpers.ts';

describe('the seed story', () => {
  const article = seedArticle();
  const quotes = extractQuotations(article);
  const names = (i: number) => quotes[i]?.speakers.map((s) => s.name);

  it('loads metadata and drops the page furniture', () => {
    expect(article.title).toBe('Ukraine seeking exchange of 1,200 prisoners with Russia');
    expect(article.source).toBe('Reuters');
    expect(article.date).toBe('2025-11-16');
    expect(article.section).toBe('World');
    expect(article.byline).toBe('Reporting by Lidia Kelly in Melbourne; Editing by William Mallard');
    const body = article.paragraphs.join('\n');
    for (const furniture of ['via REUTERS', 'Follow us', 'Next In World', '77 Ukrainian drones', 'Others Also Read', 'Everything destroyed']) {
      expect(body).not.toContain(furniture);
    }
    expect(article.paragraphs[0]).toMatch(/^Ukraine is working/);
  });

  it.each([
    [0, 'Ukraine is working to resume the exchange of prisoners', 'indirect', ['Volodymyr Zelenskiy', 'Rustem Umerov']],
    [1, '"We are ... counting on the resumption of exchanges,"', 'direct', ['Volodymyr Zelenskiy']],
    [2, '"Many meetings, negotiations and calls are now devoted to this."', 'direct', ['Volodymyr Zelenskiy']],
    [3, 'that he had held consultations in Turkey', 'indirect', ['Rustem Umerov']],
    [4, '"As a result of these negotiations, the parties agreed', 'direct', ['Rustem Umerov']],
    [5, '"This concerns the release of 1,200 Ukrainians,"', 'direct', ['Rustem Umerov']],
    [6, 'that consultations would take place in the near future', 'indirect', ['Rustem Umerov']],
    [7, '"We are working without pause', 'direct', ['Rustem Umerov']],
  ])('quotation %i: %s', (i, start, kind, speakers) => {
    expect(quotes[i]?.quote.startsWith(start)).toBe(true);
    expect(quotes[i]?.kind).toBe(kind);
    expect(names(i)).toEqual(speakers);
  });

  it('finds exactly the eight quotations of the story', () => {
    expect(quotes).toHaveLength(8);
  });

  it('gives roles and when/where as the story states them', () => {
    expect(quotes[1]?.speakers[0]).toEqual({ name: 'Volodymyr Zelenskiy', role: 'President' });
    expect(quotes[1]?.said).toEqual({ when: 'on Sunday', where: 'in a video posted on the Telegram messaging app' });
    expect(quotes[3]?.said).toEqual({ when: 'on Saturday', where: null });
    expect(quotes[5]?.speakers[0]).toEqual({ name: 'Rustem Umerov', role: 'security chief' });
    expect(quotes[5]?.said).toEqual({ when: null, where: 'in a statement on Telegram' });
    expect(quotes[7]?.said).toBeNull();
  });
});

describe('ask on the seed story', () => {
  const corpus = seedCorpus();

  it.each(['who said 1,200?', 'who said 1200', 'whoo sed 1200?', 'WHO SAID 1,200', 'anyone say 1,200 ukrainians', 'who mentioned 1200?'])(
    '%s → Umerov, first',
    (q) => {
      const r = ask(corpus, q);
      expect(r.found).toBe(true);
      expect(r.answers[0]?.speakers).toEqual([{ name: 'Rustem Umerov', role: 'security chief' }]);
      expect(r.answers[0]?.quote).toContain('1,200 Ukrainians');
      expect(r.answers[0]?.article).toEqual({
        id: 'ukraine-prisoner-exchange',
        title: 'Ukraine seeking exchange of 1,200 prisoners with Russia',
        source: 'Reuters',
        date: '2025-11-16',
        url: null,
        byline: 'Reporting by Lidia Kelly in Melbourne; Editing by William Mallard',
      });
    },
  );

  it.each([
    ['negotiatons', 'Many meetings, negotiations'],
    ['who talked about christmas', 'New Year and Christmas'],
    ['who said they were counting on resumption of exchanges', 'counting on the resumption'],
    ['istanbul agreements', 'Istanbul agreements'],
  ])('%s → %s', (q, fragment) => {
    const r = ask(corpus, q);
    expect(r.found).toBe(true);
    expect(r.answers[0]?.quote).toContain(fragment);
  });

  it.each(['who said 77 drones?', 'who said the sky is green', 'who said Benin coup', 'Nigeria French help'])('%s is not found', (q) => {
    const r = ask(corpus, q);
    expect(r.found).toBe(false);
    expect(r.answers).toEqual([]);
  });

  it('answers name questions with typo tolerance', () => {
    const what = ask(corpus, 'what did zelensky say?');
    expect(what.found).toBe(true);
    expect(what.answers.every((a) => a.speakers.some((s) => s.name === 'Volodymyr Zelenskiy'))).toBe(true);
    const did = ask(corpus, 'did umerov say christmas?');
    expect(did.answers[0]?.quote).toContain('Christmas');
    const who = ask(corpus, 'who is umerov?');
    expect(who.person).toMatchObject({ name: 'Rustem Umerov', role: 'security chief' });
    expect(ask(corpus, 'what did Putin say?').found).toBe(false);
  });

  it('scores run from 0 to 1, best first', () => {
    const r = ask(corpus, 'negotiations');
    const scores = r.answers.map((a) => a.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of scores) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});
