/**
 * The per-file entries on disk, in a columnar binary form rather than JSON: a cold start of a
 * 10,000-story archive spent most of its time decoding and parsing 60 MB of JSON (UTF-8 decoding of
 * curly-quoted text is slow) and collecting the garbage of a fresh object per field.
 *
 * Layout: `u32 header length | JSON header (section lengths) | pad to 8 | Float64 section |
 * Uint32 sections | UTF-16LE text pages`.
 * - Every string (paths, titles, paragraphs, quotes that are not a slice of their paragraph, ids,
 *   speakers, verbs, mentions…) is stored once in a string table and referenced by number, so equal
 *   values come back as one shared string (interning for free). Entries and quotations are rows of
 *   such numbers; sizes and mtimes are Float64.
 * - The text is UTF-16LE, split in pages of at most `PAGE_CHARS` characters at string boundaries:
 *   a page decodes without UTF-8 work, and each string is a slice of it (V8 keeps slices as views,
 *   so the text is held once, outside the JS heap).
 * - Quotations are rows of `QUOTE_STRIDE` numbers; a quote that is its paragraph's span and an id
 *   that is `<article>#<n>` are flags, not strings.
 * Typed arrays are in the machine's byte order (little-endian on x86 and ARM), like the search indexes.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Article, Quotation, Speaker } from '../core/types.ts';
import { CANONICAL_ID, NONE, QUOTE_STRIDE, SAID, SPAN_QUOTE, StoredQuotation, type QuoteColumns } from './stored-quotation.ts';
import { StoredArticle, StoredText } from './stored-text.ts';

/** What the cache knows about one corpus file. */
export interface FileEntry {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** sha1 of the content. */
  readonly hash: string;
  readonly article: Article | null;
  readonly quotations: readonly Quotation[];
  /** Why the file gave no story, why an older good version is kept, or why the story loaded may be incomplete. */
  readonly warning: string | null;
}

/** Most stories name no author: one shared empty list rather than one per story. */
const NO_AUTHORS: readonly string[] = Object.freeze([]);

/** Characters per text page (2 MB): far below V8's maximum string length, and one small read buffer. */
export const PAGE_CHARS = 2 ** 20;

/** path, hash, warning, has-article flag, then the article's id, title, source, date, url, byline, section, format, first author, authors, paragraphs, quotations. */
const ENTRY_STRIDE = 16;

interface EntriesHeader {
  readonly format: number;
  readonly entries: number;
  /**
   * Section lengths, in order: size and mtime per entry (Float64, first, so it stays 8-aligned),
   * then Uint32: entry rows, authors, paragraphs, quotation rows, speaker set offsets, speaker pairs, string ends.
   */
  readonly lengths: readonly number[];
  /** Character offset where each text page ends (string boundaries). */
  readonly pages: readonly number[];
  /** Names this file for the change journal written after it (see `index-store.ts`); absent in a journal record. */
  readonly generation?: string;
}

/** Where an entries file is read from: an open file, or bytes in memory (`bytesSource`). */
export interface ByteSource {
  stat(): Promise<{ readonly size: number }>;
  read(into: Uint8Array, offset: number, length: number, position: number): Promise<{ readonly bytesRead: number }>;
}

/** Bytes in memory as a `ByteSource` (a journal record holds one encoded set of entries). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    stat: () => Promise.resolve({ size: bytes.length }),
    read(into, offset, length, position) {
      const part = bytes.subarray(position, position + length);
      into.set(part, offset);
      return Promise.resolve({ bytesRead: part.length });
    },
  };
}

/** Strings numbered in order of first use. */
class StringTable {
  readonly list: string[] = [];
  private readonly numbers = new Map<string, number>();

  ref(s: string | null): number {
    if (s === null) return NONE;
    let n = this.numbers.get(s);
    if (n === undefined) {
      n = this.list.length;
      this.numbers.set(s, n);
      this.list.push(s);
    }
    return n;
  }
}

/** Encode entries as the parts of one file (header, sections, text pages of at most `pageChars`, unless one string is longer). */
export function encodeEntries(entries: readonly FileEntry[], format: number, pageChars = PAGE_CHARS, generation?: string): Buffer[] {
  const strings = new StringTable();
  const sets = new Map<string, number>();
  const setOffsets = [0];
  const setPairs: number[] = [];
  const paragraphCount = entries.reduce((n, e) => n + (e.article?.paragraphs.length ?? 0), 0);
  const quoteCount = entries.reduce((n, e) => n + (e.article ? e.quotations.length : 0), 0);
  const times = new Float64Array(entries.length * 2);
  const rows = new Uint32Array(entries.length * ENTRY_STRIDE).fill(NONE);
  const authors: number[] = [];
  const paragraphs = new Uint32Array(paragraphCount);
  const quotes = new Uint32Array(quoteCount * QUOTE_STRIDE);
  let p = 0;
  let q = 0;
  const speakerSet = (speakers: readonly Speaker[]): number => {
    const refs = speakers.flatMap((s) => [strings.ref(s.name), strings.ref(s.role)]);
    const key = refs.join(',');
    let n = sets.get(key);
    if (n === undefined) {
      n = sets.size;
      sets.set(key, n);
      setPairs.push(...refs);
      setOffsets.push(setPairs.length / 2);
    }
    return n;
  };
  entries.forEach((e, i) => {
    times[2 * i] = e.size;
    times[2 * i + 1] = e.mtimeMs;
    const article = e.article;
    const r = i * ENTRY_STRIDE;
    rows.set([strings.ref(e.path), strings.ref(e.hash), strings.ref(e.warning), article ? 1 : 0], r);
    if (!article) return;
    rows.set(
      [article.id, article.title, article.source, article.date, article.url, article.byline, article.section, article.format].map((x) => strings.ref(x)),
      r + 4,
    );
    rows.set([authors.length, article.authors.length, article.paragraphs.length, e.quotations.length], r + 12);
    for (const a of article.authors) authors.push(strings.ref(a));
    e.quotations.forEach((x, n) => {
      // A quotation always belongs to its entry's article: articleId is not stored.
      const canonical = x.id === `${article.id}#${n + 1}`;
      const span = article.paragraphs[x.span.paragraph]?.slice(x.span.start, x.span.end) === x.quote;
      const row = [
        (x.said ? SAID : 0) | (canonical ? CANONICAL_ID : 0) | (span ? SPAN_QUOTE : 0),
        canonical ? NONE : strings.ref(x.id),
        span ? NONE : strings.ref(x.quote),
        strings.ref(x.kind),
        speakerSet(x.speakers),
        strings.ref(x.said?.when ?? null),
        strings.ref(x.said?.where ?? null),
        x.span.paragraph,
        x.span.start,
        x.span.end,
        strings.ref(x.mention),
        strings.ref(x.verb),
        strings.ref(x.attribution),
        strings.ref(x.rule),
        strings.ref(x.cue),
        strings.ref(x.resolvedBy),
      ];
      quotes.set(row, q);
      q += QUOTE_STRIDE;
    });
  });
  // The paragraphs are numbered after every other string, so their text comes last, each story's
  // together: a large file's start reads the pages before them only (see `stored-text.ts`).
  for (const e of entries) if (e.article) for (const t of e.article.paragraphs) paragraphs[p++] = strings.ref(t);
  const ends = new Uint32Array(strings.list.length);
  const pages: number[] = [];
  const text: Buffer[] = [];
  let at = 0;
  let pageStart = 0;
  let pageFirst = 0;
  const flush = (last: number) => {
    if (last > pageFirst) text.push(Buffer.from(strings.list.slice(pageFirst, last).join(''), 'utf16le'));
    pages.push(at);
    pageStart = at;
    pageFirst = last;
  };
  strings.list.forEach((s, i) => {
    if (at + s.length - pageStart > pageChars && i > pageFirst) flush(i);
    at += s.length;
    ends[i] = at;
  });
  flush(strings.list.length);
  const sections = [times, rows, Uint32Array.from(authors), paragraphs, quotes, Uint32Array.from(setOffsets), Uint32Array.from(setPairs), ends];
  const header: EntriesHeader = { format, entries: entries.length, lengths: sections.map((a) => a.length), pages, ...(generation ? { generation } : {}) };
  const head = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  const pad = Buffer.alloc(padding(head.length));
  return [size, head, pad, ...sections.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)), ...text];
}

async function readExactly(file: FileHandle | ByteSource, into: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await file.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new RangeError('entries file ends early');
    done += bytesRead;
  }
}

/** Decode an entries file; null when it was written in another format. Throws when damaged. */
export async function decodeEntries(file: FileHandle | ByteSource, format: number): Promise<FileEntry[] | null> {
  return (await decodeEntriesFile(file, format))?.entries ?? null;
}

/** Decoding options. */
export interface DecodeOptions {
  /**
   * Leave the paragraphs on disk when the file's text is at least this many bytes (see
   * `stored-text.ts`). The decoder then keeps `file` (a `FileHandle`) open for as long as the
   * entries are in use, and closes it itself: the caller must not (see `holdsFile`).
   */
  readonly lazyTextBytes?: number;
  /** Characters of paragraphs read from disk kept at most (default `HELD_CHARS`). */
  readonly heldChars?: number;
}

/** Text this large (about 150,000 quotations) has its paragraphs read when first needed rather than at start. */
export const LAZY_TEXT_BYTES = 128 * 2 ** 20;

/**
 * `decodeEntries`, with the file's generation (null when it has none), and whether the decoded
 * entries hold the file open to read their paragraphs later (`holdsFile`: then the caller must not
 * close it).
 */
export async function decodeEntriesFile(
  file: FileHandle | ByteSource,
  format: number,
  options: DecodeOptions = {},
): Promise<{ entries: FileEntry[]; generation: string | null; holdsFile: boolean } | null> {
  const { size } = await file.stat();
  const lengthBytes = new Uint8Array(4);
  await readExactly(file, lengthBytes, 0);
  const headLength = Buffer.from(lengthBytes.buffer).readUInt32LE(0);
  if (headLength > size) throw new RangeError('entries header is longer than the file');
  const headerText = Buffer.alloc(headLength);
  await readExactly(file, headerText, 4);
  const header = JSON.parse(headerText.toString('utf8')) as EntriesHeader;
  if (header.format !== format) return null;
  const [timeCount = 0, rowCount = 0, authorCount = 0, paragraphCount = 0, quoteCount = 0, ...restCounts] = header.lengths;
  if (header.lengths.length !== 8) throw new RangeError('entries sections are missing');
  // Three reads, each into a buffer of its own: the quotation rows stay (the quotations read their
  // fields from them) while the other sections are dropped after decoding. The quotation rows are
  // read (on the thread pool, where their page faults happen) while the text is decoded here.
  const read = async (at: number, bytes: number): Promise<ArrayBuffer> => {
    const buffer = new ArrayBuffer(bytes);
    await readExactly(file, new Uint8Array(buffer), at);
    return buffer;
  };
  const headAt = 4 + headLength + padding(headLength);
  const headBytes = timeCount * 8 + (rowCount + authorCount + paragraphCount) * 4;
  const tailAt = headAt + headBytes + quoteCount * 4;
  const tailBytes = restCounts.reduce((n, l) => n + l, 0) * 4;
  if (tailAt + tailBytes > size) throw new RangeError('entries file ends early');
  const textAt = tailAt + tailBytes;
  const [tail, head] = await Promise.all([read(tailAt, tailBytes), read(headAt, headBytes)]);
  const reading = read(headAt + headBytes, quoteCount * 4);
  reading.catch(() => undefined); // awaited below, after the text; a failure meanwhile is not unhandled
  const sections = (buffer: ArrayBuffer, from: number, counts: readonly number[]) =>
    counts.map((n) => {
      const section = new Uint32Array(buffer, from, n);
      from += n * 4;
      return section;
    });
  const [setOffsets, setPairs, ends] = sections(tail, 0, restCounts);
  const times = new Float64Array(head, 0, timeCount);
  const [rows, authors, paragraphRefs] = sections(head, timeCount * 8, [rowCount, authorCount, paragraphCount]);
  if (
    !setOffsets ||
    !setPairs ||
    !ends ||
    !rows ||
    !authors ||
    !paragraphRefs ||
    rows.length !== header.entries * ENTRY_STRIDE ||
    times.length !== header.entries * 2
  )
    throw new RangeError('entries sections are missing');
  const lazy = options.lazyTextBytes !== undefined && size - textAt >= options.lazyTextBytes && isFileHandle(file);
  const left = lazy ? onDisk(ends.length, paragraphRefs, [rows, authors, setPairs]) : null;
  const strings = await readStrings(file, textAt, size, ends, header.pages, left);
  const text = new StoredText(strings, ends, left && isFileHandle(file) ? { handle: file, at: textAt, ...(await fileState(file)) } : null, options.heldChars);
  const quotes = new Uint32Array(await reading);
  if (quotes.length % QUOTE_STRIDE !== 0) throw new RangeError('entries sections are missing');
  const str = (n: number): string | null => (n === NONE ? null : n < text.length ? text.get(n) : fail('string reference out of range'));
  const setCount = setOffsets.length - 1;
  checkSpeakerSets(setOffsets, setPairs, text.length);
  // Each speaker set is made the first time a quotation asks for it (the same array for every quotation of that set).
  const sets = new Array<Speaker[] | undefined>(setCount);
  const speakers = (s: number): readonly Speaker[] => {
    let out = sets[s];
    if (out) return out;
    if (s >= setCount) fail('speaker set out of range');
    out = [];
    for (let k = setOffsets[s] ?? 0; k < (setOffsets[s + 1] ?? 0); k++)
      out.push({ name: str(setPairs[2 * k] ?? NONE) ?? '', role: str(setPairs[2 * k + 1] ?? NONE) });
    sets[s] = out;
    return out;
  };
  checkQuoteRows(quotes, text.length, setCount);
  for (let k = 0; k < paragraphRefs.length; k++) if ((paragraphRefs[k] ?? 0) >= text.length) fail('string reference out of range');
  const columns: QuoteColumns = { rows: quotes, strings: text, speakers };
  // The paragraphs' numbers outlive this call when the text is read later: copied out of `head`, which is dropped.
  const refs = lazy ? paragraphRefs.slice() : paragraphRefs;
  let p = 0;
  let q = 0;
  const entries = Array.from({ length: header.entries }, (_, i): FileEntry => {
    const r = i * ENTRY_STRIDE;
    const base = { path: str(rows[r]!) ?? '', size: times[2 * i]!, mtimeMs: times[2 * i + 1]!, hash: str(rows[r + 1]!) ?? '' };
    if (!rows[r + 3]) return { ...base, article: null, quotations: [], warning: str(rows[r + 2]!) };
    const count = rows[r + 14]!;
    if (p + count > refs.length) fail('paragraphs are missing');
    const fields = {
      id: str(rows[r + 4]!) ?? '',
      title: str(rows[r + 5]!) ?? '',
      source: str(rows[r + 6]!),
      date: str(rows[r + 7]!),
      url: str(rows[r + 8]!),
      authors: rows[r + 13] ? Array.from(authors.subarray(rows[r + 12]!, rows[r + 12]! + rows[r + 13]!), (a) => str(a) ?? '') : NO_AUTHORS,
      byline: str(rows[r + 9]!),
      section: str(rows[r + 10]!),
      format: str(rows[r + 11]!) as Article['format'],
    };
    const article: Article = lazy ? new StoredArticle(fields, text, refs, p, count) : { ...fields, paragraphs: eagerList(text, refs, p, count) };
    p += count;
    const quotations: Quotation[] = [];
    const story = { columns, article, first: q };
    for (let n = 0; n < rows[r + 15]!; n++, q += QUOTE_STRIDE) quotations.push(new StoredQuotation(story, q));
    if (q > quotes.length) throw new RangeError('quotation rows are missing');
    return { ...base, article, quotations, warning: str(rows[r + 2]!) };
  });
  return { entries, generation: header.generation ?? null, holdsFile: text.lazy };
}

function eagerList(text: StoredText, refs: Uint32Array, from: number, count: number): string[] {
  const out: string[] = [];
  text.list(refs, from, count, out);
  return out;
}

function isFileHandle(file: FileHandle | ByteSource): file is FileHandle {
  return typeof (file as Partial<FileHandle>).fd === 'number';
}

/** What the file is now (its size and modification time), to find it changed in place later. */
async function fileState(file: FileHandle): Promise<{ size: number; mtimeMs: number }> {
  const { size, mtimeMs } = await file.stat();
  return { size, mtimeMs };
}

/**
 * The strings to leave on disk: 1 for each paragraph's, unless some other field names it too (a
 * title that is also the first paragraph, a speaker who is a paragraph of their own): those are
 * read at start like the rest.
 */
function onDisk(strings: number, paragraphs: Uint32Array, others: readonly Uint32Array[]): Uint8Array {
  const left = new Uint8Array(strings);
  for (let k = 0; k < paragraphs.length; k++) {
    const n = paragraphs[k] ?? NONE;
    if (n < strings) left[n] = 1;
  }
  // (NONE and the numbers in an entry row that are counts are skipped or harmless: a count below `strings` just keeps one more string decoded.)
  for (const refs of others)
    for (let k = 0; k < refs.length; k++) {
      const n = refs[k] ?? NONE;
      if (n < strings) left[n] = 0;
    }
  return left;
}

/**
 * Quotations read their rows only when asked, so a damaged row is found here, while loading (and
 * the index rebuilt), rather than by a question later: every string and speaker-set number must be
 * in range. (Fields 1, 2, 3, 5, 6 and 10–15 hold string numbers, or NONE; field 4 the speaker set.)
 */
function checkQuoteRows(rows: Uint32Array, strings: number, sets: number): void {
  // As signed numbers NONE is -1 and every number in range is small: the lowest and highest of all
  // the string fields tell, with integer comparisons only (a third of the time of one check per field).
  const r = new Int32Array(rows.buffer, rows.byteOffset, rows.length);
  let hi = -1;
  let lo = 0;
  for (let q = 0; q < r.length; q += QUOTE_STRIDE) {
    const set = r[q + 4] ?? -1;
    if (set < 0 || set >= sets) fail('speaker set out of range');
    for (const k of STRING_FIELDS) {
      const n = r[q + k] ?? 0;
      if (n > hi) hi = n;
      if (n < lo) lo = n;
    }
  }
  if (hi >= strings || lo < -1) fail('string reference out of range');
}

/** Speaker sets are made when first asked for: checked here, while loading, that each is a run of name and role pairs naming strings the file has. */
function checkSpeakerSets(offsets: Uint32Array, pairs: Uint32Array, strings: number): void {
  let last = 0;
  for (let s = 0; s < offsets.length; s++) {
    const at = offsets[s] ?? 0;
    if (at < last || at * 2 > pairs.length) fail('speaker sets out of order');
    last = at;
  }
  const refs = new Int32Array(pairs.buffer, pairs.byteOffset, pairs.length);
  for (let k = 0; k < refs.length; k++) {
    const n = refs[k] ?? 0;
    if (n < -1 || n >= strings) fail('string reference out of range');
  }
}

/** The fields of a quotation row that hold string numbers (or NONE). */
const STRING_FIELDS = [1, 2, 3, 5, 6, 10, 11, 12, 13, 14, 15];

/** Bytes after the header so that the sections start 8-aligned in the file. */
function padding(headLength: number): number {
  return (8 - ((4 + headLength) % 8)) % 8;
}

/**
 * Read the text pages and cut them into the string table. With `left`, the strings marked 1 are
 * not decoded (left undefined, to read from the file when needed): a page of those only is not
 * read at all (the file's length is still checked against the pages'), and of a page with others
 * in it, only runs of the others are decoded.
 */
async function readStrings(
  file: FileHandle | ByteSource,
  at: number,
  size: number,
  ends: Uint32Array,
  pages: readonly number[],
  left: Uint8Array | null,
): Promise<(string | undefined)[]> {
  const strings = new Array<string | undefined>(ends.length);
  // The strings of page k are firsts[k] to firsts[k + 1] - 1.
  const firsts = [0];
  for (let k = 0, i = 0; k < pages.length; k++) {
    const pageEnd = pages[k] ?? 0;
    while (i < ends.length && (ends[i] ?? 0) <= pageEnd) i++;
    firsts.push(i);
  }
  if (firsts[pages.length] !== ends.length) throw new RangeError('entries text does not match its table');
  const wanted = (k: number): boolean => {
    if (!left) return true;
    for (let n = firsts[k] ?? 0; n < (firsts[k + 1] ?? 0); n++) if (!left[n]) return true;
    return false;
  };
  // Two read buffers, reused for every page: on a machine where first touching memory is what
  // costs (page faults), reading into fresh buffers cost as much as decoding. The next page is
  // read (on the thread pool) while this one is decoded.
  const buffers = [Buffer.allocUnsafe(0), Buffer.allocUnsafe(0)];
  const readPage = (k: number): Promise<Buffer | null> | null => {
    const pageEnd = pages[k];
    if (pageEnd === undefined) return null;
    const length = (pageEnd - (pages[k - 1] ?? 0)) * 2;
    if (at + length > size) throw new RangeError('entries text is cut short');
    const position = at;
    at += length;
    if (!wanted(k)) return Promise.resolve(null);
    if (length > (buffers[k % 2]?.length ?? 0)) buffers[k % 2] = Buffer.allocUnsafe(length);
    const into = (buffers[k % 2] ?? fail('no read buffer')).subarray(0, length);
    return readExactly(file, into, position).then(() => into);
  };
  let next = readPage(0);
  for (let k = 0; next; k++) {
    const bytes = await next;
    next = readPage(k + 1);
    const pageStart = pages[k - 1] ?? 0;
    const first = firsts[k] ?? 0;
    const end = firsts[k + 1] ?? 0;
    if (!bytes) continue;
    if (left) decodeRuns(bytes, pageStart, ends, first, end, left, strings);
    else {
      const page = bytes.toString('utf16le');
      for (let n = first; n < end; n++) strings[n] = page.slice((ends[n - 1] ?? 0) - pageStart, (ends[n] ?? 0) - pageStart);
    }
  }
  if (at !== size) throw new RangeError('entries text does not match its table');
  return strings;
}

/** Decode strings `first` to `end - 1` of one page (starting at character `pageStart`), but those `left` on disk: one decode per run of the others. */
function decodeRuns(bytes: Buffer, pageStart: number, ends: Uint32Array, first: number, end: number, left: Uint8Array, strings: (string | undefined)[]): void {
  let n = first;
  while (n < end) {
    if (left[n]) {
      n++;
      continue;
    }
    let m = n + 1;
    while (m < end && !left[m]) m++;
    const from = (ends[n - 1] ?? 0) - pageStart;
    const run = bytes.toString('utf16le', from * 2, ((ends[m - 1] ?? 0) - pageStart) * 2);
    for (let x = n; x < m; x++) strings[x] = run.slice((ends[x - 1] ?? 0) - pageStart - from, (ends[x] ?? 0) - pageStart - from);
    n = m;
  }
}

function fail(reason: string): never {
  throw new RangeError(reason);
}
