/**
 * The whole delivering bot in-process (journal → inbox → bot → outbox → polling) against the
 * stand-in over real HTTP on 127.0.0.1, with timings shortened so faults play out in seconds.
 */
import type { DeliveryConfig } from '../../src/config.ts';
import type { Corpus } from '../../src/core/corpus.ts';
import { createLogger } from '../../src/telegram/log.ts';
import type { OutboxLimits } from '../../src/telegram/outbox.ts';
import type { Polling } from '../../src/telegram/polling.ts';
import { createService, type Service } from '../../src/telegram/service.ts';
import { checkTelegramHtml } from './html-check.ts';
import { BOT_USER, type ApiCall, type StandIn } from './stand-in.ts';
import { textMessage } from './updates.ts';

export const TOKEN = '424242:delivery-test-token';

/** Short timings: a 1 s request timeout, backoff 100 ms doubling to 500 ms, 1 s long polls. */
export const TEST_DELIVERY: DeliveryConfig = Object.freeze({
  requestTimeoutMs: 1_000,
  backoffMs: 100,
  backoffCapMs: 500,
  giveUpMs: 24 * 3_600_000,
  pollTimeoutSeconds: 1,
});

export interface RunningBot {
  readonly service: Service;
  readonly polling: Polling;
  /** Stop as SIGTERM does: confirm what was received, finish or leave replies for the next start. */
  stop(drainMs?: number): Promise<boolean>;
}

export interface StartOptions {
  readonly stateDir?: string | null;
  readonly limits?: OutboxLimits;
  readonly delivery?: Partial<DeliveryConfig>;
  readonly floodLimit?: number;
}

/** Start the bot polling `api`, answering first what a previous run in `stateDir` left. */
export async function startBot(api: StandIn, corpus: Corpus, options: StartOptions = {}): Promise<RunningBot> {
  const service = await createService({
    token: TOKEN,
    apiRoot: api.apiRoot,
    corpus,
    logger: createLogger('silent', [TOKEN]),
    floodLimit: options.floodLimit ?? 0,
    stateDir: options.stateDir ?? null,
    delivery: { ...TEST_DELIVERY, ...options.delivery },
    ...(options.limits ? { limits: options.limits } : {}),
  });
  service.wb.bot.botInfo = { ...BOT_USER } as never;
  service.inbox.resume();
  const polling = service.poll();
  return {
    service,
    polling,
    async stop(drainMs = 2_000) {
      await polling.stop();
      return service.stop(drainMs);
    },
  };
}

export const user = (id: number) => ({ id, is_bot: false, first_name: `U${id}` });

/** The k-th question of a user: alternately a real one and one whose reply echoes a marker, so order shows. */
export function question(userId: number, k: number): { text: string; marker: string } {
  return k % 2 === 0 ? { text: 'who said 1,200?', marker: 'Rustem Umerov' } : { text: `/quotes zq${userId}x${k}`, marker: `zq${userId}x${k}` };
}

/** Push `count` questions from `userId` at once; returns the markers their replies must show, in order. */
export function pushQuestions(api: StandIn, userId: number, count: number): string[] {
  const markers: string[] = [];
  for (let k = 0; k < count; k++) {
    const q = question(userId, k);
    api.push(textMessage(q.text, { from: user(userId) }));
    markers.push(q.marker);
  }
  return markers;
}

export const delivered = (chat: number) => (c: ApiCall) => c.method === 'sendMessage' && c.params['chat_id'] === chat && c.outcome === true;
export const attempted = (chat: number) => (c: ApiCall) => c.method === 'sendMessage' && c.params['chat_id'] === chat && c.outcome !== true;

export function visible(c: ApiCall): string {
  const r = checkTelegramHtml(String(c.params['text']));
  return r.ok ? r.text : `INVALID: ${r.error}`;
}

/** Wait until `check` holds, polling every 20 ms; throws after `ms`. */
export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Replies delivered to `chat`, as visible text, in the order the stand-in accepted them. */
export function repliesTo(api: StandIn, chat: number): string[] {
  return api.calls.filter(delivered(chat)).map(visible);
}

/** True when reply i contains marker i, for every i, and there are exactly as many replies. */
export function inOrder(replies: readonly string[], markers: readonly string[]): boolean {
  return replies.length === markers.length && markers.every((m, i) => replies[i]?.includes(m));
}

/** Most messages accepted in any window of `ms` (by the stand-in's clock), overall or for one chat. */
export function peakRate(calls: readonly ApiCall[], ms: number): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  let peak = 0;
  let from = 0;
  for (let to = 0; to < times.length; to++) {
    while (times[to]! - times[from]! >= ms) from++;
    peak = Math.max(peak, to - from + 1);
  }
  return peak;
}

/** A burst's figures from the stand-in's record: replies to private chats, their p50/p95 since `pushedAt`, peak rates. */
export function burstFigures(api: StandIn, users: readonly number[], pushedAt: number) {
  const out = api.calls.filter((c) => c.method === 'sendMessage' && c.outcome === true);
  const latencies = out
    .filter((c) => Number(c.params['chat_id']) > 0)
    .map((c) => c.at - pushedAt)
    .sort((a, b) => a - b);
  return {
    replies: out.length,
    p50Ms: latencies[Math.floor(latencies.length * 0.5)],
    p95Ms: latencies[Math.floor(latencies.length * 0.95)],
    peakPerSecond: peakRate(out, 1_000),
    peakPerChatPerSecond: Math.max(
      ...users.map((u) =>
        peakRate(
          out.filter((c) => c.params['chat_id'] === u),
          1_000,
        ),
      ),
    ),
    violations: api.violations.map((v) => `${v.outcome} ${String(v.params['chat_id'])} at ${v.at - pushedAt}`),
  };
}
