import { describe, expect, it } from 'vitest';
import { ask, countTied, findSimilar, TIE_GAP } from '../../src/core/answer/answer.ts';
import type { Answer } from '../../src/core/types.ts';
import { buildCorpus, loadArticles } from '../../src/core/corpus.ts';
import { formatResult } from '../../src/core/answer/format.ts';

const BRIDGE_MD = `---
title: City reopens harbour bridge after repairs
source: Harbour Times
date: 2025-05-02
---

Mayor Helen Ortiz said the harbour bridge would reopen on Friday after repairs costing 1,200 million dollars.

"The crews worked through the winter to get this done, and the city owes them a great deal," Ortiz said at a ceremony on the bridge.

Daniel Okafor, who sits on the council's budget committee, criticised the cost. "Taxpayers were promised a much cheaper repair and they deserve an explanation," he said.
`;

const RECALL_MD = `---
title: Toy maker recalls 40,000 scooters
source: Wire Service
date: 2025-06-10
---

A toy maker recalled 40,000 electric scooters on Tuesday after reports that batteries overheated while charging.

"We are contacting every customer and will replace each battery free of charge," the company said in a statement.
`;

const RATES_TXT = `Central bank holds rates as inflation eases

(Reuters) - The central bank held its key interest rate steady on Wednesday after inflation eased over the summer.

"Inflation is moving back towards our target, but the job is not finished," Governor Tiff Macklem told reporters in Ottawa.
`;

const { articles, warnings } = loadArticles([
  { path: 'local/bridge.md', content: BRIDGE_MD },
  { path: 'business/recall.md', content: RECALL_MD },
  { path: 'business/rates.txt', content: RATES_TXT },
]);
const corpus = buildCorpus(articles);

describe('the hand-made corpus', () => {
  it('loads all three stories', () => {
    expect(warnings).toEqual([]);
    expect([...corpus.articles.keys()]).toEqual(['local/bridge', 'business/recall', 'business/rates']);
  });
});

describe('ask', () => {
  it.each(['who said 1,200?', 'who said 1200', 'whoo sed 1200', 'WHO SAID 1,200', '1,200'])('%s → the mayor, with the story', (q) => {
    const r = ask(corpus, q);
    expect(r.found).toBe(true);
    expect(r.question).toBe(q);
    expect(r.answers[0]?.quote).toContain('1,200 million dollars');
    expect(r.answers[0]?.speakers).toEqual([{ name: 'Helen Ortiz', role: 'Mayor' }]);
    expect(r.answers[0]?.article).toEqual({
      id: 'local/bridge',
      title: 'City reopens harbour bridge after repairs',
      source: 'Harbour Times',
      date: '2025-05-02',
      url: null,
      byline: null,
    });
  });

  it.each([
    ['who said taxpayers were promised a cheaper repair', 'Taxpayers were promised', 'Daniel Okafor'],
    ['who said taxpayors were promissed', 'Taxpayers were promised', 'Daniel Okafor'],
    ['who mentioned inflaton', 'Inflation is moving back', 'Tiff Macklem'],
    ['crews worked through the wintr', 'The crews worked through the winter', 'Helen Ortiz'],
  ])('%s → %s (%s)', (q, fragment, speaker) => {
    const r = ask(corpus, q);
    expect(r.found).toBe(true);
    expect(r.answers[0]?.quote).toContain(fragment);
    expect(r.answers[0]?.speakers.map((s) => s.name)).toEqual([speaker]);
  });

  it('gives when and where with the answer', () => {
    const r = ask(corpus, 'who said inflation is moving back towards the target');
    expect(r.answers[0]?.said).toEqual({ when: null, where: 'to reporters' });
  });

  it.each(['who said the moon is made of cheese', 'who said volcano', 'zebra crossing'])('%s → not found, no answers', (q) => {
    const r = ask(corpus, q);
    expect(r.found).toBe(false);
    expect(r.answers).toEqual([]);
  });

  it('is not found when the words are in the story but not in a quotation, and says so', () => {
    const r = ask(corpus, 'who said electric scooters overheated');
    expect(r.found).toBe(false);
    expect(r.answers).toEqual([]);
    expect(r.suggestion).toContain('Toy maker recalls 40,000 scooters');
  });

  it('answers best first with scores between 0 and 1', () => {
    const r = ask(corpus, 'crews city winter');
    expect(r.answers.length).toBeGreaterThan(0);
    const scores = r.answers.map((a) => a.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of scores) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('honours the answer limit', () => {
    expect(ask(corpus, 'what did ortiz say?', { limit: 1 }).answers).toHaveLength(1);
  });

  it('withholds a guessed speaker and keeps the story’s own words for it', () => {
    const r = ask(corpus, 'who said replace each battery free of charge');
    expect(r.found).toBe(true);
    const a = r.answers[0]!;
    expect(a.quote).toContain('replace each battery');
    expect(a.speakers).toEqual([]);
    expect(a.attributedTo).toBe('the company');
  });

  it('withholds the organisation behind "the company said" and shows the story\'s words', () => {
    const md = `---\ntitle: Phone sales fall\n---\n\nAcme Inc. cut its forecast on Monday, and its shares fell.\n\nThe company said demand for its folding handsets had collapsed in Europe.\n`;
    const c = buildCorpus(loadArticles([{ path: 'acme.md', content: md }]).articles);
    const a = ask(c, 'who said folding handsets collapsed').answers[0]!;
    // org-behind-company was right 6 of 8 times on ggt-dev and half the time on unseen news.
    expect(a.speakers).toEqual([]);
    expect(a.attributedTo).toBe('The company');
  });

  it('puts a named speaker first when two quotations match equally (a story repeating a statement)', () => {
    const md = `---\ntitle: Police clear the camp\n---\n\nAn RCMP official said that before the injunction was enforced, officers developed a plan to move resources into the area.\n\nAssistant Commissioner Eric Stubbs said that before the injunction was enforced, police developed a plan to move resources into the area.\n`;
    const c = buildCorpus(loadArticles([{ path: 'camp.md', content: md }]).articles);
    const answers = ask(c, 'who said injunction enforced plan resources').answers;
    expect(answers[0]?.score).toBe(answers[1]?.score);
    expect(answers[0]?.speakers.map((s) => s.name)).toEqual(['Eric Stubbs']);
  });

  it('asks which one is meant when two people’s quotations match equally well, whatever the limit', () => {
    const story = (name: string, quote: string, who: string) =>
      `---\ntitle: ${name}\n---\n\n"${quote}," ${who} said on Monday.\n\nThe council meets again in May.\n`;
    const c = buildCorpus(
      loadArticles([
        { path: 'north.md', content: story('North ward debate', 'The mayor has not earned a second term', 'Councillor Ana Lima') },
        { path: 'south.md', content: story('South ward debate', 'Nobody in this ward wants a second term for him', 'Councillor Tom Reyes') },
      ]).articles,
    );
    for (const limit of [1, 5]) {
      const r = ask(c, 'who said second term', { limit });
      expect(r.tied).toBe(2);
      expect(r.answers.map((a) => a.speakers[0]?.name).sort()).toEqual(['Ana Lima', 'Tom Reyes']);
    }
    // A question only one of them answers is not tied.
    expect(ask(corpus, 'who said 1,200?').tied).toBeUndefined();
  });

  it('asks which one is meant when a one- or two-word question matches quotations of three stories about as well', () => {
    const story = (name: string, quote: string, who: string) => ({
      path: `${name}.md`,
      content: `---\ntitle: ${name}\n---\n\n"${quote}," ${who} said on Monday.\n\nThe council meets again in May.\n`,
    });
    const c = buildCorpus(
      loadArticles([
        story('north', 'The harbour tax must stay low all winter', 'Councillor Ana Lima'),
        story('east', 'Our harbour has been neglected for decades, and the tax is to blame', 'Mayor Rita Stone'),
        story('west', 'Our harbour is old and the pier needs work, and a ferry tax would pay for it', 'Captain Olu Ade'),
      ]).articles,
    );
    const r = ask(c, 'who said harbour tax?', { limit: 1 });
    const [first, , third] = r.answers;
    // Not a tie by score alone: the third is further from the first than TIE_GAP.
    expect((first?.score ?? 0) - (third?.score ?? 0)).toBeGreaterThan(TIE_GAP);
    expect(r.tied).toBe(3);
    expect(formatResult(r)).toContain('Which one do you mean?');
    // A third word the reader adds singles one out.
    const narrowed = ask(c, 'who said harbour tax winter?', { limit: 1 });
    expect(narrowed.tied).toBeUndefined();
    expect(narrowed.answers[0]?.speakers[0]?.name).toBe('Ana Lima');
  });

  it('keeps the same words as two answers when two stories put them on different people', () => {
    const story = (who: string) => `---\ntitle: Debate with ${who}\n---\n\n"The mayor has not earned a second term," ${who} said on Monday.\n`;
    const c = buildCorpus(
      loadArticles([
        { path: 'north.md', content: story('Councillor Ana Lima') },
        { path: 'south.md', content: story('Councillor Tom Reyes') },
        { path: 'east.md', content: story('Ana Lima') },
      ]).articles,
    );
    const r = ask(c, 'who said second term');
    expect(r.tied).toBe(2);
    expect(r.answers.map((a) => [a.speakers[0]?.name, a.alsoIn?.length ?? 0])).toEqual(
      expect.arrayContaining([
        ['Ana Lima', 1],
        ['Tom Reyes', 0],
      ]),
    );
  });

  it('does not call a tie with the same story’s words quoted again with no one named; another story’s may be the ones meant', () => {
    const answer = (story: string, name: string | null, attributedTo?: string): Answer =>
      ({
        quote: '“The budget is balanced,”',
        kind: 'direct',
        speakers: name ? [{ name, role: null }] : [],
        ...(attributedTo ? { attributedTo } : {}),
        article: { id: story, title: story, source: null, date: null, url: null, byline: null },
        score: 0.9,
      }) as unknown as Answer;
    expect(countTied([answer('budget', 'Helen Ortiz'), answer('budget', null)])).toBe(0);
    expect(countTied([answer('budget', 'Helen Ortiz'), answer('other', null)])).toBe(2);
    // Words withheld from someone the story does name ("a council aide") still contest.
    expect(countTied([answer('budget', 'Helen Ortiz'), answer('budget', null, 'a council aide')])).toBe(2);
  });

  it('does not call a tie when the equally matching quotations are the same person’s', () => {
    const md = `---\ntitle: Budget\n---\n\n"The budget is balanced," Mayor Helen Ortiz said on Monday.\n\n"The budget is balanced," Ortiz said again on Tuesday.\n`;
    const c = buildCorpus(loadArticles([{ path: 'budget.md', content: md }]).articles);
    const r = ask(c, 'who said budget balanced');
    expect(r.answers[0]?.speakers[0]?.name).toBe('Helen Ortiz');
    expect(r.tied).toBeUndefined();
    // Two stories, one name written with its accent and one without: the same person.
    const story = (quote: string, who: string) => `---\ntitle: ${who}\n---\n\n"${quote}," ${who} said on Monday.\n`;
    const accents = buildCorpus(
      loadArticles([
        { path: 'a.md', content: story('The wall is a stupid idea', 'Former president Felipe Calderón') },
        { path: 'b.md', content: story('Nobody will pay for such a stupid idea', 'Felipe Calderon') },
      ]).articles,
    );
    const both = ask(accents, 'who said stupid idea', { limit: 5 });
    expect(both.answers).toHaveLength(2);
    expect(both.tied).toBeUndefined();
  });

  it('has no attributedTo when the speaker is certain', () => {
    const a = ask(corpus, 'who said 1,200?').answers[0]!;
    expect(a).not.toHaveProperty('attributedTo');
  });
});

describe('ask, words from a statement the story prints in pieces', () => {
  const RALLY_MD = `---
title: Rally in Columbus
---

Dana Ruiz spoke to supporters in Columbus on Monday.

"We had better be careful, because the count is going to be contested," Ruiz told the crowd in Columbus. "And I hope the volunteers are watching closely or the seat will be taken away."

Tom Reyes answered her that evening. "The count will be fair and open to every volunteer," Reyes said, but Ruiz replied: "Nobody here trusts the clerks anymore."
`;
  const rally = buildCorpus(loadArticles([{ path: 'rally.md', content: RALLY_MD }]).articles);

  it('names the one speaker of both pieces, with the piece holding most of the words', () => {
    const r = ask(rally, 'who said careful contested watching closely?');
    expect(r.found).toBe(true);
    expect(r.answers[0]?.speakers.map((s) => s.name)).toEqual(['Dana Ruiz']);
    expect(r.answers[0]?.quote).toContain('careful');
  });

  it('names no one when the pieces are two people’s, or a word is only in the narration', () => {
    const twoPeople = ask(rally, 'who said fair volunteer trusts clerks?');
    expect(twoPeople.found).toBe(false);
    expect(twoPeople.suggestion).toMatch(/^Quotations of more than one person in the story "Rally in Columbus"/);
    expect(ask(rally, 'who said careful columbus watching closely?').found).toBe(false);
  });
});

describe('ask, when another story holds more of the words than any quotation', () => {
  const fares = buildCorpus(
    loadArticles([
      {
        path: 'council.md',
        content:
          '---\ntitle: Council doubles ferry fares\n---\n\nThe council voted on Tuesday to double ferry fares overnight for every commuter crossing the harbour.\n',
      },
      {
        path: 'commuters.md',
        content:
          '---\ntitle: Harbour commuters worried\n---\n\n"Ferry fares for every commuter will go up again, I am sure of it," said Dana Ruiz, who rides daily.\n',
      },
    ]).articles,
  );

  it('names no one for the closest quotation from elsewhere, and points to the story', () => {
    const r = ask(fares, 'who said ferry fares commuter overnight?');
    expect(r.found).toBe(false);
    expect(r.suggestion).toContain('Council doubles ferry fares');
  });

  it('still answers when the quotation holds every word, or its own story holds the rest', () => {
    expect(ask(fares, 'who said ferry fares commuter?').answers[0]?.speakers.map((s) => s.name)).toEqual(['Dana Ruiz']);
    expect(ask(fares, 'who said ferry fares commuter rides?').answers[0]?.speakers.map((s) => s.name)).toEqual(['Dana Ruiz']);
  });
});

describe('ask about a person', () => {
  it.each(['what did ortis say?', 'what did Helen Ortiz say', 'quotes from ortiz'])('%s → only her quotations, direct first', (q) => {
    const r = ask(corpus, q);
    expect(r.found).toBe(true);
    expect(r.answers.length).toBe(2);
    expect(r.answers.every((a) => a.speakers.some((s) => s.name === 'Helen Ortiz'))).toBe(true);
    expect(r.answers[0]?.kind).toBe('direct');
    expect(r.person).toEqual({ name: 'Helen Ortiz', role: 'Mayor', quotes: 2, stories: 1 });
  });

  it('what did macklen say about inflation → his quotation', () => {
    const r = ask(corpus, 'what did macklen say about inflation');
    expect(r.answers.map((a) => a.speakers[0]?.name)).toEqual(['Tiff Macklem']);
  });

  it('did Ortiz say crews? → yes, with the quotation', () => {
    const r = ask(corpus, 'did Ortiz say crews?');
    expect(r.found).toBe(true);
    expect(r.answers[0]?.quote).toContain('crews');
  });

  it('did Ortiz say inflation? → someone else: Macklem said it', () => {
    const r = ask(corpus, 'did Ortiz say inflation?');
    expect(r.verdict).toMatchObject({ kind: 'someone-else', person: 'Helen Ortiz' });
    expect(r.found).toBe(true);
    expect(r.answers[0]?.speakers.map((s) => s.name)).toEqual(['Tiff Macklem']);
  });

  it('who is okafr? → the person, misspelt', () => {
    const r = ask(corpus, 'who is okafr?');
    expect(r.person).toMatchObject({ name: 'Daniel Okafor', quotes: 1, stories: 1 });
  });

  it.each(['what did Putin say?', 'who is Smith?'])('%s → not found', (q) => {
    const r = ask(corpus, q);
    expect(r.found).toBe(false);
    expect(r.answers).toEqual([]);
  });

  it('never finds a guessed speaker by name', () => {
    expect(ask(corpus, 'what did the company say?').found).toBe(false);
  });
});

describe('findSimilar', () => {
  it('offers other quotations, not the one asked about', () => {
    const first = ask(corpus, 'who said 1,200?').answers[0]!;
    const similar = findSimilar(corpus, first.quotationId, 3);
    expect(similar.map((a) => a.quotationId)).not.toContain(first.quotationId);
    expect(similar.some((a) => a.speakers.some((s) => s.name === 'Helen Ortiz'))).toBe(true);
  });

  it('returns nothing for an unknown id', () => {
    expect(findSimilar(corpus, 'nope#1')).toEqual([]);
  });
});
