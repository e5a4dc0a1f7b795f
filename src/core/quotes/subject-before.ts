/**
 * The subject before a reporting verb: "Umerov said", "His security chief, Rustem Umerov, said",
 * "Hill, a doctor, said", "X and Y said". The walk goes back from the verb over what may stand
 * between a subject and its verb (BETWEEN_SUBJECT_AND_VERB, an ordered table), then reads the noun
 * phrase (or appositive chain) that ends there.
 */
import { NOT_NAME_START, POSSESSIVE_SUBJECT, PRONOUNS, RELATIVE_PARTICIPLE } from '../lexicon.ts';
import {
  appositiveOwner,
  cityBeforeRegion,
  DETERMINERS,
  isNameToken,
  isNominalHeadPhrase,
  type Mention,
  NOT_APPOSITIVE_START,
  nounPhraseEndingAt,
  personBeforeAttachment,
  type Phrase,
  phraseEndingAt,
  PREPOSITIONS,
  SKIP_BEFORE_VERB,
  textOf,
} from './mentions.ts';
import { hasFiniteVerb } from '../nlp.ts';
import { cleanRole } from './roles.ts';
import { coordinated } from './coordinated.ts';
import { skipAside } from './asides.ts';
import { placeObject, qualifiedSubject } from './qualified.ts';
import { lowerAt, textAt, type Token } from '../read/tokens.ts';

/** The walk back from the verb at token `v`, never past `floor`. */
interface Walk {
  readonly source: string;
  readonly tokens: readonly Token[];
  readonly v: number;
  readonly floor: number;
  /** "has been saying": the auxiliaries of a progressive belong to the verb. */
  readonly progressive: boolean;
}

/** A step back: to token `to` (and on, unless `stop`), or the subject found outright. */
type Step = { readonly to: number; readonly stop?: boolean } | { readonly mention: Mention } | undefined;

/** The subject phrase found, with the role an appositive gives it and where the whole subject starts (-1: at the phrase). */
interface Subject {
  readonly phrase: Phrase;
  readonly role: string | null;
  readonly subjectFrom: number;
}

/** Only lower-case words are skipped: "Ms. May said" keeps its May. */
function skipAdverbs({ tokens, floor, progressive }: Walk, i: number): number {
  while (i >= floor && (SKIP_BEFORE_VERB.has(textAt(tokens, i)) || (progressive && /^(?:is|are|was|were|been|be)$/.test(textAt(tokens, i))))) i--;
  return i;
}

/** "have for years been saying": a span of time is no one. */
function timeSpan({ tokens, floor }: Walk, i: number): Step {
  return i - 1 > floor && /^(?:years|months|weeks|decades|days)$/.test(textAt(tokens, i)) && textAt(tokens, i - 1) === 'for' ? { to: i - 2 } : undefined;
}

/** "Dianne Feinstein last week said", "Clinton earlier this month said": a time, not a name. */
function timePhrase({ tokens, floor, v }: Walk, i: number): Step {
  // ("… in Cleveland last week - saying …": a participle's subject is the clause's, not the place.)
  if (i !== v - 1 || /ing$/.test(lowerAt(tokens, v))) return undefined;
  if (i - 1 <= floor || !/^(?:week|weekend|month|year|night|morning|afternoon|evening|summer|spring|fall|autumn|winter)$/.test(lowerAt(tokens, i)))
    return undefined;
  if (!/^(?:last|this|that|late|early)$/.test(lowerAt(tokens, i - 1))) return undefined;
  return { to: i - 2 >= floor && /^(?:earlier|later)$/.test(lowerAt(tokens, i - 2)) ? i - 3 : i - 2 };
}

/** "Sen. Ted Cruz (R-Texas) said": a short parenthetical after the name. */
function parenthetical({ tokens, floor }: Walk, i: number): Step {
  if (i <= floor || textAt(tokens, i) !== ')') return undefined;
  let open = i - 1;
  while (open > floor && i - open <= 6 && textAt(tokens, open) !== '(') open--;
  return textAt(tokens, open) === '(' && i - open <= 6 ? { to: open - 1 } : undefined;
}

/**
 * "That would be Heather, who finally confessed": the relative pronoun stands for the name before
 * it. "Alan Berger, a gynecologist from Englewood, New Jersey, who said": the state is part of the
 * place, and the place part of the description of the person named before it.
 */
function whoAfterComma({ source, tokens, floor }: Walk, i: number): Step {
  if (i - 2 < floor || lowerAt(tokens, i) !== 'who' || textAt(tokens, i - 1) !== ',') return undefined;
  let to = i - 2;
  const city = cityBeforeRegion(tokens, to, floor);
  if (city >= 0) to = city;
  const owner = appositiveOwner(source, tokens, to, floor);
  return owner ? { mention: owner } : { to, stop: true };
}

/**
 * "Amanda Nunes, the ferocious brawler who calls herself …": the named person the description
 * before "who" is in apposition to. (Only when the quote follows the verb: "an expert who writes
 * extensively about the Kremlin, noted that …" is the main verb's.)
 */
function descriptionWho({ source, tokens, v, floor }: Walk, i: number): Step {
  const verbEnd = tokens[v]?.end ?? 0;
  if (i - 4 < floor || lowerAt(tokens, i) !== 'who' || !/^[^,.;“”"]{0,40}?["“]/.test(source.slice(verbEnd, verbEnd + 60))) return undefined;
  const described = phraseEndingAt(tokens, i - 1, floor);
  if (!described || !DETERMINERS.has(lowerAt(tokens, described.from))) return undefined;
  const comma = described.from - 1;
  if (textAt(tokens, comma) !== ',' || !isNameToken(tokens[comma - 1])) return undefined;
  const person = phraseEndingAt(tokens, comma - 1, floor);
  const [first, last] = person ? [tokens[person.from], tokens[person.to]] : [];
  if (!person || !first || !last || !isNameToken(first)) return undefined;
  const role = cleanRole(textOf(source, tokens, described.from, described.to));
  return { mention: { parts: [textOf(source, tokens, person.from, person.to)], start: first.start, end: last.end, role } };
}

/** "UFCW Local 832 late Friday said": a day is a time, not a name ("USA TODAY said", in capitals, is a name). */
function dayBeforeVerb({ tokens, floor }: Walk, i: number): Step {
  if (i < floor || !/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/.test(lowerAt(tokens, i))) return undefined;
  if (/^\p{Lu}{2,}$/u.test(textAt(tokens, i))) return undefined;
  const to = i - 1;
  return { to: to >= floor && /^(?:on|late|early|last|this|since|until)$/.test(textAt(tokens, to)) ? to - 1 : to };
}

/** "Clinton on Twitter said": see placeObject. */
function prepositionObject({ source, tokens, floor, progressive, v }: Walk, i: number): Step {
  // (Nor before a participle after a noun: "… told REVOLT TV in a video posted to its Twitter".)
  return progressive || RELATIVE_PARTICIPLE.test(textAt(tokens, v)) ? undefined : placeObject(source, tokens, floor, i);
}

/** What may stand between a subject and its verb, tried in order after the adverbs at each step back. */
const BETWEEN_SUBJECT_AND_VERB: ReadonlyArray<{ readonly id: string; readonly step: (w: Walk, i: number) => Step }> = [
  { id: 'time-span', step: timeSpan },
  { id: 'time-phrase', step: timePhrase },
  { id: 'parenthetical', step: parenthetical },
  { id: 'who-after-comma', step: whoAfterComma },
  { id: 'description-who', step: descriptionWho },
  { id: 'day', step: dayBeforeVerb },
  { id: 'preposition-object', step: prepositionObject },
];

/** Walk back from the verb: the index of the subject's last token, or the subject itself. */
function walkBack(w: Walk): number | Mention {
  let i = w.v - 1;
  for (;;) {
    i = skipAdverbs(w, i);
    let step: Step;
    for (const rule of BETWEEN_SUBJECT_AND_VERB) {
      step = rule.step(w, i);
      if (step !== undefined) break;
    }
    if (step === undefined) return i;
    if ('mention' in step) return step.mention;
    i = step.to;
    if (step.stop) return i;
  }
}

/** "a video of Colton in bed talking about …", "Trump at a rally saying …": a short place between a name and a participle. */
function placeBeforeParticiple({ tokens, v, floor }: Walk, i: number): number {
  if (!/^\p{Ll}+ing$/u.test(textAt(tokens, v)) || i - 2 < floor || !/^\p{Ll}+$/u.test(textAt(tokens, i))) return i;
  const det = /^(?:the|a|an|his|her|their)$/.test(lowerAt(tokens, i - 1)) ? 1 : 0;
  const name = i - 2 - det;
  return name >= floor && /^(?:in|at|on|from)$/.test(lowerAt(tokens, i - 1 - det)) && isNameToken(tokens[name]) && !NOT_NAME_START.has(lowerAt(tokens, name))
    ? name
    : i;
}

/**
 * "Here in Columbia, Sanders stepped up his attacks, saying …": a participle after a clause shares
 * that clause's subject. The words before the comma are a clause, not an appositive naming anyone.
 */
function clauseBeforeParticiple(w: Walk, i: number): boolean {
  const { tokens, v, floor } = w;
  if (textAt(tokens, i) !== ',' || i !== v - 1 || !/^\p{Ll}+ing$/u.test(textAt(tokens, v)) || /^[,;:.!?]$/.test(textAt(tokens, i - 1))) return false;
  if (segmentHasVerb(w, i - 1)) return true;
  const open = segmentStart(w, i - 1) - 1;
  return open >= floor && textAt(tokens, open) === ',' && appositiveToObject(w, open);
}

/** Where the segment holding token `k` starts: just past the nearest , ; : . ! ? before it, or at the floor. */
function segmentStart({ tokens, floor }: Pick<Walk, 'tokens' | 'floor'>, k: number): number {
  let s = k;
  while (s > floor && !/^[,;:.!?]$/.test(textAt(tokens, s - 1))) s--;
  return s;
}

/** Does the segment ending at token `k` hold a finite verb (is it a clause)? */
function segmentHasVerb(w: Pick<Walk, 'source' | 'tokens' | 'floor'>, k: number): boolean {
  const [from, to] = [w.tokens[segmentStart(w, k)], w.tokens[k]];
  return from !== undefined && to !== undefined && hasFiniteVerb(w.source.slice(from.start, to.end));
}

/**
 * "Fiorina was upfront about her distaste for Donald Trump, the current GOP front-runner, saying …":
 * the phrase an appositive describes is the object of a clause (a lower-case word before it, a
 * finite verb earlier in its segment), so the participle after them shares that clause's subject.
 */
function appositiveToObject(w: Pick<Walk, 'source' | 'tokens' | 'floor'>, comma: number): boolean {
  const head = phraseEndingAt(w.tokens, comma - 1, w.floor);
  return head !== null && /^\p{Ll}/u.test(textAt(w.tokens, head.from - 1)) && segmentHasVerb(w, head.from - 1);
}

/**
 * The commas of an appositive chain ending at the comma at `i` ("Sen. Debbie Stabenow, D-Mich., a
 * member of the team, said"), nearest first; null when the segments read like clauses.
 */
function appositiveCommas(w: Walk, i: number): number[] | null {
  const { tokens, floor } = w;
  const commas: number[] = [i];
  for (let j = i - 1; j > floor && i - j < 50 && commas.length < 4; j--) {
    // "…, but their allies, members of the DUP, have said": a conjunction after a comma starts the
    // subject's clause; what comes before it is another clause. So does "and" after a clause ("The
    // plan was approved, and Ann Cole, the planning chief, said"; not "Tom Reed, a lawyer, and …").
    const conjunction = /^(?:but|while|whereas|yet)$/.test(lowerAt(tokens, j + 1)) || (lowerAt(tokens, j + 1) === 'and' && segmentHasVerb(w, j - 1));
    if (textAt(tokens, j) === ',' && conjunction && j + 2 < (commas.at(-1) ?? i)) break;
    if (textAt(tokens, j) === ',') commas.push(j);
    if (/^[.;:!?]$/.test(textAt(tokens, j))) break;
  }
  // "On Tuesday, Donald Tusk, the president of the European Council, urged": an opening adverbial
  // is no part of the subject.
  while (commas.length >= 3) {
    let open = (commas.at(-1) ?? 0) - 1;
    while (open > floor && !/^[,;:()—–.!?]$/.test(textAt(tokens, open - 1))) open--;
    if (!/^(?:on|in|at|during|after|before|last|earlier|later|meanwhile|yesterday|today|then|but|and|however|still|also)$/.test(lowerAt(tokens, open))) break;
    commas.pop();
  }
  if (commas.length < 2) return null;
  // Every segment between the commas must read like an appositive, not a clause or adverbial.
  for (let k = 0; k + 1 < commas.length; k++) {
    const at = (commas[k + 1] ?? 0) + 1;
    const first = tokens[at];
    const coordinated = first?.lower === 'and' && /^(?:a|an|the)$/.test(lowerAt(tokens, at + 1));
    if (!first || (NOT_APPOSITIVE_START.test(first.lower) && !coordinated) || (commas[k] ?? 0) - (commas[k + 1] ?? 0) > 24) return null;
  }
  return commas;
}

/** The segment of an appositive chain that is a name ("Rustem Umerov"). */
function namedSegment(tokens: readonly Token[], segments: readonly Phrase[]): Phrase | undefined {
  return segments.find((seg) => {
    const ph = phraseEndingAt(tokens, seg.to, seg.from);
    const lower = lowerAt(tokens, seg.from);
    return ph !== null && ph.from === seg.from && seg.to > seg.from && isNameToken(tokens[seg.from]) && !PRONOUNS.has(lower) && !DETERMINERS.has(lower);
  });
}

/**
 * "One red-state Democrat, Montana Sen. Jon Tester, said", "Keeper of the Ruler's Seal, Syed Danial
 * Syed Ahmad, said": where a description before a capitalised head starts (lower-case words or a
 * determiner before it).
 */
function descriptionStart(tokens: readonly Token[], head: Phrase, floor: number): number {
  let described = head.from;
  while (
    described - 1 >= floor &&
    head.from - described < 6 &&
    !/^[,;:()—–.!?]$/.test(textAt(tokens, described - 1)) &&
    (DETERMINERS.has(lowerAt(tokens, described - 1)) ||
      /^\p{Ll}/u.test(textAt(tokens, described - 1)) ||
      /['’]s$/.test(textAt(tokens, described - 1)) ||
      lowerAt(tokens, described) === 'of')
  )
    described--;
  return described;
}

/** The token before a short bracket that ends at `k` ("Cummings (D-Md.)"), else `k`. */
function beforeBrackets(tokens: readonly Token[], k: number, floor: number): number {
  if (textAt(tokens, k) !== ')') return k;
  let open = k - 1;
  while (open > floor && k - open <= 6 && textAt(tokens, open) !== '(') open--;
  return textAt(tokens, open) === '(' && k - open <= 6 ? open - 1 : k;
}

/**
 * Appositives: "Sen. Debbie Stabenow, D-Mich., a member of the team, said" or "the director of
 * operations for EHS, Jeff Fraser, says". The name is the speaker; the description is the role.
 */
function appositiveSubject(w: Walk, i: number): Subject | null {
  const { source, tokens, floor } = w;
  const commas = appositiveCommas(w, i);
  const lastComma = commas?.at(-1);
  // ("Rep. Elijah Cummings (D-Md.), chair of …, said": the party and state stay with the name.)
  const head = lastComma === undefined ? null : phraseEndingAt(tokens, beforeBrackets(tokens, lastComma - 1, floor), floor);
  if (!commas || !head) return null;
  const segments = commas
    .slice()
    .reverse()
    .map((c, k, arr) => ({ from: c + 1, to: (arr[k + 1] ?? i) - 1 }))
    .filter((seg) => seg.to >= seg.from);
  const headFirst = textAt(tokens, head.from);
  // "Harbour City's chief financial officer, Amir Haddad, said": a possessive owner before a post.
  const ownedPost = tokens.slice(head.from, head.to).some((t, k) => /['’]s$/.test(t.text) && /^\p{Ll}/u.test(textAt(tokens, head.from + k + 1)));
  const headIsRole = DETERMINERS.has(lowerAt(tokens, head.from)) || /^\p{Ll}/u.test(headFirst) || /['’]s$/.test(headFirst) || ownedPost;
  const named = namedSegment(tokens, segments);
  const headRole = textOf(source, tokens, head.from, head.to);
  const described = descriptionStart(tokens, head, floor);
  // "But the director of provincial operations for EHS, Jeff Fraser, says": a conjunction may open the sentence.
  const opens = (k: number) =>
    k === floor ||
    /^[,;:()—–.!?]$/.test(tokens[k - 1]?.text ?? '.') ||
    (k - 1 === floor && /^(?:but|and|so|yet|meanwhile|still)$/.test(lowerAt(tokens, k - 1)));
  if (named && described < head.from && opens(described) && isNameToken(tokens[head.to]) && !PRONOUNS.has(lowerAt(tokens, named.from)))
    return { phrase: named, role: textOf(source, tokens, described, head.to), subjectFrom: described };
  if (named && headIsRole && (!isNameToken(tokens[head.to]) || isNominalHeadPhrase(tokens, head)))
    return { phrase: named, role: headRole, subjectFrom: head.from };
  // "their allies, members of Northern Ireland’s Democratic Unionist Party, have said": the
  // appositive says who "their allies" are.
  const membersOf = segments.find(
    (seg) =>
      /^(?:members|officials|leaders|representatives)$/.test(lowerAt(tokens, seg.from)) &&
      lowerAt(tokens, seg.from + 1) === 'of' &&
      (isNameToken(tokens[seg.to]) || textAt(tokens, seg.to) === ')'),
  );
  if (POSSESSIVE_SUBJECT.has(lowerAt(tokens, head.from)) && membersOf) return { phrase: membersOf, role: headRole, subjectFrom: head.from };
  const attached = personBeforeAttachment(source, tokens, head, floor);
  const description = segments.find((seg) => /^(?:a|an|the|his|her|its|their)$/i.test(lowerAt(tokens, seg.from)) || /^\p{Ll}/u.test(textAt(tokens, seg.from)));
  const appositive = description ? textOf(source, tokens, description.from, description.to) : null;
  const role = appositive && !/^(?:who|which|whose|where|when|as|after|before|while|speaking|according)\b/i.test(appositive) ? appositive : null;
  return { phrase: attached?.phrase ?? head, role, subjectFrom: head.from };
}

/** No comma before the verb: the phrase ending there, or the person before "with/at/of" an organisation. */
function plainSubject({ source, tokens, floor }: Walk, i: number): Subject | null {
  const phrase = phraseEndingAt(tokens, i, floor);
  if (!phrase) return null;
  const attached = personBeforeAttachment(source, tokens, phrase, floor);
  return attached ? { phrase: attached.phrase, role: attached.role, subjectFrom: attached.phrase.from } : { phrase, role: null, subjectFrom: -1 };
}

/**
 * "The parole board decision allowing his release said": the object of a participle is not the
 * subject; the noun phrase before the participle is.
 */
function participleOwner({ tokens, floor }: Walk, subject: Subject): Subject {
  const { phrase } = subject;
  const participle = tokens[phrase.from - 1];
  if (
    !participle ||
    !/^\p{Ll}+ing$/u.test(participle.text) ||
    phrase.from - 2 < floor ||
    !/^\p{Ll}/u.test(textAt(tokens, phrase.from - 2)) ||
    PREPOSITIONS.has(lowerAt(tokens, phrase.from - 2))
  )
    return subject;
  const owner = nounPhraseEndingAt(tokens, phrase.from - 2, floor);
  return owner ? { ...subject, phrase: owner, subjectFrom: -1 } : subject;
}

/**
 * "27 percent of those who named a candidate said": the phrase is the object of a relative
 * clause's verb, not the subject (the long-subject cue reads the whole phrase).
 */
function objectInRelative(tokens: readonly Token[], start: number, floor: number): boolean {
  const verb = lowerAt(tokens, start - 1);
  return (
    start - 2 >= floor &&
    /^\p{Ll}+$/u.test(textAt(tokens, start - 1)) &&
    !DETERMINERS.has(verb) &&
    !PREPOSITIONS.has(verb) &&
    /^(?:who|that|which)$/.test(lowerAt(tokens, start - 2))
  );
}

/**
 * Who does the saying when the verb is at token `v` and its subject comes first:
 * "Umerov said", "His security chief, Rustem Umerov, said", "Hill, a doctor, said", "X and Y said".
 */
export function findSubjectBefore(source: string, tokens: readonly Token[], v: number, floor: number): Mention | null {
  const w: Walk = { source, tokens, v, floor, progressive: /^\p{Ll}+ing$/u.test(textAt(tokens, v)) };
  const walked = walkBack(w);
  if (typeof walked !== 'number') return walked;
  // "Sources close to the senator said": the sources, not the senator.
  const qualified = qualifiedSubject(source, tokens, walked, floor);
  if (qualified) return qualified;
  const end = placeBeforeParticiple(w, walked);
  if (end < floor) return null;
  const i = skipAside(w, end);
  if (clauseBeforeParticiple(w, i)) return null;
  const found = textAt(tokens, i) === ',' ? appositiveSubject(w, i) : plainSubject(w, i);
  if (!found) return null;
  const { phrase, role, subjectFrom } = participleOwner(w, found);
  const both = coordinated(w, phrase);
  const start = Math.min(subjectFrom >= 0 ? Math.min(subjectFrom, phrase.from) : phrase.from, both?.from ?? Number.POSITIVE_INFINITY);
  const [first, last] = [tokens[start], tokens[phrase.to]];
  // ("emails which included staff members suggesting …": the object of one verb may be the subject of a participle.)
  if (!first || !last || (!w.progressive && objectInRelative(tokens, start, floor))) return null;
  return { parts: both?.parts ?? [textOf(source, tokens, phrase.from, phrase.to)], start: first.start, end: last.end, role: role ? cleanRole(role) : null };
}
