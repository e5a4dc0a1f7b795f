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
 * modification time, checked before every read, and by a short read: the question then fails
 * with an error rather than reading wrong text.
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

/** One read buffer for every lazy read (reads are synchronous, so never two at once). */
let scratch = Buffer.allocUnsafe(64 * 1024);

export class StoredText {
  /** Strings decoded so far (at start, all but the paragraphs left on disk). */
  readonly #strings: (string | undefined)[];
  /** Character offset where each string ends. */
  readonly #ends: Uint32Array;
  readonly #file: TextFile | null;

  constructor(strings: (string | undefined)[], ends: Uint32Array, file: TextFile | null) {
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

  /** String number `n` (the caller checks it is in range). */
  get(n: number): string {
    return this.#strings[n] ?? this.#read(n, n + 1);
  }

  /** The strings `refs[from]`, … `refs[from + count - 1]`: runs of consecutive numbers not yet decoded are read with one read each. */
  list(refs: Uint32Array, from: number, count: number): string[] {
    const out = new Array<string>(count);
    let k = 0;
    while (k < count) {
      const n = refs[from + k] ?? 0;
      const known = this.#strings[n];
      if (known !== undefined) {
        out[k++] = known;
        continue;
      }
      let m = k + 1;
      while (m < count && refs[from + m] === (refs[from + m - 1] ?? 0) + 1 && this.#strings[refs[from + m] ?? 0] === undefined) m++;
      this.#read(n, n + m - k);
      for (let j = k; j < m; j++) out[j] = this.#strings[n + j - k] ?? '';
      k = m;
    }
    return out;
  }

  /** Read and decode strings `first` to `end - 1` from the file, keep them, and return the first. */
  #read(first: number, end: number): string {
    const file = this.#file;
    if (!file) throw new RangeError('string reference out of range');
    const from = first > 0 ? (this.#ends[first - 1] ?? 0) : 0;
    const to = this.#ends[end - 1] ?? from;
    const bytes = (to - from) * 2;
    const fd = file.handle.fd;
    // Changed in place since it was decoded (cut short, written over): its text is no longer the text this table describes.
    if (!sameFile(fd, file)) throw damaged();
    if (scratch.length < bytes) scratch = Buffer.allocUnsafe(Math.max(bytes, scratch.length * 2));
    let done = 0;
    while (done < bytes) {
      const n = readSync(fd, scratch, done, bytes - done, file.at + from * 2 + done);
      if (n === 0) throw damaged();
      done += n;
    }
    const text = scratch.toString('utf16le', 0, bytes);
    for (let i = first; i < end; i++) this.#strings[i] = text.slice((i > 0 ? (this.#ends[i - 1] ?? 0) : 0) - from, (this.#ends[i] ?? 0) - from);
    return this.#strings[first] ?? '';
  }
}

/**
 * A story whose paragraphs are read from `text` when first needed: `refs[from]`… are their string
 * numbers. Until then `paragraphs` is a view (`pendingView`) that knows its length without reading
 * (building the corpus counts every story's paragraphs); once read, the plain array. The other
 * fields are plain. As JSON (`toJSON`), the plain object a decoded story used to be.
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
  /** The paragraphs, once read. */
  #list: string[] | null = null;
  #view: string[] | null = null;

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
    if (this.#list) return this.#list;
    if (this.#count === 0) {
      this.#list = [];
      return this.#list;
    }
    this.#view ??= pendingView(this);
    return this.#view;
  }

  /** How many paragraphs the story has (without reading them). */
  get paragraphCount(): number {
    return this.#count;
  }

  /** Read the paragraphs into `into` (the view's target), which becomes the list. */
  fill(into: string[]): void {
    if (this.#list) return;
    for (const s of this.#text.list(this.#refs, this.#from, this.#count)) into.push(s);
    this.#list = into;
  }

  toJSON(): Article {
    const { id, title, source, date, url, authors, byline, section, format } = this;
    return { id, title, source, date, url, authors, byline, section, format, paragraphs: this.paragraphs.slice() };
  }
}

/**
 * The handler of one story's view: `length` without reading, anything else reads the paragraphs
 * into the target (an empty array until then) first. One small object per story, its traps on the
 * prototype (a shared handler finding the story through a WeakMap, or a target of the story's
 * length, cost several times as much to make for 100,000 stories).
 */
class PendingParagraphs implements ProxyHandler<string[]> {
  readonly #article: StoredArticle;

  constructor(article: StoredArticle) {
    this.#article = article;
  }

  #ready(target: string[]): string[] {
    this.#article.fill(target);
    return target;
  }

  get(target: string[], key: string | symbol): unknown {
    return key === 'length' && target.length === 0 ? this.#article.paragraphCount : Reflect.get(this.#ready(target), key);
  }

  has(target: string[], key: string | symbol): boolean {
    return Reflect.has(this.#ready(target), key);
  }

  ownKeys(target: string[]): ArrayLike<string | symbol> {
    return Reflect.ownKeys(this.#ready(target));
  }

  getOwnPropertyDescriptor(target: string[], key: string | symbol): PropertyDescriptor | undefined {
    return Reflect.getOwnPropertyDescriptor(this.#ready(target), key);
  }

  set(target: string[], key: string | symbol, value: unknown): boolean {
    return Reflect.set(this.#ready(target), key, value);
  }

  defineProperty(target: string[], key: string | symbol, descriptor: PropertyDescriptor): boolean {
    return Reflect.defineProperty(this.#ready(target), key, descriptor);
  }

  deleteProperty(target: string[], key: string | symbol): boolean {
    return Reflect.deleteProperty(this.#ready(target), key);
  }
}

/** An array of the story's paragraphs that reads them only when something other than its length is asked. */
function pendingView(article: StoredArticle): string[] {
  return new Proxy<string[]>([], new PendingParagraphs(article));
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
