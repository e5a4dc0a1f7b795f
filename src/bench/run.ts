/**
 * The benchmark: for each archive size, generate stories (outside the repository), build and save
 * the index, measure a cold start and every question in a fresh process, and run the plain design
 * (one fuse.js instance over everything) on the same data and questions, side by side.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WhosaidError } from '../core/errors.ts';
import { parseQuestion } from '../core/answer/question.ts';
import { createPlainFuse } from '../core/search/rank.ts';
import { buildFromEntries, refreshEntries } from '../node/corpus-cache.ts';
import { createExtractPool, defaultThreads } from '../node/extract-pool.ts';
import { saveEntries, type FileEntry } from '../node/index-store.ts';
import type { Quotation } from '../core/types.ts';
import { generateArchive, storyMarkdown, type Archive } from './archive.ts';
import type { ChildResult, ReloadResult } from './child.ts';
import { collectGarbage, isHit, percentile, shareOf } from './measure.ts';
import { generateQuestions, plantAnswers, type PlantedQuestion, type QuestionKind } from './questions.ts';
import { readSourceSentences, trainModel } from './text.ts';

export interface BenchOptions {
  readonly sizes: readonly number[];
  /** Largest size the plain design runs at. */
  readonly plainMax: number;
  /** Questions the plain design answers per size (a fixed subsample; it takes seconds each at 100k). */
  readonly plainQuestions: (size: number) => number;
  readonly sourceDir: string;
  readonly workDir: string;
  readonly log: (line: string) => void;
}

export interface PlainRow {
  readonly questions: number;
  readonly buildMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly hitAt1: number;
  /** whosaid's hit@1 on the same questions. */
  readonly oursHitAt1: number;
  /** Plain p50 over whosaid's p50 on the same questions. */
  readonly speedup: number;
}

export interface SizeRow {
  readonly quotations: number;
  readonly stories: number;
  readonly buildMs: number;
  readonly coldStartMs: number;
  readonly fromSavedIndex: boolean;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly hitAt1: number;
  readonly hitAt1ByKind: Record<string, number>;
  readonly rssMb: number;
  readonly heapMb: number;
  readonly plain: PlainRow | null;
  /** A story added and deleted through the live corpus while questions arrive. */
  readonly reload: ReloadResult;
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/** The prefix of the archive with at least `size` quotations, whole stories only. */
function prefixOf(archive: Archive, size: number): Archive {
  if (size >= archive.quotations.length) return archive;
  const last = archive.quotations[size - 1]!.articleId;
  let end = size;
  while (end < archive.quotations.length && archive.quotations[end]!.articleId === last) end++;
  const stories = archive.articles.findIndex((a) => a.id === last) + 1;
  return { articles: archive.articles.slice(0, stories), quotations: archive.quotations.slice(0, end) };
}

/** Write the stories as files and the saved index next to them, as the bot's first start would. */
async function writeCorpus(dir: string, cacheDir: string, archive: Archive): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(join(dir, 'bench'), { recursive: true });
  const byArticle = new Map<string, Quotation[]>();
  for (const q of archive.quotations) {
    const list = byArticle.get(q.articleId);
    if (list) list.push(q);
    else byArticle.set(q.articleId, [q]);
  }
  const entries: FileEntry[] = [];
  for (let i = 0; i < archive.articles.length; i += 256) {
    const batch = archive.articles.slice(i, i + 256);
    entries.push(
      ...(await Promise.all(
        batch.map(async (article) => {
          const path = `${article.id}.md`;
          await writeFile(join(dir, path), storyMarkdown(article));
          const st = await stat(join(dir, path));
          // Extraction is skipped here (the quotations are planted); its cost is measured separately.
          return {
            path,
            size: st.size,
            mtimeMs: st.mtimeMs,
            hash: `bench-${i}-${article.id}`,
            article,
            quotations: byArticle.get(article.id) ?? [],
            warning: null,
          };
        }),
      )),
    );
  }
  await saveEntries(cacheDir, entries);
  const started = performance.now();
  await buildFromEntries(cacheDir, entries);
  return performance.now() - started;
}

function runChild(corpusDir: string, cacheDir: string, questionsPath: string, plain: boolean): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', CHILD, corpusDir, cacheDir, questionsPath, ...(plain ? ['plain'] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as ChildResult) : reject(new WhosaidError(`benchmark child exited with ${code}`))));
  });
}

/** The plain design on a fixed subsample of the questions, with whosaid's results on the same ones. */
function runPlain(archive: Archive, questions: readonly PlantedQuestion[], child: ChildResult, count: number): PlainRow {
  const started = performance.now();
  const plain = createPlainFuse(archive.quotations.map((q, id) => ({ id, text: `${q.quote} ${q.speakers.map((s) => s.name).join(' ')}` })));
  const buildMs = performance.now() - started;
  const step = Math.max(1, Math.floor(questions.length / count));
  const picked = questions
    .map((_, i) => i)
    .filter((i) => i % step === 0)
    .slice(0, count);
  const latencies: number[] = [];
  const hits: boolean[] = [];
  for (const i of picked) {
    const q = questions[i]!;
    const parsed = parseQuestion(q.text);
    const t = performance.now();
    const top = plain.search(parsed.name ? [parsed.name, ...parsed.words] : parsed.words, 1)[0];
    latencies.push(performance.now() - t);
    hits.push(isHit(q, top && top.score >= 0.6 ? archive.quotations[top.id]!.id : undefined));
  }
  const ours = picked.map((i) => child.latenciesMs[i]!);
  return {
    questions: picked.length,
    buildMs,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    hitAt1: shareOf(hits),
    oursHitAt1: shareOf(picked.map((i) => child.hits[i]!)),
    speedup: percentile(latencies, 50) / percentile(ours, 50),
  };
}

export interface ExtractionRow {
  readonly mode: 'in-process' | 'pool';
  readonly stories: number;
  readonly threads: number;
  readonly ms: number;
  readonly perSecond: number;
}

export interface ExtractionBench {
  readonly stories: number;
  /** In the calling thread, one story after another (what a small reload does). */
  readonly msPerStory: number;
  readonly rows: readonly ExtractionRow[];
  /** Starting the pool's workers (tsx and compromise load in each) before the first story. */
  readonly poolStartMs: number;
}

/**
 * Extraction over real articles (one or more folders), as a first index runs it (read, hash, load, extract):
 * in the calling thread, then through the worker pool on every core, in one run. The pool's time
 * includes starting its workers. Each mode sees each story once (no warm caches between modes).
 */
export async function measureExtraction(sourceDirs: readonly string[], workDir: string): Promise<ExtractionBench> {
  const dir = join(workDir, 'extraction');
  await rm(dir, { recursive: true, force: true });
  // Each folder in its own subfolder: two sets may hold files of the same name.
  for (const [i, source] of sourceDirs.entries()) await cp(source, join(dir, String(i)), { recursive: true });
  const run = async (mode: ExtractionRow['mode'], threads: number): Promise<ExtractionRow> => {
    const started = performance.now();
    const { entries } = await refreshEntries(dir, [], { threads, poolMinFiles: mode === 'pool' ? 0 : Number.POSITIVE_INFINITY });
    const ms = performance.now() - started;
    const stories = entries.filter((e) => e.article).length;
    return { mode, stories, threads: mode === 'pool' ? threads : 1, ms, perSecond: (stories * 1000) / ms };
  };
  const threads = defaultThreads();
  const pool = await run('pool', threads);
  const inProcess = await run('in-process', 1);
  const started = performance.now();
  const starting = createExtractPool(threads);
  await starting.extract({ path: 'start.txt', content: new TextEncoder().encode('Start.') });
  const poolStartMs = performance.now() - started;
  await starting.close();
  await rm(dir, { recursive: true, force: true });
  return { stories: inProcess.stories, msPerStory: inProcess.ms / Math.max(1, inProcess.stories), rows: [inProcess, pool], poolStartMs };
}

async function runSize(
  archive: Archive,
  questions: readonly PlantedQuestion[],
  warmup: readonly string[],
  size: number,
  options: BenchOptions,
): Promise<SizeRow> {
  const dir = join(options.workDir, `q${size}`);
  const corpusDir = join(dir, 'corpus');
  const cacheDir = join(dir, 'cache');
  const questionsPath = join(dir, 'questions.json');
  const buildMs = await writeCorpus(corpusDir, cacheDir, archive);
  await writeFile(questionsPath, JSON.stringify({ questions, warmup }));
  collectGarbage();
  const child = await runChild(corpusDir, cacheDir, questionsPath, size <= options.plainMax);
  const kinds = [...new Set(questions.map((q) => q.kind))];
  const hitAt1ByKind = Object.fromEntries(kinds.map((k: QuestionKind) => [k, shareOf(child.hits.filter((_, i) => questions[i]!.kind === k))]));
  const plain = size <= options.plainMax ? runPlain(archive, questions, child, options.plainQuestions(size)) : null;
  return {
    quotations: archive.quotations.length,
    stories: archive.articles.length,
    buildMs,
    coldStartMs: child.coldStartMs,
    fromSavedIndex: child.fromSavedIndex,
    p50Ms: percentile(child.latenciesMs, 50),
    p95Ms: percentile(child.latenciesMs, 95),
    p99Ms: percentile(child.latenciesMs, 99),
    hitAt1: shareOf(child.hits),
    hitAt1ByKind,
    rssMb: child.rssMb,
    heapMb: child.heapMb,
    plain,
    reload: child.reload,
  };
}

/** Run every size; returns one row per size. */
export async function runBench(options: BenchOptions): Promise<SizeRow[]> {
  const model = trainModel(await readSourceSentences(options.sourceDir));
  const largest = Math.max(...options.sizes);
  options.log(`generating an archive of ${largest} quotations…`);
  const full = generateArchive(model, largest);
  const questions = generateQuestions(full.quotations.slice(0, 1000));
  const warmup = generateQuestions(full.quotations.slice(1000, 2000), 99).map((q) => q.text);
  const rows: SizeRow[] = [];
  for (const size of [...options.sizes].sort((a, b) => a - b)) {
    const archive = prefixOf(full, size);
    const planted = plantAnswers(questions, archive.quotations);
    options.log(`size ${archive.quotations.length}: ${archive.articles.length} stories…`);
    rows.push(await runSize(archive, planted, warmup, size, options));
  }
  return rows;
}

/** Default working folder for generated corpora: outside the repository. */
export function defaultWorkDir(): string {
  return join(tmpdir(), 'whosaid-bench');
}
