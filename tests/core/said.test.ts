import { describe, expect, it } from 'vitest';
import { findSaid } from '../../src/core/quotes/said.ts';
import { extractQuotations } from '../../src/core/extract.ts';
import { articleOf } from '../helpers.ts';

describe('findSaid', () => {
  it.each<[string, string | null, string | null]>([
    ['Zelenskiy said in a video posted on the Telegram messaging app on Sunday.', 'on Sunday', 'in a video posted on the Telegram messaging app'],
    ['Umerov said in a statement on Telegram.', null, 'in a statement on Telegram'],
    ['Carney said in an interview with CBC.', null, 'in an interview with CBC'],
    ['she said at a news conference in Ottawa on Friday', 'on Friday', 'at a news conference in Ottawa'],
    ['Smith told reporters on Tuesday.', 'on Tuesday', 'to reporters'],
    ['he told the BBC earlier this week', 'earlier this week', 'to the BBC'],
    ['he wrote on X', null, 'on X'],
    ['the minister said last week', 'last week', null],
    ['she said on Nov. 3', 'on Nov. 3', null],
    ['he said Saturday', 'on Saturday', null],
    ['she said on Monday morning', 'on Monday morning', null],
    ['he said in a speech to supporters', null, 'in a speech to supporters'],
  ])('%s', (frame, when, where) => {
    expect(findSaid(frame)).toEqual({ when, where });
  });

  it.each(['Smith said.', 'the mayor told him', ''])('%s → null', (frame) => {
    expect(findSaid(frame)).toBeNull();
  });
});

describe('when and where of reported speech', () => {
  const saidOf = (paragraph: string) => extractQuotations(articleOf([paragraph])).map((q) => [q.quote, q.said?.when ?? null, q.said?.where ?? null]);

  it('takes no time or place from another report later in the sentence', () => {
    expect(saidOf('Ann Cole said the ferry ran late all week, while other riders said they had not noticed anything on Tuesday.')[0]).toEqual([
      'the ferry ran late all week',
      null,
      null,
    ]);
  });

  it('nor from a report the sentence holds with no attribution of its own', () => {
    expect(saidOf('Just 28 percent of riders said the crossings ran on time, compared with the 45 percent who said so last year.')[0]).toEqual([
      'the crossings ran on time',
      null,
      null,
    ]);
  });

  it('still reads its own, after the clause', () => {
    expect(saidOf('The ferry ran late all week, Ann Cole said on Tuesday at a council meeting.')[0]).toEqual([
      'The ferry ran late all week',
      'on Tuesday',
      'at a council meeting',
    ]);
  });
});
