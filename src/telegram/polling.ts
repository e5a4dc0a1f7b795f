/**
 * Long polling that never stalls: getUpdates in its own loop, each batch journalled and handed to
 * the inbox without waiting for any handler, then confirmed by the next call's offset. Network
 * errors and 5xx back off (capped, with jitter) and poll again, however long the outage; a 429
 * waits its retry_after; 401 and 409 end the loop, since no retry can fix them.
 */
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { TelegramError, type Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Inbox } from './inbox.ts';

export interface PollingOptions {
  readonly telegram: Telegram;
  readonly inbox: Inbox;
  readonly allowedUpdates: readonly string[];
  /** Long-poll timeout asked of Telegram (s). */
  readonly timeoutSeconds: number;
  /** Extra time allowed for a getUpdates answer beyond its long-poll timeout (ms). */
  readonly graceMs: number;
  /** Backoff after a failed poll: first step and cap (ms). */
  readonly backoffMs: number;
  readonly backoffCapMs: number;
  /** Stop fetching while this many updates are waiting to be handled (they wait at Telegram instead). */
  readonly maxPending: number;
  readonly onError?: (err: unknown, waitMs: number) => void;
  /** Called after a poll that followed failures succeeds: the Bot API is reachable again. */
  readonly onRecovered?: () => void;
  readonly random?: () => number;
}

export interface Polling {
  /** Resolves when polling stops: after `stop()`, or rejects on a fatal error (401, 409). */
  readonly done: Promise<void>;
  /** Stop polling: the current getUpdates is abandoned; received updates are kept. */
  stop(): Promise<void>;
}

/** telegraf's callApi, typed loosely: its AbortSignal type is a shim's, not the platform's. */
type CallApi = (method: string, payload: unknown, extra: { signal: AbortSignal }) => Promise<unknown>;

const isFatal = (err: unknown) => err instanceof TelegramError && (err.code === 401 || err.code === 409);

/**
 * How long to wait after the `failures`-th failure in a row: exponential backoff with jitter up to
 * the cap; a 429 on getUpdates is waited out in full, like any other call's.
 */
function retryWait(err: unknown, failures: number, options: Pick<PollingOptions, 'backoffMs' | 'backoffCapMs'>, random: () => number): number {
  const ceiling = Math.min(options.backoffCapMs, options.backoffMs * 2 ** Math.min(failures, 20));
  const told = err instanceof TelegramError && err.code === 429 ? (err.parameters?.retry_after ?? 1) * 1000 : 0;
  return Math.max(told, Math.round(ceiling / 2 + (random() * ceiling) / 2));
}

/**
 * Start polling.
 *
 * @example
 * const polling = startPolling({ telegram, inbox, allowedUpdates: ['message'], timeoutSeconds: 30, … });
 * await polling.stop();
 */
export function startPolling(options: PollingOptions): Polling {
  const random = options.random ?? Math.random;
  const stopping = new AbortController();
  setMaxListeners(0, stopping.signal);
  let offset = 0;
  const callApi = options.telegram.callApi.bind(options.telegram) as unknown as CallApi;

  // Wait `ms`, or less if stopping aborts first.
  const pause = (ms: number) => sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined);

  async function fetchBatch(): Promise<Update[]> {
    const signal = AbortSignal.any([stopping.signal, AbortSignal.timeout(options.timeoutSeconds * 1000 + options.graceMs)]);
    return callApi('getUpdates', { offset, timeout: options.timeoutSeconds, limit: 100, allowed_updates: options.allowedUpdates }, { signal }) as Promise<
      Update[]
    >;
  }

  async function loop(): Promise<void> {
    let failures = 0;
    while (!stopping.signal.aborted) {
      while (options.inbox.pending >= options.maxPending && !stopping.signal.aborted) await pause(100);
      try {
        const updates = await fetchBatch();
        // Journalled before the next offset confirms them to Telegram; if this throws, the same
        // batch is fetched again.
        await options.inbox.receive(updates);
        const last = updates.at(-1);
        if (last) offset = last.update_id + 1;
        if (failures > 0) options.onRecovered?.();
        failures = 0;
      } catch (err) {
        if (stopping.signal.aborted) break;
        if (isFatal(err)) throw err;
        const wait = retryWait(err, failures++, options, random);
        options.onError?.(err, wait);
        await pause(wait);
      }
    }
  }

  const done = loop();
  return {
    done,
    async stop() {
      stopping.abort();
      await done.catch(() => undefined);
      // Confirm what was received, so Telegram does not send it again (best effort: the journal
      // recognises a repeat anyway).
      if (offset > 0) await callApi('getUpdates', { offset, timeout: 0, limit: 1 }, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
    },
  };
}
