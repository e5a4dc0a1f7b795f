import nlp from 'compromise';
import { afterEach, describe, expect, it } from 'vitest';
import { fastBulkMatch, installFastSweep } from '../../src/core/nlp-sweep.ts';

// This file imports compromise without src/core/nlp.ts, so compromise's own bulkMatch is in place
// here (vitest runs each test file in its own module graph).
const one = (nlp.methods() as { one: Record<string, unknown> }).one;
const original = one.bulkMatch;

/** Every term's text, offset and sorted tags, as one string. */
function tagsOf(text: string): string {
  const doc = nlp(text);
  doc.compute('offset');
  const docs = doc.docs as unknown as Array<Array<{ text: string; tags: Set<string>; offset: { start: number } }>>;
  return JSON.stringify(docs.map((s) => s.map((t) => [t.offset.start, t.text, [...t.tags].sort()])));
}

// Made-up sentences that exercise many post-tagger rules: names and titles, places and bodies,
// contractions, auxiliaries and modals, gerunds, participles, dates, numbers, money, questions.
const TEXTS = [
  'The mayor said on Tuesday that the pier would open. "We are ready," said Ada Byron.',
  'Finally Demi spoke, and Bill Morneau, the finance minister, wasn’t having it.',
  'Statistics Canada reported 3.4 million jobs in March, up 2% from $1.2 billion a year earlier.',
  'Mr. Smith, the U.S. envoy, arrived at 9 a.m. in Ottawa after meeting Sen. Jane Roe of Ohio.',
  'Having waited for hours, the protesters were being told they could not enter the building.',
  'Would she have gone if the Parole Board of Canada had said no? I doubt it, he said.',
  'The company’s spokeswoman declined to comment, citing the ongoing lawsuit filed in May.',
  'Running the numbers again, economists at the Bank of England warned inflation may rise.',
  'They’ll keep fighting until the government of Quebec backs down, union leaders vowed Friday.',
  'Dr. Okafor stood at the podium. “This is not over,” she said, shaking her head.',
  'Critics say the plan, which passed 52-48, will cost taxpayers nearly $90 million by 2030.',
  'In a statement, the Wet’suwet’en hereditary chiefs said the agreements don’t apply.',
  'St. Louis police arrested two men; neither has been charged, according to court records.',
  'Apple and Google didn’t respond, but Microsoft’s president said the rules were “unworkable.”',
  'She was very, very happy to be home, said Rubio, who had been campaigning in New Hampshire.',
  // Sentences whose tags depend on the order the rules run in (checked below).
  'The question was easy for the candidates to hear back in the spring election.',
  'Nobody knows how the money was spent.',
  'The fire burned for 30 seconds before crews arrived.',
  'A carbon-pricing plan was announced by the general manager.',
];

type Net = { hooks: Record<string, unknown[]>; always: unknown[] };
type Sweep = (document: unknown, net: Net, methods: unknown, opts?: unknown) => unknown[];

/** compromise's own rule selection over the net's keys in reverse order: a selection that got the order wrong. */
const reversed: Sweep = (document, net, methods, opts) => {
  const hooks: Record<string, unknown[]> = {};
  for (const k of Object.keys(net.hooks).reverse()) hooks[k] = net.hooks[k] ?? [];
  return (original as Sweep)(document, { hooks, always: net.always }, methods, opts);
};

afterEach(() => {
  one.bulkMatch = original;
});

describe('fastBulkMatch', () => {
  it('starts from compromise’s own bulkMatch', () => {
    expect(typeof original).toBe('function');
    expect(original).not.toBe(fastBulkMatch);
  });

  it('tags every word exactly as compromise’s own rule selection does', () => {
    const before = TEXTS.map(tagsOf);
    expect(installFastSweep(nlp.methods() as { one?: Record<string, unknown> })).toBe(true);
    expect(one.bulkMatch).toBe(fastBulkMatch);
    expect(TEXTS.map(tagsOf)).toEqual(before);
    // The texts all together, as one document of many sentences.
    one.bulkMatch = original;
    const whole = tagsOf(TEXTS.join(' '));
    one.bulkMatch = fastBulkMatch;
    expect(tagsOf(TEXTS.join(' '))).toEqual(whole);
  });

  it('is checked on sentences where the order of the rules matters', () => {
    const before = TEXTS.map(tagsOf);
    one.bulkMatch = reversed;
    const changed = TEXTS.map(tagsOf).filter((t, i) => t !== before[i]);
    expect(changed.length).toBeGreaterThanOrEqual(4);
  });

  it('leaves compromise alone when its methods are not what it expects', () => {
    const odd = { one: { bulkMatch: 'not a function', cacheDoc: () => [], match: () => ({ ptrs: [] }) } };
    expect(installFastSweep(odd)).toBe(false);
    expect(odd.one.bulkMatch).toBe('not a function');
    expect(installFastSweep({})).toBe(false);
  });
});
