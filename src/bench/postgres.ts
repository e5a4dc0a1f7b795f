/**
 * `npm run bench -- --store postgres`: PostgreSQL as the store, beside the file store, on the
 * benchmark's synthetic archive. Per size: the indexer's write rate (one story per transaction with
 * its NOTIFY, as `npm run index` writes), an instance's cold start from PostgreSQL (read every
 * story, build the search index) against the file store's (saved entries and search indexes), and
 * the time from a story's commit until it is answerable on two instances. The server is the one
 * DATABASE_URL names, else a throwaway one started for the run (durable settings); none: it says why.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { ask } from '../core/answer/answer.ts';
import { buildCorpus } from '../core/corpus.ts';
import type { Article, Quotation } from '../core/types.ts';
import { buildFromEntries } from '../node/corpus-cache.ts';
import { loadEntries, saveEntries, type FileEntry } from '../node/index-store.ts';
import { connectDatabase } from '../pg/connect.ts';
import { openDatabaseCorpus, type DatabaseCorpus } from '../pg/live.ts';
import { migrate } from '../pg/migrate.ts';
import { readAllStories, writeStory } from '../pg/stories.ts';
import { startTestServer } from '../pg/temp-server.ts';
import { generateArchive } from './archive.ts';
import { collectGarbage, percentile } from './measure.ts';
import { readSourceSentences, trainModel } from './text.ts';

export interface PostgresBenchOptions {
  readonly sizes: readonly number[];
  readonly sourceDir: string;
  readonly workDir: string;
  /** An existing server (its public schema is emptied per size!); null starts a throwaway one. */
  readonly url: string | null;
  readonly log: (line: string) => void;
}

export interface PostgresRow {
  readonly quotations: number;
  readonly stories: number;
  /** Stories written one per transaction (with NOTIFY), 4 writers. */
  readonly ingestStories: number;
  readonly ingestMs: number;
  /** The rest of the archive, loaded in bulk (multi-row INSERT) to reach the size. */
  readonly bulkMs: number;
  readonly dbColdStartMs: number;
  /** Of which reading and parsing the rows. */
  readonly dbReadMs: number;
  /** An instance restarting with its search indexes saved in CACHE_DIR. */
  readonly dbRestartMs: number;
  readonly fileColdStartMs: number;
  /** The file store rebuilding its search index from saved entries (no saved index): the same work an instance does after reading. */
  readonly fileRebuildMs: number;
  readonly rssMb: number;
  /** Commit → answerable on both instances, per trial. */
  readonly newStoryMs: readonly number[];
  /** Commit → the change applied on both instances (before a question confirms it), per trial. */
  readonly appliedMs: readonly number[];
  /** An instance's first question after its start (lazy structures built then). */
  readonly firstAskMs: number;
}

const INGEST_SAMPLE = 2_000;
const WRITERS = 4;
const TRIALS = 5;

/** The archive as stories with their quotations. */
function storiesOf(articles: readonly Article[], quotations: readonly Quotation[]): { article: Article; quotations: Quotation[] }[] {
  const byId = new Map(articles.map((a) => [a.id, { article: a, quotations: [] as Quotation[] }]));
  for (const q of quotations) byId.get(q.articleId)?.quotations.push(q);
  return [...byId.values()];
}

const writeOf = (s: { article: Article; quotations: readonly Quotation[] }) => ({
  path: `${s.article.id}.md`,
  fingerprint: s.article.id,
  size: 0,
  mtimeMs: 0,
  extraction: 'bench',
  article: s.article,
  quotations: s.quotations,
  warning: null,
});

async function bulkInsert(pool: pg.Pool, stories: readonly { article: Article; quotations: readonly Quotation[] }[]): Promise<void> {
  for (let i = 0; i < stories.length; i += 500) {
    const chunk = stories.slice(i, i + 500);
    const cols = 11;
    const values = chunk.map((_, k) => `(${Array.from({ length: cols }, (_, c) => `$${k * cols + c + 1}`).join(',')})`).join(',');
    const params = chunk.flatMap((s) => [
      `${s.article.id}.md`,
      s.article.id,
      0,
      0,
      'bench',
      s.article.id,
      s.article.title,
      s.article.date,
      JSON.stringify(s.article.paragraphs),
      JSON.stringify(s.quotations.map(({ articleId: _, ...q }) => q)),
      s.quotations.length,
    ]);
    await pool.query(
      `INSERT INTO stories (path, fingerprint, size, mtime_ms, extraction, story_id, title, date, paragraphs, quotations, quotation_count) VALUES ${values}`,
      params,
    );
  }
}

/** Write a story and time until both instances answer it. */
async function timeNewStory(pool: pg.Pool, instances: readonly DatabaseCorpus[], n: number): Promise<number> {
  const id = `bench/new-${n}-${Date.now()}`;
  const number = `${7_300_000 + n * 17}`;
  const text = `“The crossing will cost ${number} dollars,” said Ottoline Quarrington, the harbour treasurer.`;
  const quote = text.slice(0, text.indexOf('”') + 1);
  const article: Article = {
    id,
    title: 'Crossing costs',
    source: 'Bench',
    date: '2026-12-06',
    url: null,
    authors: [],
    byline: null,
    section: null,
    format: 'md',
    paragraphs: [text],
  };
  const q: Quotation = {
    id: `${id}#1`,
    articleId: id,
    quote,
    kind: 'direct',
    speakers: [{ name: 'Ottoline Quarrington', role: 'harbour treasurer' }],
    said: null,
    span: { paragraph: 0, start: 0, end: quote.length },
    mention: 'Ottoline Quarrington',
    verb: 'said',
    attribution: 'name',
    rule: 'direct-tag-after',
    cue: 'subject-after',
    resolvedBy: 'name',
  };
  const started = performance.now();
  await writeStory(pool, writeOf({ article, quotations: [q] }));
  const pending = new Set(instances);
  for (let i = 0; pending.size > 0 && i < 20_000; i++) {
    for (const live of [...pending]) if (ask(live.current(), `who said ${number} dollars?`).answers[0]?.article.id === id) pending.delete(live);
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 2));
  }
  return performance.now() - started;
}

/** The file store's cold start at the same size: saved entries and search indexes read back. */
async function fileColdStart(workDir: string, stories: readonly { article: Article; quotations: readonly Quotation[] }[]) {
  const dir = await mkdtemp(join(workDir, 'pg-bench-file-'));
  try {
    const entries: FileEntry[] = stories.map((s) => ({
      path: `${s.article.id}.md`,
      size: 0,
      mtimeMs: 0,
      hash: s.article.id,
      article: s.article,
      quotations: s.quotations,
      warning: null,
    }));
    await saveEntries(dir, entries);
    await buildFromEntries(dir, entries);
    collectGarbage();
    let t = performance.now();
    const loaded = await loadEntries(dir);
    await buildFromEntries(dir, loaded);
    const coldMs = performance.now() - t;
    collectGarbage();
    t = performance.now();
    buildCorpus(
      loaded.flatMap((e) => (e.article ? [e.article] : [])),
      loaded.flatMap((e) => e.quotations),
    );
    return { coldMs, rebuildMs: performance.now() - t };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchSize(url: string, size: number, model: ReturnType<typeof trainModel>, options: PostgresBenchOptions): Promise<PostgresRow> {
  const { log } = options;
  // Only `stories` holds the archive, so it can be let go before the instances load theirs.
  let stories: { article: Article; quotations: Quotation[] }[] | null = (() => {
    const archive = generateArchive(model, size);
    return storiesOf(archive.articles, archive.quotations);
  })();
  const storyCount = stories.length;
  const quotationCount = stories.reduce((n, s) => n + s.quotations.length, 0);
  const pool = await connectDatabase(url, { max: WRITERS + 2 });
  try {
    await pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await migrate(pool);
    const sample = stories.slice(0, Math.min(INGEST_SAMPLE, stories.length));
    let next = 0;
    let t = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < sample.length) {
          const s = sample[next++];
          if (s) await writeStory(pool, writeOf(s));
        }
      }),
    );
    const ingestMs = performance.now() - t;
    log(`  ${size.toLocaleString('en-US')}: ${sample.length} stories written one per transaction in ${(ingestMs / 1000).toFixed(1)} s`);
    t = performance.now();
    await bulkInsert(pool, stories.slice(sample.length));
    const bulkMs = performance.now() - t;
    await pool.query('VACUUM ANALYZE stories');
    log(`  bulk load of the other ${stories.length - sample.length} stories: ${(bulkMs / 1000).toFixed(1)} s`);
    const file = await fileColdStart(options.workDir, stories);
    log(`  file store: cold start ${(file.coldMs / 1000).toFixed(2)} s (saved index), rebuild ${(file.rebuildMs / 1000).toFixed(2)} s`);
    stories = null;
    collectGarbage();
    const instances: DatabaseCorpus[] = [];
    try {
      t = performance.now();
      await readAllStories(pool);
      const dbReadMs = performance.now() - t;
      collectGarbage();
      t = performance.now();
      // When each instance applied a change (its catch-up finished), apart from when a question found it.
      const appliedAt: number[][] = [[], []];
      instances.push(await openDatabaseCorpus(url, { onReload: () => appliedAt[0]?.push(performance.now()) }));
      const dbColdStartMs = performance.now() - t;
      log(`  cold start from PostgreSQL: ${(dbColdStartMs / 1000).toFixed(2)} s (reading the rows alone: ${(dbReadMs / 1000).toFixed(2)} s)`);
      // A second instance keeps its search indexes in its CACHE_DIR: its first start saves them, a restart loads them.
      const cacheDir = await mkdtemp(join(options.workDir, 'pg-bench-cache-'));
      await (await openDatabaseCorpus(url, { cacheDir })).close();
      collectGarbage();
      t = performance.now();
      instances.push(await openDatabaseCorpus(url, { cacheDir, onReload: () => appliedAt[1]?.push(performance.now()) }));
      const dbRestartMs = performance.now() - t;
      await rm(cacheDir, { recursive: true, force: true });
      const rssMb = process.memoryUsage().rss / 2 ** 20;
      log(`  restart with the saved search index: ${(dbRestartMs / 1000).toFixed(2)} s`);
      // An instance's first question pays for lazily built structures (the speaker summary: 3.7 s
      // alone at 1M); asked here, so the trials measure the change, not that first question.
      const firstAskMs = instances.map((live) => {
        const at = performance.now();
        ask(live.current(), 'who said the moon is made of 4,321 cheeses?');
        return performance.now() - at;
      });
      log(`  first question after start: ${firstAskMs.map((x) => x.toFixed(0)).join(', ')} ms`);
      const newStoryMs: number[] = [];
      const appliedMs: number[] = [];
      const trialsAt: number[] = [];
      for (let i = 0; i < TRIALS; i++) {
        const t0 = performance.now();
        trialsAt.push(Math.round(t0));
        newStoryMs.push(await timeNewStory(pool, instances, i));
        appliedMs.push(Math.max(...appliedAt.map((times) => (times.find((x) => x >= t0) ?? Number.NaN) - t0)));
      }
      log(
        `  new story: answerable ${newStoryMs.map((x) => x.toFixed(0)).join(', ')} ms; applied on both ${appliedMs.map((x) => x.toFixed(0)).join(', ')} ms (trials started at ${trialsAt.join(', ')} ms of the process, for --trace-gc)`,
      );
      return {
        quotations: quotationCount,
        stories: storyCount,
        ingestStories: sample.length,
        ingestMs,
        bulkMs,
        dbColdStartMs,
        dbReadMs,
        dbRestartMs,
        fileColdStartMs: file.coldMs,
        fileRebuildMs: file.rebuildMs,
        rssMb,
        newStoryMs,
        appliedMs,
        firstAskMs: Math.max(...firstAskMs),
      };
    } finally {
      for (const live of instances) await live.close();
    }
  } finally {
    await pool.end();
  }
}

/**
 * Run the PostgreSQL benchmark; resolves with the rows, or with why it could not run.
 *
 * @example
 * const r = await runPostgresBench({ sizes: [100_000], sourceDir, workDir, url: null, log });
 */
export async function runPostgresBench(options: PostgresBenchOptions): Promise<{ rows: PostgresRow[] } | { skipped: string }> {
  const server = options.url ? null : await startTestServer({ durable: true });
  if (typeof server === 'string') return { skipped: server };
  const url = options.url ?? server?.url ?? '';
  try {
    const model = trainModel(await readSourceSentences(options.sourceDir));
    const rows: PostgresRow[] = [];
    for (const size of options.sizes) rows.push(await benchSize(url, size, model, options));
    return { rows };
  } finally {
    server?.destroy();
  }
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** The PostgreSQL table as markdown. */
export function formatPostgresTable(rows: readonly PostgresRow[]): string {
  const head =
    '| quotations | stories | ingest stories/s (quotations/s), 1 story per transaction | cold start from PostgreSQL s (of which reading rows) | restart from PostgreSQL, saved search index s | file store cold start s (saved index) | file store rebuild s (no saved index) | new story → applied on 2 instances ms p50 / max | → answerable on both ms p50 / max | first question after start ms | RSS MB (2 instances) |';
  const lines = [head, `|${'---|'.repeat(11)}`];
  for (const r of rows) {
    const perS = r.ingestStories / (r.ingestMs / 1000);
    const quotesPerS = (perS * r.quotations) / r.stories;
    lines.push(
      `| ${r.quotations.toLocaleString('en-US')} | ${r.stories.toLocaleString('en-US')} | ${fmt(perS, 0)} (${fmt(quotesPerS, 0)}) | ${fmt(r.dbColdStartMs / 1000, 2)} (${fmt(r.dbReadMs / 1000, 2)}) | ${fmt(r.dbRestartMs / 1000, 2)} | ${fmt(r.fileColdStartMs / 1000, 2)} | ${fmt(r.fileRebuildMs / 1000, 2)} | ${fmt(percentile(r.appliedMs, 50), 0)} / ${fmt(Math.max(...r.appliedMs), 0)} | ${fmt(percentile(r.newStoryMs, 50), 0)} / ${fmt(Math.max(...r.newStoryMs), 0)} | ${fmt(r.firstAskMs, 0)} | ${fmt(r.rssMb, 0)} |`,
    );
  }
  return lines.join('\n');
}
