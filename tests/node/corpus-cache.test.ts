import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/answer/answer.ts';
import { CACHE_FOLDER, cacheDirFor, openCachedCorpus, refreshEntries, userCacheDirFor } from '../../src/node/corpus-cache.ts';
import { sortInSlices } from '../../src/node/folder-scan.ts';
import type { ExtractProgress } from '../../src/node/progress.ts';
import { seedFile } from '../helpers.ts';
import { STORY } from './fixtures.ts';
import { extractionFingerprint } from '../../src/node/fingerprint.ts';

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
    expect(files.sort()).toEqual([`entries-${extractionFingerprint()}.bin`, `entries-${extractionFingerprint()}.log`]);
  });

  it('appends a change to the journal instead of rewriting the entries, and opens from both', async () => {
    await openCachedCorpus(dir);
    const bin = join(dir, CACHE_FOLDER, `entries-${extractionFingerprint()}.bin`);
    const written = (await stat(bin)).mtimeMs;
    await writeFile(join(dir, 'later.md'), 'A late story. "We will not stop now," said Ada Byron.\n');
    await rm(join(dir, 'harbour.md'));
    const changed = await openCachedCorpus(dir);
    expect(changed.extracted).toBe(1);
    expect((await stat(bin)).mtimeMs).toBe(written);
    const again = await openCachedCorpus(dir);
    expect(again.extracted).toBe(0);
    expect(again.fromSavedIndex).toBe(true);
    expect(again.entries.map((e) => e.path)).toEqual(changed.entries.map((e) => e.path));
    expect(ask(again.corpus, 'who said we will not stop now').found).toBe(true);
    expect(ask(again.corpus, 'who said 340 boats').found).toBe(false);
    expect([...again.corpus.articles.keys()].sort()).toEqual([...changed.corpus.articles.keys()].sort());
    expect(again.corpus.quotations.length).toBe(changed.corpus.quotations.length);
  });

  it('ignores a torn last journal record and finds that change again in the folder', async () => {
    await openCachedCorpus(dir);
    await writeFile(join(dir, 'later.md'), 'A late story. "We will not stop now," said Ada Byron.\n');
    await openCachedCorpus(dir);
    const log = join(dir, CACHE_FOLDER, `entries-${extractionFingerprint()}.log`);
    const bytes = await readFile(log);
    await writeFile(log, bytes.subarray(0, bytes.length - 5));
    const next = await openCachedCorpus(dir);
    expect(next.extracted).toBe(1);
    expect(ask(next.corpus, 'who said we will not stop now').found).toBe(true);
  });

  it('saves the index next to the corpus and loads it back without extracting', async () => {
    const first = await openCachedCorpus(dir);
    expect(first.extracted).toBe(2);
    expect(first.fromSavedIndex).toBe(false);
    expect((await readdir(join(dir, CACHE_FOLDER))).sort()).toEqual([
      `entries-${extractionFingerprint()}.bin`,
      'passages-names.idx',
      'passages-speakers.idx',
      'passages.idx',
      'quotes-names.idx',
      'quotes-speakers.idx',
      'quotes.idx',
    ]);
    const second = await openCachedCorpus(dir);
    expect(second.extracted).toBe(0);
    expect(second.fromSavedIndex).toBe(true);
    // Saved quotations read their fields from the index's rows: the same values, and the same JSON.
    expect(JSON.stringify(second.corpus.quotations)).toBe(JSON.stringify(first.corpus.quotations));
    expect(second.corpus.quotations.map((q) => [q.id, q.quote, q.span, q.speakers, q.said])).toEqual(
      first.corpus.quotations.map((q) => [q.id, q.quote, q.span, q.speakers, q.said]),
    );
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
    await writeFile(join(dir, CACHE_FOLDER, `entries-${extractionFingerprint()}.bin`), '{not an entries file\n');
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

describe('refreshEntries', () => {
  it('extracts through a worker pool exactly what it extracts in-process, in path order, with progress', async () => {
    for (let i = 0; i < 5; i++) await writeFile(join(dir, `story-${i}.md`), STORY(`Ada Byron ${i}`, `We counted ${i + 10} boats`));
    const here = await refreshEntries(dir, [], { threads: 1 });
    const seen: ExtractProgress[] = [];
    const pooled = await refreshEntries(dir, [], { threads: 2, poolMinFiles: 1, onProgress: (p) => seen.push(p) });
    expect(pooled.threads).toBe(2);
    expect(pooled.entries).toEqual(here.entries);
    expect(pooled.entries.map((e) => e.path)).toEqual(['harbour.md', 'seed.txt', ...[0, 1, 2, 3, 4].map((i) => `story-${i}.md`)]);
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(seen.at(-1)).toMatchObject({ done: 7, total: 7, threads: 2 });
  }, 120_000);
});

describe('cacheDirFor', () => {
  it('keeps the index beside a writable corpus, in the user cache folder otherwise', async () => {
    expect(await cacheDirFor(dir, '/nowhere')).toBe(join(dir, CACHE_FOLDER));
    expect(userCacheDirFor(dir, '/home/u/.cache/whosaid')).toMatch(/^\/home\/u\/\.cache\/whosaid\/[0-9a-f]{16}$/);
    expect(userCacheDirFor(`${dir}/`, '/c')).toBe(userCacheDirFor(dir, '/c'));
  });

  it('treats a folder marked read-only for everyone (r-xr-xr-x) as read-only, for root too', async () => {
    const shared = await mkdtemp(join(tmpdir(), 'whosaid-readonly-'));
    try {
      await writeFile(join(shared, 'story.txt'), 'A story\n\nIt has one paragraph.\n');
      await chmod(shared, 0o555);
      expect(await cacheDirFor(shared, '/c')).toBe(userCacheDirFor(shared, '/c'));
      await chmod(shared, 0o755);
      expect(await cacheDirFor(shared, '/c')).toBe(join(shared, CACHE_FOLDER));
    } finally {
      await chmod(shared, 0o755);
      await rm(shared, { recursive: true, force: true });
    }
  });
});

/** Run tests/node/open-corpus-child.ts in a separate process, as `uid` when given. */
function openInChild(
  corpusDir: string,
  userCacheDir: string,
  uid?: number,
): Promise<{ cacheDir: string; extracted: number; fromSavedIndex: boolean; quotations: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, corpusDir, userCacheDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(uid === undefined ? {} : { uid, gid: uid, env: { ...process.env, HOME: userCacheDir } }),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child exited with ${code}: ${err}`))));
  });
}

const CHILD = fileURLToPath(new URL('./open-corpus-child.ts', import.meta.url));

/** Can a user who is neither owner nor in the group reach `folder` (every folder up to / searchable by others)? */
async function othersCanEnter(folder: string): Promise<boolean> {
  for (let at = folder; ; at = dirname(at)) {
    if (((await stat(at)).mode & 0o001) === 0) return false;
    if (dirname(at) === at) return true;
  }
}
const NOBODY = 65_534;

describe('openCachedCorpus across processes', () => {
  it('opens a corpus folder it cannot write, keeping the index in the user cache folder', async (ctx) => {
    const userCache = await mkdtemp(join(tmpdir(), 'whosaid-usercache-'));
    try {
      // As root, chmod does not stop writes: run the child as an unprivileged user instead.
      const root = process.getuid?.() === 0;
      if (process.platform === 'win32') ctx.skip('POSIX permissions only');
      // (A project cloned into a private folder, like `mktemp -d`, is out of that user's reach.)
      if (root && !(await othersCanEnter(dirname(CHILD)))) ctx.skip('the project folder is not readable by an unprivileged user');
      if (root) await Promise.all([chmod(userCache, 0o777), chmod(dir, 0o755)]);
      else await chmod(dir, 0o555);
      const first = await openInChild(dir, userCache, root ? NOBODY : undefined);
      expect(first.cacheDir.startsWith(userCache)).toBe(true);
      expect(first.extracted).toBe(2);
      expect(first.quotations.some((q) => q.includes('340 boats'))).toBe(true);
      const second = await openInChild(dir, userCache, root ? NOBODY : undefined);
      expect(second).toMatchObject({ cacheDir: first.cacheDir, extracted: 0, fromSavedIndex: true });
      expect(await readdir(dir)).not.toContain(CACHE_FOLDER);
    } finally {
      await chmod(dir, 0o755);
      await rm(userCache, { recursive: true, force: true });
    }
  }, 120_000);

  it('lets two processes build the same index at once without damaging it', async () => {
    for (let i = 0; i < 8; i++) await writeFile(join(dir, `story-${i}.md`), STORY(`Ada Byron ${i}`, `We counted ${i + 10} boats`));
    const [a, b] = await Promise.all([openInChild(dir, '/nowhere'), openInChild(dir, '/nowhere')]);
    expect(a.quotations).toEqual(b.quotations);
    const after = await openCachedCorpus(dir);
    expect(after).toMatchObject({ extracted: 0, fromSavedIndex: true });
    expect(after.corpus.quotations.map((q) => q.quote)).toEqual(a.quotations);
    expect((await readdir(join(dir, CACHE_FOLDER))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});

describe('sortInSlices', () => {
  it('sorts as sort() does, across several merged runs', async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `${(i * 7919) % 10_007}/Story ${i % 97}.md`);
    expect(await sortInSlices(names)).toEqual([...names].sort());
    expect(await sortInSlices([])).toEqual([]);
  });
});
