import { describe, expect, it } from 'vitest';
import { foundIn } from '../helpers.ts';

const reported = (paragraph: string) => foundIn(paragraph, true);

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
