/**
 * `npm run index [-- --watch] [--wait] [--corpus DIR]`: extract CORPUS_DIR into PostgreSQL
 * (DATABASE_URL), the store the bot instances read. `--watch` keeps following the folder.
 */
import { watch } from 'chokidar';
import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { readConfig } from '../config.ts';
import { WhosaidError } from '../core/errors.ts';
import { CACHE_FOLDER } from '../node/corpus-cache.ts';
import { connectDatabase, describeDatabase, passwordOf, reasonOf } from '../pg/connect.ts';
import { IndexerBusyError, indexFolder, lockIndexer, type IndexerLock, type IndexReport } from '../pg/indexer.ts';
import { migrate } from '../pg/migrate.ts';
import { createLogger } from '../telegram/log.ts';
import { assertFolder, folderErrorMessage } from './folder.ts';

interface IndexCliOptions {
  readonly watch?: boolean;
  readonly wait?: boolean;
  readonly corpus?: string;
}

/** Retry after a failed pass: 1 s doubling to 30 s. */
const RETRY_MS = 1_000;
const RETRY_CAP_MS = 30_000;

function summary(r: IndexReport): string {
  return `${r.files} files: ${r.added} added, ${r.changed} changed, ${r.removed} removed, ${r.failed} without a story (${r.quotations} quotations written) in ${(r.ms / 1000).toFixed(1)} s`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Follow the folder: a pass after each burst of changes, retried with backoff while the database is away. */
async function watchFolder(dir: string, pass: () => Promise<IndexReport>, logger: Logger, stopped: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | null = null;
  let wanted = true;
  let wake: () => void = () => undefined;
  const watcher = watch(dir, { ignoreInitial: true, ignored: (p) => p.includes(`/${CACHE_FOLDER}`) || /\.tmp$/.test(p) });
  watcher.on('all', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      wanted = true;
      wake();
    }, 300);
  });
  let done = false;
  void stopped.finally(() => {
    done = true;
    wake();
  });
  let failures = 0;
  while (!done) {
    if (!wanted) {
      await new Promise<void>((r) => {
        wake = r;
      });
      continue;
    }
    wanted = false;
    try {
      const r = await pass();
      if (failures > 0) logger.info('database reachable again; indexing resumed');
      failures = 0;
      if (r.added + r.changed + r.removed + r.failed > 0) logger.info({ ...r }, summary(r));
    } catch (err) {
      const waitMs = Math.min(RETRY_CAP_MS, RETRY_MS * 2 ** failures);
      if (failures === 0) logger.warn({ reason: reasonOf(err) }, `indexing failed (${reasonOf(err)}); retrying every few seconds`);
      failures++;
      wanted = true;
      await Promise.race([sleep(waitMs), stopped]);
    }
  }
  await watcher.close();
}

async function runIndex(opts: IndexCliOptions): Promise<number> {
  const config = readConfig();
  const logger = createLogger(config.logLevel, [passwordOf(config.databaseUrl)], process.stdout, config.logFormat);
  const url = config.databaseUrl;
  if (!url) throw new WhosaidError('DATABASE_URL is not set: npm run index writes the stories to PostgreSQL (see README, "Several instances").');
  const dir = resolve(opts.corpus ?? config.corpusDir);
  await assertFolder(dir);
  const pool = await connectDatabase(url, { max: 6, applicationName: 'whosaid indexer' });
  let lock: IndexerLock | null = null;
  let busy: IndexerBusyError | null = null;
  /** Take the lock (again, after its connection was lost); only a pass holding it writes. */
  const takeLock = async (wait: boolean) => {
    const held = await lockIndexer(url, wait);
    lock = held;
    held.lost.catch(() => {
      if (lock !== held) return;
      lock = null;
      logger.warn('lost the connection holding the indexer lock; taking it again before the next write');
    });
  };
  try {
    await migrate(pool);
    await takeLock(opts.wait ?? false);
    logger.info({ database: describeDatabase(url), corpus: dir }, `indexing ${dir} into ${describeDatabase(url)}`);
    if (!opts.watch) {
      logger.info(summary(await indexFolder(pool, dir)));
      return 0;
    }
    const stop = new Promise<string>((r) => {
      process.once('SIGINT', () => r('SIGINT'));
      process.once('SIGTERM', () => r('SIGTERM'));
    });
    let fatal: (err: unknown) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      fatal = reject;
    });
    const pass = async () => {
      if (!lock) {
        try {
          await takeLock(false);
        } catch (err) {
          // Another indexer took over while this one was away: it is the writer now.
          if (err instanceof IndexerBusyError) {
            busy = err;
            fatal(err);
          }
          throw err;
        }
      }
      return indexFolder(pool, dir);
    };
    await Promise.race([watchFolder(dir, pass, logger, Promise.race([stop, failed.catch(() => 'busy')])), failed]).catch(() => undefined);
    if (busy) throw busy;
    return 0;
  } finally {
    await (lock as IndexerLock | null)?.release();
    await pool.end().catch(() => undefined);
  }
}

async function main(): Promise<number> {
  const program = new Command('npm run index --')
    .description('Extract the stories of CORPUS_DIR into PostgreSQL (DATABASE_URL), the store the bot instances read')
    .option('--watch', 'keep following the folder: new, changed and deleted files are indexed within a second')
    .option('--wait', 'when another indexer holds the lock, wait for it instead of exiting')
    .option('--corpus <dir>', 'the folder to index (default CORPUS_DIR, else ./corpus)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse(process.argv.slice(2), { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  return runIndex(program.opts<IndexCliOptions>());
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const folder = folderErrorMessage(err);
    process.stderr.write(`error: ${folder ?? (err instanceof WhosaidError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
    process.exitCode = 1;
  },
);
