import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledWorker, createExtractorFor, createExtractPool, createInProcessExtractor, POOL_MIN_FILES } from '../../src/node/extract-pool.ts';
import { STORY } from './fixtures.ts';

const TASKS = [
  { path: 'harbour.md', content: Buffer.from(STORY('Maria Lindqvist', 'The new pier will hold 340 boats by spring')) },
  { path: 'council.txt', content: Buffer.from('Council news\n\n"We will not raise the rates," Mayor Ada Byron said on Tuesday.\n') },
  { path: 'binary.md', content: Buffer.from([0, 1, 2, 0, 255, 0]) },
];

describe('createExtractPool', () => {
  it('extracts in worker threads exactly what the calling thread extracts', async () => {
    const pool = createExtractPool(2);
    try {
      const inPool = await Promise.all(TASKS.map((t) => pool.extract(t)));
      const here = await Promise.all(TASKS.map((t) => createInProcessExtractor().extract(t)));
      expect(inPool).toEqual(here);
      expect(inPool[0]?.ok && inPool[0].quotations[0]?.speakers[0]?.name).toBe('Maria Lindqvist');
      expect(inPool[2]).toEqual({ ok: false, reason: expect.stringMatching(/binary/) });
    } finally {
      await pool.close();
    }
    // Starting workers (compromise loads in each) takes seconds on a loaded machine.
  }, 120_000);
});

/** A pool of two workers running `worker` gives what the calling thread gives for TASKS. */
async function expectSameAsCallingThread(worker: URL): Promise<void> {
  const pool = createExtractPool(2, worker);
  try {
    const inPool = await Promise.all(TASKS.map((t) => pool.extract(t)));
    expect(inPool).toEqual(await Promise.all(TASKS.map((t) => createInProcessExtractor().extract(t))));
  } finally {
    await pool.close();
  }
}

describe('bundledWorker', () => {
  it('builds the worker as one JavaScript file beside the installed packages, and workers started from it extract the same', async () => {
    const url = bundledWorker();
    expect(url?.pathname).toMatch(/\/node_modules\/\.cache\/whosaid\/extract-worker-[0-9a-f]{16}\.mjs$/);
    if (!url) return;
    // Cleared away by another process: written again.
    await rm(url, { force: true });
    expect(bundledWorker()?.href).toBe(url.href);
    await expectSameAsCallingThread(url);
  }, 120_000);
});

describe('the tsx worker, where no bundle can be written', () => {
  it('extracts what the calling thread extracts', async () => {
    await expectSameAsCallingThread(new URL('../../src/node/extract-worker.mjs', import.meta.url));
  }, 120_000);
});

describe('createExtractPool when a worker dies', () => {
  it.each([
    ['exits in the middle of a story', 'export default function extract() { process.exit(3); }\n'],
    ['throws while it loads', "throw new Error('cannot load');\n"],
  ])(
    'extracts every story in the calling thread instead when the worker %s',
    async (_, code) => {
      const dir = await mkdtemp(join(tmpdir(), 'whosaid-pool-'));
      const worker = join(dir, 'dying-worker.mjs');
      await writeFile(worker, code);
      const pool = createExtractPool(2, pathToFileURL(worker));
      try {
        const inPool = await Promise.all(TASKS.map((t) => pool.extract(t)));
        const here = await Promise.all(TASKS.map((t) => createInProcessExtractor().extract(t)));
        expect(inPool).toEqual(here);
      } finally {
        await pool.close();
        await rm(dir, { recursive: true, force: true });
      }
      // Without the pool giving up, these stories never come back: the test times out.
    },
    30_000,
  );
});

describe('createExtractorFor', () => {
  it('keeps a few files in the calling thread and sends many to a pool', async () => {
    const few = createExtractorFor(POOL_MIN_FILES - 1, { threads: 2 });
    const many = createExtractorFor(POOL_MIN_FILES, { threads: 2 });
    const single = createExtractorFor(1_000, { threads: 1 });
    expect([few.kind, many.kind, single.kind]).toEqual(['in-process', 'pool', 'in-process']);
    await Promise.all([few.close(), many.close(), single.close()]);
  });
});
