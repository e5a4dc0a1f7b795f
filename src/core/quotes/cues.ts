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
import { PHRASAL_REPORTING, POSSESSIVE_SUBJECT, RELATIVE_PARTICIPLE, REPORTING_VERBS } from '../lexicon.ts';
import { tagText } from '../nlp.ts';
import { firstClaim, type TableRule } from '../rule-table.ts';
import type { QuoteSpan, Range } from '../read/split.ts';
import { tokenize, type Token } from '../read/tokens.ts';
import { longSubject, polledShare, sharedSubject, subjectBefore } from './cue-subjects.ts';
import { findSubjectAfter } from './subject-after.ts';
import { catenativeStart, findSubjectAtStart, floorBefore, PRE_VERB_ADVERB, sourceToComma } from './subjects.ts';
import { type Attribution, type CueResult, type CueSite, cue, isInside, ownerAsSubject, type VerbSite } from './types.ts';

/** A reason a reporting word reports nothing where it stands. */
interface NotReporting {
  readonly id: string;
  readonly summary: string;
  readonly example: string;
  readonly test: (site: VerbSite) => boolean;
}

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

/** Words given out as a whole: "issued the following statement:", "these comments from X:". */
const GIVEN_WORDS = /^(?:statement|statements|message|letter|post|note|response|reply|comment|comments|remarks)$/;
/** Verbs of giving such words out; "put out" ends on its particle. */
const GIVING =
  /^(?:issued|issues|released|releases|posted|posts|shared|shares|sent|sends|gave|gives|offered|offers|published|publishes|delivered|delivers|out)$/;
const GIVEN_BEFORE = /^(?:following|short|brief|written|joint|new|lengthy|terse|long|same|these|those|this|the|a|an|his|her|their|its)$/;

/**
 * "Donald Trump issued the following statement:", "Another bright spot are these comments from
 * Ian Betteridge, who …:": words someone gave out, named at the end of a sentence that a colon
 * closes, so that they introduce the quotation after it. The giver is the sentence's subject, or
 * follows "from". Only before a colon: "issued a statement on Monday" alone reports nothing.
 */
function gaveWords(site: CueSite): CueResult {
  const { text, unit, tokens, spans, v, word } = site;
  if (!GIVEN_WORDS.test(word.lower)) return undefined;
  const from = tokens[v + 1]?.lower === 'from';
  // Before the colon only a time or place ("on Monday"), or the giver and a description of them.
  const tail = from ? /^[^.;!?“”"]{0,90}:\s*(?:$|[“"])/u : /^(?:\s+[\p{L}\d'’-]+){0,4}\s*:\s*(?:$|[“"])/u;
  if (!tail.test(text.slice(word.end, unit.end))) return undefined;
  if (from) {
    const owner = findSubjectAfter(text, tokens, v + 1, tokens.length);
    if (!owner) return undefined;
    // "a message from her senior policy advisor, Ann O'Leary, that read:": the name set beside the role.
    const named = /^,\s+(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}),/u.exec(text.slice(owner.end));
    if (!named?.[1]) return cue({ ...owner, role: null }, word, 'say', true, 'gave-words');
    const start = owner.end + named[0].indexOf(named[1]);
    const role = text.slice(owner.start, owner.end);
    return cue({ parts: [named[1]], start, end: start + named[1].length, role }, word, 'say', true, 'gave-words');
  }
  let k = v - 1;
  while (k > 0 && GIVEN_BEFORE.test(tokens[k]?.lower ?? '')) k--;
  const verb = tokens[k];
  if (k === v - 1 || !verb || !GIVING.test(verb.lower) || (verb.lower === 'out' && tokens[k - 1]?.lower !== 'put')) return undefined;
  const at = verb.lower === 'out' ? k - 1 : k;
  const subject = findSubjectAtStart(text, tokens, floorBefore(text, unit, tokens, spans, at));
  const between = subject ? text.slice(subject.end, tokens[at]?.start).trim() : '';
  if (!subject || !between.split(/\s+/).every((w) => w === '' || PRE_VERB_ADVERB.test(w.toLowerCase()))) return undefined;
  return cue({ ...subject, role: null }, word, 'say', false, 'gave-words');
}

/** Words that are not reporting verbs but name who says, in order. */
const WORD_CUES: readonly TableRule<CueSite, Attribution | null>[] = [
  { id: 'in-words', match: inWords },
  { id: 'response-of', match: responseOf },
  { id: 'noun-from-that', match: nounFromThat },
  { id: 'gave-words', match: gaveWords },
];

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
      if (according || /(?:ed|ing)$|^(?:said|says|told|wrote|thought)$/.test(tok.lower) || !nouns().has(tok.start)) return false;
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
    id: 'counterfactual',
    summary: 'what someone might, could, should or would have said is not what they said',
    example: 'The company might have suggested that it would cap its fares during the storm.',
    test: ({ tokens, v, prev }) => prev === 'have' && /^(?:might|could|should|would|must)$/.test(tokens[v - 2]?.lower ?? ''),
  },
  {
    id: 'adjective',
    summary: 'an adjective, not a verb: "the world’s most feared fighter"',
    example: 'She is the most feared fighter in the league.',
    test: ({ prev }) => prev !== undefined && /^(?:most|more|less|least|very|much|widely|little|well|much-)$/.test(prev),
  },
  {
    id: 'said-to-be',
    summary: '"is said to be"; but "said to reporters that", "said to the group, “…”", "“…,” Clinton said to People." report',
    example: 'The old house, it is said to be haunted, stands empty.',
    test: ({ tokens, v, lemma, text, tok }) =>
      tokens[v + 1]?.lower === 'to' &&
      lemma === 'say' &&
      !/^\s+to\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\p{L}.&'’-]+\s+){0,2}?[\p{L}.&'’-]+(?:\s+that\b|,\s*[“"]|\s+(?:he|she|they|we|i|it|the|his|her|their)\s+\p{Ll}+)/u.test(
        text.slice(tok.end, tok.end + 80),
      ) &&
      // "said to People.", "said to Fox News’ Megyn Kelly.", "said to cheers.": a listener (or the
      // room's answer) ends the sentence.
      !/^\s+to\s+(?:(?:the|a|an)\s+)?(?:\p{Lu}[\p{L}&'’-]*|\p{Ll}+s)(?:\s+\p{Lu}[\p{L}&'’-]*){0,3}\s*[.!?,](?:\s|$)/u.test(text.slice(tok.end, tok.end + 80)),
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
      : (findSubjectAfter(text, tokens, v + 1, tokens.length) ?? sourceToComma(text, tokens, v + 2, false));
  return after ? cue({ ...after, role: null }, tok, lemma, true, 'according-to') : null;
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
  // "…, alleged the Prime Minister's Office leaned on …", "…, said Clinton didn’t appear
  // concerned": a verb after the phrase makes it the subject of the reported clause, not the one alleging.
  const next = tokens.find((t) => t.start >= after.end);
  const clause =
    next !== undefined &&
    /^(?:\p{Ll}+ed|is|was|were|are|had|has|have|would|will|could|should|can|may|might|did|does|\p{Ll}+n['’]t)$/u.test(next.text) &&
    !RELATIVE_PARTICIPLE.test(next.text);
  return clause ? null : cue(after, tok, lemma, true, 'subject-after');
}

/** Who says a reporting verb, in order; the first rule that claims the verb decides. */
const VERB_CUES: readonly TableRule<VerbSite, Attribution | null>[] = [
  { id: 'according-to', match: accordingTo },
  { id: 'polled-share', match: polledShare },
  { id: 'subject-before', match: subjectBefore },
  { id: 'shared-subject', match: sharedSubject },
  { id: 'long-subject', match: longSubject },
  { id: 'listener-after', match: listenerAfter },
  { id: 'subject-after', match: subjectAfter },
];

function cueAt(site: CueSite): Attribution | null {
  const word = firstClaim(WORD_CUES, site);
  if (word !== undefined) return word;
  const verb = readVerb(site);
  if (!verb) return null;
  // Who says it first, then whether the word reports at all: the same answer, but the tagger
  // (the 'noun' test) runs only for a word some cue gives a speaker, not for every "report" and "claim".
  const claimed = firstClaim(VERB_CUES, verb) ?? null;
  return claimed && !NOT_REPORTING.some((rule) => rule.test(verb)) ? claimed : null;
}

/** Every reporting verb in `unit`, outside quotation marks, with the mention of who says. */
export function findAttributions(text: string, unit: Range, spans: readonly QuoteSpan[]): Attribution[] {
  const out: Attribution[] = [];
  for (const site of unitSites(text, unit, spans, out)) {
    const found = cueAt(site);
    if (found) out.push(found);
  }
  return out;
}

/** A site for each word of `unit` outside quotation marks; `found` holds what earlier words attributed. */
function unitSites(text: string, unit: Range, spans: readonly QuoteSpan[], found: readonly Attribution[]): CueSite[] {
  const tokens = tokenize(text, unit.start, unit.end).filter((t) => !isInside(t.start, spans));
  let nouns: ReadonlySet<number> | null = null;
  const base = { text, unit, spans, tokens, found, nouns: () => (nouns ??= nounsIn(text, unit)) };
  return tokens.map((word, v) => ({ ...base, v, word }));
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

/** The NOT_REPORTING rules that stop a reporting word in `text` (one sentence, no quotation marks): for the rule tests. */
export function notReportingIn(text: string): string[] {
  return unitSites(text, { start: 0, end: text.length }, [], []).flatMap((site) => {
    const verb = firstClaim(WORD_CUES, site) === undefined ? readVerb(site) : null;
    return verb ? NOT_REPORTING.filter((rule) => rule.test(verb)).map((rule) => rule.id) : [];
  });
}
