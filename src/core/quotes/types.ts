/** The shapes the quotation finders pass between them. */
import type { Mention } from '../mentions.ts';
import type { CueRuleId, QuoteRuleId } from '../rules.ts';
import type { QuoteSpan } from '../split.ts';
import type { Token } from '../tokens.ts';
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
