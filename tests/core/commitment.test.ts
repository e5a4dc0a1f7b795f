import { describe, expect, it } from 'vitest';
import { foundIn } from '../helpers.ts';

const reported = (paragraph: string) => foundIn(paragraph, true);

describe('what was promised, threatened or called for', () => {
  it.each([
    ['Ann Lee vowed to ban cars from the old town by next summer.', 'Ann Lee', 'to ban cars from the old town by next summer'],
    ['Last week he threatened to sue the city over the bridge.', 'he', 'to sue the city over the bridge'],
    ['The union pledged not to strike before the holidays.', 'The union', 'not to strike before the holidays'],
    ['He calls for $1 trillion in new spending on roads.', 'He', 'for $1 trillion in new spending on roads'],
    ['Ann Lee called for a ban on cars in the old town.', 'Ann Lee', 'for a ban on cars in the old town'],
    ['Ann Lee called on the council to close the road at night.', 'Ann Lee', 'the council to close the road at night'],
  ])('%s', (paragraph, speaker, words) => {
    expect(reported(paragraph)).toContainEqual([speaker, words]);
  });

  it.each([
    // The object of what was promised comes before the subject: the words after are the sentence's.
    'But the divisions he once vowed to bridge have only grown deeper and more acrimonious.',
    'The bill that the senators vowed to block passed on Monday.',
    // Calling something something, calling a vote, calling for help: nothing asked for in words.
    'The board called the vote for Monday.',
    'They called it a disaster.',
    'She called for help.',
  ])('nothing: %s', (paragraph) => {
    expect(reported(paragraph)).toEqual([]);
  });
});
