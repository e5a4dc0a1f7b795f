/**
 * The real thing, with production timings: a 25-second network cut while polling, and another
 * while replies are in flight. Every question is answered once, in order.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTBOX_RETRY } from '../../../src/telegram/outbox.ts';
import { seedCorpus } from '../../helpers.ts';
import { inOrder, pushQuestions, repliesTo, startBot, until, type RunningBot } from '../delivery-harness.ts';
import { startStandIn, TELEGRAM_LIMITS, type StandIn } from '../stand-in.ts';
import { TOKEN } from '../delivery-harness.ts';

const PRODUCTION = {
  requestTimeoutMs: OUTBOX_RETRY.requestTimeoutMs,
  backoffMs: OUTBOX_RETRY.baseMs,
  backoffCapMs: OUTBOX_RETRY.capMs,
  pollTimeoutSeconds: 30,
};
const CUT_MS = 25_000;
const corpus = seedCorpus();
let api: StandIn;
let bot: RunningBot | null = null;

beforeEach(async () => {
  api = await startStandIn(TOKEN);
  api.limits = TELEGRAM_LIMITS;
});
afterEach(async () => {
  await bot?.stop(0);
  bot = null;
  await api.close();
});

describe('a 25-second network cut', () => {
  it('while polling: questions asked during the cut are answered after it', async () => {
    bot = await startBot(api, corpus, { delivery: PRODUCTION });
    await new Promise((r) => setTimeout(r, 500));
    api.cut(CUT_MS);
    const cutAt = Date.now();
    const markers = pushQuestions(api, 20_001, 3);
    await until(() => repliesTo(api, 20_001).length === 3, CUT_MS + 90_000, 'three replies');
    expect(inOrder(repliesTo(api, 20_001), markers)).toBe(true);
    process.stdout.write(`cut while polling: answered ${((Date.now() - cutAt) / 1000).toFixed(1)} s after the cut began\n`);
  });

  it('while replies are in flight: each delivered once, in order', async () => {
    bot = await startBot(api, corpus, { delivery: PRODUCTION });
    api.delay('sendMessage', 1_000);
    const users = [20_101, 20_102, 20_103, 20_104];
    const markers = new Map(users.map((u) => [u, pushQuestions(api, u, 4)]));
    await until(() => api.calls.some((c) => c.method === 'sendMessage'), 10_000, 'the first reply');
    api.cut(CUT_MS);
    const cutAt = Date.now();
    await until(() => users.every((u) => repliesTo(api, u).length === 4), CUT_MS + 120_000, 'every reply');
    for (const u of users) expect(inOrder(repliesTo(api, u), markers.get(u) ?? [])).toBe(true);
    await new Promise((r) => setTimeout(r, 2_000));
    for (const u of users) expect(repliesTo(api, u)).toHaveLength(4);
    process.stdout.write(`cut with replies in flight: all delivered ${((Date.now() - cutAt) / 1000).toFixed(1)} s after the cut began\n`);
  });
});
