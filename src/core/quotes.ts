/**
 * Finding quotations: direct quotes in quotation marks (including split and carried-on quotes) and
 * reported speech ("X said that …", "…, X said.", "according to X"). Each comes with the mention of
 * its speaker as written; resolving mentions to people is the next stage (speakers.ts).
 */
import { hasFiniteVerb, hasVerb, tagText } from './nlp.ts';
import {
  ADVERBIAL_START,
  CLAUSE_VERBS,
  NOT_NAME_START,
  OBJECT_VERBS,
  PHRASAL_REPORTING,
  POSSESSIVE_SUBJECT,
  RELATIVE_PARTICIPLE,
  REPORTING_VERBS,
} from './lexicon.ts';
import { cityBeforeRegion, findSubjectAfter, findSubjectBefore, isNominalHead, type Mention } from './mentions.ts';
import type { CueRuleId, QuoteRuleId } from './rules.ts';
import { findSaid } from './said.ts';
import { findQuoteSpans, splitSentences, wordCount, type QuoteSpan, type Range } from './split.ts';
import { tokenize, type Token } from './tokens.ts';
import type { QuoteKind, Said } from './types.ts';

/** A quotation before its speaker is resolved. Offsets are within the paragraph. */
export interface FoundQuote {
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: QuoteKind;
  /** The speaker as the sentence names them; null when the quote floats. */
  readonly mention: Mention | null;
  readonly verb: string;
  readonly said: Said | null;
  /** Index of the sentence unit in the paragraph. */
  readonly unit: number;
  /** The quotation starts its sentence (only such quotes may continue an earlier speaker). */
  readonly opensSentence: boolean;
  /**
   * A short lead with no speaker introduces it ("And here was the big reveal: “…”"), or its own
   * words finish a sentence the writer began ("The Prime Minister “could get a deal if …”").
   */
  readonly shortLead?: boolean;
  /** The whole text of an embedded post (a tweet), whose author is named after it. */
  readonly embed?: boolean;
  /**
   * It relays what others said (a tweet, "according to Gibson, Major said …"): the quotations
   * inside it stay quotations of their own.
   */
  readonly relays?: boolean;
  /** Id of the rule in QUOTE_RULES (rules.ts) that found the quotation. */
  readonly rule: QuoteRuleId;
  /** Id of the rule in CUE_RULES (rules.ts) that found the words naming its speaker, 'none' when none do. */
  readonly cue: CueRuleId;
}

interface Attribution {
  readonly mention: Mention;
  readonly verb: Token;
  readonly lemma: string;
  /** Subject comes after the verb: "said Smith". */
  readonly inverted: boolean;
  /** Id of the rule in CUE_RULES (rules.ts) that found it. */
  readonly cue: CueRuleId;
}

/** Verbs that may take a clause without "that" ("Umerov said consultations would …"). */
const BARE_CLAUSE_VERBS = new Set(
  'say tell add write note argue insist explain claim suggest warn believe think stress emphasize emphasise contend allege testify concede predict assert reiterate tweet admit acknowledge confirm confess complain hope fear agree boast lament worry guess reckon figure joke quip assure inform remind promise vow swear announce state declare'.split(
    ' ',
  ),
);

/** Verbs of thinking, not saying: inside someone's speech they report no quote of their own. */
const COGNITION = new Set(['believe', 'think', 'hope', 'fear', 'wonder', 'imagine', 'guess', 'agree']);

/** Reporting verbs that more often do something else: "maintain a presence", "call a vote". */
const OFTEN_NOT_SPEECH = new Set(
  'maintain continue indicate reveal charge reason reflect demand propose recommend threaten highlight underline specify observe counter respond answer report estimate describe call'.split(
    ' ',
  ),
);

/** Short quoted words are scare quotes, nicknames or titles unless a reporting verb frames them. */
const MIN_DIRECT_WORDS = 4;

/** The one whose words they are, as a mention: "her" → "she", "Smith's" → "Smith". */
function ownerAsSubject(owner: string): string {
  return POSSESSIVE_SUBJECT.get(owner.toLowerCase()) ?? owner.replace(/['’]s?$/, '');
}

function isInside(pos: number, spans: readonly QuoteSpan[]): boolean {
  return spans.some((s) => pos >= s.start && pos < s.end);
}

/** Every reporting verb in `unit`, outside quotation marks, with the mention of who says. */
export function findAttributions(text: string, unit: Range, spans: readonly QuoteSpan[]): Attribution[] {
  const tokens = tokenize(text, unit.start, unit.end).filter((t) => !isInside(t.start, spans));
  const out: Attribution[] = [];
  let nouns: ReadonlySet<number> | null = null;
  tokens.forEach((word, v) => {
    // "It had, in her words, become “unhealthy”": the owner of the words is the source.
    if (word.lower === 'words') {
      const own = tokens[v - 1]?.lower === 'own' ? 1 : 0;
      const owner = tokens[v - 1 - own];
      const named = owner && /['’]s?$/.test(owner.text) && /^\p{Lu}/u.test(owner.text);
      if (owner && tokens[v - 2 - own]?.lower === 'in' && (POSSESSIVE_SUBJECT.has(owner.lower) || named)) {
        const parts = [ownerAsSubject(owner.text)];
        out.push({ mention: { parts, start: owner.start, end: owner.end, role: null }, verb: word, lemma: 'in words', inverted: true, cue: 'in-words' });
      }
      return;
    }
    // "“The best sleigh this Christmas!” was the response of one jolly viewer": the words' owner follows.
    if (
      /^(?:response|reply|reaction|verdict|retort|answer|comment|message|refrain)$/.test(word.lower) &&
      /^(?:was|came)$/.test(tokens[v - 2]?.lower ?? '') &&
      tokens[v - 1]?.lower === 'the' &&
      /^(?:of|from)$/.test(tokens[v + 1]?.lower ?? '') &&
      spans.some((q) => q.end <= tokens[v - 2]!.start && /^[\s,]*$/.test(text.slice(q.end, tokens[v - 2]!.start)))
    ) {
      const owner = findSubjectAfter(text, tokens, v + 1, tokens.length);
      if (owner) out.push({ mention: { ...owner, role: null }, verb: tokens[v - 2]!, lemma: 'say', inverted: true, cue: 'response-of' });
      return;
    }
    // "a scathing attack from Beijing's envoy in Ottawa that it smacks of “…”": words named by a noun,
    // their speaker after "from" or "by", what was said after "that".
    if (
      /^(?:attack|criticism|warning|claim|assertion|accusation|complaint|assurance|suggestion|insistence|admission|promise|pledge|allegation)s?$/.test(
        word.lower,
      ) &&
      /^(?:from|by)$/.test(tokens[v + 1]?.lower ?? '')
    ) {
      const that = tokens.findIndex((t, k) => k > v + 2 && k <= v + 10 && t.lower === 'that');
      const owner = that > 0 ? findSubjectAfter(text, tokens, v + 1, that) : null;
      // The clause must follow the speaker ("… from X that …"), not another noun ("… from the
      // commission and a subsequent settlement that …").
      if (
        owner &&
        tokens[that - 1] &&
        /^[\s,]*$/.test(text.slice(owner.end, tokens[that]!.start).replace(/^\s+in\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*/u, ''))
      )
        out.push({ mention: { ...owner, role: null }, verb: tokens[that - 1]!, lemma: 'say', inverted: false, cue: 'noun-from-that' });
      return;
    }
    // "according to X" works like an inverted reporting verb: the source follows.
    const according = word.lower === 'according' && tokens[v + 1]?.lower === 'to';
    // "pointed out", "put it": the verb is both words.
    const phrasal = PHRASAL_REPORTING.get(word.lower);
    const particle = phrasal && tokens[v + 1]?.lower === phrasal.particle ? tokens[v + 1]! : null;
    const tok = particle ? { ...word, text: text.slice(word.start, particle.end), end: particle.end } : word;
    const lemma = according ? 'according to' : particle ? phrasal!.lemma : REPORTING_VERBS.get(tok.lower);
    if (!lemma) return;
    // "welcomed the recall", "the report": the tagger says when a reporting word is a noun here.
    nouns ??= nounsIn(text, unit);
    // "team members dressed for a game say": "say" is a noun only after a determiner ("a say", "the final say").
    const sayVerb =
      tok.lower === 'say' &&
      !/^(?:a|the|their|his|her|its|our|your|my|final|no|any|some|more|much|equal|bigger|greater|real)$/.test(tokens[v - 1]?.lower ?? '');
    if (!according && nouns.has(tok.start) && !sayVerb && !/(?:ed|ing)$|^(?:said|says|told|wrote|thought)$/.test(tok.lower)) return;
    // A quotation between the previous word and the verb is a boundary: "… are “very exciting,” says …".
    const quoteBefore = v > 0 && spans.some((q) => q.start >= tokens[v - 1]!.end && q.end <= tok.start);
    const prev = quoteBefore ? ',' : tokens[v - 1]?.lower;
    // "Ginsburg’s comments “…”", "their claims": after an owner, a reporting word is a noun ("he’s said" is no owner).
    if (!according && !quoteBefore && isOwner(tokens[v - 1]) && !/^(?:said|told)$/.test(tok.lower)) return;
    // "he was quoted as saying": the subject comes before the passive.
    const quotedAs = prev === 'as' && tokens[v - 2]?.lower === 'quoted' && /^(?:was|is|were|been)$/.test(tokens[v - 3]?.lower ?? '');
    // Passives and idioms: "is said to", "was told", "so-called".
    // ("has been saying", "was telling": a progressive is active.)
    const progressive = /ing$/.test(tok.lower) && /^(?:is|was|were|are|be|been)$/.test(prev ?? '');
    if (!quotedAs && !progressive && prev && /^(?:is|was|were|are|be|been|being|so|get|got|gets)$/.test(prev)) return;
    // "the world's most feared fighter", "her long-promised …": an adjective, not a verb.
    if (prev && /^(?:most|more|less|least|very|much|widely|little|well|much-)$/.test(prev)) return;
    // "is said to be"; but "said to reporters that" reports a clause.
    // ("said to the group, “…”" and "said to reporters the race was close" report too.)
    if (
      tokens[v + 1]?.lower === 'to' &&
      lemma === 'say' &&
      !/^\s+to\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\p{L}.&'’-]+\s+){0,2}?[\p{L}.&'’-]+(?:\s+that\b|,\s*[“"]|\s+(?:he|she|they|we|i|it|the|his|her|their)\s+\p{Ll}+)/u.test(
        text.slice(tok.end, tok.end + 80),
      )
    )
      return;
    // "added 30 cents", "added 0.5 per cent": an amount, not words.
    if (
      lemma === 'add' &&
      /^(?:\$|\d|up|down|about|nearly|almost|another|more|some)/.test(tokens[v + 1]?.lower ?? '') &&
      !/^[\s,]*[“"]/.test(text.slice(tok.end, tok.end + 3))
    )
      return;
    // Word from a quote's gap: the floor is the nearest quote or clause boundary to the left.
    let floor = 0;
    for (let k = v - 1; k >= 0; k--) {
      const gap = tokens[k + 1] ? text.slice(tokens[k]!.end, tokens[k + 1]!.start) : '';
      if (spans.some((s) => s.start >= tokens[k]!.end && s.end <= (tokens[k + 1]?.start ?? unit.end)) || /[;]/.test(gap)) {
        floor = k + 1;
        break;
      }
    }
    if (according) {
      // The source's role never comes from what follows it: "According to Jane Smith, the talks …".
      // "According to early results of the exit poll conducted by Edison Research, Clinton led …":
      // at the start of a sentence the source runs to the comma, in the story's words.
      const after =
        v === 0
          ? (sourceToComma(text, tokens, v + 2) ?? findSubjectAfter(text, tokens, v + 1, tokens.length))
          : findSubjectAfter(text, tokens, v + 1, tokens.length);
      if (after) out.push({ mention: { ...after, role: null }, verb: tok, lemma, inverted: true, cue: 'according-to' });
      return;
    }
    // "He went on to say, “…”", "she continued to argue that …": the subject of the verb before "to".
    const catenative = prev === 'to' ? catenativeStart(tokens, v - 1, floor) : -1;
    if (prev === 'to' && catenative < 0) return;
    // "… was forced into a rare moment of damage control and said": a verb right after "and" shares
    // its clause's subject (below); the phrase before "and" is that clause's object.
    const coordinated = prev === 'and' || prev === 'but';
    let before = coordinated ? null : findSubjectBefore(text, tokens, quotedAs ? v - 3 : catenative >= 0 ? catenative : v, floor);
    let cue: CueRuleId = quotedAs ? 'quoted-as-saying' : catenative >= 0 ? 'went-on-to-say' : 'subject-before';
    // "Doug Purdy, who lost 16 lbs. “and two belt loops” since May, says …": a quote inside a
    // relative clause before the verb doesn't end the subject's sentence.
    if (!before && floor > 0 && prev === ',') {
      let rel = -1;
      for (let k = v - 2; k >= Math.max(0, v - 40); k--) {
        if (tokens[k]!.text === ',' && /^(?:who|whose|which)$/.test(tokens[k + 1]?.lower ?? '')) {
          rel = k;
          break;
        }
      }
      if (rel > 0 && rel < floor) {
        let relFloor = 0;
        for (let k = rel - 1; k >= 0; k--) {
          if (spans.some((q) => q.start >= tokens[k]!.end && q.end <= tokens[k + 1]!.start) || /[;]/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) {
            relFloor = k + 1;
            break;
          }
        }
        const named = findSubjectBefore(text, tokens, rel, relFloor);
        if (named && /^\p{Lu}/u.test(named.parts[0] ?? '')) {
          before = { ...named, role: null };
          cue = 'subject-before-relative';
        }
      }
    }
    // "The memo obtained by The Herald said": the agent of a participle is not who speaks; the
    // whole phrase is (findLongSubject reads it as a document and its holder). ("… backed by
    // Jane Smith, who said" is hers.)
    const at = before ? tokens.findIndex((t) => t.start >= before!.start) : -1;
    if (before && !/,\s*who\b/.test(text.slice(before.end, tok.start))) {
      const k = /^(?:the|a|an)$/.test(tokens[at - 1]?.lower ?? '') ? at - 1 : at;
      if (tokens[k - 1]?.lower === 'by' && /^(?:\p{Ll}+ed|seen|shown|written|given|taken|drawn)$/u.test(tokens[k - 2]?.text ?? '')) before = null;
    }
    // "but if the president is now saying, “…”": what someone would be saying, if, is no report.
    if (before && /^(?:if|unless|whether)$/.test(tokens[at - 1]?.lower ?? '')) return;
    // "a few relationships she thought she could count on", "how much money they hoped Mrs. Clinton
    // would divert": a thought in a relative clause about a noun is no report. (Speech is: "a poem
    // she said was written by a Chinese poet".)
    if (
      before &&
      COGNITION.has(lemma) &&
      before.parts.length === 1 &&
      /^(?:he|she|they|we)$/i.test(before.parts[0]!) &&
      at > 0 &&
      /^\p{Ll}/u.test(tokens[at - 1]!.text) &&
      nouns.has(tokens[at - 1]!.start) &&
      /^\s+$/.test(text.slice(tokens[at - 1]!.end, tokens[at]!.start)) &&
      !/^(?:that|which|who|whom|when|where|while|because|if|as|and|but|or|so|time|times|day|days|moment|night|morning|week|year|way)$/.test(
        tokens[at - 1]!.lower,
      )
    )
      return;
    // "I think …", "we believe …" in a column, "It's estimated …": the writer, not a source.
    if (before && before.parts.length === 1 && /^(?:i|we|it['’]s|there)$/i.test(before.parts[0]!)) return;
    if (before) {
      out.push({ mention: before, verb: tok, lemma, inverted: false, cue });
      return;
    }
    // "He said …, and added he …", "…, saying …": the verb shares the sentence's subject.
    // "… and in a carefully worded response said …", "…, and have alleged in court documents
    // that …": look past a short adverbial or an auxiliary to the "and".
    let back = v - 1;
    if (/^(?:in|on|at|during|later|then|also)$/.test(tokens[back]?.lower ?? '') || /^\p{Ll}/u.test(tokens[back]?.text ?? '')) {
      for (let k = v - 1; k >= Math.max(floor, v - 7); k--) if (/^(?:and|but)$/.test(tokens[k]!.lower)) back = k;
    }
    const joinedWord = tokens[back]?.lower;
    // "… and then, behind her back, sniffed that …": an aside between "and" and the verb.
    const aside = prev === ',' && !quoteBefore ? coordinatedAcrossAside(tokens, v, floor) : -1;
    const joined =
      prev === 'and' ||
      prev === 'but' ||
      aside >= 0 ||
      ((joinedWord === 'and' || joinedWord === 'but') &&
        /^(?:in|on|at|during|later|then|also|have|has|had|would|will|could|may|might)$/.test(tokens[back + 1]?.lower ?? '')) ||
      (prev === ',' && tok.lower.endsWith('ing'));
    // A verb that only reports with a quote or "that" ("crowed, “…”", "sniffed that …") shares the
    // subject too when the quote or clause follows it.
    const reports =
      CLAUSE_VERBS.has(lemma) ||
      talksAbout(text, lemma, tok.end) ||
      /^\s*(?:,\s*)?[“"]|^\s*that\b|^\s*:/.test(text.slice(tok.end, tok.end + 8)) ||
      (/^(?:urge|ask)$/.test(lemma) && /^\s+(?:[\p{L}'’-]+\s+){1,6}?to\s+\p{Ll}/u.test(text.slice(tok.end, tok.end + 80)));
    // "Cable had been diagnosed with colon cancer and told he had three months to live": a verb that
    // shares a passive's auxiliary is passive too; he was told.
    const and = aside >= 0 ? aside : prev === 'and' || prev === 'but' ? v - 1 : back;
    // ("… and told his mother he …" has a listener: active.)
    const passive =
      joined &&
      /^(?:told|asked|informed|advised|warned|urged|ordered|reminded)$/.test(tok.lower) &&
      /^(?:that|he|she|they|we|i|it)$/.test(tokens[v + 1]?.lower ?? '') &&
      /\b(?:been|was|were|is|are|being)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn|nt|ught)\b[^,;.]*$/u.test(text.slice(tokens[floor]!.start, tokens[and]!.start));
    if (joined && reports && !passive) {
      // 'He voiced his “…” on Twitter, writing “…”': a quote before the verb set the floor, but
      // the sentence's subject is still its first words. "… she picked it up and crowed": the
      // pronoun that opens the first verb's clause.
      const since = clauseSubjectSince(text, tokens, out[out.length - 1], and, floor);
      const shared =
        since !== undefined
          ? since
          : (out[out.length - 1]?.mention ??
            clausePronounBefore(tokens, and, floor) ??
            gerundAgent(tokens, v, floor) ??
            findSubjectAtStart(text, tokens, floor) ??
            (floor > 0 ? findSubjectAtStart(text, tokens, 0) : null));
      if (shared) {
        out.push({ mention: shared, verb: tok, lemma, inverted: false, cue: 'shared-subject' });
        return;
      }
    }
    const subject = findLongSubject(text, tokens, v, floor);
    if (subject && CLAUSE_VERBS.has(lemma)) {
      out.push({ mention: subject, verb: tok, lemma, inverted: false, cue: 'long-subject' });
      return;
    }
    // "…, told Tracy she was …", "…, urged the British government “to …”": whoever follows a verb
    // that takes its listener as object is the listener, never the speaker.
    const afterQuote = spans.some((s) => s.end <= tok.start && /^[\s,—–-]*$/.test(text.slice(s.end, tok.start)));
    if (/^(?:tell|inform|assure)$/.test(lemma) || (!afterQuote && /^(?:urge|ask|accuse|advise|scold|tease|call|describe)$/.test(lemma))) return;
    // "said Smith" only right after a quote or a comma ("…, said the minister.").
    if (afterQuote || prev === ',' || v === floor) {
      let ceiling = tokens.length;
      for (let k = v + 1; k < tokens.length; k++)
        if (spans.some((s) => s.start >= tokens[k - 1]!.end && s.start < tokens[k]!.start)) {
          ceiling = k;
          break;
        }
      const after = findSubjectAfter(text, tokens, particle ? v + 1 : v, ceiling);
      // "…, alleged the Prime Minister's Office leaned on …": a verb after the phrase makes it the
      // subject of the reported clause, not the one alleging.
      const next = after ? tokens.find((t) => t.start >= after.end) : undefined;
      const clause =
        next !== undefined &&
        /^(?:\p{Ll}+ed|is|was|were|are|had|has|have|would|will|could|should|can|may|might|did|does)$/u.test(next.text) &&
        !RELATIVE_PARTICIPLE.test(next.text);
      if (after && !clause) out.push({ mention: after, verb: tok, lemma, inverted: true, cue: 'subject-after' });
    }
  });
  return out;
}

/**
 * "… and then, behind her back, sniffed": the "and" before an aside set off by commas, when only
 * lower-case words lie between them. Returns the token index of "and", or -1.
 */
function coordinatedAcrossAside(tokens: readonly Token[], v: number, floor: number): number {
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
function gerundAgent(tokens: readonly Token[], v: number, floor: number): Mention | null {
  if (!tokens[v]!.lower.endsWith('ing') || tokens[v - 1]?.text !== ',') return null;
  for (let k = v - 2; k > floor && v - k <= 8; k--) {
    const t = tokens[k]!;
    if (/^[,;:.!?]$/.test(t.text)) return null;
    const subject = { him: 'he', her: 'she', them: 'they' }[t.lower];
    if (subject && /^\p{Ll}+ing$/u.test(tokens[k + 1]?.text ?? '')) return { parts: [subject], start: t.start, end: t.end, role: null };
  }
  return null;
}

/** "… she picked it up and crowed": the subject pronoun nearest before the "and", within the sentence. */
function clausePronounBefore(tokens: readonly Token[], and: number, floor: number): Mention | null {
  for (let k = and - 1; k >= floor && and - k <= 15; k--) {
    const t = tokens[k]!;
    if (/^[;:.!?]$/.test(t.text)) return null;
    const m = /^(he|she|they)(?:['’](?:d|s|ll|re))?$/i.exec(t.text);
    if (m) return { parts: [m[1]!], start: t.start, end: t.start + m[1]!.length, role: null };
  }
  return null;
}

/** Offsets of the words the tagger reads as nouns, not verbs, in a sentence unit. */
function nounsIn(text: string, unit: Range): ReadonlySet<number> {
  const out = new Set<number>();
  for (const t of tagText(text.slice(unit.start, unit.end))) {
    if (t.tags.has('Noun') && !t.tags.has('Verb')) out.add(unit.start + t.start);
  }
  return out;
}

/** The subject that opens a sentence: a pronoun or a name ("Wojtaszek questioned that logic, saying …"). */
/**
 * The source of a sentence-initial "According to …,": the words from `from` up to the first comma,
 * when they are a noun phrase of at most 16 words with no finite verb of its own. Null otherwise
 * (then the phrase walker decides).
 */
function sourceToComma(text: string, tokens: readonly Token[], from: number): Mention | null {
  const comma = tokens.findIndex((t, k) => k > from && t.text === ',');
  if (comma < 0 || comma - from > 16) return null;
  const first = tokens[from];
  const last = tokens[comma - 1];
  if (!first || !last || /^[;:.!?()“”"]$/.test(last.text) || tokens.slice(from, comma).some((t) => /^[;:.!?“”"]$/.test(t.text))) return null;
  const words = text.slice(first.start, last.end);
  // "According to Jane Smith" is for the walker, which knows names and roles.
  if (/^\p{Lu}/u.test(first.text) && !/^(?:The|A|An)$/.test(first.text)) return null;
  if (hasFiniteVerb(words.replace(/\b(?:conducted|released|published|obtained|commissioned|sponsored|issued|compiled|filed|seen|reviewed|prepared)\b/g, 'of')))
    return null;
  return { parts: [words], start: first.start, end: last.end, role: null };
}

/**
 * "Protest groups say …, and the ACLU of Ohio has sued the city, saying …": when a new clause
 * with its own subject (", and <subject> <verb>") opens after the sentence's last attribution, a
 * verb that shares a subject shares that clause's. Undefined when no such clause opens.
 */
function clauseSubjectSince(text: string, tokens: readonly Token[], last: Attribution | undefined, v: number, floor: number): Mention | null | undefined {
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

/** "Ginsburg’s", "their": a word that owns the noun after it ("he’s", "it’s", "that’s" are contractions). */
function isOwner(token: Token | undefined): boolean {
  if (!token) return false;
  if (/^(?:his|her|their|its|our|my|your)$/.test(token.lower)) return true;
  if (/^(?:he|she|it|that|there|who|what|here|where|let|how|why|when)['’]s$/.test(token.lower)) return false;
  return /^\p{L}[\p{L}.-]*['’]s$/u.test(token.text) || /^\p{Ll}+s['’]$/u.test(token.text);
}

/** A wire dateline opening a story's first paragraph: "ORLANDO, Fla. (Reuters) -", "WASHINGTON —". */
const DATELINE = /^\p{Lu}{2,}(?:[\s.'-]+\p{Lu}{2,})*(?:,\s*[\p{L}.]+(?:\s+[\p{L}.]+){0,2})?\s*(?:\([^)]{1,40}\))?\s*[-—–]+\s+/u;

function findSubjectAtStart(text: string, tokens: readonly Token[], floor: number): Mention | null {
  // "Later that month, SNC-Lavalin applied …, arguing …": the subject follows an opening adverbial.
  // "ORLANDO, Fla. (Reuters) - President Barack Obama met …": a dateline is no subject.
  const atStart = floor === 0;
  const dateline = atStart ? DATELINE.exec(text) : null;
  if (dateline) {
    const after = tokens.findIndex((t) => t.start >= dateline[0].length);
    if (after > 0) floor = after;
  }
  if (
    atStart &&
    /^(?:later|earlier|last|this|on|in|at|after|before|during|since|meanwhile|however|still|then|now|yesterday|today|first|finally|nonetheless|nevertheless|instead|afterwards|again|so|but|and|also|here|there|with|for|from|by|amid|despite|following|under|over|outside|inside|speaking)$/.test(
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
  // "Civic Action also has …": an adverb before the verb is no part of the subject.
  while (to > floor && PRE_VERB_ADVERB.test(tokens[to]!.lower)) to--;
  let span = tokens.slice(floor, to + 1);
  // "Martell, the addictions doctor on the South Shore, is more blunt": the name before the appositive.
  const comma = span.findIndex((t) => t.text === ',');
  if (comma > 0 && span.slice(0, comma).every((t) => /^\p{Lu}/u.test(t.text))) {
    span = span.slice(0, comma);
    to = floor + comma - 1;
  }
  if (span.length === 0 || span.length > 7 || span.some((t) => /^[,;:()—–.!?]$/.test(t.text))) return null;
  const last = tokens[to]!;
  return { parts: [text.slice(first.start, last.end)], start: first.start, end: last.end, role: null };
}

/** Adverbs between a subject and its verb ("Civic Action also has", "Musk again took"). */
const PRE_VERB_ADVERB = /^(?:also|again|then|later|quickly|finally|often|still|now|never|always|recently|already|once|even|only|just)$/;

/** Documents that say things as a sentence's subject ("A release sent to media from X said", "A tweet last week said"). */
const SUBJECT_DOCUMENT = /^(?:tweet|post|statement|release|report|study|survey|memo|letter|e-?mail|poll|filing|notice)s?$/;

/**
 * A subject too long for the phrase walker, from the start of the sentence to the verb:
 * "People arrested last week said that …", "A person familiar with the negotiations says …".
 */
function findLongSubject(text: string, tokens: readonly Token[], v: number, floor: number): Mention | null {
  // From the sentence start, or from the last ", and" / "but" before the verb.
  let from = floor;
  for (let k = v - 1; k > floor; k--) {
    if (/^(?:and|but)$/.test(tokens[k]!.lower) && tokens[k - 1]?.text === ',') {
      from = k + 1;
      break;
    }
  }
  // "But people arrested at the camp alleged …": a conjunction opening the sentence is no subject.
  if (from === floor && /^(?:but|and|yet|so|still)$/.test(tokens[from]?.lower ?? '') && v - from > 3) from++;
  // "As one veteran of such projects commented: “…”": the subject follows a leading "As".
  if (tokens[from]?.lower === 'as' && /^\s*[:,]/.test(text.slice(tokens[v]!.end, tokens[v]!.end + 3))) from++;
  // "However, in the two years since, some in the community say …": after the last comma.
  const lastComma = tokens
    .slice(from, v)
    .map((t) => t.text)
    .lastIndexOf(',');
  if (lastComma >= 0 && /^(?:some|many|most|several|few|all|both|others?)$/.test(tokens[from + lastComma + 1]?.lower ?? '')) from = from + lastComma + 1;
  // "… late Friday said", "A tweet last week said", "sources … have said": the day is when, not
  // who, and an auxiliary belongs to the verb.
  let to = v;
  while (to - 1 > from && /^(?:have|has|had|would|will|could|may|might|also|previously|repeatedly)$/.test(tokens[to - 1]!.text)) to--;
  if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(tokens[to - 1]?.lower ?? ''))
    to -= /^(?:on|late|early|last|this)$/.test(tokens[to - 2]?.text ?? '') ? 2 : 1;
  // ("People arrested last week said" keeps its week: it says which people.)
  else if (
    /^(?:week|month|year|weekend|night|spring|summer|fall|autumn|winter)$/.test(tokens[to - 1]?.lower ?? '') &&
    /^(?:last|this|next|earlier|later)$/.test(tokens[to - 2]?.lower ?? '') &&
    !/ed$/.test(tokens[to - 3]?.lower ?? '')
  )
    to -= 2;
  if (to - from < 2 || v - from > 12) return null;
  const span = tokens.slice(from, to);
  // ("A tweet last week said": a reporting word after a determiner is a noun.)
  if (
    span.some(
      (t, k) => /^[,;:()—–.!?]$/.test(t.text) || (REPORTING_VERBS.has(t.lower) && !/^(?:a|an|the|this|that|his|her|its|their)$/.test(span[k - 1]?.lower ?? '')),
    )
  )
    return null;
  // A clause, not a noun phrase: "she admonished MPs for not doing enough to (indicate)". "A release
  // sent to media from UFCW Local 832 said" is a document and its sender.
  const document = /^(?:a|an|the)$/.test(span[0]!.lower) && SUBJECT_DOCUMENT.test(span[1]?.lower ?? '');
  // "team members dressed for a game say": a participle phrase after the head may hold "for".
  const participle = span.findIndex((t, k) => k >= 1 && /^\p{Ll}+ed$|^(?:familiar|close|who|with)$/u.test(t.text) && isNominalHead(span[k - 1]!.lower));
  const core = participle > 0 ? span.slice(0, participle) : span;
  if (
    core.some(
      (t) =>
        /^(?:he|she|they|it|we|i|you|not|would|will|could|should|can|is|was|were|are|has|have|had|that|which)$/.test(t.lower) ||
        (!document && /^(?:to|for)$/.test(t.lower)),
    )
  )
    return null;
  // "The notice mirrored …": a verb inside makes it a clause, even after a document noun.
  if (
    document &&
    span
      .slice(2)
      .some((t) => /^\p{Ll}+ed$/u.test(t.text) && !/^(?:sent|released|issued|published|posted|filed|dated|signed)$/.test(t.lower) && t.lower !== 'obtained')
  )
    return null;
  if (
    participle > 0 &&
    span.slice(participle).some((t) => /^(?:he|she|they|it|we|i|you|not|would|will|could|should|can|is|was|were|are|has|have|had)$/.test(t.lower))
  )
    return null;
  if (
    /^(?:and|or|but|if|when|while|because|although|as|so|then|in|on|at|after|before|during|for|with|without|since|by|to|it|this|that|there|what|how|why)$/.test(
      span[0]!.lower,
    )
  )
    return null;
  const thatFollows = tokens[v + 1]?.lower === 'that';
  // "All those involved say …", "Everyone who was there said …": a pronoun for people heads it too.
  const headed =
    span.some((t) => isNominalHead(t.lower) || SUBJECT_DOCUMENT.test(t.lower)) ||
    /^(?:all|those|everyone|everybody|both|others|many|most|several)$/.test(span[0]!.lower);
  if (!thatFollows && !headed) return null;
  const first = span[0]!;
  const last = span[span.length - 1]!;
  return { parts: [text.slice(first.start, last.end)], start: first.start, end: last.end, role: null };
}

/** The framing words of a unit: its text with the quotations cut out, for when/where. */
function frameOf(text: string, unit: Range, spans: readonly QuoteSpan[]): string {
  let out = '';
  let pos = unit.start;
  for (const s of spans) {
    if (s.end <= unit.start || s.start >= unit.end) continue;
    out += `${text.slice(pos, Math.max(pos, s.start))} `;
    pos = Math.max(pos, s.end);
  }
  return (out + text.slice(pos, unit.end)).replace(/\s+/g, ' ').trim();
}

/**
 * "talking about how she saved Colton …", "talked about being “super excited”": what was said
 * follows "about" when a clause does; "talked about the budget" is a topic, and says nothing.
 */
const TALK_ABOUT = /^\s+about\s+(?=(?:how|why|being|having|wanting|feeling)\b)/;

function talksAbout(text: string, lemma: string, verbEnd: number): boolean {
  return lemma === 'talk' && TALK_ABOUT.test(text.slice(verbEnd, verbEnd + 30));
}

/** Where the reported clause starts after the verb: past the listener, adverbials and "that". */
/** "to a settlement … over allegations that …": after a long adverbial, a noun whose "that" opens its own content, not the verb's. */
const CONTENT_NOUN_END =
  /\b(?:allegations?|claims?|fact|evidence|belief|idea|notion|news|suggestions?|assertions?|charges?|accusations?|concerns?|fears?|hopes?|rumou?rs?|theory|arguments?|proof|signs?|assurances?|promises?)$/i;

function clauseStartAfter(text: string, a: Attribution, end: number): number | null {
  const rest = text.slice(a.verb.end, end);
  const that = /^(.{0,120}?)\bthat\b\s*/s.exec(rest);
  if (that && that[1] !== undefined) {
    const between = that[1].trim().replace(/^,|,$/g, '').trim();
    // ("said Monday he was very concerned … and that …": an adverbial, then a whole clause, is no frame.)
    const isFrame =
      between === '' ||
      (ADVERBIAL_START.test(between) && wordCount(between) <= 12 && !hasVerb(between) && (wordCount(between) <= 8 || !CONTENT_NOUN_END.test(between))) ||
      (OBJECT_VERBS.has(a.lemma) && wordCount(between) <= 6) ||
      /^(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}$/u.test(between);
    if (isFrame && !/[.!?]/.test(between)) return a.verb.end + that.index + that[1].length;
  }
  const about = a.lemma === 'talk' ? TALK_ABOUT.exec(rest) : null;
  if (about) return a.verb.end + about[0].length;
  if (!BARE_CLAUSE_VERBS.has(a.lemma)) return null;
  let offset = 0;
  let m: RegExpExecArray | null;
  let s = rest;
  // "said to reporters the race was close": whom it was said to.
  m =
    a.lemma === 'say'
      ? /^\s*to\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\p{L}.&'’-]+\s+){0,2}?[\p{L}.&'’-]+\s+(?=(?:he|she|they|we|i|it|the|his|her|their)\s+\p{Ll}+)/u.exec(s)
      : null;
  if (m) {
    offset += m[0].length;
    s = s.slice(m[0].length);
  }
  // Listener after tell/assure: "told reporters", "told the Globe", "told CBC News", "told his mother".
  m = OBJECT_VERBS.has(a.lemma)
    ? /^\s*((?:the\s+)?(?:\p{Lu}[\p{L}.&'’-]*\s+){1,4}|(?:him|her|them|me|us|reporters|journalists|lawmakers|parliament|police|(?:the|an?)\s+\p{L}+|\p{Ll}+s(?=\s+(?:that|he|she|they|it|i|we|the|his|her|their)\b)|(?:his|her|their|my|our)\s+\p{Ll}+(?=\s+(?:that|he|she|they|it|i|we)\b))\s+)/u.exec(
        s,
      )
    : null;
  if (m) {
    offset += m[0].length;
    s = s.slice(m[0].length);
  }
  // Adverbials: "on Saturday", "in a statement", "last week", "Friday".
  for (let i = 0; i < 3; i++) {
    m =
      /^\s*,?\s*(?:(?:on|in|at|during|last|earlier|later|this)\s+(?:a|an|the|his|her)?\s*(?:[\p{L}\p{N}'’-]+\s+){0,5}?(?:statement|interview|release|morning|afternoon|evening|night|week|month|year|conference|video|post|email|e-mail|(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|also|again|recently|previously)\b\s*,?\s*/iu.exec(
        s,
      );
    if (!m) break;
    offset += m[0].length;
    s = s.slice(m[0].length);
  }
  if (/^\s*[,:;.—–-]/.test(s) || s.trim() === '') return null;
  // "told an audience about …", "would say something to Colton": a topic or a pronoun object, not
  // the words said.
  if (/^\s*(?:about(?!\s+\$?\d)|something|anything|nothing|everything|much|little|goodbye|hello|sorry|thanks|so|yes|no)\b/i.test(s)) return null;
  return a.verb.end + offset + (s.length - s.trimStart().length);
}

/** "… and then left the room", "… and said": after a quoted description, the subject does something new. */
function startsNewAction(rest: string): boolean {
  const next = rest.replace(/^\s+(?:and|or)\s+/, '');
  return /^(?:then|later|also|he|she|they|it)\b/.test(next) || hasFiniteVerb(next.split(/\s+/).slice(0, 3).join(' '));
}

/**
 * Where "went on to", "continued to", "was quick to" starts, with `to` at token `i`: words that say
 * the subject did go on to speak (not "declined to", "wants to", "is expected to"). -1 otherwise.
 */
function catenativeStart(tokens: readonly Token[], i: number, floor: number): number {
  const w = (k: number) => (k >= floor ? (tokens[k]?.lower ?? '') : '');
  if (/^(?:on)$/.test(w(i - 1)) && /^(?:went|goes|go|going)$/.test(w(i - 2))) return i - 2;
  if (/^(?:continued|continues|proceeded|proceeds|hastened|rushed)$/.test(w(i - 1))) return i - 1;
  if (w(i - 1) === 'quick' && /^(?:was|were|is|are)$/.test(w(i - 2))) return i - 2;
  return -1;
}

/** A reported clause ends where another attribution starts: ", saying …", ", he believed …". */
const PAST_REPORTING = [...REPORTING_VERBS.keys()].filter((v) => /ed$|said|told|wrote|thought/.test(v) && !v.includes(' ')).join('|');
/** "… and then quipped" after a reported clause: a second reporting verb of the same subject. */
const SECOND_REPORT = new RegExp(`^[\\s,]*(?:and|but)\\s+(?:also\\s+|later\\s+|then\\s+)?(${PAST_REPORTING})\\b`, 'i');
/** Reporting verbs in -ing ("saying", "describing"), as a pattern. */
const ING_REPORTING = [...REPORTING_VERBS.keys()].filter((v) => v.endsWith('ing')).join('|');
const CLAUSE_BREAK = new RegExp(
  `;\\s+(?:he|she|they|it|we)\\s+(?:also\\s+)?(?:say|says|argue|argues|insist|insists|note|notes|add|adds|claim|claims|warn|warns|${PAST_REPORTING})\\b|,\\s+(?:(?:${ING_REPORTING})\\b|(?:he|she|they|it|we)\\s+(?:also\\s+)?(?:${PAST_REPORTING})\\b)|,\\s+(?:and|but)\\s+(?:also\\s+|later\\s+|then\\s+)?(?:${PAST_REPORTING})\\b|\\s+(?:and|but)\\s+(?:also|later|then)\\s+(?:${PAST_REPORTING})\\b|\\s+(?:and|but)\\s+(?:added|said|noted|stressed|insisted|warned|argued|explained|acknowledged|admitted|conceded|cautioned)\\b|\\s+(?:[—–-]\\s+)?(?:and|but)\\s+(?:he|she|it|they|we)\\s+(?:also\\s+|now\\s+|later\\s+)?(?:says|explains|adds|notes|warns|argues|insists)\\b`,
  'i',
);

/** "…, Jagelewski says the premium …": a named speaker starting a new attribution ends the clause. */
const NAMED_BREAK = new RegExp(
  `(?:,\\s+(?:(?:while|but|and|as)\\s+)?|\\s+(?:but|while|whereas)\\s+|\\s+[—–]\\s+(?:but|while|and)\\s+)(?:(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,3}|(?:the|some|many|other|most)\\s+(?:[\\p{Ll}-]+\\s+){0,3}(?=(?:say|said|says|argue|argued|insist|insisted|contend|contended)\\b))(?:also\\s+)?(?:${[...REPORTING_VERBS.keys()].filter((v) => /(?:s|ed|said|told|wrote|thought)$/.test(v)).join('|')}|say|argue|insist|contend)\\b`,
  'u',
);

/** "… six deaths in the past eight days that Lohmar said are unrelated": a named person's report in a relative clause is theirs. */
const RELATIVE_BREAK = new RegExp(
  `\\s+(?:that|which)\\s+(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,3}(?:said|says|say|believes|believed|thinks|thought|argued|argues|claimed|claims|insisted|insists)\\b`,
  'u',
);

/** "…, with a spokesperson for the camp describing the scene as …": someone else's words begin. */
const WITH_BREAK = new RegExp(`,\\s+with\\s+(?:[\\p{L}\\p{N}'’.-]+\\s+){1,8}?(?:${ING_REPORTING})\\b`, 'u');

function trimClause(text: string, start: number, end: number): [number, number] {
  const slice = text.slice(start, end);
  // "…, according to court documents": a second source closes the clause.
  const cuts = [
    CLAUSE_BREAK.exec(slice),
    NAMED_BREAK.exec(slice),
    WITH_BREAK.exec(slice),
    RELATIVE_BREAK.exec(slice),
    /,\s+according\s+to\b/i.exec(slice),
  ].filter((m) => m !== null);
  const cut = cuts.sort((a, b) => a.index - b.index)[0];
  let e = cut ? start + cut.index : end;
  while (e > start && /[\s.,;:!?]/.test(text.charAt(e - 1)) && !/["”]/.test(text.charAt(e - 1))) e--;
  let s = start;
  while (s < e && /[\s,]/.test(text.charAt(s))) s++;
  return [s, e];
}

/**
 * Find quotations in one paragraph. `carried` says whether the previous paragraph ended inside an
 * open quotation (news style re-opens it here without closing it there).
 */
export function findParagraphQuotes(text: string, paragraph: number): FoundQuote[] {
  // An embedded tweet is its author's words; what it reports others saying is found in it too.
  const tweet = embeddedTweet(text, paragraph);
  return tweet ? [tweet, ...quotesIn(text.slice(0, tweet.end), paragraph)] : quotesIn(text, paragraph);
}

function quotesIn(text: string, paragraph: number): FoundQuote[] {
  const spans = findQuoteSpans(text);
  const units = splitSentences(text, spans);
  const out: FoundQuote[] = [];
  units.forEach((unit, u) => {
    const inUnit = spans.filter((s) => s.start >= unit.start && s.start < unit.end);
    const attributions = findAttributions(text, unit, inUnit);
    const frame = frameOf(text, unit, inUnit);
    const said = findSaid(frame);
    // Reported speech carries its own days and venues ("said he was concerned about comments Ford
    // made Wednesday"): when and where come from the words around it, never from inside it.
    const saidAround = (start: number, end: number) =>
      findSaid(
        frameOf(
          text,
          unit,
          [...inUnit, { start, end } as QuoteSpan].sort((x, y) => x.start - y.start),
        ),
      );
    /** Reported speech from `from` to `to`, in the words of attribution `a`. */
    const reportedBy = (a: Attribution, from: number, to: number, rule: QuoteRuleId, relays?: FoundQuote['relays']): FoundQuote => ({
      paragraph,
      start: from,
      end: to,
      text: text.slice(from, to),
      kind: 'indirect',
      mention: a.mention,
      verb: a.verb.text,
      said: saidAround(from, to),
      unit: u,
      opensSentence: false,
      ...(relays ? { relays } : {}),
      rule,
      cue: a.cue,
    });
    const inWords = attributions.some((a) => a.lemma === 'in words');
    const direct = inUnit.filter(
      (s) =>
        !isBroadcastTitle(text, s) &&
        (wordCount(text.slice(s.innerStart, s.innerEnd)) >= MIN_DIRECT_WORDS ||
          isSentenceQuote(text, s) ||
          isFramedShortQuote(text, s, attributions) ||
          isCalledQuote(text, s, attributions) ||
          inWords),
    );
    const used = new Set<Attribution>();
    for (const s of direct) {
      const a =
        pickAttribution(
          text,
          s,
          attributions.filter((c) => !inOpeningClauseOnly(text, unit, c, s)),
        ) ??
        colonIntro(text, unit, s) ??
        ownWordsBefore(text, unit, s) ??
        attributionOpening(text, units[u + 1], spans, s, unit) ??
        speechTag(text, s, unit);
      const mixed = a && !a.inverted && a.verb.end <= s.start ? mixedClause(text, a, s, unit) : null;
      // A verb that only follows the quote at a distance ("Purdy, who lost “two belt loops” since May,
      // says the program changed his life") still reports its own clause.
      const distant = a && a.verb.start >= s.end && a.mention.start < s.start && !/^[\s,—–-]*$/.test(text.slice(s.end, a.verb.start));
      if (a && !distant) used.add(a);
      // "The star said he was gay and then quipped to Colton, “…”": the reported clause ends at a
      // second reporting verb of the same subject, which reports the quote.
      const second = mixed && mixed[1] <= s.start ? SECOND_REPORT.exec(text.slice(mixed[1], s.start)) : null;
      if (second) {
        out.push(reportedBy(a!, mixed![0], mixed![1], 'second-report-clause'));
        out.push({
          paragraph,
          start: s.start,
          end: s.end,
          text: text.slice(s.start, s.end),
          kind: 'direct',
          mention: a!.mention,
          verb: second[1]!,
          said,
          unit: u,
          opensSentence: false,
          rule: 'second-report-direct',
          cue: a!.cue,
        });
        continue;
      }
      // "It had, in her words, become “unhealthy.”": what follows "in her words" is hers, up to and
      // with the quoted word.
      const ownLead = a && a.lemma === 'in words' && a.verb.end <= s.start ? /^\s*,\s*((?:[\p{L}'’-]+\s+){1,4})$/u.exec(text.slice(a.verb.end, s.start)) : null;
      if (ownLead) {
        const from = s.start - ownLead[1]!.length;
        out.push(reportedBy(a!, from, s.end, 'in-words-lead'));
        continue;
      }
      // "Tracy described herself as “short of breath” and feeling a little nauseous because …": the
      // description runs on past the quoted words.
      if (
        a &&
        !mixed &&
        a.lemma === 'describe' &&
        a.verb.end <= s.start &&
        /\bas\s*$/.test(text.slice(a.verb.end, s.start)) &&
        /^\s+(?:and|or)\s+\p{Ll}/u.test(text.slice(s.end, unit.end)) &&
        !startsNewAction(text.slice(s.end, unit.end))
      ) {
        const [from, to] = trimClause(text, s.start, unit.end);
        out.push(reportedBy(a, from, to, 'described-as-run-on'));
        continue;
      }
      if (mixed) {
        out.push(reportedBy(a!, mixed[0], mixed[1], 'mixed-clause'));
        continue;
      }
      if (!a && isTitleOfWork(text, s)) continue;
      // "Results for the first 500 are “very exciting,” says Erin Kim": the quoted words finish a
      // sentence the writer began; what was said is the whole sentence up to the attribution.
      const lead = a && a.verb.start >= s.end ? sentenceLead(text, unit, s, inUnit) : null;
      if (lead !== null) {
        out.push(reportedBy(a!, lead, s.end, 'sentence-lead'));
        continue;
      }
      const before = text.slice(unit.start, s.start);
      const alone = !a && !inUnit.some((o) => o !== s && o.end <= s.start);
      const colonLead = alone && /:\s*$/.test(before) && wordCount(before) <= 12;
      // A few words of subject, then the quote to the end of the sentence, long enough to be speech.
      const subjectLead =
        alone &&
        wordCount(before) >= 1 &&
        wordCount(before) <= 4 &&
        /^[\s\p{L}.'’-]*$/u.test(before) &&
        !hasVerb(before) &&
        /^[\s.,!?]*$/.test(text.slice(s.end, unit.end)) &&
        wordCount(text.slice(s.innerStart, s.innerEnd)) >= 8;
      const shortLead = colonLead || subjectLead;
      // "She rhymed off a list of countries … for “publicly coming out and speaking against these
      // detentions. And that is very important.”": whole spoken sentences that finish a sentence
      // whose subject is "he" or "she" are theirs.
      const heShe = !a && alone && !colonLead ? /^\s*(He|She)\s+\p{Ll}/u.exec(before) : null;
      const pronounLead =
        heShe &&
        /^[\s.,!?]*$/.test(text.slice(s.end, unit.end)) &&
        wordCount(text.slice(s.innerStart, s.innerEnd)) >= 8 &&
        /[.!?]["”]?\s+\p{Lu}/u.test(text.slice(s.innerStart, s.innerEnd))
          ? { parts: [heShe[1]!], start: unit.start + before.indexOf(heShe[1]!), end: unit.start + before.indexOf(heShe[1]!) + heShe[1]!.length, role: null }
          : null;
      const rule = a
        ? a.verb.start >= s.end
          ? 'direct-tag-after'
          : 'direct-tag-before'
        : pronounLead
          ? 'direct-pronoun-lead'
          : shortLead
            ? 'direct-short-lead'
            : 'direct-floating';
      out.push({
        paragraph,
        start: s.start,
        end: s.end,
        text: text.slice(s.start, s.end),
        kind: 'direct',
        mention: a?.mention ?? pronounLead ?? null,
        verb: a?.verb.text ?? '',
        said: a ? said : null,
        unit: u,
        opensSentence: /^[\s—–-]*$/.test(before),
        ...(shortLead ? { shortLead } : {}),
        rule,
        cue: a?.cue ?? (pronounLead ? 'pronoun-lead' : 'none'),
      });
    }
    // "Her message now is simple: don't share or sell prescriptions.": own words given without marks.
    const plain = inUnit.length === 0 ? ownWordsAfterColon(text, unit) : null;
    if (plain)
      out.push({
        paragraph,
        start: plain.start,
        end: plain.end,
        text: text.slice(plain.start, plain.end),
        kind: 'indirect',
        mention: plain.mention,
        verb: plain.verb,
        said: null,
        unit: u,
        opensSentence: false,
        rule: 'own-words-colon',
        cue: 'own-words-colon',
      });
    // "Though Dunphy said he was loath to …, he believed … “tossing roadblocks …”": a reporting verb
    // that no quotation used still reports the clause after it, where that clause holds no quote.
    const taken: Array<[number, number]> = out.filter((q) => q.paragraph === paragraph && q.unit === u).map((q) => [q.start, q.end]);
    const covered: Array<[number, number]> = [...taken];
    for (const a of attributions) {
      if (used.has(a)) continue;
      // "He said RCMP will maintain a presence …": a verb inside a reported clause is part of it.
      if (covered.some(([s, e]) => a.verb.start >= s && a.verb.start < e)) continue;
      // "six deaths … that Lohmar said are unrelated" (RELATIVE_BREAK ended the clause around it):
      // the relative clause's gap leaves a short report.
      const relative =
        /^\p{Lu}/u.test(a.mention.parts[0] ?? '') &&
        !a.inverted &&
        /\b(?:that|which)\s+$/.test(text.slice(Math.max(unit.start, a.mention.start - 8), a.mention.start));
      const reported = reportedClauses(text, a, unit, relative ? 2 : 3);
      if (!reported) continue;
      for (const q of reported.clauses) {
        if (direct.length > 0 && (taken.some(([s, e]) => q[0] < e && q[1] > s) || inUnit.some((sp) => q[0] < sp.end && q[1] > sp.start))) continue;
        // "At 2,300 feet, according to Gibson, Major said he was able to see the stop sign": Gibson's
        // account holds Major's words, which stay Major's too (a person's, named or "he"/"she").
        const relays =
          a.lemma === 'according to' &&
          attributions.some(
            (b) =>
              b !== a &&
              b.lemma !== 'according to' &&
              b.verb.start >= q[0] &&
              b.verb.end <= q[1] &&
              b.mention.parts.length === 1 &&
              /^(?:\p{Lu}[\p{L}'’.-]*|he|she)$/iu.test(b.mention.parts[0]!) &&
              !/^(?:the|it|they)$/i.test(b.mention.parts[0]!),
          );
        if (!relays) covered.push(q);
        out.push(reportedBy(a, q[0], q[1], reported.rule, relays));
      }
    }
  });
  return joinFragments(text, out);
}

/** An embedded tweet as a page's text gives it: "<text> pic.twitter.com/… — Alicia Draus (@Alicia_Draus) January 15, 2019". */
const TWEET_EMBED =
  /^(.+?)(?:\s+(?:pic\.twitter\.com|https?:\/\/t\.co)\/\S+)*\s+[—–-]{1,2}\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s+\(@\w{1,15}\)\s+((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4})\s*$/u;

/** The whole text of an embedded tweet is its author's words, said on the tweet's date. */
function embeddedTweet(text: string, paragraph: number): FoundQuote | null {
  // (A cheap look at the paragraph's end first: the full pattern backtracks over the whole text.)
  if (!/\(@\w{1,15}\)\s+\p{Lu}\p{Ll}+\s+\d{1,2},\s+\d{4}\s*$/u.test(text.slice(-60))) return null;
  const m = TWEET_EMBED.exec(text);
  if (!m || wordCount(m[1]!) < 3) return null;
  const start = text.indexOf(m[2]!, m[1]!.length);
  return {
    paragraph,
    start: 0,
    end: m[1]!.length,
    text: m[1]!,
    kind: 'direct',
    mention: { parts: [m[2]!], start, end: start + m[2]!.length, role: null },
    verb: 'tweeted',
    said: { when: `on ${m[3]}`, where: 'on Twitter' },
    unit: 0,
    opensSentence: true,
    embed: true,
    relays: true,
    rule: 'embedded-tweet',
    cue: 'embedded-tweet',
  };
}

/**
 * "Schickel called it “completely unfair” for the students “to be drug through the mud.”": quoted
 * fragments of one sentence, both after the same speaker's verb and a few words apart, are one
 * mixed quotation. ("“A,” she said, “B.”" stays two: the attribution splits them.)
 */
function joinFragments(text: string, found: FoundQuote[]): FoundQuote[] {
  const out: FoundQuote[] = [];
  for (const q of found) {
    const prev = out[out.length - 1];
    const gap = prev ? text.slice(prev.end, q.start) : '';
    const sameSpeaker = prev?.mention && q.mention && prev.mention.start === q.mention.start && prev.verb === q.verb;
    if (
      prev &&
      sameSpeaker &&
      prev.unit === q.unit &&
      prev.kind === 'direct' &&
      q.kind === 'direct' &&
      prev.mention!.end <= prev.start &&
      !/[.!?;:]/.test(gap) &&
      wordCount(gap) <= 8 &&
      /\p{L}/u.test(gap) &&
      !/^[\s,]*(?:and|or|but|then|and then)[\s,]*$/i.test(gap)
    ) {
      out[out.length - 1] = { ...prev, end: q.end, text: text.slice(prev.start, q.end), kind: 'indirect', rule: 'joined-fragments' };
      continue;
    }
    out.push(q);
  }
  return out;
}

/**
 * "Keith Ahamad, an addiction doctor, said:" closing a paragraph introduces the quotation that
 * opens the next one. Returns that speaker's mention.
 */
export function findIntroMention(text: string): Mention | null {
  if (!/:\s*$/.test(text)) return null;
  const spans = findQuoteSpans(text);
  const units = splitSentences(text, spans);
  const last = units[units.length - 1];
  if (!last) return null;
  const attributions = findAttributions(
    text,
    last,
    spans.filter((s) => s.start >= last.start),
  );
  return attributions[attributions.length - 1]?.mention ?? null;
}

/**
 * Where a sentence that a quotation finishes starts: "Results … are “very exciting,”". Null when
 * the quote opens its sentence, starts with a capital (a whole quoted sentence), or other quotes or
 * framing come before it.
 */
function sentenceLead(text: string, unit: Range, s: QuoteSpan, inUnit: readonly QuoteSpan[]): number | null {
  const inner = text.slice(s.innerStart, s.innerEnd).trim();
  if (!/^\p{Ll}/u.test(inner) || inUnit.some((o) => o.start < s.start)) return null;
  let start = unit.start;
  while (start < s.start && /\s/.test(text.charAt(start))) start++;
  const before = text.slice(start, s.start);
  if (wordCount(before) < 3 || /[:;]\s*$|[.!?]\s*$/.test(before) || !/^[\p{Lu}\d]/u.test(before)) return null;
  // The writer's own framing ("In a letter, he wrote that …") is a different construction.
  if (/\b(?:said|says|told|according)\b/i.test(before)) return null;
  return start;
}

/** The film “A Day in the Life of a Nurse”: a title after a word for a work, not spoken words. */
function isTitleOfWork(text: string, s: QuoteSpan): boolean {
  const inner = text.slice(s.innerStart, s.innerEnd).trim();
  if (/[.!?,…:;]$/.test(inner)) return false;
  return /\b(?:film|movie|book|novel|song|album|single|show|series|episode|play|musical|documentary|podcast|headline|article|column|essay|poem|campaign|slogan|exhibit|exhibition|report|titled|entitled|called|named|dubbed)\s*$/i.test(
    text.slice(Math.max(0, s.start - 30), s.start),
  );
}

/** "said on CBS’ “Face the Nation.”": a short title after "on" and a broadcaster is a programme, not words. */
function isBroadcastTitle(text: string, s: QuoteSpan): boolean {
  return (
    wordCount(text.slice(s.innerStart, s.innerEnd)) <= 5 &&
    /\bon\s+(?:\p{Lu}[\p{L}&.]*\s*){1,3}['’]s?\s*$/u.test(text.slice(Math.max(0, s.start - 40), s.start))
  );
}

/** “I was super-green.” is a whole spoken sentence however short; “fake news” is not. */
function isSentenceQuote(text: string, s: QuoteSpan): boolean {
  const inner = text.slice(s.innerStart, s.innerEnd).trim();
  return wordCount(inner) >= 2 && /^\p{Lu}/u.test(inner) && /[.!?…]$/.test(inner) && !/^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*[.!?]?$/u.test(inner);
}

function isFramedShortQuote(text: string, s: QuoteSpan, attributions: readonly Attribution[]): boolean {
  // "“I'm back,” he tweeted" is a quote however short; "called it “fake news”" is not on its own.
  const inner = text.slice(s.innerStart, s.innerEnd);
  if (!/[.!?,]$/.test(inner.trim())) return false;
  return attributions.some(
    (a) => a.verb.start >= s.end && /^[\s,—–-]*$/.test(text.slice(s.end, a.mention.start < a.verb.start ? a.mention.start : a.verb.start)),
  );
}

/**
 * "Pilon called the report “bold”", "Trudeau called the story “false”": a speaker's own word. So is
 * a second one after it ("called it “bold” and based on “one giant assumption”").
 */
function isCalledQuote(text: string, s: QuoteSpan, attributions: readonly Attribution[]): boolean {
  return attributions.some((a) => {
    if (!/^(?:call|describe)$/.test(a.lemma) || a.verb.end > s.start) return false;
    const gap = text.slice(a.verb.end, s.start);
    const words = gap.replace(/[“"][^“”"]{1,60}[”"]/gu, ' ');
    return wordCount(words) <= (words === gap ? 6 : 9) && !/[.;:!?“”"]/.test(words);
  });
}

/**
 * "Martell, the addictions doctor, is more blunt: “…”": a sentence whose subject introduces the
 * quote with a colon, without a reporting verb.
 */
function colonIntro(text: string, unit: Range, s: QuoteSpan): Attribution | null {
  const before = text.slice(unit.start, s.start);
  if (!/:\s*$/.test(before) || wordCount(before) > 30) return null;
  const tokens = tokenize(text, unit.start, s.start);
  // "His response: “…”", "Trump's reply: “…”": the owner of the words.
  const own =
    /^\s*(?:(?:And|But|So)\s+)?((?:His|Her|\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*['’]s)\s+(?:response|reply|answer|message|verdict|advice|reaction|retort|explanation|take|view))\s*:\s*$/u.exec(
      before,
    );
  if (own) {
    const start = unit.start + before.indexOf(own[1]!);
    const noun = tokens[tokens.length - 2] ?? tokens[tokens.length - 1]!;
    return { mention: { parts: [own[1]!], start, end: start + own[1]!.length, role: null }, verb: noun, lemma: 'say', inverted: false, cue: 'colon-own-noun' };
  }
  // "Governance lassitude was on display when Musk again took to Twitter with this: “…”": the
  // subject of the last clause before the colon, when a name or pronoun opens it.
  const clause = tokens.findLastIndex((t) => /^(?:when|as|after|and|but|then|while)$/.test(t.lower));
  const next = tokens[clause + 1];
  if (clause > 0 && next && (/^(?:he|she|they)$/i.test(next.text) || (/^\p{Lu}/u.test(next.text) && !NOT_NAME_START.has(next.lower)))) {
    const subject = findSubjectAtStart(text, tokens, clause + 1);
    const verb = subject ? tokens.find((t) => t.start >= subject.end && !PRE_VERB_ADVERB.test(t.lower)) : undefined;
    if (subject && verb && /^\p{Ll}+(?:ed|s)$|^(?:took|wrote|put|had|gave|went|came|made)$/u.test(verb.text))
      return { mention: subject, verb, lemma: 'say', inverted: false, cue: 'colon-clause-subject' };
  }
  const mention = findSubjectAtStart(text, tokens, 0);
  if (!mention) return null;
  // "Martell, the addictions doctor …, is": keep the appositive as the role.
  const verb = tokens.find((t) => t.start >= mention.end && /^(?:is|was|were|are|had|has|put|puts|summed|sums|wrote|writes)$/.test(t.lower));
  if (!verb) return null;
  return { mention, verb, lemma: 'say', inverted: false, cue: 'colon-subject' };
}

/**
 * "Her message now is simple: don't share or sell prescriptions.", "His advice: save early.": a
 * sentence that names someone's words and gives them after a colon, without quotation marks.
 */
function ownWordsAfterColon(text: string, unit: Range): { start: number; end: number; mention: Mention; verb: string } | null {
  const sentence = text.slice(unit.start, unit.end);
  const m = new RegExp(
    `^\\s*(?:(?:And|But|So)\\s+)?((His|Her|Their|\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*)*['’]s?)\\s+(?:own\\s+)?(?:[\\p{Ll}-]+\\s+){0,1}(message|advice|response|reply|answer|verdict|view|plea|warning|position))(?:\\s+(?:now|then|still|today)?\\s*(?:is|was|remains)(?:\\s+(?:simple|clear|blunt|short|direct|unchanged))?)?\\s*:\\s+(\\p{L}[^:;]{8,}?)[.!]?\\s*$`,
    'u',
  ).exec(sentence);
  if (!m?.[2] || !m[4]) return null;
  const owner = m[2].replace(/['’]s?$/, '');
  const ownerAt = unit.start + sentence.indexOf(m[2]);
  const start = unit.start + m.index + m[0].lastIndexOf(m[4]);
  const parts = [ownerAsSubject(owner)];
  return { start, end: start + m[4].length, mention: { parts, start: ownerAt, end: ownerAt + owner.length, role: null }, verb: m[3]! };
}

/** Nouns for words someone put out: "his personal riffs (“…”)", "the Larry Ellison appraisal of Musk (“…”)". */
const OWN_WORDS_NOUN =
  '(?:riffs?|words|response|reply|answer|message|verdict|advice|reaction|retort|remarks?|comments?|tweets?|posts?|appraisal|assessment|take|motto|slogan|mantra|catchphrase)';

/**
 * A quotation in parentheses right after someone's words named as a noun: "he gets to continue
 * with his personal riffs (“Anxiety is a scalar”)", "I tilt toward the Larry Ellison appraisal of
 * Elon Musk (“This guy is landing rockets”)". The owner is the speaker.
 */
function ownWordsBefore(text: string, unit: Range, s: QuoteSpan): Attribution | null {
  const before = text.slice(unit.start, s.start);
  const m =
    new RegExp(
      `\\b(his|her|their|its|\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*)*['’]s?)\\s+(?:own\\s+)?(?:[\\p{Ll}-]+\\s+){0,2}${OWN_WORDS_NOUN}\\s*[(,:]\\s*$`,
      'u',
    ).exec(before) ??
    new RegExp(`\\bthe\\s+(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*)+)\\s+${OWN_WORDS_NOUN}(?:\\s+of\\s+[^()“”"]{1,60}?)?\\s*\\(\\s*$`, 'u').exec(
      before,
    );
  if (!m?.[1]) return null;
  const owner = m[1].replace(/['’]s?$/, '');
  const start = unit.start + m.index + m[0].indexOf(m[1]);
  const parts = [ownerAsSubject(owner)];
  const tokens = tokenize(text, unit.start, s.start);
  const noun = tokens[tokens.length - 2] ?? tokens[tokens.length - 1]!;
  // (Inverted only so that no reported clause is read between the noun and the quote.)
  return { mention: { parts, start, end: start + owner.length, role: null }, verb: noun, lemma: 'say', inverted: true, cue: 'own-words-parenthesis' };
}

/**
 * “Are there prizes?” Lincicome asked before …: the splitter ends a sentence at the quote's own
 * question mark, so the attribution opens the next unit.
 */
function attributionOpening(text: string, next: Range | undefined, spans: readonly QuoteSpan[], s: QuoteSpan, unit: Range): Attribution | null {
  if (!next || s.end < unit.end - 1 || !/[?!]["”]$/.test(text.slice(s.start, s.end))) return null;
  if (/^["“]/.test(text.slice(next.start, next.start + 1))) return null;
  const found = findAttributions(
    text,
    next,
    spans.filter((q) => q.start >= next.start && q.start < next.end),
  );
  const first = found[0];
  if (!first || Math.min(first.mention.start, first.verb.start) > next.start + 2) return null;
  // "…?” Michael Every, a senior strategist for Rabobank, said": an appositive may sit between.
  const reach = first.mention.start <= next.start + 2 && /^,[^.;:!?“”"]*,\s*$/.test(text.slice(first.mention.end, first.verb.start)) ? 160 : 40;
  if (first.verb.start > next.start + reach) return null;
  return { ...first, cue: 'next-sentence' };
}

/**
 * "“Please help us help our coach,” they sign off as a group.", "“…,” she shrugged.": a comma inside
 * the closing mark, then a subject and a verb, tags the quote with its speaker whatever the verb.
 */
function speechTag(text: string, s: QuoteSpan, unit: Range): Attribution | null {
  if (!/,["”]$/.test(text.slice(s.start, s.end)) || s.end >= unit.end) return null;
  const tokens = tokenize(text, s.end, unit.end);
  const [subject, verb] = tokens;
  if (!subject || !verb || !/^\s+$/.test(text.slice(s.end, subject.start))) return null;
  if (!/^(?:he|she|they|we)$/i.test(subject.text) && !(/^\p{Lu}\p{Ll}+$/u.test(subject.text) && !NOT_NAME_START.has(subject.lower))) return null;
  if (!/^\p{Ll}+$/u.test(verb.text)) return null;
  const tags = tagText(text.slice(subject.start, verb.end)).at(-1)?.tags;
  if (!tags?.has('Verb') || tags.has('Auxiliary') || tags.has('Modal')) return null;
  return { mention: { parts: [subject.text], start: subject.start, end: subject.end, role: null }, verb, lemma: 'say', inverted: false, cue: 'speech-tag' };
}

/** The attribution that belongs to quote `s`: right after it, else right before it, else any in the unit. */
function pickAttribution(text: string, s: QuoteSpan, attributions: readonly Attribution[]): Attribution | null {
  const after = attributions.find((a) => {
    const first = Math.min(a.mention.start, a.verb.start);
    return first >= s.end && /^[\s,—–-]*$/.test(text.slice(s.end, first));
  });
  if (after) return after;
  const befores = [...attributions].reverse().filter((a) => a.verb.end <= s.start && a.mention.end <= s.start);
  // "Freeland said even though Canada believes the penalty is wrong, “…”": a belief inside what
  // someone said is not the quote's source; the speech verb before it is.
  // "He said RCMP will maintain a presence … “…”": a verb that is often no reporting verb, inside
  // the clause someone said (no comma between), is part of what they said.
  const inner = befores[0];
  const said = befores.find((a) => a.lemma === 'say' || a.lemma === 'tell');
  if (
    inner &&
    said &&
    said !== inner &&
    (COGNITION.has(inner.lemma) || OFTEN_NOT_SPEECH.has(inner.lemma)) &&
    !/[,.;:!?]/.test(text.slice(said.verb.end, inner.verb.start))
  )
    return said;
  if (befores[0]) return befores[0];
  return attributions.find((a) => a.verb.start >= s.end) ?? null;
}

/**
 * "Dunphy said the station's stand “was clearly adopted …”": the quote is part of a reported
 * clause. Returns the whole clause, or null when the quote simply follows "X said:".
 */
/**
 * "While the Rockets said they would not speak to the lawsuit, the team’s general manager defended
 * …": a report inside an opening subordinate clause (`head` is the text before its subject) ends
 * where the main clause starts. The comma may close a quotation first: "… into the future,” the
 * bank's critics …".
 */
/** Subordinators that open a clause before the main one ("After Dunn criticized the council, …"), maybe after a short opener ("In 1992, after …"). */
const OPENING_SUBORDINATE =
  /^\s*(?:[^,]{1,30},\s*)?(?:after|when|although|though|even though|while|whereas|because|since|before|once|unlike|until|as soon as)\s+([^,]*)$/i;

/**
 * "After Mayor Dunn criticized the council, Jo Lee shot back, “…”": a verb inside an opening
 * subordinate clause reports nothing past the end of that clause, where the main clause's own
 * subject begins.
 */
function inOpeningClauseOnly(text: string, unit: Range, a: Attribution, s: QuoteSpan): boolean {
  if (a.verb.start >= s.start || a.verb.start < unit.start || !OPENING_SUBORDINATE.test(text.slice(unit.start, a.verb.start))) return false;
  const rest = text.slice(a.verb.end, s.start);
  const comma = /,\s+(?=\p{Lu}|(?:he|she|they|it|we|i|the|a|an|his|her|their)\b)/u.exec(rest);
  return comma !== null && /\p{L}/u.test(rest.slice(comma.index + comma[0].length));
}

function inOpeningSubordinate(text: string, head: string, clause: [number, number]): [number, number] {
  if (!/^\s*(?:While|Although|Though|Even though|Whereas)\s/.test(head) || head.includes(',')) return clause;
  const comma = /,([”"’]?)\s/.exec(text.slice(clause[0], clause[1]));
  return comma && comma.index > 0 ? trimClause(text, clause[0], clause[0] + comma.index + 1 + comma[1]!.length) : clause;
}

function mixedClause(text: string, a: Attribution, s: QuoteSpan, unit: Range): [number, number] | null {
  const between = text.slice(a.verb.end, s.start);
  if (/^[\s,:—–-]*$/.test(between)) return null;
  if (/[:]\s*$/.test(between)) return null;
  // "he told her, “…”", "she told reporters, “…”": only the listener before the quote.
  if (
    OBJECT_VERBS.has(a.lemma) &&
    /^\s*(?:him|her|them|me|us|reporters|journalists|the\s+\p{L}+|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*,\s*$/u.test(between)
  )
    return null;
  // "said to the group, “…”": whom the words were said to.
  if (a.lemma === 'say' && /^\s*to\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\p{L}.&'’-]+\s+){0,2}?[\p{L}.&'’-]+\s*,\s*$/u.test(between)) return null;
  const start = clauseStartAfter(text, a, unit.end);
  if (start === null || start >= s.start) {
    // Only adverbials and a listener between verb and quote: a plain direct quote.
    return null;
  }
  const words = text.slice(start, s.start).trim();
  if (words === '' || /[.!?]["”]?\s*$/.test(words)) return null;
  return inOpeningSubordinate(text, text.slice(unit.start, Math.min(a.mention.start, a.verb.start)), trimClause(text, start, unit.end));
}

/** Reported clauses and the id of the rule in QUOTE_RULES that found them. */
interface Reported {
  readonly rule: QuoteRuleId;
  readonly clauses: ReadonlyArray<[number, number]>;
}

function reported(rule: QuoteRuleId, clauses: ReadonlyArray<[number, number]>): Reported | null {
  return clauses.length === 0 ? null : { rule, clauses };
}

/**
 * Reported speech: the clause after "X said (that)", the clause before a final "…, X said.", or both
 * halves around a parenthetical "…, he says, …". `minWords`: the shortest clause after the verb
 * (a relative clause's gap leaves fewer: "deaths that Lohmar said are unrelated").
 */
function reportedClauses(text: string, a: Attribution, unit: Range, minWords = 3): Reported | null {
  const according = a.lemma === 'according to';
  // "Authorities described his attempt to steal a car as a carjacking": the description is theirs.
  if (!a.inverted && a.lemma === 'describe') {
    const as = /^\s+(?:[^.;:!?“”"]{1,100}?)\s+as\s+(?=\S)/u.exec(text.slice(a.verb.end, unit.end));
    if (as) {
      const clause = trimClause(text, a.verb.end + as[0].length, unit.end);
      const words = text.slice(clause[0], clause[1]);
      // "and said she stabbed …": the description ends where the next verb phrase starts.
      const end = /,?\s+(?:and|but)\s+(?:also\s+)?\p{Ll}+(?:ed|s)\b/u.exec(words);
      const cut: [number, number] = end ? [clause[0], clause[0] + end.index] : clause;
      return reported('described-as', wordCount(text.slice(cut[0], cut[1])) >= 1 ? [cut] : []);
    }
  }
  // "Trudeau urged people to send a message to the Ford government": a request is what was said,
  // from its addressee on.
  if (!a.inverted && (a.lemma === 'urge' || a.lemma === 'ask')) {
    const request = /^\s+((?:the\s+|all\s+|their\s+|his\s+|her\s+)?(?:[\p{L}'’-]+\s+){0,6}?)to\s+\p{Ll}+/u.exec(text.slice(a.verb.end, unit.end));
    // ("asked Woods how long he'd been coming to this course" is a question, not a request.)
    if (
      request &&
      !/^\s+(?:about|for|if|whether|why|how|what)\b/.test(text.slice(a.verb.end, a.verb.end + 12)) &&
      !/\b(?:how|what|why|when|where|whether|if|who)\b/i.test(request[1] ?? '')
    ) {
      const clause = trimClause(text, a.verb.end + request[0].indexOf(request[1] ?? ''), unit.end);
      return reported('request', wordCount(text.slice(clause[0], clause[1])) >= 3 ? [clause] : []);
    }
  }
  // "he lamented that …": any reporting verb takes a clause that "that" opens.
  const thatFollows = /^\s+that\b/.test(text.slice(a.verb.end, a.verb.end + 8)) && !/^(?:call|describe|ask|post)$/.test(a.lemma);
  const talk = talksAbout(text, a.lemma, a.verb.end);
  if (a.lemma === 'talk' && !talk) return null;
  if (!according && !CLAUSE_VERBS.has(a.lemma) && !thatFollows && !talk && !(a.verb.lower.endsWith('ing') && REPORTING_VERBS.has(a.verb.lower))) return null;
  // What follows the whole attribution ("said Marty Puranik, CEO of X." → ", CEO of X.").
  const attributionEnd = Math.max(a.verb.end, a.mention.end);
  const tail = text.slice(attributionEnd, unit.end);
  const first = Math.min(a.mention.start, a.verb.start);
  const head = text.slice(unit.start, first);
  const isClause = (r: [number, number], min: number) => wordCount(text.slice(r[0], r[1])) >= min && hasVerb(text.slice(r[0], r[1]));
  // "According to EHS, that target is being met …"
  if (according && wordCount(head) <= 1) {
    // (A source phrase the walker cut short runs on to the comma: "the exit poll conducted by …,".)
    const comma = /^\s*,/.test(tail) ? -1 : tail.search(/,\s/);
    const start = comma >= 0 && wordCount(tail.slice(0, comma)) <= 12 ? attributionEnd + comma + 1 : attributionEnd;
    const after = trimClause(text, start, unit.end);
    return reported('according-to-clause', isClause(after, 3) ? [after] : []);
  }
  if (/,\s*$/.test(head) && wordCount(head) >= 2) {
    const before = trimClause(text, unit.start, unit.start + head.length);
    const continues = /^\s*,\s*\p{Ll}/u.test(tail) && !/^\s*,\s*(?:a|an|the|who|whose|which|his|her|its|their)\b/u.test(tail);
    // "…, President Volodymyr Zelenskiy and his Security Council chief said." / "…, said Telford."
    // "At 2,300 feet, according to Gibson, Major said he was able to see the stop sign": what Major
    // said is Gibson's account, like the rest of the sentence.
    const relayed = according && /^\s*,\s*(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:said|says|told|testified|claimed|admitted)\b/u.test(tail);
    if (
      !continues &&
      !relayed &&
      /^(?:\s*,[^;!?]{0,120}?)?[\s\p{L}\p{N}'’-]*[.!?]?["”]?\s*$/u.test(tail) &&
      !/\bthat\b/.test(tail) &&
      (ADVERBIAL_START.test(tail.trim()) || wordCount(tail) <= 3 || a.inverted || /^\s*,/.test(tail))
    ) {
      return reported('clause-before', isClause(before, 4) ? [before] : []);
    }
    // "The drugs have a limited set of uses, he says, and are mostly meant to be taken short term."
    // "There is a particular satisfaction, insists Xander Wise, in seeing your vision through": an
    // inverted aside mid-sentence, when what follows it goes on with the sentence, not with a role.
    const resumes = a.inverted && !according && /^\s*,\s*(?:in|to|that|because|if|when|while|for|with|by|from|on|at)\b/.test(tail);
    const aside = a.inverted && !according && !resumes ? null : /^([^,.;:!?]{0,40}?),\s*/u.exec(tail);
    if (aside && (aside[1]!.trim() === '' || ADVERBIAL_START.test(aside[1]!.trim()))) {
      const after = trimClause(text, attributionEnd + aside[0].length, unit.end);
      // "…, he says, and he was upset by …": a new clause with its own subject is the writer's.
      const fresh = /^and\s+(?:he|she|they|it|we|i)\b/i.test(text.slice(after[0], after[1]));
      const parts = [before, ...(fresh ? [] : [after])].filter((r) => wordCount(text.slice(r[0], r[1])) >= 2);
      if (fresh && parts.length === 1 && isClause(before, 4)) return reported('clause-before-fresh', parts);
      if (parts.length === 2 && (isClause(before, 2) || isClause(after, 2))) return reported('clause-around', parts);
    }
  }
  if (a.inverted) return null;
  const start = clauseStartAfter(text, a, unit.end);
  if (start === null) return null;
  const clause = inOpeningSubordinate(text, head, trimClause(text, start, unit.end));
  // "Nova Scotia added the drug group to its monitoring program, which …", "the PBO added a premium
  // for the expansion", "will add value to your life": a thing added; what someone adds in words
  // is a clause with a verb after its subject.
  if (
    a.lemma === 'add' &&
    !/^that\b/.test(text.slice(clause[0], clause[1])) &&
    !hasFiniteVerb((text.slice(clause[0], clause[1]).split(/[,;(]/)[0] ?? '').replace(/^\s*\S+/, ''))
  )
    return null;
  // "The Sharks added yet another goal when …": a thing added, not words.
  if (
    a.lemma === 'add' &&
    /^(?:yet\s+)?(?:another|more|a|an|one|two|three|four|five|\d+)\s+(?:[\p{L}-]+\s+)?(?:goal|goals|point|points|run|runs|touchdown|basket|layer|dimension|fee|charge|cost|costs|jobs|seats|staff|stores|flights|capacity|feature|features)\b/iu.test(
      text.slice(clause[0], clause[1]),
    )
  )
    return null;
  // "warned about slowing sales", "told us about a concern": a topic, not what was said.
  if (/^(?:about|of|on|to|for|with|at)\b(?!\s+\d)/i.test(text.slice(clause[0], clause[1]))) return null;
  return reported('clause-after', isClause(clause, minWords) ? [clause] : []);
}
