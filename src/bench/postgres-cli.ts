/** `npm run bench -- --store postgres [--sizes 100k,1m]`: runs `postgres.ts` and prints its table. */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { sizesOf, type BenchFlags } from '../cli/bench.ts';
import { readConfig } from '../config.ts';
import { formatPostgresTable, runPostgresBench } from './postgres.ts';

/** Default sizes with PostgreSQL: the 100k and 1M quotations. */
const POSTGRES_SIZES: readonly number[] = Object.freeze([100_000, 1_000_000]);

export async function runPostgresBenchCommand(flags: BenchFlags): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const sizes = flags.sizes ? sizesOf(flags) : [...POSTGRES_SIZES];
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
  log(
    `whosaid PostgreSQL benchmark on ${machine}, load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  const started = performance.now();
  const result = await runPostgresBench({ sizes, sourceDir: flags.source, workDir: flags.work, url: readConfig().databaseUrl, log });
  if ('skipped' in result) {
    process.stdout.write(`PostgreSQL benchmark skipped: ${result.skipped}\n`);
    return;
  }
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  process.stdout.write(
    `\n${formatPostgresTable(result.rows)}\n\nMachine: ${machine}; load average at the end ${load}. Total ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
  );
  const out = flags.out.replace(/\.json$/, '-postgres.json');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ date: new Date().toISOString(), machine, loadAverage: loadavg(), rows: result.rows }, null, 2)}\n`);
  log(`JSON written to ${out}`);
}
