/**
 * "Who said …?" questions made from gold quotations, and the verdict on the answers. The words of a
 * question come from the gold quote only (its rarest content words across the eval corpus), some
 * with a typo; everything random is seeded per quotation, so the question set is reproducible.
 * Pure: the caller runs `ask` and hands the top answer in.
 */
import { isSameSpeaker, type GoldArticle } from './score.ts';
import { tokenizeForEval } from './text.ts';
import { createRandom } from '../core/answer/random.ts';

export { createRandom };

export interface EvalQuestion {
  readonly article: string;
  readonly question: string;
  readonly words: readonly string[];
  readonly speaker: string;
  readonly quote: string;
}

export interface QuestionOptions {
  readonly seed?: number;
  /** Share of questions with one misspelt word. */
  readonly typoRate?: number;
}

export const QUESTION_DEFAULTS = Object.freeze({ seed: 42, typoRate: 0.25, minWords: 3, maxWords: 5 });

/** Function words: never the words a reader would pick to recall a quotation. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between both
  but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each even ever every few for from
  further get gets got had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his
  how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just let's like lot lots made make many may me
  might more most much must mustn't my myself no nor not now of off on once one only or other ought our ours ourselves out over
  own really said same say says she she'd she'll she's should shouldn't so some still such than that that's the their theirs
  them themselves then there there's these they they'd they'll they're they've thing things this those through to too under
  until up upon us very want was wasn't we we'd we'll we're we've well were weren't what what's when when's where where's
  whether which while who who's whom why why's will with won't would wouldn't yes yet you you'd you'll you're you've your
  yours yourself yourselves going gonna know think see way back go something anything everything nothing someone
  anyone everyone somebody anybody everybody`.split(/\s+/),
);

/** A stable 32-bit hash of a string (FNV-1a), to seed each question on its own. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Document frequency of each lower-cased word over the documents (each counted once per document). */
export function countDocumentFrequency(documents: readonly string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of documents) for (const w of new Set(tokenizeForEval(doc).map((t) => t.text))) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

function isContentWord(word: string): boolean {
  if (STOP_WORDS.has(word)) return false;
  return /\p{N}/u.test(word) || [...word].length >= 3;
}

/**
 * A one-letter slip a hurried reader makes: swap, drop or double a letter inside the word.
 *
 * @example
 * misspell('pipeline', () => 0); // 'ppieline'
 */
export function misspell(word: string, random: () => number): string {
  const chars = [...word];
  const i = 1 + Math.floor(random() * Math.max(1, chars.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0 && i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1] ?? '', chars[i] ?? ''];
  else if (kind === 1) chars.splice(i, 1);
  else chars.splice(i, 0, chars[i] ?? '');
  return chars.join('');
}

/**
 * Pick the question words of one quote: its 3–5 rarest content words (by document frequency; words
 * absent from the corpus are skipped), in the order they appear in the quote.
 */
export function pickQuestionWords(quote: string, df: ReadonlyMap<string, number>, random: () => number): string[] {
  const tokens = tokenizeForEval(quote).map((t) => t.text);
  const seen = new Set<string>();
  const candidates = tokens.flatMap((w, position) => {
    if (seen.has(w) || !isContentWord(w) || (df.get(w) ?? 0) === 0) return [];
    seen.add(w);
    return [{ w, position, df: df.get(w) ?? 0 }];
  });
  const want = QUESTION_DEFAULTS.minWords + Math.floor(random() * (QUESTION_DEFAULTS.maxWords - QUESTION_DEFAULTS.minWords + 1));
  return candidates
    .sort((a, b) => a.df - b.df || b.w.length - a.w.length || a.position - b.position)
    .slice(0, want)
    .sort((a, b) => a.position - b.position)
    .map((c) => c.w);
}

/**
 * Make one "who said …?" question per gold quotation (quotes without a usable word are left out).
 *
 * @example
 * makeQuestions(gold, articleTexts)[0]?.question; // e.g. 'who said pipeline blockade injunction?'
 */
export function makeQuestions(gold: readonly GoldArticle[], documents: readonly string[], options: QuestionOptions = {}): EvalQuestion[] {
  const seed = options.seed ?? QUESTION_DEFAULTS.seed;
  const typoRate = options.typoRate ?? QUESTION_DEFAULTS.typoRate;
  const df = countDocumentFrequency(documents);
  return gold.flatMap((g) =>
    g.quotes.flatMap((q, i) => {
      const random = createRandom(hashString(`${seed}:${g.article}:${i}`));
      const words = pickQuestionWords(q.quote, df, random);
      if (words.length === 0) return [];
      const typoAt = random() < typoRate ? words.findIndex((w) => !/\p{N}/u.test(w) && [...w].length >= 5) : -1;
      const asked = words.map((w, k) => (k === typoAt ? misspell(w, random) : w));
      return [{ article: g.article, question: `who said ${asked.join(' ')}?`, words: asked, speaker: q.speaker, quote: q.quote }];
    }),
  );
}

export type AnswerVerdict = 'hit' | 'wrong' | 'abstained';

/** The verdict on a question's top answer: right speaker, wrong speaker, or no attributed answer. */
export function judgeAnswer(
  question: EvalQuestion,
  top: { readonly found: boolean; readonly speakers: readonly string[]; readonly roles?: readonly (string | null)[] } | null,
  same: (gold: string, speakers: readonly { readonly name: string; readonly role: string | null }[]) => boolean = (gold, speakers) =>
    isSameSpeaker(
      gold,
      speakers.map((s) => s.name),
    ),
): AnswerVerdict {
  if (!top?.found || top.speakers.length === 0) return 'abstained';
  return same(
    question.speaker,
    top.speakers.map((name, i) => ({ name, role: top.roles?.[i] ?? null })),
  )
    ? 'hit'
    : 'wrong';
}

export interface WhoSaidScores {
  readonly questions: number;
  readonly hit: number;
  readonly wrong: number;
  readonly abstained: number;
  readonly hitRate: number;
  readonly wrongRate: number;
  readonly abstainRate: number;
}

/** Tally the verdicts. */
export function tallyVerdicts(verdicts: readonly AnswerVerdict[]): WhoSaidScores {
  const n = verdicts.length;
  const count = (v: AnswerVerdict) => verdicts.filter((x) => x === v).length;
  const [hit, wrong, abstained] = [count('hit'), count('wrong'), count('abstained')];
  const rate = (k: number) => (n === 0 ? 0 : k / n);
  return { questions: n, hit, wrong, abstained, hitRate: rate(hit), wrongRate: rate(wrong), abstainRate: rate(abstained) };
}
