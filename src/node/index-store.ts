/**
 * The saved index on disk, in a cache folder (default `<corpus>/.whosaid-cache/`):
 * - `entries-<extraction fingerprint>.bin`: per corpus file its path, size, mtime, content hash, and its
 *   extraction (article and quotations) or the warning it gave, in a columnar binary layout
 *   (`entries-file.ts`) that loads without parsing JSON text per quotation.
 * - `entries-<extraction fingerprint>.log`: the journal of changes since that file was written, one
 *   record per reload (the changed files' entries and the paths gone), so a reload appends a few KB
 *   instead of rewriting the whole file (11 s, most of it a stall, at a million quotations).
 * - `quotes.idx`, `passages.idx` (with their `-names` and `-speakers` indexes): the frozen search
 *   indexes as raw typed arrays, behind a JSON header.
 * Every file is written to a temporary name and renamed, so a crash never leaves a half index.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { codeFingerprint, extractionFingerprint } from './fingerprint.ts';
import type { DeletionTable } from '../core/search/deletions.ts';
import type { InvertedData } from '../core/search/inverted.ts';
import { bytesSource, decodeEntries, decodeEntriesFile, encodeEntries, LAZY_TEXT_BYTES, type FileEntry } from './entries-file.ts';

export type { FileEntry };

/** Version of the saved files' layout: 2 made the entries columnar binary (see `entries-file.ts`). */
export const INDEX_FORMAT = 3;

/** Key of a set of entries: the search indexes saved with it are valid only for the same key. */
export function keyOfEntries(entries: readonly FileEntry[]): string {
  const h = createHash('sha1').update(`whosaid-index-${INDEX_FORMAT}-${codeFingerprint()}\n`);
  // Hashed a few thousand entries per call (the same digest as one call per entry, with far fewer calls into native code).
  let chunk = '';
  for (const e of entries) {
    if (!e.article) continue;
    chunk += `${e.path}\0${e.hash}\0${e.quotations.length}\n`;
    if (chunk.length >= 65_536) {
      h.update(chunk);
      chunk = '';
    }
  }
  return h.update(chunk).digest('hex');
}

async function writeAtomically(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await write(tmp);
  await rename(tmp, path);
}

/** Entries are per extraction code: a different fingerprint starts from an empty cache. */
function entriesFile(): string {
  return `entries-${extractionFingerprint()}.bin`;
}

/** The change journal of the entries file: records appended after each reload (see `appendJournal`). */
function journalFile(): string {
  return `entries-${extractionFingerprint()}.log`;
}

/**
 * Save the per-file entries whole (see `entries-file.ts` for the layout) under a new generation,
 * and start an empty journal for it. Returns the generation.
 */
export async function saveEntries(dir: string, entries: readonly FileEntry[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  await removeOtherVersions(dir);
  const generation = randomBytes(8).toString('hex');
  await writeAtomically(join(dir, entriesFile()), (tmp) => writeFile(tmp, encodeEntries(entries, INDEX_FORMAT, undefined, generation)));
  // Records of the previous generation are ignored from here on; dropping them keeps the journal short.
  await rm(join(dir, journalFile()), { force: true });
  return generation;
}

/** Entries (and journals) left by other versions of the code are never read again. */
async function removeOtherVersions(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (/^entries(?:-[0-9a-f]+)?\.(?:jsonl|bin|log)$/.test(name) && name !== entriesFile() && name !== journalFile())
      await rm(join(dir, name), { force: true });
  }
}

/** Size in bytes of the saved entries file (0 when there is none): how big the archive was when saved. */
export async function savedEntriesBytes(dir: string): Promise<number> {
  try {
    return (await stat(join(dir, entriesFile()))).size;
  } catch {
    return 0;
  }
}

/** Load the per-file entries; an absent, damaged or older file gives an empty list (the index is rebuilt). */
export async function loadEntries(dir: string): Promise<FileEntry[]> {
  return (await loadSavedEntries(dir)).entries;
}

/** The saved entries: the entries file (`base`) with its journal applied (`entries`), and its generation. */
export interface SavedEntries {
  readonly base: FileEntry[];
  readonly entries: FileEntry[];
  /** The entries file's generation (null when there is none: no file, or one from before the journal). */
  readonly generation: string | null;
  /** Journal records applied. */
  readonly records: number;
}

/** Load the entries file and apply its journal; anything absent or damaged gives what could be read (the folder is the truth: a refresh finds the rest). */
export async function loadSavedEntries(dir: string): Promise<SavedEntries> {
  let file: FileHandle;
  try {
    file = await open(join(dir, entriesFile()));
  } catch {
    return { base: [], entries: [], generation: null, records: 0 };
  }
  let base: FileEntry[] = [];
  let generation: string | null = null;
  // A large archive's entries keep the file open, to read their paragraphs when first needed.
  let holdsFile = false;
  try {
    const decoded = await decodeEntriesFile(file, INDEX_FORMAT, { lazyTextBytes: LAZY_TEXT_BYTES });
    if (decoded) ({ entries: base, generation, holdsFile } = decoded);
  } catch {
    return { base: [], entries: [], generation: null, records: 0 };
  } finally {
    if (!holdsFile) await file.close();
  }
  if (generation === null) return { base, entries: base, generation, records: 0 };
  let entries: FileEntry[] = base;
  let records = 0;
  for await (const record of journalRecords(join(dir, journalFile()), generation)) {
    entries = applyChanges(entries, record.touched, record.gone);
    records++;
  }
  return { base, entries, generation, records };
}

/**
 * Append one reload's changes to the journal of the entries file of `generation`: files changed or
 * added (`touched`) and paths gone. One write per record, so a crash leaves at most a torn last
 * record, which its checksum rejects; records of another generation are ignored when loading.
 */
export async function appendJournal(dir: string, generation: string, touched: readonly FileEntry[], gone: readonly string[]): Promise<void> {
  const head = Buffer.from(JSON.stringify({ generation, gone }));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  const payload = Buffer.concat([size, head, Buffer.alloc((8 - ((4 + head.length) % 8)) % 8), ...encodeEntries(touched, INDEX_FORMAT)]);
  const frame = Buffer.alloc(8);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  await appendFile(join(dir, journalFile()), Buffer.concat([frame, payload]));
  await removeOtherVersions(dir);
}

/** The journal's records for `generation`, in order, up to the first damaged one. */
async function* journalRecords(path: string, generation: string): AsyncGenerator<{ touched: FileEntry[]; gone: string[] }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return;
  }
  let at = 0;
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32LE(at);
    const payload = bytes.subarray(at + 8, at + 8 + length);
    if (payload.length !== length || crc32(payload) !== bytes.readUInt32LE(at + 4)) return;
    at += 8 + length;
    try {
      const headLength = payload.readUInt32LE(0);
      const head = JSON.parse(payload.toString('utf8', 4, 4 + headLength)) as { generation: string; gone: string[] };
      if (head.generation !== generation) continue;
      const start = 4 + headLength + ((8 - ((4 + headLength) % 8)) % 8);
      // Copied so the typed arrays inside start aligned.
      const touched = await decodeEntries(bytesSource(Uint8Array.from(payload.subarray(start))), INDEX_FORMAT);
      if (!touched) return;
      yield { touched, gone: head.gone };
    } catch {
      return;
    }
  }
}

/** Entries in path order with some replaced or added (`touched`) and some paths gone: a binary search per change. */
export function applyChanges(entries: readonly FileEntry[], touched: readonly FileEntry[], gone: readonly string[]): FileEntry[] {
  const out = entries.slice();
  const at = (path: string) => {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((out[mid] as FileEntry).path < path) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const path of gone) {
    const i = at(path);
    if (out[i]?.path === path) out.splice(i, 1);
  }
  for (const e of touched) {
    const i = at(e.path);
    if (out[i]?.path === e.path) out[i] = e;
    else out.splice(i, 0, e);
  }
  return out;
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

/** The bytes of a saved search index file, or null when it cannot be read (see `loadSearchIndex`). */
export function readSearchIndexFile(dir: string, name: string): Promise<Buffer | null> {
  return readFile(join(dir, `${name}.idx`)).catch(() => null);
}

/**
 * Load a saved search index, or null when absent, damaged or saved for other entries. `bytes`: the
 * file read ahead (`readSearchIndexFile`), as a start does while it decodes the entries.
 */
export async function loadSearchIndex(dir: string, name: string, key: string, bytes?: Promise<Buffer | null>): Promise<InvertedData | null> {
  let buf: Buffer | null;
  try {
    buf = await (bytes ?? readSearchIndexFile(dir, name));
    if (!buf) return null;
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
