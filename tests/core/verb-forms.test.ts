import { describe, expect, it } from 'vitest';
import { extractQuotations } from '../../src/core/extract.ts';
import { findParagraphQuotes } from '../../src/core/quotes/find.ts';
import { articleOf } from '../helpers.ts';

/** Quote text and speaker as written, for one paragraph. */
function found(paragraph: string) {
  return findParagraphQuotes(paragraph, 0).map((q) => [q.mention?.parts.join(' ') ?? null, q.text]);
}

/** Rules that once named "said" alone hold for every verb of speech that takes a clause. */
describe.each(['said', 'claimed', 'insisted', 'stressed'])('"%s" where "said" was', (verb) => {
  it('a belief inside what someone said is no source of the quote after it', () => {
    const quotes = found(`Okafor ${verb} even though the city believes the fee is fair, "drivers who park downtown deserve a warning."`);
    expect(quotes.map(([speaker]) => speaker)).toEqual(['Okafor']);
  });

  it("a named person's report in a relative clause ends the clause around it", () => {
    const quotes = found(`Police ${verb} there were six break-ins last month that Chief Ana Ruiz ${verb} are unrelated.`);
    expect(quotes).toContainEqual(['Police', 'there were six break-ins last month']);
    expect(quotes).toContainEqual(['Chief Ana Ruiz', 'are unrelated']);
  });

  it("the same subject's next report after a comma starts a clause of its own", () => {
    const quotes = found(`Dana Price, who ${verb} she never signed the lease, recalled that the landlord phoned her twice.`);
    expect(quotes).toContainEqual(['Dana Price', 'that the landlord phoned her twice']);
  });

  it('"X <verb> in a statement" makes X the author of "the statement"', () => {
    const quotes = extractQuotations(
      articleOf([
        `The Ontario Dairy Council ${verb} in a statement that milk prices must rise this spring.`,
        'The statement also said that farmers “cannot absorb the cost of feed any longer.”',
      ]),
    );
    const last = quotes.at(-1);
    expect(last?.speakers.map((s) => s.name)).toEqual(['Ontario Dairy Council']);
  });
});
