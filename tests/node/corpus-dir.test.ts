import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WhosaidError } from '../../src/core/errors.ts';
import { loadCorpusDir, readCorpusDir } from '../../src/node/corpus-dir.ts';

const STORY_MD = `---
title: Council approves new budget
source: Valley Gazette
---

"We balanced the books without cutting a single service," Mayor Ruth Park said on Thursday.
`;

const STORY_TXT = `Harbour bridge reopens after repairs

(Reuters) - The harbour bridge reopened on Friday after eight months of repairs, city officials said.

"The crews worked through the winter to get this done," Mayor Helen Ortiz told reporters.
`;

let dir: string;

function write(path: string, content: string | Uint8Array): void {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'whosaid-corpus-'));
  write('budget.md', STORY_MD);
  write('world/europe/bridge.txt', STORY_TXT);
  write('world/photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
  write('empty.md', '');
  write('notes.pdf', 'not a story');
  write('broken.md', '---\ntitle: [unclosed\n---\nThe council approved the budget.\n');
  write('.cache/index.json', '{"quotes": []}');
  write('.cache/stale.txt', STORY_TXT);
  write('.hidden.txt', STORY_TXT);
  write('README.md', '# About this corpus\n\nStories copied from news sites.\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readCorpusDir', () => {
  it('lists supported files recursively with relative paths, skipping hidden folders and README', async () => {
    const { files, warnings } = await readCorpusDir(dir);
    expect(files.map((f) => f.path)).toEqual(['broken.md', 'budget.md', 'empty.md', 'world/europe/bridge.txt', 'world/photo.txt']);
    expect(warnings).toEqual([{ path: 'notes.pdf', reason: expect.stringMatching(/not a \.txt, \.md or \.html/) }]);
  });

  it('throws WhosaidError naming a folder that does not exist', async () => {
    const missing = join(dir, 'no-such-folder');
    await expect(readCorpusDir(missing)).rejects.toThrow(WhosaidError);
    await expect(readCorpusDir(missing)).rejects.toThrow(/no-such-folder.*ENOENT/);
  });
});

describe('loadCorpusDir', () => {
  it('loads the good stories, nested ones too', async () => {
    const { corpus } = await loadCorpusDir(dir);
    expect([...corpus.articles.keys()].sort()).toEqual(['budget', 'world/europe/bridge']);
    expect(corpus.quotations.some((q) => q.speakers.some((s) => s.name === 'Helen Ortiz'))).toBe(true);
  });

  it('warns once for each bad file, by relative path', async () => {
    const { warnings } = await loadCorpusDir(dir);
    expect(warnings.map((w) => w.path).sort()).toEqual(['broken.md', 'empty.md', 'notes.pdf', 'world/photo.txt']);
    const reasons = Object.fromEntries(warnings.map((w) => [w.path, w.reason]));
    expect(reasons['world/photo.txt']).toMatch(/binary/);
    expect(reasons['empty.md']).toMatch(/empty/);
    expect(reasons['broken.md']).toMatch(/front matter/);
  });

  it('never loads hidden files or the .cache folder', async () => {
    const { corpus, warnings } = await loadCorpusDir(dir);
    const seen = [...corpus.articles.keys(), ...warnings.map((w) => w.path)];
    expect(seen.filter((p) => p.includes('.cache') || p.includes('hidden') || /readme/i.test(p))).toEqual([]);
  });

  it('throws WhosaidError naming the bad files when no story loads', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'whosaid-bad-'));
    try {
      writeFileSync(join(bad, 'empty.txt'), '');
      writeFileSync(join(bad, 'photo.md'), new Uint8Array([0, 1, 2]));
      const err = await loadCorpusDir(bad).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WhosaidError);
      expect((err as Error).message).toContain('No story loaded');
      expect((err as Error).message).toContain('empty.txt');
      expect((err as Error).message).toContain('photo.md');
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it('throws WhosaidError for an empty folder', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'whosaid-empty-'));
    try {
      await expect(loadCorpusDir(empty)).rejects.toThrow(/no \.txt, \.md or \.html files/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
