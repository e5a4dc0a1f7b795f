/**
 * One benchmark size, measured in a fresh process as the bot would run it: cold start from the
 * saved index, then every question timed, then memory. Prints one JSON object on stdout.
 * Usage: tsx src/bench/child.ts <corpusDir> <cacheDir> <questions.json>
 */
import { readFile } from 'node:fs/promises';
import { ask } from '../core/answer.ts';
import { openCachedCorpus } from '../node/corpus-cache.ts';
import { collectGarbage, isHit } from './measure.ts';
import type { PlantedQuestion } from './questions.ts';

export interface ChildResult {
  readonly coldStartMs: number;
  readonly fromSavedIndex: boolean;
  readonly latenciesMs: number[];
  readonly hits: boolean[];
  /** Questions where many stories match, and how many the answer says. */
  readonly storiesMatched: (number | null)[];
  readonly rssMb: number;
  readonly heapMb: number;
}

async function runChild(corpusDir: string, cacheDir: string, questionsPath: string): Promise<ChildResult> {
  const { questions, warmup } = JSON.parse(await readFile(questionsPath, 'utf8')) as { questions: PlantedQuestion[]; warmup: string[] };
  const started = performance.now();
  const { corpus, fromSavedIndex } = await openCachedCorpus(corpusDir, { cacheDir });
  const coldStartMs = performance.now() - started;
  for (const text of warmup) ask(corpus, text); // other questions: warm the JIT, as in a running bot
  const latenciesMs: number[] = [];
  const hits: boolean[] = [];
  const storiesMatched: (number | null)[] = [];
  for (const q of questions) {
    // The median of three runs: other processes share these 2 cores, and one preemption is not the engine's cost.
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      ask(corpus, q.text);
      runs.push(performance.now() - t);
    }
    latenciesMs.push(runs.sort((a, b) => a - b)[1]!);
    const r = ask(corpus, q.text);
    hits.push(isHit(q, r.found ? r.answers[0]?.quotationId : undefined));
    storiesMatched.push(r.storiesMatched ?? null);
  }
  collectGarbage();
  const mem = process.memoryUsage();
  return { coldStartMs, fromSavedIndex, latenciesMs, hits, storiesMatched, rssMb: mem.rss / 2 ** 20, heapMb: mem.heapUsed / 2 ** 20 };
}

const [corpusDir, cacheDir, questionsPath] = process.argv.slice(2);
if (corpusDir && cacheDir && questionsPath) {
  process.stdout.write(`${JSON.stringify(await runChild(corpusDir, cacheDir, questionsPath))}\n`);
}
