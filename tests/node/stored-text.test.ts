import { mkdtemp, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractQuotations } from '../../src/core/extract.ts';
import type { Article, Quotation } from '../../src/core/types.ts';
import { decodeEntriesFile, encodeEntries, type FileEntry } from '../../src/node/entries-file.ts';
import { articleOf, seedArticle } from '../helpers.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whosaid-text-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FIELDS = ['id', 'articleId', 'quote', 'kind', 'speakers', 'said', 'span', 'mention', 'verb', 'attribution', 'rule', 'cue', 'resolvedBy'] as const;
const fieldsOf = (q: Quotation) => Object.fromEntries(FIELDS.map((k) => [k, q[k]]));
const plainArticle = (a: Article | null) => a && JSON.parse(JSON.stringify(a));
const valuesOf = (entries: readonly FileEntry[]) => entries.map((e) => ({ ...e, article: plainArticle(e.article), quotations: e.quotations.map(fieldsOf) }));

const seed = seedArticle();
// The title is also a paragraph, and a speaker's name is a paragraph of its own: both are read at start, and still right.
const odd = {
  ...articleOf(['Harbour news', 'Lead with “curly” quotes — and accents: Zelenskyy, Göteborg.', 'Ana Ruiz', '“We will hold 340 boats,” said Ana Ruiz.']),
  id: 'odd',
  title: 'Harbour news',
};
const oddQuote: Quotation = {
  id: 'odd#1',
  articleId: 'odd',
  quote: '“We will hold 340 boats,”',
  kind: 'direct',
  speakers: [{ name: 'Ana Ruiz', role: null }],
  said: null,
  span: { paragraph: 3, start: 0, end: 25 },
  mention: 'Ana Ruiz',
  verb: 'said',
  attribution: 'name',
  rule: 'direct-tag-after',
  cue: 'subject-after',
  resolvedBy: 'name',
};
const base = { size: 10, mtimeMs: 1.5, hash: 'abc', warning: null };
const entries = (): FileEntry[] => [
  { path: 'a-seed.txt', ...base, article: seed, quotations: extractQuotations(seed) },
  { path: 'b-broken.md', ...base, article: null, quotations: [], warning: 'is empty' },
  { path: 'c-empty.md', ...base, article: { ...articleOf([]), id: 'empty' }, quotations: [] },
  { path: 'd-odd.md', ...base, hash: 'def', article: odd, quotations: [oddQuote] },
];

/** Write entries and decode them with the paragraphs left on disk; the file stays open (the entries hold it). */
async function lazyRoundTrip(list: readonly FileEntry[], pageChars = 64): Promise<{ path: string; file: FileHandle; decoded: FileEntry[]; readBytes: number }> {
  const path = join(dir, 'entries.bin');
  await writeFile(path, encodeEntries(list, 7, pageChars));
  const file = await open(path);
  let readBytes = 0;
  // The handle, counting what the decoder reads.
  const counting = {
    get fd() {
      return file.fd;
    },
    read: (into: Uint8Array, offset: number, length: number, position: number) => {
      readBytes += length;
      return file.read(into, offset, length, position);
    },
    stat: () => file.stat(),
    close: () => file.close(),
  } as unknown as FileHandle;
  const result = await decodeEntriesFile(counting, 7, { lazyTextBytes: 0 });
  expect(result?.holdsFile).toBe(true);
  return { path, file, decoded: result?.entries ?? [], readBytes };
}

describe('paragraphs left on disk', () => {
  it('give back every story, paragraph and quotation as an eager decode does', async () => {
    const list = entries();
    const { file, decoded } = await lazyRoundTrip(list);
    expect(valuesOf(decoded)).toEqual(valuesOf(list));
    expect(decoded[3]?.article?.paragraphs).toEqual(odd.paragraphs);
    expect(Array.isArray(decoded[0]?.article?.paragraphs)).toBe(true);
    await file.close();
  });

  it('know each story’s paragraph count, and read no page of paragraphs at start', async () => {
    const list = entries();
    const { path, file, decoded, readBytes } = await lazyRoundTrip(list, 256);
    const size = (await file.stat()).size;
    const paragraphBytes = 2 * list.reduce((n, e) => n + (e.article?.paragraphs.reduce((m, p) => m + p.length, 0) ?? 0), 0);
    // At most one page (256 characters) holds both paragraphs and other strings.
    expect(readBytes).toBeLessThanOrEqual(size - paragraphBytes + 2 * 256 + 2 * 'Harbour news'.length + 2 * 'Ana Ruiz'.length);
    expect(decoded.map((e) => e.article?.paragraphs.length)).toEqual(list.map((e) => e.article?.paragraphs.length));
    // Counting them read nothing: with the file cut short now, they are still counted…
    await writeFile(path, '');
    expect(decoded.map((e) => e.article?.paragraphs.length)).toEqual(list.map((e) => e.article?.paragraphs.length));
    // …and reading a paragraph finds the file changed.
    expect(() => decoded[0]?.article?.paragraphs[0]).toThrow(/changed on disk/);
    await file.close();
  });

  it('read the file they were decoded from after a new index is renamed over it', async () => {
    const list = entries();
    const { path, file, decoded } = await lazyRoundTrip(list);
    const other: FileEntry[] = [{ path: 'a-seed.txt', ...base, article: { ...odd, paragraphs: odd.paragraphs.map((p) => p.toUpperCase()) }, quotations: [] }];
    await writeFile(`${path}.tmp`, encodeEntries(other, 7, 64));
    await rename(`${path}.tmp`, path);
    expect(valuesOf(decoded)).toEqual(valuesOf(list));
    await file.close();
  });

  it('never give wrong text from a file changed in place: the question fails instead', async () => {
    const { path, file, decoded } = await lazyRoundTrip(entries());
    await sleep(20); // a later modification time than the write's
    const writer = await open(path, 'r+');
    const { size } = await writer.stat();
    await writer.write(Buffer.alloc(64, 0x41), 0, 64, size - 64);
    await writer.close();
    expect(() => decoded[0]?.article?.paragraphs.join(' ')).toThrow(/changed on disk/);
    expect(() => decoded[3]?.quotations[0]?.quote).toThrow(/changed on disk/);
    await file.close();
  });

  it('throw rather than read another file when their handle was closed', async () => {
    const { file, decoded } = await lazyRoundTrip(entries());
    await file.close();
    expect(() => decoded[3]?.article?.paragraphs[1]).toThrow(/changed on disk/);
  });
});

describe('paragraphs kept in memory', () => {
  it('are let go of past the most kept, the least recently asked for first, and read again when asked for', async () => {
    const stories: FileEntry[] = Array.from({ length: 6 }, (_, i) => ({
      path: `s${i}.md`,
      ...base,
      article: { ...articleOf([`Story ${i} opens.`, `“Quote ${i},” said Ana Ruiz.`]), id: `s${i}` },
      quotations: [],
    }));
    const path = join(dir, 'entries.bin');
    await writeFile(path, encodeEntries(stories, 7, 64));
    const file = await open(path);
    // Room for about two stories' paragraphs.
    const decoded = (await decodeEntriesFile(file, 7, { lazyTextBytes: 0, heldChars: 70 }))?.entries ?? [];
    const first = decoded[0]?.article?.paragraphs;
    expect(first?.[1]).toBe('“Quote 0,” said Ana Ruiz.');
    for (const [i, e] of decoded.entries()) expect([...(e.article?.paragraphs ?? [])]).toEqual(stories[i]?.article?.paragraphs);
    // With the file changed now, what is held still reads, and what was let go of must be read again: it fails rather than read wrong text.
    await sleep(20);
    await writeFile(path, '');
    expect([...(decoded[5]?.article?.paragraphs ?? [])]).toEqual(stories[5]?.article?.paragraphs);
    expect(() => decoded[0]?.article?.paragraphs[1]).toThrow(/changed on disk/);
    expect(() => first?.[0]).toThrow(/changed on disk/);
    await file.close();
  });
});
