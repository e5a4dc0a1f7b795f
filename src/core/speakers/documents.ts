/**
 * Documents that "say" things for their authors: "a study released Monday by Civic Action … the
 * study said", "a document titled White Paper on Canadian Pacific Railway's website … the report
 * said". The story names the author once, beside the document; later mentions point back to it.
 */
import { documentWords, SPOKE_FORMS } from '../lexicon.ts';
import { tagText } from '../nlp.ts';

/** Head nouns of documents, singular. "white paper" ends in "paper". */
export const DOCUMENT_NOUN = new RegExp(`^(?:${documentWords('authored')})$`);

/** Documents that stand in for one another: "the white paper" is also "the report". */
const FAMILY: Readonly<Record<string, string>> = {
  study: 'report',
  report: 'report',
  paper: 'report',
  analysis: 'report',
  review: 'report',
  survey: 'report',
  audit: 'report',
  assessment: 'report',
  document: 'report',
  lawsuit: 'suit',
  suit: 'suit',
  claim: 'suit',
  filing: 'suit',
  complaint: 'suit',
  data: 'data',
  numbers: 'data',
  figures: 'data',
  statistics: 'data',
  census: 'data',
  poll: 'report',
  statement: 'statement',
  release: 'statement',
  notice: 'statement',
};

export interface DocumentAuthor {
  readonly family: string;
  readonly author: string;
  /** Named as the author ("by Civic Action", "from Statistics Canada"), not just before the noun. */
  readonly by: boolean;
  /**
   * The words found where the author goes name no author: a place ("a New Hampshire paper", "a
   * letter from Massachusetts") or a cut abbreviation ("U" of "U.S."). The document is still the one
   * later mentions point back to ("the paper said"), so they get no author rather than an older one.
   */
  readonly unknown: boolean;
  readonly paragraph: number;
  readonly offset: number;
}

/** A capitalised word; "CNN/ORC", "Times/CBS": sponsors joined by a slash are one word. */
const WORD = String.raw`\p{Lu}[\p{L}\p{N}&'’-]*(?:\/\p{Lu}[\p{L}\p{N}&'’-]*)*`;
const NAME = String.raw`${WORD}(?:\s+(?:(?:of|for|on|and|&|the)\s+)*${WORD}){0,6}`;
const DOC = `(${documentWords('authored-by')})`;

/** Verbs of whoever got hold of a document, not wrote it: "a memo obtained by The Globe". */
export const NOT_AUTHOR = '(?:obtained|seen|reviewed|viewed|reported|cited|quoted|leaked|acquired)';

/**
 * "a study … by Civic Action", "a document … on Canadian Pacific Railway's website"; not "a memo
 * obtained by The Globe" (whoever obtained, saw or reported a document did not write it).
 */
const DOC_BY = new RegExp(
  String.raw`\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\p{L}\p{N}-]+\s+){0,4}?${DOC}\b(?:(?!\b${NOT_AUTHOR}\b)[^.;!?“”"]){0,120}?\b(?:by|from|on)\s+(?:the\s+)?(${NAME})(\s+(?:players|workers|members|employees|residents|families|parents|students|investors|shareholders|customers|patients|veterans|officials|staff|leaders|teachers|nurses|doctors))?`,
  'gu',
);
/** "Canadian Pacific Railway's report", "the Civic Action study". */
const DOC_OF = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:the\s+|The\s+)?(${NAME})(?:['’]s?)?\s+(?:(?:new|latest|annual|recent|own|latest|winter|\p{Ll}+ing)\s+){0,2}${DOC}\b`,
  'gu',
);

/** "The Canadian Beverage Association said in a statement …", "Health Canada issued a report": the subject wrote it. */
const DOC_SAID = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:[Tt]he\s+)?(${NAME})\s+(?:(?:${SPOKE_FORMS})\s+in|(?:issued|released|published|sent|filed|posted)|put\s+out)\s+(?:a|an|its|their|his|her|the)\s+(?:[\p{L}-]+\s+){0,2}?${DOC}\b`,
  'gu',
);

function familyOf(noun: string): string {
  return FAMILY[noun.toLowerCase()] ?? noun.toLowerCase();
}

function cleanAuthor(name: string): string | null {
  const n = name
    .replace(/^(?:A|An|The)\s+(?=\p{Lu})/u, '')
    .replace(/['’]s?$/u, '')
    .replace(/\s+(?:website|site|page)$/i, '')
    .trim();
  // "The", "Monday", "In": a capitalised word that starts a sentence or names a day is no author.
  if (
    /^(?:The|A|An|In|On|At|By|From|It|This|That|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/.test(
      n,
    )
  )
    return null;
  return n === '' ? null : n;
}

/** A place (every word a country, region or city: "New Hampshire", "Germany"), or one letter cut from an abbreviation ("U" of "U.S."). */
function isNoAuthor(author: string): boolean {
  if (/^\p{Lu}$/u.test(author)) return true;
  const terms = tagText(author);
  return terms.length > 0 && terms.every((t) => t.tags.has('Country') || t.tags.has('Region') || t.tags.has('City'));
}

/** Every document the story gives an author for, in reading order. */
export function findDocumentAuthors(paragraphs: readonly string[]): DocumentAuthor[] {
  const out: DocumentAuthor[] = [];
  const add = (noun: string, name: string, paragraph: number, offset: number, by: boolean) => {
    const author = cleanAuthor(name);
    if (author) out.push({ family: familyOf(noun), author, paragraph, offset, by, unknown: isNoAuthor(author) });
  };
  paragraphs.forEach((text, paragraph) => {
    // "a lawsuit by Canadian Hockey League players against the CHL": the players, not the league.
    for (const m of text.matchAll(DOC_BY)) add(m[1]!, m[2]! + (m[3] ?? ''), paragraph, m.index, true);
    for (const m of text.matchAll(DOC_SAID)) add(m[2]!, m[1]!, paragraph, m.index, false);
    for (const m of text.matchAll(DOC_OF)) add(m[2]!, m[1]!, paragraph, m.index, false);
  });
  return out.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset);
}

/**
 * The author of a document mention: named in the mention itself ("the Civic Action study"), else the
 * latest document of the same kind the story gave an author for, within `reach` paragraphs.
 */
export function authorOf(mention: string, authors: readonly DocumentAuthor[], at: { paragraph: number; offset: number }, reach = 20): string | null {
  return documentAuthor(mention, authors, at, reach)?.author ?? null;
}

/**
 * Like `authorOf`, and says whether the sentence itself names the author (`named`: "a study
 * released Monday by Civic Action") or the mention only sits beside a name ("the Civic Action
 * study") or points back to an earlier document ("the study").
 */
export function documentAuthor(
  mention: string,
  authors: readonly DocumentAuthor[],
  at: { paragraph: number; offset: number },
  reach = 20,
): { author: string; named: boolean } | null {
  // "the Globe report" may be a report by the Globe or about it; "a report by the Globe" is by it.
  const own = findDocumentAuthors([mention])[0];
  if (own) return own.unknown ? null : { author: own.author, named: own.by };
  const words = mention.toLowerCase().split(/\s+/);
  const head = words.find((w) => DOCUMENT_NOUN.test(w)) ?? words[words.length - 1]!;
  if (!DOCUMENT_NOUN.test(head)) return null;
  // "says a document titled White Paper … on Canadian Pacific Railway's website": a new document's
  // author follows it in the same sentence.
  if (/^(?:a|an)$/.test(words[0]!)) {
    const near = authors.find((a) => a.paragraph === at.paragraph && a.offset >= at.offset - 2 && a.offset <= at.offset + 200);
    return near && !near.unknown ? { author: near.author, named: near.by } : null;
  }
  if (!/^(?:the|this|that|its|their)$/.test(words[0]!)) return null;
  const family = familyOf(head);
  let best: DocumentAuthor | null = null;
  for (const a of authors) {
    const before = a.paragraph < at.paragraph || (a.paragraph === at.paragraph && a.offset < at.offset);
    if (!before) break;
    if (a.family === family && at.paragraph - a.paragraph <= reach) best = a;
  }
  return best && !best.unknown ? { author: best.author, named: false } : null;
}
