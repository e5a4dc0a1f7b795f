/**
 * Cue rules: the words of a sentence unit that say who speaks ("said Smith", "according to X",
 * "in her words"). Three ordered tables, tried for every word outside quotation marks:
 *
 * 1. WORD_CUES claim words that are not reporting verbs ("in her words", "the response of").
 * 2. For a reporting verb, NOT_REPORTING says when it reports nothing here ("the report", "is said
 *    to", "added 30 cents").
 * 3. VERB_CUES then find who does the saying, first match wins.
 *
 * A rule answers undefined (not mine: try the next), null (mine, and nobody speaks) or the
 * attribution. Ids are those of CUE_RULES in rules.ts, where each has an example sentence.
 */
import { CLAUSE_VERBS, COGNITION, PHRASAL_REPORTING, POSSESSIVE_SUBJECT, RELATIVE_PARTICIPLE, REPORTING_VERBS } from '../lexicon.ts';
import type { Mention } from '../mentions.ts';
import { findSubjectAfter } from './subject-after.ts';
import { findSubjectBefore } from './subject-before.ts';
import { tagText } from '../nlp.ts';
import type { CueRuleId } from '../rules.ts';
import type { QuoteSpan, Range } from '../split.ts';
import { tokenize, type Token } from '../tokens.ts';
import { talksAbout } from './clauses.ts';
import {
  catenativeStart,
  clausePronounBefore,
  clauseSubjectSince,
  coordinatedAcrossAside,
  findLongSubject,
  findSubjectAtStart,
  gerundAgent,
  sourceToComma,
} from './subjects.ts';
import { type Attribution, isInside, ownerAsSubject } from './types.ts';

/** One word of a sentence unit, as the cue rules see it. */
interface CueSite {
  readonly text: string;
  readonly unit: Range;
  readonly spans: readonly QuoteSpan[];
  /** The unit's words outside quotation marks. */
  readonly tokens: readonly Token[];
  readonly v: number;
  readonly word: Token;
  /** Attributions found earlier in the unit. */
  readonly found: readonly Attribution[];
  /** Offsets of the words the tagger reads as nouns in the unit (tagged once, when first asked). */
  readonly nouns: () => ReadonlySet<number>;
}

/** A reporting verb at a site, with what the rules after it look at. */
interface VerbSite extends CueSite {
  /** The verb as written: both words of a phrasal one ("pointed out"). */
  readonly tok: Token;
  readonly particle: Token | null;
  readonly lemma: string;
  readonly according: boolean;
  /** A quotation sits between the previous word and the verb. */
  readonly quoteBefore: boolean;
  /** The previous word, lower case (',' after a quotation). */
  readonly prev: string | undefined;
  /** "he was quoted as saying". */
  readonly quotedAs: boolean;
  /** Where "went on to", "continued to" starts before "to", or -1. */
  readonly catenative: number;
  /** The nearest quote or clause boundary to the left: a subject never reaches past it. */
  readonly floor: number;
}

type CueResult = Attribution | null | undefined;

interface Rule<S> {
  readonly id: string;
  readonly match: (site: S) => CueResult;
}

/** A reason a reporting word reports nothing where it stands. */
interface NotReporting {
  readonly id: string;
  readonly summary: string;
  readonly example: string;
  readonly test: (site: VerbSite) => boolean;
}

const cue = (mention: Mention, verb: Token, lemma: string, inverted: boolean, id: CueRuleId): Attribution => ({
  mention,
  verb,
  lemma,
  inverted,
  cue: id,
});

/** "It had, in her words, become “unhealthy”": the owner of the words is the source. */
function inWords({ tokens, v, word }: CueSite): CueResult {
  if (word.lower !== 'words') return undefined;
  const own = tokens[v - 1]?.lower === 'own' ? 1 : 0;
  const owner = tokens[v - 1 - own];
  const named = owner && /['’]s?$/.test(owner.text) && /^\p{Lu}/u.test(owner.text);
  if (!owner || tokens[v - 2 - own]?.lower !== 'in' || !(POSSESSIVE_SUBJECT.has(owner.lower) || named)) return null;
  return {
    mention: { parts: [ownerAsSubject(owner.text)], start: owner.start, end: owner.end, role: null },
    verb: word,
    lemma: 'in words',
    inverted: true,
    cue: 'in-words',
  };
}

/** "“The best sleigh this Christmas!” was the response of one jolly viewer": the words' owner follows. */
function responseOf(site: CueSite): CueResult {
  const { text, tokens, v, word, spans } = site;
  const was = tokens[v - 2];
  if (
    !was ||
    !/^(?:response|reply|reaction|verdict|retort|answer|comment|message|refrain)$/.test(word.lower) ||
    !/^(?:was|came)$/.test(was.lower) ||
    tokens[v - 1]?.lower !== 'the' ||
    !/^(?:of|from)$/.test(tokens[v + 1]?.lower ?? '') ||
    !spans.some((q) => q.end <= was.start && /^[\s,]*$/.test(text.slice(q.end, was.start)))
  )
    return undefined;
  const owner = findSubjectAfter(text, tokens, v + 1, tokens.length);
  return owner ? cue({ ...owner, role: null }, was, 'say', true, 'response-of') : null;
}

const SPEECH_NOUN = /^(?:attack|criticism|warning|claim|assertion|accusation|complaint|assurance|suggestion|insistence|admission|promise|pledge|allegation)s?$/;

/**
 * "a scathing attack from Beijing's envoy in Ottawa that it smacks of “…”": words named by a noun,
 * their speaker after "from" or "by", what was said after "that".
 */
function nounFromThat(site: CueSite): CueResult {
  const { text, tokens, v, word } = site;
  if (!SPEECH_NOUN.test(word.lower) || !/^(?:from|by)$/.test(tokens[v + 1]?.lower ?? '')) return undefined;
  const that = tokens.findIndex((t, k) => k > v + 2 && k <= v + 10 && t.lower === 'that');
  const owner = that > 0 ? findSubjectAfter(text, tokens, v + 1, that) : null;
  const thatWord = tokens[that];
  const verb = tokens[that - 1];
  // The clause must follow the speaker ("… from X that …"), not another noun ("… from the
  // commission and a subsequent settlement that …").
  if (!owner || !verb || !thatWord) return null;
  const between = text.slice(owner.end, thatWord.start).replace(/^\s+in\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*/u, '');
  return /^[\s,]*$/.test(between) ? cue({ ...owner, role: null }, verb, 'say', false, 'noun-from-that') : null;
}

/** Words that are not reporting verbs but name who says, in order. */
const WORD_CUES: readonly Rule<CueSite>[] = [
  { id: 'in-words', match: inWords },
  { id: 'response-of', match: responseOf },
  { id: 'noun-from-that', match: nounFromThat },
];

/** The nearest quote or clause boundary left of token `v`: the index of the first token after it. */
function floorBefore(text: string, unit: Range, tokens: readonly Token[], spans: readonly QuoteSpan[], v: number): number {
  for (let k = v - 1; k >= 0; k--) {
    const t = tokens[k];
    const next = tokens[k + 1];
    if (!t) continue;
    const gap = next ? text.slice(t.end, next.start) : '';
    if (spans.some((s) => s.start >= t.end && s.end <= (next?.start ?? unit.end)) || /[;]/.test(gap)) return k + 1;
  }
  return 0;
}

/** The reporting verb at a site ("said", "pointed out", "according to"), or null. */
function readVerb(site: CueSite): VerbSite | null {
  const { text, unit, spans, tokens, v, word } = site;
  // "according to X" works like an inverted reporting verb: the source follows.
  const according = word.lower === 'according' && tokens[v + 1]?.lower === 'to';
  // "pointed out", "put it": the verb is both words.
  const phrasal = PHRASAL_REPORTING.get(word.lower);
  const next = tokens[v + 1];
  const particle = phrasal && next?.lower === phrasal.particle ? next : null;
  const tok = particle ? { ...word, text: text.slice(word.start, particle.end), end: particle.end } : word;
  const lemma = according ? 'according to' : particle && phrasal ? phrasal.lemma : REPORTING_VERBS.get(tok.lower);
  if (!lemma) return null;
  const before = tokens[v - 1];
  const quoteBefore = before !== undefined && spans.some((q) => q.start >= before.end && q.end <= tok.start);
  const prev = quoteBefore ? ',' : before?.lower;
  const quotedAs = prev === 'as' && tokens[v - 2]?.lower === 'quoted' && /^(?:was|is|were|been)$/.test(tokens[v - 3]?.lower ?? '');
  const floor = floorBefore(text, unit, tokens, spans, v);
  const catenative = prev === 'to' ? catenativeStart(tokens, v - 1, floor) : -1;
  return { ...site, tok, particle, lemma, according, quoteBefore, prev, quotedAs, catenative, floor };
}

/** Reasons a reporting word reports nothing here, checked in order before any VERB_CUES. */
export const NOT_REPORTING: readonly NotReporting[] = [
  {
    id: 'noun',
    summary: 'the tagger reads the word as a noun ("welcomed the recall", "the report"); "say" only after a determiner',
    example: 'The report on the bridge was published in March.',
    test: ({ tok, according, tokens, v, nouns }) => {
      if (according || !nouns().has(tok.start) || /(?:ed|ing)$|^(?:said|says|told|wrote|thought)$/.test(tok.lower)) return false;
      // "team members dressed for a game say": "say" is a noun only after a determiner ("a say").
      const sayVerb =
        tok.lower === 'say' &&
        !/^(?:a|the|their|his|her|its|our|your|my|final|no|any|some|more|much|equal|bigger|greater|real)$/.test(tokens[v - 1]?.lower ?? '');
      return !sayVerb;
    },
  },
  {
    id: 'owned-noun',
    summary: 'after an owner a reporting word is a noun: "Ginsburg’s comments “…”", "their claims"',
    example: 'Ginsburg’s comments were widely shared that night.',
    test: ({ according, quoteBefore, tokens, v, tok }) => !according && !quoteBefore && isOwner(tokens[v - 1]) && !/^(?:said|told)$/.test(tok.lower),
  },
  {
    id: 'passive',
    summary: 'a passive or idiom: "is said to", "was told", "so-called" (a progressive "was telling" is active)',
    example: 'The mayor was told about the flooding on Monday.',
    test: ({ tok, prev, quotedAs }) => {
      const progressive = /ing$/.test(tok.lower) && /^(?:is|was|were|are|be|been)$/.test(prev ?? '');
      return !quotedAs && !progressive && prev !== undefined && /^(?:is|was|were|are|be|been|being|so|get|got|gets)$/.test(prev);
    },
  },
  {
    id: 'adjective',
    summary: 'an adjective, not a verb: "the world’s most feared fighter"',
    example: 'She is the most feared fighter in the league.',
    test: ({ prev }) => prev !== undefined && /^(?:most|more|less|least|very|much|widely|little|well|much-)$/.test(prev),
  },
  {
    id: 'said-to-be',
    summary: '"is said to be"; but "said to reporters that", "said to the group, “…”" report',
    example: 'The old house, it is said to be haunted, stands empty.',
    test: ({ tokens, v, lemma, text, tok }) =>
      tokens[v + 1]?.lower === 'to' &&
      lemma === 'say' &&
      !/^\s+to\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\p{L}.&'’-]+\s+){0,2}?[\p{L}.&'’-]+(?:\s+that\b|,\s*[“"]|\s+(?:he|she|they|we|i|it|the|his|her|their)\s+\p{Ll}+)/u.test(
        text.slice(tok.end, tok.end + 80),
      ),
  },
  {
    id: 'added-amount',
    summary: 'an amount added, not words: "added 30 cents", "added 0.5 per cent"',
    example: 'The stock added 30 cents on Friday.',
    test: ({ lemma, tokens, v, text, tok }) =>
      lemma === 'add' &&
      /^(?:\$|\d|up|down|about|nearly|almost|another|more|some)/.test(tokens[v + 1]?.lower ?? '') &&
      !/^[\s,]*[“"]/.test(text.slice(tok.end, tok.end + 3)),
  },
  {
    id: 'to-infinitive',
    summary: '"declined to say", "wants to tell": only "went on to", "continued to", "was quick to" report',
    example: 'The minister declined to say whether the talks would resume.',
    test: ({ according, prev, catenative }) => !according && prev === 'to' && catenative < 0,
  },
];

/** "According to X": the source follows, and its role never comes from what follows it. */
function accordingTo(site: VerbSite): CueResult {
  if (!site.according) return undefined;
  const { text, tokens, v, tok, lemma } = site;
  // "According to early results of the exit poll conducted by Edison Research, Clinton led …":
  // at the start of a sentence the source runs to the comma, in the story's words.
  const after =
    v === 0
      ? (sourceToComma(text, tokens, v + 2) ?? findSubjectAfter(text, tokens, v + 1, tokens.length))
      : findSubjectAfter(text, tokens, v + 1, tokens.length);
  return after ? cue({ ...after, role: null }, tok, lemma, true, 'according-to') : null;
}

/**
 * "Doug Purdy, who lost 16 lbs. “and two belt loops” since May, says …": a quote inside a relative
 * clause before the verb doesn't end the subject's sentence.
 */
function nameBeforeRelative({ text, tokens, spans, v, floor }: VerbSite): Mention | null {
  let rel = -1;
  for (let k = v - 2; k >= Math.max(0, v - 40); k--) {
    if (tokens[k]?.text === ',' && /^(?:who|whose|which)$/.test(tokens[k + 1]?.lower ?? '')) {
      rel = k;
      break;
    }
  }
  if (rel <= 0 || rel >= floor) return null;
  let relFloor = 0;
  for (let k = rel - 1; k >= 0; k--) {
    const t = tokens[k];
    const next = tokens[k + 1];
    if (t && next && (spans.some((q) => q.start >= t.end && q.end <= next.start) || /[;]/.test(text.slice(t.end, next.start)))) {
      relFloor = k + 1;
      break;
    }
  }
  const named = findSubjectBefore(text, tokens, rel, relFloor);
  return named && /^\p{Lu}/u.test(named.parts[0] ?? '') ? { ...named, role: null } : null;
}

/** The subject right before the verb ("Smith said", "he was quoted as saying", "she went on to say"), or undefined. */
function subjectBefore(site: VerbSite): CueResult {
  const { text, tokens, v, floor, prev, quotedAs, catenative, tok, lemma } = site;
  // "… was forced into a rare moment of damage control and said": a verb right after "and" shares
  // its clause's subject (shared-subject); the phrase before "and" is that clause's object.
  const coordinated = prev === 'and' || prev === 'but';
  let before = coordinated ? null : findSubjectBefore(text, tokens, quotedAs ? v - 3 : catenative >= 0 ? catenative : v, floor);
  let id: CueRuleId = quotedAs ? 'quoted-as-saying' : catenative >= 0 ? 'went-on-to-say' : 'subject-before';
  if (!before && floor > 0 && prev === ',') {
    before = nameBeforeRelative(site);
    if (before) id = 'subject-before-relative';
  }
  if (!before) return undefined;
  const start = before.start;
  const at = tokens.findIndex((t) => t.start >= start);
  // "The memo obtained by The Herald said": the agent of a participle is not who speaks; the whole
  // phrase is (findLongSubject reads it as a document and its holder). ("… backed by Jane Smith,
  // who said" is hers.)
  if (!/,\s*who\b/.test(text.slice(before.end, tok.start))) {
    const k = /^(?:the|a|an)$/.test(tokens[at - 1]?.lower ?? '') ? at - 1 : at;
    if (tokens[k - 1]?.lower === 'by' && /^(?:\p{Ll}+ed|seen|shown|written|given|taken|drawn)$/u.test(tokens[k - 2]?.text ?? '')) return undefined;
  }
  return reportsHere(site, before, at) ? cue(before, tok, lemma, false, id) : null;
}

/** The checks on a subject found before the verb: no condition, no thought about a noun, no writer. */
function reportsHere(site: VerbSite, before: Mention, at: number): boolean {
  const { text, tokens, lemma, nouns } = site;
  const previous = tokens[at - 1];
  const first = tokens[at];
  // "but if the president is now saying, “…”": what someone would be saying, if, is no report.
  if (/^(?:if|unless|whether)$/.test(previous?.lower ?? '')) return false;
  // "a few relationships she thought she could count on", "how much money they hoped Mrs. Clinton
  // would divert": a thought in a relative clause about a noun is no report. (Speech is: "a poem
  // she said was written by a Chinese poet".)
  const pronoun = before.parts.length === 1 && /^(?:he|she|they|we)$/i.test(before.parts[0] ?? '');
  if (
    COGNITION.has(lemma) &&
    pronoun &&
    previous &&
    first &&
    /^\p{Ll}/u.test(previous.text) &&
    nouns().has(previous.start) &&
    /^\s+$/.test(text.slice(previous.end, first.start)) &&
    !/^(?:that|which|who|whom|when|where|while|because|if|as|and|but|or|so|time|times|day|days|moment|night|morning|week|year|way)$/.test(previous.lower)
  )
    return false;
  // "I think …", "we believe …" in a column, "It's estimated …": the writer, not a source.
  return !(before.parts.length === 1 && /^(?:i|we|it['’]s|there)$/i.test(before.parts[0] ?? ''));
}

/** Words that may stand between "and" and the verb it joins: "… and in a carefully worded response said". */
const JOINED_LEAD = /^(?:in|on|at|during|later|then|also|have|has|had|would|will|could|may|might)$/;

/** The verb shares the subject of the sentence's clause before it: "He said …, and added he …", "…, saying …". */
function sharedSubject(site: VerbSite): CueResult {
  const { text, tokens, v, floor, prev, quoteBefore, tok, lemma, found } = site;
  // "… and in a carefully worded response said …", "…, and have alleged in court documents
  // that …": look past a short adverbial or an auxiliary to the "and".
  let back = v - 1;
  if (/^(?:in|on|at|during|later|then|also)$/.test(tokens[back]?.lower ?? '') || /^\p{Ll}/u.test(tokens[back]?.text ?? '')) {
    for (let k = v - 1; k >= Math.max(floor, v - 7); k--) if (/^(?:and|but)$/.test(tokens[k]?.lower ?? '')) back = k;
  }
  const joinedWord = tokens[back]?.lower;
  // "… and then, behind her back, sniffed that …": an aside between "and" and the verb.
  const aside = prev === ',' && !quoteBefore ? coordinatedAcrossAside(tokens, v, floor) : -1;
  const joined =
    prev === 'and' ||
    prev === 'but' ||
    aside >= 0 ||
    ((joinedWord === 'and' || joinedWord === 'but') && JOINED_LEAD.test(tokens[back + 1]?.lower ?? '')) ||
    (prev === ',' && tok.lower.endsWith('ing'));
  if (!joined || !reportsOnItsOwn(site)) return undefined;
  // "Cable had been diagnosed with colon cancer and told he had three months to live": a verb that
  // shares a passive's auxiliary is passive too; he was told. ("… and told his mother he …" has a
  // listener: active.)
  const and = aside >= 0 ? aside : prev === 'and' || prev === 'but' ? v - 1 : back;
  const from = tokens[floor];
  const to = tokens[and];
  const passive =
    /^(?:told|asked|informed|advised|warned|urged|ordered|reminded)$/.test(tok.lower) &&
    /^(?:that|he|she|they|we|i|it)$/.test(tokens[v + 1]?.lower ?? '') &&
    from !== undefined &&
    to !== undefined &&
    /\b(?:been|was|were|is|are|being)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn|nt|ught)\b[^,;.]*$/u.test(text.slice(from.start, to.start));
  if (passive) return undefined;
  // 'He voiced his “…” on Twitter, writing “…”': a quote before the verb set the floor, but the
  // sentence's subject is still its first words. "… she picked it up and crowed": the pronoun that
  // opens the first verb's clause.
  const last = found[found.length - 1];
  const since = clauseSubjectSince(text, tokens, last, and, floor);
  const shared =
    since !== undefined
      ? since
      : (last?.mention ??
        clausePronounBefore(tokens, and, floor) ??
        gerundAgent(tokens, v, floor) ??
        findSubjectAtStart(text, tokens, floor) ??
        (floor > 0 ? findSubjectAtStart(text, tokens, 0) : null));
  return shared ? cue(shared, tok, lemma, false, 'shared-subject') : undefined;
}

/**
 * A verb that only reports with a quote or "that" ("crowed, “…”", "sniffed that …") reports here
 * when the quote or clause follows it; a clause verb always does.
 */
function reportsOnItsOwn({ text, lemma, tok }: VerbSite): boolean {
  return (
    CLAUSE_VERBS.has(lemma) ||
    talksAbout(text, lemma, tok.end) ||
    /^\s*(?:,\s*)?[“"]|^\s*that\b|^\s*:/.test(text.slice(tok.end, tok.end + 8)) ||
    (/^(?:urge|ask)$/.test(lemma) && /^\s+(?:[\p{L}'’-]+\s+){1,6}?to\s+\p{Ll}/u.test(text.slice(tok.end, tok.end + 80)))
  );
}

/** "People arrested last week said that …": a subject too long for the phrase walker, for a clause verb. */
function longSubject(site: VerbSite): CueResult {
  if (!CLAUSE_VERBS.has(site.lemma)) return undefined;
  const subject = findLongSubject(site.text, site.tokens, site.v, site.floor);
  return subject ? cue(subject, site.tok, site.lemma, false, 'long-subject') : undefined;
}

/** The verb comes right after a quotation: "“…,” said …". */
function followsQuote({ spans, text, tok }: VerbSite): boolean {
  return spans.some((s) => s.end <= tok.start && /^[\s,—–-]*$/.test(text.slice(s.end, tok.start)));
}

/**
 * "…, told Tracy she was …", "…, urged the British government “to …”": whoever follows a verb that
 * takes its listener as object is the listener, never the speaker.
 */
function listenerAfter(site: VerbSite): CueResult {
  return /^(?:tell|inform|assure)$/.test(site.lemma) || (!followsQuote(site) && /^(?:urge|ask|accuse|advise|scold|tease|call|describe)$/.test(site.lemma))
    ? null
    : undefined;
}

/** "said Smith" only right after a quote or a comma ("…, said the minister."). */
function subjectAfter(site: VerbSite): CueResult {
  const { text, tokens, spans, v, floor, prev, particle, tok, lemma } = site;
  if (!followsQuote(site) && prev !== ',' && v !== floor) return null;
  let ceiling = tokens.length;
  for (let k = v + 1; k < tokens.length; k++) {
    const last = tokens[k - 1];
    const t = tokens[k];
    if (last && t && spans.some((s) => s.start >= last.end && s.start < t.start)) {
      ceiling = k;
      break;
    }
  }
  const after = findSubjectAfter(text, tokens, particle ? v + 1 : v, ceiling);
  if (!after) return null;
  // "…, alleged the Prime Minister's Office leaned on …": a verb after the phrase makes it the
  // subject of the reported clause, not the one alleging.
  const next = tokens.find((t) => t.start >= after.end);
  const clause =
    next !== undefined &&
    /^(?:\p{Ll}+ed|is|was|were|are|had|has|have|would|will|could|should|can|may|might|did|does)$/u.test(next.text) &&
    !RELATIVE_PARTICIPLE.test(next.text);
  return clause ? null : cue(after, tok, lemma, true, 'subject-after');
}

/** Who says a reporting verb, in order; the first rule that claims the verb decides. */
const VERB_CUES: readonly Rule<VerbSite>[] = [
  { id: 'according-to', match: accordingTo },
  { id: 'subject-before', match: subjectBefore },
  { id: 'shared-subject', match: sharedSubject },
  { id: 'long-subject', match: longSubject },
  { id: 'listener-after', match: listenerAfter },
  { id: 'subject-after', match: subjectAfter },
];

function firstOf<S>(rules: readonly Rule<S>[], site: S): CueResult {
  for (const rule of rules) {
    const result = rule.match(site);
    if (result !== undefined) return result;
  }
  return undefined;
}

function cueAt(site: CueSite): Attribution | null {
  const word = firstOf(WORD_CUES, site);
  if (word !== undefined) return word;
  const verb = readVerb(site);
  if (!verb || NOT_REPORTING.some((rule) => rule.test(verb))) return null;
  return firstOf(VERB_CUES, verb) ?? null;
}

/** Every reporting verb in `unit`, outside quotation marks, with the mention of who says. */
export function findAttributions(text: string, unit: Range, spans: readonly QuoteSpan[]): Attribution[] {
  const tokens = tokenize(text, unit.start, unit.end).filter((t) => !isInside(t.start, spans));
  const out: Attribution[] = [];
  let nouns: ReadonlySet<number> | null = null;
  const site = { text, unit, spans, tokens, found: out, nouns: () => (nouns ??= nounsIn(text, unit)) };
  tokens.forEach((word, v) => {
    const found = cueAt({ ...site, v, word });
    if (found) out.push(found);
  });
  return out;
}

/** Offsets of the words the tagger reads as nouns, not verbs, in a sentence unit. */
function nounsIn(text: string, unit: Range): ReadonlySet<number> {
  const out = new Set<number>();
  for (const t of tagText(text.slice(unit.start, unit.end))) {
    if (t.tags.has('Noun') && !t.tags.has('Verb')) out.add(unit.start + t.start);
  }
  return out;
}

/** "Ginsburg’s", "their": a word that owns the noun after it ("he’s", "it’s", "that’s" are contractions). */
function isOwner(token: Token | undefined): boolean {
  if (!token) return false;
  if (/^(?:his|her|their|its|our|my|your)$/.test(token.lower)) return true;
  if (/^(?:he|she|it|that|there|who|what|here|where|let|how|why|when)['’]s$/.test(token.lower)) return false;
  return /^\p{L}[\p{L}.-]*['’]s$/u.test(token.text) || /^\p{Ll}+s['’]$/u.test(token.text);
}

/** The NOT_REPORTING rules that stop a reporting word in `text` (one sentence, no quotation marks): for tests and --explain. */
export function notReportingIn(text: string): string[] {
  const unit = { start: 0, end: text.length };
  const tokens = tokenize(text, 0, text.length);
  let nouns: ReadonlySet<number> | null = null;
  const base = { text, unit, spans: [], tokens, found: [], nouns: () => (nouns ??= nounsIn(text, unit)) };
  return tokens.flatMap((word, v) => {
    const verb = firstOf(WORD_CUES, { ...base, v, word }) === undefined ? readVerb({ ...base, v, word }) : null;
    return verb ? NOT_REPORTING.filter((rule) => rule.test(verb)).map((rule) => rule.id) : [];
  });
}
