/**
 * Delivery under Telegram's real conditions, against the stand-in over real HTTP: 429 storms,
 * 5xx and resets for longer than the old retry window, a hung request, network cuts while polling
 * and while replies are in flight, a permanent refusal. (Restart and burst: delivery-restart.test.ts.)
 * Durations are shortened (a 2.5 s cut instead of 25 s; `npm run test:long` runs the real ones).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedCorpus } from '../helpers.ts';
import { attempted, delivered, inOrder, pushQuestions, repliesTo, startBot, TOKEN, until, user, type RunningBot } from './delivery-harness.ts';
import { startStandIn, type StandIn } from './stand-in.ts';
import { inlineQuery } from './updates.ts';

const corpus = seedCorpus();
let api: StandIn;
let bot: RunningBot | null = null;

beforeEach(async () => {
  api = await startStandIn(TOKEN);
});
afterEach(async () => {
  await bot?.stop(0);
  bot = null;
  await api.close();
});

describe('faults', () => {
  it('survives a 429 storm on every method, polling included: each question answered once, in order', async () => {
    bot = await startBot(api, corpus);
    api.fail('*', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 }, 20);
    api.fail('getUpdates', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 }, 2);
    const users = [9101, 9102, 9103, 9104, 9105];
    const markers = new Map(users.map((u) => [u, pushQuestions(api, u, 4)]));
    const inline = inlineQuery('1,200', user(9106) as never);
    api.push(inline);
    await until(() => users.every((u) => repliesTo(api, u).length === 4), 20_000, 'every reply');
    for (const u of users) expect(inOrder(repliesTo(api, u), markers.get(u) ?? [])).toBe(true);
    await api.waitFor((c) => c.method === 'answerInlineQuery' && c.outcome === true, 5_000);
    expect(api.calls.filter((c) => c.outcome.toString().startsWith('Too Many')).length).toBe(22);
  });

  it('delivers through 5xx lasting longer than the old 3.5 s retry window', async () => {
    bot = await startBot(api, corpus);
    api.failFor('sendMessage', { status: 502, description: 'Bad Gateway' }, 4_500);
    const started = Date.now();
    pushQuestions(api, 9201, 2);
    await until(() => repliesTo(api, 9201).length === 2, 15_000, 'both replies');
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
    expect(api.calls.filter(attempted(9201)).length).toBeGreaterThan(5);
  });

  it('delivers through connection resets on every call, polling included, for 4 s', async () => {
    bot = await startBot(api, corpus);
    api.resetFor('*', 4_000);
    api.resetFor('getUpdates', 4_000);
    const markers = pushQuestions(api, 9301, 3);
    await until(() => repliesTo(api, 9301).length === 3, 15_000, 'three replies');
    expect(inOrder(repliesTo(api, 9301), markers)).toBe(true);
    expect(api.calls.some((c) => c.outcome === 'reset')).toBe(true);
  });

  it('abandons a hung request after its timeout and retries it, without holding up other chats', async () => {
    bot = await startBot(api, corpus);
    api.hang('sendMessage', 1);
    const started = Date.now();
    pushQuestions(api, 9401, 1);
    await api.waitFor((c) => c.outcome === 'hung', 5_000);
    pushQuestions(api, 9402, 1);
    const other = await api.waitFor(delivered(9402), 5_000);
    const first = await api.waitFor(delivered(9401), 5_000);
    expect(other.at).toBeLessThan(first.at);
    expect(first.at - started).toBeGreaterThanOrEqual(1_000);
    expect(api.calls.filter(delivered(9401))).toHaveLength(1);
  });

  it('recovers from a network cut while polling: the question asked during the cut is answered', async () => {
    bot = await startBot(api, corpus);
    await new Promise((r) => setTimeout(r, 200));
    api.cut(2_500);
    const cutAt = Date.now();
    pushQuestions(api, 9501, 1);
    const reply = await api.waitFor(delivered(9501), 10_000);
    expect(reply.at - cutAt).toBeGreaterThanOrEqual(2_500);
  });

  it('recovers from a network cut while replies are in flight: each delivered once', async () => {
    bot = await startBot(api, corpus);
    api.delay('sendMessage', 600);
    const markers = pushQuestions(api, 9601, 2);
    await until(() => api.calls.length > 0, 2_000, 'the question to be taken');
    await new Promise((r) => setTimeout(r, 300));
    api.cut(2_500);
    await until(() => repliesTo(api, 9601).length === 2, 15_000, 'both replies');
    expect(inOrder(repliesTo(api, 9601), markers)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(repliesTo(api, 9601)).toHaveLength(2);
  });

  it('drops a reply Telegram refuses for good (403) once, and goes on with the next', async () => {
    bot = await startBot(api, corpus);
    api.fail('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' }, 1);
    pushQuestions(api, 9701, 2);
    await until(() => repliesTo(api, 9701).length === 1, 5_000, 'the second reply');
    expect(api.calls.filter((c) => c.outcome.toString().startsWith('Forbidden'))).toHaveLength(1);
    expect(bot.service.wb.outbox.stats().drops).toEqual({ '403': 1 });
  });
});
