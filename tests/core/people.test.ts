import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/answer/answer.ts';
import { buildCorpus, loadArticles } from '../../src/core/corpus.ts';
import { formatResult } from '../../src/core/answer/format.ts';
import { findPerson } from '../../src/core/answer/people.ts';
import { seedCorpus } from '../helpers.ts';

const seed = seedCorpus();

const story = (path: string, title: string, source: string, date: string, body: string) => ({
  path,
  content: `---\ntitle: ${title}\nsource: ${source}\ndate: ${date}\n---\n\n${body}\n`,
});

const WIRE =
  'Mayor Helen Ortiz said on Monday that the city would cut property taxes next year.\n\n"We promised lower taxes and we are keeping that promise to every family in this city," Ortiz said.\n\n"The budget is balanced for the first time in a decade," said Mayor Tom Reyes of the neighbouring town.';
const archive = buildCorpus(
  loadArticles([
    story('wire/a.md', 'City to cut taxes', 'Wire Service', '2025-03-02', WIRE),
    story('paper/b.md', 'Taxes to fall, mayor says', 'Daily Paper', '2025-03-01', WIRE),
    story('paper/c.md', 'Mayor keeps tax promise', 'Evening News', '2025-03-03', WIRE.replace('every family', 'each family')),
    story(
      'health/d.md',
      'Flu cases rise',
      'Health Desk',
      '2025-01-10',
      'Flu cases rose sharply in January, the Centers for Disease Control and Prevention (CDC) said.\n\n"Everyone over six months old should get a flu shot this season," the CDC said in a statement.',
    ),
  ]).articles,
);

describe('questions by role and organisation', () => {
  it.each(['what did the president say?', 'what did the President say', 'did the president say many meetings are devoted to this'])('%s → Zelenskiy', (q) => {
    const r = ask(seed, q);
    expect(r.answers[0]?.speakers.map((s) => s.name)).toContain('Volodymyr Zelenskiy');
  });

  it('asks which one when several people hold the role', () => {
    const r = ask(archive, 'what did the mayor say about taxes?');
    expect(r.found).toBe(false);
    expect(r.choices?.map((c) => c.name).sort()).toEqual(['Helen Ortiz', 'Tom Reyes']);
    expect(r.suggestion).toContain('Which one?');
    expect(formatResult(r)).toContain('Helen Ortiz (Mayor)');
  });

  it('finds a person typed with title words before the name', () => {
    expect(findPerson(seed, "Ukraine's security chief Rustem Umerov")).toMatchObject({ kind: 'person', name: 'Rustem Umerov' });
    expect(findPerson(seed, 'Pres. Zelenskiy')).toMatchObject({ kind: 'person', name: 'Volodymyr Zelenskiy' });
  });

  it('what did the CDC say → the organisation, as "what did CDC say" does', () => {
    expect(findPerson(archive, 'the CDC')).toMatchObject({ kind: 'person' });
    const r = ask(archive, 'what did the CDC say?');
    expect(r.found).toBe(true);
    expect(r.answers[0]?.quote).toContain('flu shot');
  });
});

describe('one answer per quotation across stories', () => {
  it('gives a quotation three stories carry once, from the earliest story, with "also in"', () => {
    const r = ask(archive, 'who said keeping that promise to every family?');
    const [best, ...rest] = r.answers;
    expect(best?.article.id).toBe('paper/b');
    expect(best?.alsoIn?.map((s) => s.id)).toEqual(['wire/a', 'paper/c']);
    expect(rest.every((a) => !a.quote.includes('keeping that promise'))).toBe(true);
    expect(formatResult(r)).toContain('Also in 2 other stories');
  });
});

describe('who is', () => {
  it('gives the roles with their story, when quoted, and counts that agree with what is shown', () => {
    const r = ask(seed, 'who is umerov?');
    expect(r.person).toMatchObject({ name: 'Rustem Umerov', first: '2025-11-16', latest: '2025-11-16' });
    expect(r.person?.roles?.map((x) => x.role)).toEqual(['security chief']);
    const head = formatResult(r).split('\n')[0] ?? '';
    const quotes = r.person?.quotes ?? 0;
    expect(head).toContain(`quoted ${quotes} times`);
    if (r.answers.length < quotes) expect(head).toContain(`${r.answers.length} shown`);
  });
});
