/**
 * Quotations read from the saved entries file, as small objects over its columns: each holds its
 * story's table and its row, and reads a field from the row when asked. At a million quotations
 * the plain objects (the quotation, its span, its id and quote strings: about 240 bytes each)
 * were half the heap and most of a cold start's garbage collection; these are 56 bytes, and the
 * rows they read (`QUOTE_STRIDE` numbers each) stay in one typed array outside the heap.
 *
 * They are `Quotation`s to everything that reads them: the same values from every field, in
 * `JSON.stringify` the same object as before (`toJSON`). What differs: the fields are getters on
 * the prototype (not own properties), and `span` and `said` are new objects on each read.
 */
import { ID_NUMBER } from '../core/answer/quotation-ids.ts';
import type { Article, Quotation, Speaker } from '../core/types.ts';
import type { StoredText } from './stored-text.ts';

export const NONE = 0xffffffff;
export const SAID = 1;
export const CANONICAL_ID = 2;
export const SPAN_QUOTE = 4;
/** flags, id, quote, kind, speaker set, said.when, said.where, paragraph, start, end, mention, verb, attribution, rule, cue, resolvedBy. */
export const QUOTE_STRIDE = 16;

/** What one decoded file's quotations read: their rows, its string table, its speaker sets. */
export interface QuoteColumns {
  readonly rows: Uint32Array;
  /** The file's strings (paragraphs of a large archive are read when first asked for: see `stored-text.ts`). */
  readonly strings: StoredText;
  /** Speaker set `s` (made when first asked for; throws when out of range). */
  readonly speakers: (set: number) => readonly Speaker[];
}

/** One story's quotations: the file's columns, the story, and the row its first quotation starts at. */
export interface StoryQuotes {
  readonly columns: QuoteColumns;
  readonly article: Article;
  readonly first: number;
}

function fail(reason: string): never {
  throw new RangeError(reason);
}

export class StoredQuotation implements Quotation {
  readonly #story: StoryQuotes;
  /** Index of the row's first number in `columns.rows`. */
  readonly #row: number;
  /** The quote, once read (the text search reads it for every candidate). */
  #quote: string | undefined;

  constructor(story: StoryQuotes, row: number) {
    this.#story = story;
    this.#row = row;
  }

  #at(k: number): number {
    return this.#story.columns.rows[this.#row + k] ?? NONE;
  }

  #str(k: number): string | null {
    const n = this.#at(k);
    const strings = this.#story.columns.strings;
    return n === NONE ? null : n < strings.length ? strings.get(n) : fail('string reference out of range');
  }

  /** n when the id is "<story>#n" (its number in the story), else 0: lets `QuotationsById` skip building the id. */
  [ID_NUMBER](): number {
    return this.#at(0) & CANONICAL_ID ? (this.#row - this.#story.first) / QUOTE_STRIDE + 1 : 0;
  }

  get id(): string {
    const n = this[ID_NUMBER]();
    return n > 0 ? `${this.#story.article.id}#${n}` : (this.#str(1) ?? '');
  }

  get articleId(): string {
    return this.#story.article.id;
  }

  get quote(): string {
    if (this.#quote !== undefined) return this.#quote;
    const quote = this.#at(0) & SPAN_QUOTE ? (this.#story.article.paragraphs[this.#at(7)] ?? '').slice(this.#at(8), this.#at(9)) : (this.#str(2) ?? '');
    // Not kept when the paragraphs are read from disk: the quote is a slice of its paragraph and would keep it (and its story's text) in memory after the story lets go of it.
    if (!this.#story.columns.strings.lazy) this.#quote = quote;
    return quote;
  }

  get kind(): Quotation['kind'] {
    return this.#str(3) as Quotation['kind'];
  }

  get speakers(): readonly Speaker[] {
    return this.#story.columns.speakers(this.#at(4));
  }

  get said(): Quotation['said'] {
    return this.#at(0) & SAID ? { when: this.#str(5), where: this.#str(6) } : null;
  }

  get span(): Quotation['span'] {
    return { paragraph: this.#at(7), start: this.#at(8), end: this.#at(9) };
  }

  get mention(): string {
    return this.#str(10) ?? '';
  }

  get verb(): string {
    return this.#str(11) ?? '';
  }

  get attribution(): Quotation['attribution'] {
    return this.#str(12) as Quotation['attribution'];
  }

  get rule(): string {
    return this.#str(13) ?? 'none';
  }

  get cue(): string {
    return this.#str(14) ?? 'none';
  }

  get resolvedBy(): string {
    return this.#str(15) ?? 'none';
  }

  /** The plain object a decoded quotation used to be, fields in the same order. */
  toJSON(): Quotation {
    return {
      id: this.id,
      articleId: this.articleId,
      quote: this.quote,
      kind: this.kind,
      speakers: this.speakers,
      said: this.said,
      span: this.span,
      mention: this.mention,
      verb: this.verb,
      attribution: this.attribution,
      rule: this.rule,
      cue: this.cue,
      resolvedBy: this.resolvedBy,
    };
  }
}
