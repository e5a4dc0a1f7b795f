/**
 * What a quote in marks makes: DIRECT_RULES, in order, the first that claims the quote deciding (a
 * second report, "in her words", a description that runs on, a mixed clause, a title, a sentence
 * lead, a direct quote).
 */
import type { Mention } from './mentions.ts';
import { hasFiniteVerb, hasVerb } from '../nlp.ts';
import type { TableRule } from '../rule-table.ts';
import type { QuoteRuleId } from '../rules.ts';
import { wordCount } from '../read/split.ts';
import { SECOND_REPORT, startsNewAction, trimClause } from './clauses.ts';
import { isTitleCase, isTitleOfWork, sentenceLead } from './direct.ts';
import type { FoundQuote } from './types.ts';
import { reportedBy, type SpanSite } from './unit.ts';

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
  if (!site.a || !site.mixed || framedDirect(site, site.mixed)) return undefined;
  return [reportedBy(site, site.a, site.mixed[0], site.mixed[1], 'mixed-clause')];
}

/**
 * "Dell said in Tel Aviv, “Israel is …”", "Cuban said of Trump, “…”", "said on Twitter, “…”": only
 * where, when or of whom stands between the verb and a quote that ends the clause; the quote is
 * direct, not a report that opens on "in Tel Aviv".
 */
function framedDirect({ text, s }: SpanSite, [from, to]: readonly [number, number]): boolean {
  const lead = text.slice(from, s.start);
  return (
    /^(?:in|on|at|of|during|about|after|before|last|earlier|later|this|from|via|to)\b[^“”"]{0,100},\s*$/i.test(lead) &&
    !hasFiniteVerb(lead.replace(/,\s*$/, '')) &&
    // ("noted on Twitter the change from the usual slogan, “…”": a phrase with an object of its own.)
    !/\b(?!(?:in|on|at|of|during|about|after|before|from|via|to|by|with|for|into|over|under|through|and|or)\s)[\p{L}]+\s+(?:the|a|an)\s/iu.test(lead) &&
    /^[\s.,!?]*$/.test(text.slice(s.end, to))
  );
}

/**
 * The film “A Day in the Life of a Nurse” with nobody saying it: a title, no quotation. Said by
 * someone only when it reads like speech: "In her book “A Paradise Built in Hell,” Solnit wrote of
 * …" is a title in title case.
 */
function titleOfWork(site: SpanSite): FoundQuote[] | undefined {
  return isTitleOfWork(site.text, site.s) && (!site.a || isTitleCase(site.text, site.s)) ? [] : undefined;
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
export const DIRECT_RULES: readonly TableRule<SpanSite, FoundQuote[]>[] = [
  { id: 'second-report', match: secondReport },
  { id: 'in-words-lead', match: inWordsLead },
  { id: 'described-as-run-on', match: describedAsRunOn },
  { id: 'mixed-clause', match: mixedQuote },
  { id: 'title-of-work', match: titleOfWork },
  { id: 'sentence-lead', match: sentenceLeadQuote },
  { id: 'direct', match: directQuote },
];
