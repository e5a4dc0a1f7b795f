/**
 * The saved index on disk, in a cache folder (default `<corpus>/.whosaid-cache/`):
 * - `entries-<code fingerprint>.bin`: per corpus file its path, size, mtime, content hash, and its
 *   extraction (article and quotations) or the warning it gave, in a columnar binary layout
 *   (`entries-file.ts`) that loads without parsing JSON text per quotation.
 * - `quotes.idx`, `passages.idx`: the frozen search indexes as raw typed arrays, behind a JSON header.
 * Every file is written to a temporary name and renamed, so a crash never leaves a half index.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { codeFingerprint } from './fingerprint.ts';
import type { DeletionTable } from '../core/search/deletions.ts';
import type { InvertedData } from '../core/search/inverted.ts';
import { decodeEntries, encodeEntries, type FileEntry } from './entries-file.ts';

export type { FileEntry };

/** Version of the saved files' layout: 2 made the entries columnar binary (see `entries-file.ts`). */
export const INDEX_FORMAT = 3;

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
  return `entries-${codeFingerprint()}.bin`;
}

/** Save the per-file entries (see `entries-file.ts` for the layout). */
export async function saveEntries(dir: string, entries: readonly FileEntry[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Entries left by other versions of the code are never read again.
  for (const name of await readdir(dir)) {
    if (/^entries(?:-[0-9a-f]+)?\.(?:jsonl|bin)$/.test(name) && name !== entriesFile()) await rm(join(dir, name), { force: true });
  }
  await writeAtomically(join(dir, entriesFile()), (tmp) => writeFile(tmp, encodeEntries(entries, INDEX_FORMAT)));
}

/** Load the per-file entries; an absent, damaged or older file gives an empty list (the index is rebuilt). */
export async function loadEntries(dir: string): Promise<FileEntry[]> {
  let file: FileHandle;
  try {
    file = await open(join(dir, entriesFile()));
  } catch {
    return [];
  }
  try {
    return (await decodeEntries(file, INDEX_FORMAT)) ?? [];
  } catch {
    return [];
  } finally {
    await file.close();
  }
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
  const header: IndexHeader = {
    format: INDEX_FORMAT,
    key,
    docCount: data.docCount,
    terms: data.terms,
    mask: data.deletions.mask,
    lengths: arrays.map((a) => a.length),
  };
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
    const start = 4 + headLength + ((4 - ((4 + headLength) % 4)) % 4);
    // The arrays are viewed in place when the read buffer is aligned (it is for a large file, which
    // gets a buffer of its own); otherwise they are copied into an aligned one, once.
    const body = (buf.byteOffset + start) % 4 === 0 ? buf.subarray(start) : Uint8Array.from(buf.subarray(start));
    let at = body.byteOffset;
    const arrays = header.lengths.map((n) => {
      const a = new Uint32Array(body.buffer, at, n);
      at += n * 4;
      return a;
    });
    const [offsets, docs, delOffsets, delTerms] = arrays;
    if (!offsets || !docs || !delOffsets || !delTerms || at !== body.byteOffset + body.length) return null;
    const deletions: DeletionTable = { mask: header.mask, offsets: delOffsets, terms: delTerms };
    return { docCount: header.docCount, terms: header.terms, offsets, docs, deletions };
  } catch {
    return null;
  }
}
