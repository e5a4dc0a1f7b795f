/** Speakers described, not named: "the company", "a person familiar with the talks", "the judge". */
import { AFTER_HEAD, ANONYMOUS_HEADS, documentWords, MEMBER_NOUN, orgWords, POSSESSIVE_SUBJECT, WORK_NOUN } from '../lexicon.ts';
import { isNominalHead } from '../quotes/mentions.ts';
import { ANONYMOUS_QUALIFIER } from '../quotes/roles.ts';
import { isOccupation } from '../nlp.ts';
import { NOT_AUTHOR } from './documents.ts';
import { splitSentences } from '../read/split.ts';
import { blankQuotes, type PeopleIndex, type Person, splitName, NAME_RUN_AT } from './names.ts';
import { before, type Position, resolvePronoun, type Trace } from './lookup.ts';
import type { ResolveContext } from './context.ts';

export const ORG_HEADS =
  /^(?:company|firm|group|agency|organi[sz]ation|ministry|department|union|board|commission|council|government|association|federation|institute|university|bank|airline|retailer|automaker|carrier|network|club|party|campaign|administration|authority|service|regulator|watchdog|court|embassy|coalition|charity|foundation|utility|railway|railroad|league|corporation|business|startup|insurer|manufacturer|developer|publisher|broadcaster|newspaper|school|hospital|district|municipality|city|province|state|team|diocese|church|society|alliance|trust|fund|bureau|tribunal|secretariat|office|committee|college|police|army|navy|senate|parliament|assembly|congress|region|county|town|township|village)$/;

/** What carries a person's own words: "Trump's message", "her statement", "his response". */
export const OWN_WORDS =
  /^(?:statement|message|response|reply|answer|words|reaction|verdict|advice|comment|comments|explanation|warning|tweet|post|letter|e-?mail|remarks|speech|plea|promise|pledge|retort|rebuttal)$/;

/** Who acts for a person ("his lawyer", "her office"): never the person. */
export const AGENT_HEADS =
  /^(?:office|lawyer|lawyers|spokesperson|spokesman|spokeswoman|campaign|team|staff|aide|aides|attorney|attorneys|agent|representative)$/;
/** Offices one person holds ("the judge", "the minister"): a title no one in the story carries names someone unnamed. */
export const OFFICE_HEADS =
  /^(?:judge|justice|minister|premier|president|mayor|senator|governor|prosecutor|commissioner|sheriff|ambassador|chancellor|secretary|coroner)$/;

/** Documents and outlets that "say" things on someone's behalf. */
export const DOCUMENT_HEADS = new RegExp(
  `^(?:${documentWords('heads')}|office|lawyer|lawyers|spokesperson|spokesman|spokeswoman|account|campaign|${WORK_NOUN})$`,
);

export const DOCUMENT_SOURCE = new RegExp(
  String.raw`^(?:(?:[Aa]n?|[Tt]he)\s+(?:[\p{L}-]+\s+){0,2}(?:${documentWords('source')})s?\s+(?:(?!${NOT_AUTHOR}\b)[\p{L}-]+\s+){0,3}?(?:by|from)\s+((?:the\s+)?\p{Lu}[\p{L}'’.&-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’.&-]*){0,6}(?:\s+\d+(?=\s|$))?)|((?:[Tt]he\s+)?\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,4})\s+(?:statement|release|report|news release|press release))\b`,
  'u',
);

/** Heads that mean a business, and name words that mean a public or non-business body. */
export const PUBLIC_BODY = orgWords('public');

/**
 * Does a phrase name a speaker at all: a proper name, or a head word for people, a group or a
 * body ("people arrested last week", "a person familiar with the talks", "some in the community")?
 */
export function namesSomeone(phrase: string): boolean {
  const words = phrase.split(/\s+/);
  // "the Crown", "the diocese": a definite phrase names a body.
  if (words.every((w) => /^\p{Lu}/u.test(w)) || /^(?:the|all|those|everyone|everybody|both)$/i.test(words[0] ?? '')) return true;
  const head = headOf(phrase, AFTER_HEAD).replace(/['’]s?$/, '');
  return (
    isNominalHead(head) ||
    isOccupation(head) ||
    DOCUMENT_HEADS.test(head) ||
    /[^s]s$/.test(head) ||
    /^(?:some|many|most|several|few|all|both|others?|one|anyone|someone|everyone|nobody|majority|minority|number|handful|half|dozens|hundreds|thousands|rest)$/.test(
      head,
    )
  );
}

/**
 * The fullest earlier description with the same head and no name after it: "a person familiar
 * with the negotiations" for "the person", "the Nova Scotia judge" for "the judge".
 */
export function fullerDescription(ctx: ResolveContext, head: string, bare = false): string | null {
  const paragraphs = ctx.index.paragraphs;
  if (!paragraphs) return null;
  // ("administration officials unauthorized to speak publicly": a modifier and one qualifier.)
  const re = bare
    ? new RegExp(
        String.raw`(?:\b(?!(?:and|or|but|to|the|a|an|of|by|from|with|for|in|on|at|as|said|says|told|according)\s)\p{Ll}[\p{L}-]*\s+)?\b${head}${ANONYMOUS_QUALIFIER}`,
        'gu',
      )
    : new RegExp(
        String.raw`\b(?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?:[\p{L}-]+\s+){0,4}?${head}\b(?!\s+\p{Lu})(?:\s+(?:familiar|close)\s+(?:with|to)\s+the\s+[\p{L}-]+)?`,
        'gu',
      );
  let best: string | null = null;
  for (let p = Math.max(0, ctx.at.paragraph - 12); p <= ctx.at.paragraph; p++) {
    const text = blankQuotes(p === ctx.at.paragraph ? paragraphs[p]!.slice(0, ctx.at.offset) : paragraphs[p]!);
    for (const m of text.matchAll(re)) if (m[0].split(/\s+/).length > 2) best = m[0].replace(/^The\b/, 'the');
  }
  return best;
}

/**
 * "city staff" after "Surrey staff", "provincial officials" after "Alberta officials": the one
 * group of that kind the story names. Null when it names none, or several ("Surrey staff" and
 * "Delta staff").
 */
export function namedBodyGroup(ctx: ResolveContext, phrase: string): string | null {
  const generic =
    /^(?:city|town|municipal|county|provincial|state|federal|government|school|district|company|hospital|university)\s+(staff|officials|employees|workers)$/i.exec(
      phrase,
    );
  const paragraphs = ctx.index.paragraphs;
  if (!generic || !paragraphs) return null;
  const re = new RegExp(String.raw`(?<![\p{L}'’.-])\p{Lu}[\p{L}'’.-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’.-]*){0,3}\s+${generic[1]}\b`, 'gu');
  const found = new Set<string>();
  // ("City of Surrey staff" names the city; "City staff", "Senior staff" do not.)
  const names = (m: string) =>
    m
      .split(/\s+/)
      .slice(0, -1)
      .some(
        (w) => /^\p{Lu}/u.test(w) && !/^(?:The|A|An|City|Town|County|Some|Many|Most|All|Other|Senior|Provincial|Federal|Government|State|Municipal)$/.test(w),
      );
  for (const text of paragraphs) for (const m of blankQuotes(text).matchAll(re)) if (names(m[0]) && !/['’]s\s/.test(m[0])) found.add(m[0]);
  // "Surrey staff" again after "City of Surrey staff" is the same group.
  const distinct = [...found].filter((f) => ![...found].some((g) => g !== f && g.endsWith(` ${f}`)));
  // "city staff" is the "City of Surrey staff", not the "TransLink staff" of the same story.
  const kind = distinct.filter((f) => f.toLowerCase().split(/\s+/).includes(generic[0]!.split(/\s+/)[0]!.toLowerCase()));
  const one = kind.length === 1 ? kind[0]! : distinct.length === 1 ? distinct[0]! : null;
  // The story's shorter form of the same group reads better: "Surrey staff".
  return one === null ? null : ([...found].filter((f) => one.endsWith(` ${f}`)).sort((a, b) => a.length - b.length)[0] ?? one);
}

/** The head noun of a phrase: its last word before an attachment ("founder" of "the founder of X Press"). */
export function headOf(phrase: string, attachment = /\s+(?:of|at|for|with|from|in|on)\s+/): string {
  const words = phrase.toLowerCase().split(attachment)[0]!.split(/\s+/);
  return words[words.length - 1] ?? '';
}

/**
 * Definite descriptions: "her statement" is hers; "the affable proprietor" and "the rookie
 * defenceman" point back to the person the story was just talking about.
 */
export function resolveDescription(ctx: ResolveContext, phrase: string, trace?: Trace): Person | null {
  const owner = /^(his|her)\s+(?:[\p{L}-]+\s+){0,2}([\p{L}-]+)$/iu.exec(phrase);
  // "her statement" is hers; "her office", "his lawyer" speak for someone else.
  if (owner?.[1] && owner[2] && DOCUMENT_HEADS.test(owner[2].toLowerCase()) && !AGENT_HEADS.test(owner[2].toLowerCase())) {
    if (trace) trace.by = 'description-own-document';
    return resolvePronoun(ctx.index, POSSESSIVE_SUBJECT.get(owner[1].toLowerCase())!, ctx.at, ctx.recent);
  }
  // "the Kentucky Republican said" (the story named Mitch McConnell just before): a party member
  // is a description of someone, never a label to state.
  if (MEMBER_NOUN.test(phrase) && !/s$/.test(phrase)) {
    if (trace) trace.by = 'description-party-member';
    return namedJustBefore(ctx.index, ctx.at);
  }
  if (!/^the\s/i.test(phrase)) return null;
  const head = headOf(phrase);
  // ("the bow-tied maverick": a short description names someone whatever its head; "the Crown" and
  // "The Forecaddie" are names.)
  const headWord =
    phrase
      .split(/\s+(?:of|at|for|with|from|in|on)\s+/)[0]!
      .split(/\s+/)
      .at(-1) ?? '';
  if (
    ORG_HEADS.test(head) ||
    DOCUMENT_HEADS.test(head) ||
    /s$/.test(head) ||
    (!isNominalHead(head) && (phrase.split(/\s+/).length > 4 || !/^\p{Ll}/u.test(headWord)))
  )
    return null;
  // "the person who spoke on condition of anonymity", "the judge" in a story that names no judge:
  // a role or an anonymous source is not whoever was named last.
  if (ANONYMOUS_HEADS.test(head) || OFFICE_HEADS.test(head)) return null;
  if (trace) trace.by = 'description-latest';
  return latestMentioned(ctx.index, ctx.at);
}

/**
 * The person the story was last talking about before `at` (this paragraph or the one before): of
 * the people in the latest sentence that names anyone, the first ("I'm talking about Alfonso
 * Espinos, who like Montalban was born in Mexico" is about Espinos).
 */
function latestMentioned(index: PeopleIndex, at: Position): Person | null {
  const seen: Array<{ person: Person; pos: Position }> = [];
  // A name inside a quotation ("… while President Obama has stood idly by,” the Florida senator
  // said) or a photo credit (an aside, as markSubjects marks it) is not who the story was talking about.
  for (const person of index.people) {
    for (const occ of person.occurrences) if (before(occ, at) && at.paragraph - occ.paragraph <= 1 && !occ.aside) seen.push({ person, pos: occ });
  }
  seen.sort((a, b) => a.pos.paragraph - b.pos.paragraph || a.pos.offset - b.pos.offset);
  const last = seen.at(-1);
  if (!last) return null;
  const text = index.paragraphs?.[last.pos.paragraph] ?? '';
  const sameSentence = seen.filter((o) => o.pos.paragraph === last.pos.paragraph && !/[.!?]["”]?\s/.test(text.slice(o.pos.offset, last.pos.offset)));
  return sameSentence[0]!.person;
}

/**
 * The person the sentence just before `at`'s sentence names first, when that name is theirs alone:
 * "Schuh is aware that he’s entering uncharted waters. “…,” the lanky, bespectacled professor
 * said." A story that has two Joneses gives no one for "Jones recorded his first goal".
 */
export function namedJustBefore(index: PeopleIndex, at: Position): Person | null {
  const paragraphs = index.paragraphs ?? [];
  const text = paragraphs[at.paragraph] ?? '';
  const sentences = splitSentences(text);
  const i = sentences.findIndex((s) => s.start <= at.offset && at.offset < s.end);
  let where: { paragraph: number; start: number; end: number } | null = null;
  if (i > 0) where = { paragraph: at.paragraph, ...sentences[i - 1]! };
  else if (i === 0 && at.paragraph > 0) {
    const last = splitSentences(paragraphs[at.paragraph - 1] ?? '').at(-1);
    if (last) where = { paragraph: at.paragraph - 1, ...last };
  }
  if (!where) return null;
  const named = index.people
    .flatMap((person) =>
      person.occurrences
        .filter((o) => o.paragraph === where.paragraph && o.offset >= where.start && o.offset < where.end)
        .map((o) => ({ person, offset: o.offset })),
    )
    .sort((a, b) => a.offset - b.offset);
  const first = named[0];
  if (!first) return null;
  const words = splitName(NAME_RUN_AT.exec(paragraphs[where.paragraph]!.slice(first.offset))?.[0] ?? '').name.map((w) => w.toLowerCase());
  const owners = index.people.filter((p) => words.length > 0 && words.every((w) => p.tokens.some((t) => t.toLowerCase() === w)));
  return owners.length === 1 && owners[0] === first.person ? first.person : null;
}
