/**
 * Delivery across a restart with replies pending, a burst within Telegram's limits, and the
 * webhook acknowledging only once an update is queued; against the stand-in over real HTTP.
 * (Faults: delivery.test.ts; the 1,000-question burst: `npm run test:long`.)
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
import { callbackQuery, privateChat, textMessage } from './updates.ts';

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
    for (const u of users) expect(inOrder(repliesTo(api, u), markers.get(u) ?? [])).toBe(true);
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
      fetch(`http://127.0.0.1:${port}/hook`, {
        method: 'POST',
        headers: { 'x-telegram-bot-api-secret-token': 's3cret' },
        body: JSON.stringify({ update_id: id, ...textMessage('hi') }),
      });
    const ok = await post(1);
    expect(ok.status).toBe(200);
    expect(queued).toEqual([1]);
    fail = true;
    expect((await post(2)).status).toBe(500);
    expect(queued).toEqual([1]);
    await new Promise((r) => server.close(r));
  });
});
