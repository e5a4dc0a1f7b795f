import { describe, expect, it } from 'vitest';
import { opensWithSubject } from '../../src/core/nlp.ts';
import { foundIn } from '../helpers.ts';

const reported = (paragraph: string) => foundIn(paragraph, true);

describe('verbs that take a clause without "that" only after its own subject', () => {
  it.each([
    ['Councillor Ada Ruiz remarked the budget will rise by four per cent next year.', 'Councillor Ada Ruiz', 'the budget will rise by four per cent next year'],
    ['The union pointed out its members have worked without a contract since May.', 'The union', 'its members have worked without a contract since May'],
    ['At the hearing, Okafor recalled he had seen the truck twice that night.', 'Okafor', 'he had seen the truck twice that night'],
    ['Tenants observed the building needs a new roof.', 'Tenants', 'the building needs a new roof'],
    ['The airline has denied it cancelled the flights to save fuel.', 'The airline', 'it cancelled the flights to save fuel'],
  ])('%s', (paragraph, speaker, clause) => {
    expect(reported(paragraph)).toContainEqual([speaker, clause]);
  });

  it.each([
    'The ministry recalled the crib after three reports of injuries.',
    'Okafor recalled the time he spent in the cells.',
    'The report estimated the cost at $90 million.',
    'Police will maintain a presence in the area this week.',
    'The mayor repeated her call for a new bridge.',
    "There's no denying he has had quite a run.",
    'The hacker who revealed the senator’s email address admits to other intrusions.',
  ])('no report: %s', (paragraph) => {
    expect(reported(paragraph)).toEqual([]);
  });
});

describe('opensWithSubject', () => {
  it.each([
    ['he expects the union to help', true],
    ['the board will also consider it', true],
    ['cold weather takes a toll on the rails', true],
    ['government officials, tenants and owners need to meet', true],
    ['the response to the video has been amazing', true],
    ['there is no timeline', true],
    ['the birds', false],
    ['the time he spent in jail', false],
    ['residents to stay indoors', false],
    ['the crash that killed four', false],
    ['similar themes and took the stage', false],
    ['details of a visit Bill Clinton made', false],
    ["the dark themes of Nixon's 1968 campaign", false],
    ["his wife's life experiences, recited her ideas", false],
  ])('%s → %s', (text, expected) => {
    expect(opensWithSubject(text)).toBe(expected);
  });
});

describe('an aside between dashes before the verb', () => {
  it.each([
    ['Mayor Dana Ruiz — whose husband runs the paving firm — said the contract was awarded fairly.', 'Mayor Dana Ruiz', 'the contract was awarded fairly'],
    ['The union – which represents 4,000 drivers – said the strike will go ahead on Monday.', 'The union', 'the strike will go ahead on Monday'],
  ])('%s', (paragraph, speaker, clause) => {
    expect(reported(paragraph)).toContainEqual([speaker, clause]);
  });
});

describe('an aside of time or place between the subject and the verb', () => {
  it.each([
    ['Dana Ruiz, in a statement released by the city on Thursday, said the pier will reopen in May.', 'Dana Ruiz', 'the pier will reopen in May'],
    ['Okafor, during a town hall in Halifax, Nova Scotia, said the ferry fare will not rise.', 'Okafor', 'the ferry fare will not rise'],
  ])('%s', (paragraph, speaker, clause) => {
    expect(reported(paragraph)).toContainEqual([speaker, clause]);
  });

  it('not after a relative clause: the place is no subject', () => {
    const speakers = reported('Ann Lee, who lost her son in a crash in Truro, Nova Scotia, in July 2019, said the road must be fixed.').map(([s]) => s);
    expect(speakers).not.toContain('Nova Scotia');
  });
});
