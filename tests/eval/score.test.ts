import { describe, expect, it } from 'vitest';
import {
  classifySpeakerError,
  isSameSpeaker,
  matchGreedy,
  normaliseSpeaker,
  scoreQuotes,
  type GoldArticle,
  type PredictedQuote,
} from '../../src/eval/score.ts';

const PARAGRAPHS = ['Ann Lee said “We will win the cup next year,” after the game on Sunday.', 'The coach, Bob Stone, said the team was tired but proud.'];
const ARTICLE = { id: 'a1', paragraphs: PARAGRAPHS };

const GOLD: GoldArticle[] = [
  {
    article: 'a1',
    quotes: [
      { quote: '"We will win the cup next year,"', speaker: 'Ann Lee', mention: 'Ann Lee', verb: 'said' },
      { quote: 'the team was tired but proud', speaker: 'Bob Stone', mention: 'The coach', verb: 'said' },
    ],
  },
];

/** A prediction over `text`, which must stand in paragraph `paragraph`. */
function pred(paragraph: number, text: string, speakers: string[], articleId = 'a1'): PredictedQuote {
  const start = PARAGRAPHS[paragraph]?.indexOf(text) ?? -1;
  if (start < 0) throw new Error(`test setup: "${text}" is not in paragraph ${paragraph}`);
  return { articleId, quote: text, speakers: speakers.map((name) => ({ name })), span: { paragraph, start, end: start + text.length } };
}

describe('scoreQuotes', () => {
  it.each([
    // name, predictions, expected [matched@30, matched@80, speaker correct, predicted]
    ['nothing predicted', [], [0, 0, 0, 0]],
    [
      'both exact, right speakers',
      [pred(0, '“We will win the cup next year,”', ['Ann Lee']), pred(1, 'the team was tired but proud', ['Bob Stone'])],
      [2, 2, 2, 2],
    ],
    ['half of a quote: matched at 30% only', [pred(0, '“We will win the cup', ['Ann Lee'])], [1, 0, 1, 1]],
    ['a fifth of a quote: not matched', [pred(1, 'the team', ['Bob Stone'])], [0, 0, 0, 1]],
    ['whole paragraph covering the quote', [pred(1, PARAGRAPHS[1] ?? '', ['Bob Stone'])], [1, 1, 1, 1]],
    [
      'one to one: a second cover of the same quote is spurious',
      [pred(0, '“We will win the cup next year,”', ['Ann Lee']), pred(0, 'We will win the cup next', ['Ann Lee'])],
      [1, 1, 1, 2],
    ],
    ['surname only is wrong', [pred(0, '“We will win the cup next year,”', ['Lee'])], [1, 1, 0, 1]],
    ['any of several speakers may be right', [pred(0, '“We will win the cup next year,”', ['Bob Stone', 'Ann Lee'])], [1, 1, 1, 1]],
    ['predictions of other articles are ignored', [pred(0, '“We will win the cup next year,”', ['Ann Lee'], 'other')], [0, 0, 0, 0]],
  ] as const)('%s', (_name, predictions, [at30, at80, correct, predicted]) => {
    const s = scoreQuotes(GOLD, [ARTICLE], predictions);
    expect([s.at30.matched, s.at80.matched, s.speaker.correct, s.predicted]).toEqual([at30, at80, correct, predicted]);
    expect(s.gold).toBe(2);
    expect(s.missed).toHaveLength(2 - at30);
    expect(s.spurious).toHaveLength(predicted - at30);
  });

  it('computes precision, recall, F1 and end to end', () => {
    const s = scoreQuotes(
      GOLD,
      [ARTICLE],
      [
        pred(0, '“We will win the cup next year,”', ['Ann Lee']),
        pred(1, 'the team was tired but proud', ['Coach Bob Stone']),
        pred(0, 'after the game on Sunday', []),
      ],
    );
    expect(s.at30).toMatchObject({ precision: 2 / 3, recall: 1, matched: 2 });
    expect(s.at30.f1).toBeCloseTo(0.8);
    expect(s.speaker).toEqual({ correct: 1, matched: 2, accuracy: 0.5 });
    expect(s.endToEnd).toMatchObject({ precision: 1 / 3, recall: 0.5, matched: 1 });
    expect(s.matches.map((m) => m.speakerError)).toEqual([null, 'name with extra words']);
  });

  it('finds gold text with other quote characters and spacing, exactly', () => {
    const gold: GoldArticle[] = [{ article: 'a1', quotes: [{ quote: '“We  will win the cup next year,”', speaker: 'Ann Lee', mention: '', verb: '' }] }];
    const s = scoreQuotes(gold, [ARTICLE], [pred(0, '“We will win the cup next year,”', ['Ann Lee'])]);
    expect(s.located).toEqual({ exact: 1, tokens: 0, none: 0 });
    expect(s.at80.matched).toBe(1);
  });

  it('falls back to tokens when the gold text differs from the article', () => {
    const gold: GoldArticle[] = [{ article: 'a1', quotes: [{ quote: 'the team was tirred but proud', speaker: 'Bob Stone', mention: '', verb: '' }] }];
    const covered = scoreQuotes(gold, [ARTICLE], [pred(1, 'the team was tired but proud', ['Bob Stone'])]);
    expect(covered.located).toEqual({ exact: 0, tokens: 1, none: 0 });
    expect(covered.matches[0]?.coverage).toBeCloseTo(5 / 6);
    const partial = scoreQuotes(gold, [ARTICLE], [pred(1, 'the team', ['Bob Stone'])]);
    expect(partial.matches[0]?.coverage).toBeCloseTo(2 / 6);
  });

  it('counts the gold of an article that did not load as missed', () => {
    const gold: GoldArticle[] = [...GOLD, { article: 'gone', quotes: [{ quote: 'we lost', speaker: 'Cy Young', mention: '', verb: '' }] }];
    const s = scoreQuotes(gold, [ARTICLE], []);
    expect(s.gold).toBe(3);
    expect(s.located.none).toBe(1);
    expect(s.missed.map((m) => m.article)).toEqual(['a1', 'a1', 'gone']);
  });
});

describe('matchGreedy', () => {
  it('takes the best cover first and each prediction once', () => {
    const m = matchGreedy(
      [
        { gold: 0, pred: 0, coverage: 0.5, tightness: 1 },
        { gold: 1, pred: 0, coverage: 0.9, tightness: 1 },
        { gold: 0, pred: 1, coverage: 0.4, tightness: 1 },
        { gold: 2, pred: 2, coverage: 0.2, tightness: 1 },
      ],
      0.3,
    );
    expect([...m].map(([g, c]) => [g, c.pred])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('prefers the tighter of two full covers', () => {
    const m = matchGreedy(
      [
        { gold: 0, pred: 0, coverage: 1, tightness: 0.3 },
        { gold: 0, pred: 1, coverage: 1, tightness: 0.9 },
      ],
      0.3,
    );
    expect(m.get(0)?.pred).toBe(1);
  });
});

describe('isSameSpeaker', () => {
  it.each([
    ['Darian Lonechild', ['Darian Lonechild'], true],
    ['Darian Lonechild', ['darian  LONECHILD'], true],
    ['Darian Lonechild', ['Lonechild'], false],
    ['Darian Lonechild', ['Chief Darian Lonechild'], false],
    ['the ministry', ['The Ministry'], true],
    ['the ministry', ['ministry'], true],
    ['UFCW Local 832', ['UFCW Local 832'], true],
    ["Na'moks", ['Na’moks'], true],
    ['Gérald Fillion', ['Gerald Fillion'], true],
    ['Tore Sohlberg and Lehla Abreder', ['Tore Sohlberg', 'Lehla Abreder'], true],
    ['Tore Sohlberg and Lehla Abreder', ['Tore Sohlberg'], false],
    ['Ann Lee', [], false],
  ])('%s vs %j → %s', (gold, predicted, same) => {
    expect(isSameSpeaker(gold, predicted)).toBe(same);
  });

  it('normalises possessives and a leading "the"', () => {
    expect(normaliseSpeaker("The Ministry's")).toBe('ministry');
  });
});

describe('classifySpeakerError', () => {
  it.each([
    ['Darian Lonechild', [], 'no speaker'],
    ['Darian Lonechild', ['Lonechild'], 'part of the name'],
    ['Eric Stubbs', ['Assistant Commissioner Eric Stubbs'], 'name with extra words'],
    ['Eric Stubbs', ['RCMP'], 'other speaker'],
  ])('%s vs %j → %s', (gold, predicted, kind) => {
    expect(classifySpeakerError(gold, predicted)).toBe(kind);
  });
});
