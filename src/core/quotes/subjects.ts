/**
 * Who does the saying when the phrase walker (mentions.ts) finds no subject next to the verb: the
 * sentence's opening subject, a long subject, a shared subject across "and", a source up to a comma.
 */
import { documentWords, NOT_NAME_START, REPORTING_VERBS } from '../lexicon.ts';
import { cityBeforeRegion, isNominalHead, type Mention, PREPOSITIONS } from './mentions.ts';
import { tagText } from '../nlp.ts';
import type { Token } from '../read/tokens.ts';
import type { QuoteSpan, Range } from '../read/split.ts';
import type { Attribution } from './types.ts';
/**
 * "… and then, behind her back, sniffed": the "and" before an aside set off by commas, when only
 * lower-case words lie between them. Returns the token index of "and", or -1.
 */
export function coordinatedAcrossAside(tokens: readonly Token[], v: number, floor: number): number {
  for (let k = v - 2; k >= Math.max(floor, v - 10); k--) {
    const t = tokens[k]!;
    if (/^(?:and|but)$/.test(t.lower)) {
      const open = /^(?:then|later|also|finally|eventually)$/.test(tokens[k + 1]?.lower ?? '') ? k + 2 : k + 1;
      return tokens[open]?.text === ',' && open < v - 1 ? k : -1;
    }
    if (!/^\p{Ll}/u.test(t.text) && t.text !== ',') return -1;
  }
  return -1;
}

/**
 * "Golden remembers him apologizing in court, saying he …": the one doing the first "-ing" action
 * ("him") does the saying too. Only for ", saying" right after that clause.
 */
export function gerundAgent(tokens: readonly Token[], v: number, floor: number): Mention | null {
  if (!tokens[v]!.lower.endsWith('ing') || tokens[v - 1]?.text !== ',') return null;
  for (let k = v - 2; k > floor && v - k <= 8; k--) {
    const t = tokens[k]!;
    if (/^[,;:.!?]$/.test(t.text)) return null;
    const subject = { him: 'he', her: 'she', them: 'they' }[t.lower];
    if (subject && /^\p{Ll}+ing$/u.test(tokens[k + 1]?.text ?? '')) return { parts: [subject], start: t.start, end: t.end, role: null };
  }
  return null;
}

/** A word of a person's name: capitalised, not in capitals throughout, not possessive. */
const NAME_WORD = /^\p{Lu}[\p{Ll}.'’-]*\p{Ll}[\p{Ll}.'’-]*$|^\p{Lu}\.$/u;

/** A verb in the past tense, as a clause's first verb after its subject ("smiled", "shook", "was"). */
const PAST_VERB =
  /^(?:\p{Ll}+ed|was|had|did|made|took|shook|struck|stood|sat|went|came|gave|got|held|kept|left|met|ran|saw|sent|spoke|told|wrote|began|brought|thought|won|lost|felt|said)$/u;

/**
 * A person's name opening a clause at token `at` and followed by its lower-case verb: two or more
 * name words ("Maureen Sherry smiled"), or an honorific and a surname ("Ms. Sherry smiled").
 */
function personNameAt(tokens: readonly Token[], at: number, limit: number): Mention | null {
  let end = at;
  while (end < limit && NAME_WORD.test(tokens[end]?.text ?? '') && !/['’]s?$/.test(tokens[end]?.text ?? '')) end++;
  const words = tokens.slice(at, end);
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last || words.length < 2 || words.length > 4 || NOT_NAME_START.has(first.lower)) return null;
  if (end >= limit || !PAST_VERB.test(tokens[end]?.text ?? '')) return null;
  return { parts: [words.map((x) => x.text).join(' ')], start: first.start, end: last.end, role: null };
}

/**
 * "… she picked it up and crowed": the subject pronoun nearest before the "and", within the
 * sentence. A name opening the clause after a comma comes first: "When asked whom she supported,
 * Ms. Sherry smiled and said …" is hers, not whoever "she" was.
 */
export function clausePronounBefore(tokens: readonly Token[], and: number, floor: number): Mention | null {
  for (let k = and - 1; k >= floor && and - k <= 15; k--) {
    const t = tokens[k]!;
    if (/^[;:.!?]$/.test(t.text)) return null;
    const name = t.text === ',' ? personNameAt(tokens, k + 1, and) : null;
    if (name) return name;
    const m = /^(he|she|they)(?:['’](?:d|s|ll|re))?$/i.exec(t.text);
    if (m) return { parts: [m[1]!], start: t.start, end: t.start + m[1]!.length, role: null };
  }
  return null;
}

/** Words that make a run of words a clause, or a pronoun the walker reads, not a source's name: pronouns, auxiliaries, relatives, verbs of saying. */
const CLAUSE_MARKER =
  /\b(?:he|she|they|it|we|i|you|him|her|them|us|me|is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|does|did|who|whom|which|that|said|says|told)\b/i;

/** "according to plan": a manner, not a source. */
const NOT_SOURCE = /^(?:plan|schedule|script|tradition|custom|protocol|form|design|taste|expectations?)$/i;

/**
 * The source after "according to": the words from `from` up to a comma (or, after a sentence's
 * start, to its end), when they are a noun phrase of at most 16 words with no finite verb of their
 * own (no pronoun, auxiliary or relative). Null otherwise (then the phrase walker decides). "According to early results of the exit
 * poll conducted by Edison Research, …", "…, according to state corporate records."
 */
export function sourceToComma(text: string, tokens: readonly Token[], from: number, initial = true): Mention | null {
  let end = tokens.findIndex((t, k) => k > from && (t.text === ',' || (!initial && /^[;:.!?()—–]$/.test(t.text))));
  if (end < 0 && !initial) end = tokens.length;
  if (end < 0 || end - from > 16) return null;
  const first = tokens[from];
  const last = tokens[end - 1];
  if (!first || !last || /^[;:.!?()“”"]$/.test(last.text) || tokens.slice(from, end).some((t) => /^[;:.!?“”"]$/.test(t.text))) return null;
  // ("according to the Tax Policy Center - half a percentage point of …": a dash ends the source.)
  const words = text.slice(first.start, last.end).split(/\s[-–—]\s/)[0] ?? '';
  // "According to Jane Smith" is for the walker, which knows names and roles.
  if ((/^\p{Lu}/u.test(first.text) && !/^(?:The|A|An)$/.test(first.text)) || NOT_SOURCE.test(words)) return null;
  // (The tagger reads "exit polls", "press reports" or "figures released by" as clauses: without a
  // pronoun, auxiliary, relative or verb of saying, the words up to the comma name the source.)
  return CLAUSE_MARKER.test(words) ? null : { parts: [words], start: first.start, end: first.start + words.length, role: null };
}

/**
 * "Protest groups say …, and the ACLU of Ohio has sued the city, saying …": when a new clause
 * with its own subject (", and <subject> <verb>") opens after the sentence's last attribution, a
 * verb that shares a subject shares that clause's. Undefined when no such clause opens.
 */
export function clauseSubjectSince(
  text: string,
  tokens: readonly Token[],
  last: Attribution | undefined,
  v: number,
  floor: number,
): Mention | null | undefined {
  const from = last ? tokens.findIndex((t) => t.start >= last.verb.end) : floor;
  if (from < 0) return undefined;
  for (let k = v - 1; k > from; k--) {
    if (tokens[k - 1]?.text !== ',' || !/^(?:and|but)$/.test(tokens[k]?.lower ?? '')) continue;
    // (", and took a heckler in stride, saying": a second verb of the same subject opens no clause.)
    const next = tokens[k + 1];
    if (!next || !(/^\p{Lu}/u.test(next.text) || /^(?:the|a|an|his|her|their|its|he|she|they|it|we)$/.test(next.lower))) continue;
    // (Null when that clause's subject can't be read: the earlier subject is no longer the one.)
    return findSubjectAtStart(text, tokens, k + 1);
  }
  return undefined;
}

/** A wire dateline opening a story's first paragraph: "ORLANDO, Fla. (Reuters) -", "WASHINGTON —". */
const DATELINE = /^\p{Lu}{2,}(?:[\s.'-]+\p{Lu}{2,})*(?:,\s*[\p{L}.]+(?:\s+[\p{L}.]+){0,2})?\s*(?:\([^)]{1,40}\))?\s*[-—–]+\s+/u;

/** The subject that opens a sentence: a pronoun or a name ("Wojtaszek questioned that logic, saying …"). */
export function findSubjectAtStart(text: string, tokens: readonly Token[], floor: number): Mention | null {
  // "Later that month, SNC-Lavalin applied …, arguing …": the subject follows an opening adverbial,
  // or an opening subordinate clause ("As the crowd began to chant, Silverman … joked, “…”").
  // "ORLANDO, Fla. (Reuters) - President Barack Obama met …": a dateline is no subject.
  const atStart = floor === 0;
  const dateline = atStart ? DATELINE.exec(text) : null;
  if (dateline) {
    const after = tokens.findIndex((t) => t.start >= dateline[0].length);
    if (after > 0) floor = after;
  }
  if (
    atStart &&
    /^(?:later|earlier|last|this|on|in|at|after|before|during|since|meanwhile|however|still|then|now|yesterday|today|first|finally|nonetheless|nevertheless|instead|afterwards|again|so|but|and|also|here|there|with|for|from|by|amid|despite|following|under|over|outside|inside|speaking|as|when|while|although|though|because|once|unlike|until)$/.test(
      tokens[floor]?.lower ?? '',
    )
  ) {
    const comma = tokens.findIndex((t, k) => k > floor && k <= floor + 8 && t.text === ',');
    if (comma > floor) floor = comma + 1;
    // "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton …": a state after the city and a
    // time after the place still belong to the opening adverbial.
    for (let more = 0; more < 2 && floor > 0; more++) {
      const next = tokens.findIndex((t, k) => k > floor && k <= floor + 4 && t.text === ',');
      if (next < 0) break;
      const region = cityBeforeRegion(tokens, next - 1, floor - 2) === floor - 2;
      if (!region && !/^(?:on|in|at|last|this|early|late|earlier|later)$/.test(tokens[floor]?.lower ?? '')) break;
      floor = next + 1;
    }
  }
  const first = tokens[floor];
  if (!first) return null;
  if (/^(?:he|she|they|it|we)$/i.test(first.text)) return { parts: [first.text], start: first.start, end: first.end, role: null };
  if (NOT_NAME_START.has(first.lower) && !/^(?:the|a|an)$/.test(first.lower)) return null;
  // The subject runs to the sentence's first verb: "Consumer groups | welcomed the recall but said …".
  const terms = tagText(text.slice(first.start, Math.min(text.length, first.start + 240)));
  const verb = terms.find((t) => t.tags.has('Verb') && !t.tags.has('Gerund'));
  if (!verb) return null;
  const verbAt = first.start + verb.start;
  if (verbAt <= first.start) return null;
  let to = floor;
  while (to + 1 < tokens.length && tokens[to + 1]!.start < verbAt) to++;
  // "Civic Action also has …": an adverb before the verb is no part of the subject. (Up to ten words:
  // "A spokesman for Mayor Frank G. Jackson of Cleveland defended … and said …".)
  while (to > floor && PRE_VERB_ADVERB.test(tokens[to]!.lower)) to--;
  let span = tokens.slice(floor, to + 1);
  // "Martell, the addictions doctor on the South Shore, is more blunt": the name before the appositive.
  const comma = span.findIndex((t) => t.text === ',');
  if (comma > 0 && span.slice(0, comma).every((t) => /^\p{Lu}/u.test(t.text))) {
    span = span.slice(0, comma);
    to = floor + comma - 1;
  }
  if (span.length === 0 || span.length > 10 || span.some((t) => /^[,;:()—–.!?]$/.test(t.text))) return null;
  const last = tokens[to]!;
  return { parts: [text.slice(first.start, last.end)], start: first.start, end: last.end, role: null };
}

/** Adverbs between a subject and its verb ("Civic Action also has", "Musk again took"). */
export const PRE_VERB_ADVERB = /^(?:also|again|then|later|quickly|finally|often|still|now|never|always|recently|already|once|even|only|just)$/;

/** Documents that say things as a sentence's subject ("A release sent to media from X said", "A tweet last week said"). */
const SUBJECT_DOCUMENT = new RegExp(`^(?:${documentWords('subject')})s?$`);

/** Where a long subject starts: the sentence start, or after the last ", and" / "but" before the verb. */
function longSubjectStart(text: string, tokens: readonly Token[], v: number, floor: number): number {
  let from = floor;
  for (let k = v - 1; k > floor; k--) {
    if (/^(?:and|but)$/.test(tokens[k]?.lower ?? '') && tokens[k - 1]?.text === ',') {
      from = k + 1;
      break;
    }
  }
  // "But people arrested at the camp alleged …": a conjunction opening the sentence is no subject.
  if (from === floor && /^(?:but|and|yet|so|still)$/.test(tokens[from]?.lower ?? '') && v - from > 3) from++;
  // "As one veteran of such projects commented: “…”": the subject follows a leading "As".
  const verbEnd = tokens[v]?.end ?? 0;
  if (tokens[from]?.lower === 'as' && /^\s*[:,]/.test(text.slice(verbEnd, verbEnd + 3))) from++;
  // "However, in the two years since, some in the community say …": after the last comma.
  const lastComma = tokens
    .slice(from, v)
    .map((t) => t.text)
    .lastIndexOf(',');
  if (lastComma >= 0 && /^(?:some|many|most|several|few|all|both|others?)$/.test(tokens[from + lastComma + 1]?.lower ?? '')) from = from + lastComma + 1;
  return from;
}

/**
 * Where a long subject ends: "… late Friday said", "A tweet last week said", "sources … have said":
 * the day is when, not who, and an auxiliary belongs to the verb. ("People arrested last week said"
 * keeps its week: it says which people.)
 */
function longSubjectEnd(tokens: readonly Token[], v: number, from: number): number {
  const lower = (k: number) => tokens[k]?.lower ?? '';
  let to = v;
  while (to - 1 > from && /^(?:have|has|had|would|will|could|may|might|also|previously|repeatedly)$/.test(tokens[to - 1]?.text ?? '')) to--;
  if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(lower(to - 1)))
    return to - (/^(?:on|late|early|last|this)$/.test(tokens[to - 2]?.text ?? '') ? 2 : 1);
  if (
    /^(?:week|month|year|weekend|night|spring|summer|fall|autumn|winter)$/.test(lower(to - 1)) &&
    /^(?:last|this|next|earlier|later)$/.test(lower(to - 2)) &&
    !/ed$/.test(lower(to - 3))
  )
    return to - 2;
  return to;
}

const CLAUSE_WORD = /^(?:he|she|they|it|we|i|you|not|would|will|could|should|can|is|was|were|are|has|have|had)$/;

/**
 * Whether `span` reads as a noun phrase, not a clause: "she admonished MPs for not doing enough to
 * (indicate)" is a clause; "A release sent to media from UFCW Local 832" a document and its sender;
 * "team members dressed for a game" a head and a participle phrase that may hold "for".
 */
function isNounPhrase(span: readonly Token[]): boolean {
  const [first, second] = span;
  if (!first) return false;
  // ("A tweet last week said": a reporting word after a determiner is a noun.)
  if (
    span.some(
      (t, k) => /^[,;:()—–.!?]$/.test(t.text) || (REPORTING_VERBS.has(t.lower) && !/^(?:a|an|the|this|that|his|her|its|their)$/.test(span[k - 1]?.lower ?? '')),
    )
  )
    return false;
  const document = /^(?:a|an|the)$/.test(first.lower) && SUBJECT_DOCUMENT.test(second?.lower ?? '');
  const participle = span.findIndex((t, k) => k >= 1 && /^\p{Ll}+ed$|^(?:familiar|close|who|with)$/u.test(t.text) && isNominalHead(span[k - 1]?.lower ?? ''));
  const core = participle > 0 ? span.slice(0, participle) : span;
  if (core.some((t) => CLAUSE_WORD.test(t.lower) || /^(?:that|which)$/.test(t.lower) || (!document && /^(?:to|for)$/.test(t.lower)))) return false;
  // "The notice mirrored …": a verb inside makes it a clause, even after a document noun.
  if (
    document &&
    span.slice(2).some((t) => /^\p{Ll}+ed$/u.test(t.text) && !/^(?:sent|released|issued|published|posted|filed|dated|signed|obtained)$/.test(t.lower))
  )
    return false;
  if (participle > 0 && span.slice(participle).some((t) => CLAUSE_WORD.test(t.lower))) return false;
  return !/^(?:and|or|but|if|when|while|because|although|as|so|then|in|on|at|after|before|during|for|with|without|since|by|to|it|this|that|there|what|how|why)$/.test(
    first.lower,
  );
}

/**
 * A subject too long for the phrase walker, from the start of the sentence to the verb:
 * "People arrested last week said that …", "A person familiar with the negotiations says …".
 */
export function findLongSubject(text: string, tokens: readonly Token[], v: number, floor: number): Mention | null {
  const from = longSubjectStart(text, tokens, v, floor);
  const to = longSubjectEnd(tokens, v, from);
  if (to - from < 2 || v - from > 12) return null;
  const span = tokens.slice(from, to);
  const first = span[0];
  const last = span.at(-1);
  if (!first || !last || !isNounPhrase(span)) return null;
  // ("Silverman incurred a wave of boos upon saying": a phrase ending on a preposition is no subject.)
  if (PREPOSITIONS.has(last.lower) || /^(?:upon|by|about|after|before|while|without)$/.test(last.lower)) return null;
  const thatFollows = tokens[v + 1]?.lower === 'that';
  // "All those involved say …", "Everyone who was there said …": a pronoun for people heads it too.
  const headed =
    span.some((t) => isNominalHead(t.lower) || SUBJECT_DOCUMENT.test(t.lower)) ||
    /^(?:all|those|everyone|everybody|both|others|many|most|several)$/.test(first.lower);
  if (!thatFollows && !headed) return null;
  return { parts: [text.slice(first.start, last.end)], start: first.start, end: last.end, role: null };
}

/**
 * Where "went on to", "continued to", "was quick to" starts, with `to` at token `i`: words that say
 * the subject did go on to speak (not "declined to", "wants to", "is expected to"). -1 otherwise.
 */
export function catenativeStart(tokens: readonly Token[], i: number, floor: number): number {
  const w = (k: number) => (k >= floor ? (tokens[k]?.lower ?? '') : '');
  if (/^(?:on)$/.test(w(i - 1)) && /^(?:went|goes|go|going)$/.test(w(i - 2))) return i - 2;
  if (/^(?:continued|continues|proceeded|proceeds|hastened|rushed)$/.test(w(i - 1))) return i - 1;
  if (w(i - 1) === 'quick' && /^(?:was|were|is|are)$/.test(w(i - 2))) return i - 2;
  return -1;
}

/** The nearest quote or clause boundary left of token `v`: the index of the first token after it. */
export function floorBefore(text: string, unit: Range, tokens: readonly Token[], spans: readonly QuoteSpan[], v: number): number {
  for (let k = v - 1; k >= 0; k--) {
    const t = tokens[k];
    const next = tokens[k + 1];
    if (!t) continue;
    const gap = next ? text.slice(t.end, next.start) : '';
    if (spans.some((s) => s.start >= t.end && s.end <= (next?.start ?? unit.end)) || /[;]/.test(gap)) return k + 1;
  }
  return 0;
}
