/**
 * The one way the core's ordered rule tables are run (VERB_CUES, DIRECT_RULES, REPORTED_RULES,
 * RESOLVER_TABLE, …): rules are tried in order, and the first that claims a case decides.
 */

/** A row of an ordered rule table: what the rule makes of a case, or undefined when the case is not its. */
export interface TableRule<S, R> {
  readonly id: string;
  readonly match: (site: S) => R | undefined;
}

/** What the first rule that claims `site` makes of it; undefined when none does. */
export function firstClaim<S, R>(rules: readonly TableRule<S, R>[], site: S): R | undefined {
  for (const rule of rules) {
    const made = rule.match(site);
    if (made !== undefined) return made;
  }
  return undefined;
}
