/**
 * Wiring between telegraf and the outbox: a `Telegram` instance whose answering calls go through
 * the outbox (in the lane of their chat), whose other calls get a timeout, and whose text never
 * carries a lone surrogate. Each call of an update is numbered, so a replayed update skips the
 * replies it already delivered before a restart.
 */
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { OutboxStopped, type Outbox, type Pace } from './outbox.ts';

/** The calls that answer a user, and so go through the outbox. */
export const OUTBOX_METHODS: ReadonlySet<string> = new Set(['sendMessage', 'editMessageText', 'answerInlineQuery', 'answerCallbackQuery']);

/** Calls that put a message in a chat, and so count against the chat's pacing. */
const MESSAGE_METHODS: ReadonlySet<string> = new Set(['sendMessage', 'editMessageText']);

/** Delivery bookkeeping of one update: which of its calls (numbered from 0) are delivered. */
export interface UpdateTrack {
  readonly updateId: number;
  readonly delivered: Set<number>;
  next: number;
  /** True when a call was cut short by a stop: the update must be handled again after a restart. */
  interrupted: boolean;
  readonly onDelivered: (index: number) => void;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replace lone surrogates (which Telegram refuses as invalid UTF-8) in every string of `value`. */
export function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormed(v)])) as T;
  }
  return value;
}

/** The lane of an update's replies: its chat, or the user for inline queries. */
export function laneOf(update: Update): string {
  if ('message' in update) return `chat:${update.message.chat.id}`;
  if ('callback_query' in update) {
    const chat = update.callback_query.message?.chat.id;
    return chat === undefined ? `user:${update.callback_query.from.id}` : `chat:${chat}`;
  }
  if ('inline_query' in update) return `user:${update.inline_query.from.id}`;
  return `update:${update.update_id}`;
}

function paceOf(method: string, chatId: unknown): Pace {
  if (!MESSAGE_METHODS.has(method) || chatId === undefined) return null;
  return typeof chatId === 'number' && chatId > 0 ? 'private' : 'group';
}

export interface RouteOptions {
  readonly outbox: Outbox;
  /** Lane for calls that name no chat (query answers). */
  readonly lane: string;
  readonly track?: UpdateTrack | undefined;
  /** Timeout for calls outside the outbox (getMe, setMyCommands …), in ms. */
  readonly requestTimeoutMs: number;
}

/**
 * Route `telegram`'s calls as above; returns the same instance.
 *
 * @example
 * routeThroughOutbox(ctx.telegram, { outbox, lane: laneOf(update), requestTimeoutMs: 15_000 });
 */
export function routeThroughOutbox(telegram: Telegram, options: RouteOptions): Telegram {
  const original = telegram.callApi.bind(telegram) as (method: string, payload: unknown, extra?: { signal?: AbortSignal }) => Promise<unknown>;
  const { outbox, track } = options;
  const route = (method: string, payload: unknown, extra?: { signal?: AbortSignal }) => {
    if (!OUTBOX_METHODS.has(method)) return original(method, payload, { signal: extra?.signal ?? AbortSignal.timeout(options.requestTimeoutMs) });
    const index = track ? track.next++ : -1;
    if (track?.delivered.has(index)) return Promise.resolve(true);
    const clean = wellFormed(payload);
    const chatId = (clean as { chat_id?: unknown } | null)?.chat_id;
    const lane = chatId === undefined ? options.lane : `chat:${String(chatId)}`;
    const sent = outbox.send({ method, payload: clean, lane, pace: paceOf(method, chatId), call: (signal) => original(method, clean, { signal }) });
    return sent.then(
      (result) => {
        track?.onDelivered(index);
        return result;
      },
      (err: unknown) => {
        if (track && err instanceof OutboxStopped) track.interrupted = true;
        throw err;
      },
    );
  };
  telegram.callApi = route as Telegram['callApi'];
  return telegram;
}
