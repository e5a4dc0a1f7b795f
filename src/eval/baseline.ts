/**
 * The ratchet: headline figures recorded in the repository, a check that none dropped (beyond a
 * small tolerance), and raising the record when the work improves a figure (never lowering it).
 * Pure: figures in, verdicts out.
 */
import { WhosaidError } from '../core/errors.ts';

export interface FigureSpec {
  readonly label: string;
  /** False for error rates, where a rise is the drop. */
  readonly higherIsBetter: boolean;
}

/** The ratcheted figures, in percent. Abstentions are not ratcheted: they trade against wrong answers. */
export const FIGURES = Object.freeze({
  quoteF1At30: { label: 'quote F1 @30%', higherIsBetter: true },
  quoteF1At80: { label: 'quote F1 @80%', higherIsBetter: true },
  speakerAccuracy: { label: 'speaker correct among matched', higherIsBetter: true },
  endToEndF1: { label: 'end-to-end F1', higherIsBetter: true },
  whoSaidHit1: { label: '"who said" hit@1', higherIsBetter: true },
  whoSaidWrong: { label: '"who said" wrong speaker', higherIsBetter: false },
  speechRecall: { label: 'speech recall', higherIsBetter: true },
  attributionPrecision: { label: 'precision against all attributions', higherIsBetter: true },
  namedSpeakerAccuracy: { label: 'named source inside the speaker', higherIsBetter: true },
  pronounDisagreement: { label: '"he"/"she" given a person of the other gender', higherIsBetter: false },
} satisfies Record<string, FigureSpec>);

export type FigureKey = keyof typeof FIGURES;
/** The figures a dataset has (ggt-dev and polnear-dev measure different things). */
export type Figures = Readonly<Partial<Record<FigureKey, number>>>;

export interface Baseline {
  readonly dataset: string;
  readonly figures: Partial<Figures>;
}

export const DEFAULT_TOLERANCE = 0.1;

export interface FigureChange {
  readonly key: FigureKey;
  readonly label: string;
  readonly recorded: number;
  readonly current: number;
}

const KEYS = Object.keys(FIGURES) as FigureKey[];

/** Is `current` worse than `recorded` by more than `tolerance` points? */
function isWorse(key: FigureKey, current: number, recorded: number, tolerance: number): boolean {
  return FIGURES[key].higherIsBetter ? current < recorded - tolerance : current > recorded + tolerance;
}

/**
 * The figures that dropped below the record (empty when none did).
 *
 * @example
 * checkBaseline({ ...figures, quoteF1At30: 80 }, { dataset: 'ggt-dev', figures: { quoteF1At30: 84 } }); // [{ key: 'quoteF1At30', … }]
 */
export function checkBaseline(current: Figures, baseline: Baseline, tolerance = DEFAULT_TOLERANCE): FigureChange[] {
  return KEYS.flatMap((key) => {
    const recorded = baseline.figures[key];
    const now = current[key];
    if (recorded === undefined) return [];
    // A figure recorded but no longer measured counts as dropped: the ratchet must not go quiet.
    if (now === undefined) return [{ key, label: FIGURES[key].label, recorded, current: Number.NaN }];
    return isWorse(key, now, recorded, tolerance) ? [{ key, label: FIGURES[key].label, recorded, current: now }] : [];
  });
}

/**
 * Move the record up: each figure becomes the better of recorded and current; figures not yet
 * recorded take the current value. Returns the new baseline and the figures that moved.
 */
export function raiseBaseline(baseline: Baseline, current: Figures): { baseline: Baseline; raised: FigureChange[] } {
  const figures: Partial<Record<FigureKey, number>> = { ...baseline.figures };
  const raised: FigureChange[] = [];
  for (const key of KEYS) {
    const recorded = baseline.figures[key];
    const now = current[key];
    if (now === undefined) continue;
    const better = recorded === undefined || (FIGURES[key].higherIsBetter ? now > recorded : now < recorded);
    if (!better) continue;
    figures[key] = now;
    raised.push({ key, label: FIGURES[key].label, recorded: recorded ?? Number.NaN, current: now });
  }
  return { baseline: { dataset: baseline.dataset, figures }, raised };
}

function parseFigures(raw: unknown, path: string, where: string): Partial<Record<FigureKey, number>> {
  if (typeof raw !== 'object' || raw === null) throw new WhosaidError(`${path}: expected {"datasets": {"<name>": {…figures}}}`);
  const figures: Partial<Record<FigureKey, number>> = {};
  for (const [key, n] of Object.entries(raw)) {
    if (!(key in FIGURES)) throw new WhosaidError(`${path}: unknown figure "${key}"${where}; known figures are ${KEYS.join(', ')}`);
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new WhosaidError(`${path}: figure "${key}"${where} must be a number`);
    figures[key as FigureKey] = n;
  }
  return figures;
}

/**
 * Parse a baseline file: `{"datasets": {"ggt-dev": {…}, "polnear-dev": {…}}}`, or the older
 * one-dataset `{"dataset": "ggt-dev", "figures": {…}}`. Throws a WhosaidError saying what is wrong.
 */
export function parseBaselines(text: string, path: string): Baseline[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new WhosaidError(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof v['dataset'] === 'string') return [{ dataset: v['dataset'], figures: parseFigures(v['figures'], path, '') }];
  const sets = v['datasets'];
  if (typeof sets !== 'object' || sets === null || Array.isArray(sets)) throw new WhosaidError(`${path}: expected {"datasets": {"<name>": {…figures}}}`);
  return Object.entries(sets).map(([dataset, raw]) => ({ dataset, figures: parseFigures(raw, path, ` of ${dataset}`) }));
}

/** The file text of a set of baselines, datasets in name order. */
export function formatBaselines(baselines: readonly Baseline[]): string {
  const datasets = Object.fromEntries([...baselines].sort((a, b) => a.dataset.localeCompare(b.dataset)).map((b) => [b.dataset, b.figures]));
  return `${JSON.stringify({ datasets }, null, 2)}\n`;
}
