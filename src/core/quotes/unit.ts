/** A sentence unit as the quotation rules see it, and the reported speech they make of it. */
import { findSaid } from './said.ts';
import type { QuoteRuleId } from '../rules.ts';
import type { QuoteSpan, Range } from '../read/split.ts';
import type { Attribution, FoundQuote } from './types.ts';

/** One sentence unit of a paragraph, with its quotes and cues. */
export interface UnitSite {
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
export interface SpanSite extends UnitSite {
  readonly s: QuoteSpan;
  readonly a: Attribution | null;
  /** The reported clause that holds the quote ("X said the plan “…”"), when there is one. */
  readonly mixed: [number, number] | null;
}

/** The framing words of a unit: its text with the quotations cut out, for when/where. */
export function frameOf(text: string, unit: Range, spans: readonly QuoteSpan[]): string {
  let out = '';
  let pos = unit.start;
  for (const s of spans) {
    if (s.end <= unit.start || s.start >= unit.end) continue;
    out += `${text.slice(pos, Math.max(pos, s.start))} `;
    pos = Math.max(pos, s.end);
  }
  return (out + text.slice(pos, unit.end)).replace(/\s+/g, ' ').trim();
}

/** A finite reporting verb: after a reported clause, the start of another report's words. */
const ANOTHER_REPORT = /\b(?:said|says|say|told|tells|stated|added|noted|wrote|argued|claimed|insisted)\b/i;

/**
 * Reported speech from `from` to `to`, in the words of attribution `a`. It carries its own days and
 * venues ("said he was concerned about comments Ford made Wednesday"): when and where come from the
 * words around it, never from inside it.
 */
export function reportedBy(site: UnitSite, a: Attribution, from: number, to: number, rule: QuoteRuleId, relays?: FoundQuote['relays']): FoundQuote {
  const { text, unit, inUnit } = site;
  const around = [...inUnit, { start: from, end: to } as QuoteSpan].sort((x, y) => x.start - y.start);
  // "… said the crossings ran on time, compared with the 45 percent who said so last year": after
  // the clause, another report's words are that report's frame, not this one's.
  const after = Math.max(to, a.verb.end);
  const next = site.attributions
    .filter((o) => o !== a && o.verb.start >= after)
    .map((o) => (o.mention.start >= after ? Math.min(o.mention.start, o.verb.start) : o.verb.start));
  // (Another report may have found no attribution of its own: "… who said so last year".)
  const another = ANOTHER_REPORT.exec(text.slice(after, unit.end));
  const frame: Range = { start: unit.start, end: Math.min(unit.end, ...next, another ? after + another.index : unit.end) };
  return {
    paragraph: site.paragraph,
    start: from,
    end: to,
    text: text.slice(from, to),
    kind: 'indirect',
    mention: a.mention,
    verb: a.verb.text,
    said: findSaid(frameOf(text, frame, around)),
    unit: site.u,
    opensSentence: false,
    ...(relays ? { relays } : {}),
    rule,
    cue: a.cue,
  };
}
