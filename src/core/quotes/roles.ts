/** Roles as a story gives them beside a name ("a doctor at X"), and the words that keep a source unnamed. */

/**
 * How long the words that keep a source anonymous run, right after its head: "familiar with the
 * talks", "close to the matter", "familiar with Johnson’s views", "unauthorized to speak publicly and granted anonymity". 0 if none.
 */
export function anonymousQualifier(after: string): number {
  return new RegExp(`^${ANONYMOUS_QUALIFIER}`, 'u').exec(after)?.[0].length ?? 0;
}

/** What an unnamed source knows or is near, before its object ("familiar with", "close to"): the one list. */
export const QUALIFIER_PHRASES: readonly string[] = ['familiar with', 'close to', 'with knowledge of', 'briefed on'];

/** QUALIFIER_PHRASES as a pattern's alternatives ("familiar\s+with|…"). */
export const QUALIFIER_WORDS = QUALIFIER_PHRASES.map((p) => p.replace(/ /g, String.raw`\s+`)).join('|');

/** One qualifier of an unnamed source: what they know ("familiar with the talks") or why they are unnamed. */
export const ANONYMOUS_QUALIFIER = String.raw`(?:\s+(?:${QUALIFIER_WORDS})\s+(?:the|his|her|their|its|\p{Lu}[\p{L}.-]*['’]s)(?:\s+\p{Lu}[\p{L}.&-]*)*\s+(?!(?:that|who|which|and|but|to|when|as)\b)[\p{L}-]+|\s+(?:not\s+|un)authori[sz]ed\s+to\s+(?:speak|comment|discuss\s+(?:the\s+)?[\p{L}-]+)(?:\s+(?:publicly|on\s+the\s+record))?(?:\s+and\s+granted\s+anonymity)?)`;

/** "a doctor at X" → "doctor at X"; drop trailing punctuation. */
export function cleanRole(role: string): string | null {
  const r = role
    .replace(/^(?:a|an|the|his|her|their|its|our|one|another)\s+/i, '')
    .replace(/[,.;:]+$/, '')
    .trim();
  if (r === '' || r.split(/\s+/).length > 14) return null;
  // "who had another son die in a fire", "whose company …": a relative clause says something about
  // the person, but it is no role; nor is an age ("73") or a bare number.
  // Nor is what the person was doing ("campaigning for Clinton in North Carolina", "noting that …"),
  // nor the rest of the sentence ("…, says X, in part because …"); an affiliation ("with the
  // Nova Scotia Health Authority", "at the university") is one.
  if (
    /^(?:who|whose|whom|which|that|where|when|because|after|before|while|in|on|to|for|by|from|if|as|and|but|so)\b/i.test(r) ||
    /^[\d\s,.-]+$/.test(r) ||
    /^\p{Ll}+ing\s+(?:for|in|on|at|to|with|from|about|after|before|during|the|a|an|his|her|their|its|that|as|how|what|why|whether|he|she|they|it|we|there)\b/u.test(
      r,
    )
  )
    return null;
  return r;
}
