/**
 * Word order, for ranking: an exact phrase ("be a great line") should beat a quotation that merely
 * holds the same words scattered. At a million quotations hundreds of them hold every word of a
 * short question, so bag-of-words coverage alone ties them, and recency would pick one at random.
 */
import type { TermMatch } from './inverted.ts';
import { STOPWORDS, stem, tokensOf } from './normalize.ts';

/** Share (0..1) of the question's adjacent word pairs found side by side in a text (pass its `tokensOf` when already made). */
export type PhraseScorer = (text: string, tokens?: readonly string[]) => number;

/**
 * Build the scorer for one question. Content words match with their typo expansions; stopwords
 * ("a", "the") must match as typed, since they carry the phrase. One-word questions score 0.
 */
export function createPhraseScorer(words: readonly string[], expansions: ReadonlyMap<string, readonly TermMatch[]>): PhraseScorer | null {
  const tokens = tokensOf(words.join(' '));
  if (tokens.length < 2) return null;
  const accepts = tokens.map((tok): ((token: string, stemmed: string) => boolean) => {
    if (STOPWORDS.has(tok)) return (token) => token === tok;
    const own = stem(tok);
    const terms = new Set([own, ...(expansions.get(own) ?? []).map((m) => m.term)]);
    return (_token, stemmed) => terms.has(stemmed);
  });
  return (text, docTokens = tokensOf(text)) => {
    const stems = docTokens.map(stem);
    let found = 0;
    for (let k = 0; k + 1 < accepts.length; k++) {
      const first = accepts[k]!;
      const second = accepts[k + 1]!;
      for (let i = 0; i + 1 < docTokens.length; i++) {
        if (first(docTokens[i]!, stems[i]!) && second(docTokens[i + 1]!, stems[i + 1]!)) {
          found++;
          break;
        }
      }
    }
    return found / (accepts.length - 1);
  };
}
