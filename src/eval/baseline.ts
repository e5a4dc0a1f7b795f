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
} satisfies Record<string, FigureSpec>);

export type FigureKey = keyof typeof FIGURES;
export type Figures = Readonly<Record<FigureKey, number>>;

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
    return recorded !== undefined && isWorse(key, current[key], recorded, tolerance) ? [{ key, label: FIGURES[key].label, recorded, current: current[key] }] : [];
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
    const better = recorded === undefined || (FIGURES[key].higherIsBetter ? current[key] > recorded : current[key] < recorded);
    if (!better) continue;
    figures[key] = current[key];
    raised.push({ key, label: FIGURES[key].label, recorded: recorded ?? Number.NaN, current: current[key] });
  }
  return { baseline: { dataset: baseline.dataset, figures }, raised };
}

/** Parse a baseline file; throws a WhosaidError saying what is wrong. */
export function parseBaseline(text: string, path: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new WhosaidError(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const raw = v['figures'];
  if (typeof v['dataset'] !== 'string' || typeof raw !== 'object' || raw === null) {
    throw new WhosaidError(`${path}: expected {"dataset": "…", "figures": {…}}`);
  }
  const figures: Partial<Record<FigureKey, number>> = {};
  for (const [key, n] of Object.entries(raw)) {
    if (!(key in FIGURES)) throw new WhosaidError(`${path}: unknown figure "${key}"; known figures are ${KEYS.join(', ')}`);
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new WhosaidError(`${path}: figure "${key}" must be a number`);
    figures[key as FigureKey] = n;
  }
  return { dataset: v['dataset'], figures };
}
