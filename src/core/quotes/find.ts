/**
 * Finding quotations: direct quotes in quotation marks (including split and carried-on quotes) and
 * reported speech ("X said that …", "…, X said.", "according to X"). Each comes with the mention of
 * its speaker as written; resolving mentions to people is the next stage (speakers/resolve.ts).
 *
 * Per sentence unit: the cue rules (cues.ts) find who says; each quote in marks then goes through
 * DIRECT_RULES, in order, the first that claims it deciding what quotation it makes; the unit's
 * reporting verbs that no quote used then report the clauses around them (clauses.ts).
 */
import { hasVerb } from '../nlp.ts';
import type { Mention } from '../mentions.ts';
import type { QuoteRuleId } from '../rules.ts';
import { findSaid } from '../said.ts';
import { findQuoteSpans, splitSentences, wordCount, type QuoteSpan, type Range } from '../split.ts';
import { mixedClause, SECOND_REPORT, startsNewAction, trimClause } from './clauses.ts';
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
  isTitleOfWork,
  joinFragments,
  ownWordsAfterColon,
  ownWordsBefore,
  pickAttribution,
  sentenceLead,
  speechTag,
} from './direct.ts';
import type { Attribution, FoundQuote } from './types.ts';

export type { FoundQuote } from './types.ts';

/** Short quoted words are scare quotes, nicknames or titles unless a reporting verb frames them. */
const MIN_DIRECT_WORDS = 4;

/** One sentence unit of a paragraph, with its quotes and cues. */
interface UnitSite {
  readonly text: string;
  readonly paragraph: number;
  readonly units: readonly Range[];
  readonly spans: readonly QuoteSpan[];
  readonly unit: Range;
  readonly u: number;
  readonly inUnit: readonly QuoteSpan[];
  readonly attributions: readonly Attribution[];
  /** When and where, from the unit's words outside quotation marks. */
  readonly said: FoundQuote['said'];
}

/** A quote in marks, with the attribution picked for it. */
interface SpanSite extends UnitSite {
  readonly s: QuoteSpan;
  readonly a: Attribution | null;
  /** The reported clause that holds the quote ("X said the plan “…”"), when there is one. */
  readonly mixed: [number, number] | null;
}

/** A rule for a quote in marks: the quotations it makes of it, or undefined when it is not its. */
interface DirectRule {
  readonly id: string;
  readonly match: (site: SpanSite) => FoundQuote[] | undefined;
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
 * Reported speech from `from` to `to`, in the words of attribution `a`. It carries its own days and
 * venues ("said he was concerned about comments Ford made Wednesday"): when and where come from the
 * words around it, never from inside it.
 */
function reportedBy(site: UnitSite, a: Attribution, from: number, to: number, rule: QuoteRuleId, relays?: FoundQuote['relays']): FoundQuote {
  const { text, unit, inUnit } = site;
  const around = [...inUnit, { start: from, end: to } as QuoteSpan].sort((x, y) => x.start - y.start);
  return {
    paragraph: site.paragraph,
    start: from,
    end: to,
    text: text.slice(from, to),
    kind: 'indirect',
    mention: a.mention,
    verb: a.verb.text,
    said: findSaid(frameOf(text, unit, around)),
    unit: site.u,
    opensSentence: false,
    ...(relays ? { relays } : {}),
    rule,
    cue: a.cue,
  };
}

/**
 * "The star said he was gay and then quipped to Colton, “…”": the reported clause ends at a second
 * reporting verb of the same subject, which reports the quote.
 */
function secondReport(site: SpanSite): FoundQuote[] | undefined {
  const { text, s, a, mixed } = site;
  const second = a && mixed && mixed[1] <= s.start ? SECOND_REPORT.exec(text.slice(mixed[1], s.start)) : null;
  if (!a || !mixed || !second) return undefined;
  const direct: FoundQuote = {
    paragraph: site.paragraph,
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
    kind: 'direct',
    mention: a.mention,
    verb: second[1] ?? '',
    said: site.said,
    unit: site.u,
    opensSentence: false,
    rule: 'second-report-direct',
    cue: a.cue,
  };
  return [reportedBy(site, a, mixed[0], mixed[1], 'second-report-clause'), direct];
}

/** "It had, in her words, become “unhealthy.”": what follows "in her words" is hers, up to and with the quoted word. */
function inWordsLead(site: SpanSite): FoundQuote[] | undefined {
  const { text, s, a } = site;
  const lead = a && a.lemma === 'in words' && a.verb.end <= s.start ? /^\s*,\s*((?:[\p{L}'’-]+\s+){1,4})$/u.exec(text.slice(a.verb.end, s.start)) : null;
  if (!a || !lead?.[1]) return undefined;
  return [reportedBy(site, a, s.start - lead[1].length, s.end, 'in-words-lead')];
}

/**
 * "Tracy described herself as “short of breath” and feeling a little nauseous because …": the
 * description runs on past the quoted words.
 */
function describedAsRunOn(site: SpanSite): FoundQuote[] | undefined {
  const { text, s, a, mixed, unit } = site;
  if (
    !a ||
    mixed ||
    a.lemma !== 'describe' ||
    a.verb.end > s.start ||
    !/\bas\s*$/.test(text.slice(a.verb.end, s.start)) ||
    !/^\s+(?:and|or)\s+\p{Ll}/u.test(text.slice(s.end, unit.end)) ||
    startsNewAction(text.slice(s.end, unit.end))
  )
    return undefined;
  const [from, to] = trimClause(text, s.start, unit.end);
  return [reportedBy(site, a, from, to, 'described-as-run-on')];
}

/** "Lopez said the new schedule “will make every morning easier”": the whole reported clause. */
function mixedQuote(site: SpanSite): FoundQuote[] | undefined {
  return site.a && site.mixed ? [reportedBy(site, site.a, site.mixed[0], site.mixed[1], 'mixed-clause')] : undefined;
}

/** The film “A Day in the Life of a Nurse” with nobody saying it: a title, no quotation. */
function titleOfWork(site: SpanSite): FoundQuote[] | undefined {
  return !site.a && isTitleOfWork(site.text, site.s) ? [] : undefined;
}

/**
 * "Results for the first 500 are “very exciting,” says Erin Kim": the quoted words finish a
 * sentence the writer began; what was said is the whole sentence up to the attribution.
 */
function sentenceLeadQuote(site: SpanSite): FoundQuote[] | undefined {
  const { text, unit, s, a, inUnit } = site;
  const lead = a && a.verb.start >= s.end ? sentenceLead(text, unit, s, inUnit) : null;
  return a && lead !== null ? [reportedBy(site, a, lead, s.end, 'sentence-lead')] : undefined;
}

/**
 * "She rhymed off a list of countries … for “publicly coming out and speaking against these
 * detentions. And that is very important.”": whole spoken sentences that finish a sentence whose
 * subject is "he" or "she" are theirs.
 */
function pronounLeadOf(site: SpanSite, before: string): Mention | null {
  const { text, unit, s } = site;
  const heShe = /^\s*(He|She)\s+\p{Ll}/u.exec(before);
  const pronoun = heShe?.[1];
  if (!pronoun || !/^[\s.,!?]*$/.test(text.slice(s.end, unit.end))) return null;
  const inner = text.slice(s.innerStart, s.innerEnd);
  if (wordCount(inner) < 8 || !/[.!?]["”]?\s+\p{Lu}/u.test(inner)) return null;
  const start = unit.start + before.indexOf(pronoun);
  return { parts: [pronoun], start, end: start + pronoun.length, role: null };
}

/** The quote as a direct quotation of its own: tagged, introduced by a short lead, or floating. */
function directQuote(site: SpanSite): FoundQuote[] {
  const { text, unit, s, a, inUnit } = site;
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
  const pronounLead = !a && alone && !colonLead ? pronounLeadOf(site, before) : null;
  const rule: QuoteRuleId = a
    ? a.verb.start >= s.end
      ? 'direct-tag-after'
      : 'direct-tag-before'
    : pronounLead
      ? 'direct-pronoun-lead'
      : shortLead
        ? 'direct-short-lead'
        : 'direct-floating';
  return [
    {
      paragraph: site.paragraph,
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      kind: 'direct',
      mention: a?.mention ?? pronounLead ?? null,
      verb: a?.verb.text ?? '',
      said: a ? site.said : null,
      unit: site.u,
      opensSentence: /^[\s—–-]*$/.test(before),
      ...(shortLead ? { shortLead } : {}),
      rule,
      cue: a?.cue ?? (pronounLead ? 'pronoun-lead' : 'none'),
    },
  ];
}

/** What a quote in marks makes, in order: the first rule that claims it decides. */
const DIRECT_RULES: readonly DirectRule[] = [
  { id: 'second-report', match: secondReport },
  { id: 'in-words-lead', match: inWordsLead },
  { id: 'described-as-run-on', match: describedAsRunOn },
  { id: 'mixed-clause', match: mixedQuote },
  { id: 'title-of-work', match: titleOfWork },
  { id: 'sentence-lead', match: sentenceLeadQuote },
  { id: 'direct', match: directQuote },
];

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
    for (const rule of DIRECT_RULES) {
      const made = rule.match(spanSite);
      if (made === undefined) continue;
      out.push(...made);
      break;
    }
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

/**
 * "At 2,300 feet, according to Gibson, Major said he was able to see the stop sign": Gibson's
 * account holds Major's words, which stay Major's too (a person's, named or "he"/"she").
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
        /^(?:\p{Lu}[\p{L}'’.-]*|he|she)$/iu.test(first) &&
        !/^(?:the|it|they)$/i.test(first)
      );
    })
  );
}

/**
 * "Though Dunphy said he was loath to …, he believed … “tossing roadblocks …”": a reporting verb
 * that no quotation used still reports the clause after it, where that clause holds no quote.
 */
function reportedSpeech(site: UnitSite, direct: readonly QuoteSpan[], used: ReadonlySet<Attribution>, taken: ReadonlyArray<[number, number]>): FoundQuote[] {
  const { text, unit, inUnit, attributions } = site;
  const out: FoundQuote[] = [];
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
      const relays = relaysAnother(attributions, a, q);
      if (!relays) covered.push(q);
      out.push(reportedBy(site, a, q[0], q[1], reported.rule, relays));
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
  const taken = out.map((q): [number, number] => [q.start, q.end]);
  out.push(...reportedSpeech(site, direct, used, taken));
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
