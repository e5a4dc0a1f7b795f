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
 * ("a", "the") must match as typed, since they carry the phrase. Between two content words typed
 * side by side, a quotation's function words that no question word accepts may sit (at most
 * MAX_SKIPPED of them): readers ask "build wall" for "build a wall". A reader who typed "come the
 * next day" gave the function words, and "come as the next day" does not match it. One-word
 * questions score 0.
 */
export function createPhraseScorer(words: readonly string[], expansions: ReadonlyMap<string, readonly TermMatch[]>): PhraseScorer | null {
  const tokens = tokensOf(words.join(' '));
  if (tokens.length < 2) return null;
  if (tokens.length <= 31) return maskScorer(tokens, expansions);
  const accepts = tokens.map((tok): ((token: string, stemmed: string) => boolean) => {
    if (STOPWORDS.has(tok)) return (token) => token === tok;
    const own = stem(tok);
    const terms = new Set([own, ...(expansions.get(own) ?? []).map((m) => m.term)]);
    return (_token, stemmed) => terms.has(stemmed);
  });
  return (text, docTokens = tokensOf(text)) => {
    const stems = docTokens.map(stem);
    const skippable = docTokens.map((t, i) => STOPWORDS.has(t) && !accepts.some((a) => a(t, stems[i] ?? t)));
    // The next token a pair may continue with: past up to MAX_SKIPPED skippable function words.
    const following = (i: number): number => {
      let j = i + 1;
      while (j < docTokens.length && skippable[j] && j - i <= MAX_SKIPPED) j++;
      return j - i - 1 > MAX_SKIPPED ? -1 : j;
    };
    let found = 0;
    for (let k = 0; k + 1 < accepts.length; k++) {
      const first = accepts[k]!;
      const second = accepts[k + 1]!;
      for (let i = 0; i + 1 < docTokens.length; i++) {
        const j = isContentPair(tokens, k) ? following(i) : i + 1;
        if (j > 0 && j < docTokens.length && first(docTokens[i]!, stems[i]!) && second(docTokens[j]!, stems[j]!)) {
          found++;
          break;
        }
      }
    }
    return found / (accepts.length - 1);
  };
}

/**
 * The same scorer with one bit per question position: each document token gets the mask of the
 * positions that accept it (looked up once per distinct token, not once per pair), and pair k is
 * found where a token accepted at k is followed by one accepted at k + 1.
 */
function maskScorer(tokens: readonly string[], expansions: ReadonlyMap<string, readonly TermMatch[]>): PhraseScorer {
  const byToken = new Map<string, number>();
  const byStem = new Map<string, number>();
  tokens.forEach((tok, k) => {
    if (STOPWORDS.has(tok)) {
      byToken.set(tok, (byToken.get(tok) ?? 0) | (1 << k));
      return;
    }
    const own = stem(tok);
    for (const term of new Set([own, ...(expansions.get(own) ?? []).map((m) => m.term)])) byStem.set(term, (byStem.get(term) ?? 0) | (1 << k));
  });
  // Per distinct token, its positions' mask times two, plus one for a function word: one lookup per
  // token of a quotation (they are fresh strings, so each lookup hashes one).
  const looks = new Map<string, number>();
  const lookOf = (token: string) => {
    let m = looks.get(token);
    if (m === undefined) {
      m = ((byToken.get(token) ?? 0) | (byStem.get(stem(token)) ?? 0)) * 2 + (STOPWORDS.has(token) ? 1 : 0);
      looks.set(token, m);
    }
    return m;
  };
  const pairs = tokens.length - 1;
  const all = (2 ** pairs - 1) | 0;
  let content = 0;
  for (let k = 0; k < pairs; k++) if (isContentPair(tokens, k)) content |= 1 << k;
  return (text, docTokens = tokensOf(text)) => {
    let found = 0;
    let prev = docTokens.length > 0 ? lookOf(docTokens[0] as string) >>> 1 : 0;
    let skipped = 0;
    for (let i = 1; i < docTokens.length && (found & all) !== all; i++) {
      const look = lookOf(docTokens[i] as string);
      const next = look >>> 1;
      // "build wall" asked, "build a wall" quoted: up to two function words the question left
      // out sit between two of its words without breaking the pair.
      if (next === 0 && skipped < MAX_SKIPPED && look === 1) {
        skipped++;
        continue;
      }
      found |= prev & (next >>> 1) & (skipped > 0 ? content : all);
      skipped = 0;
      prev = next;
    }
    return bitCount(found & all) / pairs;
  };
}

/** Function words of a quotation skipped between two question words. */
const MAX_SKIPPED = 2;

/** Are the question's words k and k + 1 both content words (function words left out between them)? */
function isContentPair(tokens: readonly string[], k: number): boolean {
  return !STOPWORDS.has(tokens[k] ?? '') && !STOPWORDS.has(tokens[k + 1] ?? '');
}

function bitCount(n: number): number {
  let c = 0;
  for (let m = n; m !== 0; m &= m - 1) c++;
  return c;
}
