import { describe, expect, it } from 'vitest';
import { findSaid } from '../../src/core/quotes/said.ts';

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
