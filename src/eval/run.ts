/**
 * Running the evaluation on a data folder (`articles/` + `gold.jsonl`): the articles load through
 * the same loader users get, the pipeline's quotations are scored, and generated "who said …?"
 * questions go through the real `ask`.
 */
import { access, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ask } from '../core/answer/answer.ts';
import { WhosaidError } from '../core/errors.ts';
import { loadCorpusDir, readCorpusDir } from '../node/corpus-dir.ts';
import { parseGold } from './gold.ts';
import { judgeAnswer, makeQuestions, QUESTION_DEFAULTS, tallyVerdicts } from './questions.ts';
import { makeDidSayQuestions, scoreDidSay, type DidSayOutcome } from './didsay.ts';
import type { Corpus } from '../core/corpus.ts';
import type { VerdictOptions } from '../core/answer/verdict.ts';
import { isCertain } from '../core/certainty.ts';
import type { Quotation } from '../core/types.ts';
import { isJudgeableSource, isNamedSourceIn, isPolnearGold, judgePolnearMatch, scorePolnear } from './polnear.ts';
import { figuresOf, type EvalResult, type QuestionOutcome } from './report.ts';
import { tallyByTag, type TagFigures } from './rules.ts';
import { isSameSpeaker, scoreQuotes, type GoldArticle, type PredictedQuote, type PredictionDetails, type QuoteMatch } from './score.ts';

/** Provenance tags of a quotation that the per-rule figures group by (those the pipeline records). */
export const PROVENANCE_TAGS = ['attribution', 'rule', 'cue', 'resolvedBy'] as const;

const DETAILS: PredictionDetails = {
  stated: (p: PredictedQuote) => isCertain(p as Quotation),
  tags: (p: PredictedQuote) => {
    const q = p as unknown as Record<string, unknown>;
    return Object.fromEntries(PROVENANCE_TAGS.flatMap((t) => (typeof q[t] === 'string' ? [[t, q[t] as string]] : [])));
  },
};

/** PolNeAR questions are made from speech whose source is a name: the only ones gold can judge. */
function questionGold(gold: readonly GoldArticle[], polnear: boolean): GoldArticle[] {
  return polnear ? gold.map((g) => ({ article: g.article, quotes: g.quotes.filter((q) => q.speech && q.named && isJudgeableSource(q.speaker)) })) : [...gold];
}

export interface EvaluationOptions {
  /** Seed of the question generator. */
  readonly seed?: number;
  /** Did-say verdict thresholds to try instead of the defaults. */
  readonly verdict?: VerdictOptions;
}

/**
 * Ask every generated did-say question through the real `ask` and keep its verdict.
 *
 * @example
 * evaluateDidSay(corpus, gold, documents, 42).right;
 */
export function evaluateDidSay(
  corpus: Corpus,
  gold: readonly GoldArticle[],
  documents: readonly string[],
  seed: number,
  verdict?: VerdictOptions,
  same?: (gold: string, named: readonly string[]) => boolean,
) {
  const outcomes: DidSayOutcome[] = makeDidSayQuestions(gold, documents, seed).map((q) => {
    const r = ask(corpus, q.question, verdict ? { verdict } : {});
    const named = r.verdict?.kind === 'someone-else' ? (r.answers[0]?.speakers.map((s) => s.name) ?? []) : [];
    return { ...q, verdict: r.verdict?.kind ?? 'not-quoted', named, ...(r.verdict?.unattributed ? { unattributed: true } : {}) };
  });
  return { ...scoreDidSay(outcomes, same), outcomes };
}

/** Does `dir` look like an eval data folder (an `articles/` folder and a `gold.jsonl`)? */
export async function hasEvalData(dir: string): Promise<boolean> {
  try {
    await Promise.all([access(join(dir, 'gold.jsonl')), access(join(dir, 'articles'))]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Evaluate the pipeline on one data folder.
 *
 * @example
 * const r = await evaluateDataset('../shared/eval/ggt-dev');
 * r.figures.quoteF1At30; // e.g. 78.4
 */
export async function evaluateDataset(dir: string, options: EvaluationOptions = {}): Promise<EvalResult> {
  const started = performance.now();
  const seed = options.seed ?? QUESTION_DEFAULTS.seed;
  let goldText: string;
  try {
    goldText = await readFile(join(dir, 'gold.jsonl'), 'utf8');
  } catch (err) {
    throw new WhosaidError(`Cannot read ${join(dir, 'gold.jsonl')}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
  const gold = parseGold(goldText);
  const { corpus, warnings } = await loadCorpusDir(join(dir, 'articles'));
  const articles = [...corpus.articles.values()];
  const polnear = isPolnearGold(gold);
  const quotes = scoreQuotes(gold, articles, corpus.quotations, DETAILS);
  const judge = polnear ? judgePolnearMatch : (m: QuoteMatch) => isSameSpeaker(m.gold.speaker, m.predicted.speakers);
  const tags: Record<string, TagFigures[]> = {};
  for (const t of PROVENANCE_TAGS) {
    const rows = tallyByTag(quotes, t, judge);
    // A tag the pipeline does not record shows up as one row of '?': leave it out.
    if (!rows.every((r) => r.value === '?')) tags[t] = rows;
  }
  const polnearScores = polnear ? scorePolnear(quotes) : undefined;

  // Question words are picked by their frequency in the files as given, so the question set does
  // not move when the loader's cleaning changes.
  const { files } = await readCorpusDir(join(dir, 'articles'));
  const decoder = new TextDecoder();
  const documents = files.map((f) => (typeof f.content === 'string' ? f.content : decoder.decode(f.content)));
  const same = polnear ? isNamedSourceIn : undefined;
  const outcomes: QuestionOutcome[] = makeQuestions(questionGold(gold, polnear), documents, { seed }).map((q) => {
    const result = ask(corpus, q.question, { limit: 1 });
    const top = result.answers[0];
    const speakers = top?.speakers.map((s) => s.name) ?? [];
    const roles = top?.speakers.map((s) => s.role) ?? [];
    // Tied answers name no one as the answer: the reader is asked which they mean (an abstention).
    const verdict = judgeAnswer(q, top ? { found: result.found && !result.tied, speakers, roles } : null, same);
    const quotation = top ? corpus.byId.get(top.quotationId) : undefined;
    const answered = top ? { article: top.article.id, quote: top.quote, speakers, score: top.score, tags: quotation ? DETAILS.tags(quotation) : {} } : null;
    return { article: q.article, question: q.question, speaker: q.speaker, quote: q.quote, verdict, answered, ...(result.tied ? { tied: result.tied } : {}) };
  });
  const whoSaid = tallyVerdicts(outcomes.map((o) => o.verdict));
  const sameNamed = polnear
    ? (g: string, named: readonly string[]) =>
        isNamedSourceIn(
          g,
          named.map((name) => ({ name, role: null })),
        )
    : undefined;
  const didSay = evaluateDidSay(corpus, questionGold(gold, polnear), documents, seed, options.verdict, sameNamed);
  return {
    dataset: basename(resolve(dir)),
    stories: { gold: gold.length, loaded: gold.filter((g) => corpus.articles.has(g.article)).length, warnings },
    quotes,
    whoSaid: { ...whoSaid, seed, outcomes },
    ...(polnearScores ? { polnear: polnearScores } : {}),
    tags,
    figures: figuresOf(quotes, whoSaid, polnearScores),
    didSay,
    seconds: (performance.now() - started) / 1000,
  };
}
