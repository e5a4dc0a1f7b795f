/**
 * Provenance: the ids every quotation carries, as tables a reader can scan. `rule` says which
 * construction found the quotation (QUOTE_RULES, in quotes/find.ts and quotes/clauses.ts), `cue` which construction found the
 * words naming its speaker (CUE_RULES, in quotes/cues.ts and quotes/direct.ts), `resolvedBy` which path turned those words into
 * a speaker (RESOLVERS, in speakers/resolve.ts and extract.ts). Search the code for an id to find its site.
 * Examples are made-up sentences; tests/core/rules.test.ts checks that each one fires its rule.
 */

export interface RuleRow {
  readonly id: string;
  /** The function that holds the rule. */
  readonly where: string;
  readonly summary: string;
  /** A paragraph (or, for resolvers, paragraphs) on which the rule fires. */
  readonly example?: string | readonly string[];
}

/** How a quotation was found (FoundQuote.rule). */
export const QUOTE_RULES = [
  {
    id: 'embedded-tweet',
    where: 'embeddedTweet',
    summary: 'a paragraph that is an embedded tweet: its whole text is the author’s words',
    example: 'The bridge opens to cyclists on Monday morning — Dana Ortiz (@dana_ortiz) March 3, 2021',
  },
  {
    id: 'second-report-clause',
    where: 'quotesIn',
    summary: 'the reported clause before a second reporting verb of the same subject that reports a quote',
    example: 'The coach said the team was tired and then quipped to reporters, “We need a holiday after this one.”',
  },
  {
    id: 'second-report-direct',
    where: 'quotesIn',
    summary: 'the quote reported by that second verb',
    example: 'The coach said the team was tired and then quipped to reporters, “We need a holiday after this one.”',
  },
  {
    id: 'in-words-lead',
    where: 'quotesIn',
    summary: '“in her words”: the words after it up to and with the quoted ones',
    example: 'The old mill had, in her words, become “a place nobody wanted to visit.”',
  },
  {
    id: 'described-as-run-on',
    where: 'quotesIn',
    summary: '“described X as “…” and …”: the description runs on past the quote',
    example: 'Marta described herself as “completely exhausted” and feeling a little dizzy after the race.',
  },
  {
    id: 'mixed-clause',
    where: 'quotesIn',
    summary: 'a reported clause that holds a quote: “X said the plan “…”',
    example: 'Lopez said the new schedule “will make every morning a little easier for parents.”',
  },
  {
    id: 'sentence-lead',
    where: 'quotesIn',
    summary: 'the writer’s sentence a quote finishes, up to the attribution after it',
    example: 'The first test results from the orchard are “very promising,” said Hana Berg.',
  },
  {
    id: 'direct-tag-after',
    where: 'quotesIn',
    summary: 'a quote whose attribution follows it',
    example: '“We will open the new library before the winter,” said Mayor Tom Hale.',
  },
  {
    id: 'direct-tag-before',
    where: 'quotesIn',
    summary: 'a quote whose attribution comes before it',
    example: 'Tom Hale said: “We will open the new library before the winter.”',
  },
  {
    id: 'direct-pronoun-lead',
    where: 'quotesIn',
    summary: 'whole spoken sentences finishing a sentence whose subject is “he” or “she”',
    example: 'She thanked the volunteers for “giving up every weekend this summer. That is what made the festival work.”',
  },
  {
    id: 'direct-short-lead',
    where: 'quotesIn',
    summary: 'a quote after a short lead with no speaker (“Her answer: “…”” style, or a few words of subject)',
    example: 'Then came the surprise: “The whole team is staying for another season.”',
  },
  {
    id: 'direct-floating',
    where: 'quotesIn',
    summary: 'a quote with no attribution in its sentence; extract.ts may give it the speaker it continues',
    example: '“We are ready for the storm and the crews are in place.”',
  },
  {
    id: 'own-words-colon',
    where: 'ownWordsAfterColon',
    summary: 'someone’s words named as a noun and given after a colon, without quotation marks',
    example: 'Her advice is simple: plant early and water the beds every evening.',
  },
  {
    id: 'described-as',
    where: 'reportedClauses',
    summary: '“X described Y as …”: the description',
    example: 'Police described the fire at the warehouse as an accident.',
  },
  {
    id: 'request',
    where: 'reportedClauses',
    summary: '“X urged/asked Y to …”: the request, from its addressee on',
    example: 'The mayor urged residents to stay off the roads until noon.',
  },
  {
    id: 'according-to-clause',
    where: 'reportedClauses',
    summary: '“According to X, …”: the clause after it',
    example: 'According to the fire chief, the blaze started in the kitchen of the restaurant.',
  },
  {
    id: 'clause-before',
    where: 'reportedClauses',
    summary: '“…, X said.”: the clause before a final attribution',
    example: 'The new ferry will carry twice as many cars as the old one, the minister said.',
  },
  {
    id: 'clause-before-fresh',
    where: 'reportedClauses',
    summary: '“…, he says, and he …”: the clause before an aside, when a new clause with its own subject follows',
    example: 'The market has grown every year since the pandemic, he says, and he expects the trend to continue.',
  },
  {
    id: 'clause-around',
    where: 'reportedClauses',
    summary: '“…, X says, …”: both halves around an attribution in mid-sentence',
    example: 'The new trains are quieter, Anna Weiss says, and much cheaper to run than the old ones.',
  },
  {
    id: 'clause-after',
    where: 'reportedClauses',
    summary: '“X said (that) …”: the clause after the verb',
    example: 'Maria Chen said the school would reopen after the holidays.',
  },
  {
    id: 'joined-fragments',
    where: 'joinFragments',
    summary: 'quoted fragments of one sentence after the same verb, a few words apart, joined into one',
    example: 'Sven Olsen called the ruling “deeply unfair” for the farmers “who have worked this land for generations.”',
  },
] as const satisfies readonly RuleRow[];

/** How the words naming the speaker were found (FoundQuote.cue). */
export const CUE_RULES = [
  {
    id: 'subject-before',
    where: 'findAttributions',
    summary: 'the subject before a reporting verb: “Maria Chen said”',
    example: 'Maria Chen said the school would reopen after the holidays.',
  },
  {
    id: 'quoted-as-saying',
    where: 'findAttributions',
    summary: 'the subject before “was quoted as saying”',
    example: 'Hale was quoted as saying the library would open before the winter.',
  },
  {
    id: 'went-on-to-say',
    where: 'findAttributions',
    summary: 'the subject before “went on to”, “continued to”, “was quick to” and the verb',
    example: 'Nora Quist went on to say that the harbour would be dredged next year.',
  },
  {
    id: 'subject-before-relative',
    where: 'findAttributions',
    summary: 'the name before a relative clause holding a quote: “X, who … “…” …, says”',
    example: 'Pia Lund, who lost “nearly everything” in the flood, says the town has been generous.',
  },
  {
    id: 'shared-subject',
    where: 'findAttributions',
    summary: 'a verb sharing the sentence’s subject: “…, and added”, “…, saying”',
    example: 'Ravi Shah thanked the crews and added that the road would reopen on Friday.',
  },
  {
    id: 'long-subject',
    where: 'findAttributions',
    summary: 'a longer subject phrase before a clause-taking verb',
    example: 'The memo obtained by the Daily Courier said the bridge needed urgent repairs.',
  },
  {
    id: 'subject-after',
    where: 'findAttributions',
    summary: 'the subject after the verb, right after a quote or a comma: “…, said Smith”',
    example: '“The ice is too thin for skating,” said Olga Brandt.',
  },
  {
    id: 'according-to',
    where: 'findAttributions',
    summary: '“according to X”',
    example: 'According to the fire chief, the blaze started in the kitchen of the restaurant.',
  },
  {
    id: 'in-words',
    where: 'findAttributions',
    summary: '“in her words”, “in Smith’s own words”',
    example: 'The old mill had, in her words, become “a place nobody wanted to visit.”',
  },
  { id: 'response-of', where: 'findAttributions', summary: '““…” was the response of X”', example: '“Best parade in years!” was the reaction of Lena Park.' },
  {
    id: 'noun-from-that',
    where: 'findAttributions',
    summary: 'words named by a noun, their speaker after “from”, what was said after “that”',
    example: 'The plan drew a warning from Environment Minister Lea Fong that the wetlands could dry out.',
  },
  {
    id: 'colon-own-noun',
    where: 'colonIntro',
    summary: '“His response: “…””: the owner of the words before a colon',
    example: 'Her reply: “We have never been closer to a deal than we are today.”',
  },
  {
    id: 'colon-clause-subject',
    where: 'colonIntro',
    summary: 'the subject of the last clause before a colon: “… when Smith wrote this: “…””',
    example: 'The debate turned sour when Grant took to the radio with this: “Nobody in this town reads the budget anyway.”',
  },
  {
    id: 'colon-subject',
    where: 'colonIntro',
    summary: 'the subject of the sentence that introduces a quote with a colon: “Smith is more blunt: “…””',
    example: 'Ines Moreau, the harbour master, is more blunt: “The pier will not survive another winter.”',
  },
  {
    id: 'own-words-parenthesis',
    where: 'ownWordsBefore',
    summary: 'a quote in parentheses after someone’s words named as a noun: “his usual riffs (“…”)”',
    example: 'The show lets him return to his usual riffs (“Every cat is secretly a landlord”) between songs.',
  },
  {
    id: 'next-sentence',
    where: 'attributionOpening',
    summary: 'a quote ending on “?” or “!” whose attribution opens the next sentence unit',
    example: '“Who will pay for the new stadium?” Karl Mertens asked at the meeting.',
  },
  {
    id: 'speech-tag',
    where: 'speechTag',
    summary: '““…,” she shrugged”: a comma inside the closing mark, then a subject and any verb',
    example: '“Nobody told us the bridge was closed,” she shrugged.',
  },
  {
    id: 'pronoun-lead',
    where: 'quotesIn',
    summary: 'the “he” or “she” of direct-pronoun-lead',
    example: 'She thanked the volunteers for “giving up every weekend this summer. That is what made the festival work.”',
  },
  {
    id: 'own-words-colon',
    where: 'ownWordsAfterColon',
    summary: 'the owner of words given after a colon without quotation marks',
    example: 'Her advice is simple: plant early and water the beds every evening.',
  },
  {
    id: 'embedded-tweet',
    where: 'embeddedTweet',
    summary: 'the author named after an embedded tweet',
    example: 'The bridge opens to cyclists on Monday morning — Dana Ortiz (@dana_ortiz) March 3, 2021',
  },
  { id: 'none', where: 'quotesIn', summary: 'no words name the speaker (a floating quote or a short lead)' },
] as const satisfies readonly RuleRow[];

/** How the speaker was named (Quotation.resolvedBy). */
export const RESOLVERS = [
  {
    id: 'name',
    where: 'resolveMention',
    summary: 'a name matched to a person the story names',
    example: ['Maria Chen, the principal, spoke at the gate. Maria Chen said the school would reopen after the holidays.'],
  },
  { id: 'name-first-name', where: 'resolveMention', summary: 'a name with a known first name (or an honorific) that the story names only here' },
  {
    id: 'org-whole-name',
    where: 'resolveMention',
    summary: 'a capitalised name the story gives an organisation whole (“General Motors”), or a title before an organisation word',
    example: ['General Motors opened a plant in Ohio. General Motors said the plant would hire 500 workers.'],
  },
  { id: 'role-title', where: 'resolveMention', summary: 'a bare capitalised title (“the President”) with one matching person in the story' },
  {
    id: 'org-name',
    where: 'resolveMention',
    summary: 'a capitalised name that is no person: an organisation by its name (“Facebook said”)',
    example: ['Northwind said the new flights would start in May.'],
  },
  {
    id: 'pronoun-recent',
    where: 'resolveReference',
    summary: 'a pronoun: the speaker of the latest quotation',
    example: ['“The harbour is safe,” said Ines Moreau.', 'She said the pier would be repaired before the winter.'],
  },
  {
    id: 'pronoun-subject',
    where: 'resolveReference',
    summary: 'a pronoun: the latest compatible person named as a subject',
    example: ['Ines Moreau visited the pier on Monday. She said the pier would be repaired before the winter.'],
  },
  { id: 'pronoun-nearest', where: 'resolveReference', summary: 'a pronoun: the latest compatible person named, not as a subject' },
  {
    id: 'pronoun-only-one',
    where: 'resolveReference',
    summary: 'a pronoun: the story’s only person of that gender named so far',
    example: [
      'Karl Mertens opened the bakery in 1990.',
      'The town has changed.',
      'The bakery has not.',
      'The shop is busy.',
      'The street is quiet.',
      'He said the bakery would stay open on Sundays.',
    ],
  },
  {
    id: 'pronoun-group-quoted',
    where: 'resolveMention',
    summary: '“it said”, “they said”: the organisation or group quoted last',
    example: ['Northwind said the new flights would start in May.', 'It said tickets would go on sale next week.'],
  },
  {
    id: 'pronoun-group-named',
    where: 'groupAntecedent',
    summary: '“it said”, “they said”: the organisation or group the story names just before',
    example: ['The Northern Rail Union called a strike on Monday. It said the strike would end on Friday.'],
  },
  {
    id: 'role-holder',
    where: 'resolveMention',
    summary: '“a spokeswoman for X”, “the governor of X”, “aides to X”: someone holding a post for a name, in the story’s words, never the name itself',
    example: ['A spokeswoman for Northwind Airlines said the flights would resume.'],
  },
  {
    id: 'members-of',
    where: 'resolveMention',
    summary: '“members of X”, “officials of X”: a group in the story’s words',
    example: ['Members of the rowing club said the river was too high for training.'],
  },
  {
    id: 'document-named-author',
    where: 'resolveMention',
    summary: '“a statement released by X”: the author the sentence names',
    example: ['A statement released by the Harbour Authority said the pier would close for repairs.'],
  },
  {
    id: 'document-source',
    where: 'resolveMention',
    summary: '“the RCMP statement”, “the Globe report”: the body a document is called after (withheld: it may be about the body as much as by it)',
    example: ['Harbour police made two arrests on Friday. The Harbour Police statement said both men were released.'],
  },
  {
    id: 'org-acronym',
    where: 'resolveMention',
    summary: '“the RNC”: an acronym, as the body the story spells out',
    example: ['The Northern Rail Union (NRU) called a strike on Monday.', 'The NRU said the strike would end on Friday.'],
  },
  {
    id: 'org-proper-name',
    where: 'resolveMention',
    summary: '“The Canadian Beverage Association said”: a proper name that names itself',
    example: ['The Northern Rail Union said the strike would end on Friday.'],
  },
  {
    id: 'org-document-owner',
    where: 'resolveMention',
    summary: '“the union’s Friday release”: a body’s document speaks for the body',
    example: ['The Northern Rail Union called a strike on Monday.', 'The union’s statement said the strike would end on Friday.'],
  },
  {
    id: 'own-words-owner',
    where: 'resolveMention',
    summary: '“Trump’s message”, “his response”: the owner of the words',
    example: ['Ines Moreau spoke to the council on Monday.', 'Moreau’s message was simple: “The pier will not survive another winter.”'],
  },
  {
    id: 'role-unique',
    where: 'resolveNominal',
    summary: 'a role (“the minister”) tied to the one person in the story with that role',
    example: ['Health Minister Pavel Novak visited the ward on Monday.', 'The minister said the ward would get ten more nurses.'],
  },
  { id: 'description-own-document', where: 'resolveDescription', summary: '“her statement”: the pronoun’s person' },
  { id: 'description-party-member', where: 'resolveDescription', summary: '“the Kentucky Republican”: the person named just before' },
  { id: 'description-latest', where: 'resolveDescription', summary: '“the affable proprietor”: the person the story was last talking about' },
  {
    id: 'org-by-head',
    where: 'resolveMention',
    summary: '“the diocese”: the one body the story names with that head noun',
    example: ['The Roman Catholic Diocese of Easton sold the old school.', 'The diocese said the money would pay for repairs to the cathedral.'],
  },
  {
    id: 'org-latest-club',
    where: 'latestClub',
    summary: '“the team said”: the latest club the story names',
    example: ['The Riverton Hawks signed a new goalie on Monday.', 'The team said the goalie would join the squad next week.'],
  },
  {
    id: 'document-author',
    where: 'documentAuthor',
    summary: '“the study said” after “a study released by X”: the document’s author',
    example: ['A study released by the Civic Trust found that rents rose by ten percent.', 'The study said rents would keep rising next year.'],
  },
  {
    id: 'org-behind-company',
    where: 'resolveMention',
    summary: '“the company said”: the organisation quoted lately or named just before',
    example: ['Northwind Airlines opened a new route to Oslo on Monday.', 'The company said tickets would go on sale next week.'],
  },
  {
    id: 'unnamed-fuller',
    where: 'fullerDescription',
    summary: '“the person” after “a person familiar with the talks”: the story’s fuller words',
    example: ['A person familiar with the talks said the deal was close.', 'The person said the two sides would meet again on Friday.'],
  },
  {
    id: 'unnamed-body-group',
    where: 'namedBodyGroup',
    summary: '“city staff” after “City of Surrey staff”: the group the story names',
    example: ['City of Easton staff cleared the roads overnight.', 'City staff said the roads would be clear by noon.'],
  },
  {
    id: 'unnamed-words',
    where: 'resolveMention',
    summary: 'a speaker left in the story’s own words (“officials”, “a spokesperson for the ministry”)',
    example: ['A spokesperson for the ministry said the talks would resume next week.'],
  },
  {
    id: 'description-continues',
    where: 'extractQuotations',
    summary: 'a description of the person just quoted goes on with them',
    example: ['“Bread is the last thing people give up,” said Karl Mertens.', '“Nobody here goes without,” said the affable baker.'],
  },
  {
    id: 'described-after-name',
    where: 'extractQuotations',
    summary: 'a description right after a sentence that names one person first is that person',
    example: ['Karl Mertens has run the bakery on Elm Street for thirty years. “Bread is the last thing people give up,” said the affable baker.'],
  },
  {
    id: 'intro',
    where: 'extractQuotations',
    summary: '“X said:” closing the previous paragraph introduces the quote that opens this one',
    example: ['Ines Moreau, the harbour master, said:', '“The pier will not survive another winter without repairs.”'],
  },
  {
    id: 'floating-far',
    where: 'sourceOfFloating',
    summary: 'a quote continuing the speaker two paragraphs back, or beside words of its own: kept as a guess, withheld',
    example: ['“We are ready,” said Mayor Dana Ruiz.', 'The council meets on Monday.', '“The budget is fixed.”'],
  },
  {
    id: 'floating-short-lead',
    where: 'sourceOfFloating',
    summary: 'a quote after a short lead continues the speaker just quoted in the same paragraph',
    example: ['“The pier is old,” said Ines Moreau. Then the surprise: “It will not survive another winter without repairs.”'],
  },
  {
    id: 'floating-earlier',
    where: 'sourceOfFloating',
    summary: 'a floating quote continues the latest attributed quote earlier in its paragraph',
    example: ['“The pier is old,” said Ines Moreau. “It will not survive another winter without repairs.”'],
  },
  {
    id: 'floating-later',
    where: 'sourceOfFloating',
    summary: 'a floating quote continues the attributed quote later in its paragraph',
    example: ['“Bread is the last thing people give up.” That is the view of many bakers, and “nobody here goes without,” said Karl Mertens.'],
  },
  {
    id: 'floating-previous-paragraph',
    where: 'sourceOfFloating',
    summary: 'a floating quote continues the latest quote in the two paragraphs before',
    example: ['“The pier is old,” said Ines Moreau.', '“It will not survive another winter without repairs.”'],
  },
  { id: 'none', where: 'resolveMention', summary: 'no speaker was found' },
] as const satisfies readonly RuleRow[];

export type QuoteRuleId = (typeof QUOTE_RULES)[number]['id'];
export type CueRuleId = (typeof CUE_RULES)[number]['id'];
export type ResolverId = (typeof RESOLVERS)[number]['id'];
