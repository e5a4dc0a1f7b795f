/**
 * Labelled "did <name> say …?" questions generated from gold at eval time (nothing is written to
 * the repository), and the verdicts' accuracy per true label. From each gold quotation of a named
 * speaker: its words as quoted (verbatim), its reported speech (reported), the words with a number
 * changed, a negation dropped or added, or a word swapped (close), the words given to another gold
 * speaker (someone-else); per story, invented words (not-said) and an invented name (not-quoted).
 * Every random choice is seeded per quotation, so the set is reproducible.
 */
import { createRandom } from '../core/answer/random.ts';
import type { VerdictKind } from '../core/types.ts';
import { hashString } from './questions.ts';
import { isSameSpeaker, type GoldArticle } from './score.ts';
import { tokenizeForEval } from './text.ts';

export type DidSayVariant =
  | 'verbatim'
  | 'reported'
  | 'number'
  | 'negation-dropped'
  | 'negation-added'
  | 'swapped'
  | 'wrong-person'
  | 'invented'
  | 'unknown-person';

export interface DidSayQuestion {
  readonly article: string;
  readonly question: string;
  /** The verdict a right answer gives. */
  readonly label: VerdictKind;
  readonly variant: DidSayVariant;
  /** The person asked about. */
  readonly asked: string;
  /** Who said the words (gold), empty for invented words. */
  readonly speaker: string;
  readonly claim: string;
}

export const DIDSAY_DEFAULTS = Object.freeze({ seed: 42, minWords: 5, maxWords: 18 });

/** Gold speakers a reader would ask about by name: "Eric Stubbs", "TransCanada", not "officials" or "a citizen". */
export function isAskableName(speaker: string): boolean {
  return /^\p{Lu}/u.test(speaker) && !/^(?:the|a|an|another|some|people|officials?|one|two|he|she|they|we|i|you|it)\b/i.test(speaker);
}

/** The words inside a gold quotation's marks (the longest marked stretch), or null when it has none. */
function markedWords(quote: string): string | null {
  const parts = [...quote.matchAll(/["“”„«»]([^"“”„«»]{3,})["“”„«»]/g)].map((m) => m[1] ?? '');
  const longest = parts.sort((a, b) => b.length - a.length)[0];
  return longest?.trim() || null;
}

/** A stretch of one sentence of the words, minWords to maxWords long, without its end punctuation. */
function pickStretch(words: string, random: () => number): string | null {
  const sentences = words.split(/(?<=[.!?])\s+/).filter((s) => s.split(/\s+/).length >= DIDSAY_DEFAULTS.minWords);
  const sentence = sentences[Math.floor(random() * sentences.length)];
  if (!sentence) return null;
  const tokens = sentence.split(/\s+/);
  const length = Math.min(tokens.length, DIDSAY_DEFAULTS.minWords + Math.floor(random() * (DIDSAY_DEFAULTS.maxWords - DIDSAY_DEFAULTS.minWords + 1)));
  const start = Math.floor(random() * (tokens.length - length + 1));
  return tokens
    .slice(start, start + length)
    .join(' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, '');
}

/** A negation inside the stretch: dropping one at its start would leave a true stretch of the quotation. */
const NEGATION = /(?<=\S\s+)(?:not|never|no)\s+|(?<=\S\s+\p{L}+)n['’]t\b/iu;
const AUXILIARY = /\b(?:is|are|was|were|will|can|could|would|should|does|did|do|has|have|had)\b/i;

/** The claim with one thing changed, and how; null when that change does not apply. */
function alter(
  claim: string,
  variant: 'number' | 'negation-dropped' | 'negation-added' | 'swapped',
  vocabulary: readonly string[],
  random: () => number,
): string | null {
  switch (variant) {
    case 'number': {
      const m = /\d[\d,.]*/.exec(claim);
      if (!m) return null;
      const digits = m[0].replace(/[,.]$/, '');
      const value = Number(digits.replace(/,/g, ''));
      if (!Number.isFinite(value)) return null;
      const changed = String(value + 1 + Math.floor(random() * 9));
      return `${claim.slice(0, m.index)}${changed}${claim.slice(m.index + digits.length)}`;
    }
    case 'negation-dropped': {
      if (!NEGATION.test(claim)) return null;
      return claim
        .replace(NEGATION, '')
        .replace(/\bca\b/i, 'can')
        .replace(/\bwo\b/i, 'will');
    }
    case 'negation-added': {
      if (NEGATION.test(claim) || !AUXILIARY.test(claim)) return null;
      return claim.replace(AUXILIARY, (aux) => `${aux} not`);
    }
    case 'swapped': {
      const tokens = claim.split(/\s+/);
      const content = tokens.map((t, i) => ({ t, i })).filter(({ t }) => /^\p{L}{4,}$/u.test(t));
      const pick = content[Math.floor(random() * content.length)];
      const other = vocabulary[Math.floor(random() * vocabulary.length)];
      if (!pick || !other || other === pick.t.toLowerCase()) return null;
      tokens[pick.i] = other;
      return tokens.join(' ');
    }
  }
}

/** A name no story quotes: syllables strung at random. */
function inventName(random: () => number): string {
  const syllables = ['ka', 'lo', 'mir', 'ta', 'ven', 'so', 'rul', 'qi', 'dax', 'po', 'zel', 'un'];
  const word = (n: number) => {
    const s = Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)] ?? 'ka').join('');
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  return `${word(2)} ${word(3)}`;
}

/** Words no one said: a template filled with words drawn at random from the stories. */
function inventClaim(vocabulary: readonly string[], random: () => number): string {
  const w = () => vocabulary[Math.floor(random() * vocabulary.length)] ?? 'plan';
  const templates = [
    () => `we will ${w()} the ${w()} before the ${w()} ends`,
    () => `the ${w()} has nothing to do with our ${w()}`,
    () => `I promised the ${w()} a new ${w()} and a ${w()}`,
    () => `every ${w()} deserves a ${w()} of its own`,
  ];
  return (templates[Math.floor(random() * templates.length)] ?? (() => w()))();
}

/** Content words of the stories (letters only, 4+ letters), sorted for a stable draw. */
function vocabularyOf(documents: readonly string[]): string[] {
  const words = new Set<string>();
  for (const doc of documents) for (const t of tokenizeForEval(doc)) if (/^\p{Ll}{4,}$/u.test(t.text)) words.add(t.text);
  return [...words].sort();
}

function question(asked: string, claim: string): string {
  return `did ${asked} say "${claim}"?`;
}

/**
 * Make the labelled did-say questions of a dataset.
 *
 * @example
 * makeDidSayQuestions(gold, documents).filter((q) => q.label === 'verbatim').length;
 */
export function makeDidSayQuestions(gold: readonly GoldArticle[], documents: readonly string[], seed: number = DIDSAY_DEFAULTS.seed): DidSayQuestion[] {
  const vocabulary = vocabularyOf(documents);
  const speakers = [...new Set(gold.flatMap((g) => g.quotes.map((q) => q.speaker)).filter(isAskableName))].sort();
  const out: DidSayQuestion[] = [];
  for (const g of gold) {
    g.quotes.forEach((q, i) => {
      if (!isAskableName(q.speaker)) return;
      const random = createRandom(hashString(`didsay:${seed}:${g.article}:${i}`));
      const add = (label: VerdictKind, variant: DidSayVariant, asked: string, claim: string | null) => {
        if (claim && claim.split(/\s+/).length >= 3)
          out.push({ article: g.article, question: question(asked, claim), label, variant, asked, speaker: q.speaker, claim });
      };
      // Any double mark makes it a direct quotation (a gold quote may open with a mark and run on without closing it).
      const marked = /["“”„«»]/.test(q.quote) ? (markedWords(q.quote) ?? q.quote.replace(/["“”„«»]/g, '').trim()) : null;
      if (marked === null) {
        const reported = q.quote.replace(/^that\s+/i, '').replace(/[.,;:]+$/, '');
        if (reported.split(/\s+/).length >= DIDSAY_DEFAULTS.minWords) add('reported', 'reported', q.speaker, reported);
        return;
      }
      const claim = pickStretch(marked, random);
      if (claim === null) return;
      add('verbatim', 'verbatim', q.speaker, claim);
      add('close', 'number', q.speaker, alter(claim, 'number', vocabulary, random));
      add('close', 'negation-dropped', q.speaker, alter(claim, 'negation-dropped', vocabulary, random));
      const last = random() < 0.5 ? 'negation-added' : 'swapped';
      add('close', last, q.speaker, alter(claim, last, vocabulary, random));
      const others = speakers.filter((s) => !isSameSpeaker(q.speaker, [s]) && !isSameSpeaker(s, [q.speaker]));
      const other = others[Math.floor(random() * others.length)];
      if (other) add('someone-else', 'wrong-person', other, claim);
    });
    const random = createRandom(hashString(`didsay:${seed}:${g.article}:invented`));
    const named = g.quotes.map((q) => q.speaker).filter(isAskableName);
    const person = named[Math.floor(random() * named.length)];
    if (person) out.push({ article: g.article, question: question(person, ''), label: 'not-said', variant: 'invented', asked: person, speaker: '', claim: '' });
    const name = inventName(random);
    out.push({ article: g.article, question: '', label: 'not-quoted', variant: 'unknown-person', asked: name, speaker: '', claim: '' });
  }
  // Invented words are drawn last, so adding a variant above never shifts them.
  return out.map((q, k) => {
    if (q.claim !== '') return q;
    const claim = inventClaim(vocabulary, createRandom(hashString(`didsay:${seed}:${q.article}:${k}:claim`)));
    return { ...q, claim, question: question(q.asked, claim) };
  });
}

export interface DidSayOutcome extends DidSayQuestion {
  readonly verdict: VerdictKind;
  /** For someone-else verdicts: the speakers named. */
  readonly named: readonly string[];
  /** The words were found, but in a story that doesn't say (for certain) who said them. */
  readonly unattributed?: boolean;
}

export interface DidSayScores {
  readonly questions: number;
  readonly right: number;
  /** confusion[label][verdict] = count. */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Altered (number or negation) questions answered verbatim or reported: must be 0. */
  readonly meaningSlips: number;
  /** Someone-else verdicts naming the gold speaker, of someone-else verdicts on wrong-person questions. */
  readonly namedRight: number;
  readonly namedJudged: number;
}

export const VERDICT_ORDER: readonly VerdictKind[] = ['verbatim', 'reported', 'close', 'someone-else', 'not-said', 'not-quoted'];

/** Tally the outcomes: the confusion table and the hard-rule check; `same` judges a named speaker against gold. */
export function scoreDidSay(
  outcomes: readonly DidSayOutcome[],
  same: (gold: string, named: readonly string[]) => boolean = (gold, named) => isSameSpeaker(gold, named),
): DidSayScores {
  const confusion: Record<string, Record<string, number>> = {};
  let right = 0;
  let meaningSlips = 0;
  let namedRight = 0;
  let namedJudged = 0;
  for (const o of outcomes) {
    const row = confusion[o.label] ?? {};
    confusion[o.label] = row;
    row[o.verdict] = (row[o.verdict] ?? 0) + 1;
    if (o.verdict === o.label) right++;
    if (/^(?:number|negation)/.test(o.variant) && (o.verdict === 'verbatim' || o.verdict === 'reported')) meaningSlips++;
    if (o.variant === 'wrong-person' && o.verdict === 'someone-else') {
      namedJudged++;
      if (same(o.speaker, o.named)) namedRight++;
    }
  }
  return { questions: outcomes.length, right, confusion, meaningSlips, namedRight, namedJudged };
}

/** The confusion table, one row per true label: how many, share right, and what each was answered. */
export function formatDidSayTable(dataset: string, s: DidSayScores): string {
  const head = ['true \\ verdict', 'n', 'right %', ...VERDICT_ORDER];
  const rows = VERDICT_ORDER.filter((l) => s.confusion[l]).map((label) => {
    const row = s.confusion[label] ?? {};
    const n = Object.values(row).reduce((a, b) => a + b, 0);
    return [label, String(n), ((100 * (row[label] ?? 0)) / Math.max(1, n)).toFixed(1), ...VERDICT_ORDER.map((v) => String(row[v] ?? 0))];
  });
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const lines = all.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '));
  const total = `${dataset} did-say verdicts: ${s.right} of ${s.questions} right (${((100 * s.right) / Math.max(1, s.questions)).toFixed(1)}%); changed number or negation answered verbatim/reported: ${s.meaningSlips}; someone-else naming the gold speaker: ${s.namedRight} of ${s.namedJudged}`;
  return `${total}\n${lines.join('\n')}\n`;
}
