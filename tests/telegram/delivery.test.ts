/**
 * Delivery under Telegram's real conditions, against the stand-in over real HTTP: 429 storms,
 * 5xx and resets for longer than the old retry window, a hung request, network cuts while polling
 * and while replies are in flight, a restart with replies pending, and a burst within the limits.
 * Durations are shortened (a 2.5 s cut instead of 25 s; `npm run test:long` runs the real ones).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeAction, tagOf } from '../../src/telegram/callbacks.ts';
import { createWebhookServer } from '../../src/telegram/webhook.ts';
import { seedCorpus } from '../helpers.ts';
import { attempted, burstFigures, delivered, inOrder, pushQuestions, repliesTo, startBot, TOKEN, until, user, type RunningBot } from './delivery-harness.ts';
import { startStandIn, TELEGRAM_LIMITS, type StandIn } from './stand-in.ts';
import { callbackQuery, inlineQuery, privateChat, textMessage } from './updates.ts';

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
    for (const u of users) expect(inOrder(repliesTo(api, u), markers.get(u)!)).toBe(true);
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

describe('restart', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'whosaid-journal-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('answers after a restart what was pending, once, skipping replies already delivered', async () => {
    bot = await startBot(api, corpus, { stateDir: dir });
    // A button press whose reply is delivered but whose callback answer keeps failing.
    api.failFor('answerCallbackQuery', { status: 502, description: 'Bad Gateway' }, 60_000);
    const q = corpus.quotations[0]!;
    api.push(callbackQuery(encodeAction({ kind: 'context', quotation: 0, tag: tagOf(q.id) }), privateChat(user(9801)) as never, user(9801) as never));
    await api.waitFor(delivered(9801), 5_000);
    await api.waitFor((c) => c.method === 'answerCallbackQuery' && c.outcome !== true, 5_000);
    // Two questions whose replies keep failing.
    api.failFor('sendMessage', { status: 502, description: 'Bad Gateway' }, 60_000);
    pushQuestions(api, 9802, 1);
    pushQuestions(api, 9803, 1);
    await api.waitFor(attempted(9802), 5_000);
    await api.waitFor(attempted(9803), 5_000);
    await until(() => api.unconfirmed === 0, 5_000, 'Telegram to have the updates confirmed');
    expect(await bot.stop(0)).toBe(false);
    expect(bot.service.journal?.pending).toBe(3);

    api.failFor('sendMessage', { status: 502, description: 'x' }, 0);
    api.failFor('answerCallbackQuery', { status: 502, description: 'x' }, 0);
    bot = await startBot(api, corpus, { stateDir: dir });
    await api.waitFor(delivered(9802), 5_000);
    await api.waitFor(delivered(9803), 5_000);
    await api.waitFor((c) => c.method === 'answerCallbackQuery' && c.outcome === true, 5_000);
    await new Promise((r) => setTimeout(r, 300));
    expect([9801, 9802, 9803].map((u) => repliesTo(api, u).length)).toEqual([1, 1, 1]);
    await until(() => bot!.service.journal?.pending === 0, 2_000, 'the journal to empty');
  });
});

describe('burst', () => {
  it('answers 200 questions from 40 users within Telegram limits, each chat in order', async () => {
    bot = await startBot(api, corpus);
    api.limits = TELEGRAM_LIMITS;
    const users = Array.from({ length: 40 }, (_, i) => 10_000 + i);
    const pushedAt = Date.now();
    const markers = new Map(users.map((u) => [u, pushQuestions(api, u, 5)]));
    await until(() => users.every((u) => repliesTo(api, u).length === 5), 30_000, 'every reply');
    const figures = burstFigures(api, users, pushedAt);
    if (process.env['WHOSAID_FIGURES']) process.stdout.write(`burst ${JSON.stringify(figures)}\n`);
    expect(figures.replies).toBe(200);
    for (const u of users) expect(inOrder(repliesTo(api, u), markers.get(u)!)).toBe(true);
    expect(figures.violations).toEqual([]);
    expect(figures.peakPerSecond).toBeLessThanOrEqual(30);
    expect(figures.peakPerChatPerSecond).toBeLessThanOrEqual(3);
  });
});

describe('webhook', () => {
  it('acknowledges only once the update is queued, and answers 500 when it cannot be', async () => {
    let fail = false;
    const queued: number[] = [];
    const server = createWebhookServer({
      path: '/hook',
      secret: 's3cret',
      onUpdate: async (u) => {
        await new Promise((r) => setTimeout(r, 100));
        if (fail) throw new Error('disk full');
        queued.push(u.update_id);
      },
    });
    server.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    const post = (id: number) =>
      fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': 's3cret' }, body: JSON.stringify({ update_id: id, ...textMessage('hi') }) });
    const ok = await post(1);
    expect(ok.status).toBe(200);
    expect(queued).toEqual([1]);
    fail = true;
    expect((await post(2)).status).toBe(500);
    expect(queued).toEqual([1]);
    await new Promise((r) => server.close(r));
  });
});
