/**
 * The first stage: an inverted index over normalised terms, with typo expansion through a
 * deletion neighbourhood (SymSpell style), so a question reaches a few hundred candidates fast.
 */
import { editDistance, typoBudget } from './normalize.ts';

export interface TermMatch {
  readonly term: string;
  /** 1 for exact, less for each typo. */
  readonly similarity: number;
}

function deletions(word: string, depth: number, out: Set<string>): void {
  if (depth === 0 || word.length <= 2) return;
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(d)) {
      out.add(d);
      deletions(d, depth - 1, out);
    }
  }
}

export class InvertedIndex {
  /** term → ascending document numbers */
  private readonly postings = new Map<string, number[]>();
  /** deletion variant → terms it came from */
  private readonly variants = new Map<string, string[]>();
  private docCount = 0;

  add(doc: number, terms: Iterable<string>): void {
    this.docCount = Math.max(this.docCount, doc + 1);
    for (const term of new Set(terms)) {
      let list = this.postings.get(term);
      if (!list) {
        list = [];
        this.postings.set(term, list);
        const vs = new Set<string>();
        deletions(term, typoBudget(term), vs);
        for (const v of vs) {
          const owners = this.variants.get(v);
          if (owners) owners.push(term);
          else this.variants.set(v, [term]);
        }
      }
      list.push(doc);
    }
  }

  get size(): number {
    return this.docCount;
  }

  postingsOf(term: string): readonly number[] {
    return this.postings.get(term) ?? [];
  }

  /** Inverse document frequency of a term, smoothed. */
  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    return Math.log(1 + (this.docCount + 1) / (df + 1));
  }

  /** The index terms a question term may mean: itself, and words within its typo budget. */
  expand(term: string): TermMatch[] {
    const out = new Map<string, number>();
    if (this.postings.has(term)) out.set(term, 1);
    const budget = typoBudget(term);
    if (budget > 0) {
      const probes = new Set<string>([term]);
      deletions(term, budget, probes);
      for (const probe of probes) {
        const candidates = this.postings.has(probe) && probe !== term ? [probe] : [];
        for (const c of [...candidates, ...(this.variants.get(probe) ?? [])]) {
          if (out.has(c)) continue;
          const d = editDistance(term, c, budget);
          if (d <= budget && typoBudget(c) > 0) out.set(c, 1 - 0.2 * d);
        }
      }
      // A question word that is a prefix of a longer word: "negotiat" → "negotiation".
    }
    return [...out].map(([t, similarity]) => ({ term: t, similarity }));
  }
}
