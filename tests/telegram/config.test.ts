/** The delivery, access and state settings of `readConfig` (the one place reading the environment). */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';

describe('readConfig', () => {
  it('has no allow-list, no admins and production delivery timings by default', () => {
    const config = readConfig({ CORPUS_DIR: '/tmp/stories' });
    expect(config.allowedChatIds).toBeNull();
    expect([...config.adminIds]).toEqual([]);
    expect(config.stateDir).toBe(resolve('/tmp/stories/.whosaid-cache/state'));
    expect(config.delivery).toEqual({ requestTimeoutMs: 15_000, backoffMs: 500, backoffCapMs: 60_000, giveUpMs: 86_400_000, pollTimeoutSeconds: 30 });
  });

  it('reads chat and user ids (groups are negative), the state folder and shorter timings', () => {
    const config = readConfig({
      ALLOWED_CHAT_IDS: '42, -1001234567890 77',
      BOT_ADMIN_IDS: '42',
      CACHE_DIR: '/tmp/cache',
      RETRY_BACKOFF_MS: '100',
      RETRY_GIVE_UP_HOURS: '2',
      POLL_TIMEOUT_S: '1',
    });
    expect([...(config.allowedChatIds ?? [])]).toEqual([42, -1001234567890, 77]);
    expect([...config.adminIds]).toEqual([42]);
    expect(config.stateDir).toBe(resolve('/tmp/cache/state'));
    expect(config.delivery).toMatchObject({ backoffMs: 100, giveUpMs: 7_200_000, pollTimeoutSeconds: 1 });
    expect(readConfig({ STATE_DIR: '/var/lib/whosaid' }).stateDir).toBe('/var/lib/whosaid');
  });

  it('says what it expected when an id is not a number', () => {
    expect(() => readConfig({ ALLOWED_CHAT_IDS: '42,@newsroom' })).toThrow(
      'ALLOWED_CHAT_IDS must be a comma-separated list of numeric chat or user ids, got "@newsroom"',
    );
  });
});
