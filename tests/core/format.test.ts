import { describe, expect, it } from 'vitest';
import { bareQuote, formatAnswer, formatResult, storyUrl, TIED_HEADLINE } from '../../src/core/answer/format.ts';
import type { Answer } from '../../src/core/types.ts';

const STORY = {
  id: 'local/ferry',
  title: 'Ferry to run again',
  source: 'Harbour Times',
  date: '2026-03-02',
  url: 'https://news.example.org/ferry',
  byline: 'Nora Blake',
};

function answer(over: Partial<Answer>): Answer {
  return {
    quote: '"We have rebuilt both ramps,"',
    kind: 'direct',
    verb: 'said',
    speakers: [{ name: 'Dana Whitfield', role: 'chief executive' }],
    said: null,
    article: STORY,
    score: 1,
    quotationId: 'local/ferry#1',
    matched: [],
    ...over,
  };
}

describe('formatAnswer', () => {
  it('puts direct words, and only those, in quotation marks, then the story and its link', () => {
    expect(formatAnswer(answer({ said: { when: 'on Monday', where: null } }))).toBe(
      [
        'Dana Whitfield (chief executive) said:',
        '  “We have rebuilt both ramps”',
        '  Said on Monday.',
        '  From "Ferry to run again" — Harbour Times — 2026-03-02 — by Nora Blake',
        '  Read the story: https://news.example.org/ferry',
      ].join('\n'),
    );
  });

  it('words reported speech as reported, with no quotation marks, and says so', () => {
    const text = formatAnswer(answer({ quote: 'that the first crossing would leave at 6 a.m.', kind: 'indirect' }));
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Dana Whitfield (chief executive) said that the first crossing would leave at 6 a.m.',
      '  (Reported speech: the story’s wording, not a verbatim quotation.)',
    ]);
    expect(text).not.toMatch(/[“”"]the first crossing/);
  });

  it('lets a withheld speaker read as the story put it, and says the speaker is not certain', () => {
    const text = formatAnswer(answer({ quote: 'that fares would stay the same', kind: 'indirect', speakers: [], attributedTo: 'the company' }));
    expect(text).toContain('The company said that fares would stay the same.\n');
    expect(text).toContain('  Speaker not certain: “the company” is how the story puts it.\n');
  });

  it('shows no link line when the story has no url, and no byline when there is none', () => {
    const text = formatAnswer(answer({ article: { id: 'x', title: 'T', source: null, date: null, url: null, byline: null } }));
    expect(text).not.toContain('Read the story');
    expect(text).toContain('  From "T"');
  });

  it('keeps a byline that already says "by"', () => {
    expect(formatAnswer(answer({ article: { ...STORY, byline: 'Reporting by Ana Ruiz; Editing by Ben Cole' } }))).toContain(
      '— Reporting by Ana Ruiz; Editing by Ben Cole',
    );
  });
});

describe('formatResult', () => {
  it('words the runners-up the same way: marks for direct words only', () => {
    const r = formatResult({
      question: 'who said ramps',
      found: true,
      answers: [
        answer({}),
        answer({ quote: 'that the crews had trained for months', kind: 'indirect', verb: 'says' }),
        answer({ quote: '“It is the lifeline of the island,”', speakers: [{ name: 'Omar Reyes', role: null }], verb: 'told' }),
      ],
    });
    expect(r).toContain(
      'Also:\n- Dana Whitfield (chief executive) says that the crews had trained for months.\n- Omar Reyes said: “It is the lifeline of the island”',
    );
  });
});

describe('formatResult with tied answers', () => {
  it('names no one as the answer: the question back, then each tied answer in full', () => {
    const other = answer({ speakers: [{ name: 'Omar Reyes', role: null }], quotationId: 'local/ferry#2' });
    const r = formatResult({ question: 'who said ramps', found: true, answers: [answer({}), other, answer({ quotationId: 'x' })], tied: 2 });
    expect(r.split('\n')[0]).toBe(TIED_HEADLINE);
    expect(r).toContain('1. Dana Whitfield (chief executive) said:');
    expect(r).toContain('2. Omar Reyes said:');
    expect(r).not.toContain('Also:');
  });
});

describe('bareQuote', () => {
  it('strips enclosing marks and the trailing comma, keeping a partial quotation balanced', () => {
    expect(bareQuote('"This concerns the release of 40 crew members,"')).toBe('This concerns the release of 40 crew members');
    expect(bareQuote('that the plan was “a good start,”')).toBe('the plan was “a good start”');
    expect(bareQuote('the plan was “a good start.”', 'indirect')).toBe('the plan was “a good start.”');
  });
});

describe('storyUrl', () => {
  it.each([
    ['https://news.example.org/ferry', 'https://news.example.org/ferry'],
    ['http://news.example.org/a b', 'http://news.example.org/a%20b'],
    ['javascript:alert(1)', null],
    ['/2026/03/ferry', null],
    ['', null],
    [null, null],
  ])('%s → %s', (url, shown) => {
    expect(storyUrl({ ...STORY, url })).toBe(shown);
  });

  it('keeps a link that is not http(s) out of the answer', () => {
    expect(formatAnswer(answer({ article: { ...STORY, url: 'javascript:alert(1)' } }))).not.toContain('Read the story');
  });
});
