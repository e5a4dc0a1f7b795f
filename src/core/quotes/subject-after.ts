/** The subject after a reporting verb, in inverted order: "said Smith", "said the minister", "according to police". */
import { NOT_NAME_START, PRONOUNS, RELATIVE_PARTICIPLE, TITLE_WORDS } from '../lexicon.ts';
import { DETERMINERS, isNameToken, isNominalHead, type Mention, NOT_APPOSITIVE_START, PREPOSITIONS, REPORTING_STOP, textOf } from './mentions.ts';
import { anonymousQualifier, cleanRole } from './roles.ts';
import { coordinated } from './coordinated.ts';
import { lowerAt, textAt, type Token } from '../read/tokens.ts';

/** The words after the verb at token `v`, up to `ceiling` (the next quotation). */
interface After {
  readonly source: string;
  readonly tokens: readonly Token[];
  readonly v: number;
  readonly ceiling: number;
  readonly first: Token;
}

/** Where a subject phrase ends (token index), or the subject itself, or null (no subject here). */
type Reach = { readonly to: number } | Mention | null;

/**
 * "said lead author Dr. Allan Garland", "insists 16-year-old Xander Wise": lower-case role words or
 * an age before a name. Returns the name's first token, or the token after the verb.
 */
function afterRoleWords({ tokens, v, ceiling }: After): number {
  let lead = v + 1;
  for (; lead < ceiling && lead - v <= 3; lead++) {
    const t = tokens[lead];
    if (!t || !/^(?:\p{Ll}[\p{L}-]*|\d+-year-old)$/u.test(t.text)) break;
    if (DETERMINERS.has(t.lower) || REPORTING_STOP.test(t.lower) || PREPOSITIONS.has(t.lower) || NOT_APPOSITIVE_START.test(t.lower)) break;
  }
  return lead > v + 1 && lead < ceiling && isNameToken(tokens[lead]) && !NOT_NAME_START.has(lowerAt(tokens, lead)) ? lead : v + 1;
}

/** A lower-case word that may modify the head after it: "publishing" in "a publishing executive". */
function isModifier(t: Token | undefined): boolean {
  return t !== undefined && /^\p{Ll}[\p{L}-]*$/u.test(t.text) && !DETERMINERS.has(t.lower) && !PREPOSITIONS.has(t.lower) && !REPORTING_STOP.test(t.lower);
}

/** Record words: "according to court documents" is a record, not people. */
const RECORDS = /^(?:documents|records|reports|filings|papers|figures|statistics|numbers|studies|surveys|polls|memos|letters|statements)$/;

/**
 * "according to police, …", "said officials familiar with the plan", "according to administration
 * officials unauthorized to speak publicly", "according to a person familiar with the talks but
 * unauthorized to speak publicly": a group or an unnamed source, with what keeps it unnamed.
 */
function unnamedAfter({ source, tokens, v, ceiling, first }: After): Mention | null {
  const groupHead = (t: Token | undefined) => t !== undefined && /^\p{Ll}/u.test(t.text) && isNominalHead(t.lower) && /s$|^police$|^staff$/.test(t.lower);
  const second = tokens[v + 2];
  const modified =
    /^\p{Ll}[\p{L}-]*$/u.test(first.text) &&
    !DETERMINERS.has(first.lower) &&
    !PREPOSITIONS.has(first.lower) &&
    v + 2 < ceiling &&
    groupHead(second) &&
    !RECORDS.test(second?.lower ?? '');
  const head = modified ? second : groupHead(first) ? first : undefined;
  if (head) {
    const end = head.end + anonymousQualifier(source.slice(head.end));
    return { parts: [source.slice(first.start, end)], start: first.start, end, role: null };
  }
  if (!DETERMINERS.has(first.lower)) return null;
  // "a person familiar with the talks", "a publishing executive familiar with the talks": up to two
  // lower-case modifiers before the head.
  let h = v + 2;
  while (h < Math.min(ceiling, v + 4) && isModifier(tokens[h]) && !isNominalHead(lowerAt(tokens, h))) h++;
  const nominal = tokens[h];
  if (h >= ceiling || !nominal || !/^\p{Ll}/u.test(nominal.text) || !isNominalHead(nominal.lower)) return null;
  const qualifier = anonymousQualifier(source.slice(nominal.end));
  if (qualifier === 0) return null;
  const end = nominal.end + qualifier;
  return { parts: [source.slice(first.start, end)], start: first.start, end, role: null };
}

/**
 * A name run from `to` ("said Rockets general manager Bruce Hamilton": role words may sit inside
 * the run; "said Heart and Stroke senior manager Erin Kim": an organisation's "and" inside a role).
 */
function nameRunAfter(after: After, from: number): Reach {
  const { source, tokens, v, ceiling, first } = after;
  const orgJoin = (k: number) =>
    /^(?:and|&|of)$/.test(lowerAt(tokens, k)) &&
    isNameToken(tokens[k + 1]) &&
    tokens.slice(k + 2, Math.min(ceiling, k + 6)).some((t) => /^\p{Ll}/u.test(t.text) && TITLE_WORDS.has(t.lower));
  const runsOn = (k: number, to: number) =>
    isNameToken(tokens[k]) ||
    orgJoin(k) ||
    ((TITLE_WORDS.has(lowerAt(tokens, k)) || isNominalHead(lowerAt(tokens, k))) && to - v < 6) ||
    /^(?:general|head|assistant|executive|managing|deputy|senior|chief|manager|coach)$/.test(lowerAt(tokens, k));
  let to = from;
  while (to + 1 < ceiling && to - v < 10 && runsOn(to + 1, to)) to++;
  while (to > v + 1 && !isNameToken(tokens[to])) to--;
  if (!isNameToken(tokens[to])) return null;
  // "says Campbell’s partner, Jason Louth", "says Wise’s dad, Darrin": the owner is not the speaker.
  if (!/['’]s$/.test(textAt(tokens, to)) || !/^\p{Ll}/u.test(textAt(tokens, to + 1))) return { to };
  let j = to + 1;
  while (
    j + 1 < ceiling &&
    j - to < 3 &&
    /^\p{Ll}[\p{L}-]*$/u.test(textAt(tokens, j + 1)) &&
    !REPORTING_STOP.test(lowerAt(tokens, j + 1)) &&
    !PREPOSITIONS.has(lowerAt(tokens, j + 1))
  )
    j++;
  const owned = textOf(source, tokens, v + 1, j);
  const named = tokens[j + 2];
  if (textAt(tokens, j + 1) === ',' && named && isNameToken(named) && !NOT_NAME_START.has(named.lower)) {
    let end = j + 2;
    while (end + 1 < ceiling && isNameToken(tokens[end + 1])) end++;
    return { parts: [textOf(source, tokens, j + 2, end)], start: named.start, end: tokens[end]?.end ?? named.end, role: cleanRole(owned) };
  }
  if (!isNominalHead(lowerAt(tokens, j))) return null;
  return { parts: [owned], start: first.start, end: tokens[j]?.end ?? first.end, role: null };
}

/**
 * "said the minister", "said the founder of the press": a determiner-led phrase. It ends at a verb:
 * "alleged the Prime Minister's Office leaned on …" is a clause, not an inverted subject.
 */
function determinerPhraseAfter(after: After, from: number): Reach {
  const { source, tokens, v, ceiling } = after;
  let to = from;
  for (; to + 1 < ceiling && to - v < 10; to++) {
    const next = tokens[to + 1];
    if (!next || !/^[\p{L}\p{N}'’-]+$/u.test(next.text) || REPORTING_STOP.test(next.lower)) break;
    if (/^\p{Ll}+ed$/u.test(next.text) && !RELATIVE_PARTICIPLE.test(next.text)) break;
  }
  // "the National Institute on Drug Abuse" is a name; "the ministry" a nominal head; "the founder
  // of the press" a head with an attachment.
  const attached = (k: number) => k > v + 1 && /^(?:of|at|for|with|from|on|in|inside|near)$/.test(lowerAt(tokens, k)) && isNominalHead(lowerAt(tokens, k - 1));
  // "says the bow-tied maverick, noting …": a short description that ends the clause names someone
  // whatever its head.
  const closes = (to + 1 >= ceiling || /^[,.;:!?]$/.test(textAt(tokens, to + 1))) && to - v <= 4 && /^\p{Ll}[\p{L}-]*$/u.test(textAt(tokens, to));
  if (!isNominalHead(lowerAt(tokens, to)) && !isNameToken(tokens[to]) && !closes && !tokens.slice(v + 2, to).some((_, j) => attached(v + 2 + j))) return null;
  // "said the company founder Jane Smith": a role phrase, then the person's name.
  if (!isNameToken(tokens[to]) || !isNameToken(tokens[to - 1])) return { to };
  let from2 = to - 1;
  while (from2 - 1 > v + 1 && isNameToken(tokens[from2 - 1]) && !NOT_NAME_START.has(lowerAt(tokens, from2 - 1))) from2--;
  const roleHead = tokens[from2 - 1];
  const start = tokens[from2];
  const end = tokens[to];
  if (
    !roleHead ||
    !start ||
    !end ||
    from2 - 1 <= v + 1 ||
    !/^\p{Ll}/u.test(roleHead.text) ||
    !(isNominalHead(roleHead.lower) || TITLE_WORDS.has(roleHead.lower))
  )
    return { to };
  return { parts: [textOf(source, tokens, from2, to)], start: start.start, end: end.end, role: cleanRole(textOf(source, tokens, v + 1, from2 - 1)) };
}

/** "said John Smith, a spokesman for X": the appositive after the name is the role. */
function roleAfter({ source, tokens, ceiling }: After, to: number): string | null {
  if (textAt(tokens, to + 1) !== ',' || to + 2 >= ceiling) return null;
  let end = to + 2;
  while (end + 1 < ceiling && !/^[,;:()]$/.test(textAt(tokens, end + 1))) end++;
  const appositive = textOf(source, tokens, to + 2, end);
  return /^(?:a|an|the|his|her|their|its)\b/i.test(appositive) || /^\p{Ll}/u.test(appositive) ? cleanRole(appositive) : null;
}

/** Inverted order after the verb: "said Smith", "said the minister", "said John Smith, a spokesman for X". */
export function findSubjectAfter(source: string, tokens: readonly Token[], v: number, ceiling: number): Mention | null {
  const first = tokens[v + 1];
  if (!first || v + 1 >= ceiling) return null;
  if (PRONOUNS.has(first.lower)) return { parts: [first.text], start: first.start, end: first.end, role: null };
  const after: After = { source, tokens, v, ceiling, first };
  const lead = afterRoleWords(after);
  const unnamed = unnamedAfter(after);
  if (unnamed) return unnamed;
  const reach =
    isNameToken(tokens[lead]) || TITLE_WORDS.has(lowerAt(tokens, lead))
      ? nameRunAfter(after, lead)
      : DETERMINERS.has(first.lower)
        ? determinerPhraseAfter(after, lead)
        : null;
  if (reach === null || !('to' in reach)) return reach;
  const last = tokens[reach.to];
  if (!last) return null;
  const joined = joinedAfter(after, reach.to);
  if (joined) return joined;
  return { parts: [textOf(source, tokens, v + 1, reach.to)], start: first.start, end: last.end, role: roleAfter(after, reach.to) };
}

/**
 * "according to the Department of Health and Human Services", "said Ann Lee and Bo Chan": a
 * capitalised conjunct after "and" that ends the clause is part of one name or a second speaker,
 * as `coordinated` reads subjects before the verb. ("according to Clinton and Sanders aides" goes
 * on after the conjunct, "the chairs from Jefferson and Arapahoe" joins places: left alone.)
 */
function joinedAfter(after: After, to: number): Mention | null {
  const { source, tokens, v, ceiling, first } = after;
  if (!/^(?:and|&)$/.test(lowerAt(tokens, to + 1))) return null;
  // The first conjunct is the whole subject so far: "the Democratic chairs from Jefferson and
  // Arapahoe" joins two places, not two speakers.
  const named = (t: Token) => isNameToken(t) || TITLE_WORDS.has(t.lower) || /^(?:the|of|for|on)$/.test(t.lower);
  if (!tokens.slice(afterRoleWords(after), to + 1).every(named)) return null;
  let end = to + 2 + (lowerAt(tokens, to + 2) === 'the' ? 1 : 0);
  if (end >= ceiling || !isNameToken(tokens[end])) return null;
  while (end + 1 < ceiling && isNameToken(tokens[end + 1])) end++;
  if (end + 1 < ceiling && !/^[,.;:!?)—–]$/.test(textAt(tokens, end + 1))) return null;
  const both = coordinated({ source, tokens, floor: v + 1 }, { from: to + 2, to: end });
  const last = tokens[end];
  if (!both || !last) return null;
  return { parts: both.parts, start: first.start, end: last.end, role: null };
}
