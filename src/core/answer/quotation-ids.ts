/**
 * Quotations by id without a Map entry per quotation: extraction numbers a story's quotations
 * "<story>#1", "<story>#2", … in order, so an id finds its quotation through the story's first
 * position. At a million quotations a Map of them held ~40 MB and took a noticeable share of a
 * cold start. Ids of any other form (or out of order) still go through a small Map.
 */
import type { Quotation } from '../types.ts';

export class QuotationsById implements ReadonlyMap<string, Quotation> {
  /** Story id → position of its first quotation. */
  private readonly first = new Map<string, number>();
  /** Quotations whose id is not "<story>#<n>" for their position, by id (the last one wins, as in a Map). */
  private readonly others = new Map<string, Quotation>();
  readonly size: number;

  constructor(private readonly quotations: readonly Quotation[]) {
    quotations.forEach((q, i) => {
      let first = this.first.get(q.articleId);
      if (first === undefined) {
        first = i;
        this.first.set(q.articleId, first);
      }
      if (q.id !== `${q.articleId}#${i - first + 1}`) this.others.set(q.id, q);
    });
    let size = this.others.size;
    for (const q of quotations) if (!this.others.has(q.id)) size++;
    this.size = size;
  }

  get(id: string): Quotation | undefined {
    const other = this.others.get(id);
    if (other) return other;
    const hash = id.lastIndexOf('#');
    const first = hash < 0 ? undefined : this.first.get(id.slice(0, hash));
    const n = Number(id.slice(hash + 1));
    if (first === undefined || !Number.isInteger(n) || n < 1) return undefined;
    const q = this.quotations[first + n - 1];
    return q?.id === id ? q : undefined;
  }

  /** Position of the first quotation of a story, or undefined (for a live reload's masks). */
  firstOf(articleId: string): number | undefined {
    return this.first.get(articleId);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *entries(): MapIterator<[string, Quotation]> {
    const seen = new Set<string>();
    for (const q of this.quotations) {
      if (seen.has(q.id)) continue;
      seen.add(q.id);
      yield [q.id, this.get(q.id)!];
    }
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<Quotation> {
    for (const [, q] of this.entries()) yield q;
  }

  [Symbol.iterator](): MapIterator<[string, Quotation]> {
    return this.entries();
  }

  forEach(fn: (value: Quotation, key: string, map: ReadonlyMap<string, Quotation>) => void, thisArg?: unknown): void {
    for (const [id, q] of this.entries()) fn.call(thisArg, q, id, this);
  }
}
