/**
 * Finding quotations: direct quotes in quotation marks (including split and carried-on quotes) and
 * reported speech ("X said that …", "…, X said.", "according to X"). Each comes with the mention of
 * its speaker as written; resolving mentions to people is the next stage (speakers.ts).
 */
import nlp from 'compromise';
import { ADVERBIAL_START, CLAUSE_VERBS, OBJECT_VERBS, REPORTING_VERBS } from './lexicon.ts';
import { findSubjectAfter, findSubjectBefore, type Mention } from './mentions.ts';
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
}

interface Attribution {
  readonly mention: Mention;
  readonly verb: Token;
  readonly verbIndex: number;
  readonly lemma: string;
  /** Subject comes after the verb: "said Smith". */
  readonly inverted: boolean;
}

/** Verbs that may take a clause without "that" ("Umerov said consultations would …"). */
const BARE_CLAUSE_VERBS = new Set(
  'say tell add write note argue insist explain claim suggest warn believe think stress emphasize emphasise maintain contend allege testify concede predict assert reiterate tweet'.split(
    ' ',
  ),
);

/** Short quoted words are scare quotes, nicknames or titles unless a reporting verb frames them. */
const MIN_DIRECT_WORDS = 4;

function isInside(pos: number, spans: readonly QuoteSpan[]): boolean {
  return spans.some((s) => pos >= s.start && pos < s.end);
}

/** Every reporting verb in `unit`, outside quotation marks, with the mention of who says. */
export function findAttributions(text: string, unit: Range, spans: readonly QuoteSpan[]): Attribution[] {
  const tokens = tokenize(text, unit.start, unit.end).filter((t) => !isInside(t.start, spans));
  const out: Attribution[] = [];
  tokens.forEach((tok, v) => {
    // "according to X" works like an inverted reporting verb: the source follows.
    const according = tok.lower === 'according' && tokens[v + 1]?.lower === 'to';
    const lemma = according ? 'according to' : REPORTING_VERBS.get(tok.lower);
    if (!lemma) return;
    const prev = tokens[v - 1]?.lower;
    // "he was quoted as saying": the subject comes before the passive.
    const quotedAs = prev === 'as' && tokens[v - 2]?.lower === 'quoted' && /^(?:was|is|were|been)$/.test(tokens[v - 3]?.lower ?? '');
    // Passives and idioms: "is said to", "was told", "so-called".
    if (!quotedAs && prev && /^(?:is|was|were|are|be|been|being|so|get|got|gets)$/.test(prev)) return;
    if (tokens[v + 1]?.lower === 'to' && lemma === 'say') return;
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
      const after = findSubjectAfter(text, tokens, v + 1, tokens.length);
      if (after) out.push({ mention: after, verb: tok, verbIndex: v, lemma, inverted: true });
      return;
    }
    const before = findSubjectBefore(text, tokens, quotedAs ? v - 3 : v, floor);
    if (before) {
      out.push({ mention: before, verb: tok, verbIndex: v, lemma, inverted: false });
      return;
    }
    // "said Smith" only right after a quote or a comma ("…, said the minister.").
    const gapBefore = text.slice(tokens[v - 1]?.end ?? unit.start, tok.start);
    const afterQuote = spans.some((s) => s.end <= tok.start && /^[\s,—–-]*$/.test(text.slice(s.end, tok.start)));
    if (afterQuote || /,\s*$/.test(gapBefore) || v === 0) {
      let ceiling = tokens.length;
      for (let k = v + 1; k < tokens.length; k++) if (spans.some((s) => s.start >= tokens[k - 1]!.end && s.start < tokens[k]!.start)) {
        ceiling = k;
        break;
      }
      const after = findSubjectAfter(text, tokens, v, ceiling);
      if (after) out.push({ mention: after, verb: tok, verbIndex: v, lemma, inverted: true });
    }
  });
  return out;
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

function hasVerb(clause: string): boolean {
  return nlp(clause).has('#Verb');
}

/** Where the reported clause starts after the verb: past the listener, adverbials and "that". */
function clauseStartAfter(text: string, a: Attribution, end: number): number | null {
  const rest = text.slice(a.verb.end, end);
  const that = /^(.{0,120}?)\bthat\b\s*/s.exec(rest);
  if (that && that[1] !== undefined) {
    const between = that[1].trim().replace(/^,|,$/g, '').trim();
    const isFrame = between === '' || ADVERBIAL_START.test(between) || (OBJECT_VERBS.has(a.lemma) && wordCount(between) <= 6) || /^(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}$/u.test(between);
    if (isFrame && !/[.!?]/.test(between)) return a.verb.end + that.index + that[1].length;
  }
  if (!BARE_CLAUSE_VERBS.has(a.lemma)) return null;
  let offset = 0;
  let m: RegExpExecArray | null;
  let s = rest;
  // Listener after tell/assure: "told reporters", "told the Globe", "told CBC News".
  if (OBJECT_VERBS.has(a.lemma) && (m = /^\s*((?:the\s+)?(?:\p{Lu}[\p{L}.&'’-]*\s+){0,4}|(?:him|her|them|me|us|reporters|journalists|lawmakers|parliament|the\s+\p{L}+)\s+)/u.exec(s))) {
    offset += m[0].length;
    s = s.slice(m[0].length);
  }
  // Adverbials: "on Saturday", "in a statement", "last week", "Friday".
  for (let i = 0; i < 3; i++) {
    m = /^\s*,?\s*(?:(?:on|in|at|during|last|earlier|later|this)\s+(?:a|an|the|his|her)?\s*(?:[\p{L}\p{N}'’-]+\s+){0,5}?(?:statement|interview|release|morning|afternoon|evening|night|week|month|year|conference|video|post|email|e-mail|(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|also|again|recently|previously)\b\s*,?\s*/iu.exec(s);
    if (!m) break;
    offset += m[0].length;
    s = s.slice(m[0].length);
  }
  if (/^\s*[,:;.—–-]/.test(s) || s.trim() === '') return null;
  return a.verb.end + offset + (s.length - s.trimStart().length);
}

function trimClause(text: string, start: number, end: number): [number, number] {
  let e = end;
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
  const spans = findQuoteSpans(text);
  const units = splitSentences(text, spans);
  const out: FoundQuote[] = [];
  units.forEach((unit, u) => {
    const inUnit = spans.filter((s) => s.start >= unit.start && s.start < unit.end);
    const attributions = findAttributions(text, unit, inUnit);
    const frame = frameOf(text, unit, inUnit);
    const said = findSaid(frame);
    const direct = inUnit.filter((s) => wordCount(text.slice(s.innerStart, s.innerEnd)) >= MIN_DIRECT_WORDS || isFramedShortQuote(text, s, attributions));
    const used = new Set<Attribution>();
    for (const s of direct) {
      const a = pickAttribution(text, s, attributions);
      const mixed = a && !a.inverted && a.verb.end <= s.start ? mixedClause(text, a, s, unit) : null;
      if (a) used.add(a);
      if (mixed) {
        out.push({ paragraph, start: mixed[0], end: mixed[1], text: text.slice(mixed[0], mixed[1]), kind: 'indirect', mention: a!.mention, verb: a!.verb.text, said, unit: u });
        continue;
      }
      out.push({ paragraph, start: s.start, end: quoteEnd(text, s), text: text.slice(s.start, quoteEnd(text, s)), kind: 'direct', mention: a?.mention ?? null, verb: a?.verb.text ?? '', said: a ? said : null, unit: u });
    }
    if (direct.length > 0) return;
    for (const a of attributions) {
      if (used.has(a)) continue;
      const q = reportedClause(text, a, unit);
      if (q) out.push({ paragraph, start: q[0], end: q[1], text: text.slice(q[0], q[1]), kind: 'indirect', mention: a.mention, verb: a.verb.text, said, unit: u });
    }
    const acc = accordingTo(text, unit);
    if (acc && !out.some((q) => q.unit === u && q.paragraph === paragraph)) out.push({ ...acc, paragraph, said, unit: u });
  });
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
  const attributions = findAttributions(text, last, spans.filter((s) => s.start >= last.start));
  return attributions[attributions.length - 1]?.mention ?? null;
}

/** Direct quotes keep a trailing comma inside the marks; a comma right after the close is news style too. */
function quoteEnd(text: string, s: QuoteSpan): number {
  return s.end;
}

function isFramedShortQuote(text: string, s: QuoteSpan, attributions: readonly Attribution[]): boolean {
  // "“I'm back,” he tweeted" is a quote however short; "called it “fake news”" is not on its own.
  const inner = text.slice(s.innerStart, s.innerEnd);
  if (!/[.!?,]$/.test(inner.trim())) return false;
  return attributions.some((a) => a.verb.start >= s.end && /^[\s,—–-]*$/.test(text.slice(s.end, a.mention.start < a.verb.start ? a.mention.start : a.verb.start)));
}

/** The attribution that belongs to quote `s`: right after it, else right before it, else any in the unit. */
function pickAttribution(text: string, s: QuoteSpan, attributions: readonly Attribution[]): Attribution | null {
  const after = attributions.find((a) => {
    const first = Math.min(a.mention.start, a.verb.start);
    return first >= s.end && /^[\s,—–-]*$/.test(text.slice(s.end, first));
  });
  if (after) return after;
  const before = [...attributions].reverse().find((a) => a.verb.end <= s.start && a.mention.end <= s.start);
  if (before) return before;
  return attributions.find((a) => a.verb.start >= s.end) ?? null;
}

/**
 * "Dunphy said the station's stand “was clearly adopted …”": the quote is part of a reported
 * clause. Returns the whole clause, or null when the quote simply follows "X said:".
 */
function mixedClause(text: string, a: Attribution, s: QuoteSpan, unit: Range): [number, number] | null {
  const between = text.slice(a.verb.end, s.start);
  if (/^[\s,:—–-]*$/.test(between)) return null;
  if (/[:]\s*$/.test(between)) return null;
  const start = clauseStartAfter(text, a, unit.end);
  if (start === null || start >= s.start) {
    // Only adverbials and a listener between verb and quote: a plain direct quote.
    return null;
  }
  const words = text.slice(start, s.start).trim();
  if (words === '' || /[.!?]["”]?\s*$/.test(words)) return null;
  return trimClause(text, start, unit.end);
}

/** Reported speech: the clause after "X said (that)", or before a final "…, X said." */
function reportedClause(text: string, a: Attribution, unit: Range): [number, number] | null {
  if (!CLAUSE_VERBS.has(a.lemma) && !(a.verb.lower.endsWith('ing') && REPORTING_VERBS.has(a.verb.lower))) return null;
  const tail = text.slice(a.verb.end, unit.end);
  const first = Math.min(a.mention.start, a.verb.start);
  const head = text.slice(unit.start, first);
  // "…, President Volodymyr Zelenskiy and his Security Council chief said."
  if (/^[\s\p{L}\p{N},'’-]*[.!?]?\s*$/u.test(tail) && wordCount(tail) <= 8 && !/\bthat\b/.test(tail) && (ADVERBIAL_START.test(tail.trim()) || wordCount(tail) <= 3) && /,\s*$/.test(head)) {
    const [s, e] = trimClause(text, unit.start, unit.start + head.length);
    if (wordCount(text.slice(s, e)) >= 4 && hasVerb(text.slice(s, e))) return [s, e];
    return null;
  }
  if (a.inverted) return null;
  const start = clauseStartAfter(text, a, unit.end);
  if (start === null) return null;
  const [s, e] = trimClause(text, start, unit.end);
  const clause = text.slice(s, e);
  if (wordCount(clause) < 4 || !hasVerb(clause)) return null;
  return [s, e];
}

const ACCORDING = /\baccording to\s+/i;

/** "According to X, …" and "…, according to X." */
function accordingTo(text: string, unit: Range): Omit<FoundQuote, 'paragraph' | 'said' | 'unit'> | null {
  const sentence = text.slice(unit.start, unit.end);
  const m = ACCORDING.exec(sentence);
  if (!m) return null;
  const at = unit.start + m.index + m[0].length;
  const tokens = tokenize(text, at, unit.end);
  let to = 0;
  while (to + 1 < tokens.length && !/^[,;:().!?]$/.test(tokens[to + 1]!.text) && to < 12) to++;
  const last = tokens[to];
  if (!last || !tokens[0]) return null;
  const mention: Mention = { parts: [text.slice(tokens[0].start, last.end)], start: tokens[0].start, end: last.end, role: null };
  const before = sentence.slice(0, m.index);
  let range: [number, number];
  if (m.index < 3) range = trimClause(text, last.end + 1, unit.end);
  else if (/,\s*$/.test(before)) range = trimClause(text, unit.start, unit.start + m.index);
  else return null;
  if (wordCount(text.slice(range[0], range[1])) < 4) return null;
  return { start: range[0], end: range[1], text: text.slice(range[0], range[1]), kind: 'indirect', mention, verb: 'according to' };
}
