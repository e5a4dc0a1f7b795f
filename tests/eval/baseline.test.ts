import { describe, expect, it } from 'vitest';
import { checkBaseline, parseBaselines, formatBaselines, raiseBaseline, type Figures } from '../../src/eval/baseline.ts';

const CURRENT: Figures = { quoteF1At30: 85, quoteF1At80: 80, speakerAccuracy: 60, endToEndF1: 50, whoSaidHit1: 50, whoSaidWrong: 30 };

describe('checkBaseline', () => {
  it.each([
    ['same figures', {}, []],
    ['a drop within tolerance', { quoteF1At30: 85.1 }, []],
    ['a drop beyond tolerance', { quoteF1At30: 85.2 }, ['quoteF1At30']],
    ['an error rate that rose', { whoSaidWrong: 29.8 }, ['whoSaidWrong']],
    ['an error rate that fell', { whoSaidWrong: 40 }, []],
    ['two drops', { speakerAccuracy: 70, whoSaidHit1: 51 }, ['speakerAccuracy', 'whoSaidHit1']],
  ] as const)('%s', (_name, changes, dropped) => {
    const baseline = { dataset: 'd', figures: { ...CURRENT, ...changes } };
    expect(checkBaseline(CURRENT, baseline, 0.1).map((d) => d.key)).toEqual(dropped);
  });

  it('names the figure, the record and the current value', () => {
    expect(checkBaseline(CURRENT, { dataset: 'd', figures: { speakerAccuracy: 61 } })).toEqual([
      { key: 'speakerAccuracy', label: 'speaker correct among matched', recorded: 61, current: 60 },
    ]);
  });
});

describe('raiseBaseline', () => {
  it('raises improved figures, keeps the others, never lowers one', () => {
    const old = { dataset: 'd', figures: { ...CURRENT, quoteF1At30: 84, whoSaidWrong: 25, speakerAccuracy: 70 } };
    const { baseline, raised } = raiseBaseline(old, CURRENT);
    expect(raised.map((r) => r.key)).toEqual(['quoteF1At30']);
    expect(baseline.figures).toEqual({ ...CURRENT, whoSaidWrong: 25, speakerAccuracy: 70 });
  });

  it('records every figure on an empty baseline', () => {
    expect(raiseBaseline({ dataset: 'd', figures: {} }, CURRENT).baseline.figures).toEqual(CURRENT);
  });
});

describe('parseBaselines', () => {
  it('reads the older one-dataset file', () => {
    expect(parseBaselines('{"dataset": "ggt-dev", "figures": {"quoteF1At30": 85.1}}', 'b.json')).toEqual([
      { dataset: 'ggt-dev', figures: { quoteF1At30: 85.1 } },
    ]);
  });

  it('reads and writes several datasets', () => {
    const sets = [
      { dataset: 'polnear-dev', figures: { speechRecall: 90.5, whoSaidWrong: 1.2 } },
      { dataset: 'ggt-dev', figures: { quoteF1At30: 85.1 } },
    ];
    const text = formatBaselines(sets);
    expect(text.indexOf('ggt-dev')).toBeLessThan(text.indexOf('polnear-dev'));
    expect(parseBaselines(text, 'b.json')).toEqual([sets[1], sets[0]]);
  });

  it('counts a recorded figure no longer measured as dropped', () => {
    expect(checkBaseline({ quoteF1At30: 85 }, { dataset: 'd', figures: { speechRecall: 90 } }).map((d) => d.key)).toEqual(['speechRecall']);
  });

  it.each([
    ['{', /b\.json: not valid JSON/],
    ['{"figures": {}}', /expected \{"datasets"/],
    ['{"datasets": {"d": {"f1": 3}}}', /unknown figure "f1" of d/],
    ['{"dataset": "d", "figures": {"f1": 3}}', /unknown figure "f1"; known figures are quoteF1At30/],
    ['{"dataset": "d", "figures": {"quoteF1At30": "85"}}', /"quoteF1At30" must be a number/],
  ])('rejects %s', (text, message) => {
    expect(() => parseBaselines(text, 'b.json')).toThrow(message);
  });
});
