/**
 * Comparing a reader's version of a quotation with the words a story quotes, word by word: which
 * words are the same (typos, case and punctuation aside), which the reader adds, changes or leaves
 * out, and whether a difference touches a number or a negation (which no verdict may wave through).
 */
import { diffArrays } from 'diff';
import { editDistance, foldText } from '../search/normalize.ts';
import type { WordChange } from '../types.ts';

/** One word of a text: as written, folded for comparing, and what kind of word it is. */
export interface WordToken {
  readonly text: string;
  readonly key: string;
  readonly number: boolean;
  readonly negation: boolean;
  /** A sentence ends after this word ("." "!" "?" ";" "…" before the next word): a negation beyond it governs nothing here. */
  readonly ends: boolean;
}

export interface WordComparison {
  readonly changes: readonly WordChange[];
  /** Words of the reader's version found in the quotation. */
  readonly same: number;
  /** Words of the reader's version. */
  readonly asked: number;
  /** Words of the quotation between the first and last word matched (the part the reader's version covers). */
  readonly window: number;
  /** 2·same / (asked + window): 1 when the reader's words are exactly a stretch of the quotation. */
  readonly similarity: number;
  /** A difference involves a number or a negation ("not", "never", "no", "n't"). */
  readonly meaningChanged: boolean;
  /** Folded words of the quotation that matched, for highlighting. */
  readonly matched: readonly string[];
}

/** Numbers ("1,200", "3.5", "40%") and words (with an inner apostrophe: "don't", "Kyiv's"). */
const WORD = /\p{N}+(?:[.,:]\p{N}+)*%?|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/** Words that turn a statement round. Contractions ending in "n't" are caught by their ending. */
const NEGATIONS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nor',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nowhere',
  'cannot',
  'without',
  // folded contractions typed without the apostrophe
  'dont',
  'didnt',
  'doesnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'cant',
  'couldnt',
  'wont',
  'wouldnt',
  'shouldnt',
  'hasnt',
  'havent',
  'hadnt',
  'aint',
  'mustnt',
  'neednt',
]);

const NUMBER_WORDS: ReadonlySet<string> = new Set(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion half dozen'.split(
    ' ',
  ),
);

/**
 * The folded words of a text, without the classes: what `tokenizeWords` gives as keys, cheaply.
 *
 * @example
 * wordKeys("We won't pay 1,200"); // ['we', 'wont', 'pay', '1200']
 */
export function wordKeys(text: string): string[] {
  return Array.from(text.matchAll(WORD), (m) => foldWord(m[0]));
}

/** `foldText` of one word: a word of ASCII letters only (most of them) just goes to lower case. */
function foldWord(word: string): string {
  for (let i = 0; i < word.length; i++) {
    // Setting bit 5 turns A-Z into a-z and moves no other character into a-z.
    const c = word.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return foldText(word);
  }
  return word.toLowerCase();
}

/**
 * The words of a text, each folded and classed.
 *
 * @example
 * tokenizeWords("We won't pay 1,200").map((t) => t.key); // ['we', 'wont', 'pay', '1200']
 */
export function tokenizeWords(text: string): WordToken[] {
  const matches = [...text.matchAll(WORD)];
  return matches.map((m, i) => {
    const raw = m[0];
    const key = foldWord(raw);
    const end = m.index + raw.length;
    const between = text.slice(end, matches[i + 1]?.index ?? text.length);
    return {
      text: raw,
      key,
      number: /\p{N}/u.test(raw) || NUMBER_WORDS.has(key),
      negation: NEGATIONS.has(key) || /n['’]t$/i.test(raw),
      ends: /[.!?;…]/.test(between),
    };
  });
}

/**
 * The same word, allowing a typo: one slip (not in the first letter) in a word of four letters or
 * more. Numbers and negations must match exactly.
 */
export function isSameWord(a: WordToken, b: WordToken): boolean {
  if (a.key === b.key) return true;
  if (a.number || b.number || a.negation || b.negation) return false;
  if (a.key.length < 4 || b.key.length < 4 || a.key[0] !== b.key[0]) return false;
  return editDistance(a.key, b.key, 1) <= 1;
}

const join = (tokens: readonly WordToken[]) => tokens.map((t) => t.text).join(' ');

interface Gap {
  readonly quoted: WordToken[];
  readonly asked: WordToken[];
}

/**
 * The changes of one gap between matched words: words on both sides pair up as "changed" (nearest
 * the match first), the rest are left out or added. At the edges, quotation words beyond the
 * reader's version are outside it and dropped.
 */
function gapChanges(gap: Gap, edge: 'start' | 'end' | 'inside', lastSame?: WordToken): WordChange[] {
  const pairs = Math.min(gap.quoted.length, gap.asked.length);
  let quoted = gap.quoted;
  const out: WordChange[] = [];
  let trailing: WordChange | undefined;
  if (edge === 'start') {
    quoted = quoted.slice(quoted.length - pairs);
    // "I do not support the tax" asked as "support the tax": a negation just before the stretch
    // is part of what was said, and leaving it out turns the words round.
    const before = gap.quoted.slice(0, gap.quoted.length - pairs);
    const at = before.findIndex((t, i) => t.negation && i >= before.length - NEGATION_REACH && !before.slice(i).some((b) => b.ends));
    if (at >= 0) out.push({ op: 'left-out', words: join(before.slice(at)) });
  } else if (edge === 'end') {
    quoted = quoted.slice(0, pairs);
    // "We will accept no deal" asked as "we will accept": a negation just after the stretch too.
    const after = gap.quoted.slice(pairs, pairs + NEGATION_REACH);
    const at = lastSame?.ends ? -1 : after.findIndex((t, i) => t.negation && !after.slice(0, i).some((b) => b.ends));
    if (at >= 0) trailing = { op: 'left-out', words: join(after.slice(0, at + 1)) };
  }
  // At the start the extra asked words come first; elsewhere the pairs lead.
  const extraAsked = gap.asked.length - pairs;
  if (edge === 'start' && extraAsked > 0) out.push({ op: 'added', words: join(gap.asked.slice(0, extraAsked)) });
  const askedPaired = edge === 'start' ? gap.asked.slice(extraAsked) : gap.asked.slice(0, pairs);
  if (pairs > 0) out.push({ op: 'changed', words: join(quoted.slice(0, pairs)), asked: join(askedPaired) });
  if (edge === 'inside' && quoted.length > pairs) out.push({ op: 'left-out', words: join(quoted.slice(pairs)) });
  if (edge !== 'start' && extraAsked > 0) out.push({ op: 'added', words: join(gap.asked.slice(pairs)) });
  if (trailing) out.push(trailing);
  return out;
}

/** How many words before a stretch a negation still governs it ("not" in "did not fully agree"). */
const NEGATION_REACH = 2;

function touchesMeaning(tokens: readonly WordToken[]): boolean {
  return tokens.some((t) => t.number || t.negation);
}

/**
 * Compare the reader's version with a quotation's words.
 *
 * @example
 * const c = compareWords('the parties agreed to return to the Istanbul agreements', 'the parties agreed to return to Istanbul');
 * c.changes.filter((x) => x.op !== 'same'); // [{ op: 'left-out', words: 'the' }]
 */
export function compareWords(quoted: string, asked: string): WordComparison {
  const q = tokenizeWords(quoted);
  const a = tokenizeWords(asked);
  let best = compareTokens(q, a);
  // A diff of the whole quotation may match the claim's first word far from the rest ("I said …
  // I can't lose"): windows starting where one of the claim's first words occurs find the compact match.
  const slack = Math.max(3, Math.ceil(a.length / 2));
  // Already exact, or nothing in common: no window does better.
  if (best.similarity === 1 || best.same === 0) return best;
  const starts = new Set<number>();
  for (let j = 0; j < Math.min(3, a.length); j++) {
    const word = a[j];
    if (!word) continue;
    for (let i = 0; i < q.length && starts.size < MAX_WINDOWS; i++) {
      const t = q[i];
      if (t && isSameWord(t, word)) starts.add(Math.max(0, i - j));
    }
  }
  for (const from of starts) {
    // A negation just before the window governs it: keep it in view (see gapChanges).
    const reach = q.slice(Math.max(0, from - NEGATION_REACH), from).some((t) => t.negation);
    const start = reach ? Math.max(0, from - NEGATION_REACH) : from;
    const window = q.slice(start, from + a.length + slack + NEGATION_REACH);
    if (window.length === q.length) continue;
    const c = compareTokens(window, a);
    if (c.similarity > best.similarity) best = c;
  }
  return best;
}

/** Windows tried per comparison, at most: a common first word ("the") must not cost a diff per occurrence. */
const MAX_WINDOWS = 24;

function compareTokens(q: readonly WordToken[], a: readonly WordToken[]): WordComparison {
  const parts = diffArrays([...q], [...a], { comparator: isSameWord });
  const changes: WordChange[] = [];
  const matched: string[] = [];
  let gap: Gap = { quoted: [], asked: [] };
  let seenSame = false;
  let same = 0;
  let window = 0;
  let meaningChanged = false;
  let qi = 0;
  let ai = 0;
  let lastSame: WordToken | undefined;
  const flush = (edge: 'start' | 'end' | 'inside') => {
    const out = gapChanges(gap, edge, lastSame);
    for (const c of out) if (c.op === 'left-out' || c.op === 'changed') window += tokenizeWords(c.words).length;
    if (
      out.length > 0 &&
      (touchesMeaning(gap.asked) || touchesMeaning(edge === 'inside' ? gap.quoted : out.flatMap((c) => (c.op === 'added' ? [] : tokenizeWords(c.words)))))
    )
      meaningChanged = true;
    changes.push(...out);
    gap = { quoted: [], asked: [] };
  };
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (part.removed) {
      gap.quoted.push(...q.slice(qi, qi + n));
      qi += n;
    } else if (part.added) {
      gap.asked.push(...a.slice(ai, ai + n));
      ai += n;
    } else {
      flush(seenSame ? 'inside' : 'start');
      seenSame = true;
      const words = q.slice(qi, qi + n);
      changes.push({ op: 'same', words: join(words) });
      matched.push(...words.map((t) => t.key));
      lastSame = words.at(-1);
      same += n;
      window += n;
      qi += n;
      ai += n;
    }
  }
  if (!seenSame) {
    return { changes: [], same: 0, asked: a.length, window: 0, similarity: 0, meaningChanged: touchesMeaning(a), matched: [] };
  }
  flush('end');
  const similarity = a.length + window === 0 ? 0 : (2 * same) / (a.length + window);
  return { changes: mergeRuns(changes), same, asked: a.length, window, similarity, meaningChanged, matched };
}

/** Neighbouring changes of one kind read as one ("the parties" rather than "the", "parties"). */
function mergeRuns(changes: readonly WordChange[]): WordChange[] {
  const out: WordChange[] = [];
  for (const c of changes) {
    const last = out.at(-1);
    if (last && last.op === c.op && c.op !== 'changed') out[out.length - 1] = { op: c.op, words: `${last.words} ${c.words}` };
    else out.push(c);
  }
  return out;
}
