/** Word tokens with their character offsets, for walking noun phrases around a reporting verb. */

export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*[\p{L}\p{N}.]|[\p{L}\p{N}]|[,;:()—–!?]/gu;
const KEEP_DOT =
  /^(?:(?:\p{L}\.)+|mr\.|mrs\.|ms\.|dr\.|st\.|jr\.|sr\.|gen\.|gov\.|sen\.|rep\.|lt\.|col\.|sgt\.|capt\.|const\.|det\.|insp\.|supt\.|prof\.|rev\.|coun\.|hon\.|inc\.|ltd\.|co\.|corp\.)$/iu;

/** "No. 2", "Jan. 5", "Sept. 11": an abbreviation before a number, never the end of a sentence. */
const BEFORE_NUMBER = /^(?:nos?|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.\s+\d/iu;

/** "(D-Md.)", "(R-N.Y.)": a party and state in brackets after a name. */
const PARTY_STATE = /^\p{Lu}{1,3}-\p{Lu}[\p{L}.]{0,5}\.\)/u;

/** Tokenise `text[from, to)`; a word's trailing period is dropped unless it is an abbreviation. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(TOKEN_RE)) {
    let word = m[0];
    const start = from + (m.index ?? 0);
    // A period followed by a comma or a lower-case word is an abbreviation's ("D-Mich., a member").
    const next = text.slice(start + word.length, start + word.length + 3);
    const stopped =
      word.length > 1 &&
      word.endsWith('.') &&
      !KEEP_DOT.test(word) &&
      !/^\s*[,;]|^\s+\p{Ll}/u.test(next) &&
      !BEFORE_NUMBER.test(word + next) &&
      !PARTY_STATE.test(word + next);
    if (stopped) word = word.slice(0, -1);
    out.push({ text: word, lower: word.toLowerCase(), start, end: start + word.length });
    // A sentence-final period is a token of its own, so phrase walks stop at it.
    if (stopped) out.push({ text: '.', lower: '.', start: start + word.length, end: start + word.length + 1 });
  }
  return out;
}

/** The lower-case word at `k`, '' past either end (a phrase walk may look one word too far). */
export function lowerAt(tokens: readonly Token[], k: number): string {
  return tokens[k]?.lower ?? '';
}

/** The word at `k` as written, '' past either end. */
export function textAt(tokens: readonly Token[], k: number): string {
  return tokens[k]?.text ?? '';
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export function stripPossessive(word: string): string {
  return word.replace(/['’]s?$/u, '');
}
