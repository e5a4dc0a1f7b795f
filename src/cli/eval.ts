/**
 * `whosaid eval`: score the pipeline on an eval data folder, print one table, write the full
 * result as JSON, and (with --check / --update-baseline) hold or raise the recorded figures.
 */
import type { Command } from 'commander';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError, WhosaidError } from '../core/errors.ts';
import { PROJECT_ROOT, readConfig } from '../config.ts';
import { checkBaseline, DEFAULT_TOLERANCE, parseBaseline, raiseBaseline, type Baseline } from '../eval/baseline.ts';
import { formatTable } from '../eval/report.ts';
import { evaluateDataset, hasEvalData } from '../eval/run.ts';

/** Where the eval data sits in a checkout: `shared/` beside the project folder. */
export const DEFAULT_EVAL_DIR = resolve(PROJECT_ROOT, '../shared/eval/ggt-dev');
export const DEFAULT_BASELINE = resolve(PROJECT_ROOT, 'eval/baseline.json');

export interface EvalCommandOptions {
  readonly data?: string;
  readonly out?: string;
  readonly check?: string | boolean;
  readonly updateBaseline?: string | boolean;
  readonly tolerance?: string;
  readonly seed?: string;
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

async function readBaseline(path: string, dataset: string, required: boolean): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (!required && (err as NodeJS.ErrnoException).code === 'ENOENT') return { dataset, figures: {} };
    throw new WhosaidError(`Cannot read the baseline ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
  const baseline = parseBaseline(text, path);
  if (baseline.dataset !== dataset) throw new WhosaidError(`${path} records figures for "${baseline.dataset}", not for "${dataset}"`);
  return baseline;
}

const fmt = (n: number) => n.toFixed(2);

/** The eval command's action: resolves when done, throws (exit 1) on missing data in CI or a dropped figure. */
export async function runEval(opts: EvalCommandOptions): Promise<void> {
  const tolerance = numberOption('--tolerance', opts.tolerance, DEFAULT_TOLERANCE, false);
  const seed = numberOption('--seed', opts.seed, 42, true);
  const dir = opts.data === undefined ? DEFAULT_EVAL_DIR : resolve(opts.data);
  if (!(await hasEvalData(dir))) {
    const message = `no eval data at ${dir} (expected articles/ and gold.jsonl)`;
    if (readConfig().ci) throw new WhosaidError(`${message}; in CI the eval data must be present`);
    process.stderr.write(`eval: ${message}; skipping\n`);
    return;
  }
  const result = await evaluateDataset(dir, { seed });
  for (const w of result.stories.warnings) process.stderr.write(`warning: ${w.path}: ${w.reason}\n`);
  process.stdout.write(formatTable(result));

  const out = opts.out === undefined ? resolve(PROJECT_ROOT, '.cache/eval', `${result.dataset}.json`) : resolve(opts.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(`eval: full result in ${out}\n`);

  const checkPath = baselinePath(opts.check);
  const dropped = checkPath ? checkBaseline(result.figures, await readBaseline(checkPath, result.dataset, true), tolerance) : [];
  const updatePath = baselinePath(opts.updateBaseline);
  if (updatePath) {
    const { baseline, raised } = raiseBaseline(await readBaseline(updatePath, result.dataset, false), result.figures);
    if (raised.length > 0) {
      await mkdir(dirname(updatePath), { recursive: true });
      await writeFile(updatePath, `${JSON.stringify(baseline, null, 2)}\n`);
      for (const r of raised) {
        const change = Number.isNaN(r.recorded) ? `recorded ${r.label} at ${fmt(r.current)}` : `raised ${r.label} from ${fmt(r.recorded)} to ${fmt(r.current)}`;
        process.stderr.write(`eval: ${change} in ${updatePath}\n`);
      }
    } else process.stderr.write(`eval: no figure improved; ${updatePath} unchanged\n`);
  }
  if (dropped.length > 0) {
    const list = dropped.map((d) => `${d.label} ${fmt(d.current)} (recorded ${fmt(d.recorded)})`).join('; ');
    throw new WhosaidError(`figures dropped below ${checkPath} (tolerance ${tolerance}): ${list}`);
  }
  if (checkPath) process.stderr.write(`eval: no figure dropped below ${checkPath}\n`);
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
    .option('--data <dir>', 'eval data folder with articles/ and gold.jsonl (default: ../shared/eval/ggt-dev beside the project)')
    .option('--out <file>', 'write the full result as JSON here (default: .cache/eval/<dataset>.json)')
    .option('--check [baseline]', 'fail when a figure drops below the recorded ones (default: eval/baseline.json)')
    .option('--update-baseline [baseline]', 'record the figures that improved (never lowers one; default: eval/baseline.json)')
    .option('--tolerance <points>', `how far a figure may drop before --check fails (default: ${DEFAULT_TOLERANCE})`)
    .option('--seed <n>', 'seed of the question generator (default: 42)')
    .action(runEval);
}
