import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/answer.ts';
import { CACHE_FOLDER, openCachedCorpus } from '../../src/node/corpus-cache.ts';
import { seedFile } from '../helpers.ts';
import { STORY } from './fixtures.ts';
import { codeFingerprint } from '../../src/node/fingerprint.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whosaid-cache-'));
  await writeFile(join(dir, 'seed.txt'), seedFile().content);
  await writeFile(join(dir, 'harbour.md'), STORY('Maria Lindqvist', 'The new pier will hold 340 boats by spring'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openCachedCorpus', () => {
  it('keeps entries per extraction code, so an upgrade re-extracts instead of serving stale speakers', async () => {
    await openCachedCorpus(dir);
    await writeFile(join(dir, CACHE_FOLDER, 'entries-000000000000.bin'), '');
    await writeFile(join(dir, 'later.md'), 'A late story. "We will not stop now," said Ada Byron.\n');
    await openCachedCorpus(dir);
    const files = (await readdir(join(dir, CACHE_FOLDER))).filter((f) => f.startsWith('entries'));
    expect(files).toEqual([`entries-${codeFingerprint()}.bin`]);
  });

  it('saves the index next to the corpus and loads it back without extracting', async () => {
    const first = await openCachedCorpus(dir);
    expect(first.extracted).toBe(2);
    expect(first.fromSavedIndex).toBe(false);
    expect((await readdir(join(dir, CACHE_FOLDER))).sort()).toEqual([
      `entries-${codeFingerprint()}.bin`,
      'passages-names.idx',
      'passages.idx',
      'quotes-names.idx',
      'quotes.idx',
    ]);
    const second = await openCachedCorpus(dir);
    expect(second.extracted).toBe(0);
    expect(second.fromSavedIndex).toBe(true);
    expect(second.corpus.quotations).toEqual(first.corpus.quotations);
    expect(ask(second.corpus, 'who said 340 boats')).toEqual(ask(first.corpus, 'who said 340 boats'));
  });

  it('re-extracts only the changed file', async () => {
    await openCachedCorpus(dir);
    await writeFile(join(dir, 'harbour.md'), STORY('Maria Lindqvist', 'The new pier will hold 420 boats by summer'));
    const next = await openCachedCorpus(dir);
    expect(next.extracted).toBe(1);
    expect(ask(next.corpus, 'who said 420 boats').answers[0]?.speakers[0]?.name).toBe('Maria Lindqvist');
    expect(ask(next.corpus, 'who said 340 boats').found).toBe(false);
  });

  it('reuses an entry when only the mtime changed', async () => {
    await openCachedCorpus(dir);
    await utimes(join(dir, 'harbour.md'), new Date(), new Date(Date.now() + 5000));
    expect((await openCachedCorpus(dir)).extracted).toBe(0);
  });

  it('keeps the previous good version of a story whose file breaks', async () => {
    await openCachedCorpus(dir);
    await writeFile(join(dir, 'harbour.md'), Buffer.from([0, 1, 2, 0, 255, 0]));
    const next = await openCachedCorpus(dir);
    expect(next.warnings.map((w) => w.path)).toEqual(['harbour.md']);
    expect(next.warnings[0]?.reason).toMatch(/keeping the previous version/);
    expect(ask(next.corpus, 'who said 340 boats').found).toBe(true);
  });

  it('drops a deleted story and warns about a new broken one', async () => {
    await openCachedCorpus(dir);
    await rm(join(dir, 'harbour.md'));
    await writeFile(join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\n');
    const next = await openCachedCorpus(dir);
    expect(next.corpus.articles.has('harbour')).toBe(false);
    expect(next.warnings.map((w) => w.path)).toEqual(['broken.md']);
  });

  it('rebuilds when the saved index is damaged', async () => {
    await openCachedCorpus(dir);
    await writeFile(join(dir, CACHE_FOLDER, 'quotes.idx'), 'garbage');
    await writeFile(join(dir, CACHE_FOLDER, `entries-${codeFingerprint()}.bin`), '{not an entries file\n');
    const next = await openCachedCorpus(dir);
    expect(next.fromSavedIndex).toBe(false);
    expect(ask(next.corpus, 'who said 340 boats').found).toBe(true);
  });

  it('uses a cache folder from options and throws when no story loads', async () => {
    const cacheDir = join(dir, 'elsewhere-cache');
    await openCachedCorpus(dir, { cacheDir });
    expect(await readdir(cacheDir)).toContain('quotes.idx');
    const empty = await mkdtemp(join(tmpdir(), 'whosaid-empty-'));
    await expect(openCachedCorpus(empty)).rejects.toThrow(/No story loaded/);
    await rm(empty, { recursive: true, force: true });
  });
});
