/**
 * The delivering bot, composed once: update journal → inbox (per-chat order) → bot → outbox
 * (pacing, retries) → Bot API. `runBot` starts it from the configuration; tests start it with
 * short timings against the stand-in, and stop it as a crash would.
 */
import type { Logger } from 'pino';
import type { DeliveryConfig } from '../config.ts';
import type { Corpus } from '../core/corpus.ts';
import { ALLOWED_UPDATES, createBot, type WhosaidBot } from './bot.ts';
import { createInbox, type Inbox } from './inbox.ts';
import { openJournal, type UpdateJournal } from './journal.ts';
import type { FloodGuard } from './flood.ts';
import { describeError } from './log.ts';
import { createOutbox, OUTBOX_LIMITS, type OutboxEvent, type OutboxLimits } from './outbox.ts';
import { startPolling, type Polling } from './polling.ts';
import { createStats } from './stats.ts';

export interface ServiceOptions {
  readonly token: string;
  readonly apiRoot: string;
  readonly corpus: Corpus | (() => Corpus);
  readonly logger: Logger;
  readonly floodLimit: number;
  /** A flood guard shared by instances (default: this process's own). */
  readonly flood?: FloodGuard;
  /** Folder of the update journal; null keeps nothing on disk (a crash then loses what was pending). */
  readonly stateDir: string | null;
  /** A journal opened by the caller (the shared one in PostgreSQL); overrides `stateDir`. */
  readonly journal?: UpdateJournal;
  readonly delivery: DeliveryConfig;
  /** Telegram's rate limits (default `OUTBOX_LIMITS`). */
  readonly limits?: OutboxLimits;
  readonly allowedChatIds?: ReadonlySet<number> | null;
  readonly adminIds?: ReadonlySet<number>;
  readonly reload?: () => Promise<void>;
}

export interface Service {
  readonly wb: WhosaidBot;
  readonly inbox: Inbox;
  readonly journal: UpdateJournal | null;
  /** Start long polling into the inbox. */
  poll(): Polling;
  /**
   * Stop: wait up to `drainMs` for updates in flight, then stop sending. What is left stays in the
   * journal for the next start. Resolves true when everything finished.
   */
  stop(drainMs: number): Promise<boolean>;
}

/** Longest wait between two failed polls (ms). */
const POLL_BACKOFF_CAP_MS = 5_000;

/** Stop taking updates while this many wait to be handled: they wait at Telegram instead. */
const MAX_PENDING_UPDATES = 10_000;

function logOutboxEvent(logger: Logger) {
  return (event: OutboxEvent) => {
    if (event.type === 'retry')
      logger.warn({ method: event.method, attempt: event.attempt, waitMs: event.waitMs, reason: event.reason }, 'Bot API call failed; retrying');
    else logger.warn({ method: event.method, cause: event.cause, error: event.error }, 'Bot API call refused for good; dropped');
  };
}

/**
 * Create the service (not yet receiving: call `inbox.resume()` and `poll()`, or feed a webhook
 * into `inbox.receive`).
 *
 * @example
 * const service = await createService({ token, apiRoot, corpus, logger, floodLimit: 20, stateDir, delivery });
 * service.inbox.resume();
 * const polling = service.poll();
 */
export async function createService(options: ServiceOptions): Promise<Service> {
  const { delivery: d, logger } = options;
  const journal = options.journal ?? (options.stateDir ? await openJournal(options.stateDir, { maxAgeMs: d.giveUpMs }) : null);
  if (journal && journal.expired > 0) logger.warn({ expired: journal.expired }, 'updates left from the last run are too old to answer; dropped');
  const outbox = createOutbox({
    limits: options.limits ?? OUTBOX_LIMITS,
    retry: { baseMs: d.backoffMs, capMs: d.backoffCapMs, maxAgeMs: d.giveUpMs, requestTimeoutMs: d.requestTimeoutMs },
    onEvent: logOutboxEvent(logger),
  });
  const stats = createStats();
  let inbox: Inbox | null = null;
  const wb = createBot({
    ...options,
    outbox,
    stats,
    requestTimeoutMs: d.requestTimeoutMs,
    trackOf: (id) => inbox?.trackOf(id),
    pendingUpdates: () => inbox?.pending ?? 0,
  });
  inbox = createInbox({ handle: (u) => wb.bot.handleUpdate(u), journal, onFinished: stats.record });
  const ready = inbox;
  return {
    wb,
    inbox,
    journal,
    poll: () => pollInto(wb, ready, d, logger),
    async stop(drainMs) {
      const finished = await ready.drain(drainMs);
      ready.stop();
      outbox.stop();
      // Handlers cut short by the stop settle at once; their updates stay unfinished in the journal.
      await ready.drain(1_000);
      await journal?.close();
      return finished;
    },
  };
}

function pollInto(wb: WhosaidBot, inbox: Inbox, d: DeliveryConfig, logger: Logger): Polling {
  return startPolling({
    telegram: wb.bot.telegram,
    inbox,
    allowedUpdates: ALLOWED_UPDATES,
    timeoutSeconds: d.pollTimeoutSeconds,
    graceMs: d.requestTimeoutMs,
    backoffMs: d.backoffMs,
    // Polling is one request at a time: retrying it often finds the network back soonest.
    backoffCapMs: Math.min(d.backoffCapMs, POLL_BACKOFF_CAP_MS),
    maxPending: MAX_PENDING_UPDATES,
    onRecovered: () => wb.outbox.nudge(),
    onError: (err, waitMs) => logger.warn({ ...describeError(err), waitMs }, 'getUpdates failed; polling again'),
  });
}
