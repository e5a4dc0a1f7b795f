import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/answer/answer.ts';
import { openCachedCorpus } from '../../src/node/corpus-cache.ts';
import { openLiveCorpus, type LiveCorpus } from '../../src/node/live-corpus.ts';
import { STORY } from './fixtures.ts';

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the live corpus');
    await new Promise((r) => setTimeout(r, 50));
  }
}

let dir: string;
let live: LiveCorpus | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whosaid-live-'));
  await writeFile(join(dir, 'harbour.md'), STORY('Maria Lindqvist', 'The new pier will hold 340 boats by spring'));
});
afterEach(async () => {
  await live?.close();
  live = null;
  await rm(dir, { recursive: true, force: true });
});

describe('openLiveCorpus', () => {
  it('picks up added, changed and deleted files while answering from the last good corpus', async () => {
    const errors: unknown[] = [];
    live = await openLiveCorpus(dir, { debounceMs: 50, onError: (e) => errors.push(e) });
    const found = (q: string) => ask(live!.current(), q).found;
    expect(found('who said 340 boats')).toBe(true);

    await writeFile(join(dir, 'bridge.md'), STORY('Tomas Berg', 'The bridge reopens after 18 months of repairs'));
    await until(() => found('who said bridge reopens'));

    await writeFile(join(dir, 'harbour.md'), STORY('Maria Lindqvist', 'The new pier will hold 420 boats by summer'));
    await until(() => found('who said 420 boats'));
    expect(found('who said 340 boats')).toBe(false);

    await rm(join(dir, 'bridge.md'));
    await until(() => !found('who said bridge reopens'));
    expect(errors).toEqual([]);
  });

  it('keeps the previous version of a story whose file breaks', async () => {
    let reloads = 0;
    live = await openLiveCorpus(dir, { debounceMs: 50, onReload: () => reloads++ });
    await writeFile(join(dir, 'harbour.md'), Buffer.from([0, 0, 0, 7]));
    await until(() => reloads > 0);
    expect(ask(live.current(), 'who said 340 boats').found).toBe(true);
    expect(live.warnings()[0]?.reason).toMatch(/keeping the previous version/);
  });

  it('recovers when the folder is removed and made again', async () => {
    live = await openLiveCorpus(dir, { debounceMs: 50, recheckMs: 100, onError: () => undefined });
    const found = (q: string) => ask(live!.current(), q).found;
    await rm(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(found('who said 340 boats')).toBe(true);
    await mkdir(dir);
    await writeFile(join(dir, 'bridge.md'), STORY('Tomas Berg', 'The bridge reopens after 18 months of repairs'));
    await until(() => found('who said bridge reopens'));
    await writeFile(join(dir, 'ferry.md'), STORY('Ines Moreau', 'The ferry will run every 20 minutes'));
    await until(() => found('who said ferry every 20 minutes'));
  });

  it('reloads on demand without watching', async () => {
    live = await openLiveCorpus(dir, { watch: false });
    await writeFile(join(dir, 'bridge.md'), STORY('Tomas Berg', 'The bridge reopens after 18 months of repairs'));
    expect(ask(live.current(), 'who said bridge reopens').found).toBe(false);
    await live.reload();
    expect(ask(live.current(), 'who said bridge reopens').found).toBe(true);
  });

  it('reloads only the paths it is given (as the watcher reports them), and every file without', async () => {
    live = await openLiveCorpus(dir, { watch: false });
    await writeFile(join(dir, 'bridge.md'), STORY('Tomas Berg', 'The bridge reopens after 18 months of repairs'));
    await writeFile(join(dir, 'ferry.md'), STORY('Ines Moreau', 'The ferry will run every 20 minutes'));
    await live.reload(['bridge.md', 'notes/.hidden.md', 'README.md']);
    expect(ask(live.current(), 'who said bridge reopens').found).toBe(true);
    expect(ask(live.current(), 'who said ferry every 20 minutes').found).toBe(false);
    await rm(join(dir, 'bridge.md'));
    await live.reload(['bridge.md']);
    expect(ask(live.current(), 'who said bridge reopens').found).toBe(false);
    await live.reload();
    expect(ask(live.current(), 'who said ferry every 20 minutes').found).toBe(true);
  });

  it('keeps each reload in the saved index as it happens (no save needed on close)', async () => {
    live = await openLiveCorpus(dir, { watch: false });
    await writeFile(join(dir, 'bridge.md'), STORY('Tomas Berg', 'The bridge reopens after 18 months of repairs'));
    await live.reload(['bridge.md']);
    // Another process opening the folder now (the live one still running) finds the change saved.
    const other = await openCachedCorpus(dir);
    expect(other.extracted).toBe(0);
    expect(ask(other.corpus, 'who said bridge reopens').found).toBe(true);
  });

  it('saves the changed entries on close, so the next start extracts nothing again', async () => {
    live = await openLiveCorpus(dir, { watch: false });
    await writeFile(join(dir, 'bridge.md'), STORY('Tomas Berg', 'The bridge reopens after 18 months of repairs'));
    await live.reload();
    await live.close();
    live = null;
    const next = await openCachedCorpus(dir);
    expect(next.extracted).toBe(0);
    expect(ask(next.corpus, 'who said bridge reopens').found).toBe(true);
  });
});
