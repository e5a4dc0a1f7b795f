/**
 * What a bot instance needs from PostgreSQL, composed once for `runBot`: the stories (read, then
 * followed), the shared update journal (with the local file journal as its fallback), and the
 * long-polling lock (Telegram gives one long-polling consumer per token).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { WhosaidError } from '../core/errors.ts';
import { openJournal } from '../telegram/journal.ts';
import { clientConfig, DatabaseError, describeDatabase, reasonOf } from './connect.ts';
import { openDatabaseJournal, type DatabaseJournal } from './journal.ts';
import { openDatabaseCorpus, type DatabaseCorpus } from './live.ts';
import { lockKeySql } from './migrate.ts';

/**
 * Where an instance keeps its search indexes between starts: CACHE_DIR, else a folder per
 * database (host, port, name) in the user's cache folder.
 */
export function instanceCacheDir(config: Config): string {
  const url = config.databaseUrl ?? '';
  return config.cacheDir ?? join(config.userCacheDir, `db-${createHash('sha1').update(describeDatabase(url)).digest('hex').slice(0, 16)}`);
}

/** Open the stories of DATABASE_URL, logging one warning per outage and the recovery. */
export async function openInstanceCorpus(url: string, logger: Logger, cacheDir: string): Promise<DatabaseCorpus> {
  const live = await openDatabaseCorpus(url, {
    cacheDir,
    onLost: (why) => logger.warn({ database: describeDatabase(url) }, why),
    onRecovered: (changes) => logger.info({ database: describeDatabase(url), changes }, `database reachable again; caught up on ${changes} change(s)`),
    onReload: (info) =>
      logger.info({ stories: info.stories, quotes: info.quotations, changes: info.changes, ms: Math.round(info.ms) }, 'stories updated from the database'),
  });
  const stories = live.current().articles.size;
  if (stories === 0)
    logger.warn({ database: describeDatabase(url) }, 'the database holds no story yet: run npm run index; answers come as stories are indexed');
  return live;
}

/** The shared update journal, falling back to STATE_DIR's file journal while the database is away. */
export async function openInstanceJournal(live: DatabaseCorpus, config: Config, logger: Logger, onClaimed: () => void): Promise<DatabaseJournal> {
  const fallback = await openJournal(config.stateDir, { maxAgeMs: config.delivery.giveUpMs });
  return openDatabaseJournal(live.pool, {
    leaseMs: config.leaseMs,
    maxAgeMs: config.delivery.giveUpMs,
    fallback,
    onClaimed: (count) => {
      logger.info({ updates: count }, 'answering updates another instance left unfinished');
      onClaimed();
    },
    onHealth: (up, reason) =>
      up
        ? logger.info('update journal: database reachable again')
        : // Info, not a second warning: the corpus already warned once about the same outage.
          logger.info({ reason }, `update journal: database unreachable; journalling updates in ${config.stateDir} meanwhile`),
  });
}

/**
 * Hold the long-polling lock of bot `botId` for the life of the process (on its own connection);
 * a second poller gets a clear error.
 */
export async function lockPolling(url: string, botId: number): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client(clientConfig(url, { applicationName: 'whosaid (polling lock)' }));
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    throw new DatabaseError(`Cannot connect to PostgreSQL at ${describeDatabase(url)} (${reasonOf(err)}).`, { cause: err });
  }
  const res = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${lockKeySql('$1')}) AS ok`, [`poll:${botId}`]);
  if (!res.rows[0]?.ok) {
    await client.end().catch(() => undefined);
    throw new WhosaidError(
      'Another instance is already long-polling this bot on the same database. Telegram allows one long-polling consumer per token: run several instances in webhook mode (set TELEGRAM_WEBHOOK_URL), or only one poller.',
    );
  }
  return { release: () => client.end().catch(() => undefined) };
}
