/** The outbox alone, with calls that succeed, fail or hang on cue: order, pacing, retries, drops. */
import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import {
  createOutbox,
  DeliveryDropped,
  OUTBOX_LIMITS,
  OutboxStopped,
  type OutboxEvent,
  type OutboxLimits,
  type OutboxRetry,
  type Pace,
} from '../../src/telegram/outbox.ts';

const FAST: OutboxRetry = { baseMs: 20, capMs: 100, maxAgeMs: 60_000, requestTimeoutMs: 200 };
const LOOSE: OutboxLimits = { ...OUTBOX_LIMITS, globalPerWindow: 1000, privatePerWindow: 1000, groupPerWindow: 1000 };

const tgError = (code: number, retryAfter?: number) =>
  new TelegramError({ error_code: code, description: `error ${code}`, ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) });

/** A call that records when it ran and fails with the given errors first. */
function scripted(log: { lane: string; n: number; at: number }[], lane: string, n: number, errors: unknown[] = []) {
  return async () => {
    const next = errors.shift();
    if (next) throw next;
    log.push({ lane, n, at: Date.now() });
    return n;
  };
}

function job(lane: string, call: (signal: AbortSignal) => Promise<number>, pace: Pace = null) {
  return { method: 'sendMessage', lane, pace, call };
}

describe('createOutbox', () => {
  it('keeps each lane in order while lanes run side by side', async () => {
    const outbox = createOutbox({ limits: LOOSE, retry: FAST });
    const log: { lane: string; n: number; at: number }[] = [];
    const slow = (n: number) => () => new Promise<number>((r) => setTimeout(() => (log.push({ lane: 'slow', n, at: Date.now() }), r(n)), 150));
    const sends = [outbox.send(job('slow', slow(0))), outbox.send(job('slow', slow(1)))];
    for (let n = 0; n < 5; n++) sends.push(outbox.send(job('fast', scripted(log, 'fast', n, n === 2 ? [tgError(502)] : []))));
    await Promise.all(sends);
    expect(log.filter((l) => l.lane === 'slow').map((l) => l.n)).toEqual([0, 1]);
    expect(log.filter((l) => l.lane === 'fast').map((l) => l.n)).toEqual([0, 1, 2, 3, 4]);
    // The fast lane finished before the slow lane's first call: no head-of-line blocking.
    expect(Math.max(...log.filter((l) => l.lane === 'fast').map((l) => l.at))).toBeLessThan(log[log.length - 1]!.at);
    outbox.stop();
  });

  it('paces a private chat to its window and overall sends to the global one', async () => {
    const limits: OutboxLimits = { ...OUTBOX_LIMITS, globalPerWindow: 4, globalWindowMs: 200, privatePerWindow: 2, privateWindowMs: 300 };
    const outbox = createOutbox({ limits, retry: FAST });
    const log: { lane: string; n: number; at: number }[] = [];
    const started = Date.now();
    await Promise.all(Array.from({ length: 4 }, (_, n) => outbox.send(job('chat:1', scripted(log, 'chat:1', n), 'private'))));
    const times = log.map((l) => l.at - started);
    expect(times[2]).toBeGreaterThanOrEqual(290);
    expect(times[3]).toBeLessThan(500);
    const many = Date.now();
    await Promise.all(Array.from({ length: 12 }, (_, n) => outbox.send(job(`chat:${100 + n}`, scripted(log, 'x', n), 'private'))));
    // 12 sends at 4 per 200 ms need at least two more windows.
    expect(Date.now() - many).toBeGreaterThanOrEqual(390);
    outbox.stop();
  });

  it('waits a 429 out in full and backs off on 5xx, resets and timeouts until delivered', async () => {
    const events: OutboxEvent[] = [];
    const outbox = createOutbox({ limits: LOOSE, retry: FAST, onEvent: (e) => events.push(e) });
    const log: { lane: string; n: number; at: number }[] = [];
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const started = Date.now();
    await outbox.send(job('a', scripted(log, 'a', 0, [tgError(429, 1), tgError(502), reset, tgError(500), tgError(503)])));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(events.map((e) => (e.type === 'retry' ? e.reason : e.type))).toEqual(['429', '502', 'network', '500', '503']);
    let calls = 0;
    const hangsOnce = (signal: AbortSignal) =>
      calls++ === 0 ? new Promise<number>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))) : Promise.resolve(7);
    const value = await outbox.send(job('b', hangsOnce));
    expect(value).toBe(7);
    expect(events.at(-1)).toMatchObject({ type: 'retry', reason: 'timeout' });
    expect(outbox.stats()).toMatchObject({ depth: 0, delivered: 2, retries: 6 });
    outbox.stop();
  });

  it('drops permanent refusals once, and what is still failing past its age', async () => {
    const events: OutboxEvent[] = [];
    const outbox = createOutbox({ limits: LOOSE, retry: { ...FAST, maxAgeMs: 300 }, onEvent: (e) => events.push(e) });
    await expect(outbox.send(job('a', async () => Promise.reject(tgError(403))))).rejects.toThrow(DeliveryDropped);
    await expect(outbox.send(job('a', async () => Promise.reject(tgError(502))))).rejects.toMatchObject({ reason: 'expired' });
    expect(events.filter((e) => e.type === 'drop').map((e) => (e.type === 'drop' ? e.cause : ''))).toEqual(['403', 'expired']);
    expect(outbox.stats().drops).toEqual({ '403': 1, expired: 1 });
    outbox.stop();
  });

  it('rejects what is queued when stopped', async () => {
    const outbox = createOutbox({ limits: LOOSE, retry: FAST });
    const failing = outbox.send(job('a', async () => Promise.reject(tgError(502))));
    const queued = outbox.send(job('a', async () => 1));
    setTimeout(() => outbox.stop(), 50);
    await expect(failing).rejects.toThrow(OutboxStopped);
    await expect(queued).rejects.toThrow(OutboxStopped);
  });
});
