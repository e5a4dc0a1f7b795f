/**
 * Running the evaluation on a data folder (`articles/` + `gold.jsonl`): the articles load through
 * the same loader users get, the pipeline's quotations are scored, and generated "who said …?"
 * questions go through the real `ask`.
 */
import { access, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ask } from '../core/answer.ts';
import { WhosaidError } from '../core/errors.ts';
import { loadCorpusDir, readCorpusDir } from '../node/corpus-dir.ts';
import { parseGold } from './gold.ts';
import { judgeAnswer, makeQuestions, QUESTION_DEFAULTS, tallyVerdicts } from './questions.ts';
import { figuresOf, type EvalResult, type QuestionOutcome } from './report.ts';
import { scoreQuotes } from './score.ts';

export interface EvaluationOptions {
  /** Seed of the question generator. */
  readonly seed?: number;
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
  const quotes = scoreQuotes(gold, articles, corpus.quotations);

  // Question words are picked by their frequency in the files as given, so the question set does
  // not move when the loader's cleaning changes.
  const { files } = await readCorpusDir(join(dir, 'articles'));
  const decoder = new TextDecoder();
  const documents = files.map((f) => (typeof f.content === 'string' ? f.content : decoder.decode(f.content)));
  const outcomes: QuestionOutcome[] = makeQuestions(gold, documents, { seed }).map((q) => {
    const result = ask(corpus, q.question, { limit: 1 });
    const top = result.answers[0];
    const speakers = top?.speakers.map((s) => s.name) ?? [];
    const verdict = judgeAnswer(q, top ? { found: result.found, speakers } : null);
    const answered = top ? { article: top.article.id, quote: top.quote, speakers } : null;
    return { article: q.article, question: q.question, speaker: q.speaker, quote: q.quote, verdict, answered };
  });
  const whoSaid = tallyVerdicts(outcomes.map((o) => o.verdict));
  return {
    dataset: basename(resolve(dir)),
    stories: { gold: gold.length, loaded: gold.filter((g) => corpus.articles.has(g.article)).length, warnings },
    quotes,
    whoSaid: { ...whoSaid, seed, outcomes },
    figures: figuresOf(quotes, whoSaid),
    seconds: (performance.now() - started) / 1000,
  };
}
