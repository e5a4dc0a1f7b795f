/** The update journal on disk: what a restart finds after a crash, a torn line, old updates, compaction. */
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_FILE, openJournal } from '../../src/telegram/journal.ts';
import { textMessage } from './updates.ts';

const DAY = 86_400_000;
const update = (id: number) => ({ update_id: id, ...textMessage(`question ${id}`) }) as Update;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whosaid-journal-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('openJournal', () => {
  it('leaves unfinished updates, with their delivered calls, for the next start', async () => {
    const first = await openJournal(dir, { maxAgeMs: DAY });
    expect(await first.accept([update(1), update(2), update(3)])).toHaveLength(3);
    first.markDelivered(2, 0);
    first.markDone(1);
    expect(first.pending).toBe(2);
    await first.close();
    const second = await openJournal(dir, { maxAgeMs: DAY });
    expect(second.leftOver.map((p) => [p.update.update_id, [...p.delivered]])).toEqual([
      [2, [0]],
      [3, []],
    ]);
    // An update Telegram sends again (done or still pending) is not taken twice.
    expect((await second.accept([update(1), update(2), update(4)])).map((u) => u.update_id)).toEqual([4]);
    await second.close();
  });

  it('takes a repeat arriving while the first copy is still being written only once', async () => {
    const journal = await openJournal(dir, { maxAgeMs: DAY });
    const [a, b] = await Promise.all([journal.accept([update(7)]), journal.accept([update(7)])]);
    expect([a.length, b.length]).toEqual([1, 0]);
    await journal.close();
  });

  it('skips a line torn by a crash and drops updates older than maxAgeMs', async () => {
    let clock = 1_000_000;
    const first = await openJournal(dir, { maxAgeMs: DAY, now: () => clock });
    await first.accept([update(1)]);
    clock += 2 * DAY;
    await first.accept([update(2)]);
    await first.close();
    await appendFile(join(dir, JOURNAL_FILE), '{"r":{"update_id":3,"mess');
    const second = await openJournal(dir, { maxAgeMs: DAY, now: () => clock });
    expect(second.leftOver.map((p) => p.update.update_id)).toEqual([2]);
    expect(second.expired).toBe(1);
    await second.close();
  });

  it('compacts the file down to what is unfinished', async () => {
    const journal = await openJournal(dir, { maxAgeMs: DAY, compactEvery: 10 });
    await journal.accept(Array.from({ length: 30 }, (_, i) => update(i + 1)));
    for (let i = 1; i <= 29; i++) journal.markDone(i);
    await journal.close();
    const lines = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).trim().split('\n');
    expect(lines.filter((l) => l.startsWith('{"r"'))).toHaveLength(1);
    const again = await openJournal(dir, { maxAgeMs: DAY });
    expect(again.leftOver.map((p) => p.update.update_id)).toEqual([30]);
    await again.close();
  });
});
