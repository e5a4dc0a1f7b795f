import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureExtraction } from '../../src/bench/run.ts';
import { formatExtractionTable } from '../../src/cli/bench.ts';
import { STORY } from '../node/fixtures.ts';

describe('measureExtraction', () => {
  it('extracts the same stories in-process and through the pool, and times both', async () => {
    const source = await mkdtemp(join(tmpdir(), 'whosaid-bench-source-'));
    const work = await mkdtemp(join(tmpdir(), 'whosaid-bench-work-'));
    try {
      await writeFile(join(source, 'a.md'), STORY('Maria Lindqvist', 'The new pier will hold 340 boats'));
      await writeFile(join(source, 'b.md'), STORY('Ada Byron', 'We counted 12 boats'));
      const e = await measureExtraction(source, work);
      expect(e.rows.map((r) => [r.mode, r.stories])).toEqual([
        ['in-process', 2],
        ['pool', 2],
      ]);
      expect(e.rows.every((r) => r.perSecond > 0 && r.ms > 0)).toBe(true);
      expect(formatExtractionTable(e)).toMatch(
        /^\| extraction \| stories \| threads \| s \| stories\/s \|\n\|---\|---\|---\|---\|---\|\n\| in-process \| 2 \| 1 \|/,
      );
    } finally {
      await Promise.all([rm(source, { recursive: true, force: true }), rm(work, { recursive: true, force: true })]);
    }
  }, 180_000);
});
