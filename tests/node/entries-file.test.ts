import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractQuotations } from '../../src/core/extract.ts';
import type { Quotation } from '../../src/core/types.ts';
import { decodeEntries, encodeEntries, type FileEntry } from '../../src/node/entries-file.ts';
import { articleOf, seedArticle } from '../helpers.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whosaid-entries-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function roundTrip(entries: readonly FileEntry[], pageChars?: number, format = 7): Promise<FileEntry[] | null> {
  const path = join(dir, 'entries.bin');
  await writeFile(path, encodeEntries(entries, 7, pageChars));
  const file = await open(path);
  try {
    return await decodeEntries(file, format);
  } finally {
    await file.close();
  }
}

const base = { size: 10, mtimeMs: 1.5, hash: 'abc', warning: null };

/** Every field of a quotation as read (decoded quotations read theirs from the saved rows). */
const FIELDS = ['id', 'articleId', 'quote', 'kind', 'speakers', 'said', 'span', 'mention', 'verb', 'attribution', 'rule', 'cue', 'resolvedBy'] as const;
const fieldsOf = (q: Quotation) => Object.fromEntries(FIELDS.map((k) => [k, q[k]]));
const valuesOf = (entries: readonly FileEntry[] | null) => entries?.map((e) => ({ ...e, quotations: e.quotations.map(fieldsOf) }));
const seed = seedArticle();
const odd = articleOf(['Lead with “curly” quotes — and accents: Zelenskyy, Göteborg.', '“We will hold 340 boats,” said Ana Ruiz.']);
const oddQuotes: Quotation[] = [
  // A quote that is not its span's text, an id of another form, a said with a null, no speakers.
  {
    id: 'x-1',
    articleId: odd.id,
    quote: 'not the span',
    kind: 'indirect',
    speakers: [],
    said: { when: 'on Monday', where: null },
    span: { paragraph: 1, start: 0, end: 5 },
    mention: '',
    verb: 'said',
    attribution: 'none',
    rule: 'clause-after',
    cue: 'subject-before',
    resolvedBy: 'none',
  },
  {
    id: `${odd.id}#2`,
    articleId: odd.id,
    quote: '“We will hold 340 boats,”',
    kind: 'direct',
    speakers: [
      { name: 'Ana Ruiz', role: null },
      { name: 'Bo Li', role: 'mayor' },
    ],
    said: null,
    span: { paragraph: 1, start: 0, end: 25 },
    mention: 'Ana Ruiz',
    verb: 'said',
    attribution: 'name',
    rule: 'direct-tag-after',
    cue: 'subject-after',
    resolvedBy: 'name',
  },
];

describe('encodeEntries / decodeEntries', () => {
  it('gives back the entries of real extractions, broken files and odd quotations unchanged', async () => {
    const entries: FileEntry[] = [
      { path: 'seed.txt', ...base, article: seed, quotations: extractQuotations(seed) },
      { path: 'broken.md', ...base, article: null, quotations: [], warning: 'is empty' },
      { path: 'odd.md', ...base, hash: 'def', article: odd, quotations: oddQuotes, warning: 'kept; keeping the previous version' },
    ];
    expect(entries[0]!.quotations.length).toBeGreaterThan(5);
    const decoded = await roundTrip(entries);
    expect(valuesOf(decoded)).toEqual(valuesOf(entries));
    // As JSON too (answers and lists print quotations), the fields in the same order.
    expect(JSON.stringify(decoded?.map((e) => e.quotations))).toBe(JSON.stringify(entries.map((e) => e.quotations.map(fieldsOf))));
  });

  it('splits the text into pages and still cuts every string right', async () => {
    const entries: FileEntry[] = [{ path: 'odd.md', ...base, article: odd, quotations: oddQuotes }];
    expect(valuesOf(await roundTrip(entries, 8))).toEqual(valuesOf(entries));
  });

  it('shares equal speakers between quotations', async () => {
    const twice = [oddQuotes[1]!, { ...oddQuotes[1]!, id: `${odd.id}#3`, speakers: oddQuotes[1]!.speakers.map((s) => ({ ...s })) }];
    const [entry] = (await roundTrip([{ path: 'odd.md', ...base, article: odd, quotations: twice }]))!;
    expect(entry!.quotations[0]!.speakers).toBe(entry!.quotations[1]!.speakers);
  });

  it('gives null for another format and throws on a cut-off file', async () => {
    const entries: FileEntry[] = [{ path: 'odd.md', ...base, article: odd, quotations: oddQuotes }];
    expect(await roundTrip(entries, undefined, 8)).toBeNull();
    const parts = encodeEntries(entries, 7);
    const whole = Buffer.concat(parts);
    await writeFile(join(dir, 'cut.bin'), whole.subarray(0, whole.length - 3));
    const file = await open(join(dir, 'cut.bin'));
    await expect(decodeEntries(file, 7)).rejects.toThrow(/ends early|cut short|does not match/);
    await file.close();
  });

  it('throws on a speaker naming a string it does not have, while loading rather than when the speakers are read', async () => {
    const entries: FileEntry[] = [{ path: 'odd.md', ...base, article: odd, quotations: oddQuotes }];
    const parts = encodeEntries(entries, 7);
    // Sections: times, entry rows, authors, paragraphs, quotation rows, speaker set offsets, then the speakers' name and role pairs.
    const pairs = parts[9]!;
    expect(pairs.length).toBeGreaterThan(0);
    pairs.writeUInt32LE(0x7ffffff0, 0);
    await writeFile(join(dir, 'bad.bin'), Buffer.concat(parts));
    const file = await open(join(dir, 'bad.bin'));
    await expect(decodeEntries(file, 7)).rejects.toThrow(/string reference out of range/);
    await file.close();
  });

  it('throws on a quotation row naming a string it does not have, while loading rather than when the quotation is read', async () => {
    const entries: FileEntry[] = [{ path: 'odd.md', ...base, article: odd, quotations: oddQuotes }];
    const parts = encodeEntries(entries, 7);
    // Sections: times, entry rows, authors, paragraphs, then the quotation rows (16 numbers each; the 12th is the verb).
    const header = JSON.parse(parts[1]!.toString('utf8')) as { lengths: number[] };
    const quotes = parts[7]!;
    expect(quotes.length).toBe(header.lengths[4]! * 4);
    quotes.writeUInt32LE(0x7fffffff, 11 * 4);
    await writeFile(join(dir, 'bad.bin'), Buffer.concat(parts));
    const file = await open(join(dir, 'bad.bin'));
    await expect(decodeEntries(file, 7)).rejects.toThrow(/string reference out of range/);
    await file.close();
  });
});
