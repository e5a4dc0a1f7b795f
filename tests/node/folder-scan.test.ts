import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCorpusPath, scanFolder, scanFolderInWorker } from '../../src/node/folder-scan.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whosaid-scan-'));
  await mkdir(join(dir, 'world', 'europe'), { recursive: true });
  await mkdir(join(dir, '.whosaid-cache'));
  await writeFile(join(dir, 'b.md'), '"We won," said Ada Byron.\n');
  await writeFile(join(dir, 'a.txt'), 'Title\n\n"No," she said.\n');
  await writeFile(join(dir, 'world', 'europe', 'c.html'), '<p>"Yes," he said.</p>');
  await writeFile(join(dir, 'README.md'), 'not a story');
  await writeFile(join(dir, 'photo.jpg'), 'binary');
  await writeFile(join(dir, '.whosaid-cache', 'x.md'), 'cache');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scanFolder', () => {
  it('lists the story files in order with their sizes, skipping dot-folders, READMEs and other files', async () => {
    const scan = await scanFolder(dir);
    expect(scan.paths).toEqual(['a.txt', 'b.md', 'world/europe/c.html']);
    expect([...scan.size]).toEqual(['Title\n\n"No," she said.\n', '"We won," said Ada Byron.\n', '<p>"Yes," he said.</p>'].map((t) => Buffer.byteLength(t)));
    expect([...scan.mtimeMs].every((m) => m > 0)).toBe(true);
  });

  it('agrees with isCorpusPath', async () => {
    for (const p of (await scanFolder(dir)).paths) expect(isCorpusPath(p)).toBe(true);
    expect(isCorpusPath('README.md')).toBe(false);
    expect(isCorpusPath('.whosaid-cache/x.md')).toBe(false);
  });
});

describe('scanFolderInWorker', () => {
  it('gives what scanFolder gives, from another thread', async () => {
    const here = await scanFolder(dir);
    const there = await scanFolderInWorker(dir);
    expect(there.paths).toEqual(here.paths);
    expect([...there.size]).toEqual([...here.size]);
    expect([...there.mtimeMs]).toEqual([...here.mtimeMs]);
  });

  it.each([
    ['exits without an answer', 'process.exit(3);\n'],
    ['throws', "throw new Error('broken');\n"],
  ])('scans in the calling thread when the worker %s', async (_, code) => {
    const worker = join(dir, '.whosaid-cache', 'dying-scan.mjs');
    await writeFile(worker, code);
    const there = await scanFolderInWorker(dir, pathToFileURL(worker));
    expect(there.paths).toEqual((await scanFolder(dir)).paths);
  });

  it('rejects with the folder named when it cannot be read', async () => {
    await expect(scanFolderInWorker(join(dir, 'missing'))).rejects.toThrow(/Cannot read the corpus folder .*missing/);
  });
});
