/** The tables of document nouns and organisation words, and the views the rules read of them. */

/** How a document noun is read: each reading is a rule's list, kept here once. */
export type DocumentUse = 'authored' | 'authored-by' | 'withheld' | 'heads' | 'source' | 'subject' | 'owned';

/**
 * The one table of document nouns ("the study said", "a memo obtained by …"), each with the readings
 * it takes part in:
 * - authored: a document the story may give an author for ("the study" → whoever released it);
 * - authored-by: whose author follows "by", "from" or "on" ("a study … by Civic Action");
 * - withheld: a speaker that is only a document is never stated as a person's words;
 * - heads: a body's or person's document speaks for them ("the union's Friday release");
 * - source: "a statement released by X", "The RCMP statement": its author or source speaks;
 * - subject: it says things as a sentence's subject ("A release sent to media from X said");
 * - owned: "the parole board decision": the body's own document speaks for it.
 * Words are regular-expression fragments ("e-?mail").
 */
const DOCUMENTS: ReadonlyArray<readonly [string, string]> = [
  ['study', 'authored authored-by withheld heads source subject owned'],
  ['report', 'authored authored-by withheld heads source subject owned'],
  ['paper', 'authored authored-by withheld'],
  ['memo', 'authored authored-by withheld heads source subject owned'],
  ['letter', 'authored authored-by withheld heads source subject owned'],
  ['statement', 'authored authored-by withheld heads source subject owned'],
  ['release', 'authored authored-by withheld heads source subject owned'],
  ['survey', 'authored authored-by withheld heads subject'],
  ['lawsuit', 'authored authored-by withheld heads'],
  ['suit', 'authored authored-by withheld heads'],
  ['claim', 'authored authored-by heads'],
  ['filing', 'authored authored-by withheld heads source subject owned'],
  ['document', 'authored authored-by withheld heads source'],
  ['analysis', 'authored authored-by withheld'],
  ['review', 'authored authored-by withheld'],
  ['notice', 'authored authored-by withheld source subject owned'],
  ['complaint', 'authored authored-by heads'],
  ['submission', 'authored authored-by'],
  ['brief', 'authored authored-by'],
  ['audit', 'authored authored-by'],
  ['assessment', 'authored authored-by'],
  ['plan', 'authored'],
  ['proposal', 'authored'],
  ['budget', 'authored'],
  ['policy', 'authored'],
  ['guide', 'authored'],
  ['guidelines', 'authored'],
  ['website', 'authored authored-by withheld heads'],
  ['data', 'authored authored-by withheld heads'],
  ['numbers', 'authored authored-by'],
  ['figures', 'authored authored-by'],
  ['statistics', 'authored authored-by'],
  ['poll', 'authored authored-by withheld heads subject'],
  ['census', 'authored authored-by'],
  ['tweet', 'withheld heads source subject'],
  ['post', 'withheld heads source subject'],
  ['e-?mail', 'withheld heads source subject'],
  ['decision', 'owned'],
  ['ruling', 'owned'],
  ['order', 'owned'],
];

/** The document nouns that take part in `use`, as a regular-expression alternation. */
export function documentWords(use: DocumentUse): string {
  return DOCUMENTS.filter(([, uses]) => uses.split(' ').includes(use))
    .map(([word]) => word)
    .join('|');
}

/** How a capitalised organisation word is read: each reading is a rule's list, kept here once. */
export type OrgWordUse = 'type' | 'name' | 'public';

/**
 * The one table of capitalised words that make a name an organisation's, grouped by the readings
 * they take part in:
 * - type: a run ending in it is an organisation whatever the tagger says ("Green Party", "Acme Corp");
 * - name: a run holding it is no person's name ("Veterans Affairs Canada", "Globe and Mail", "Highway 401");
 * - public: a public or non-business body ("the company" is never a ministry, court or party).
 */
const ORG_NAME_WORDS: ReadonlyArray<readonly [string, string]> = [
  [
    'type name public',
    'Ministry Council University College Court Party Police Department Government Union Association Federation Commission Committee Institute Office Board Authority Foundation League Hospital School Church Army Navy Embassy Senate Parliament Assembly Congress',
  ],
  [
    'type name',
    'Agency Inc Ltd Corp Press News Centre Center Centres Centers Service Services Bank Group Company Initiative Project Partnership Caucus Consortium Institution Academy Museum Forum Network Club Team Airlines Airways Motors Technologies Systems Media',
  ],
  ['type', 'Co Railway Railroad Alliance Organization Organisation Trust Fund Corporation Officer'],
  ['type public', 'Diocese Society Coalition Administration Bureau Secretariat Tribunal'],
  [
    'name',
    'Agreement Agreements Act Bill Force Forces House Times Post Journal Globe Star Mail Herald Tribune Radio TV Telegram Twitter Facebook Airport Station Region Province State City County Republic Kingdom Emirates Street Avenue Square Highway Road Bridge Park Arena Lake River Island Valley Line Route Channel Day Year Christmas Brigade Open Cup Classic Championship Championships Olympics Games Bowl Prize Award Awards Festival Tournament Trophy Invitational Marathon',
  ],
];

/** `\b(?:…)\b`: the organisation words that take part in `use`. */
export function orgWords(use: OrgWordUse): RegExp {
  const words = ORG_NAME_WORDS.filter(([uses]) => uses.split(' ').includes(use)).flatMap(([, list]) => list.split(' '));
  return new RegExp(String.raw`\b(?:${words.join('|')})\b`);
}

/** Words that make a capitalised run an organisation whatever the tagger says. */
export const ORG_TYPE = orgWords('type');
