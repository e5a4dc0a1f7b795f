/** The evaluation result: its shape, its headline figures and the one table printed. Pure. */
import type { LoadWarning } from '../core/types.ts';
import type { Figures } from './baseline.ts';
import type { AnswerVerdict, WhoSaidScores } from './questions.ts';
import type { PolnearScores } from './polnear.ts';
import type { TagFigures } from './rules.ts';
import type { QuoteScores } from './score.ts';
import type { DidSayOutcome, DidSayScores } from './didsay.ts';

export interface QuestionOutcome {
  readonly article: string;
  readonly question: string;
  readonly speaker: string;
  readonly quote: string;
  readonly verdict: AnswerVerdict;
  /** The top answer, with the provenance of its quotation (attribution kind, rule, resolver). */
  readonly answered: {
    readonly article: string;
    readonly quote: string;
    readonly speakers: readonly string[];
    /** The answer's match score, 0..1. */
    readonly score: number;
    readonly tags: Readonly<Record<string, string>>;
  } | null;
  /** The answers tied with the top one, naming different people (the verdict is then "abstained"). */
  readonly tied?: number;
}

export interface EvalResult {
  readonly dataset: string;
  readonly stories: { readonly gold: number; readonly loaded: number; readonly warnings: readonly LoadWarning[] };
  readonly quotes: QuoteScores;
  readonly whoSaid: WhoSaidScores & { readonly seed: number; readonly outcomes: readonly QuestionOutcome[] };
  /** PolNeAR-style gold (polnear-dev): its own measures. */
  readonly polnear?: PolnearScores;
  /** Per provenance tag (attribution kind, rule, resolver): how each value fired and scored. */
  readonly tags: Readonly<Record<string, readonly TagFigures[]>>;
  readonly figures: Figures;
  /** Generated "did <name> say …?" questions: verdict per true label (see didsay.ts). */
  readonly didSay?: DidSayScores & { readonly outcomes: readonly DidSayOutcome[] };
  readonly seconds: number;
}

/** The project's targets on polnear-dev (issue 13). */
export const POLNEAR_DEV_TARGETS: Partial<Record<keyof Figures, string>> = Object.freeze({
  speechRecall: '≥ 92',
  namedSpeakerAccuracy: '≥ 98',
  whoSaidWrong: '≤ 1',
});

/** Published figures of the Gender Gap Tracker V7.0 on ggt-dev, and the project's targets there. */
export const GGT_DEV_REFERENCE = Object.freeze({
  dataset: 'ggt-dev',
  anchor: { quoteF1At30: 83.7, quoteF1At80: 76.1, speakerAccuracy: 86.5 } as Partial<Figures>,
  targets: { quoteF1At30: '≥ 92', speakerAccuracy: '≥ 96', whoSaidHit1: '≥ 92', whoSaidWrong: '≤ 1' } as Partial<Record<keyof Figures, string>>,
});

/** A share as a percentage with two decimals (what the baseline records). */
export function toPercent(share: number): number {
  return Math.round(share * 10_000) / 100;
}

/** The ratcheted headline figures of scores (PolNeAR's own measures when given them). */
export function figuresOf(quotes: QuoteScores, whoSaid: WhoSaidScores, polnear?: PolnearScores): Figures {
  if (polnear) {
    const seen = polnear.pronouns.agrees + polnear.pronouns.disagrees + polnear.pronouns.unknown;
    return {
      speechRecall: toPercent(polnear.speech.recall),
      attributionPrecision: toPercent(polnear.precision.share),
      namedSpeakerAccuracy: toPercent(polnear.named.accuracy),
      pronounDisagreement: toPercent(seen === 0 ? 0 : polnear.pronouns.disagrees / seen),
      whoSaidHit1: toPercent(whoSaid.hitRate),
      whoSaidWrong: toPercent(whoSaid.wrongRate),
    };
  }
  return {
    quoteF1At30: toPercent(quotes.at30.f1),
    quoteF1At80: toPercent(quotes.at80.f1),
    speakerAccuracy: toPercent(quotes.speaker.accuracy),
    endToEndF1: toPercent(quotes.endToEnd.f1),
    whoSaidHit1: toPercent(whoSaid.hitRate),
    whoSaidWrong: toPercent(whoSaid.wrongRate),
  };
}

const pct = (share: number | undefined) => (share === undefined ? '' : (share * 100).toFixed(1));
const num = (n: number | undefined) => (n === undefined ? '' : n.toFixed(1));

/**
 * The printed table: one row per measure, with the anchor and target columns on ggt-dev.
 *
 * @example
 * process.stdout.write(formatTable(result));
 */
export function formatTable(r: EvalResult): string {
  if (r.polnear) return formatPolnearTable(r, r.polnear);
  const ref =
    r.dataset === GGT_DEV_REFERENCE.dataset ? GGT_DEV_REFERENCE : { anchor: {} as Partial<Figures>, targets: {} as Partial<Record<keyof Figures, string>> };
  const q = r.quotes;
  const w = r.whoSaid;
  const rows: string[][] = [
    ['', 'P', 'R', 'F1', 'anchor', 'target', ''],
    [
      'quotes, ≥30% of gold covered',
      pct(q.at30.precision),
      pct(q.at30.recall),
      pct(q.at30.f1),
      num(ref.anchor.quoteF1At30),
      ref.targets.quoteF1At30 ?? '',
      `${q.at30.matched} matched`,
    ],
    [
      'quotes, ≥80% of gold covered',
      pct(q.at80.precision),
      pct(q.at80.recall),
      pct(q.at80.f1),
      num(ref.anchor.quoteF1At80),
      ref.targets.quoteF1At80 ?? '',
      `${q.at80.matched} matched`,
    ],
    [
      'speaker correct among matched',
      '',
      '',
      pct(q.speaker.accuracy),
      num(ref.anchor.speakerAccuracy),
      ref.targets.speakerAccuracy ?? '',
      `${q.speaker.correct} of ${q.speaker.matched}`,
    ],
    [
      'end to end (quote + speaker)',
      pct(q.endToEnd.precision),
      pct(q.endToEnd.recall),
      pct(q.endToEnd.f1),
      '',
      ref.targets.endToEndF1 ?? '',
      `${q.endToEnd.matched} right`,
    ],
    ['"who said" hit@1', '', '', pct(w.hitRate), '', ref.targets.whoSaidHit1 ?? '', `${w.hit} of ${w.questions} questions`],
    ['"who said" wrong speaker', '', '', pct(w.wrongRate), '', ref.targets.whoSaidWrong ?? '', `${w.wrong}`],
    ['"who said" not answered', '', '', pct(w.abstainRate), '', '', `${w.abstained}`],
  ];
  const widths = [0, 1, 2, 3, 4, 5].map((i) => Math.max(...rows.map((row) => [...(row[i] ?? '')].length)));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : i === 6 ? cell : cell.padStart((widths[i] ?? 0) + 1)))
      .join('  ')
      .trimEnd(),
  );
  const located = q.located.tokens + q.located.none > 0 ? `; ${q.located.tokens} gold located by tokens, ${q.located.none} not located` : '';
  const head = `${r.dataset}: ${r.stories.gold} stories (${r.stories.loaded} loaded), ${q.gold} gold quotations, ${q.predicted} predicted${located}; ${r.seconds.toFixed(1)} s`;
  const errors = new Map<string, number>();
  for (const m of q.matches) if (m.speakerError) errors.set(m.speakerError, (errors.get(m.speakerError) ?? 0) + 1);
  const breakdown = [...errors]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  return `${head}\n${lines.join('\n')}\n${breakdown ? `speaker errors among matched: ${breakdown}\n` : ''}`;
}

function alignRows(rows: readonly string[][]): string {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => [...(row[i] ?? '')].length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : i === 3 ? cell : cell.padStart((widths[i] ?? 0) + 1)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The polnear-dev table: speech recall, precision against all attributions, named sources, pronoun agreement, "who said". */
function formatPolnearTable(r: EvalResult, p: PolnearScores): string {
  const t = POLNEAR_DEV_TARGETS;
  const w = r.whoSaid;
  const seen = p.pronouns.agrees + p.pronouns.disagrees + p.pronouns.unknown;
  const rows: string[][] = [
    ['', 'now', 'target', ''],
    ['speech attributions found (recall, ≥30%)', pct(p.speech.recall), t.speechRecall ?? '', `${p.speech.found} of ${p.speech.gold}`],
    ['predictions that are attributions (precision)', pct(p.precision.share), '', `${p.precision.matched} of ${p.precision.predicted}`],
    ['named source inside the speaker given', pct(p.named.accuracy), t.namedSpeakerAccuracy ?? '', `${p.named.right} of ${p.named.matched}`],
    [
      '  … among those an answer states',
      pct(p.named.stated === 0 ? 0 : p.named.statedRight / p.named.stated),
      '',
      `${p.named.statedRight} of ${p.named.stated}`,
    ],
    [
      '"he"/"she" stated as the other gender',
      pct(seen === 0 ? 0 : p.pronouns.disagrees / seen),
      '',
      `${p.pronouns.disagrees} of ${seen} stated (${p.pronouns.agrees} agree, ${p.pronouns.unknown} unknown gender, ${p.pronouns.withheld} withheld)`,
    ],
    ['"who said" hit@1 (named speech)', pct(w.hitRate), '', `${w.hit} of ${w.questions} questions`],
    ['"who said" wrong speaker', pct(w.wrongRate), t.whoSaidWrong ?? '', `${w.wrong}`],
    ['"who said" not answered', pct(w.abstainRate), '', `${w.abstained}`],
  ];
  const head = `${r.dataset}: ${r.stories.gold} stories (${r.stories.loaded} loaded), ${r.quotes.gold} gold attributions (${p.speech.gold} speech), ${r.quotes.predicted} predicted; ${r.seconds.toFixed(1)} s`;
  return `${head}\n${alignRows(rows)}\n`;
}
