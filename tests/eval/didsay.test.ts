import { describe, expect, it } from 'vitest';
import { formatDidSayTable, isAskableName, makeDidSayQuestions, scoreDidSay, type DidSayOutcome } from '../../src/eval/didsay.ts';
import type { GoldArticle } from '../../src/eval/score.ts';

const DOCS = ['The council met on Monday about the budget and the bridge repairs, which cost far more than planned.'];

const GOLD: GoldArticle[] = [
  {
    article: 'a',
    quotes: [
      { quote: '"We will not pay 1,200 dollars for a bridge that still does not open," she said.', speaker: 'Ann Lee', mention: '', verb: '' },
      { quote: 'the repairs were finished on time and under budget', speaker: 'Bob Stone', mention: '', verb: '' },
      { quote: '"It is what it is,"', speaker: 'officials', mention: '', verb: '' },
    ],
  },
];

describe('makeDidSayQuestions', () => {
  const questions = makeDidSayQuestions(GOLD, DOCS, 42);

  it('is reproducible with a seed', () => {
    expect(makeDidSayQuestions(GOLD, DOCS, 42)).toEqual(questions);
  });

  it('makes each labelled variant from the gold, for speakers a reader would name', () => {
    const byVariant = new Map(questions.map((q) => [q.variant, q]));
    expect(byVariant.get('verbatim')).toMatchObject({ label: 'verbatim', asked: 'Ann Lee' });
    expect(byVariant.get('reported')).toMatchObject({ label: 'reported', asked: 'Bob Stone', claim: 'the repairs were finished on time and under budget' });
    expect(byVariant.get('wrong-person')).toMatchObject({ label: 'someone-else', asked: 'Bob Stone', speaker: 'Ann Lee' });
    expect(byVariant.get('invented')?.label).toBe('not-said');
    expect(byVariant.get('unknown-person')?.label).toBe('not-quoted');
    expect(questions.some((q) => q.asked === 'officials')).toBe(false);
  });

  it('changes the number and drops a negation inside the words', () => {
    const verbatim = questions.find((q) => q.variant === 'verbatim')?.claim ?? '';
    const number = questions.find((q) => q.variant === 'number');
    if (number) expect(number.claim).not.toBe(verbatim);
    const dropped = questions.find((q) => q.variant === 'negation-dropped');
    if (dropped) expect(dropped.claim.split(/\s+/).length).toBeLessThan(verbatim.split(/\s+/).length + 1);
    expect(number ?? dropped).toBeDefined();
  });

  it('asks the question as a reader would', () => {
    expect(questions.every((q) => q.question === `did ${q.asked} say "${q.claim}"?`)).toBe(true);
  });
});

describe('isAskableName', () => {
  it.each([
    ['Eric Stubbs', true],
    ['TransCanada', true],
    ['officials', false],
    ['A person familiar with the negotiations', false],
    ['The RCMP', false],
  ])('%s → %s', (name, askable) => {
    expect(isAskableName(name)).toBe(askable);
  });
});

describe('scoreDidSay', () => {
  const outcome = (
    label: DidSayOutcome['label'],
    verdict: DidSayOutcome['verdict'],
    variant: DidSayOutcome['variant'],
    named: string[] = [],
  ): DidSayOutcome => ({
    article: 'a',
    question: '',
    label,
    variant,
    asked: 'X',
    speaker: 'Ann Lee',
    claim: '',
    verdict,
    named,
  });

  it('counts right answers, the confusion table and any altered quote passed as verbatim', () => {
    const s = scoreDidSay([
      outcome('verbatim', 'verbatim', 'verbatim'),
      outcome('close', 'verbatim', 'number'),
      outcome('close', 'close', 'negation-dropped'),
      outcome('someone-else', 'someone-else', 'wrong-person', ['Ann Lee']),
    ]);
    expect(s).toMatchObject({ questions: 4, right: 3, meaningSlips: 1, namedRight: 1, namedJudged: 1 });
    expect(s.confusion['close']).toEqual({ verbatim: 1, close: 1 });
    expect(formatDidSayTable('test', s)).toContain('3 of 4 right (75.0%)');
  });
});
