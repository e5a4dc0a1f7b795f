/** Which speakers the answering layer may state: reliable attributions only. */
import { AFTER_HEAD, ANONYMOUS_HEADS, documentWords, GENERIC_BODY_HEAD, MEMBER_NOUN, WORK_NOUN } from './lexicon.ts';
import { isNominalHead } from './quotes/mentions.ts';
import { isAgentNoun, isNonNameWord } from './nlp.ts';
import { isProperName, ORG_TYPE, TYPED_HEAD } from './speakers/orgs.ts';
import { isPolledShare } from './speakers/groups.ts';
import type { ResolverId } from './rules.ts';
import type { AttributionKind, Quotation, Speaker } from './types.ts';

/**
 * Resolvers whose speaker is never stated: an answer shows the story's own words instead. A
 * resolver is stated only where its stated speakers were right at least 98% of the time on every
 * dev set where at least 5 could be judged, and on at least one; the figures are stated right of
 * judged, ggt-dev / polnear-dev (PolNeAR judges named sources and he/she agreement only), as
 * measured when the table was last reviewed (`npm run eval -- --rules`; EVALUATION.md).
 */
export const WITHHELD_RESOLVERS: ReadonlyMap<ResolverId, string> = new Map<ResolverId, string>([
  ['org-behind-company', '“the company said” → the one company named: 6/8 and –; 50% on unseen news'],
  ['org-by-head', '“the union” → a union named by its head noun: 4/7 and –'],
  ['pronoun-group-quoted', '“it said”, “they said” → the group quoted last: 10/11 and 0/0'],
  [
    'pronoun-named-in-words',
    '“Also, Trump isn’t a conservative, he said” → the person the words themselves name: 0/0 on ggt-dev; 4 of 8 read on polnear-dev (Grayson, Nwanguma, Olivieri and Bush spoke of themselves; Gidley’s and Hunter’s words on Trump, Mook’s memo on Sanders and a misread “Allied” are about others)',
  ],
  ['pronoun-group-named', '“it said” → the body named just before: 5/5 and 1/2; fewer than 5 judged on either'],
  ['org-acronym', '“the RNC” → the body spelt out: 0/0 and 4/7'],
  ['document-source', '“the Globe report” → the Globe: 3/4 and 2/2; fewer than 5 judged on either'],
  ['unnamed-fuller', 'a group by a fuller form the story gave: 3/4 and 0/0'],
  ['pronoun-only-one', 'a pronoun → the story’s only person of that gender, however far back: 0/0 and 2/3'],
  ['own-words-owner', '“her statement” → the owner: 1/1 and 2/4; fewer than 5 judged on either'],
  ['floating-short-lead', 'a quote after a short lead → the speaker quoted just before: 2/2 and 2/4'],
  ['repeat-in-story', 'words quoted again with no one named → whoever was named for them first: 0/0 and 1/2; fewer than 5 judged on either'],
  ['floating-far', 'a quotation paragraph continuing a speaker two paragraphs back or beside words of its own: 71% on polnear-dev with the next paragraph'],
  ['floating-later', 'a floating quote → the speaker attributed later in its paragraph: 0/0 and 1/1; 5/9 on ggt-dev with its paragraphs joined in pairs'],
  // PolNeAR's gold gives these speakers as the description itself ("the narrator"), so its judge
  // cannot score them: they were read one by one (EVALUATION.md, stop 17).
  [
    'described-after-name',
    '“…,” said the affable baker → the person the sentence before names first: 6/6 on ggt-dev; 16 of 41 read on polnear-dev (“the narrator”, “a Nevada Democrat”, “the heckler” are someone else)',
  ],
  [
    'description-continues',
    'a description of the person just quoted → that person: 3/3 on ggt-dev; about 11 of 15 read on polnear-dev (“the nurse”, “the heckler”)',
  ],
  [
    'role-qualified',
    '“the Florida senator”, “a potential president”, “experts”, “his brother” → the one person the story gives that title: 2/2 on ggt-dev (“A Vancouver peewee hockey coach”, named later); about 17 of 27 read on polnear-dev. The title alone (“the minister”, role-unique, stated) was right 5/5 and 16 of 16 read',
  ],
]);

/** Is the quotation's speaker found by a resolver whose guesses are withheld? */
export function isWithheldResolver(resolvedBy: string): boolean {
  return WITHHELD_RESOLVERS.has(resolvedBy as ResolverId);
}

/** Plural nouns without an s: "people", "police". */
const PLURAL_WITHOUT_S = /^(?:people|police|children|men|women|staff)$/;

const DOCUMENT = new RegExp(`\\b(?:${documentWords('withheld')}|${WORK_NOUN})s?$`, 'i');

/**
 * Whether an answer may name the quotation's speaker. A speaker found by a guess (a description
 * like "the affable proprietor", a definite role the story never ties to a name, a lower-case
 * group) is withheld: a wrong attribution is worse than none. The story's own wording is kept.
 * An organisation the sentence names ("Facebook said"), a document's author the sentence names
 * ("a statement released by the PMO"), and the one named organisation behind "the company said"
 * or "it said" are stated (answers show the story's words beside that name).
 */
export function isCertain(q: Pick<Quotation, 'speakers' | 'attribution' | 'mention'>): boolean {
  if (q.speakers.length === 0) return false;
  // "Likewise", "Thursday", "You": a misread subject is no one to state.
  if (q.speakers.some((s) => isNonNameWord(s.name))) return false;
  if (NAMED_KINDS.has(q.attribution)) return true;
  switch (q.attribution) {
    case 'org':
      // "Facebook said", "PBO said" (spelt out elsewhere in the story): the sentence names the
      // organisation. "The company", "the union" matched to a name by their head noun stay guesses,
      // and so do several bodies at once ("the Financial Times and CNBC reported"), but not one
      // body with "and" in its name ("the Securities and Exchange Commission").
      // "The Transportation Safety Board said" names itself. "The diocese", "the city" matched by
      // their head to the one body the story names with it ("Roman Catholic Diocese of
      // Covington") are stated like "the company" (answers show the story's words).
      // A possessive ("the Ruler's Seal") is part of a title, not an organisation's name.
      if (
        q.speakers.length !== 1 ||
        /['’]s\b/.test(q.mention) ||
        (/\sand\s/.test(q.mention) && !ORG_TYPE.test(q.mention.split(/\s+/).at(-1)!) && !TYPED_HEAD.test(q.mention))
      )
        return false;
      return (
        isProperName(q.mention) ||
        (/^the\s+(?:[\p{L}-]+\s+){0,2}[\p{Ll}-]+$/iu.test(q.mention) && isProperName(q.speakers[0]!.name) && !/\sand\s/.test(q.speakers[0]!.name))
      );
    case 'organisation': {
      // "The company said", "it said", "the white paper said": one organisation the story names
      // ("Facebook", "Canadian Pacific Railway", "Procter & Gamble") stands behind the words. A
      // lower-case group ("senators") or several names stay guesses.
      if (q.speakers.length !== 1) return false;
      const name = q.speakers[0]!.name;
      if (isProperName(name) && !/\sand\s/.test(name.replace(/^.*\b(?:of|for)\b/, ''))) return true;
      // "Republican senators … they say", "the ministry … It urged": a pronoun for speakers the
      // story just gave in words it would state ("Tore Sohlberg and Lehla Abreder … they said").
      return (
        /^(?:it|they)$/i.test(q.mention) &&
        !DOCUMENT.test(name) &&
        name.split(/\s+and\s+/).every((n) => isProperName(n) || isUnnamedGroup(n) || isSingleLabel(n))
      );
    }
    case 'unnamed':
      // "a person familiar with the talks", "officials", "his supporters": the story itself leaves
      // them unnamed. "the ministry", "her office", "the judge" that no one in the story is tied
      // to: one body or office in the story's own words, which pin the words on no one else.
      // A capitalised label we could not tie to anyone ("EHS", "Democrat") may be a misreading.
      // A document ("a study", "a report") speaks for someone the story names elsewhere.
      // At the start of a sentence the same words are capitalised ("Some experts say", "A person
      // familiar with …", "Nutrition experts say"): case doesn't matter, the head does.
      // "Few would argue …", "No one said …": a negative quantifier says nobody said it.
      return (
        q.mention !== '' &&
        !/^(?:few|none|no one|nobody|neither)$/i.test(q.mention.trim()) &&
        isWholePhrase(q.mention) &&
        q.speakers.every((s) => isWholePhrase(s.name) && (isUnnamedGroup(s.name) || isSingleLabel(s.name) || isPolledShare(s.name)) && !DOCUMENT.test(s.name))
      );
    default:
      return false;
  }
}

/** A word a noun phrase neither starts nor ends with: what a misread subject leaves at its edges. */
const EDGE_WORD =
  /^(?:to|while|who|which|that|of|for|and|or|but|from|with|at|in|on|by|amid|after|before|during|despite|since|until|among|about|over|under|through|into|as|than)$/i;

/**
 * Is the speaker phrase one whole noun phrase? "Amid responses from some to", "two weeks,
 * prosecutors", "Clinton’s campaign for president while" are pieces of a sentence misread as a
 * subject: no clause break, no preposition or conjunction at either edge.
 */
function isWholePhrase(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  return (
    !/[,;:]/.test(phrase) &&
    !EDGE_WORD.test(words[0] ?? '') &&
    !EDGE_WORD.test(words.at(-1) ?? '') &&
    !/\s(?:while|although|because|when|if|whether)\s/i.test(phrase)
  );
}

/**
 * "a person familiar with the talks", "Some experts", "officials", "People arrested last week",
 * "his supporters", "the school’s defenders": someone the story leaves unnamed on purpose, in its
 * own words. Not a definite "the players" or "the officials" (gold and readers expect them
 * resolved), nor a capitalised label like "Democrat".
 */
function isUnnamedGroup(name: string): boolean {
  const lower = name.toLowerCase();
  // "a friend", "one jolly viewer", "some voters"; not "a pitch to New York voters", whose head
  // ("pitch") is no word for a person or body.
  if (/^(?:a|an|one|another)\s/.test(lower)) {
    // "one of his aides", "a majority of voters": a share of a group.
    if (
      /^one\s+of\s/.test(lower) ||
      /^(?:a|an|one|another)\s+(?:(?:large|strong|small|slim|clear|growing)\s+)?(?:one|majority|minority|handful|number|third|quarter|half|couple|group|few|member|in\s+\w+)\s+of\s/.test(
        lower,
      )
    )
      return true;
    const head =
      (lower.split(AFTER_HEAD)[0] ?? '')
        .split(/\s+to\s+/)[0]
        ?.split(/\s+/)
        .pop() ?? '';
    return isNominalHead(head) || (/(?:er|or|ist|ant|ent)$/.test(head) && isAgentNoun(head));
  }
  if (/^(?:some|two|three|several|many|other|all|those|most|few)\b/.test(lower)) return true;
  if (/^(?:his|her|their|its)\s+[\p{Ll}-]+[^s\W]s\b/u.test(lower)) return true;
  // "the school’s defenders", "the union's members": a group known by whose side it is on.
  if (/^the\s+[\p{Ll}-]+['’]s?\s+[\p{Ll}-]+[^s\W]s$/u.test(lower)) return true;
  // "The Conservatives", "the New Democrats": a party, by the name the story gives it.
  if (/^the\s/.test(lower) && /s$/.test(name) && MEMBER_NOUN.test(name.replace(/s$/, ''))) return true;
  if (/^(?:the|his|her|their|its|this|that|these|was|is)\b/.test(lower)) return false;
  // The head is a plural common noun ("experts", "organizations"), never a capitalised name.
  const headWord = (name.split(AFTER_HEAD)[0] ?? '').split(/\s+/).pop() ?? '';
  const head = headWord.toLowerCase();
  const plural = /[^s]s$/.test(head) || PLURAL_WITHOUT_S.test(head);
  // A sentence's first word is capitalised anyway ("People arrested last week").
  const common = /^\p{Ll}/u.test(headWord) || name.split(/\s+/).length === 1 || (headWord === name.split(/\s+/)[0] && isNominalHead(head));
  return plural && common;
}

/**
 * "the ministry", "the Crown", "Trudeau's office", "the Nova Scotia judge": one body or office
 * the story gives only by what it is (the speaker is the story's words, not a name we guessed).
 */
function isSingleLabel(name: string): boolean {
  const words = name.split(AFTER_HEAD)[0]!.split(/\s+/);
  if (words.length < 2) return false;
  const head = words.at(-1)!;
  // Not a group ("the players"), a document ("the memo"), a party member ("The Democrat" is
  // someone the story names, if we could tell who), nor a kind that tells no one apart ("the
  // company", "the person": an unidentified speaker, whatever the words).
  const kind = head.toLowerCase();
  if (
    /[^s]s$/.test(kind) ||
    PLURAL_WITHOUT_S.test(kind) ||
    DOCUMENT.test(kind) ||
    MEMBER_NOUN.test(head) ||
    GENERIC_BODY_HEAD.test(kind) ||
    ANONYMOUS_HEADS.test(kind)
  )
    return false;
  // A lower-case head must be a word for a person, body or office ("the bow-tied maverick" is a
  // description of someone the story names, not a label to state).
  if (/^\p{Ll}/u.test(head) && !isNominalHead(kind)) return false;
  return /^(?:the|my|his|her|their|its|our)$/i.test(words[0]!) || /['’]s?$/.test(words[0]!);
}

/** Ways of finding a speaker that tie the words to someone named: always stated. */
const NAMED_KINDS: ReadonlySet<AttributionKind> = new Set(['name', 'document', 'pronoun', 'role', 'described', 'intro', 'floating']);

/**
 * How surely an answer can name the speaker, for ranking equal matches: 2 when the story ties the
 * words to someone named, 1 when another rule states the speaker, 0 for a withheld guess.
 */
export function statedRank(q: Quotation): 0 | 1 | 2 {
  if (!isCertain(q)) return 0;
  return NAMED_KINDS.has(q.attribution) ? 2 : 1;
}

/** The speakers users are told: the quotation's speakers when certain, otherwise none. */
export function shownSpeakers(q: Quotation): readonly Speaker[] {
  return isCertain(q) ? q.speakers : [];
}

/**
 * The story's own words to show beside (or instead of) the speaker: for a withheld guess, for a
 * description tied to the person named just before, and for an organisation found from "the
 * company" or "the white paper". None when the name is the story's.
 */
export function storyWords(q: Quotation): string | undefined {
  if (q.mention === '') return undefined;
  if (!isCertain(q)) return q.mention;
  // "the lanky, bespectacled professor" tied to Guenther Schuh by the sentence before: the reader
  // sees the words the link rests on.
  if (q.attribution === 'described') return q.mention;
  if (q.attribution !== 'organisation' && q.attribution !== 'org') return undefined;
  // "Facebook" said as "Facebook" needs no gloss; "the company" and "The diocese" do.
  const name = q.speakers[0]?.name.toLowerCase() ?? '';
  return /^(?:it|they)$/i.test(q.mention) || name === q.mention.toLowerCase().replace(/^the\s+/, '') ? undefined : q.mention;
}
