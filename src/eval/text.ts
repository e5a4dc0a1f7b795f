/**
 * Text helpers of the evaluation: where a gold quotation stands in an article, found on normalised
 * text (quote characters, dashes, whitespace and case don't matter) with a token fallback for
 * quotations whose text differs from the article's (mis-encoded characters, a paragraph missing).
 * Pure: plain strings in, offsets out.
 */

/** Separator between paragraphs in an article's joined text; offsets below are in that text. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/** Share of a gold quotation's tokens that must be found close together for a token location. */
export const MIN_TOKEN_LOCATION = 0.5;

export interface EvalToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Where a gold quotation stands: an exact character range, or the article tokens that match it. */
export type GoldLocation =
  | { readonly kind: 'chars'; readonly start: number; readonly end: number }
  | { readonly kind: 'tokens'; readonly size: number; readonly tokens: readonly EvalToken[] }
  | { readonly kind: 'none'; readonly tokens: readonly string[] };

const CHAR_MAP: Readonly<Record<string, string>> = {
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '″': '"',
  '«': '"',
  '»': '"',
  '‘': "'",
  '’': "'",
  '‛': "'",
  '′': "'",
  '`': "'",
  '–': '-',
  '—': '-',
  '‒': '-',
  '―': '-',
  '−': '-',
};

/** One character as the search sees it: straight quotes, plain hyphen, lower case. */
function foldChar(c: string): string {
  const mapped = CHAR_MAP[c] ?? c;
  const lower = mapped.toLowerCase();
  return lower.length === 1 ? lower : mapped;
}

/**
 * Normalise text for searching, keeping the original offset of every output character.
 *
 * @example
 * foldText('“Hi,”  she').text; // '"hi," she'
 */
export function foldText(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (/\s/u.test(c)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && out.length > 0) {
      out += ' ';
      offsets.push(pendingSpace);
    }
    pendingSpace = -1;
    out += foldChar(c);
    offsets.push(i);
  }
  return { text: out, offsets };
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

/** Lower-cased word tokens with their offsets; "1,200" and "don't" stay one token. */
export function tokenizeForEval(text: string): EvalToken[] {
  const out: EvalToken[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index ?? 0;
    out.push({ text: m[0].toLowerCase().replace(/’/g, "'"), start, end: start + m[0].length });
  }
  return out;
}

/** Start offset of each paragraph in the joined article text. */
export function paragraphOffsets(paragraphs: readonly string[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    offsets.push(at);
    at += p.length + PARAGRAPH_SEPARATOR.length;
  }
  return offsets;
}

/** The best window of article tokens for a gold quotation's tokens, by multiset overlap. */
function findTokenWindow(articleTokens: readonly EvalToken[], goldTokens: readonly string[]): EvalToken[] | null {
  const size = goldTokens.length;
  if (size === 0 || articleTokens.length === 0) return null;
  const want = new Map<string, number>();
  for (const t of goldTokens) want.set(t, (want.get(t) ?? 0) + 1);
  const have = new Map<string, number>();
  let overlap = 0;
  let best = { overlap: 0, start: 0 };
  const add = (t: string, d: number) => {
    const before = Math.min(have.get(t) ?? 0, want.get(t) ?? 0);
    have.set(t, (have.get(t) ?? 0) + d);
    overlap += Math.min(have.get(t) ?? 0, want.get(t) ?? 0) - before;
  };
  for (let i = 0; i < articleTokens.length; i++) {
    add(articleTokens[i]?.text ?? '', 1);
    if (i >= size) add(articleTokens[i - size]?.text ?? '', -1);
    if (overlap > best.overlap) best = { overlap, start: Math.max(0, i - size + 1) };
  }
  if (best.overlap < MIN_TOKEN_LOCATION * size) return null;
  const left = new Map(want);
  return articleTokens.slice(best.start, best.start + size).filter((t) => {
    const n = left.get(t.text) ?? 0;
    if (n <= 0) return false;
    left.set(t.text, n - 1);
    return true;
  });
}

/**
 * Locate a gold quotation in an article's joined text (`paragraphs` joined by PARAGRAPH_SEPARATOR).
 * `folded` and `tokens` are the article's `foldText` and `tokenizeForEval`, computed once per article.
 */
export function locateQuote(quote: string, folded: { text: string; offsets: readonly number[] }, tokens: readonly EvalToken[]): GoldLocation {
  const needle = foldText(quote).text;
  const at = needle === '' ? -1 : folded.text.indexOf(needle);
  if (at >= 0) {
    const start = folded.offsets[at] ?? 0;
    const end = (folded.offsets[at + needle.length - 1] ?? start) + 1;
    return { kind: 'chars', start, end };
  }
  const goldTokens = tokenizeForEval(quote).map((t) => t.text);
  const window = findTokenWindow(tokens, goldTokens);
  return window ? { kind: 'tokens', size: goldTokens.length, tokens: window } : { kind: 'none', tokens: goldTokens };
}

/** Multiset overlap of two token lists. */
export function countCommonTokens(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of a) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  return common;
}
