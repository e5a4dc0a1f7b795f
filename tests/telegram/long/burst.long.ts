/**
 * A 1,000-question burst from 200 users (5 each, private chats) plus 25 questions in one group,
 * against the stand-in enforcing Telegram's limits: every question answered once, each chat in
 * order, no limit broken; prints p50/p95 from question to delivered reply and the peak rates.
 */
import { describe, expect, it } from 'vitest';
import { seedCorpus } from '../../helpers.ts';
import { burstFigures, inOrder, peakRate, pushQuestions, repliesTo, startBot, TOKEN, until, user } from '../delivery-harness.ts';
import { startStandIn, TELEGRAM_LIMITS } from '../stand-in.ts';
import { textMessage } from '../updates.ts';

const GROUP = { id: -100_777, type: 'supergroup' as const, title: 'Burst' };

describe('burst', () => {
  it('1,000 questions from 200 users and 25 in a group', async () => {
    const api = await startStandIn(TOKEN);
    api.limits = TELEGRAM_LIMITS;
    const bot = await startBot(api, seedCorpus());
    const before = process.memoryUsage().rss;
    const users = Array.from({ length: 200 }, (_, i) => 30_000 + i);
    const pushedAt = Date.now();
    const markers = new Map(users.map((u) => [u, pushQuestions(api, u, 5)]));
    for (let k = 0; k < 25; k++) api.push(textMessage(`/quotes@whosaid_test_bot zgx${k}`, { chat: GROUP, from: user(31_000 + k) as never }));
    await until(() => users.every((u) => repliesTo(api, u).length === 5) && repliesTo(api, GROUP.id).length === 25, 180_000, 'every reply');
    const out = api.calls.filter((c) => c.method === 'sendMessage' && c.outcome === true && c.params['chat_id'] === GROUP.id);
    const figures = {
      ...burstFigures(api, users, pushedAt),
      groupPeakPerMinute: peakRate(out, 60_000),
      groupLastMs: Math.max(...out.map((c) => c.at)) - pushedAt,
      rssMb: [Math.round(before / 2 ** 20), Math.round(process.memoryUsage().rss / 2 ** 20)],
    };
    process.stdout.write(`burst ${JSON.stringify(figures)}\n`);
    expect(figures.replies).toBe(1025);
    for (const u of users) expect(inOrder(repliesTo(api, u), markers.get(u) ?? [])).toBe(true);
    expect(
      inOrder(
        repliesTo(api, GROUP.id),
        Array.from({ length: 25 }, (_, k) => `zgx${k}`),
      ),
    ).toBe(true);
    expect(figures.violations).toEqual([]);
    expect(figures.peakPerSecond).toBeLessThanOrEqual(30);
    expect(figures.groupPeakPerMinute).toBeLessThanOrEqual(20);
    await bot.stop(0);
    await api.close();
  });
});
