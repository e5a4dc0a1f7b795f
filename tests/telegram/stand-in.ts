/**
 * A small Bot API stand-in on 127.0.0.1 (random port) for end-to-end tests: the methods the bot
 * uses, long polling with offset and timeout, Telegram-like validation of HTML and limits, and
 * fault injection: errors (429, 5xx, 409) for a count of calls or a span of time, delays, hung
 * requests, connection resets, a network cut, and Telegram's rate limits enforced with 429s.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { checkTelegramHtml } from './html-check.ts';

export interface ApiCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  /** What the stand-in answered: true, or the error description ("reset" when the connection was cut). */
  readonly outcome: true | string;
  /** When it was answered (ms since the epoch). */
  readonly at: number;
}

/** Telegram's rate limits as the stand-in enforces them (messages: sendMessage and editMessageText). */
export interface RateLimits {
  /** Messages overall in any second. */
  readonly perSecond: number;
  /** Messages to one private chat in any second. */
  readonly privatePerSecond: number;
  /** Messages to one group in any minute. */
  readonly groupPerMinute: number;
  /** retry_after to give (s); default: until the window frees up. */
  readonly retryAfter?: number;
}

export const TELEGRAM_LIMITS: RateLimits = Object.freeze({ perSecond: 30, privatePerSecond: 3, groupPerMinute: 20 });

export interface Fault {
  readonly status: number;
  readonly description: string;
  readonly retryAfter?: number;
}

type Params = Record<string, unknown>;
type Result = { ok: true; result: unknown } | { ok: false; status: number; description: string; retryAfter?: number };

export const BOT_USER = Object.freeze({
  id: 7000001,
  is_bot: true,
  first_name: 'Who Said',
  username: 'whosaid_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
});

export interface StandIn {
  readonly apiRoot: string;
  readonly calls: ApiCall[];
  webhook: { url: string; secret: string | undefined } | null;
  /** Make getUpdates answer 409 as if another instance were polling. */
  conflict: boolean;
  /** Queue an update for getUpdates. Returns its update_id. */
  push(update: Record<string, unknown>): number;
  /** Fail the next `count` calls of `method` ("*": any method but getUpdates) with `fault`. */
  fail(method: string, fault: Fault, count?: number): void;
  /** Fail every call of `method` ("*" as above) with `fault` for the next `ms`. */
  failFor(method: string, fault: Fault, ms: number): void;
  /** Reset the connection of every call of `method` ("*" as above) for the next `ms`. */
  resetFor(method: string, ms: number): void;
  /** Never answer the next `count` calls of `method` (they hang until the client gives up). */
  hang(method: string, count?: number): void;
  /** Cut the network for `ms`: open connections are reset, new ones dropped at once. */
  cut(ms: number): void;
  /** Delay every call of `method` by `ms`. */
  delay(method: string, ms: number): void;
  /** Enforce Telegram's rate limits with 429s (null: off). */
  limits: RateLimits | null;
  /** Calls refused by the rate limits (outcome: "limit: overall", "limit: private chat" or "limit: group"). */
  readonly violations: ApiCall[];
  /** Updates queued and not yet confirmed by an offset. */
  readonly unconfirmed: number;
  /** Wait until `predicate` holds for some call (checked as calls arrive), or throw after `ms`. */
  waitFor(predicate: (call: ApiCall) => boolean, ms?: number): Promise<ApiCall>;
  close(): Promise<void>;
}

const MAX_TEXT = 4096;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkText(text: unknown, parseMode: unknown): string | null {
  if (typeof text !== 'string' || text.trim() === '') return 'Bad Request: message text is empty';
  if (LONE_SURROGATE.test(text)) return 'Bad Request: strings must be encoded in UTF-8';
  let visible = text;
  if (parseMode === 'HTML') {
    const parsed = checkTelegramHtml(text);
    if (!parsed.ok) return parsed.error;
    visible = parsed.text;
  }
  if (visible.trim() === '') return 'Bad Request: message text is empty';
  return visible.length > MAX_TEXT ? 'Bad Request: message is too long' : null;
}

function checkMarkup(markup: unknown): string | null {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (markup === undefined) return null;
  if (!Array.isArray(rows)) return 'Bad Request: inline keyboard expected';
  for (const row of rows) {
    for (const b of row as { text?: unknown; callback_data?: unknown }[]) {
      if (typeof b.text !== 'string' || b.text === '') return 'Bad Request: button text is empty';
      if (typeof b.callback_data === 'string' && Buffer.byteLength(b.callback_data) > 64) return 'Bad Request: BUTTON_DATA_INVALID';
    }
  }
  return null;
}

/** Start the stand-in for `token`. */
export async function startStandIn(token: string): Promise<StandIn> {
  const queue: { update_id: number; [k: string]: unknown }[] = [];
  const faults = new Map<string, { fault: Fault; count: number }>();
  const timedFaults = new Map<string, { fault: Fault | 'reset'; until: number }>();
  const hangs = new Map<string, number>();
  const delays = new Map<string, number>();
  const sockets = new Set<Socket>();
  const sent: { at: number; chat: number }[] = [];
  let cutUntil = 0;
  const waiters = new Set<() => void>();
  const watchers = new Set<(call: ApiCall) => void>();
  let nextUpdateId = 1;
  let nextMessageId = 1000;

  const wake = () => {
    for (const w of [...waiters]) w();
  };

  const message = (p: Params, text: string) => ({
    message_id: nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat: { id: Number(p['chat_id']), type: Number(p['chat_id']) < 0 ? 'supergroup' : 'private' },
    from: BOT_USER,
    text,
  });

  async function getUpdates(p: Params, res: ServerResponse): Promise<Result> {
    if (state.webhook)
      return {
        ok: false,
        status: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      };
    if (state.conflict)
      return { ok: false, status: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' };
    const offset = Number(p['offset'] ?? 0);
    while (queue.length > 0 && queue[0]!.update_id < offset) queue.shift();
    const limit = Math.min(100, Number(p['limit'] ?? 100));
    const timeoutMs = Math.min(Number(p['timeout'] ?? 0), 50) * 1000;
    if (queue.length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        waiters.add(done);
        res.on('close', done);
      });
    }
    return { ok: true, result: queue.slice(0, limit) };
  }

  function handle(method: string, p: Params): Result {
    const okOr = (error: string | null, result: unknown): Result => (error ? { ok: false, status: 400, description: error } : { ok: true, result });
    switch (method) {
      case 'getMe':
        return { ok: true, result: BOT_USER };
      case 'sendMessage':
        return okOr(checkText(p['text'], p['parse_mode']) ?? checkMarkup(p['reply_markup']), message(p, String(p['text'])));
      case 'editMessageText':
        return okOr(checkText(p['text'], p['parse_mode']) ?? checkMarkup(p['reply_markup']), message(p, String(p['text'])));
      case 'answerInlineQuery': {
        const results = (p['results'] ?? []) as { id?: unknown; input_message_content?: { message_text?: unknown; parse_mode?: unknown } }[];
        if (results.length > 50) return okOr('Bad Request: RESULTS_TOO_MUCH', null);
        if (new Set(results.map((r) => r.id)).size !== results.length) return okOr('Bad Request: RESULT_ID_DUPLICATE', null);
        for (const r of results) {
          if (typeof r.id !== 'string' || Buffer.byteLength(r.id) > 64) return okOr('Bad Request: RESULT_ID_INVALID', null);
          const error = checkText(r.input_message_content?.message_text, r.input_message_content?.parse_mode);
          if (error) return okOr(error, null);
        }
        return { ok: true, result: true };
      }
      case 'answerCallbackQuery':
        return okOr(typeof p['text'] === 'string' && p['text'].length > 200 ? 'Bad Request: MESSAGE_TOO_LONG' : null, true);
      case 'setMyCommands': {
        const commands = (p['commands'] ?? []) as { command?: string; description?: string }[];
        const bad = commands.find((c) => !/^[a-z0-9_]{1,32}$/.test(c.command ?? '') || !c.description || c.description.length > 256);
        return okOr(bad ? 'Bad Request: BOT_COMMAND_INVALID' : null, true);
      }
      case 'setWebhook': {
        const secret = p['secret_token'];
        if (secret !== undefined && (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret)))
          return okOr('Bad Request: secret token contains unallowed characters', null);
        state.webhook = { url: String(p['url']), secret: secret as string | undefined };
        return { ok: true, result: true };
      }
      case 'deleteWebhook':
        state.webhook = null;
        return { ok: true, result: true };
      case 'sendChatAction':
        return { ok: true, result: true };
      default:
        return { ok: false, status: 404, description: 'Not Found' };
    }
  }

  const matches = (key: string, method: string) => key === method || (key === '*' && method !== 'getUpdates');

  /** The fault for this call, if any: a counted one first, then one for a span of time. */
  function faultFor(method: string): Fault | 'reset' | 'hang' | null {
    for (const [key, h] of hangs) {
      if (matches(key, method) && h > 0) {
        hangs.set(key, h - 1);
        return 'hang';
      }
    }
    for (const [key, f] of faults) {
      if (matches(key, method) && f.count > 0) {
        f.count--;
        return f.fault;
      }
    }
    for (const [key, f] of timedFaults) if (matches(key, method) && Date.now() < f.until) return f.fault;
    return null;
  }

  /** A 429 when this message would break Telegram's limits; records it as sent otherwise. */
  function rateLimited(method: string, p: Params): Result | null {
    if (method !== 'sendMessage' && method !== 'editMessageText') return null;
    const limits = state.limits;
    const now = Date.now();
    const chat = Number(p['chat_id']);
    while (sent.length > 0 && sent[0]!.at <= now - 60_000) sent.shift();
    if (limits) {
      const inSecond = sent.filter((x) => x.at > now - 1000);
      const rules: [string, boolean, number][] = [
        ['overall', inSecond.length >= limits.perSecond, Math.min(...inSecond.map((x) => x.at)) + 1000],
        [
          'private chat',
          chat > 0 && inSecond.filter((x) => x.chat === chat).length >= limits.privatePerSecond,
          Math.min(...inSecond.filter((x) => x.chat === chat).map((x) => x.at)) + 1000,
        ],
        [
          'group',
          chat < 0 && sent.filter((x) => x.chat === chat).length >= limits.groupPerMinute,
          Math.min(...sent.filter((x) => x.chat === chat).map((x) => x.at)) + 60_000,
        ],
      ];
      const broken = rules.find(([, hit]) => hit);
      if (broken) {
        const retryAfter = limits.retryAfter ?? Math.max(1, Math.ceil((broken[2] - now) / 1000));
        state.violations.push({ method, params: p, outcome: `limit: ${broken[0]}`, at: now });
        return { ok: false, status: 429, description: `Too Many Requests: retry after ${retryAfter}`, retryAfter };
      }
    }
    return null;
  }

  async function answer(method: string, params: Params, res: ServerResponse): Promise<Result | 'reset' | 'hang'> {
    const wait = delays.get(method);
    if (wait) await new Promise((r) => setTimeout(r, wait));
    // A connection cut while the call waited never reached "Telegram": nothing is delivered.
    if (res.destroyed) return 'reset';
    const fault = faultFor(method);
    if (fault === 'reset' || fault === 'hang') return fault;
    if (fault) return { ok: false, status: fault.status, description: fault.description, ...(fault.retryAfter ? { retryAfter: fault.retryAfter } : {}) };
    if (method === 'getUpdates') return getUpdates(params, res);
    const limited = rateLimited(method, params);
    if (limited) return limited;
    const result = handle(method, params);
    if (result.ok && (method === 'sendMessage' || method === 'editMessageText')) sent.push({ at: Date.now(), chat: Number(params['chat_id']) });
    return result;
  }

  function record(call: ApiCall): void {
    if (call.method !== 'getUpdates' || call.outcome !== true) state.calls.push(call);
    for (const w of [...watchers]) w(call);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
      const body = Buffer.concat(chunks).toString('utf8');
      let params: Params = {};
      try {
        params = body ? (JSON.parse(body) as Params) : {};
      } catch {
        params = {};
      }
      const method = m?.[2] ?? '';
      const result: Result | 'reset' | 'hang' =
        !m || m[1] !== token ? { ok: false, status: 401, description: 'Unauthorized' } : await answer(method, params, res);
      if (result === 'hang') return record({ method, params, outcome: 'hung', at: Date.now() });
      if (result === 'reset' || res.destroyed) {
        res.socket?.destroy();
        return record({ method, params, outcome: 'reset', at: Date.now() });
      }
      record({ method, params, outcome: result.ok ? true : result.description, at: Date.now() });
      const payload = result.ok
        ? { ok: true, result: result.result }
        : {
            ok: false,
            error_code: result.status,
            description: result.description,
            ...(result.retryAfter ? { parameters: { retry_after: result.retryAfter } } : {}),
          };
      res.writeHead(result.ok ? 200 : result.status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    });
  });
  server.on('connection', (socket: Socket) => {
    if (Date.now() < cutUntil) return void socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;

  const state: StandIn = {
    apiRoot: `http://127.0.0.1:${port}`,
    calls: [],
    webhook: null,
    conflict: false,
    push(update) {
      const update_id = nextUpdateId++;
      queue.push({ update_id, ...update });
      wake();
      return update_id;
    },
    limits: null,
    violations: [],
    get unconfirmed() {
      return queue.length;
    },
    fail(method, fault, count = 1) {
      faults.set(method, { fault, count });
    },
    failFor(method, fault, ms) {
      timedFaults.set(method, { fault, until: Date.now() + ms });
    },
    resetFor(method, ms) {
      timedFaults.set(method, { fault: 'reset', until: Date.now() + ms });
    },
    hang(method, count = 1) {
      hangs.set(method, count);
    },
    cut(ms) {
      cutUntil = Date.now() + ms;
      for (const socket of sockets) socket.destroy();
    },
    delay(method, ms) {
      delays.set(method, ms);
    },
    waitFor(predicate, ms = 10_000) {
      const seen = state.calls.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(new Error(`stand-in: no matching call within ${ms} ms; calls: ${state.calls.map((c) => c.method).join(', ')}`));
        }, ms);
        const watch = (call: ApiCall) => {
          if (!predicate(call)) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolve(call);
        };
        watchers.add(watch);
      });
    },
    close() {
      wake();
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
  return state;
}
