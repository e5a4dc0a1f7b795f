/**
 * Candidate scoring for the first stage: idf-weighted term coverage, accumulated in reusable typed
 * arrays (no per-document objects per question), and a bounded heap that keeps the best few hundred.
 */
import type { InvertedIndex, TermMatch } from './inverted.ts';

export interface Candidate {
  readonly doc: number;
  /** Share of the question's idf weight the document holds, 0..1. */
  readonly coverage: number;
}

export interface ScoreRequest {
  /** Per question term, the index terms it may mean, best first. */
  readonly expansions: readonly (readonly TermMatch[])[];
  /** Per question term, its weight. */
  readonly weights: readonly number[];
  /** Lists at most this long always generate candidates. */
  readonly common: number;
  /** Longer lists generate candidates only while there are fewer than this many. */
  readonly enough: number;
  /** How many candidates to keep. */
  readonly keep: number;
  /** Only these documents, when set. */
  readonly allowed: ReadonlySet<number> | null;
  /** Documents removed since the index was built (1 = removed), when set: never candidates. */
  readonly removed?: Uint8Array | null;
  /** A cheap 0..1 bonus (word order) that may lift candidates tied on coverage into the kept ones. */
  readonly bonus?: { readonly weight: number; readonly of: (doc: number) => number };
}

/** At most this many tied candidates are checked for the bonus (cost: a few hundred ns each). */
const MAX_CONTENDERS = 5000;

/** Keeps the accumulators between questions; one per index. Not re-entrant (JS is single-threaded). */
export class CandidateScorer {
  private readonly acc: Float64Array;
  private readonly inSet: Uint32Array;
  private readonly credited: Uint32Array;
  /** The bonus added to a contender's accumulator, to take back out of its coverage. */
  private readonly lift: Float64Array;
  private tick = 0;

  /** `recency[d]`: larger is newer; ties in coverage go to the newest story. */
  constructor(
    private readonly index: InvertedIndex,
    private readonly recency: Int32Array,
  ) {
    this.acc = new Float64Array(index.size);
    this.inSet = new Uint32Array(index.size);
    this.credited = new Uint32Array(index.size);
    this.lift = new Float64Array(index.size);
  }

  /** The best `keep` candidates, best first: coverage, then newest, then document order. */
  score(req: ScoreRequest): Candidate[] {
    const total = req.weights.reduce((a, b) => a + b, 0);
    if (total <= 0) return [];
    const docs = this.collect(req);
    for (let k = 0; k < req.expansions.length; k++) this.credit(docs, req.expansions[k]!, req.weights[k]!, req.common);
    const kept = this.best(docs, req.keep);
    if (!req.bonus || kept.length < req.keep) return kept.map((doc) => ({ doc, coverage: this.acc[doc]! / total }));
    // Candidates close enough to the cut that the bonus could lift them in get checked too.
    const bonus = req.bonus;
    const reach = this.acc[kept[kept.length - 1]!]! - bonus.weight * total;
    const tick = this.nextTick();
    for (const d of kept) this.inSet[d] = tick;
    const contenders = kept.slice();
    for (const d of docs) {
      if (contenders.length >= req.keep + MAX_CONTENDERS) break;
      if (this.inSet[d] !== tick && this.acc[d]! >= reach) contenders.push(d);
    }
    // The bonus goes into the accumulator: these documents are not scored again for this question.
    // The kept ones first: the worst of them, bonus included, is a bar that a contender below it
    // even with the whole bonus cannot reach, so its bonus (a few regular expressions) is not worked out.
    const lifted = (d: number): number => {
      const lift = bonus.weight * total * bonus.of(d);
      this.lift[d] = lift;
      this.acc[d] = (this.acc[d] ?? 0) + lift;
      return this.acc[d] ?? 0;
    };
    let bar = Number.POSITIVE_INFINITY;
    for (const d of kept) bar = Math.min(bar, lifted(d));
    const checked = kept.slice();
    for (const d of contenders.slice(kept.length)) {
      if ((this.acc[d] ?? 0) + bonus.weight * total < bar) continue;
      lifted(d);
      checked.push(d);
    }
    return this.best(checked, req.keep).map((doc) => ({ doc, coverage: (this.acc[doc]! - this.lift[doc]!) / total }));
  }

  private nextTick(): number {
    if (this.tick >= 0xfffffff0) {
      this.inSet.fill(0);
      this.credited.fill(0);
      this.tick = 0;
    }
    return ++this.tick;
  }

  /**
   * Candidate documents. Lists at most `common` long always add theirs; longer lists (common words)
   * join rarest first, and only while fewer than `enough` candidates are found: at a million
   * quotations a word like "near" holds tens of thousands, and would swamp every question.
   */
  private collect(req: ScoreRequest): number[] {
    const tick = this.nextTick();
    const lists = [...new Set(req.expansions.flat().map((m) => m.termNo))].sort((a, b) => this.index.frequency(a) - this.index.frequency(b));
    // The rarest question word's own list (its best match) always generates candidates: a typo
    // variant ("bought" for "brought", "wherever" for "whenever") may be rarer than the word and
    // would otherwise fill the candidates with documents that do not hold the word at all.
    const anchor = this.anchorOf(req.expansions);
    if (anchor !== undefined) {
      lists.splice(lists.indexOf(anchor), 1);
      lists.unshift(anchor);
    }
    const docs: number[] = [];
    const removed = req.removed ?? null;
    for (const termNo of lists) {
      if (termNo !== anchor && this.index.frequency(termNo) > req.common && docs.length >= req.enough) break;
      for (const d of this.index.postings(termNo)) {
        if (this.inSet[d] === tick || (req.allowed && !req.allowed.has(d)) || (removed && removed[d] === 1)) continue;
        this.inSet[d] = tick;
        this.acc[d] = 0;
        docs.push(d);
      }
    }
    return docs;
  }

  /** The best match of the question word whose best match is rarest (undefined: no word matched). */
  private anchorOf(expansions: readonly (readonly TermMatch[])[]): number | undefined {
    let anchor: number | undefined;
    for (const matches of expansions) {
      const best = matches[0];
      if (best !== undefined && (anchor === undefined || this.index.frequency(best.termNo) < this.index.frequency(anchor))) anchor = best.termNo;
    }
    return anchor;
  }

  /** Add each candidate's best similarity for one question term, times its weight. */
  private credit(docs: readonly number[], matches: readonly TermMatch[], weight: number, common: number): void {
    const setTick = this.tick;
    const termTick = this.nextTick();
    for (const m of matches) {
      const list = this.index.postings(m.termNo);
      const gain = m.similarity * weight;
      // A long list against few candidates: binary-search each candidate instead of walking the list.
      if (list.length > common && docs.length * 20 < list.length) {
        for (const d of docs) if (this.credited[d] !== termTick && contains(list, d)) this.give(d, gain, termTick);
        continue;
      }
      for (const d of list) if (this.inSet[d] === setTick && this.credited[d] !== termTick) this.give(d, gain, termTick);
    }
    // Keep candidate membership valid for the next term: re-stamp with the newest tick.
    for (const d of docs) this.inSet[d] = termTick;
  }

  private give(d: number, gain: number, termTick: number): void {
    this.acc[d]! += gain;
    this.credited[d] = termTick;
  }

  private better(a: number, b: number): boolean {
    const da = this.acc[a]!;
    const db = this.acc[b]!;
    if (da !== db) return da > db;
    const ra = this.recency[a]!;
    const rb = this.recency[b]!;
    return ra !== rb ? ra > rb : a < b;
  }

  /** The best `keep` documents through a min-heap (the worst kept candidate on top). */
  private best(docs: readonly number[], keep: number): number[] {
    const heap: number[] = [];
    for (const d of docs) {
      if (heap.length < keep) {
        heap.push(d);
        siftUp(heap, heap.length - 1, (a, b) => this.better(b, a));
      } else if (this.better(d, heap[0]!)) {
        heap[0] = d;
        siftDown(heap, 0, (a, b) => this.better(b, a));
      }
    }
    return heap.sort((a, b) => (this.better(a, b) ? -1 : 1));
  }
}

/** Binary search in an ascending list. */
export function contains(list: Uint32Array, d: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]!;
    if (v === d) return true;
    if (v < d) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

type Before = (a: number, b: number) => boolean;

function siftUp(heap: number[], i: number, before: Before): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) return;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown(heap: number[], i: number, before: Before): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let top = i;
    if (l < heap.length && before(heap[l]!, heap[top]!)) top = l;
    if (r < heap.length && before(heap[r]!, heap[top]!)) top = r;
    if (top === i) return;
    [heap[i], heap[top]] = [heap[top]!, heap[i]!];
    i = top;
  }
}
