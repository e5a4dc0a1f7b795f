import { describe, expect, it } from 'vitest';
import { foldText, locateQuote, tokenizeForEval } from '../../src/eval/text.ts';

const TEXT = 'He said “it’s over — for now,”  and left.\n\nShe disagreed.';

describe('foldText', () => {
  it('straightens quotes, plain dashes, collapses spaces, lower-cases, and keeps offsets', () => {
    const f = foldText(TEXT);
    expect(f.text).toBe('he said "it\'s over - for now," and left. she disagreed.');
    expect(f.offsets).toHaveLength(f.text.length);
    expect(TEXT[f.offsets[f.text.indexOf('she')] ?? -1]).toBe('S');
  });
});

describe('locateQuote', () => {
  const folded = foldText(TEXT);
  const tokens = tokenizeForEval(TEXT);
  it.each([
    ['"it\'s over - for now,"', '“it’s over — for now,”'],
    ['IT’S OVER', 'it’s over'],
    ['left. She', 'left.\n\nShe'],
  ])('finds %j exactly', (quote, original) => {
    const loc = locateQuote(quote, folded, tokens);
    expect(loc.kind).toBe('chars');
    if (loc.kind === 'chars') expect(TEXT.slice(loc.start, loc.end)).toBe(original);
  });

  it('falls back to the best window of tokens', () => {
    const loc = locateQuote('its over for now', folded, tokens);
    expect(loc.kind).toBe('tokens');
    if (loc.kind === 'tokens') expect(loc.tokens.map((t) => t.text)).toEqual(['over', 'for', 'now']);
  });

  it('gives up when too few tokens are there', () => {
    expect(locateQuote('the moon is made of cheese', folded, tokens).kind).toBe('none');
  });
});

describe('tokenizeForEval', () => {
  it('keeps numbers and contractions whole', () => {
    expect(tokenizeForEval('About 1,200 people didn’t go.').map((t) => t.text)).toEqual(['about', '1,200', 'people', "didn't", 'go']);
  });
});
