/** The shapes the quotation finders pass between them. */
import type { Mention } from './mentions.ts';
import type { CueRuleId, QuoteRuleId } from '../rules.ts';
import type { QuoteSpan, Range } from '../read/split.ts';
import type { Token } from '../read/tokens.ts';
import type { QuoteKind, Said } from '../types.ts';
import { POSSESSIVE_SUBJECT } from '../lexicon.ts';

/** A quotation before its speaker is resolved. Offsets are within the paragraph. */
export interface FoundQuote {
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: QuoteKind;
  /** The speaker as the sentence names them; null when the quote floats. */
  readonly mention: Mention | null;
  readonly verb: string;
  readonly said: Said | null;
  /** Index of the sentence unit in the paragraph. */
  readonly unit: number;
  /** The quotation starts its sentence (only such quotes may continue an earlier speaker). */
  readonly opensSentence: boolean;
  /**
   * A short lead with no speaker introduces it ("And here was the big reveal: “…”"), or its own
   * words finish a sentence the writer began ("The Prime Minister “could get a deal if …”").
   */
  readonly shortLead?: boolean;
  /** The whole text of an embedded post (a tweet), whose author is named after it. */
  readonly embed?: boolean;
  /**
   * It relays what others said (a tweet, "according to Gibson, Major said …"): the quotations
   * inside it stay quotations of their own.
   */
  readonly relays?: boolean;
  /** Id of the rule in QUOTE_RULES (rules.ts) that found the quotation. */
  readonly rule: QuoteRuleId;
  /** Id of the rule in CUE_RULES (rules.ts) that found the words naming its speaker, 'none' when none do. */
  readonly cue: CueRuleId;
}

/** A reporting word and the mention of who says, as a cue rule found them in a sentence unit. */
export interface Attribution {
  readonly mention: Mention;
  readonly verb: Token;
  readonly lemma: string;
  /** Subject comes after the verb: "said Smith". */
  readonly inverted: boolean;
  /** Id of the rule in CUE_RULES (rules.ts) that found it. */
  readonly cue: CueRuleId;
}

/** The one whose words they are, as a mention: "her" → "she", "Smith's" → "Smith". */
export function ownerAsSubject(owner: string): string {
  return POSSESSIVE_SUBJECT.get(owner.toLowerCase()) ?? owner.replace(/['’]s?$/, '');
}

export function isInside(pos: number, spans: readonly QuoteSpan[]): boolean {
  return spans.some((s) => pos >= s.start && pos < s.end);
}

/** One word of a sentence unit, as the cue rules see it. */
export interface CueSite {
  readonly text: string;
  readonly unit: Range;
  readonly spans: readonly QuoteSpan[];
  /** The unit's words outside quotation marks. */
  readonly tokens: readonly Token[];
  readonly v: number;
  readonly word: Token;
  /** Attributions found earlier in the unit. */
  readonly found: readonly Attribution[];
  /** Offsets of the words the tagger reads as nouns in the unit (tagged once, when first asked). */
  readonly nouns: () => ReadonlySet<number>;
}

/** A reporting verb at a site, with what the rules after it look at. */
export interface VerbSite extends CueSite {
  /** The verb as written: both words of a phrasal one ("pointed out"). */
  readonly tok: Token;
  readonly particle: Token | null;
  readonly lemma: string;
  readonly according: boolean;
  /** A quotation sits between the previous word and the verb. */
  readonly quoteBefore: boolean;
  /** The previous word, lower case (',' after a quotation). */
  readonly prev: string | undefined;
  /** "he was quoted as saying". */
  readonly quotedAs: boolean;
  /** Where "went on to", "continued to" starts before "to", or -1. */
  readonly catenative: number;
  /** The nearest quote or clause boundary to the left: a subject never reaches past it. */
  readonly floor: number;
}

export type CueResult = Attribution | null | undefined;

/** An attribution found by cue rule `id`. */
export const cue = (mention: Mention, verb: Token, lemma: string, inverted: boolean, id: CueRuleId): Attribution => ({
  mention,
  verb,
  lemma,
  inverted,
  cue: id,
});
