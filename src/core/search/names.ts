/**
 * Finding a quoted person by a typed name ("zelensky" → "Volodymyr Zelenskiy"): the inverted index
 * with typo expansion picks the names sharing a part with the query, fuse.js ranks those. Ranking
 * every name with fuse.js would cost milliseconds per question once an archive quotes many people.
 */
import { InvertedIndexBuilder } from './inverted.ts';
import { termsOf } from './normalize.ts';
import { matchNames, type NameMatch } from './rank.ts';

export interface NameFinder {
  /** Names that fuzzily match `query`, best first. */
  find(query: string, limit?: number): NameMatch[];
}

/** Few enough names are ranked by fuse.js directly; above this the index narrows them first. */
const DIRECT_RANKING = 200;

/** Build a finder over distinct speaker names. */
export function createNameFinder(names: readonly string[]): NameFinder {
  if (names.length <= DIRECT_RANKING) return { find: (query, limit) => matchNames(names, query, limit) };
  const builder = new InvertedIndexBuilder();
  names.forEach((name, i) => builder.add(i, termsOf(name)));
  const index = builder.freeze();
  return {
    find(query, limit) {
      const picked = new Set<number>();
      for (const term of termsOf(query)) {
        for (const m of index.expand(term)) {
          for (const d of index.postings(m.termNo)) {
            picked.add(d);
            if (picked.size >= DIRECT_RANKING) break;
          }
        }
      }
      return matchNames([...picked].map((i) => names[i]!), query, limit);
    },
  };
}
