/**
 * Names as the sentence gives them, on news from other outlets (issue 13, class 3 and 5): the words
 * of the speaker phrase that are the name, and none that are not. Every sentence here is made up.
 */
import { describe, expect, it } from 'vitest';
import { isCertain } from '../../src/core/certainty.ts';
import { extractQuotations } from '../../src/core/extract.ts';
import { isNonNameWord } from '../../src/core/nlp.ts';
import { isBareTitle } from '../../src/core/speakers/lookup.ts';
import type { Person } from '../../src/core/speakers/names.ts';
import { articleOf, lastSpeakers } from '../helpers.ts';

/** The first quotation's speakers as an answer states them ("name (role)"), or null when withheld. */
function statedOf(paragraphs: string[]): string[] | null {
  const q = extractQuotations(articleOf(paragraphs))[0];
  if (!q || !isCertain(q)) return null;
  return q.speakers.map((s) => (s.role ? `${s.name} (${s.role})` : s.name));
}

describe('names', () => {
  it.each<[string, string[], string[] | null]>([
    ['"New" before a place is part of the name', ['The New Jersey Herald reported that the mayor would resign.'], ['New Jersey Herald']],
    [
      '"New York …" in a title before the name',
      ['New York State Comptroller Dana Ruiz said the audit found waste.'],
      ['Dana Ruiz (New York State Comptroller)'],
    ],
    ['a capitalised particle starts a surname', ['Van Hollen said the bill would pass.'], ['Van Hollen']],
    ['a day after the name is when, not who', ['Rivera Friday said she would campaign in Ohio.', 'Maria Rivera is a senator.'], ['Maria Rivera (senator)']],
    [
      'a first name after a title with "of" starts the name',
      ['Dade County Supervisor of Elections Karen Holt said turnout was high.'],
      ['Karen Holt (Dade County Supervisor of Elections)'],
    ],
    [
      'a first name after "for …" in a title starts the name',
      ['Undersecretary for Rural Affairs Wendy Marsh said the loans would resume.'],
      ['Wendy Marsh (Undersecretary for Rural Affairs)'],
    ],
    [
      'a titled person "of" an organisation is the person, not the organisation',
      ['Professor Karen Holt of Riverside University said the study was small but careful.'],
      ['Karen Holt (Professor)'],
    ],
    [
      'an occupation before a person "of" a bank',
      ['Economist Paul Grant of Harbour Bank said interest rates would fall by the end of the year.'],
      ['Paul Grant (Economist)'],
    ],
    [
      'a post held by a named owner, then the name in commas',
      ['Harbour City’s chief financial officer, Amir Haddad, said the savings estimate had been revised twice.'],
      ['Amir Haddad (Harbour City’s chief financial officer)'],
    ],
    ['an advocate is a title', ['City Public Advocate Linda Moss said the plan was flawed.'], ['Linda Moss (City Public Advocate)']],
    [
      'a whip is a title',
      ['House Minority Whip Tom Reyes said the vote would be close.', 'Reyes said the bill had passed by four votes.'],
      ['Tom Reyes (Minority Whip)'],
    ],
    [
      'an owner’s post after the name is the role',
      ['Dana Ruiz, Harbour City’s ambassador to Ottawa, said the talks would resume.'],
      ['Dana Ruiz (Harbour City’s ambassador to Ottawa)'],
    ],
    ['an owner’s post with no "of" or "to"', ['Tom Reyes, Ruiz’s campaign manager, said the rally was cancelled.'], ['Tom Reyes (Ruiz’s campaign manager)']],
    [
      'an adjective before the title belongs to the role',
      ['South Korean President Tavin Moon said the summit was a success.', 'Former Finance Minister Dana Ruiz said the budget was balanced.'],
      ['Tavin Moon (South Korean President)'],
    ],
    ['a former office stays former', ['Former Finance Minister Dana Ruiz said the budget was balanced.'], ['Dana Ruiz (Former Finance Minister)']],
    ['four names without a title stay one name', ['Ahmad Faisal Ahmad Karim said he was happy with the result.'], ['Ahmad Faisal Ahmad Karim']],
  ])('%s', (_what, paragraphs, stated) => {
    expect(statedOf(paragraphs)).toEqual(stated);
  });

  // A first name in no list (these are invented): the story still tells a reader it is a person.
  it.each<[string, string[], string]>([
    [
      'the surname goes on alone and is called "he"',
      [
        'A judge will sentence gunman Oyelaran Bissonnette on Friday, said Justice Maria Huot.',
        'Bissonnette walked into the mosque on Jan. 29. In less than two minutes, he fired 48 shots.',
        'Bissonnette had a history of mental illness. He told psychologists that mass shooters were his idols.',
      ],
      'Oyelaran Bissonnette',
    ],
    [
      'the name does something and the next pronoun is "she"',
      [
        'Yaneta McFadden also rejoiced with a group of revellers who rang a giant bell. She believes Britain should leave without a deal.',
        '“I think no deal is the only deal,” she said.',
      ],
      'Yaneta McFadden',
    ],
  ])('a person with an unlisted first name: %s', (_what, paragraphs, speaker) => {
    expect(
      extractQuotations(articleOf(paragraphs))
        .at(-1)
        ?.speakers.map((s) => s.name),
    ).toEqual([speaker]);
  });

  it('a title before a first name in no list makes a person, though the tagger reads the surname as a body', () => {
    const quotes = extractQuotations(
      articleOf([
        'Rep. Tavin M. Levin (Mich.), a superdelegate supporting Clinton, said he has spoken with many fellow superdelegates.',
        '"The reality is that most of them are committed to her," he said.',
      ]),
    );
    expect(quotes.map((q) => [q.speakers.map((s) => s.name), q.attribution])).toEqual([
      [['Tavin M. Levin'], 'name'],
      [['Tavin M. Levin'], 'pronoun'],
    ]);
  });

  it('a post before a first name in no list makes a person, though the tagger reads the whole run as a company', () => {
    const quotes = extractQuotations(articleOf(['Premier Zoreta Ford said the deficit was too large.', 'Ford said the cuts would come in the spring.']));
    expect(quotes.map((q) => [q.speakers.map((s) => `${s.name} (${s.role})`), q.attribution])).toEqual([
      [['Zoreta Ford (Premier)'], 'name'],
      [['Zoreta Ford (Premier)'], 'name'],
    ]);
  });

  it('a school is no unlisted person: "Catholic" after "his" is no surname used alone', () => {
    expect(
      lastSpeakers([
        'Parents said Covington Catholic has a culture of entitlement.',
        'Tom Reyes left his Catholic school in 2010, and he never went back. Covington Catholic reopened on Wednesday.',
        '“It was awful,” he said.',
      ]),
    ).toEqual(['Tom Reyes']);
  });

  it('a run after "of" or "the" is no unlisted person ("the Department of Homeland Security completed …, he said")', () => {
    const quotes = extractQuotations(
      articleOf([
        'Alejandro Mayorkas spoke at the briefing.',
        'The Department of Homeland Security completed 2,900 interviews, he said. He added that the program would grow.',
      ]),
    );
    expect(quotes.map((q) => q.speakers.map((s) => s.name))).toEqual([['Alejandro Mayorkas'], ['Alejandro Mayorkas']]);
  });

  it.each([
    ['Likewise', true],
    ['Similarly', true],
    ['Having', true],
    ['Thursday', true],
    ['April', true],
    ['You', true],
    ['Well', true],
    ['Hell', true],
    ['Brown', false],
    ['Hope', false],
    ['Will', false],
    ['Grace', false],
    ['May', false],
    ['Smith', false],
  ] as const)('"%s" is no name: %s', (word, expected) => {
    expect(isNonNameWord(word)).toBe(expected);
  });

  it('a sentence adverb misread as a one-word speaker is withheld', () => {
    expect(isCertain({ speakers: [{ name: 'Likewise', role: null }], attribution: 'name', mention: 'Likewise' })).toBe(false);
  });
});

describe('isBareTitle: a nominal that is the title and nothing more', () => {
  const minister = { role: 'Health Minister', titles: new Set(['minister']) };
  const economist = { role: 'chief economist at Northgate Bank', titles: new Set<string>() };
  it.each<[string, Pick<Person, 'role' | 'titles'>, boolean]>([
    ['the minister', minister, true],
    ['The health minister', minister, true],
    ['the Czech minister', minister, false],
    ['a minister', minister, false],
    ['the ministers', minister, false],
    ['his minister', minister, false],
    ['the chief economist', economist, true],
    ['the economist', economist, true],
    ['the bank economist', economist, false],
  ])('%s', (mention, person, bare) => {
    expect(isBareTitle(mention, person)).toBe(bare);
  });
});
