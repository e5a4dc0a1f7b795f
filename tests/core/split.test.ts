import { describe, expect, it } from 'vitest';
import { findQuoteSpans, splitSentences, wordCount } from '../../src/core/read/split.ts';

const quoted = (text: string) => findQuoteSpans(text).map((s) => [text.slice(s.start, s.end), s.closed]);
const inner = (text: string) => findQuoteSpans(text).map((s) => text.slice(s.innerStart, s.innerEnd));
const sentences = (text: string) => splitSentences(text).map((r) => text.slice(r.start, r.end));

describe('findQuoteSpans', () => {
  it.each<[string, string, Array<[string, boolean]>]>([
    ['straight quotes', '"We are ready," he said.', [['"We are ready,"', true]]],
    ['curly quotes', '“We are ready,” he said.', [['“We are ready,”', true]]],
    [
      'a split quote',
      '“We are ready,” she said, “but not at any price.”',
      [
        ['“We are ready,”', true],
        ['“but not at any price.”', true],
      ],
    ],
    [
      'two straight quotes in a row',
      '"It is over," she said. "We go home now."',
      [
        ['"It is over,"', true],
        ['"We go home now."', true],
      ],
    ],
    [
      'an unclosed quote at paragraph end',
      'He said: “We will keep fighting for as long as it takes.',
      [['“We will keep fighting for as long as it takes.', false]],
    ],
    ['a straight quote left open', 'She added: "The water came up faster than anyone expected.', [['"The water came up faster than anyone expected.', false]]],
    [
      'a missing opening mark after a short attribution, closed at the paragraph end',
      '"It was always about the title," Jones said. It was never about the opponent. I\'m happy with my belt.".',
      [
        ['"It was always about the title,"', true],
        ['It was never about the opponent. I\'m happy with my belt."', true],
      ],
    ],
    [
      '… but not narration after a long one',
      '"It was always about the title," Jones said after a long night at the arena in Las Vegas. The crowd cheered for me and my team."',
      [['"It was always about the title,"', true]],
    ],
    ['guillemets', 'He called it «a victory for the whole country».', [['«a victory for the whole country»', true]]],
    ['a possessive', "Kyiv's partners backed the plan.", []],
    ['single-quoted names', "Soldiers of the 'Velykyi Luh' brigade held the line.", []],
    ['plural possessives', "The soldiers' families waited, and the officers' wives too.", []],
    ['curly apostrophes', 'Kyiv’s partners and the brigade’s officers agreed.', []],
    ['no quotes at all', 'The council approved the budget on Thursday.', []],
  ])('%s', (_label, text, expected) => {
    expect(quoted(text)).toEqual(expected);
  });

  it('gives the inner text without the marks', () => {
    expect(inner('“We are ready,” he said.')).toEqual(['We are ready,']);
  });
});

describe('splitSentences', () => {
  it.each<[string, string, string[]]>([
    ['plain sentences', 'The council met on Thursday. It approved the budget.', ['The council met on Thursday.', 'It approved the budget.']],
    ['titles Mr. and Dr.', 'Mr. Smith met Dr. Jones on Friday. They talked for an hour.', ['Mr. Smith met Dr. Jones on Friday.', 'They talked for an hour.']],
    [
      'U.S. mid-sentence',
      'The U.S. Senate passed the bill on Friday. The House votes next week.',
      ['The U.S. Senate passed the bill on Friday.', 'The House votes next week.'],
    ],
    [
      'an abbreviation that ends a sentence before a pronoun or article',
      'Cole says the plan will cost jobs in the U.S. He says the council will vote at 7 p.m. The mayor agrees.',
      ['Cole says the plan will cost jobs in the U.S.', 'He says the council will vote at 7 p.m.', 'The mayor agrees.'],
    ],
    ['a title before a pronoun-like name stays', 'They asked Dr. He about it. Gov. Brown agreed.', ['They asked Dr. He about it.', 'Gov. Brown agreed.']],
    [
      'a month abbreviation',
      'The vote is set for Jan. 5 in the capital. Polls open early.',
      ['The vote is set for Jan. 5 in the capital.', 'Polls open early.'],
    ],
    ['a month abbreviation before a number at the end', 'The vote is set for Nov. 4. Polls open early.', ['The vote is set for Nov. 4.', 'Polls open early.']],
    ['initials', 'J. K. Rowling spoke first. Then the crowd left.', ['J. K. Rowling spoke first.', 'Then the crowd left.']],
    [
      'a unit letter after a number is no initial',
      'Rails crack at -35 C. Will Young, a mechanic, said so. Water boils at 212 F. Ice melts at 32 °F.',
      ['Rails crack at -35 C.', 'Will Young, a mechanic, said so.', 'Water boils at 212 F.', 'Ice melts at 32 °F.'],
    ],
    [
      'Sen. and Gov.',
      'Sen. Ann Cole and Gov. Tom Hale met on Monday. Nothing was agreed.',
      ['Sen. Ann Cole and Gov. Tom Hale met on Monday.', 'Nothing was agreed.'],
    ],
    [
      'a question and an exclamation',
      'Will the talks resume? Nobody knows! Officials declined to comment.',
      ['Will the talks resume?', 'Nobody knows!', 'Officials declined to comment.'],
    ],
    [
      'a multi-sentence quote with its attribution',
      '“We are ready. We have waited long enough. The talks must start now,” Smith said. Jones disagreed.',
      ['“We are ready. We have waited long enough. The talks must start now,” Smith said.', 'Jones disagreed.'],
    ],
    [
      'a straight multi-sentence quote with its attribution',
      '"The water rose fast. We lost power at midnight," Mayor Tom Reed said on Sunday. Crews are still at work.',
      ['"The water rose fast. We lost power at midnight," Mayor Tom Reed said on Sunday.', 'Crews are still at work.'],
    ],
    ['a quote that ends the sentence', '“It is over,” she said. “We go home now.”', ['“It is over,” she said.', '“We go home now.”']],
    ['an unclosed quote', 'He said: “We will keep fighting. We will not give up.', ['He said: “We will keep fighting. We will not give up.']],
    ['a sentence ending in a scare quote', 'He said he was "fine". Then he left.', ['He said he was "fine".', 'Then he left.']],
    ['a number after a full stop', 'The plan failed. 2024 was a hard year.', ['The plan failed.', '2024 was a hard year.']],
    ['lower case after a full stop', 'The plan cost 3.5 billion dollars and took five years.', ['The plan cost 3.5 billion dollars and took five years.']],
  ])('%s', (_label, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('returns ranges that cover the text without overlapping', () => {
    const text = 'Mr. Smith spoke. “It works. Really,” he said. Then he left.';
    const ranges = splitSentences(text);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.start).toBeGreaterThanOrEqual(ranges[i - 1]!.end);
    expect(ranges[0]!.start).toBe(0);
    expect(ranges[ranges.length - 1]!.end).toBe(text.length);
  });
});

describe('wordCount', () => {
  it.each([
    ['We are ready', 3],
    ["Kyiv's partners", 2],
    ['U.S. officials', 2],
    ['', 0],
    ['— …', 0],
  ])('%s → %i', (text, n) => {
    expect(wordCount(text)).toBe(n);
  });

  // Regression (was a bug): a number with a thousands separator counts as two words, so "1,200" and "1200" weigh
  // differently against the minimum length of a direct quote.
  it('counts "1,200" as one word', () => {
    expect(wordCount('1,200 Ukrainians')).toBe(wordCount('1200 Ukrainians'));
  });
});
