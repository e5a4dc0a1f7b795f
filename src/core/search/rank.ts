/**
 * The second stage: fuse.js ranks the few hundred candidates the inverted index picked.
 * This is the only module that imports fuse.js.
 */
import Fuse from 'fuse.js';

export interface Rankable {
  readonly id: number;
  readonly text: string;
}

const TEXT_OPTIONS = Object.freeze({
  keys: ['text'],
  includeScore: true,
  ignoreLocation: true,
  useExtendedSearch: true,
  threshold: 0.4,
  isCaseSensitive: false,
});

/** Extended search: words separated by " | " match any (scored by the best word); by " ", all. */
function queryOf(words: readonly string[], separator: ' | ' | ' ' = ' | '): string {
  return words
    .map((w) => w.replace(/[|!^=$'"]/g, ''))
    .filter(Boolean)
    .join(separator);
}

/** Fuzzy closeness of each candidate's text to the question words, 0 (none) to 1 (exact). */
export function rankWithFuse(candidates: readonly Rankable[], words: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  const query = queryOf(words);
  if (candidates.length === 0 || query === '') return out;
  const fuse = new Fuse(candidates, TEXT_OPTIONS);
  for (const r of fuse.search(query)) out.set(r.item.id, 1 - (r.score ?? 1));
  return out;
}

export interface PlainHit {
  readonly id: number;
  /** 0..1, higher is better. */
  readonly score: number;
}

export interface PlainFuse {
  search(words: readonly string[], limit: number): PlainHit[];
}

/**
 * The plain design, for the benchmark: one fuse.js instance over every document, which compares
 * each question with every record. Same options as `rankWithFuse`; every word must match (fuzzily),
 * which ranked best of the plain variants tried (whole-question pattern: 36% hit@1 at 1k, 5× slower;
 * any-word: under 10%).
 */
export function createPlainFuse(docs: readonly Rankable[]): PlainFuse {
  const fuse = new Fuse(docs, TEXT_OPTIONS);
  return {
    search(words, limit) {
      const query = queryOf(words, ' ');
      if (query === '') return [];
      return fuse.search(query, { limit }).map((r) => ({ id: r.item.id, score: 1 - (r.score ?? 1) }));
    },
  };
}

export interface NameMatch {
  readonly name: string;
  readonly score: number;
}

/** Fuzzy lookup of a person's name ("zelensky" → "Volodymyr Zelenskiy"), best first. */
export function matchNames(names: readonly string[], query: string, limit = 5): NameMatch[] {
  const fuse = new Fuse(
    names.map((name) => ({ name, parts: name.split(/\s+/) })),
    {
      keys: [
        { name: 'name', weight: 1 },
        { name: 'parts', weight: 1 },
      ],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.35,
    },
  );
  return fuse.search(query, { limit }).map((r) => ({ name: r.item.name, score: 1 - (r.score ?? 1) }));
}
