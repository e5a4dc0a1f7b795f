import { describe, expect, it } from 'vitest';
import { agreementOf, isJudgeableSource, isNamedSourceIn, isPolnearGold } from '../../src/eval/polnear.ts';

describe('isNamedSourceIn: the source the sentence names, inside the speaker we give (titles aside)', () => {
  it.each([
    ['Mr. Trump', 'Donald Trump', null, true],
    ['Texas Sen. Ted Cruz', 'Ted Cruz', null, true],
    ['House Speaker Paul Ryan', 'Paul Ryan', null, true],
    ['Army Capt. Christian Pardo', 'Christian Pardo', null, true],
    ['Ohio-based Matt Mackowiak', 'Matt Mackowiak', null, true],
    ['Robert Gordon of Northwestern University', 'Robert Gordon', null, true],
    ['BlazeTV’s Glenn Beck', 'Glenn Beck', null, true],
    ['Some Democrats', 'Democrats', null, true],
    ['The Washington Post', 'Washington Post', null, true],
    ['Acme Director Jane Roe', 'Jane Roe', 'Acme Director', true],
    ['Dade County Supervisor of Elections Karen Holt', 'Karen Holt', null, true],
    ['Ohio Secretary of State Jon Kane', 'Jon Kane', null, true],
    ['Senator Bernie Sanders of Vermont', 'Bernie Sanders', null, true],
    ['Robert Gordon of Northwestern University', 'Northwestern University', null, false],
    ['Hillary Clinton', 'Bill Clinton', null, false],
    ['USA TODAY', 'USA', null, false],
    ['Mr. Trump', 'Iowa', null, false],
    ['a spokeswoman for Acme', 'Acme', null, false],
    ['the DNC', 'Democratic National Committee', null, true],
    ['AP', 'Associated Press', null, true],
    ['Pres. Obama', 'Barack Obama', null, true],
    ['the DNC', 'Republican National Committee', null, false],
    ['AP', 'Associated Press Stylebook Committee', null, false],
  ] as const)('%s against %s → %s', (mention, name, role, right) => {
    expect(isNamedSourceIn(mention, [{ name, role }])).toBe(right);
  });

  it('cannot judge a capitalised description: "The Democrat"', () => {
    expect(isJudgeableSource('The Democrat')).toBe(false);
    expect(isJudgeableSource('Mr. Trump')).toBe(true);
  });
});

describe('agreementOf: a he/she source against the person stated', () => {
  it.each([
    ['she', true, 'Hillary Clinton', 'agrees'],
    ['he', true, 'Hillary Clinton', 'disagrees'],
    ['he', true, 'Trump', 'unknown'],
    ['he', false, 'Donald Trump', 'withheld'],
  ] as const)('%s, stated %s, %s → %s', (pronoun, stated, name, verdict) => {
    expect(agreementOf(pronoun, stated, [{ name, role: null }])).toBe(verdict);
  });
});

it('tells PolNeAR gold by its speech flags', () => {
  expect(isPolnearGold([{ article: 'a', quotes: [{ quote: 'q', speaker: 's', mention: 's', verb: 'said', speech: true }] }])).toBe(true);
  expect(isPolnearGold([{ article: 'a', quotes: [{ quote: 'q', speaker: 's', mention: 's', verb: 'said' }] }])).toBe(false);
});

describe('isNamedSourceIn: a joint source', () => {
  it('is right when each of its people is given, and only then', () => {
    const both = [
      { name: 'Edward-Isaac Dovere', role: null },
      { name: 'Gabriel Debenedetti', role: null },
    ];
    expect(isNamedSourceIn('Edward-Isaac Dovere and Gabriel Debenedetti', both)).toBe(true);
    expect(isNamedSourceIn('Edward-Isaac Dovere and Jane Roe', both)).toBe(false);
    expect(isNamedSourceIn('Edward-Isaac Dovere and Gabriel Debenedetti', [{ name: 'Edward-Isaac Dovere', role: null }])).toBe(false);
  });
});
