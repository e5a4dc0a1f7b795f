/**
 * `npm run bench [-- --quick]`: the archive-scale benchmark. Prints a table and writes JSON.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { defaultWorkDir, measureExtraction, runBench, type ExtractionBench, type SizeRow } from '../bench/run.ts';
import { UsageError } from '../core/errors.ts';
import { PROJECT_ROOT } from '../config.ts';

export const FULL_SIZES: readonly number[] = Object.freeze([1_000, 10_000, 100_000, 1_000_000]);
export const QUICK_SIZES: readonly number[] = Object.freeze([1_000, 10_000]);

export interface BenchFlags {
  quick?: boolean;
  sizes?: string;
  plainMax?: string;
  source: string;
  extraction?: string;
  work: string;
  out: string;
  store?: string;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const pct = (n: number) => (Number.isFinite(n) ? `${Math.round(n * 100)}%` : '—');

/** The benchmark table as markdown, whosaid's figures and the plain design's side by side. */
export function formatBenchTable(rows: readonly SizeRow[]): string {
  const head =
    '| quotations | stories | build s | cold start s | p50 ms | p95 ms | p99 ms | hit@1 | RSS MB | heap MB | plain p50 ms | plain p95 ms | plain hit@1 (ours, same q.) | speed-up |';
  const lines = [head, `|${'---|'.repeat(14)}`];
  for (const r of rows) {
    const p = r.plain;
    lines.push(
      `| ${r.quotations.toLocaleString('en-US')} | ${r.stories.toLocaleString('en-US')} | ${fmt(r.buildMs / 1000, 2)} | ${fmt(r.coldStartMs / 1000, 2)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p95Ms, 2)} | ${fmt(r.p99Ms, 2)} | ${pct(r.hitAt1)} | ${fmt(r.rssMb, 0)} | ${fmt(r.heapMb, 0)} | ` +
        (p
          ? `${fmt(p.p50Ms, 0)} | ${fmt(p.p95Ms, 0)} | ${pct(p.hitAt1)} (${pct(p.oursHitAt1)}, n=${p.questions}) | ${fmt(p.speedup, 0)}× |`
          : '— | — | — | — |'),
    );
  }
  return lines.join('\n');
}

/** Extraction over real stories: in the calling thread and through the worker pool, same run. */
export function formatExtractionTable(e: ExtractionBench): string {
  const lines = ['| extraction | stories | threads | s | stories/s |', `|${'---|'.repeat(5)}`];
  for (const r of e.rows) lines.push(`| ${r.mode} | ${r.stories} | ${r.threads} | ${fmt(r.ms / 1000, 2)} | ${fmt(r.perSecond)} |`);
  const [here, pool] = e.rows;
  const ratio = here && pool ? ` (${fmt(pool.perSecond / here.perSecond, 2)}× in-process)` : '';
  return `${lines.join('\n')}\n\nThe pool's time includes starting its workers: ${fmt(e.poolStartMs / 1000, 2)} s measured alone${ratio}.`;
}

/** The live-reload table: a story added then deleted while questions arrive every 10 ms. */
export function formatReloadTable(rows: readonly SizeRow[]): string {
  const head =
    '| quotations | add → answerable ms | delete → gone ms | longest stall ms | questions (delayed > 50 ms) | full rescan ms (stall) | close ms (stall) | plain design: whole rebuild ms (= stall) |';
  const lines = [head, `|${'---|'.repeat(8)}`];
  for (const r of rows) {
    const x = r.reload;
    lines.push(
      `| ${r.quotations.toLocaleString('en-US')} | ${fmt(x.addMs, 0)} | ${fmt(x.deleteMs, 0)} | ${fmt(x.maxStallMs, 0)} | ${x.questions} (${x.delayed}) | ${fmt(x.rescanMs, 0)} (${fmt(x.rescanStallMs, 0)}) | ${fmt(x.saveMs, 0)} (${fmt(x.saveStallMs, 0)}) | ${x.plainRebuildMs === null ? '—' : fmt(x.plainRebuildMs, 0)} |`,
    );
  }
  return lines.join('\n');
}

/** hit@1 by question kind, one line per size. */
export function formatKinds(rows: readonly SizeRow[]): string {
  return rows
    .map(
      (r) =>
        `hit@1 by kind at ${r.quotations.toLocaleString('en-US')}: ${Object.entries(r.hitAt1ByKind)
          .map(([k, v]) => `${k} ${pct(v)}`)
          .join(', ')}`,
    )
    .join('\n');
}

export function sizesOf(flags: BenchFlags): number[] {
  if (flags.sizes) {
    const sizes = flags.sizes.split(',').map((s) => Number(s.trim().replace(/k$/i, '000').replace(/m$/i, '000000')));
    if (sizes.some((n) => !Number.isInteger(n) || n < 10))
      throw new UsageError(`--sizes must be whole numbers of at least 10, like 1000,10k,1m; got "${flags.sizes}"`);
    return sizes;
  }
  return [...(flags.quick ? QUICK_SIZES : FULL_SIZES)];
}

/** Both dev sets' articles beside the default source, when they are there. */
const EVALUATION_ARTICLES = ['../shared/eval/ggt-dev/articles', '../shared/eval/polnear-dev/articles'].map((d) => resolve(PROJECT_ROOT, d));

/**
 * The folders extraction is timed on: `--extraction` (comma-separated), else for a full run every
 * evaluation article (896 stories: enough that starting the pool's workers counts little), else
 * (`--quick`, or no evaluation data) the `--source` articles.
 */
export function extractionSources(flags: BenchFlags): string[] {
  if (flags.extraction) return flags.extraction.split(',').map((d) => resolve(d.trim()));
  if (!flags.quick && flags.source === EVALUATION_ARTICLES[0] && EVALUATION_ARTICLES.every((d) => existsSync(d))) return [...EVALUATION_ARTICLES];
  return [flags.source];
}

async function runBenchCommand(flags: BenchFlags): Promise<void> {
  if (flags.store !== undefined && flags.store !== 'file' && flags.store !== 'postgres')
    throw new UsageError(`--store must be file or postgres, got "${flags.store}"`);
  if (flags.store === 'postgres') return (await import('../bench/postgres-cli.ts')).runPostgresBenchCommand(flags);
  const sizes = sizesOf(flags);
  const plainMax = flags.plainMax === undefined ? (flags.quick ? 10_000 : 100_000) : Number(flags.plainMax);
  if (!Number.isInteger(plainMax) || plainMax < 0) throw new UsageError(`--plain-max must be a whole number, got "${flags.plainMax}"`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
  log(`whosaid benchmark on ${machine}`);
  const started = performance.now();
  const extractionDirs = extractionSources(flags);
  log(`timing extraction over ${extractionDirs.join(', ')}…`);
  const extraction = await measureExtraction(extractionDirs, flags.work);
  const rows = await runBench({
    sizes,
    plainMax,
    plainQuestions: (size) => (size <= 1_000 ? 60 : size <= 10_000 ? 20 : 6),
    sourceDir: flags.source,
    workDir: flags.work,
    log,
  });
  const table = `${formatBenchTable(rows)}\n\n${formatKinds(rows)}\n\nLive reload:\n\n${formatReloadTable(rows)}`;
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  process.stdout.write(
    `\n${table}\n\n${formatExtractionTable(extraction)}\n\nMachine: ${machine}; load average at the end ${load}. Extraction (first build only): ${fmt(extraction.msPerStory)} ms per story in-process, measured on ${extraction.stories} real stories. Total ${fmt((performance.now() - started) / 1000)} s.\n`,
  );
  await mkdir(dirname(flags.out), { recursive: true });
  await writeFile(flags.out, `${JSON.stringify({ date: new Date().toISOString(), machine, loadAverage: loadavg(), extraction, rows }, null, 2)}\n`);
  log(`JSON written to ${flags.out}`);
}

/** Register `bench` on the CLI. */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('benchmark search at archive scale (1k to 1M quotations) against the plain fuse.js design')
    .option('--quick', 'only 1k and 10k quotations (under a minute)')
    .option('--sizes <list>', 'comma-separated sizes, e.g. 1k,100k')
    .option('--plain-max <n>', 'largest size the plain design runs at')
    .option('--source <dir>', 'real articles to reshuffle into text', EVALUATION_ARTICLES[0])
    .option('--extraction <dirs>', 'real articles to time extraction on, comma-separated (default: both dev sets, or --source with --quick)')
    .option('--work <dir>', 'where generated corpora go (outside the repository)', defaultWorkDir())
    .option('--out <file>', 'JSON results', resolve(PROJECT_ROOT, 'bench-out/bench.json'))
    .option('--store <kind>', 'file (default), or postgres: ingest, cold start and new-story latency with PostgreSQL (default sizes 100k,1m)')
    .action(runBenchCommand);
}
