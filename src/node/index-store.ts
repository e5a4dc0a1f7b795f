/**
 * The saved index on disk, in a cache folder (default `<corpus>/.whosaid-cache/`):
 * - `entries-<code fingerprint>.jsonl`: one line per corpus file: path, size, mtime, content hash, and its extraction
 *   (article and quotations) or the warning it gave. JSON lines, because one JSON string of a
 *   100,000-story archive would pass V8's maximum string length.
 * - `quotes.idx`, `passages.idx`: the frozen search indexes as raw typed arrays, behind a JSON header.
 * Every file is written to a temporary name and renamed, so a crash never leaves a half index.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { codeFingerprint } from './fingerprint.ts';
import type { DeletionTable } from '../core/search/deletions.ts';
import type { InvertedData } from '../core/search/inverted.ts';
import type { Article, Quotation } from '../core/types.ts';

/** What the cache knows about one corpus file. */
export interface FileEntry {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** sha1 of the content. */
  readonly hash: string;
  readonly article: Article | null;
  readonly quotations: readonly Quotation[];
  /** Why the file gave no story (or why an older good version is kept). */
  readonly warning: string | null;
}

export const INDEX_FORMAT = 1;

/** Key of a set of entries: the search indexes saved with it are valid only for the same key. */
export function keyOfEntries(entries: readonly FileEntry[]): string {
  const h = createHash('sha1').update(`whosaid-index-${INDEX_FORMAT}-${codeFingerprint()}\n`);
  for (const e of entries) if (e.article) h.update(`${e.path}\0${e.hash}\0${e.quotations.length}\n`);
  return h.digest('hex');
}

async function writeAtomically(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await write(tmp);
  await rename(tmp, path);
}

/** Entries are per extraction code: a different fingerprint starts from an empty cache. */
function entriesFile(): string {
  return `entries-${codeFingerprint()}.jsonl`;
}

/** Save the per-file entries as JSON lines. */
export async function saveEntries(dir: string, entries: readonly FileEntry[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Entries left by other versions of the code are never read again.
  for (const name of await readdir(dir)) {
    if (/^entries(?:-[0-9a-f]+)?\.jsonl$/.test(name) && name !== entriesFile()) await rm(join(dir, name), { force: true });
  }
  await writeAtomically(join(dir, entriesFile()), async (tmp) => {
    const out = createWriteStream(tmp);
    for (const e of entries) {
      if (!out.write(`${JSON.stringify(e)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  });
}

/** Load the per-file entries; an absent or damaged file gives an empty list (the index is rebuilt). */
export async function loadEntries(dir: string): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  const pool = new Map<string, unknown>();
  let file: FileHandle;
  try {
    file = await open(join(dir, entriesFile()));
  } catch {
    return [];
  }
  try {
    // Chunks, not one buffer: the entries of a million quotations are over half a gigabyte.
    let carry = Buffer.alloc(0);
    for (;;) {
      const chunk = Buffer.allocUnsafe(LOAD_CHUNK);
      const { bytesRead } = await file.read(chunk, 0, LOAD_CHUNK);
      const buf = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      let start = 0;
      for (let end = buf.indexOf(10); end >= 0; end = buf.indexOf(10, start)) {
        if (end > start) out.push(compactEntry(JSON.parse(buf.toString('utf8', start, end)) as FileEntry, pool));
        start = end + 1;
      }
      carry = Buffer.from(buf.subarray(start));
      if (bytesRead === 0) break;
    }
    if (carry.length > 0) return [];
    return out;
  } catch {
    return [];
  } finally {
    await file.close();
  }
}

const LOAD_CHUNK = 16 * 2 ** 20;

/** One shared copy of equal small values (speakers, verbs, ids) across a parsed archive. */
function intern<T>(pool: Map<string, unknown>, key: string, value: T): T {
  const known = pool.get(key);
  if (known !== undefined) return known as T;
  pool.set(key, value);
  return value;
}

/**
 * Parsed JSON has a fresh string for every value. At a million quotations, sharing them saves
 * hundreds of megabytes: a quote becomes a slice of its paragraph (V8 keeps slices as views), and
 * speakers, verbs, mentions and story ids are interned.
 */
function compactEntry(entry: FileEntry, pool: Map<string, unknown>): FileEntry {
  const article = entry.article;
  if (!article) return entry;
  const quotations = entry.quotations.map((q) => {
    const paragraph = article.paragraphs[q.span.paragraph];
    const slice = paragraph?.slice(q.span.start, q.span.end);
    const speakers = intern(pool, `s\0${JSON.stringify(q.speakers)}`, q.speakers);
    return { ...q, quote: slice === q.quote ? slice : q.quote, articleId: article.id, speakers, verb: intern(pool, `v\0${q.verb}`, q.verb), mention: intern(pool, `m\0${q.mention}`, q.mention) };
  });
  return { ...entry, quotations };
}

interface IndexHeader {
  readonly format: number;
  readonly key: string;
  readonly docCount: number;
  readonly terms: readonly string[];
  readonly mask: number;
  readonly lengths: readonly number[];
}

/** Save one frozen search index under `name`, valid for the entries with `key`. */
export async function saveSearchIndex(dir: string, name: string, key: string, data: InvertedData): Promise<void> {
  await mkdir(dir, { recursive: true });
  const arrays = [data.offsets, data.docs, data.deletions.offsets, data.deletions.terms];
  const header: IndexHeader = { format: INDEX_FORMAT, key, docCount: data.docCount, terms: data.terms, mask: data.deletions.mask, lengths: arrays.map((a) => a.length) };
  const head = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  const pad = Buffer.alloc((4 - ((4 + head.length) % 4)) % 4);
  const parts = [size, head, pad, ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))];
  await writeAtomically(join(dir, `${name}.idx`), (tmp) => writeFile(tmp, parts));
}

/** Load a saved search index, or null when absent, damaged or saved for other entries. */
export async function loadSearchIndex(dir: string, name: string, key: string): Promise<InvertedData | null> {
  let buf: Buffer;
  try {
    buf = await readFile(join(dir, `${name}.idx`));
    const headLength = buf.readUInt32LE(0);
    const header = JSON.parse(buf.toString('utf8', 4, 4 + headLength)) as IndexHeader;
    if (header.format !== INDEX_FORMAT || header.key !== key) return null;
    let at = 4 + headLength + ((4 - ((4 + headLength) % 4)) % 4);
    // Copy into a fresh aligned buffer once, then view the arrays in it without further copies.
    const body = new Uint8Array(buf.length - at);
    body.set(buf.subarray(at));
    at = 0;
    const arrays = header.lengths.map((n) => {
      const a = new Uint32Array(body.buffer, at, n);
      at += n * 4;
      return a;
    });
    const [offsets, docs, delOffsets, delTerms] = arrays;
    if (!offsets || !docs || !delOffsets || !delTerms || at !== body.length) return null;
    const deletions: DeletionTable = { mask: header.mask, offsets: delOffsets, terms: delTerms };
    return { docCount: header.docCount, terms: header.terms, offsets, docs, deletions };
  } catch {
    return null;
  }
}
