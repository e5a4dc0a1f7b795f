import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/read/tokens.ts';
import { foundIn } from '../helpers.ts';

const reported = (paragraph: string) => foundIn(paragraph, true);

describe('the dot of an abbreviation before a number ends no sentence', () => {
  it('keeps "No." and months with their number', () => {
    const words = tokenize('the No. 2 Republican on Jan. 5, then Sept. 11 and Nos. 3 to 5. He left.').map((t) => t.text);
    expect(words).toEqual(expect.arrayContaining(['No.', 'Jan.', 'Sept.', 'Nos.']));
    expect(words.filter((w) => w === '.')).toHaveLength(2);
  });

  it('still stops at a full stop after a word that is no abbreviation', () => {
    expect(tokenize('She said no. 2 of them left.').map((t) => t.text)).toContain('.');
  });

  it.each([
    ['Senator Ada Ruiz, the No. 2 Liberal in the Senate, said the chamber will vote on Monday.', 'Senator Ada Ruiz', 'the chamber will vote on Monday'],
    ['Okafor said in a speech on Jan. 7 that the line would close.', 'Okafor', 'the line would close'],
    ['Tenants told the board on Feb. 12 that the heating had failed twice.', 'Tenants', 'the heating had failed twice'],
  ])('%s', (paragraph, speaker, clause) => {
    expect(reported(paragraph).map(([who, text]) => [who, text?.replace(/^that\s+/, '')])).toContainEqual([speaker, clause]);
  });
});

describe('a post after a name that follows its verb is no new clause', () => {
  it.each([
    ['The ferry has a strong following on the island, said Mindy Ruiz, director of the Harbour Project.', 'Mindy Ruiz'],
    ['Fares will rise again next year, said Tom Okafor, senior vice president for operations at the line.', 'Tom Okafor'],
    ['The union has lost members every year, according to Ann Cole, professor of labour history at Dalhousie.', 'Ann Cole'],
  ])('%s', (paragraph, speaker) => {
    const [first] = reported(paragraph);
    expect(first?.[0]).toBe(speaker);
    expect(first?.[1]).toMatch(/^(?:The ferry|Fares|The union)/);
    expect(first?.[1]).not.toMatch(/director|president|professor/);
  });

  it('a participle after the name still goes on with the sentence', () => {
    expect(reported('The plan is failing, said Ann Cole, adding that it was late.')).toContainEqual(['Ann Cole', 'that it was late']);
  });
});
