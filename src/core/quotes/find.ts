/**
 * Finding quotations: direct quotes in quotation marks (including split and carried-on quotes) and
 * reported speech ("X said that …", "…, X said.", "according to X"). Each comes with the mention of
 * its speaker as written; resolving mentions to people is the next stage (speakers/resolve.ts).
 *
 * Per sentence unit: the cue rules (cues.ts) find who says; each quote in marks then goes through
 * DIRECT_RULES, in order, the first that claims it deciding what quotation it makes; the unit's
 * reporting verbs that no quote used then report the clauses around them (clauses.ts).
 */
import { isNominalHead, type Mention } from './mentions.ts';
import { GENERIC_BODY_HEAD, ORG_TYPE } from '../lexicon.ts';
import { findSaid } from './said.ts';
import { findQuoteSpans, splitSentences, wordCount, type QuoteSpan, type Range } from '../read/split.ts';
import { ADVERBIAL_AFTER_VERB, mixedClause } from './clauses.ts';
import { reportedClauses } from './reported.ts';
import { findAttributions } from './cues.ts';
import {
  attributionOpening,
  colonIntro,
  embeddedTweet,
  inOpeningClauseOnly,
  isBroadcastTitle,
  isCalledQuote,
  isFramedShortQuote,
  isSentenceQuote,
  joinFragments,
  ownWordsAfterColon,
  ownWordsBefore,
  pickAttribution,
  speechTag,
} from './direct.ts';
import { firstClaim } from '../rule-table.ts';
import { hasVerb } from '../nlp.ts';
import { DIRECT_RULES } from './marks.ts';
import type { Attribution, FoundQuote } from './types.ts';
import { frameOf, reportedBy, type SpanSite, type UnitSite } from './unit.ts';

export type { FoundQuote } from './types.ts';

/** Short quoted words are scare quotes, nicknames or titles unless a reporting verb frames them. */
const MIN_DIRECT_WORDS = 4;

/** The quotes in marks of a unit that are speech: long enough, whole sentences, or framed by a verb. */
function directSpans({ text, inUnit, attributions }: UnitSite): QuoteSpan[] {
  const inWords = attributions.some((a) => a.lemma === 'in words');
  return inUnit.filter(
    (s) =>
      !isBroadcastTitle(text, s) &&
      (wordCount(text.slice(s.innerStart, s.innerEnd)) >= MIN_DIRECT_WORDS ||
        isSentenceQuote(text, s) ||
        isFramedShortQuote(text, s, attributions) ||
        isCalledQuote(text, s, attributions) ||
        inWords),
  );
}

/** The attribution that belongs to quote `s`: a cue in the unit, else a colon, an owner, the next sentence, a tag. */
function attributionFor(site: UnitSite, s: QuoteSpan): Attribution | null {
  const { text, unit, units, u, spans, attributions } = site;
  return (
    pickAttribution(
      text,
      s,
      attributions.filter((c) => !inOpeningClauseOnly(text, unit, c, s)),
    ) ??
    colonIntro(text, unit, s) ??
    ownWordsBefore(text, unit, s) ??
    attributionOpening(text, units[u + 1], spans, s, unit) ??
    speechTag(text, s, unit)
  );
}

/** The quotations of a unit's quotes in marks; `used` collects the attributions they took. */
function directQuotes(site: UnitSite, direct: readonly QuoteSpan[], used: Set<Attribution>): FoundQuote[] {
  const out: FoundQuote[] = [];
  for (const s of direct) {
    const a = attributionFor(site, s);
    const mixed = a && !a.inverted && a.verb.end <= s.start ? mixedClause(site.text, a, s, site.unit) : null;
    // A verb that only follows the quote at a distance ("Purdy, who lost “two belt loops” since May,
    // says the program changed his life") still reports its own clause.
    const distant = a && a.verb.start >= s.end && a.mention.start < s.start && !/^[\s,—–-]*$/.test(site.text.slice(s.end, a.verb.start));
    if (a && !distant) used.add(a);
    const spanSite: SpanSite = { ...site, s, a, mixed };
    out.push(...(firstClaim(DIRECT_RULES, spanSite) ?? []));
  }
  return out;
}

/** "Her message now is simple: don't share or sell prescriptions.": own words given without marks. */
function ownWordsColon(site: UnitSite): FoundQuote | null {
  const { text, unit } = site;
  const plain = site.inUnit.length === 0 ? ownWordsAfterColon(text, unit) : null;
  if (!plain) return null;
  return {
    paragraph: site.paragraph,
    start: plain.start,
    end: plain.end,
    text: text.slice(plain.start, plain.end),
    kind: 'indirect',
    mention: plain.mention,
    verb: plain.verb,
    said: null,
    unit: site.u,
    opensSentence: false,
    rule: 'own-words-colon',
    cue: 'own-words-colon',
  };
}

/** "The suspect", "a former aide": a determiner, then words ending in a noun for a person (not "the company", "the ministry"). */
function isPersonPhrase(words: string): boolean {
  const head = /^(?:the|a|an|one|two|three|his|her|their)\s+(?:[\p{L}-]+\s+){0,3}([\p{Ll}-]+)$/iu.exec(words)?.[1];
  return head !== undefined && isNominalHead(head) && !GENERIC_BODY_HEAD.test(head) && !ORG_TYPE.test(head.charAt(0).toUpperCase() + head.slice(1));
}

/**
 * "At 2,300 feet, according to Gibson, Major said he was able to see the stop sign", "Ohio Gov.
 * John Kasich said he would have fired him, according to press reports": the account holds the
 * named person's words, which stay theirs too (a person's, named or "he"/"she", or a person
 * described: "The suspect told officers he had been drinking, according to court documents").
 */
function relaysAnother(attributions: readonly Attribution[], a: Attribution, q: readonly [number, number]): boolean {
  return (
    a.lemma === 'according to' &&
    attributions.some((b) => {
      const first = b.mention.parts[0] ?? '';
      return (
        b !== a &&
        b.lemma !== 'according to' &&
        b.verb.start >= q[0] &&
        b.verb.end <= q[1] &&
        b.mention.parts.length === 1 &&
        ((/^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4}$/u.test(first) && !/^(?:The|It|They)\b/.test(first)) ||
          /^(?:he|she)$/i.test(first) ||
          isPersonPhrase(first))
      );
    })
  );
}

/** Where a quote inside a clause starts, or the mention of its speaker before it ("…, Rubio fired back: “…”"). */
function introStart(clause: readonly [number, number], r: QuoteSpan | FoundQuote): number {
  const mention = 'mention' in r ? r.mention : null;
  return mention && mention.start > clause[0] && mention.start < r.start ? mention.start : r.start;
}

/**
 * "DeSantis said he has supported legislation that would target the accreditation bodies, which he
 * called “a cartel”": a reported clause that runs into a quote someone else's words (or another
 * verb of the same speaker) introduce ends at the last clause break before that quote, or before
 * the verb that introduces it, whichever comes first. Null when no break leaves a clause of its own.
 */
function clauseBeforeQuote(
  text: string,
  clause: [number, number],
  overlap: readonly (QuoteSpan | FoundQuote)[],
  attributions: readonly Attribution[],
): [number, number] | null {
  const quoteStart = Math.min(...overlap.map((r) => introStart(clause, r)));
  const inner = attributions.filter((b) => b.verb.start > clause[0] && b.verb.start < quoteStart).map((b) => Math.min(b.mention.start, b.verb.start));
  const until = Math.min(quoteStart, ...inner);
  const breaks = [...text.slice(clause[0], until).matchAll(/\s*(?:[,;:]|\s[—–-])\s/g)];
  const last = breaks.at(-1);
  if (last === undefined) return null;
  const cut: [number, number] = [clause[0], clause[0] + last.index];
  const words = text.slice(cut[0], cut[1]);
  return wordCount(words) >= 4 && hasVerb(words) ? cut : null;
}

/**
 * "Though Dunphy said he was loath to …, he believed … “tossing roadblocks …”": a reporting verb
 * that no quotation used still reports the clause after it, where that clause holds no quote.
 */
function reportedSpeech(site: UnitSite, direct: readonly QuoteSpan[], used: ReadonlySet<Attribution>, taken: readonly FoundQuote[]): FoundQuote[] {
  const { text, unit, inUnit, attributions } = site;
  const out: FoundQuote[] = [];
  const covered: Array<[number, number]> = taken.map((q) => [q.start, q.end]);
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
    const reported = reportedClauses(text, a, unit, relative ? 2 : 3, attributions);
    if (!reported) continue;
    for (const whole of reported.clauses) {
      const overlap = direct.length > 0 ? [...taken, ...inUnit].filter((r) => whole[0] < r.end && whole[1] > r.start) : [];
      const q = overlap.length === 0 ? whole : clauseBeforeQuote(text, whole, overlap, attributions);
      if (!q) continue;
      const relays = relaysAnother(attributions, a, q);
      if (!relays) covered.push(q);
      out.push(reportedBy(site, a, q[0], q[1], q === whole ? reported.rule : 'clause-cut-at-quote', relays));
    }
  }
  return out;
}

function quotesInUnit(paragraphSite: Omit<UnitSite, 'unit' | 'u' | 'inUnit' | 'attributions' | 'said'>, unit: Range, u: number): FoundQuote[] {
  const { text, spans } = paragraphSite;
  const inUnit = spans.filter((s) => s.start >= unit.start && s.start < unit.end);
  const attributions = findAttributions(text, unit, inUnit);
  const site: UnitSite = { ...paragraphSite, unit, u, inUnit, attributions, said: findSaid(frameOf(text, unit, inUnit)) };
  const direct = directSpans(site);
  const used = new Set<Attribution>();
  const out = directQuotes(site, direct, used);
  const plain = ownWordsColon(site);
  if (plain) out.push(plain);
  out.push(...reportedSpeech(site, direct, used, out));
  return out;
}

function quotesIn(text: string, paragraph: number): FoundQuote[] {
  const spans = findQuoteSpans(text);
  const units = splitSentences(text, spans);
  const site = { text, paragraph, units, spans };
  return joinFragments(
    text,
    units.flatMap((unit, u) => quotesInUnit(site, unit, u)),
  );
}

/** Find quotations in one paragraph. */
export function findParagraphQuotes(text: string, paragraph: number): FoundQuote[] {
  // An embedded tweet is its author's words; what it reports others saying is found in it too.
  const tweet = embeddedTweet(text, paragraph);
  return tweet ? [tweet, ...quotesIn(text.slice(0, tweet.end), paragraph)] : quotesIn(text, paragraph);
}

/**
 * "Keith Ahamad, an addiction doctor, said:" closing a paragraph introduces the quotation that
 * opens the next one. Returns that speaker's mention.
 */
export function findIntroMention(text: string): Mention | null {
  return findIntro(text)?.mention ?? null;
}

/**
 * "Dianne Bystrom agreed. “Mainstream Republicans are …”", "Sam Lau said in a statement. “…”": a
 * sentence that is an attribution with no words of its own introduces the quotation right after
 * it in the same paragraph. Returns that sentence's speaker, or null.
 */
export function findIntroBefore(text: string, quoteStart: number): Mention | null {
  const before = text.slice(0, quoteStart).trimEnd();
  if (!/[.!?]$/.test(before)) return null;
  const spans = findQuoteSpans(before);
  const last = splitSentences(before, spans).at(-1);
  if (!last || spans.some((s) => s.end > last.start)) return null;
  const found = findAttributions(before, last, []).at(-1);
  if (!found) return null;
  // Nothing said after the verb but where, when or how: "in a statement", "Thursday".
  let rest = before.slice(found.verb.end, last.end);
  for (let m = ADVERBIAL_AFTER_VERB.exec(rest); m && m[0] !== ''; m = ADVERBIAL_AFTER_VERB.exec(rest)) rest = rest.slice(m[0].length);
  return /^\s*[.!?]$/.test(rest) ? found.mention : null;
}

/** The attribution that closes a paragraph ending in a colon ("Ruiz also said:"), with its verb. */
export function findIntro(text: string): Attribution | null {
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
  const found = attributions[attributions.length - 1];
  // "… past what other people are telling them:": a report inside a relative clause or an
  // embedded question introduces nothing.
  if (!found || /\b(?:what|who|whom|which|that|whatever)\s+$/i.test(text.slice(Math.max(last.start, found.mention.start - 12), found.mention.start)))
    return null;
  return found;
}
