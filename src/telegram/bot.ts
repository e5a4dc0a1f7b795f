/**
 * The Telegram bot: private chats, groups, inline mode and buttons over the answering core, one
 * composer per feature (features/). Every answering call leaves through the outbox, which keeps
 * per-chat order, paces to Telegram's limits and retries until delivered.
 */
import type { Logger } from 'pino';
import { Context, Telegraf, type Telegram } from 'telegraf';
import type { Update, UserFromGetMe } from 'telegraf/types';
import type { Corpus } from '../core/corpus.ts';
import { createAccess } from './features/access.ts';
import { createAdmin, type AdminOptions } from './features/admin.ts';
import { createButtons } from './features/buttons.ts';
import { createCommands } from './features/commands.ts';
import { commandMenu } from '../core/answer/commands.ts';
import { createInline } from './features/inline.ts';
import { createQuestions } from './features/questions.ts';
import { send, type CorpusView, type FeatureDeps } from './features/shared.ts';
import { createFloodGuard, type FloodGuard } from './flood.ts';
import { exampleQuestions } from './lists.ts';
import { describeError } from './log.ts';
import { createOutbox, DeliveryDropped, OUTBOX_LIMITS, OUTBOX_RETRY, OutboxStopped, type Outbox } from './outbox.ts';
import { createCatalog } from './render.ts';
import { laneOf, routeThroughOutbox, type UpdateTrack } from './route.ts';
import { createStats, type StatsRecorder } from './stats.ts';

export { stripMention } from './features/questions.ts';

export interface BotOptions {
  readonly token: string;
  readonly apiRoot: string;
  /** The stories, or a getter read per update so a live corpus can change under the bot. */
  readonly corpus: Corpus | (() => Corpus);
  readonly logger: Logger;
  /** Questions per user per minute; 0 turns the limit off. */
  readonly floodLimit: number;
  /** The flood guard (default: this process's own, `createFloodGuard`; with PostgreSQL, one shared by the instances). */
  readonly flood?: FloodGuard;
  /** Preset bot identity (skips getMe), as tests and `runBot` do. */
  readonly botInfo?: UserFromGetMe;
  /** The outbox every answering call goes through (default: one paced to Telegram's limits). */
  readonly outbox?: Outbox;
  /** Timeout of calls outside the outbox (ms). */
  readonly requestTimeoutMs?: number;
  /** Delivery bookkeeping of an update being handled, when an inbox handles it. */
  readonly trackOf?: (updateId: number) => UpdateTrack | undefined;
  /** Only these chats and users are answered; null answers everyone. */
  readonly allowedChatIds?: ReadonlySet<number> | null;
  /** Users who may run /stats and /reload. */
  readonly adminIds?: ReadonlySet<number>;
  /** Re-read the corpus (for /reload). */
  readonly reload?: () => Promise<void>;
  /** Answer figures for /stats (the inbox records into it). */
  readonly stats?: StatsRecorder;
  /** Updates received and not yet finished, for /stats. */
  readonly pendingUpdates?: () => number;
}

export interface WhosaidBot {
  readonly bot: Telegraf;
  readonly outbox: Outbox;
  readonly stats: StatsRecorder;
  /** Wait until the updates being handled are done, or `ms` pass; true when all finished. */
  drain(ms: number): Promise<boolean>;
}

/** The commands shown in Telegram's menu, per chat kind (from the table in src/core/commands.ts). */
export const BOT_COMMANDS = Object.freeze({ private: commandMenu('private'), group: commandMenu('group') });

/** Updates the bot asks Telegram for; edits, reactions and the rest never arrive. */
export const ALLOWED_UPDATES = Object.freeze(['message', 'inline_query', 'callback_query'] as const);

const DEFAULT_REQUEST_TIMEOUT_MS = OUTBOX_RETRY.requestTimeoutMs;

/** What a private chat is told when its message could not be answered. */
export const APOLOGY = 'Sorry, something went wrong while answering that. It has been logged for the operator; please try again later.';

/** A getter for the corpus view that rebuilds the catalog and examples only when the corpus changes. */
function createViewGetter(source: Corpus | (() => Corpus)): () => CorpusView {
  const getCorpus = typeof source === 'function' ? source : () => source;
  let view: CorpusView | null = null;
  return () => {
    const corpus = getCorpus();
    if (view?.corpus !== corpus) view = { corpus, catalog: createCatalog(corpus), examples: exampleQuestions(corpus) };
    return view;
  };
}

/** A Context class whose Telegram instance routes through the outbox, in the update's lane. */
function contextClass(outbox: Outbox, options: BotOptions) {
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return class RoutedContext extends Context {
    constructor(update: Update, telegram: Telegram, botInfo: UserFromGetMe) {
      const track = options.trackOf?.(update.update_id);
      super(update, routeThroughOutbox(telegram, { outbox, lane: laneOf(update), track, requestTimeoutMs }), botInfo);
    }
  };
}

/** Count updates in flight, so `drain` can wait for them. */
function trackInFlight(bot: Telegraf, inFlight: Set<Promise<unknown>>): void {
  bot.use(async (_ctx, next) => {
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
}

function drainAll(inFlight: Set<Promise<unknown>>, ms: number): Promise<boolean> {
  if (inFlight.size === 0) return Promise.resolve(true);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const done = Promise.allSettled([...inFlight]).then(() => true);
  return Promise.race([done, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Build the bot over a corpus. Feed it `bot.handleUpdate()` (the inbox does, for polling and webhook).
 *
 * @example
 * const { bot } = createBot({ token, apiRoot, corpus, logger, floodLimit: 20, botInfo });
 * await bot.handleUpdate(update);
 */
export function createBot(options: BotOptions): WhosaidBot {
  const { logger } = options;
  const outbox = options.outbox ?? createOutbox({ limits: OUTBOX_LIMITS, retry: OUTBOX_RETRY });
  const stats = options.stats ?? createStats();
  // No handler timeout: a handler waits for its replies to be delivered, however long that takes.
  const bot = new Telegraf(options.token, {
    contextType: contextClass(outbox, options),
    handlerTimeout: Infinity,
    telegram: { apiRoot: options.apiRoot, webhookReply: false },
  });
  routeThroughOutbox(bot.telegram, { outbox, lane: 'bot', requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS });
  if (options.botInfo) bot.botInfo = options.botInfo;
  const deps: FeatureDeps = {
    logger,
    view: createViewGetter(options.corpus),
    flood: options.flood ?? createFloodGuard({ limit: options.floodLimit }),
    floodLimit: options.floodLimit,
  };
  const admin: AdminOptions = {
    ids: options.adminIds ?? new Set(),
    answers: stats.snapshot,
    outbox: outbox.stats,
    ...(options.pendingUpdates ? { pendingUpdates: options.pendingUpdates } : {}),
    ...(options.reload ? { reload: options.reload } : {}),
  };
  const inFlight = new Set<Promise<unknown>>();
  trackInFlight(bot, inFlight);
  bot.use(createAdmin(deps, admin));
  bot.use(createAccess(deps, options.allowedChatIds ? new Set([...options.allowedChatIds, ...admin.ids]) : null));
  bot.use(createCommands(deps), createQuestions(deps), createInline(deps), createButtons(deps));
  bot.catch(async (err, ctx) => {
    // A drop was logged by the outbox; a stop leaves the update for the next start.
    if (err instanceof DeliveryDropped || err instanceof OutboxStopped) return;
    logger.error({ ...describeError(err), update: ctx.update.update_id }, 'update failed');
    // A message in a private chat that could not be answered (a saved index damaged on disk, a
    // bug) still gets a word back, rather than silence; groups stay quiet.
    if (ctx.chat?.type !== 'private' || !ctx.message) return;
    await send(ctx, APOLOGY).catch((e: unknown) => logger.warn({ ...describeError(e), update: ctx.update.update_id }, 'apology not sent'));
  });
  return { bot, outbox, stats, drain: (ms) => drainAll(inFlight, ms) };
}
