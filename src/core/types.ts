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
  /** Id of the rule that found the quotation (QUOTE_RULES in rules.ts; found in quotes/). */
  readonly rule: string;
  /** Id of the rule that found the words naming its speaker (CUE_RULES in rules.ts; quotes/cues.ts), 'none' when none. */
  readonly cue: string;
  /** Id of the resolver that named its speaker (RESOLVERS in rules.ts; speakers/resolve.ts), 'none' when unresolved. */
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
  /** The same quotation carried by other stories (wire copy republished), earliest first. */
  readonly alsoIn?: readonly ArticleRef[];
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
  /**
   * "who said …?" only: the first `tied` answers match the question about equally well and put the
   * words on different people, so none of them is *the* answer: the reader is asked which one.
   */
  readonly tied?: number;
  /** Number of distinct stories with a match, when the question is ambiguous across many. */
  readonly storiesMatched?: number;
  /** For "did <name> say …?": the verdict; its evidence is the first answer. */
  readonly verdict?: ClaimVerdict;
  /** When a role or organisation names several people ("the president"): who the reader may mean. */
  readonly choices?: readonly Speaker[];
}

/**
 * A verdict on "did <name> say <words>?": verbatim (in a direct quotation of theirs), reported (the
 * story reports them saying it), close (they said something close: see `changes`), someone-else
 * (the words are another stated speaker's), not-said (they are quoted, but nothing close),
 * not-quoted (no one by that name is quoted).
 */
export type VerdictKind = 'verbatim' | 'reported' | 'close' | 'someone-else' | 'not-said' | 'not-quoted';

/** One step of a word-by-word comparison of the reader's words with a quotation's, in the quotation's order. */
export interface WordChange {
  /** same: in both; added: only in the reader's words; left-out: only in the quotation; changed: the quotation's words replaced. */
  readonly op: 'same' | 'added' | 'left-out' | 'changed';
  /** The quotation's words (same, left-out, changed) or the reader's (added). */
  readonly words: string;
  /** For changed: the reader's words in their place. */
  readonly asked?: string;
}

export interface ClaimVerdict {
  readonly kind: VerdictKind;
  /** The person asked about, as the stories name them (as typed when no one by that name is quoted). */
  readonly person: string;
  /** The words the reader asked about. */
  readonly claim: string;
  /** 0..1: how closely the evidence's words match the claim (1: the claim is a stretch of the quotation). */
  readonly similarity: number;
  /** For close: the quotation's words against the reader's, difference by difference. */
  readonly changes?: readonly WordChange[];
  /** The evidence's words are in a story that does not say (for certain) who said them. */
  readonly unattributed?: boolean;
  /** A difference touches a number or a negation: never verbatim nor reported. */
  readonly meaningChanged?: boolean;
}

export interface PersonInfo {
  readonly name: string;
  readonly role: string | null;
  readonly quotes: number;
  readonly stories: number;
  /** For "who is": each role the stories give the person, with the first story giving it. */
  readonly roles?: readonly { readonly role: string; readonly article: ArticleRef }[];
  /** Dates of the first and latest story quoting them (null when undated). */
  readonly first?: string | null;
  readonly latest?: string | null;
}

export interface LoadWarning {
  readonly path: string;
  readonly reason: string;
}
