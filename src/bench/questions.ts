/**
 * The benchmark's fixed, seeded question set, planted in the first stories of the archive (so the
 * same questions hold at every size): exact phrases, typos, numbers written the other way, name
 * questions and questions with no answer. The right answers are found by scanning every
 * quotation's text directly, independent of the search engines under test.
 */
import { STOPWORDS, tokensOf } from '../core/search/normalize.ts';
import type { Quotation } from '../core/types.ts';
import { createRandom, pick, writeNumber } from './text.ts';

export type QuestionKind = 'exact' | 'typo' | 'number' | 'name' | 'none';

export interface BenchQuestion {
  readonly kind: QuestionKind;
  readonly text: string;
  /** Folded phrase every right answer contains (exact, typo, number). */
  readonly phrase?: string;
  /** Surname of the speaker and a word of the quote (name questions). */
  readonly surname?: string;
  readonly word?: string;
}

/** A question with the ids of every quotation that answers it (empty: the right answer is "not found"). */
export interface PlantedQuestion extends BenchQuestion {
  readonly expected: string[];
}

export const QUESTION_MIX: Readonly<Record<QuestionKind, number>> = Object.freeze({ exact: 30, typo: 30, number: 20, name: 20, none: 20 });

const FRAMES = ['who said "%"?', 'who said %', '%', 'anyone say %?', 'who mentioned %?'];

/** One typo in a word: swap, drop, double or change a letter. */
function misspell(word: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 4);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 2) return word.slice(0, i) + word[i] + word.slice(i);
  return (
    word.slice(0, i) +
    pick(
      random,
      [...'aeiourstnl'].filter((c) => c !== word[i]),
    ) +
    word.slice(i + 1)
  );
}

/** A window of 3 to 6 words of the quote with at least two content words, or null. */
function phraseOf(q: Quotation, random: () => number, must?: RegExp): string[] | null {
  // Punctuation out, but not the commas and points inside numbers ("4,123" is one word).
  const words = q.quote
    .replace(/[“”"()]|[,.;:!?](?!\d)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  for (let attempt = 0; attempt < 10; attempt++) {
    const n = 3 + Math.floor(random() * 4);
    const start = Math.floor(random() * Math.max(1, words.length - n));
    const window = words.slice(start, start + n);
    if (window.filter((w) => !STOPWORDS.has(w.toLowerCase()) && w.length > 3).length < 2) continue;
    if (must && !window.some((w) => must.test(w))) continue;
    return window;
  }
  return null;
}

function invented(random: () => number): string {
  let w = '';
  for (let i = 0; i < 4; i++) w += pick(random, ['zu', 'qua', 'xo', 'vey', 'jin', 'gry', 'plo', 'thax', 'wum']);
  return w;
}

/** Make one question of a kind from a quotation of the planted stories, or null when it doesn't fit. */
function questionFrom(kind: QuestionKind, q: Quotation, random: () => number): BenchQuestion | null {
  const frame = pick(random, FRAMES);
  if (kind === 'none') return { kind, text: `who said ${invented(random)} ${writeNumber(1_000_000 + Math.floor(random() * 8_999_999), random() < 0.5)}?` };
  if (kind === 'name') {
    const surname = q.speakers[0]?.name.split(' ').at(-1);
    const word = pick(random, [...q.quote.matchAll(/\p{L}{6,}/gu)].map((m) => m[0]).concat(['']));
    if (!surname || word === '' || STOPWORDS.has(word.toLowerCase())) return null;
    const asked = random() < 0.4 ? misspell(surname.toLowerCase(), random) : surname;
    return { kind, text: `what did ${asked} say about ${word.toLowerCase()}?`, surname, word: tokensOf(word)[0] ?? word };
  }
  const window = phraseOf(q, random, kind === 'number' ? /^\d[\d,]*\d$/ : undefined);
  if (!window) return null;
  const phrase = tokensOf(window.join(' ')).join(' ');
  let asked = window;
  if (kind === 'typo') {
    const long = window.map((w, i) => (/^\p{L}{5,}$/u.test(w) ? i : -1)).filter((i) => i >= 0);
    if (long.length === 0) return null;
    const at = new Set([pick(random, long), ...(random() < 0.3 ? [pick(random, long)] : [])]);
    asked = window.map((w, i) => (at.has(i) ? misspell(w, random) : w));
  }
  if (kind === 'number')
    asked = window.map((w) => (/^\d[\d,]*\d$/.test(w) ? (w.includes(',') ? w.replace(/,/g, '') : writeNumber(Number(w), Number(w) >= 1000)) : w));
  if (kind === 'number' && asked.join(' ') === window.join(' ')) return null;
  return { kind, text: frame.replace('%', asked.join(' ')), phrase };
}

/** The fixed question set, planted in `planted` (the first quotations of the archive). */
export function generateQuestions(planted: readonly Quotation[], seed = 11): BenchQuestion[] {
  const random = createRandom(seed);
  const out: BenchQuestion[] = [];
  for (const [kind, count] of Object.entries(QUESTION_MIX) as [QuestionKind, number][]) {
    let made = 0;
    for (let tries = 0; made < count && tries < count * 50; tries++) {
      const question = questionFrom(kind, pick(random, planted), random);
      if (question) {
        out.push(question);
        made++;
      }
    }
  }
  return out;
}

/** Does quotation `q` answer `question`? By direct text comparison, never through an index. */
export function answers(question: BenchQuestion, q: Quotation, folded: string): boolean {
  if (question.phrase !== undefined) return ` ${folded} `.includes(` ${question.phrase} `);
  if (question.surname !== undefined && question.word !== undefined) {
    return q.speakers.some((s) => s.name.split(' ').at(-1) === question.surname) && ` ${folded} `.includes(` ${question.word} `);
  }
  return false;
}

/** Every right answer of every question, by one scan over the archive. */
export function plantAnswers(questions: readonly BenchQuestion[], quotations: readonly Quotation[]): PlantedQuestion[] {
  const planted = questions.map((question) => ({ question, expected: [] as string[] }));
  for (const q of quotations) {
    const folded = tokensOf(q.quote).join(' ');
    for (const p of planted) if (answers(p.question, q, folded)) p.expected.push(q.id);
  }
  return planted.map(({ question, expected }) => ({ ...question, expected }));
}
