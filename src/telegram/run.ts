/**
 * `npm start` with a token: load the corpus, open the update journal, check the token, register
 * the commands, answer what the last run left unfinished, then serve by long polling or webhook
 * until SIGINT/SIGTERM, finishing the replies in flight before exiting (what cannot finish in
 * time stays in the journal for the next start).
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { TelegramError } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Config } from '../config.ts';
import type { Corpus } from '../core/corpus.ts';
import { WhosaidError } from '../core/errors.ts';
import { openLiveCorpus, type LiveCorpus } from '../node/live-corpus.ts';
import { createProgressReporter } from '../node/progress.ts';
import { passwordOf } from '../pg/connect.ts';
import { ALLOWED_UPDATES, BOT_COMMANDS, type WhosaidBot } from './bot.ts';
import { ADMIN_COMMANDS } from './features/admin.ts';
import { createLogger, describeError, scrubSecrets } from './log.ts';
import type { Polling } from './polling.ts';
import { createService, type Service } from './service.ts';
import { createWebhookServer } from './webhook.ts';

/** A reason the bot cannot start, worded for the person running it. */
export class BotStartError extends WhosaidError {
  override readonly name = 'BotStartError';
}

/** Time allowed for replies in flight after a stop signal (the process must be gone within 10 s). */
const DRAIN_MS = 7_000;
const HARD_EXIT_MS = 9_500;

function explainStartError(err: unknown, config: Config): WhosaidError {
  if (err instanceof WhosaidError) return err;
  if (err instanceof TelegramError && err.code === 401) {
    return new BotStartError('Telegram refused the bot token (401 Unauthorized). Check TELEGRAM_BOT_TOKEN (get one from @BotFather).');
  }
  if (err instanceof TelegramError && err.code === 409) {
    return new BotStartError(
      `Another instance of this bot is already taking its updates (409 Conflict: ${err.description}). Stop it first, or run only one of polling and webhook.`,
    );
  }
  if (err instanceof TelegramError) return new BotStartError(`The Bot API refused to start the bot: ${err.message}`);
  const code = (err as { code?: unknown }).code;
  const detail = typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
  return new BotStartError(`Cannot reach the Bot API at ${config.apiRoot} (${detail}). Check TELEGRAM_API_ROOT and the network.`);
}

async function registerCommands(wb: WhosaidBot, adminIds: ReadonlySet<number>, logger: Logger): Promise<void> {
  const tg = wb.bot.telegram;
  const results = await Promise.allSettled([
    tg.setMyCommands(BOT_COMMANDS.private, { scope: { type: 'all_private_chats' } }),
    tg.setMyCommands(BOT_COMMANDS.group, { scope: { type: 'all_group_chats' } }),
    // Admins see /stats and /reload in their own private chat's menu; nobody else does.
    ...[...adminIds]
      .filter((id) => id > 0)
      .map((id) => tg.setMyCommands([...BOT_COMMANDS.private, ...ADMIN_COMMANDS], { scope: { type: 'chat', chat_id: id } })),
  ]);
  for (const r of results) if (r.status === 'rejected') logger.warn(describeError(r.reason), 'setMyCommands failed; the command menu may be out of date');
}

function announce(logger: Logger, me: UserFromGetMe, mode: string, corpus: Corpus): void {
  const stories = corpus.articles.size;
  const quotes = corpus.quotations.length;
  logger.info(
    { username: me.username, mode, stories, quotes },
    `@${me.username} is up (${mode}): ${stories} stor${stories === 1 ? 'y' : 'ies'}, ${quotes} quotation${quotes === 1 ? '' : 's'}`,
  );
}

/** Resolves with the signal's name on the first SIGINT or SIGTERM. */
function nextStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

async function serveWebhook(service: Service, config: Config, url: string, logger: Logger): Promise<Server> {
  // Without a configured secret, a random one still keeps forged updates out.
  const secret = config.webhookSecret ?? randomBytes(24).toString('hex');
  if (!config.webhookSecret) logger.warn('TELEGRAM_WEBHOOK_SECRET is not set; using a random secret for this run');
  const server = createWebhookServer({
    path: new URL(url).pathname,
    secret,
    onUpdate: (update) => service.inbox.receive([update]),
    onRefused: (status, reason) => logger.warn({ status }, `webhook request refused: ${reason}`),
  });
  server.listen(config.port);
  await once(server, 'listening');
  await service.wb.bot.telegram.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  return server;
}

/**
 * Start receiving updates: a webhook server, or long polling (with DATABASE_URL, only one
 * instance may poll: the lock says so).
 */
async function startReceiving(
  service: Service,
  config: Config,
  me: UserFromGetMe,
  logger: Logger,
  live: LiveCorpus,
): Promise<{ server: Server | null; polling: Polling | null; pollLock: { release(): Promise<void> } | null }> {
  if (config.webhookUrl) {
    const server = await serveWebhook(service, config, config.webhookUrl, logger);
    announce(logger, me, `webhook on port ${config.port}`, live.current());
    return { server, polling: null, pollLock: null };
  }
  const pollLock = config.databaseUrl ? await (await import('../pg/instance.ts')).lockPolling(config.databaseUrl, me.id) : null;
  await service.wb.bot.telegram.deleteWebhook();
  const polling = service.poll();
  announce(logger, me, 'long polling', live.current());
  return { server: null, polling, pollLock };
}

/** Run the bot until a stop signal; resolves to the process exit code. */
export async function runBot(config: Config): Promise<number> {
  const token = config.botToken ?? '';
  const logger = createLogger(config.logLevel, [token, config.webhookSecret, passwordOf(config.databaseUrl)], process.stdout, config.logFormat);
  const stop = nextStopSignal();
  let service: Service | null = null;
  let polling: Polling | null = null;
  let server: Server | null = null;
  let live: LiveCorpus | null = null;
  let pollLock: { release(): Promise<void> } | null = null;
  try {
    if (config.databaseUrl && config.webhookUrl && !config.webhookSecret) {
      // Each instance registers the webhook with its secret: a random one per instance would lock the others out.
      throw new BotStartError('Set TELEGRAM_WEBHOOK_SECRET: with DATABASE_URL, several instances share one webhook and must share its secret.');
    }
    live = await openCorpus(config, logger);
    const shared = await openSharedJournal(live, config, logger, () => service?.inbox.resume());
    service = await createService({
      ...(shared ? { journal: shared.journal, flood: shared.flood } : {}),
      token,
      apiRoot: config.apiRoot,
      corpus: live.current,
      logger,
      floodLimit: config.floodLimit,
      stateDir: config.stateDir,
      delivery: config.delivery,
      allowedChatIds: config.allowedChatIds,
      adminIds: config.adminIds,
      reload: live.reload,
    });
    const me = await service.wb.bot.telegram.getMe();
    service.wb.bot.botInfo = me;
    await registerCommands(service.wb, config.adminIds, logger);
    const resumed = service.inbox.resume();
    if (resumed > 0) logger.info({ updates: resumed }, 'answering updates left unfinished by the last run');
    ({ server, polling, pollLock } = await startReceiving(service, config, me, logger, live));
    // Polling ends by itself only on a fatal error (401, 409): that is a failed start too.
    const first = await Promise.race([
      stop.then((signal) => ({ signal })),
      polling ? polling.done.then(() => ({ signal: 'polling ended' })) : new Promise<never>(() => {}),
    ]);
    logger.info({ reason: first.signal }, 'stopping: no new updates, finishing replies in flight');
  } catch (err) {
    const error = explainStartError(err, config);
    logger.debug(describeError(err), 'start failed');
    process.stderr.write(`error: ${scrubSecrets(error.message, [token, config.webhookSecret, passwordOf(config.databaseUrl)])}\n`);
    server?.close();
    await service?.stop(0);
    await pollLock?.release();
    await live?.close();
    return 1;
  }
  setTimeout(() => process.exit(0), HARD_EXIT_MS).unref();
  server?.close();
  await polling?.stop();
  const finished = await service.stop(DRAIN_MS);
  await pollLock?.release();
  await live.close();
  logger.info({ finished }, finished ? 'stopped cleanly' : 'stopped with replies still in flight');
  return 0;
}

/** With DATABASE_URL: the update journal shared by the instances (null: the file journal in STATE_DIR). */
async function openSharedJournal(live: LiveCorpus, config: Config, logger: Logger, onClaimed: () => void) {
  if (!config.databaseUrl || !('pool' in live)) return null;
  const { openInstanceJournal } = await import('../pg/instance.ts');
  const { createSharedFloodGuard } = await import('../pg/flood.ts');
  const db = live as import('../pg/live.ts').DatabaseCorpus;
  const journal = await openInstanceJournal(db, config, logger, onClaimed);
  return { journal, flood: createSharedFloodGuard(db.pool, journal.instance, { limit: config.floodLimit }) };
}

async function openCorpus(config: Config, logger: Logger): Promise<LiveCorpus> {
  // With DATABASE_URL, the stories come from PostgreSQL (written by npm run index), never the folder.
  if (config.databaseUrl) {
    const { openInstanceCorpus, instanceCacheDir } = await import('../pg/instance.ts');
    return openInstanceCorpus(config.databaseUrl, logger, instanceCacheDir(config));
  }
  // Stories added, changed or deleted while the bot runs are picked up without a restart;
  // a broken file keeps its previous good version.
  const live = await openLiveCorpus(config.corpusDir, {
    ...(config.cacheDir ? { cacheDir: config.cacheDir } : {}),
    userCacheDir: config.userCacheDir,
    onProgress: createProgressReporter({ log: (line) => logger.info(line) }),
    onReload: (info) => {
      for (const w of info.warnings) logger.warn({ file: w.path }, `corpus file skipped: ${w.reason}`);
      logger.info({ stories: info.stories, quotes: info.quotations }, 'corpus reloaded');
    },
    onError: (err) => logger.warn(describeError(err), 'corpus reload failed; still answering from the previous stories'),
  });
  for (const w of live.warnings()) logger.warn({ file: w.path }, `corpus file skipped: ${w.reason}`);
  return live;
}
