/**
 * The first stage: an inverted index over normalised terms, with typo expansion through a hashed
 * deletion map (SymSpell style), so a question reaches a few hundred candidates fast.
 *
 * Built once, then frozen into flat typed arrays (postings in CSR form): at a million quotations,
 * JS arrays per term would cost several times the memory and would be slow to save and load.
 */
import { DeletionMapBuilder, hashWithout, type DeletionTable } from './deletions.ts';
import { editDistance, stem, typoBudget } from './normalize.ts';

export interface TermMatch {
  readonly term: string;
  /** Number of the term in the index. */
  readonly termNo: number;
  /** 1 for exact, less for each typo. */
  readonly similarity: number;
}

/** Everything the index holds, as plain data: what is saved next to the corpus and loaded back. */
export interface InvertedData {
  readonly docCount: number;
  readonly terms: readonly string[];
  /** Postings of term t: docs[offsets[t] .. offsets[t + 1]), ascending. */
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  readonly deletions: DeletionTable;
}

/** Collects (term, document) pairs; `freeze()` turns them into an `InvertedIndex`. */
export class InvertedIndexBuilder {
  private readonly termNos = new Map<string, number>();
  private readonly terms: string[] = [];
  private pairTerm = new Uint32Array(4096);
  private pairDoc = new Uint32Array(4096);
  private pairs = 0;
  private docCount = 0;

  /** Add document `doc` (numbered from 0, ascending) with its terms. */
  add(doc: number, terms: Iterable<string>): void {
    this.docCount = Math.max(this.docCount, doc + 1);
    for (const term of new Set(terms)) {
      let no = this.termNos.get(term);
      if (no === undefined) {
        no = this.terms.length;
        this.termNos.set(term, no);
        this.terms.push(term);
      }
      if (this.pairs === this.pairTerm.length) this.grow();
      this.pairTerm[this.pairs] = no;
      this.pairDoc[this.pairs] = doc;
      this.pairs++;
    }
  }

  private grow(): void {
    const t = new Uint32Array(this.pairTerm.length * 2);
    t.set(this.pairTerm);
    const d = new Uint32Array(this.pairDoc.length * 2);
    d.set(this.pairDoc);
    this.pairTerm = t;
    this.pairDoc = d;
  }

  /** Counting sort by term; documents were added in order, so each list comes out ascending. `docCount` counts trailing documents without terms. */
  freeze(docCount = 0): InvertedIndex {
    this.docCount = Math.max(this.docCount, docCount);
    const offsets = new Uint32Array(this.terms.length + 1);
    for (let i = 0; i < this.pairs; i++) offsets[this.pairTerm[i]! + 1]!++;
    for (let t = 0; t < this.terms.length; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, this.terms.length);
    const docs = new Uint32Array(this.pairs);
    for (let i = 0; i < this.pairs; i++) docs[fill[this.pairTerm[i]!]!++] = this.pairDoc[i]!;
    const deletions = new DeletionMapBuilder();
    this.terms.forEach((term, no) => {
      deletions.add(no, term, typoBudget(term));
    });
    return new InvertedIndex({ docCount: this.docCount, terms: this.terms, offsets, docs, deletions: deletions.freeze() });
  }
}

export class InvertedIndex {
  private readonly termNos: Map<string, number>;

  constructor(readonly data: InvertedData) {
    this.termNos = new Map(data.terms.map((t, i) => [t, i]));
  }

  get size(): number {
    return this.data.docCount;
  }

  /** Ascending documents holding term number `termNo`. */
  postings(termNo: number): Uint32Array {
    return this.data.docs.subarray(this.data.offsets[termNo]!, this.data.offsets[termNo + 1]!);
  }

  /** Document frequency of a term number. */
  frequency(termNo: number): number {
    return this.data.offsets[termNo + 1]! - this.data.offsets[termNo]!;
  }

  /** Inverse document frequency of a term number, smoothed. */
  idf(termNo: number): number {
    return Math.log(1 + (this.data.docCount + 1) / (this.frequency(termNo) + 1));
  }

  /** Inverse document frequency of a term that is not in the index. */
  idfOfUnknown(): number {
    return Math.log(1 + (this.data.docCount + 1));
  }

  /** The index terms a question term may mean: itself, and words within its typo budget, best first. */
  expand(term: string, typed?: string): TermMatch[] {
    const out = new Map<number, number>();
    const exact = this.termNos.get(term);
    if (exact !== undefined) out.set(exact, 1);
    // "neds" stems to "ned", too short for a typo; a word not in the index keeps the budget it
    // was typed with, so it still finds "need".
    const budget = exact === undefined && typed !== undefined ? Math.max(typoBudget(term), typoBudget(typed)) : typoBudget(term);
    // "injurise": the typo hides the ending the stemmer needs ("injuries" → "injury"); a swapped or
    // doubled letter undone in the word as typed, then stemmed, may be in the index.
    if (exact === undefined && typed !== undefined && typoBudget(typed) > 0) {
      for (const fixed of simpleFixes(typed)) {
        const no = this.termNos.get(stem(fixed));
        if (no !== undefined && !out.has(no)) out.set(no, 0.8);
      }
    }
    if (budget > 0) {
      const { offsets, terms, mask } = this.data.deletions;
      for (const probe of [term, ...probesOf(term, budget)]) {
        const own = this.termNos.get(probe);
        if (own !== undefined) this.consider(term, own, budget, out);
        // The bucket of the probe's hash (`termsUnder`), walked in place: no array view per probe.
        const bucket = hashWithout(probe, -1, -1) & mask;
        const end = offsets[bucket + 1] ?? 0;
        for (let i = offsets[bucket] ?? end; i < end; i++) this.consider(term, terms[i] ?? 0, budget, out);
      }
    }
    return [...out].map(([termNo, similarity]) => ({ term: this.data.terms[termNo]!, termNo, similarity })).sort((a, b) => b.similarity - a.similarity);
  }

  private consider(term: string, no: number, budget: number, out: Map<number, number>): void {
    if (out.has(no)) return;
    const candidate = this.data.terms[no]!;
    if (typoBudget(candidate) === 0) return;
    const d = editDistance(term, candidate, budget);
    if (d <= budget) out.set(no, 1 - 0.2 * d);
  }
}

/** The word with one pair of neighbouring letters swapped back, or one letter dropped. */
function simpleFixes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** The question-side deletion variants of a term (as strings: a question has only a few words). */
function probesOf(term: string, depth: number): Set<string> {
  const out = new Set<string>();
  const walk = (word: string, left: number): void => {
    if (left === 0 || word.length <= 2) return;
    for (let i = 0; i < word.length; i++) {
      const d = word.slice(0, i) + word.slice(i + 1);
      if (!out.has(d)) {
        out.add(d);
        walk(d, left - 1);
      }
    }
  };
  walk(term, depth);
  return out;
}
