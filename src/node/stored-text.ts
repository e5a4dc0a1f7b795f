/**
 * The string table of a decoded entries file, with the paragraphs of a large archive left on disk.
 *
 * At a million quotations the paragraphs are about 400 MB of UTF-16 text: decoding them all at
 * start cost seconds, most of it first touching that much memory (page faults), for text that a
 * question reads a few hundred paragraphs of. So a large file's paragraphs stay in the file, which
 * stays open: a story's paragraphs are read (one `readSync` when they are consecutive in the
 * table, as they are when written) and decoded the first time anything reads them, then kept.
 * Every other string (paths, ids, titles, names, quotes that are not a slice of their paragraph…)
 * is decoded at start, as before.
 *
 * The file handle is held open, so the saved index being written anew (to a temporary name,
 * renamed over this one) never changes what is read: this process keeps reading the file it
 * decoded. The file being changed in place (cut short, overwritten) is found by its size and
 * modification time, checked before the first read of each synchronous run (each question), and
 * by a short read: the question then fails with an error rather than reading wrong text.
 */
import { fstatSync, readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { WhosaidError } from '../core/errors.ts';
import type { Article } from '../core/types.ts';

/** The open entries file the text is read from, and what it was when decoded. */
export interface TextFile {
  readonly handle: FileHandle;
  /** Byte offset of the first text page. */
  readonly at: number;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Files held open by tables still in use; closed once their table is garbage (a live reload may drop a whole base). */
const OPEN_FILES = new FinalizationRegistry<FileHandle>((handle) => {
  handle.close().catch(() => undefined);
});

/**
 * Characters of paragraphs read from disk kept at most per file (64 MB of UTF-16): a long-running
 * bot's questions reach most stories in time, and keeping them all would hold the whole text again,
 * in the heap this time. Each question reads its stories' paragraphs once; a story read again after
 * being let go costs one more read.
 */
export const HELD_CHARS = 32 * 2 ** 20;

/** One read buffer for every lazy read (reads are synchronous, so never two at once). */
let scratch = Buffer.allocUnsafe(64 * 1024);

export class StoredText {
  /** Strings decoded so far (at start, all but the paragraphs left on disk). */
  readonly #strings: (string | undefined)[];
  /** Character offset where each string ends. */
  readonly #ends: Uint32Array;
  readonly #file: TextFile | null;
  /** Stories holding their paragraphs, read longest ago first (from `#next`), and how many characters they hold. */
  #held: (StoredArticle | undefined)[] = [];
  #next = 0;
  #heldChars = 0;
  /** The file was found unchanged during this synchronous run (see `#read`). */
  #checked = false;

  /** Characters of paragraphs kept at most (`HELD_CHARS` unless a test asks for fewer). */
  readonly #heldMax: number;

  constructor(strings: (string | undefined)[], ends: Uint32Array, file: TextFile | null, heldChars = HELD_CHARS) {
    this.#heldMax = heldChars;
    this.#strings = strings;
    this.#ends = ends;
    this.#file = file;
    if (file) OPEN_FILES.register(this, file.handle);
  }

  get length(): number {
    return this.#ends.length;
  }

  /** Whether text is left on disk (read when first asked for). */
  get lazy(): boolean {
    return this.#file !== null;
  }

  /** String number `n` (the caller checks it is in range). A string left on disk is read each time (only paragraphs are, and stories keep theirs). */
  get(n: number): string {
    const known = this.#strings[n];
    if (known !== undefined) return known;
    const out: string[] = [];
    this.#read(n, n + 1, out);
    return out[0] ?? '';
  }

  /** The strings `refs[from]`, … `refs[from + count - 1]`, pushed onto `into`: runs of consecutive numbers left on disk are read with one read each. */
  list(refs: Uint32Array, from: number, count: number, into: string[]): void {
    let k = 0;
    while (k < count) {
      const n = refs[from + k] ?? 0;
      const known = this.#strings[n];
      if (known !== undefined) {
        into.push(known);
        k++;
        continue;
      }
      let m = k + 1;
      while (m < count && refs[from + m] === (refs[from + m - 1] ?? 0) + 1 && this.#strings[refs[from + m] ?? 0] === undefined) m++;
      this.#read(n, n + m - k, into);
      k = m;
    }
  }

  /** Read and decode strings `first` to `end - 1` from the file, onto `into`. */
  #read(first: number, end: number, into: string[]): void {
    const file = this.#file;
    if (!file) throw new RangeError('string reference out of range');
    const from = first > 0 ? (this.#ends[first - 1] ?? 0) : 0;
    const to = this.#ends[end - 1] ?? from;
    const bytes = (to - from) * 2;
    const fd = file.handle.fd;
    // Changed in place since it was decoded (cut short, written over): its text is no longer the
    // text this table describes. Checked once per synchronous run (a question reads up to a few
    // thousand paragraphs, and the check cost as much as the read): until the microtasks run, a
    // change would have to land within the answer being worked out.
    if (!this.#checked) {
      if (!sameFile(fd, file)) throw damaged();
      this.#checked = true;
      queueMicrotask(() => {
        this.#checked = false;
      });
    }
    if (scratch.length < bytes) scratch = Buffer.allocUnsafe(Math.max(bytes, scratch.length * 2));
    let done = 0;
    while (done < bytes) {
      const n = readSync(fd, scratch, done, bytes - done, file.at + from * 2 + done);
      if (n === 0) throw damaged();
      done += n;
    }
    const text = scratch.toString('utf16le', 0, bytes);
    for (let i = first; i < end; i++) into.push(text.slice((i > 0 ? (this.#ends[i - 1] ?? 0) : 0) - from, (this.#ends[i] ?? 0) - from));
  }

  /**
   * Count `chars` more characters of paragraphs read from disk, held by `article` (`first`: its
   * first since it was let go of, so it joins the queue); past the most kept, let go of the story
   * read longest ago and not asked for since (a second chance for those asked for).
   */
  hold(article: StoredArticle, chars: number, first: boolean): void {
    if (first) this.#held.push(article);
    this.#heldChars += chars;
    while (this.#heldChars > this.#heldMax && this.#held.length > this.#next + 1) {
      const oldest = this.#held[this.#next] as StoredArticle;
      this.#held[this.#next++] = undefined;
      if (oldest.recentlyRead()) this.#held.push(oldest);
      else this.#heldChars -= oldest.release();
      if (this.#next > 4096 && this.#next * 2 > this.#held.length) {
        this.#held = this.#held.slice(this.#next);
        this.#next = 0;
      }
    }
  }

  /** Whether string `n` is left on disk (read each time it is asked for). */
  isLeft(n: number): boolean {
    return this.#strings[n] === undefined;
  }
}

/**
 * A story whose paragraphs are read from `text` one by one when first needed: `refs[from]`… are
 * their string numbers. `paragraphs` is a view (a proxy over an array holding those read so far)
 * that knows its length without reading (building the corpus counts every story's paragraphs) and
 * reads a paragraph the first time it is indexed: a question reads the paragraph of each candidate
 * quotation or passage, a few thousand at most, not their whole stories (ten times the text, which
 * only made garbage). The other fields are plain. As JSON (`toJSON`), the plain object a decoded
 * story used to be.
 */
export class StoredArticle implements Article {
  readonly id: string;
  readonly title: string;
  readonly source: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly authors: readonly string[];
  readonly byline: string | null;
  readonly section: string | null;
  readonly format: Article['format'];
  readonly #text: StoredText;
  readonly #refs: Uint32Array;
  readonly #from: number;
  readonly #count: number;
  /** The paragraphs read so far (a hole for the others), and the view over them. */
  #read: string[] | null = null;
  #view: string[] | null = null;
  /** Characters of paragraphs read from disk held, and whether the story is in its file's queue of those (see `StoredText.hold`). */
  #held = 0;
  #queued = false;
  /** Asked for since it was queued or given its second chance. */
  #used = false;

  constructor(fields: Omit<Article, 'paragraphs'>, text: StoredText, refs: Uint32Array, from: number, count: number) {
    this.id = fields.id;
    this.title = fields.title;
    this.source = fields.source;
    this.date = fields.date;
    this.url = fields.url;
    this.authors = fields.authors;
    this.byline = fields.byline;
    this.section = fields.section;
    this.format = fields.format;
    this.#text = text;
    this.#refs = refs;
    this.#from = from;
    this.#count = count;
  }

  get paragraphs(): readonly string[] {
    if (this.#count === 0) return NO_PARAGRAPHS;
    this.#used = true;
    if (this.#view) return this.#view;
    this.#read = [];
    this.#view = new Proxy(this.#read, new PendingParagraphs(this));
    return this.#view;
  }

  /** How many paragraphs the story has (without reading them). */
  get paragraphCount(): number {
    return this.#count;
  }

  /** Paragraph `i` (undefined past the last), read from the file the first time. */
  paragraph(i: number): string | undefined {
    const read = this.#read;
    if (!read || i >= this.#count || i < 0) return undefined;
    const known = read[i];
    if (known !== undefined) return known;
    const n = this.#refs[this.#from + i] ?? 0;
    const text = this.#text.get(n);
    read[i] = text;
    if (this.#text.isLeft(n)) {
      this.#held += text.length;
      this.#text.hold(this, text.length, !this.#queued);
      this.#queued = true;
    }
    return text;
  }

  /** Read every paragraph not read yet (before listing keys or changing the array). */
  readAll(): string[] {
    for (let i = 0; i < this.#count; i++) this.paragraph(i);
    return this.#read ?? [];
  }

  /** Whether the paragraphs were asked for since the last call (and forget it). */
  recentlyRead(): boolean {
    const used = this.#used;
    this.#used = false;
    return used;
  }

  /** Let go of the paragraphs read (read again when next asked for); returns how many characters they held. */
  release(): number {
    const held = this.#held;
    this.#held = 0;
    this.#queued = false;
    if (this.#read) this.#read.length = 0;
    return held;
  }

  toJSON(): Article {
    const { id, title, source, date, url, authors, byline, section, format } = this;
    return { id, title, source, date, url, authors, byline, section, format, paragraphs: this.paragraphs.slice() };
  }
}

const NO_PARAGRAPHS: readonly string[] = Object.freeze([]);

/** The array index a property key names (a proxy gets indexes as strings), or -1. Parsed by hand: no number or string made per read. */
function indexOf(key: string | symbol): number {
  if (typeof key !== 'string' || key.length === 0 || key.length > 9 || (key.length > 1 && key.charCodeAt(0) === 48)) return -1;
  let i = 0;
  for (let k = 0; k < key.length; k++) {
    const digit = key.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return -1;
    i = i * 10 + digit;
  }
  return i;
}

/**
 * The handler of one story's view: `length` without reading, an index reads that paragraph,
 * anything else (methods) works through those two; listing keys or changing the array reads every
 * paragraph first. One small object per story, its traps on the prototype (a shared handler finding
 * the story through a WeakMap cost several times as much to make for 100,000 stories).
 */
class PendingParagraphs implements ProxyHandler<string[]> {
  readonly #article: StoredArticle;

  constructor(article: StoredArticle) {
    this.#article = article;
  }

  get(target: string[], key: string | symbol, receiver: unknown): unknown {
    if (key === 'length') return this.#article.paragraphCount;
    const i = indexOf(key);
    return i >= 0 ? this.#article.paragraph(i) : Reflect.get(target, key, receiver);
  }

  has(target: string[], key: string | symbol): boolean {
    const i = indexOf(key);
    return i >= 0 ? i < this.#article.paragraphCount : Reflect.has(target, key);
  }

  ownKeys(): ArrayLike<string | symbol> {
    return Reflect.ownKeys(this.#article.readAll());
  }

  getOwnPropertyDescriptor(_: string[], key: string | symbol): PropertyDescriptor | undefined {
    return Reflect.getOwnPropertyDescriptor(this.#article.readAll(), key);
  }

  set(_: string[], key: string | symbol, value: unknown): boolean {
    return Reflect.set(this.#article.readAll(), key, value);
  }

  defineProperty(_: string[], key: string | symbol, descriptor: PropertyDescriptor): boolean {
    return Reflect.defineProperty(this.#article.readAll(), key, descriptor);
  }

  deleteProperty(_: string[], key: string | symbol): boolean {
    return Reflect.deleteProperty(this.#article.readAll(), key);
  }
}

/** Whether `fd` is still open on the file as it was decoded (same size and modification time). */
function sameFile(fd: number, file: TextFile): boolean {
  try {
    const st = fstatSync(fd);
    return st.size === file.size && st.mtimeMs === file.mtimeMs;
  } catch {
    return false;
  }
}

function damaged(): WhosaidError {
  return new WhosaidError('the saved index changed on disk while in use (its text can no longer be read); restart to rebuild it');
}
