/**
 * Soak: steady traffic (20 questions a second from 300 users) for WHOSAID_SOAK_MS (default 10
 * minutes) with a fault every 30 s (5xx, a 429 storm, resets, a hung call, a network cut), against
 * the stand-in enforcing Telegram's limits. Every question is answered once, each chat in order;
 * prints memory at warm-up and at the end (bot and stand-in share this process).
 */
import { describe, expect, it } from 'vitest';
import { seedCorpus } from '../../helpers.ts';
import { inOrder, question, repliesTo, startBot, TOKEN, until, user } from '../delivery-harness.ts';
import { textMessage } from '../updates.ts';
import { startStandIn, TELEGRAM_LIMITS, type StandIn } from '../stand-in.ts';

const SOAK_MS = Number(process.env['WHOSAID_SOAK_MS'] ?? 600_000);
const USERS = 300;
const mb = (n: number) => Math.round(n / 2 ** 20);

const FAULTS: ((api: StandIn) => string)[] = [
  (api) => (api.failFor('sendMessage', { status: 502, description: 'Bad Gateway' }, 3_000), '502 for 3 s'),
  (api) => (api.fail('*', { status: 429, description: 'Too Many Requests: retry after 2', retryAfter: 2 }, 15), '429 storm'),
  (api) => (api.resetFor('*', 2_000), 'resets for 2 s'),
  (api) => (api.hang('sendMessage', 1), 'a hung call'),
  (api) => (api.cut(2_000), 'a 2 s network cut'),
];

describe('soak', () => {
  it(`keeps answering for ${SOAK_MS / 1000} s of traffic and faults, memory flat`, async () => {
    const api = await startStandIn(TOKEN);
    api.limits = TELEGRAM_LIMITS;
    const bot = await startBot(api, seedCorpus());
    const markers = new Map<number, string[]>();
    const counts = new Map<number, number>();
    const started = Date.now();
    let warm: NodeJS.MemoryUsage | null = null;
    let tick = 0;
    const faults: string[] = [];
    while (Date.now() - started < SOAK_MS) {
      for (let i = 0; i < 2; i++) {
        const u = 40_000 + Math.floor(Math.random() * USERS);
        const k = counts.get(u) ?? 0;
        counts.set(u, k + 1);
        const q = question(u, k);
        api.push(textMessage(q.text, { from: user(u) as never }));
        markers.set(u, [...(markers.get(u) ?? []), q.marker]);
      }
      if (++tick % 300 === 0) faults.push(FAULTS[(tick / 300) % FAULTS.length]!(api));
      if (!warm && Date.now() - started > 30_000) warm = process.memoryUsage();
      await new Promise((r) => setTimeout(r, 100));
    }
    await until(() => [...counts].every(([u, n]) => repliesTo(api, u).length === n), 180_000, 'every reply');
    const end = process.memoryUsage();
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(
      `soak ${JSON.stringify({ seconds: SOAK_MS / 1000, questions: total, faults, violations: api.violations.length, outbox: bot.service.wb.outbox.stats(), rssMb: [mb(warm?.rss ?? 0), mb(end.rss)], heapMb: [mb(warm?.heapUsed ?? 0), mb(end.heapUsed)] })}\n`,
    );
    for (const [u, n] of counts) expect(repliesTo(api, u)).toHaveLength(n);
    for (const [u, m] of markers) expect(inOrder(repliesTo(api, u), m)).toBe(true);
    expect(api.violations).toHaveLength(0);
    await bot.stop(0);
    await api.close();
  });
});
