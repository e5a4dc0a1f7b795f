/**
 * The second stage: fuse.js ranks the few hundred candidates the inverted index picked.
 * This is the only module that imports fuse.js.
 */
import Fuse from 'fuse.js';

export interface Rankable {
  readonly id: number;
  readonly text: string;
}

/** Fuzzy closeness of each candidate's text to the question words, 0 (none) to 1 (exact). */
export function rankWithFuse(candidates: readonly Rankable[], words: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  if (candidates.length === 0 || words.length === 0) return out;
  const fuse = new Fuse(candidates, { keys: ['text'], includeScore: true, ignoreLocation: true, useExtendedSearch: true, threshold: 0.4, isCaseSensitive: false });
  // Extended search: words separated by " | " match any, scored by the best-matching word.
  const query = words.map((w) => w.replace(/[|!^=$'"]/g, '')).filter(Boolean).join(' | ');
  for (const r of fuse.search(query)) out.set(r.item.id, 1 - (r.score ?? 1));
  return out;
}

export interface NameMatch {
  readonly name: string;
  readonly score: number;
}

/** Fuzzy lookup of a person's name ("zelensky" → "Volodymyr Zelenskiy"), best first. */
export function matchNames(names: readonly string[], query: string, limit = 5): NameMatch[] {
  const fuse = new Fuse(names.map((name) => ({ name, parts: name.split(/\s+/) })), {
    keys: [
      { name: 'name', weight: 1 },
      { name: 'parts', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.35,
  });
  return fuse.search(query, { limit }).map((r) => ({ name: r.item.name, score: 1 - (r.score ?? 1) }));
}
