/**
 * Finding a quoted person by a typed name ("zelensky" → "Volodymyr Zelenskiy"): the inverted index
 * with typo expansion picks the names sharing a part with the query, fuse.js ranks those. Ranking
 * every name with fuse.js would cost milliseconds per question once an archive quotes many people.
 */
import { InvertedIndex, InvertedIndexBuilder, type InvertedData } from './inverted.ts';
import { termsOf } from './normalize.ts';
import { matchNames, type NameMatch } from './rank.ts';

export interface NameFinder {
  /** Names that fuzzily match `query`, best first. */
  find(query: string, limit?: number): NameMatch[];
  /** The names' index as plain data, saved with the search so a start does not rebuild it. */
  readonly data: InvertedData;
}

/** At most this many names sharing a part with the query are ranked by fuse.js. */
const DIRECT_RANKING = 200;

/** Build a finder over distinct speaker names; `saved` (from `data`) skips indexing the same names again. */
export function createNameFinder(names: readonly string[], saved?: InvertedData): NameFinder {
  let index: InvertedIndex;
  if (saved && saved.docCount === names.length) index = new InvertedIndex(saved);
  else {
    const builder = new InvertedIndexBuilder();
    names.forEach((name, i) => {
      builder.add(i, termsOf(name));
    });
    index = builder.freeze(names.length);
  }
  // Only names sharing a part with the query (typos allowed) are ranked, however few the names:
  // fuse.js alone would match "nobody" to "Volodymyr Zelenskiy".
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
      return matchNames(
        [...picked].sort((a, b) => a - b).map((i) => names[i]!),
        query,
        limit,
      );
    },
    data: index.data,
  };
}
