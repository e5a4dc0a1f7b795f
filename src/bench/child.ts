/**
 * One benchmark size, measured in a fresh process as the bot would run it: cold start from the
 * saved index, then every question timed, then memory. Prints one JSON object on stdout.
 * Then a live reload: a story added and deleted while questions arrive (and, with `plain`, the
 * plain design's whole rebuild, for comparison).
 * Usage: tsx src/bench/child.ts <corpusDir> <cacheDir> <questions.json> [plain]
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ask } from '../core/answer/answer.ts';
import { buildCorpus, loadArticles, type Corpus } from '../core/corpus.ts';
import { WhosaidError } from '../core/errors.ts';
import { extractQuotations } from '../core/extract.ts';
import { openLiveCorpus, type LiveCorpus } from '../node/live-corpus.ts';
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
  readonly reload: ReloadResult;
}

/** A story added, then deleted, while questions keep arriving (one every 10 ms). */
export interface ReloadResult {
  /** From the file written to its quotation answered. */
  readonly addMs: number;
  /** From the file deleted to its quotation gone. */
  readonly deleteMs: number;
  /** Longest event-loop stall during both (monitorEventLoopDelay). */
  readonly maxStallMs: number;
  /** Questions that arrived during them, and those answered over 50 ms late. */
  readonly questions: number;
  readonly delayed: number;
  /** A full rescan of the folder with nothing changed (what an admin's /reload or a replaced folder costs), and its longest stall. */
  readonly rescanMs: number;
  readonly rescanStallMs: number;
  /** Closing the live corpus (the changes are already in the saved index's journal), and the longest stall meanwhile. */
  readonly saveMs: number;
  readonly saveStallMs: number;
  /** The plain design: rebuilding the whole corpus, synchronously (a stall as long), when measured. */
  readonly plainRebuildMs: number | null;
}

const LIVE_STORY = `---\ntitle: Causeway count\ndate: 2026-12-06\n---\n\n"The lighthouse keeper counted 4,321 zebras on the causeway," Ada Quill, the harbour master, said on Monday.\n`;
const LIVE_QUESTION = 'who said the lighthouse keeper counted 4321 zebras';

/**
 * Time a reload of `live` after `change`, until `done()`, with questions arriving every 10 ms
 * meanwhile. `paths`: the files changed, as the folder watcher reports them (none: a full rescan).
 */
async function timedReload(live: LiveCorpus, change: () => Promise<void>, done: () => boolean, warm: string, paths?: readonly string[]) {
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  let questions = 0;
  let delayed = 0;
  let due = performance.now() + 10;
  const ticker = setInterval(() => {
    const late = performance.now() - due;
    due = performance.now() + 10;
    questions++;
    if (late > 50) delayed++;
    ask(live.current(), warm);
  }, 10);
  stalls.enable();
  const started = performance.now();
  await change();
  await live.reload(paths);
  const ms = performance.now() - started;
  stalls.disable();
  clearInterval(ticker);
  if (!done()) throw new WhosaidError('the live reload did not take the change');
  return { ms, maxStallMs: stalls.max / 1e6, questions, delayed };
}

function never(): never {
  throw new WhosaidError('the live story did not load');
}

async function measureReload(corpusDir: string, live: LiveCorpus, warm: string, plain: boolean): Promise<ReloadResult> {
  const path = join(corpusDir, 'bench', 'live-story.md');
  // The path the folder watcher would report (the bench runs without one: its start-up walk of 100,000 files is not what this row measures).
  const changed = ['bench/live-story.md'];
  // A first extraction loads and warms up the tagger (a few hundred ms, once per process, which a
  // bot started from a saved index pays on its first new story): not what this row measures.
  extractQuotations(loadArticles([{ path: 'warm.md', content: LIVE_STORY }]).articles[0] ?? never());
  const found = () => ask(live.current(), LIVE_QUESTION).found;
  const add = await timedReload(live, () => writeFile(path, LIVE_STORY), found, warm, changed);
  const del = await timedReload(
    live,
    () => rm(path),
    () => !found(),
    warm,
    changed,
  );
  const rescan = await timedReload(
    live,
    () => Promise.resolve(),
    () => !found(),
    warm,
  );
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const saveStarted = performance.now();
  await live.close();
  const saveMs = performance.now() - saveStarted;
  stalls.disable();
  let plainRebuildMs: number | null = null;
  if (plain) {
    const c: Corpus = live.current();
    const t = performance.now();
    buildCorpus([...c.articles.values()], c.quotations);
    plainRebuildMs = performance.now() - t;
  }
  return {
    addMs: add.ms,
    deleteMs: del.ms,
    maxStallMs: Math.max(add.maxStallMs, del.maxStallMs),
    questions: add.questions + del.questions,
    delayed: add.delayed + del.delayed,
    rescanMs: rescan.ms,
    rescanStallMs: rescan.maxStallMs,
    saveMs,
    saveStallMs: stalls.max / 1e6,
    plainRebuildMs,
  };
}

async function runChild(corpusDir: string, cacheDir: string, questionsPath: string, plain: boolean): Promise<ChildResult> {
  const { questions, warmup } = JSON.parse(await readFile(questionsPath, 'utf8')) as { questions: PlantedQuestion[]; warmup: string[] };
  const started = performance.now();
  let fromSavedIndex = false;
  const live = await openLiveCorpus(corpusDir, { cacheDir, watch: false, onStart: (info) => (fromSavedIndex = info.fromSavedIndex) });
  const corpus = live.current();
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
  const reload = await measureReload(corpusDir, live, warmup[0] ?? LIVE_QUESTION, plain);
  return { coldStartMs, fromSavedIndex, latenciesMs, hits, storiesMatched, rssMb: mem.rss / 2 ** 20, heapMb: mem.heapUsed / 2 ** 20, reload };
}

const [corpusDir, cacheDir, questionsPath, plain] = process.argv.slice(2);
if (corpusDir && cacheDir && questionsPath) {
  process.stdout.write(`${JSON.stringify(await runChild(corpusDir, cacheDir, questionsPath, plain === 'plain'))}\n`);
}
