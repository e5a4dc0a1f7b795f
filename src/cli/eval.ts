/**
 * `whosaid eval`: score the pipeline on an eval data folder, print one table, write the full
 * result as JSON, and (with --check / --update-baseline) hold or raise the recorded figures.
 */
import type { Command } from 'commander';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError, WhosaidError } from '../core/errors.ts';
import { PROJECT_ROOT, readConfig } from '../config.ts';
import { checkBaseline, DEFAULT_TOLERANCE, formatBaselines, parseBaselines, raiseBaseline, type Baseline } from '../eval/baseline.ts';
import { formatTable, type EvalResult } from '../eval/report.ts';
import { formatTagTable } from '../eval/rules.ts';
import { formatDidSayTable } from '../eval/didsay.ts';
import { isWithheldResolver } from '../core/certainty.ts';
import { evaluateDataset, hasEvalData } from '../eval/run.ts';

/** Where the eval data sits in a checkout: `shared/eval/` beside the project folder. */
export const DEFAULT_EVAL_DIRS = [resolve(PROJECT_ROOT, '../shared/eval/ggt-dev'), resolve(PROJECT_ROOT, '../shared/eval/polnear-dev')];
export const DEFAULT_BASELINE = resolve(PROJECT_ROOT, 'eval/baseline.json');

export interface EvalCommandOptions {
  readonly data?: readonly string[];
  readonly out?: string;
  readonly check?: string | boolean;
  readonly updateBaseline?: string | boolean;
  readonly tolerance?: string;
  readonly seed?: string;
  readonly rules?: boolean;
}

function numberOption(name: string, value: string | undefined, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${name} must be a non-negative ${integer ? 'whole ' : ''}number, got "${value}"`);
  }
  return n;
}

function baselinePath(option: string | boolean | undefined): string | null {
  if (option === undefined || option === false) return null;
  return option === true ? DEFAULT_BASELINE : resolve(option);
}

/** Every dataset's recorded figures in a baseline file (none when it is missing and not required). */
async function readBaselines(path: string, required: boolean): Promise<Baseline[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (!required && (err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new WhosaidError(`Cannot read the baseline ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
  return parseBaselines(text, path);
}

const fmt = (n: number) => n.toFixed(2);

/** Score one data folder, print its tables, write its JSON; null when the folder is absent outside CI. */
async function evaluateOne(dir: string, opts: EvalCommandOptions, seed: number, several: boolean): Promise<EvalResult | null> {
  if (!(await hasEvalData(dir))) {
    const message = `no eval data at ${dir} (expected articles/ and gold.jsonl)`;
    if (readConfig().ci) throw new WhosaidError(`${message}; in CI the eval data must be present`);
    process.stderr.write(`eval: ${message}; skipping\n`);
    return null;
  }
  const result = await evaluateDataset(dir, { seed });
  for (const w of result.stories.warnings) process.stderr.write(`warning: ${w.path}: ${w.reason}\n`);
  process.stdout.write(formatTable(result));
  if (result.didSay) process.stdout.write(`\n${formatDidSayTable(result.dataset, result.didSay)}`);
  if (opts.rules) for (const [tag, rows] of Object.entries(result.tags)) process.stdout.write(`\n${result.dataset}, per ${tag}:\n${formatTagTable(tag, rows)}`);
  process.stdout.write('\n');
  const name = several || opts.out === undefined ? `${result.dataset}.json` : null;
  const out =
    name === null ? resolve(opts.out ?? '') : opts.out === undefined ? resolve(PROJECT_ROOT, '.cache/eval', name) : resolve(dirname(resolve(opts.out)), name);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(`eval: full result in ${out}\n`);
  return result;
}

/** Rules and resolvers that fire in one article only across all the data scored: written for one sentence? */
function formatSingleArticleRules(results: readonly EvalResult[]): string {
  const lines: string[] = [];
  for (const tag of ['rule', 'cue', 'resolvedBy']) {
    const articles = new Map<string, number>();
    for (const r of results) for (const row of r.tags[tag] ?? []) articles.set(row.value, (articles.get(row.value) ?? 0) + row.articles);
    const single = [...articles]
      .filter(([, n]) => n === 1)
      .map(([v]) => v)
      .sort();
    if (articles.size > 0)
      lines.push(
        `${tag === 'rule' ? 'quotation rules' : tag === 'cue' ? 'cues' : 'resolvers'} firing in one article only: ${single.length === 0 ? 'none' : single.join(', ')}`,
      );
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * Certainty follows measurement: the resolvers an answer states whose stated speakers were right
 * less than 98% of the time on a dataset where at least 5 could be judged (see certainty.ts).
 */
function formatCertaintyCheck(results: readonly EvalResult[]): string {
  const below = results.flatMap((r) =>
    (r.tags['resolvedBy'] ?? [])
      .filter((row) => !isWithheldResolver(row.value) && row.statedJudged >= 5 && row.statedRight < 0.98 * row.statedJudged)
      .map((row) => `${row.value} ${row.statedRight}/${row.statedJudged} on ${r.dataset}`),
  );
  return `stated resolvers below 98% where measured: ${below.length === 0 ? 'none' : below.join('; ')}\n`;
}

/** The eval command's action: resolves when done, throws (exit 1) on missing data in CI or a dropped figure. */
export async function runEval(opts: EvalCommandOptions): Promise<void> {
  const tolerance = numberOption('--tolerance', opts.tolerance, DEFAULT_TOLERANCE, false);
  const seed = numberOption('--seed', opts.seed, 42, true);
  const dirs = opts.data === undefined || opts.data.length === 0 ? DEFAULT_EVAL_DIRS : opts.data.map((d) => resolve(d));
  const results: EvalResult[] = [];
  for (const dir of dirs) {
    const result = await evaluateOne(dir, opts, seed, dirs.length > 1);
    if (result) results.push(result);
  }
  if (opts.rules) process.stdout.write(formatSingleArticleRules(results) + formatCertaintyCheck(results));

  const checkPath = baselinePath(opts.check);
  const recorded = checkPath ? await readBaselines(checkPath, true) : [];
  const dropped = results.flatMap((r) => {
    const baseline = recorded.find((b) => b.dataset === r.dataset);
    return baseline ? checkBaseline(r.figures, baseline, tolerance).map((d) => ({ ...d, dataset: r.dataset })) : [];
  });
  const unchecked = checkPath ? results.filter((r) => !recorded.some((b) => b.dataset === r.dataset)).map((r) => r.dataset) : [];
  const updatePath = baselinePath(opts.updateBaseline);
  if (updatePath) await updateBaselines(updatePath, results);
  if (dropped.length > 0) {
    const list = dropped.map((d) => `${d.dataset} ${d.label} ${fmt(d.current)} (recorded ${fmt(d.recorded)})`).join('; ');
    throw new WhosaidError(`figures dropped below ${checkPath} (tolerance ${tolerance}): ${list}`);
  }
  if (unchecked.length > 0 && readConfig().ci)
    throw new WhosaidError(`${checkPath} records no figures for ${unchecked.join(', ')}; in CI every dataset scored must be checked`);
  if (checkPath) process.stderr.write(`eval: no figure dropped below ${checkPath}${unchecked.length > 0 ? ` (no record for ${unchecked.join(', ')})` : ''}\n`);
}

/** Raise the recorded figures that improved, dataset by dataset, and say which moved. */
async function updateBaselines(path: string, results: readonly EvalResult[]): Promise<void> {
  const all = await readBaselines(path, false);
  let moved = 0;
  for (const r of results) {
    const at = all.findIndex((b) => b.dataset === r.dataset);
    const { baseline, raised } = raiseBaseline(all[at] ?? { dataset: r.dataset, figures: {} }, r.figures);
    if (at >= 0) all[at] = baseline;
    else all.push(baseline);
    moved += raised.length;
    for (const c of raised) {
      const change = Number.isNaN(c.recorded) ? `recorded ${c.label} at ${fmt(c.current)}` : `raised ${c.label} from ${fmt(c.recorded)} to ${fmt(c.current)}`;
      process.stderr.write(`eval: ${r.dataset}: ${change} in ${path}\n`);
    }
  }
  if (moved === 0) {
    process.stderr.write(`eval: no figure improved; ${path} unchanged\n`);
    return;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, formatBaselines(all));
}

/**
 * Register `eval` on the CLI program.
 *
 * @example
 * registerEvalCommand(program); // whosaid eval --data ../shared/eval/ggt-dev --check
 */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('score quotation extraction, speakers and "who said" answers against gold annotations')
    .option(
      '--data <dir...>',
      'eval data folders with articles/ and gold.jsonl (default: ../shared/eval/ggt-dev and ../shared/eval/polnear-dev beside the project)',
    )
    .option('--out <file>', 'write the full result as JSON here (default: .cache/eval/<dataset>.json; with several datasets, <dataset>.json beside it)')
    .option('--rules', 'also print per attribution kind, per rule and per resolver: fired, matched, speaker right; and the rules firing in one article only')
    .option('--check [baseline]', 'fail when a figure drops below the recorded ones (default: eval/baseline.json)')
    .option('--update-baseline [baseline]', 'record the figures that improved (never lowers one; default: eval/baseline.json)')
    .option('--tolerance <points>', `how far a figure may drop before --check fails (default: ${DEFAULT_TOLERANCE})`)
    .option('--seed <n>', 'seed of the question generator (default: 42)')
    .action(runEval);
}
