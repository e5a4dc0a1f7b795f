/**
 * Fact-checking "did <name> say <words>?": compare the words with what the stories quote the
 * person saying (and what they quote others saying) and give one verdict with its evidence.
 * A withheld (guessed) speaker is never the person's words, and never named as someone else's.
 */
import { isCertain, shownSpeakers, statedRank } from '../certainty.ts';
import type { Corpus } from '../corpus.ts';
import type { PersonMatch } from './people.ts';
import type { ClaimVerdict, Quotation, VerdictKind } from '../types.ts';
import { compareWords, type WordComparison } from './verdict-diff.ts';
import { quoteWords } from './wording.ts';

export interface VerdictOptions {
  /** Verbatim: the claim's words match a stretch of a direct quotation at least this well (1: every word, typos aside). */
  readonly verbatim: number;
  /** Reported: the claim matches the person's reported speech at least this well. */
  readonly reported: number;
  /** Close: the person's nearest words match at least this well. */
  readonly close: number;
  /** Someone else: another stated speaker's words match at least this well (and better than the person's own). */
  readonly elsewhere: number;
  /** Quotations compared per search (the person's, and everyone's). */
  readonly candidates: number;
}

/**
 * Thresholds picked from the labelled did-say questions generated from ggt-dev gold
 * (`npm run eval`, EVALUATION.md "Did-say verdicts"): similarity is 2·same / (claim words +
 * quotation words spanned), so 1 is the claim as a stretch of the quotation, typos aside.
 */
export const VERDICT_DEFAULTS: VerdictOptions = Object.freeze({ verbatim: 1, reported: 0.95, close: 0.5, elsewhere: 0.8, candidates: 20 });

/** One compared quotation, or the marked words inside reported speech ("he called it “a defeat”"). */
export interface Compared {
  readonly quotation: Quotation;
  readonly comparison: WordComparison;
  /** The words compared are in quotation marks: a direct quotation, or words marked inside reported speech. */
  readonly quoted: boolean;
}

/** Words in double marks inside reported speech: the speaker's own words. */
const MARKED = /[“"]([^“”"]{2,})[”"]/g;

export interface VerdictResult {
  readonly verdict: ClaimVerdict;
  /** The quotation backing the verdict, when there is one. */
  readonly evidence?: Compared;
}

/** Best first: closer words, then words in quotation marks, then a surer speaker, then story order. */
function better(a: Compared, b: Compared): number {
  return b.comparison.similarity - a.comparison.similarity || (a.quoted ? 0 : 1) - (b.quoted ? 0 : 1) || statedRank(b.quotation) - statedRank(a.quotation);
}

/** Compare the claim with each quotation (and the marked words inside reported speech); `seen` spares a quotation found by both searches a second comparison. */
function compareAll(corpus: Corpus, ids: Iterable<string>, claim: string, seen: Map<string, Compared[]>): Compared[] {
  const out: Compared[] = [];
  for (const id of ids) {
    const known = seen.get(id);
    if (known) {
      out.push(...known);
      continue;
    }
    const q = corpus.byId.get(id);
    if (!q) continue;
    const words = quoteWords(q.quote, q.kind);
    const compared: Compared[] = [{ quotation: q, comparison: compareWords(words, claim), quoted: q.kind === 'direct' }];
    if (q.kind === 'indirect')
      for (const m of words.matchAll(MARKED)) compared.push({ quotation: q, comparison: compareWords(m[1] ?? '', claim), quoted: true });
    seen.set(id, compared);
    out.push(...compared);
  }
  return out.sort(better);
}

/** Neither a number nor a negation differs: the claim may be the person's words. */
const faithful = (c: Compared) => !c.comparison.meaningChanged;

function verdictOf(kind: VerdictKind, person: string, claim: string, evidence?: Compared, extra: Partial<ClaimVerdict> = {}): VerdictResult {
  const c = evidence?.comparison;
  const verdict: ClaimVerdict = {
    kind,
    person,
    claim,
    similarity: c ? Math.round(c.similarity * 1000) / 1000 : 0,
    ...(c?.meaningChanged ? { meaningChanged: true } : {}),
    ...extra,
  };
  return evidence ? { verdict, evidence } : { verdict };
}

/**
 * The verdict on "did <person> say <claim>?", given who the question names (see `findPerson`) and
 * the question's search words.
 *
 * @example
 * judgeClaim(corpus, findPerson(corpus, 'umerov'), 'umerov', 'the parties agreed to return to Istanbul', words).verdict.kind; // 'close'
 */
export function judgeClaim(
  corpus: Corpus,
  person: PersonMatch,
  typed: string,
  claim: string,
  words: readonly string[],
  options: VerdictOptions = VERDICT_DEFAULTS,
): VerdictResult {
  const names = person.kind === 'person' ? person.names : new Set<string>();
  const who = person.kind === 'person' ? person.name : typed;
  const isOwn = (q: Quotation) => shownSpeakers(q).some((s) => names.has(s.name));
  const seen = new Map<string, Compared[]>();
  const own =
    names.size === 0
      ? []
      : compareAll(
          corpus,
          corpus.search.search(words, { limit: options.candidates, speakers: names }).map((h) => h.id),
          claim,
          seen,
        ).filter((c) => isOwn(c.quotation));
  const everyone = compareAll(
    corpus,
    corpus.search.search(words, { limit: options.candidates }).map((h) => h.id),
    claim,
    seen,
  );
  const others = everyone.filter((c) => isCertain(c.quotation) && !isOwn(c.quotation));
  const hidden = everyone.filter((c) => !isCertain(c.quotation));
  const bestOwn = own[0];
  const ownScore = bestOwn?.comparison.similarity ?? 0;

  const verbatim = own.find((c) => c.quoted && faithful(c) && c.comparison.similarity >= options.verbatim);
  if (verbatim) return verdictOf('verbatim', who, claim, verbatim);
  const reported = own.find((c) => !c.quoted && faithful(c) && c.comparison.similarity >= options.reported);
  if (reported) return verdictOf('reported', who, claim, reported);
  const elsewhere = others.find((c) => faithful(c) && c.comparison.similarity >= options.elsewhere && c.comparison.similarity > ownScore);
  if (elsewhere) return verdictOf('someone-else', who, claim, elsewhere);
  if (bestOwn && ownScore >= options.close) return verdictOf('close', who, claim, bestOwn, { changes: bestOwn.comparison.changes });
  // Words in a story that doesn't say who said them: shown as such, never pinned on anyone.
  const unattributed = hidden.find((c) => c.comparison.similarity >= options.elsewhere);
  const kind: VerdictKind = person.kind === 'person' ? 'not-said' : 'not-quoted';
  if (unattributed) return verdictOf(kind, who, claim, unattributed, { unattributed: true });
  // Not said: the person's nearest words, if any share a word with the claim, so the reader sees what they did say.
  return verdictOf(kind, who, claim, bestOwn && ownScore > 0 ? bestOwn : undefined);
}
