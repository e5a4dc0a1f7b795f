/**
 * Quotations by id without a Map entry per quotation: extraction numbers a story's quotations
 * "<story>#1", "<story>#2", … in order, so an id finds its quotation through the story's first
 * position. At a million quotations a Map of them held ~40 MB and took a noticeable share of a
 * cold start. Ids of any other form (or out of order) still go through a small Map.
 */
import type { Quotation } from '../types.ts';

/**
 * A quotation that knows, without building its id, whether the id is "<story>#<n>": its method
 * under this key returns n, or 0 when the id is of another form (quotations read from a saved
 * index have it; making a million ids to compare them cost a noticeable share of a cold start).
 */
export const ID_NUMBER: unique symbol = Symbol('whosaid.idNumber');

/** n when `q` says its id is "<story>#<n>", 0 when it says it is not, undefined when it cannot say. */
function idNumberOf(q: Quotation): number | undefined {
  return (q as { [ID_NUMBER]?: () => number })[ID_NUMBER]?.();
}

export class QuotationsById implements ReadonlyMap<string, Quotation> {
  /** Story id → position of its first quotation. */
  private readonly first = new Map<string, number>();
  /** Quotations whose id is not "<story>#<n>" for their position, by id (the last one wins, as in a Map). */
  private readonly others = new Map<string, Quotation>();
  readonly size: number;

  constructor(private readonly quotations: readonly Quotation[]) {
    // A story's quotations are consecutive: its first position is looked up once per run, and each
    // id is compared with "<story>#<n>" in place (a template string per quotation cost about a
    // third of a second at a million quotations).
    let story: string | null = null;
    let first = 0;
    quotations.forEach((q, i) => {
      if (q.articleId !== story) {
        story = q.articleId;
        const known = this.first.get(story);
        first = known ?? i;
        if (known === undefined) this.first.set(story, i);
      }
      const n = idNumberOf(q);
      if (n !== undefined && n > 0 ? n !== i - first + 1 : !isNumberedId(q.id, story, i - first + 1)) this.others.set(q.id, q);
    });
    let size = this.others.size === 0 ? quotations.length : this.others.size;
    if (this.others.size > 0) for (const q of quotations) if (!this.others.has(q.id)) size++;
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

/** Is `id` exactly `${story}#${n}` (n ≥ 1)? Compared in place, without building the string. */
export function isNumberedId(id: string, story: string, n: number): boolean {
  const at = story.length;
  if (id.length <= at + 1 || id.charCodeAt(at) !== 35 || !id.startsWith(story)) return false;
  let value = 0;
  for (let k = at + 1; k < id.length; k++) {
    const c = id.charCodeAt(k) - 48;
    if (c < 0 || c > 9 || (c === 0 && k === at + 1)) return false;
    value = value * 10 + c;
  }
  return value === n;
}
