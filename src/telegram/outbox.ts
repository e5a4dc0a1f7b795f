/**
 * The outbox: every Bot API call that answers a user leaves through here. Calls to one chat (a
 * "lane") leave one at a time, in order; lanes run side by side, so one slow chat never holds up
 * another. Sends are paced to Telegram's limits (overall, per private chat, per group), and a call
 * is retried until it is delivered: a 429 waits `retry_after` however long, 5xx, resets and
 * timeouts back off exponentially with jitter until the reply is too old to be worth sending.
 * Permanent refusals (400, 403, chat not found) are reported once and dropped.
 */
import { setMaxListeners } from 'node:events';
import PQueue from 'p-queue';
import { TelegramError } from 'telegraf';
import { WhosaidError } from '../core/errors.ts';

/** How a lane is paced: a private chat, a group (or channel), or not at all (query answers). */
export type Pace = 'private' | 'group' | null;

export interface OutboxLimits {
  /** Calls started overall per `globalWindowMs` (sliding window). */
  readonly globalPerWindow: number;
  readonly globalWindowMs: number;
  /** Messages to one private chat per `privateWindowMs`: a short burst, then about one a second. */
  readonly privatePerWindow: number;
  readonly privateWindowMs: number;
  /** Messages to one group per `groupWindowMs`. */
  readonly groupPerWindow: number;
  readonly groupWindowMs: number;
  /** Requests in flight at once. */
  readonly concurrency: number;
}

export interface OutboxRetry {
  /** First backoff after a 5xx, reset or timeout (ms); doubled per attempt, with jitter. */
  readonly baseMs: number;
  /** Longest backoff between two attempts (ms). */
  readonly capMs: number;
  /** A call not delivered within this long after it was queued is dropped (ms). */
  readonly maxAgeMs: number;
  /** Every request is abandoned (and retried) after this long (ms). */
  readonly requestTimeoutMs: number;
}

export interface OutboxOptions {
  readonly limits: OutboxLimits;
  readonly retry: OutboxRetry;
  readonly onEvent?: (event: OutboxEvent) => void;
  readonly now?: () => number;
  readonly random?: () => number;
}

export type OutboxEvent =
  | { readonly type: 'retry'; readonly method: string; readonly lane: string; readonly attempt: number; readonly waitMs: number; readonly reason: string }
  | { readonly type: 'drop'; readonly method: string; readonly lane: string; readonly cause: string; readonly error: string };

/**
 * Telegram's published limits, with margin. The overall limit is spread (2 per 80 ms, at most 26 in
 * any second) rather than 30 at once: 30 requests started together arrive over tens of
 * milliseconds, and the next second's first ones would overlap them at Telegram's end.
 */
export const OUTBOX_LIMITS: OutboxLimits = Object.freeze({
  globalPerWindow: 2,
  globalWindowMs: 80,
  privatePerWindow: 3,
  privateWindowMs: 3_000,
  groupPerWindow: 20,
  groupWindowMs: 61_000,
  concurrency: 64,
});

/** Retry until delivered, for as long as Telegram keeps an update (24 h). */
export const OUTBOX_RETRY: OutboxRetry = Object.freeze({
  baseMs: 500,
  capMs: 60_000,
  maxAgeMs: 24 * 60 * 60 * 1000,
  requestTimeoutMs: 15_000,
});

/** One outgoing call. `call` must honour the signal (it fires on timeout or stop). */
export interface OutboxJob<T> {
  readonly method: string;
  /** What is sent (for inspection and logs; `call` already holds it). */
  readonly payload?: unknown;
  readonly lane: string;
  readonly pace: Pace;
  readonly call: (signal: AbortSignal) => Promise<T>;
}

/** A call the outbox gave up on: refused for good, or too old. `reason` is e.g. "400", "403", "expired". */
export class DeliveryDropped extends WhosaidError {
  override readonly name = 'DeliveryDropped';
  constructor(
    readonly method: string,
    readonly reason: string,
    detail: string,
  ) {
    super(`${method} dropped (${reason}): ${detail}`);
  }
}

/** The outbox was stopped with this call still queued; it was not delivered. */
export class OutboxStopped extends WhosaidError {
  override readonly name = 'OutboxStopped';
}

export interface OutboxStats {
  /** Calls queued or in flight. */
  readonly depth: number;
  readonly delivered: number;
  readonly retries: number;
  readonly drops: Readonly<Record<string, number>>;
}

export interface Outbox {
  /** Queue a call; resolves with its result once delivered, rejects with `DeliveryDropped` or `OutboxStopped`. */
  send<T>(job: OutboxJob<T>): Promise<T>;
  stats(): OutboxStats;
  /** The Bot API answered again (e.g. a poll succeeded): calls backing off after a 5xx, reset or timeout retry now. */
  nudge(): void;
  /** Stop: nothing more is sent; queued calls reject with `OutboxStopped`. */
  stop(): void;
}

/** What to do after a failed attempt. */
export type Verdict = { readonly retry: true; readonly ms: number; readonly reason: string } | { readonly retry: false; readonly cause: string };

function isTransient(err: Error): boolean {
  const code = (err as { code?: unknown }).code;
  if (err.name === 'AbortError' || err.name === 'TimeoutError' || err.name === 'FetchError') return true;
  return typeof code === 'string' && /^(?:E[A-Z]+|UND_ERR_\w+)$/.test(code);
}

/**
 * Classify a failed attempt (`attempt` counts from 0).
 *
 * @example
 * classify(new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 53 } }), 0, OUTBOX_RETRY, Math.random);
 * // { retry: true, ms: 53000, reason: '429' }
 */
export function classify(err: unknown, attempt: number, retry: OutboxRetry, random: () => number): Verdict {
  const backoff = (reason: string): Verdict => {
    const ceiling = Math.min(retry.capMs, retry.baseMs * 2 ** Math.min(attempt, 30));
    // "Equal jitter": never less than half the step, so a storm of retries spreads but still waits.
    return { retry: true, ms: Math.round(ceiling / 2 + (random() * ceiling) / 2), reason };
  };
  if (err instanceof TelegramError) {
    if (err.code === 429) return { retry: true, ms: Math.max(1, err.parameters?.retry_after ?? 1) * 1000, reason: '429' };
    if (err.code >= 500) return backoff(String(err.code));
    return { retry: false, cause: String(err.code) };
  }
  if (err instanceof Error && isTransient(err)) return backoff(err.name === 'TimeoutError' || err.name === 'AbortError' ? 'timeout' : 'network');
  return { retry: false, cause: 'error' };
}

/** A sliding-window limit for one chat: at most `limit` sends in any `windowMs`. */
class SlidingWindow {
  private readonly times: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}
  /** Milliseconds until one more send is allowed. */
  waitMs(now: number): number {
    for (let first = this.times[0]; first !== undefined && first <= now - this.windowMs; first = this.times[0]) this.times.shift();
    const first = this.times[0];
    return first === undefined || this.times.length < this.limit ? 0 : first + this.windowMs - now;
  }
  record(now: number): void {
    this.times.push(now);
  }
  lastAt(): number {
    return this.times.at(-1) ?? 0;
  }
}

interface Pending<T> {
  readonly job: OutboxJob<T>;
  readonly queuedAt: number;
  readonly resolve: (value: T) => void;
  readonly reject: (err: unknown) => void;
}

interface Lane {
  readonly jobs: Pending<unknown>[];
  /** Pacing of the chat's messages; query answers in the same lane keep order but are not paced. */
  window: SlidingWindow | null;
  running: boolean;
}

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * Sleeps that end at once when `signal` aborts; those marked `early` also end on `nudge()` (the
 * API answers again). 429 waits are never early: they are Telegram's orders.
 */
function createWaits(signal: AbortSignal) {
  // Every waiting call listens for the stop; thousands may wait at once, which is no leak.
  setMaxListeners(0, signal);
  const early = new Set<() => void>();
  const sleep = (ms: number, wakeEarly = false) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        early.delete(done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
      if (wakeEarly) early.add(done);
    });
  const nudge = () => {
    for (const wake of [...early]) wake();
  };
  return { sleep, nudge, backingOff: () => early.size };
}

/** One attempt through the overall pacer, abandoned after `timeoutMs` even if the call ignores its signal. */
function attemptOnce<T>(global: PQueue, job: OutboxJob<T>, window: SlidingWindow | null, timeoutMs: number, stop: AbortSignal, now: () => number): Promise<T> {
  return global.add(
    () =>
      new Promise<T>((resolve, reject) => {
        // The chat's window counts the send when it really starts, after any wait for the overall
        // limit: counted earlier, a backlog would bunch a chat's sends up at Telegram.
        window?.record(now());
        const abort = new AbortController();
        const timer = setTimeout(() => {
          abort.abort(new TimeoutError(`${job.method} took over ${timeoutMs} ms`));
          reject(new TimeoutError(`${job.method} took over ${timeoutMs} ms`));
        }, timeoutMs);
        job
          .call(abort.signal)
          .then(resolve, reject)
          .finally(() => clearTimeout(timer));
      }),
    { signal: stop },
  ) as Promise<T>;
}

/** The lanes, one per chat, each with the pacing window of its kind; idle ones are forgotten. */
function createLanes(limits: OutboxLimits, now: () => number) {
  const lanes = new Map<string, Lane>();
  const longest = Math.max(limits.privateWindowMs, limits.groupWindowMs);
  return {
    laneFor(key: string, pace: Pace): Lane {
      let lane = lanes.get(key);
      if (!lane) {
        lane = { jobs: [], window: null, running: false };
        lanes.set(key, lane);
      }
      if (!lane.window && pace) {
        lane.window =
          pace === 'private'
            ? new SlidingWindow(limits.privatePerWindow, limits.privateWindowMs)
            : new SlidingWindow(limits.groupPerWindow, limits.groupWindowMs);
      }
      return lane;
    },
    /** Forget idle lanes whose pacing window has passed, so memory follows active chats. */
    sweep(): void {
      if (lanes.size < 1000) return;
      const t = now();
      for (const [key, lane] of lanes) if (!lane.running && lane.jobs.length === 0 && (lane.window?.lastAt() ?? 0) <= t - longest) lanes.delete(key);
    },
  };
}

/** What delivering needs: the options, the shared pacer and waits, and the running counts. */
interface Engine {
  readonly options: OutboxOptions;
  readonly now: () => number;
  readonly random: () => number;
  readonly stop: AbortSignal;
  readonly waits: ReturnType<typeof createWaits>;
  readonly global: PQueue;
  readonly counts: { depth: number; delivered: number; retries: number };
  readonly drops: Record<string, number>;
}

const stoppedError = (method: string) => new OutboxStopped(`${method} not sent: the outbox stopped`);

/** After a failed attempt: how to settle the job (dropped), or null after waiting to retry. */
async function afterFailure(e: Engine, item: Pending<unknown>, laneKey: string, err: unknown, n: number): Promise<(() => void) | null> {
  const { job } = item;
  const { retry, onEvent } = e.options;
  const verdict = classify(err, n, retry, e.random);
  if (!verdict.retry || e.now() + verdict.ms > item.queuedAt + retry.maxAgeMs) {
    const cause = verdict.retry ? 'expired' : verdict.cause;
    e.drops[cause] = (e.drops[cause] ?? 0) + 1;
    const error = err instanceof Error ? err.message : String(err);
    onEvent?.({ type: 'drop', method: job.method, lane: laneKey, cause, error });
    return () => item.reject(new DeliveryDropped(job.method, cause, error));
  }
  e.counts.retries++;
  onEvent?.({ type: 'retry', method: job.method, lane: laneKey, attempt: n + 1, waitMs: verdict.ms, reason: verdict.reason });
  await e.waits.sleep(verdict.ms, verdict.reason !== '429');
  return null;
}

/** Deliver the job at the head of a lane; resolves with how to settle its promise, never throws. */
async function deliver(e: Engine, lane: Lane, item: Pending<unknown>, laneKey: string): Promise<() => void> {
  const { job } = item;
  for (let n = 0; ; n++) {
    if (e.stop.aborted) return () => item.reject(stoppedError(job.method));
    const window = job.pace ? lane.window : null;
    const wait = window?.waitMs(e.now()) ?? 0;
    if (wait > 0) {
      await e.waits.sleep(wait);
      continue;
    }
    try {
      const result = await attemptOnce(e.global, job, window, e.options.retry.requestTimeoutMs, e.stop, e.now);
      e.counts.delivered++;
      if (e.waits.backingOff() > 0) e.waits.nudge();
      return () => item.resolve(result);
    } catch (err) {
      const settle = e.stop.aborted ? null : await afterFailure(e, item, laneKey, err, n);
      if (settle) return settle;
    }
  }
}

/**
 * Create an outbox.
 *
 * @example
 * const outbox = createOutbox({ limits: OUTBOX_LIMITS, retry: OUTBOX_RETRY });
 * await outbox.send({ method: 'sendMessage', lane: 'chat:42', pace: 'private', call: (signal) => tg.callApi('sendMessage', p, { signal }) });
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { limits } = options;
  const stopping = new AbortController();
  const e: Engine = {
    options,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    stop: stopping.signal,
    waits: createWaits(stopping.signal),
    global: new PQueue({ concurrency: limits.concurrency, intervalCap: limits.globalPerWindow, interval: limits.globalWindowMs, strict: true }),
    counts: { depth: 0, delivered: 0, retries: 0 },
    drops: {},
  };
  const lanes = createLanes(limits, e.now);

  async function run(key: string, lane: Lane): Promise<void> {
    lane.running = true;
    for (let item = lane.jobs[0]; item; item = lane.jobs[0]) {
      const settle = await deliver(e, lane, item, key);
      lane.jobs.shift();
      e.counts.depth--;
      settle();
    }
    lane.running = false;
    lanes.sweep();
  }

  return {
    send<T>(job: OutboxJob<T>): Promise<T> {
      if (stopping.signal.aborted) return Promise.reject(stoppedError(job.method));
      return new Promise<T>((resolve, reject) => {
        const lane = lanes.laneFor(job.lane, job.pace);
        lane.jobs.push({ job, queuedAt: e.now(), resolve, reject } as Pending<unknown>);
        e.counts.depth++;
        if (!lane.running) void run(job.lane, lane);
      });
    },
    stats: () => ({ ...e.counts, drops: { ...e.drops } }),
    nudge: e.waits.nudge,
    stop() {
      stopping.abort();
      e.global.clear();
    },
  };
}
