/**
 * Scoring quotation extraction against gold annotations: one-to-one matching by coverage of the
 * gold quote, precision/recall/F1, speaker accuracy among matches and end-to-end F1. Pure: gold
 * and predictions in, figures and the itemised differences out.
 */
import { countCommonTokens, foldText, locateQuote, paragraphOffsets, PARAGRAPH_SEPARATOR, tokenizeForEval, type GoldLocation } from './text.ts';

export interface GoldQuote {
  readonly quote: string;
  readonly speaker: string;
  readonly mention: string;
  readonly verb: string;
  /** PolNeAR: the cue reports speech or writing (not a belief or intention). Absent: speech. */
  readonly speech?: boolean;
  /** PolNeAR: the source is a capitalised name, not a pronoun or description. */
  readonly named?: boolean;
}

export interface GoldArticle {
  readonly article: string;
  readonly quotes: readonly GoldQuote[];
}

/** What the scorer needs of a loaded article. */
export interface EvalArticle {
  readonly id: string;
  readonly paragraphs: readonly string[];
}

/** What the scorer needs of a predicted quotation (a core `Quotation` fits). */
export interface PredictedQuote {
  readonly articleId: string;
  readonly quote: string;
  readonly speakers: readonly { readonly name: string; readonly role?: string | null }[];
  readonly span: { readonly paragraph: number; readonly start: number; readonly end: number };
}

/** What the scorer keeps of a prediction: its words, speakers and (when the pipeline gives them) its provenance. */
export interface PredictedSummary {
  readonly quote: string;
  readonly speakers: readonly string[];
  /** Roles beside the speakers, in the same order (null where none). */
  readonly roles: readonly (string | null)[];
  /** Whether an answer states the speaker (false: withheld as a guess). */
  readonly stated: boolean;
  /** Provenance: how the speaker was found, which rule found the quote, which resolver named the speaker. */
  readonly tags: Readonly<Record<string, string>>;
}

/** Optional per-prediction details the pipeline knows and the scorer reports (certainty, provenance). */
export interface PredictionDetails {
  readonly stated: (p: PredictedQuote) => boolean;
  readonly tags: (p: PredictedQuote) => Readonly<Record<string, string>>;
}

const NO_DETAILS: PredictionDetails = { stated: (p) => p.speakers.length > 0, tags: () => ({}) };

function summarise(p: PredictedQuote, details: PredictionDetails): PredictedSummary {
  return {
    quote: p.quote,
    speakers: p.speakers.map((s) => s.name),
    roles: p.speakers.map((s) => s.role ?? null),
    stated: details.stated(p),
    tags: details.tags(p),
  };
}

export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly matched: number;
}

/** One gold quotation paired with one prediction. */
export interface QuoteMatch {
  readonly article: string;
  readonly gold: GoldQuote;
  readonly predicted: PredictedSummary;
  readonly coverage: number;
  readonly speakerRight: boolean;
  /** Why the speaker is wrong; null when right. */
  readonly speakerError: SpeakerError | null;
}

export interface QuoteScores {
  readonly gold: number;
  readonly predicted: number;
  /** Gold quotations found in the article text only by token overlap, or not at all. */
  readonly located: { readonly exact: number; readonly tokens: number; readonly none: number };
  readonly at30: Prf;
  readonly at80: Prf;
  /** Speaker right among the quotations matched at 30%. */
  readonly speaker: { readonly correct: number; readonly matched: number; readonly accuracy: number };
  readonly endToEnd: Prf;
  /** Matches at 30%, with their speaker verdict. */
  readonly matches: readonly QuoteMatch[];
  readonly missed: readonly { readonly article: string; readonly gold: GoldQuote }[];
  readonly spurious: readonly ({ readonly article: string } & PredictedSummary)[];
}

export const MATCH_THRESHOLDS = Object.freeze({ loose: 0.3, strict: 0.8 });

/**
 * A name or organisation as compared: no accents, case, punctuation, possessive or leading "the".
 *
 * @example
 * normaliseSpeaker("The Ministry's"); // 'ministry'
 */
export function normaliseSpeaker(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The people of a joint gold speaker ("Tore Sohlberg and Lehla Abreder"), normalised. */
function splitJointSpeaker(name: string): string[] {
  return name
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map(normaliseSpeaker)
    .filter(Boolean);
}

/**
 * Is the gold speaker among the predicted ones? ("Lonechild" is not "Darian Lonechild".) A joint
 * gold speaker ("A and B") is also right when every one of them is predicted.
 */
export function isSameSpeaker(gold: string, predicted: readonly string[]): boolean {
  const want = normaliseSpeaker(gold);
  if (want === '') return false;
  const have = new Set(predicted.map(normaliseSpeaker));
  if (have.has(want)) return true;
  const parts = splitJointSpeaker(gold);
  return parts.length > 1 && parts.every((p) => have.has(p));
}

export type SpeakerError = 'no speaker' | 'part of the name' | 'name with extra words' | 'other speaker';

/**
 * Why a predicted speaker is wrong: none given, only part of the gold name ("Lonechild"), the name
 * with extra words ("Assistant Commissioner Eric Stubbs"), or someone else.
 */
export function classifySpeakerError(gold: string, predicted: readonly string[]): SpeakerError {
  if (predicted.length === 0) return 'no speaker';
  const words = (n: string) => normaliseSpeaker(n).split(' ').filter(Boolean);
  const goldWords = new Set(words(gold));
  const kinds = predicted.map((p) => {
    const w = words(p);
    const inGold = w.filter((x) => goldWords.has(x)).length;
    if (inGold > 0 && inGold === w.length) return 'part of the name';
    if (inGold === goldWords.size && goldWords.size > 0) return 'name with extra words';
    return 'other speaker';
  });
  return kinds.find((k) => k !== 'other speaker') ?? 'other speaker';
}

/** F-measure of precision and recall (0 when both are 0). */
function prfOf(matched: number, predicted: number, gold: number): Prf {
  const precision = predicted === 0 ? 0 : matched / predicted;
  const recall = gold === 0 ? 0 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, matched };
}

/** Character range of a prediction in the joined article text. */
function predictedRange(p: PredictedQuote, offsets: readonly number[]): { start: number; end: number } | null {
  const base = offsets[p.span.paragraph];
  return base === undefined ? null : { start: base + p.span.start, end: base + p.span.end };
}

/**
 * Share of the gold quotation that a prediction covers: in characters, or in tokens after a fallback
 * (`goldTokens` are the gold quote's own tokens, used when either side has no place in the text).
 */
function coverageOf(
  gold: GoldLocation,
  goldTokens: readonly string[],
  range: { start: number; end: number } | null,
  predictedTokens: readonly string[],
): number {
  if (gold.kind === 'none' || range === null) {
    return goldTokens.length === 0 ? 0 : countCommonTokens(goldTokens, predictedTokens) / goldTokens.length;
  }
  if (gold.kind === 'tokens') {
    const inside = gold.tokens.filter((t) => t.start >= range.start && t.end <= range.end).length;
    return gold.size === 0 ? 0 : inside / gold.size;
  }
  const overlap = Math.min(gold.end, range.end) - Math.max(gold.start, range.start);
  return overlap <= 0 ? 0 : overlap / (gold.end - gold.start);
}

export interface MatchCandidate {
  readonly gold: number;
  readonly pred: number;
  readonly coverage: number;
  /** Share of the prediction inside the gold quote: prefers the tighter of two full covers. */
  readonly tightness: number;
}

/** One-to-one matching, greedy by coverage (then tightness), of pairs reaching `threshold`. */
export function matchGreedy(candidates: readonly MatchCandidate[], threshold: number): Map<number, MatchCandidate> {
  const sorted = candidates
    .filter((c) => c.coverage >= threshold)
    .sort((a, b) => b.coverage - a.coverage || b.tightness - a.tightness || a.gold - b.gold || a.pred - b.pred);
  const byGold = new Map<number, MatchCandidate>();
  const usedPred = new Set<number>();
  for (const c of sorted) {
    if (byGold.has(c.gold) || usedPred.has(c.pred)) continue;
    byGold.set(c.gold, c);
    usedPred.add(c.pred);
  }
  return byGold;
}

/** All gold × prediction pairs of one article with some coverage. */
function candidatesOf(
  article: EvalArticle | undefined,
  gold: readonly GoldQuote[],
  preds: readonly PredictedQuote[],
): { candidates: MatchCandidate[]; locations: GoldLocation[] } {
  const joined = article ? article.paragraphs.join(PARAGRAPH_SEPARATOR) : '';
  const folded = foldText(joined);
  const articleTokens = tokenizeForEval(joined);
  const offsets = paragraphOffsets(article?.paragraphs ?? []);
  const locations = gold.map((g) => locateQuote(g.quote, folded, articleTokens));
  const ranges = preds.map((p) => (article ? predictedRange(p, offsets) : null));
  const goldTokens = gold.map((g) => tokenizeForEval(g.quote).map((t) => t.text));
  const predTokens = preds.map((p) => tokenizeForEval(p.quote).map((t) => t.text));
  const candidates: MatchCandidate[] = [];
  locations.forEach((loc, gi) => {
    preds.forEach((_, pi) => {
      const range = ranges[pi] ?? null;
      const coverage = coverageOf(loc, goldTokens[gi] ?? [], range, predTokens[pi] ?? []);
      if (coverage <= 0) return;
      const predLength = range ? range.end - range.start : 0;
      const tightness = loc.kind === 'chars' && range && predLength > 0 ? (coverage * (loc.end - loc.start)) / predLength : coverage;
      candidates.push({ gold: gi, pred: pi, coverage, tightness });
    });
  });
  return { candidates, locations };
}

/**
 * Score predicted quotations against gold ones. Predictions of articles without gold are ignored;
 * gold of an article that did not load counts as missed.
 *
 * @example
 * scoreQuotes(gold, [{ id: 'a', paragraphs }], corpus.quotations).at30.f1;
 */
export function scoreQuotes(
  gold: readonly GoldArticle[],
  articles: readonly EvalArticle[],
  predictions: readonly PredictedQuote[],
  details: PredictionDetails = NO_DETAILS,
): QuoteScores {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const predsOf = new Map<string, PredictedQuote[]>();
  for (const p of predictions) predsOf.set(p.articleId, [...(predsOf.get(p.articleId) ?? []), p]);
  let goldCount = 0;
  let predCount = 0;
  let strictMatched = 0;
  const located = { exact: 0, tokens: 0, none: 0 };
  const matches: QuoteMatch[] = [];
  const missed: QuoteScores['missed'][number][] = [];
  const spurious: QuoteScores['spurious'][number][] = [];
  for (const g of gold) {
    const preds = predsOf.get(g.article) ?? [];
    goldCount += g.quotes.length;
    predCount += preds.length;
    const { candidates, locations } = candidatesOf(byId.get(g.article), g.quotes, preds);
    for (const loc of locations) located[loc.kind === 'chars' ? 'exact' : loc.kind]++;
    strictMatched += matchGreedy(candidates, MATCH_THRESHOLDS.strict).size;
    const loose = matchGreedy(candidates, MATCH_THRESHOLDS.loose);
    const usedPreds = new Set([...loose.values()].map((c) => c.pred));
    g.quotes.forEach((gq, gi) => {
      const c = loose.get(gi);
      const p = c ? preds[c.pred] : undefined;
      if (!c || !p) {
        missed.push({ article: g.article, gold: gq });
        return;
      }
      const speakers = p.speakers.map((s) => s.name);
      const speakerRight = isSameSpeaker(gq.speaker, speakers);
      const speakerError = speakerRight ? null : classifySpeakerError(gq.speaker, speakers);
      matches.push({ article: g.article, gold: gq, predicted: summarise(p, details), coverage: c.coverage, speakerRight, speakerError });
    });
    preds.forEach((p, pi) => {
      if (!usedPreds.has(pi)) spurious.push({ article: g.article, ...summarise(p, details) });
    });
  }
  const correct = matches.filter((m) => m.speakerRight).length;
  return {
    gold: goldCount,
    predicted: predCount,
    located,
    at30: prfOf(matches.length, predCount, goldCount),
    at80: prfOf(strictMatched, predCount, goldCount),
    speaker: { correct, matched: matches.length, accuracy: matches.length === 0 ? 0 : correct / matches.length },
    endToEnd: prfOf(correct, predCount, goldCount),
    matches,
    missed,
    spurious,
  };
}
