import { describe, expect, it } from 'vitest';
import {
  countDocumentFrequency,
  createRandom,
  judgeAnswer,
  makeQuestions,
  misspell,
  pickQuestionWords,
  tallyVerdicts,
  type EvalQuestion,
} from '../../src/eval/questions.ts';
import type { GoldArticle } from '../../src/eval/score.ts';

const DOCS = [
  'The pipeline blockade drew police to the camp. The chiefs said the pipeline must stop.',
  'The mayor said the budget for the pipeline was too high, and the injunction was wrong.',
  'Police said the camp was calm; the mayor agreed.',
];

const GOLD: GoldArticle[] = [
  {
    article: 'a',
    quotes: [{ quote: '"The blockade will hold until the injunction is lifted and the camp is safe,"', speaker: 'Ann Lee', mention: '', verb: '' }],
  },
  { article: 'b', quotes: [{ quote: '"It is what it is,"', speaker: 'Bob Stone', mention: '', verb: '' }] },
];

describe('pickQuestionWords', () => {
  it('takes the rarest content words of the quote, in quote order, never function words', () => {
    const df = countDocumentFrequency(DOCS);
    const words = pickQuestionWords('"The blockade will hold until the injunction is lifted and the camp is safe,"', df, () => 0);
    expect(words).toEqual(['blockade', 'injunction', 'camp']);
  });

  it('skips words the corpus never uses', () => {
    expect(pickQuestionWords('zebras and blockade', countDocumentFrequency(DOCS), () => 0)).toEqual(['blockade']);
  });
});

describe('makeQuestions', () => {
  it('is deterministic for a seed and leaves out quotes with no usable word', () => {
    const a = makeQuestions(GOLD, DOCS, { seed: 7 });
    expect(makeQuestions(GOLD, DOCS, { seed: 7 })).toEqual(a);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ article: 'a', speaker: 'Ann Lee' });
    expect(a[0]?.question).toMatch(/^who said [\p{L} ]+\?$/u);
  });

  it('misspells one word when asked to', () => {
    const [q] = makeQuestions(GOLD, DOCS, { typoRate: 1 });
    const clean = makeQuestions(GOLD, DOCS, { typoRate: 0 })[0];
    expect(q?.words).toHaveLength(clean?.words.length ?? -1);
    expect(q?.words.filter((w, i) => w !== clean?.words[i])).toHaveLength(1);
  });
});

describe('misspell', () => {
  it.each([
    [[0, 0], 'ppieline'],
    [[0, 0.5], 'ppeline'],
    [[0, 0.9], 'piipeline'],
  ])('random %j → %s', (values, typo) => {
    let i = 0;
    expect(misspell('pipeline', () => values[i++] ?? 0)).toBe(typo);
  });
});

describe('createRandom', () => {
  it('repeats for a seed and differs across seeds', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    const c = createRandom(2);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('judgeAnswer and tallyVerdicts', () => {
  const q: EvalQuestion = { article: 'a', question: 'who said blockade?', words: ['blockade'], speaker: 'Ann Lee', quote: '' };
  it.each([
    [{ found: true, speakers: ['Ann Lee'] }, 'hit'],
    [{ found: true, speakers: ['Lee'] }, 'wrong'],
    [{ found: true, speakers: [] }, 'abstained'],
    [{ found: false, speakers: ['Ann Lee'] }, 'abstained'],
    [null, 'abstained'],
  ] as const)('%j → %s', (top, verdict) => {
    expect(judgeAnswer(q, top)).toBe(verdict);
  });

  it('tallies rates', () => {
    expect(tallyVerdicts(['hit', 'hit', 'wrong', 'abstained'])).toEqual({
      questions: 4,
      hit: 2,
      wrong: 1,
      abstained: 1,
      hitRate: 0.5,
      wrongRate: 0.25,
      abstainRate: 0.25,
    });
    expect(tallyVerdicts([]).hitRate).toBe(0);
  });
});
