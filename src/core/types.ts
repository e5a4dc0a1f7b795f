/** Shared data shapes of the pure core. Everything here is plain data (JSON-serialisable). */

/** One file handed to the core: a path relative to the corpus folder and its raw bytes or text. */
export interface SourceFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

export type ArticleFormat = 'txt' | 'md' | 'html';

/** A story after loading and cleaning: metadata plus body paragraphs, furniture removed. */
export interface Article {
  readonly id: string;
  readonly title: string;
  readonly source: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly authors: readonly string[];
  readonly byline: string | null;
  readonly section: string | null;
  readonly format: ArticleFormat;
  readonly paragraphs: readonly string[];
}

export interface Speaker {
  readonly name: string;
  readonly role: string | null;
}

export interface Said {
  readonly when: string | null;
  readonly where: string | null;
}

export type QuoteKind = 'direct' | 'indirect';

/** Where a quotation sits in its article: paragraph index and character offsets in that paragraph. */
export interface Span {
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

/**
 * How a quotation's speaker was worked out, from most to least certain: named in the sentence,
 * a named organisation ("Facebook", or "the diocese" when the story names one diocese before it),
 * a document whose author the sentence names ("a study released by Civic Action"),
 * a pronoun, a role ("the minister"), a description of the one person the sentence before names
 * ("Schuh is aware … “…,” the lanky, bespectacled professor said"), a description ("the affable proprietor"), an organisation
 * ("the company"), a floating quote continuing an earlier one, a speaker inferred by a resolver
 * whose measured precision is too low to state (`inferred`, see certainty.ts), or not at all.
 */
export type AttributionKind =
  | 'name'
  | 'org'
  | 'document'
  | 'pronoun'
  | 'role'
  | 'described'
  | 'description'
  | 'organisation'
  | 'unnamed'
  | 'intro'
  | 'floating'
  | 'inferred'
  | 'none';

/** A quotation found in an article, with its resolved speakers. */
export interface Quotation {
  readonly id: string;
  readonly articleId: string;
  readonly quote: string;
  readonly kind: QuoteKind;
  readonly speakers: readonly Speaker[];
  readonly said: Said | null;
  readonly span: Span;
  /** How the sentence names the speaker ("he", "Umerov", "the minister"), empty when floating. */
  readonly mention: string;
  readonly verb: string;
  readonly attribution: AttributionKind;
  /** Id of the rule that found the quotation (QUOTE_RULES in quotes.ts). */
  readonly rule: string;
  /** Id of the rule that found the words naming its speaker (CUE_RULES in quotes.ts), 'none' when none. */
  readonly cue: string;
  /** Id of the resolver that named its speaker (RESOLVERS in speakers.ts), 'none' when unresolved. */
  readonly resolvedBy: string;
}

export interface ArticleRef {
  readonly id: string;
  readonly title: string;
  readonly source: string | null;
  readonly date: string | null;
  /** The story's address, for a "Read the story" link; answers from `ask` always set it (null when unknown). */
  readonly url?: string | null;
  /** Who wrote the story: its byline, else its authors; answers from `ask` always set it (null when unknown). */
  readonly byline?: string | null;
}

export interface Answer {
  readonly quote: string;
  readonly kind: QuoteKind;
  /** The story's reporting verb as written ("said", "warns", "according"); see `phraseQuote`. */
  readonly verb?: string;
  /** Empty when the speaker is not certain; see `attributedTo`. */
  readonly speakers: readonly Speaker[];
  /**
   * The story's own words for the speaker when the name is inferred: for an uncertain speaker
   * ("the affable proprietor"), and for an organisation found from them ("the company").
   */
  readonly attributedTo?: string;
  readonly said: Said | null;
  readonly article: ArticleRef;
  readonly score: number;
  /** Id of the quotation, for "more like this" and "show context". */
  readonly quotationId: string;
  /** Question words that matched inside the quote, for highlighting. */
  readonly matched: readonly string[];
}

export type QuestionIntent = 'who-said' | 'what-did' | 'did-say' | 'who-is';

export interface AskResult {
  readonly question: string;
  readonly found: boolean;
  readonly answers: readonly Answer[];
  /** Present when not found: a short hint of the closest thing the stories hold. */
  readonly suggestion?: string;
  /** For "who is X?" (and name questions): the person the question is about. */
  readonly person?: PersonInfo;
  /** Number of distinct stories with a match, when the question is ambiguous across many. */
  readonly storiesMatched?: number;
}

export interface PersonInfo {
  readonly name: string;
  readonly role: string | null;
  readonly quotes: number;
  readonly stories: number;
}

export interface LoadWarning {
  readonly path: string;
  readonly reason: string;
}
