import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureExtraction } from '../../src/bench/run.ts';
import { extractionSources, formatExtractionTable } from '../../src/cli/bench.ts';
import { STORY } from '../node/fixtures.ts';

describe('measureExtraction', () => {
  it('extracts the same stories in-process and through the pool, and times both', async () => {
    const source = await mkdtemp(join(tmpdir(), 'whosaid-bench-source-'));
    const work = await mkdtemp(join(tmpdir(), 'whosaid-bench-work-'));
    try {
      await writeFile(join(source, 'a.md'), STORY('Maria Lindqvist', 'The new pier will hold 340 boats'));
      await writeFile(join(source, 'b.md'), STORY('Ada Byron', 'We counted 12 boats'));
      // Two folders holding a file of the same name: each story is timed.
      const other = join(work, 'other');
      await mkdir(other);
      await writeFile(join(other, 'a.md'), STORY('Ada Byron', 'We counted 14 boats'));
      const e = await measureExtraction([source, other], work);
      expect(e.rows.map((r) => [r.mode, r.stories])).toEqual([
        ['in-process', 3],
        ['pool', 3],
      ]);
      expect(e.rows.every((r) => r.perSecond > 0 && r.ms > 0)).toBe(true);
      expect(formatExtractionTable(e)).toMatch(
        /^\| extraction \| stories \| threads \| s \| stories\/s \|\n\|---\|---\|---\|---\|---\|\n\| in-process \| 3 \| 1 \|/,
      );
    } finally {
      await Promise.all([rm(source, { recursive: true, force: true }), rm(work, { recursive: true, force: true })]);
    }
  }, 180_000);
});

describe('extractionSources', () => {
  it('takes --extraction as a comma-separated list, and --source when quick', () => {
    expect(extractionSources({ source: '/s', work: '/w', out: '/o', extraction: '/a, /b' })).toEqual(['/a', '/b']);
    expect(extractionSources({ source: '/s', work: '/w', out: '/o', quick: true })).toEqual(['/s']);
    expect(extractionSources({ source: '/s', work: '/w', out: '/o' })).toEqual(['/s']);
  });
});
