/**
 * The typo map of the first stage, SymSpell style: every index term is filed under the hashes of
 * its deletion variants ("negotiation" → "negotiaion", "egotiation", …), so a question word finds
 * the terms within its typo budget by hashing its own variants.
 *
 * Variants are never stored as strings: at a million quotations there are millions of them, and a
 * Map of strings costs hundreds of megabytes. Instead each (variant hash, term number) pair goes
 * into a compressed bucket table of two Uint32Arrays. A hash collision only adds a candidate that
 * the edit-distance check then drops.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a hash of `word` with the characters at `skipA` and `skipB` left out (-1: none). */
export function hashWithout(word: string, skipA: number, skipB: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    if (i === skipA || i === skipB) continue;
    h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

/** Distinct hashes of the deletion variants of `word`, one and (when depth is 2) two characters out. */
export function variantHashes(word: string, depth: number): number[] {
  const out = new Set<number>();
  if (depth <= 0 || word.length <= 2) return [];
  for (let i = 0; i < word.length; i++) {
    out.add(hashWithout(word, i, -1));
    if (depth < 2 || word.length <= 3) continue;
    for (let j = i + 1; j < word.length; j++) out.add(hashWithout(word, i, j));
  }
  return [...out];
}

/** The frozen table: bucket `b` holds terms[offsets[b] .. offsets[b + 1]). */
export interface DeletionTable {
  readonly mask: number;
  readonly offsets: Uint32Array;
  readonly terms: Uint32Array;
}

/** Collects (variant hash, term) pairs, then freezes them into a bucket table. */
export class DeletionMapBuilder {
  private hashes = new Uint32Array(1024);
  private owners = new Uint32Array(1024);
  private count = 0;

  /** File `term` (its number) under every deletion variant within `depth`. */
  add(termNo: number, word: string, depth: number): void {
    for (const h of variantHashes(word, depth)) {
      if (this.count === this.hashes.length) this.grow();
      this.hashes[this.count] = h;
      this.owners[this.count] = termNo;
      this.count++;
    }
  }

  private grow(): void {
    const hashes = new Uint32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    const owners = new Uint32Array(this.owners.length * 2);
    owners.set(this.owners);
    this.hashes = hashes;
    this.owners = owners;
  }

  /** Counting sort by bucket: two passes, no per-entry objects. */
  freeze(): DeletionTable {
    let buckets = 1;
    while (buckets < this.count) buckets *= 2;
    const mask = buckets - 1;
    const offsets = new Uint32Array(buckets + 1);
    for (let i = 0; i < this.count; i++) offsets[(this.hashes[i]! & mask) + 1]!++;
    for (let b = 0; b < buckets; b++) offsets[b + 1]! += offsets[b]!;
    const fill = offsets.slice(0, buckets);
    const terms = new Uint32Array(this.count);
    for (let i = 0; i < this.count; i++) terms[fill[this.hashes[i]! & mask]!++] = this.owners[i]!;
    return { mask, offsets, terms };
  }
}

/** Term numbers filed under the variant with hash `hash` (may include collisions). */
export function termsUnder(table: DeletionTable, hash: number): Uint32Array {
  const b = hash & table.mask;
  return table.terms.subarray(table.offsets[b]!, table.offsets[b + 1]!);
}
