/**
 * Bot API calls that survive Telegram's hiccups: a 429 waits `retry_after` (capped) and retries the
 * same call; 5xx and network errors get a few retries with backoff. Anything else fails at once.
 */
import { TelegramError, type Telegram } from 'telegraf';

export interface RetryOptions {
  /** Longest `retry_after` (seconds) worth waiting for; a longer one fails the call. */
  readonly maxRetryAfter: number;
  /** Retries after a 429, and separately after 5xx or network errors. */
  readonly attempts: number;
  /** First backoff after a 5xx or network error, doubled each time (ms). */
  readonly backoffMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly onRetry?: (info: { method: string; attempt: number; waitMs: number; reason: string }) => void;
}

export const RETRY_DEFAULTS: RetryOptions = Object.freeze({
  maxRetryAfter: 30,
  attempts: 3,
  backoffMs: 500,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
});

/** How long to wait before retrying after `err`, or null when it must not be retried. */
function waitFor(err: unknown, options: RetryOptions, tries: { flood: number; fault: number }): { ms: number; reason: string } | null {
  if (err instanceof TelegramError) {
    if (err.code === 429) {
      const after = err.parameters?.retry_after ?? 1;
      if (after > options.maxRetryAfter || tries.flood >= options.attempts) return null;
      tries.flood++;
      return { ms: after * 1000, reason: `429, retry after ${after}s` };
    }
    if (err.code < 500) return null;
  } else if (!(err instanceof Error) || err.name === 'AbortError' || !isNetworkError(err)) {
    return null;
  }
  if (tries.fault >= options.attempts) return null;
  const ms = options.backoffMs * 2 ** tries.fault++;
  return { ms, reason: err instanceof TelegramError ? `${err.code}` : 'network error' };
}

function isNetworkError(err: Error): boolean {
  const code = (err as { code?: unknown }).code;
  return err.name === 'FetchError' || (typeof code === 'string' && /^(?:E[A-Z]+|UND_ERR_\w+)$/.test(code));
}

/**
 * Run `call`, retrying as Telegram asks.
 *
 * @example
 * await callWithRetry('sendMessage', () => telegram.sendMessage(chat, 'hi'));
 */
export async function callWithRetry<T>(method: string, call: () => Promise<T>, options: RetryOptions = RETRY_DEFAULTS): Promise<T> {
  const tries = { flood: 0, fault: 0 };
  for (;;) {
    try {
      return await call();
    } catch (err) {
      const wait = waitFor(err, options, tries);
      if (!wait) throw err;
      options.onRetry?.({ method, attempt: tries.flood + tries.fault, waitMs: wait.ms, reason: wait.reason });
      await options.sleep(wait.ms);
    }
  }
}

/**
 * Make every call of `telegram` retry as above, except getUpdates (the polling loop has its own
 * waits and must stay abortable). Returns the same instance.
 */
export function installRetry(telegram: Telegram, options: RetryOptions = RETRY_DEFAULTS): Telegram {
  const call = telegram.callApi.bind(telegram);
  const retrying = (method: string, payload: unknown, extra?: unknown) =>
    method === 'getUpdates'
      ? call(method as never, payload as never, extra as never)
      : callWithRetry(method, () => call(method as never, payload as never, extra as never), options);
  telegram.callApi = retrying as Telegram['callApi'];
  return telegram;
}
