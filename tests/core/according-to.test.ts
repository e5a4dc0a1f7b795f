import { describe, expect, it } from 'vitest';
import { foundIn } from '../helpers.ts';

const accounts = (paragraph: string) => foundIn(paragraph);

describe('a record, poll or count after "according to" is the source of the account', () => {
  it.each([
    [
      'Okafor registered the firm in Halifax in 2010, according to state corporate records.',
      'state corporate records',
      'Okafor registered the firm in Halifax in 2010',
    ],
    ['Late Sunday, Ruiz won the primary in the north, according to early returns.', 'early returns', 'Late Sunday, Ruiz won the primary in the north'],
    ['According to exit polls, the mayor won most voters under 30.', 'exit polls', 'the mayor won most voters under 30'],
    ['The ferry carried 2,000 cars last year, according to figures released by the port on Monday.', 'figures', 'The ferry carried 2,000 cars last year'],
    [
      'The plan would raise $1 billion over a decade, according to the Harbour Institute - a tenth of the deficit.',
      'the Harbour Institute',
      'The plan would raise $1 billion over a decade',
    ],
  ])('%s', (paragraph, source, words) => {
    expect(accounts(paragraph)).toContainEqual([source, words]);
  });

  it.each(['The launch of the new ferry went ahead according to plan.', 'He crossed the border thirty years ago to work on farms, according to him.'])(
    'no source of its own: %s',
    (paragraph) => {
      expect(accounts(paragraph).filter(([source]) => source !== null && !/^(?:he|him)$/i.test(String(source)))).toEqual([]);
    },
  );
});
