import { describe, expect, it } from 'vitest';
import { foundIn } from '../helpers.ts';

const reported = (paragraph: string) => foundIn(paragraph, true);

describe('a reported clause that runs into a quote another verb introduces ends before it', () => {
  it.each([
    [
      'Mayor Ines Pardo said she has backed a levy that would fund the harbour works, which she called “the best deal this town has ever had.”',
      'Mayor Ines Pardo',
      'she has backed a levy that would fund the harbour works',
    ],
    [
      'Okafor suggested that the new schedule was unworkable - “We need to see the numbers first,” he said - and asked for a delay.',
      'Okafor',
      'that the new schedule was unworkable',
    ],
    [
      'The coach said he was too tired to talk about the game: “I have nothing left tonight,” he wrote later.',
      'The coach',
      'he was too tired to talk about the game',
    ],
    [
      'Tenants say any attempt to raise the rent would backfire, angering the neighbours, both of whom Councillor Lee praised on Monday “for standing up to the landlord every time.”',
      'Tenants',
      'any attempt to raise the rent would backfire, angering the neighbours',
    ],
  ])('%s', (paragraph, speaker, clause) => {
    expect(reported(paragraph)).toContainEqual([speaker, clause]);
  });

  it('no break before the quote: no cut clause, the mixed clause stays whole', () => {
    const found = reported('Mayor Pardo said the levy was “the best deal this town has ever had in forty years.”');
    expect(found.filter(([, words]) => !/[“”]/.test(words))).toEqual([]);
  });
});
