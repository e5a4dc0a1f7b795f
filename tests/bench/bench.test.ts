import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/archive.ts';
import { isHit, percentile, shareOf } from '../../src/bench/measure.ts';
import { generateQuestions, plantAnswers, QUESTION_MIX } from '../../src/bench/questions.ts';
import { createRandom, trainModel, varyNumbers } from '../../src/bench/text.ts';

const SENTENCES = Array.from(
  { length: 60 },
  (_, i) => `The council said on Monday that ${i + 100} new homes would be built near the river by ${2020 + (i % 9)}.`,
);
const model = trainModel(SENTENCES);

describe('generateArchive', () => {
  it('makes the smaller archive a prefix of the larger one, with quotes sliced from paragraphs', () => {
    const small = generateArchive(model, 50);
    const large = generateArchive(model, 200);
    expect(large.quotations.slice(0, small.quotations.length)).toEqual(small.quotations);
    for (const q of small.quotations) expect(small.articles.find((a) => a.id === q.articleId)?.paragraphs[q.span.paragraph]?.startsWith(q.quote)).toBe(true);
  });
});

describe('varyNumbers', () => {
  it('replaces every number, keeping the words', () => {
    const out = varyNumbers('In 2019 about 1,200 people came', createRandom(1));
    expect(out).toMatch(/^In [\d,]+ about [\d,]+ people came$/);
    expect(out).not.toBe('In 2019 about 1,200 people came');
  });
});

describe('questions', () => {
  const archive = generateArchive(model, 300);
  const questions = plantAnswers(generateQuestions(archive.quotations.slice(0, 100)), archive.quotations);

  it('follows the fixed mix and is the same on every run', () => {
    const counts = Object.fromEntries(Object.keys(QUESTION_MIX).map((k) => [k, questions.filter((q) => q.kind === k).length]));
    expect(counts.none).toBe(QUESTION_MIX.none);
    expect(generateQuestions(archive.quotations.slice(0, 100))).toEqual(questions.map(({ expected: _, ...q }) => q));
  });

  it('plants an answer for every answerable question and none for the rest', () => {
    for (const q of questions) expect(q.expected.length > 0).toBe(q.kind !== 'none');
  });
});

describe('measure', () => {
  it('computes nearest-rank percentiles, shares and hits', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 95)).toBe(5);
    expect(shareOf([true, false, true, true])).toBe(0.75);
    expect(isHit({ kind: 'none', text: 'x', expected: [] }, undefined)).toBe(true);
    expect(isHit({ kind: 'exact', text: 'x', expected: ['a'] }, 'b')).toBe(false);
  });
});
