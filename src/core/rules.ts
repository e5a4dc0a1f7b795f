/**
 * Provenance: the ids every quotation carries, as tables a reader can scan. `rule` says which
 * construction found the quotation (QUOTE_RULES, rules/quote-rules.ts), `cue` which construction found the
 * words naming its speaker (CUE_RULES, rules/cue-rules.ts), `resolvedBy` which path turned those words into
 * a speaker (RESOLVERS, rules/resolvers.ts). Each row's `where` names the function that holds the rule, in the ordered tables of quotes/ and
 * speakers/ (WORD_CUES, NOT_REPORTING, VERB_CUES, DIRECT_RULES, REPORTED_RULES, RESOLVER_TABLE, …).
 * Examples are made-up sentences; tests/core/rules.test.ts checks that each one fires its rule and
 * gives the quotation and speaker its row states (`gives`).
 */
import { CUE_RULES } from './rules/cue-rules.ts';
import { QUOTE_RULES } from './rules/quote-rules.ts';
import { RESOLVERS } from './rules/resolvers.ts';

export interface RuleRow {
  readonly id: string;
  /** The function that holds the rule. */
  readonly where: string;
  readonly summary: string;
  /** A paragraph (or, for resolvers, paragraphs) on which the rule fires. */
  readonly example?: string | readonly string[];
  /** What the example must give: the quotation the rule makes or names, and who said it (null: nobody can be named). */
  readonly gives?: { readonly quote: string; readonly speaker: string | null };
}

export { CUE_RULES, QUOTE_RULES, RESOLVERS };

export type QuoteRuleId = (typeof QUOTE_RULES)[number]['id'];
export type CueRuleId = (typeof CUE_RULES)[number]['id'];
export type ResolverId = (typeof RESOLVERS)[number]['id'];
