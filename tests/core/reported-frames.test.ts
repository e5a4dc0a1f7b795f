import { describe, expect, it } from 'vitest';
import { foundIn } from '../helpers.ts';

/** Reported speech one paragraph gives: [speaker as named, words]. */
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

describe('"…, X told <listener> <when or where>.": the clause before is what X told', () => {
  it.each([
    ['The ferry will carry twice as many cars, Ann Carter told a Senate panel Wednesday.', 'Ann Carter', 'The ferry will carry twice as many cars'],
    ['The mine will close by June, Phil Smith told the Gazette earlier this week.', 'Phil Smith', 'The mine will close by June'],
    ['He was never at the scene, he told the court in his filing.', 'he', 'He was never at the scene'],
    ['The levy is fair, the mayor told a town hall on Monday.', 'the mayor', 'The levy is fair'],
  ])('%s', (paragraph, speaker, clause) => {
    expect(reported(paragraph)).toContainEqual([speaker, clause]);
  });

  it.each([
    // What follows the listener is no time or place: the sentence goes on.
    'The plan includes a special force, Ann Carter told the rangers to leave the camp by noon.',
  ])('no clause before: %s', (paragraph) => {
    expect(reported(paragraph).map(([, words]) => words)).not.toContain('The plan includes a special force');
  });
});

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

describe('a report inside an opening subordinate clause ends where the main clause starts', () => {
  it.each([
    ['When the mayor said the bridge would reopen in May, the council laughed at the plan.', 'the mayor', 'the bridge would reopen in May'],
    ['After Ann Lee vowed to ban cars from the old town, shop owners started a petition.', 'Ann Lee', 'to ban cars from the old town'],
    ['As Okafor announced that the mill would close, workers gathered at the gate.', 'Okafor', 'that the mill would close'],
    ['While the coach said the team was tired, the players disagreed.', 'the coach', 'the team was tired'],
  ])('%s', (paragraph, speaker, words) => {
    expect(reported(paragraph)).toContainEqual([speaker, words]);
  });
});
