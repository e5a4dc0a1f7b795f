/**
 * Words remembered from one statement that the story prints in pieces: "“… we'd better be careful,
 * because that election is going to be rigged,” he said. “And I hope the Republicans are watching
 * …”" A reader asking "who said careful rigged watching?" names words of two quotations; no one
 * quotation holds them all, but the paragraph does, and both pieces are the same person's.
 */
import { isCertain } from '../certainty.ts';
import { passageOf, type Corpus } from '../corpus.ts';
import type { SearchHit } from '../search/index.ts';
import { tokensOf } from '../search/normalize.ts';
import type { Quotation } from '../types.ts';

/** A story's quotations in one paragraph: ids are "<story>#1", "<story>#2", … in story order. */
function quotationsIn(corpus: Corpus, articleId: string, paragraph: number): Quotation[] {
  const out: Quotation[] = [];
  for (let n = 1; ; n++) {
    const q = corpus.byId.get(`${articleId}#${n}`);
    if (!q || q.span.paragraph > paragraph) break;
    if (q.span.paragraph === paragraph) out.push(q);
  }
  return out;
}

function sameStatedSpeaker(a: Quotation, b: Quotation): boolean {
  const names = (q: Quotation) => q.speakers.map((s) => s.name).join('\n');
  return isCertain(a) && isCertain(b) && names(a) === names(b);
}

/** The paragraph's best piece, and the words of the question found across its pieces. */
export interface AcrossQuotes {
  readonly quotation: Quotation;
  readonly score: number;
  readonly matched: readonly string[];
}

/** The paragraph's quotations that hold question words, when every word the paragraph matched lies inside them. */
function quotedPieces(corpus: Corpus, hit: SearchHit): { pieces: Quotation[]; holds: number[] } | null {
  if (hit.matched.length < 2) return null;
  const { story, paragraph } = passageOf(hit.id);
  const all = quotationsIn(corpus, story, paragraph);
  const counts = all.map((q) => {
    const own = new Set(tokensOf(q.quote));
    return hit.matched.filter((w) => own.has(w)).length;
  });
  const pieces = all.filter((_, i) => (counts[i] ?? 0) > 0);
  const inside = new Set(pieces.flatMap((q) => tokensOf(q.quote)));
  return pieces.length >= 2 && hit.matched.every((w) => inside.has(w)) ? { pieces, holds: counts.filter((n) => n > 0) } : null;
}

/**
 * When no quotation matches the question well enough, the paragraph that does (`hit`, the best
 * passage), if every question word it holds lies inside quotations of one stated speaker (at
 * least two of them: one would have matched on its own). Narration between the pieces never
 * counts: a word only the narration holds makes no answer. Returns the piece holding the most of
 * the words.
 */
export function acrossQuotes(corpus: Corpus, hit: SearchHit | undefined, minScore: number): AcrossQuotes | null {
  const found = hit && hit.score >= minScore ? quotedPieces(corpus, hit) : null;
  const first = found?.pieces[0];
  if (!hit || !found || !first || !found.pieces.every((q) => sameStatedSpeaker(q, first))) return null;
  const { pieces, holds } = found;
  const most = holds.indexOf(Math.max(...holds));
  return { quotation: pieces[most] ?? first, score: hit.score, matched: hit.matched };
}

/** Whether the words a paragraph matched are all inside two or more of its quotations (of anyone). */
export function quotedInPieces(corpus: Corpus, hit: SearchHit): boolean {
  return quotedPieces(corpus, hit) !== null;
}
