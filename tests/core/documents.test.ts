import { describe, expect, it } from 'vitest';
import { authorOf, findDocumentAuthors } from '../../src/core/speakers/documents.ts';
import { isCertain } from '../../src/core/certainty.ts';
import { extractQuotations } from '../../src/core/extract.ts';
import { articleOf } from '../helpers.ts';

describe('document authors', () => {
  it.each([
    ['a study released Monday by Civic Action found fewer jobs.', 'Civic Action'],
    ['says a document titled White Paper: Railroading in Winter on Canadian Pacific Railway’s website.', 'Canadian Pacific Railway'],
    ['Canadian Pacific Railway’s report found the brakes had failed.', 'Canadian Pacific Railway'],
    ['the Civic Action study looked at online postings.', 'Civic Action'],
    ['a class-action lawsuit by Canadian Hockey League players against the CHL was filed.', 'Canadian Hockey League players'],
  ])('finds the author in: %s', (text, author) => {
    expect(findDocumentAuthors([text]).map((a) => a.author)).toContain(author);
  });

  it('never takes the body a lawsuit is against for its author', () => {
    expect(findDocumentAuthors(['a class-action lawsuit by Canadian Hockey League players against the CHL was filed.']).map((a) => a.author)).not.toContain(
      'Canadian Hockey League',
    );
  });

  it('finds no author for a document the story leaves anonymous', () => {
    expect(findDocumentAuthors(['The report was leaked on Monday. A study found nothing new.'])).toEqual([]);
  });

  it('points "the study" back to the latest study with an author, but not past its reach', () => {
    const authors = findDocumentAuthors(['A study released by Civic Action looked at jobs.']);
    expect(authorOf('the study', authors, { paragraph: 3, offset: 0 })).toBe('Civic Action');
    expect(authorOf('the study', authors, { paragraph: 18, offset: 0 })).toBe('Civic Action');
    expect(authorOf('the study', authors, { paragraph: 40, offset: 0 })).toBeNull();
    expect(authorOf('the lawsuit', authors, { paragraph: 3, offset: 0 })).toBeNull();
  });
});

describe('documents as speakers', () => {
  it('gives "the white paper said" the railway that published it', () => {
    const quotes = extractQuotations(
      articleOf([
        '"Harsh winter conditions are an inescapable reality in Canada," says a document titled White Paper: Railroading in the Canadian Winter on Canadian Pacific Railway’s website.',
        'The white paper said cold increases air leakage from a train’s brake system.',
      ]),
    );
    expect(quotes.map((q) => q.speakers.map((s) => s.name))).toEqual([['Canadian Pacific Railway'], ['Canadian Pacific Railway']]);
    // The first sentence names the author; the second points back to it, and one named railway
    // stands behind it, so both are stated.
    expect(quotes.map((q) => q.attribution)).toEqual(['document', 'organisation']);
    expect(quotes.map((q) => isCertain(q))).toEqual([true, true]);
  });

  it('gives "according to the most recent numbers from Statistics Canada" the agency', () => {
    const [q] = extractQuotations(
      articleOf(['The unemployment rate of young Canadians is double that of adults, according to the most recent numbers from Statistics Canada.']),
    );
    expect(q?.speakers.map((s) => s.name)).toEqual(['Statistics Canada']);
  });

  it('never takes whoever obtained a document for its author', () => {
    // The employees who wrote in it are its authors; the Globe that obtained it is not.
    expect(findDocumentAuthors(['Employees wrote in the memo obtained by The Globe that the fund believed in the titles.']).map((a) => a.author)).toEqual([
      'Employees',
    ]);
    const [q] = extractQuotations(articleOf(['The fund “believed in the long-term value of these publications,” said the memo obtained by The Globe.']));
    expect(q?.speakers.map((s) => s.name)).not.toContain('Globe');
    expect(isCertain(q!)).toBe(false);
  });

  it('reads "X said in a statement" as X\'s statement, so "The statement also said" is X\'s', () => {
    const quotes = extractQuotations(
      articleOf([
        'The Canadian Beverage Association said in a statement that fruit juice “is a source of important vitamins.” The statement also said that removing it from the diet could have “significant consequences on nutrient intakes.”',
      ]),
    );
    expect(quotes.map((q) => [q.speakers.map((s) => s.name), isCertain(q)])).toEqual([
      [['Canadian Beverage Association'], true],
      [['Canadian Beverage Association'], true],
    ]);
  });

  it('states a document’s author when the sentence names it: "a statement released by X"', () => {
    const [q] = extractQuotations(articleOf(['The leaders discussed the detentions, according to a statement released by the Prime Minister’s Office.']));
    expect(q?.speakers.map((s) => s.name)).toEqual(['Prime Minister’s Office']);
    expect(q?.attribution).toBe('document');
    expect(isCertain(q!)).toBe(true);
  });

  it('keeps "the statement said" as written when the story names no author', () => {
    const [q] = extractQuotations(articleOf(['The statement said removing juice from the diet could have consequences for children.']));
    expect(q?.speakers.map((s) => s.name)).toEqual(['The statement']);
  });

  it.each([
    ['a place', 'An earlier report in a Vermont paper named the donors.', 'The paper said the donors had given to both campaigns.'],
    ['a place the letter came from', 'A letter from Ontario reached the council on Monday.', 'The letter said the bridge would close for a year.'],
    ['one letter cut from an abbreviation', 'A lawsuit by U.S. voters was filed on Friday.', 'The lawsuit said the rules had a dramatic impact on voters.'],
  ])('names no author for %s, and later mentions do not reach back past it', (_, first, second) => {
    const quotes = extractQuotations(articleOf(['A study released by the Civic Trust found that rents rose.', first, second]));
    const last = quotes.at(-1);
    expect(last?.quote).toMatch(/^the (?:donors|bridge|rules)/);
    expect(last?.speakers.map((s) => s.name)).not.toContain('Civic Trust');
    expect(last?.speakers.some((s) => /^(?:Vermont|Ontario|U)$/.test(s.name))).toBe(false);
  });

  it.each([
    ['Voters like him, according to a CNN/ORC poll in February.', 'CNN/ORC'],
    ['A CNN/WMUR poll shows that 64% of undeclared voters back the senator.', 'CNN/WMUR'],
    ['Support has fallen, according to the latest New York Times/CBS News poll.', 'New York Times/CBS News'],
  ])('keeps sponsors joined by a slash as one author: %s', (sentence, author) => {
    expect(findDocumentAuthors([sentence]).map((d) => d.author)).toEqual([author]);
  });
});
