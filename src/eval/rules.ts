/**
 * Per-rule figures: for each value of a provenance tag (the attribution kind, the rule that found
 * the quote, the resolver that named the speaker), how often it fired, in how many articles, how
 * often its quotation matched gold, and how often its speaker was right, stated or not. Pure.
 */
import type { QuoteMatch, QuoteScores } from './score.ts';

export interface TagFigures {
  readonly value: string;
  readonly fired: number;
  readonly articles: number;
  readonly matched: number;
  /** Matched quotations whose speaker could be judged, and those right. */
  readonly judged: number;
  readonly right: number;
  /** Of those judged, the ones an answer states, and those right. */
  readonly statedJudged: number;
  readonly statedRight: number;
}

/** Tally one tag over a scoring run; `judge` gives a matched quotation's speaker verdict, or null when gold cannot tell. */
export function tallyByTag(quotes: QuoteScores, tag: string, judge: (m: QuoteMatch) => boolean | null): TagFigures[] {
  const rows = new Map<
    string,
    { fired: number; articles: Set<string>; matched: number; judged: number; right: number; statedJudged: number; statedRight: number }
  >();
  const row = (value: string) => {
    let r = rows.get(value);
    if (!r) {
      r = { fired: 0, articles: new Set(), matched: 0, judged: 0, right: 0, statedJudged: 0, statedRight: 0 };
      rows.set(value, r);
    }
    return r;
  };
  for (const s of quotes.spurious) {
    const r = row(s.tags[tag] ?? '?');
    r.fired++;
    r.articles.add(s.article);
  }
  for (const m of quotes.matches) {
    const r = row(m.predicted.tags[tag] ?? '?');
    r.fired++;
    r.articles.add(m.article);
    r.matched++;
    const verdict = judge(m);
    if (verdict === null) continue;
    r.judged++;
    if (verdict) r.right++;
    if (!m.predicted.stated) continue;
    r.statedJudged++;
    if (verdict) r.statedRight++;
  }
  return [...rows]
    .map(([value, r]) => ({
      value,
      fired: r.fired,
      articles: r.articles.size,
      matched: r.matched,
      judged: r.judged,
      right: r.right,
      statedJudged: r.statedJudged,
      statedRight: r.statedRight,
    }))
    .sort((a, b) => b.fired - a.fired || a.value.localeCompare(b.value));
}

const pct = (a: number, b: number) => (b === 0 ? '–' : ((100 * a) / b).toFixed(1));

/**
 * The per-tag table as printed.
 *
 * @example
 * process.stdout.write(formatTagTable('attribution', tallyByTag(scores, 'attribution', judge)));
 */
export function formatTagTable(tag: string, rows: readonly TagFigures[]): string {
  const table = [
    [tag, 'fired', 'articles', 'matched', 'speaker right', '%', 'stated right', '%'],
    ...rows.map((r) => [
      r.value,
      `${r.fired}`,
      `${r.articles}`,
      `${r.matched}`,
      `${r.right}/${r.judged}`,
      pct(r.right, r.judged),
      `${r.statedRight}/${r.statedJudged}`,
      pct(r.statedRight, r.statedJudged),
    ]),
  ];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => [...(row[i] ?? '')].length))) ?? [];
  return `${table.map((row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')).join('\n')}\n`;
}
