import { describe, expect, it } from 'vitest';
import { extractQuotations } from '../../src/core/extract.ts';
import { tokenize } from '../../src/core/read/tokens.ts';
import { articleOf, foundIn } from '../helpers.ts';

const found = (paragraph: string) => foundIn(paragraph);

/** The speaker each quotation of one story is given. */
function speakers(paragraphs: string[]) {
  return extractQuotations(articleOf(paragraphs)).map((q) => q.speakers.map((s) => s.name).join(' + '));
}

describe('an unnamed source described by what it is close to is the whole description', () => {
  it.each([
    ['The mayor will change her approach, a source close to her said.', 'a source close to her'],
    ['Sources close to the premier said the bridge would reopen in May.', 'Sources close to the premier'],
    ['The talks have stalled, people familiar with the plan say.', 'people familiar with the plan'],
    ['The fares will rise, senior officials with knowledge of the talks said.', 'senior officials with knowledge of the talks'],
    ['The deal is close, two people briefed on the talks said.', 'two people briefed on the talks'],
  ])('%s', (paragraph, source) => {
    expect(found(paragraph).map(([who]) => who)).toEqual([source]);
  });

  it('never gives their words to the person they are close to', () => {
    expect(speakers(['Mayor Ada Ruiz spoke on Monday.', 'The plan will fail, people close to Ruiz say.'])).toEqual(['people close to Ruiz']);
  });
});

describe('a name after a preposition of place or occasion is not who speaks', () => {
  it.each([
    ['Ruiz on Twitter said the ferry would run again.', 'Ruiz'],
    ['Tom Okafor in a Medium post said he would run again.', 'Tom Okafor'],
    ['Okafor in an interview with Harbour Radio said he would run again.', 'Okafor'],
    ['Ruiz during a visit to Ottawa said the ferry would run again.', 'Ruiz'],
    ['The head of operations in Canada said the plant would close.', 'The head of operations in Canada'],
    ['Ben Cole proposed a new agency, while Ann Ruiz in a blog post said she would cut taxes.', 'Ann Ruiz'],
  ])('%s', (paragraph, speaker) => {
    expect(found(paragraph).map(([who]) => who)).toEqual([speaker]);
  });

  it.each([
    'Dana Ruiz answered the question on Facebook writing, “We will not close the ferry.”',
    '“We will not close the ferry,” the mayor told Harbour Radio in a video posted to its website.',
    'The mayor put Ottawa on a list of cities she said had cut service.',
  ])('keeps to the clause’s own subject: %s', (paragraph) => {
    expect(found(paragraph).map(([who]) => who)).not.toContainEqual(expect.stringMatching(/Facebook|Harbour Radio|Ottawa/));
  });
});

describe('the subject of the clause after "said" is not an inverted speaker', () => {
  it('reads "…, said Ruiz didn’t …" as the subject walk’s', () => {
    const paragraph = 'Rep. Ann Cole (D-Md.), chair of the committee, said Ruiz didn’t appear concerned about the vote.';
    expect(found(paragraph)).toEqual([['Rep. Ann Cole', 'Ruiz didn’t appear concerned about the vote']]);
  });

  it('keeps a party and state in brackets as one token', () => {
    expect(tokenize('Cole (D-Md.), chair').map((t) => t.text)).toEqual(['Cole', '(', 'D-Md.', ')', ',', 'chair']);
  });
});

describe('a semicolon ends what a closing attribution reports', () => {
  it('…, analysts say; in 2012, …', () => {
    expect(found('To win, candidates need about 40 percent of the vote, political analysts say; in 2012, the party fell short.')).toEqual([
      ['political analysts', 'To win, candidates need about 40 percent of the vote'],
    ]);
  });
});

describe('a comma joins two adjectives before a head, never a noun and the next subject', () => {
  it.each([
    ['Candidates need about 40 percent of the vote, political analysts say.', 'political analysts'],
    ['The ferry needs a new deck, experts say.', 'experts'],
    ['The lanky, bespectacled professor said the plan would fail.', 'The lanky, bespectacled professor'],
  ])('%s', (paragraph, speaker) => {
    expect(found(paragraph).map(([who]) => who)).toEqual([speaker]);
  });
});

describe('a verb after "and" shares a long subject', () => {
  it('A spokesman for Mayor … of … defended … and said …', () => {
    expect(found('A spokesman for Mayor Ann Ruiz of Harbourton defended the march route and said the police had trained for months.')).toEqual([
      ['A spokesman for Mayor Ann Ruiz of Harbourton', 'the police had trained for months'],
    ]);
  });
});

describe('a gerund after "by", "while", "after" or "upon" is said by the clause’s subject', () => {
  it.each([
    ['Mayor Ann Ruiz landed herself in trouble last week by saying that the judge could not be fair.', 'Mayor Ann Ruiz'],
    ['Tom Okafor opened the meeting by saying he is ready to go to work for the town.', 'Tom Okafor'],
    ['Comedian Ann Ruiz incurred a wave of boos upon saying, “The mayor heard the people.”', 'Comedian Ann Ruiz'],
  ])('%s', (paragraph, speaker) => {
    expect(found(paragraph).map(([who]) => who)).toEqual([speaker]);
  });
});

describe('a long subject never ends on a preposition', () => {
  it('"The mayor clearly erred in saying that …" names no one', () => {
    expect(found('The mayor clearly erred in saying that the figure was from the county.')).toEqual([]);
  });
});

describe('what someone was called, in quotation marks, after "and called"', () => {
  it('Okafor took the stage … and called the council “rotten to the core.”', () => {
    expect(found('Okafor took the stage on Tuesday at the Harbour Hotel and called the council “rotten to the core.”')).toEqual([
      ['Okafor', '“rotten to the core.”'],
    ]);
  });
});
