/**
 * Quote search: `search(words) → hits`. A fast first stage (inverted index with typo expansion)
 * picks candidates; fuse.js ranks them. Callers never see either engine.
 */
import { InvertedIndex } from './inverted.ts';
import { foldText, STOPWORDS, stem, termsOf, tokensOf } from './normalize.ts';
import { matchNames, rankWithFuse, type NameMatch } from './rank.ts';

export interface SearchDoc {
  readonly id: string;
  readonly text: string;
  readonly speakers: readonly string[];
  /** ISO date of the story, for ranking ties by recency. */
  readonly date: string | null;
}

export interface SearchHit {
  readonly id: string;
  /** 0..1, higher is better. */
  readonly score: number;
  /** Share of the question's weight found in the document, 0..1. */
  readonly coverage: number;
  /** Folded words of the document that matched the question, for highlighting. */
  readonly matched: readonly string[];
}

export interface SearchOptions {
  readonly limit?: number;
  /** Only documents by one of these speakers (exact names). */
  readonly speakers?: ReadonlySet<string>;
}

export interface SearchDefaults {
  /** How many first-stage candidates fuse.js ranks. */
  readonly candidates: number;
  /** Terms in more than this share of documents don't generate candidates on their own. */
  readonly commonShare: number;
  /** Weight of the fuse.js score in the final score; the rest is term coverage. */
  readonly fuseWeight: number;
}

export const SEARCH_DEFAULTS: SearchDefaults = Object.freeze({ candidates: 300, commonShare: 0.05, fuseWeight: 0.2 });

export interface QuoteSearch {
  readonly size: number;
  search(words: readonly string[], options?: SearchOptions): SearchHit[];
  /** Speaker names that fuzzily match `query`, best first. */
  findSpeakers(query: string, limit?: number): NameMatch[];
}

/** Question words worth searching: folded, stopwords out, each kept with its stem. */
export function contentWords(question: string): string[] {
  return tokensOf(question).filter((t) => !STOPWORDS.has(t));
}

/**
 * Build the search over a set of documents (quotations, or passages).
 *
 * @example
 * const s = createQuoteSearch([{ id: 'a#1', text: '"1,200 Ukrainians"', speakers: ['Rustem Umerov'], date: null }]);
 * s.search(['1200'])[0]?.id; // 'a#1'
 */
export function createQuoteSearch(docs: readonly SearchDoc[], defaults: SearchDefaults = SEARCH_DEFAULTS): QuoteSearch {
  const index = new InvertedIndex();
  const bySpeaker = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    index.add(i, [...termsOf(doc.text), ...doc.speakers.flatMap((s) => termsOf(s))]);
    for (const s of doc.speakers) {
      const list = bySpeaker.get(s) ?? [];
      list.push(i);
      bySpeaker.set(s, list);
    }
  });
  const names = [...bySpeaker.keys()];

  function search(words: readonly string[], options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10;
    const allowed = options.speakers ? new Set([...options.speakers].flatMap((s) => bySpeaker.get(s) ?? [])) : null;
    const terms = [...new Set(words.map((w) => stem(foldText(w))).filter((t) => t !== '' && !STOPWORDS.has(t)))];
    if (terms.length === 0) {
      if (!allowed) return [];
      return [...allowed].sort((a, b) => a - b).slice(0, limit).map((i) => ({ id: docs[i]!.id, score: 1, coverage: 1, matched: [] }));
    }
    const expansions = terms.map((t) => index.expand(t));
    const weights = terms.map((t, k) => Math.max(index.idf(t), ...expansions[k]!.map((m) => index.idf(m.term))));
    const total = weights.reduce((a, b) => a + b, 0);
    const common = Math.max(50, defaults.commonShare * index.size);
    const perDoc = new Map<number, Float64Array>();
    const matchedTerms = new Map<number, Set<string>>();
    const rareExists = expansions.some((ms) => ms.some((m) => index.postingsOf(m.term).length <= common));
    expansions.forEach((ms, k) => {
      for (const m of ms) {
        const list = index.postingsOf(m.term);
        if (rareExists && list.length > common && !ms.some((x) => index.postingsOf(x.term).length <= common)) continue;
        for (const d of list) {
          if (allowed && !allowed.has(d)) continue;
          let row = perDoc.get(d);
          if (!row) {
            if (rareExists && list.length > common) continue; // common words only score docs found by rarer ones
            row = new Float64Array(terms.length);
            perDoc.set(d, row);
          }
          if (m.similarity > row[k]!) row[k] = m.similarity;
          let set = matchedTerms.get(d);
          if (!set) matchedTerms.set(d, (set = new Set()));
          set.add(m.term);
        }
      }
    });
    // Common words still count towards the score of the candidates rarer words found.
    if (rareExists) {
      expansions.forEach((ms, k) => {
        for (const m of ms) {
          const list = index.postingsOf(m.term);
          if (list.length <= common) continue;
          for (const d of list) {
            const row = perDoc.get(d);
            if (row && m.similarity > row[k]!) {
              row[k] = m.similarity;
              matchedTerms.get(d)?.add(m.term);
            }
          }
        }
      });
    }
    const scored = [...perDoc].map(([d, row]) => {
      let got = 0;
      row.forEach((sim, k) => (got += sim * weights[k]!));
      return { d, coverage: total > 0 ? got / total : 0 };
    });
    scored.sort((a, b) => b.coverage - a.coverage || (docs[b.d]!.date ?? '').localeCompare(docs[a.d]!.date ?? '') || a.d - b.d);
    const top = scored.slice(0, defaults.candidates);
    const fuse = rankWithFuse(
      top.map(({ d }) => ({ id: d, text: docs[d]!.text })),
      words.map((w) => foldText(w)),
    );
    return top
      .map(({ d, coverage }) => {
        const score = (1 - defaults.fuseWeight) * coverage + defaults.fuseWeight * (fuse.get(d) ?? 0);
        const matched = tokensOf(docs[d]!.text).filter((t) => matchedTerms.get(d)?.has(stem(t)));
        return { d, id: docs[d]!.id, score, coverage, matched: [...new Set(matched)] };
      })
      .sort((a, b) => b.score - a.score || (docs[b.d]!.date ?? '').localeCompare(docs[a.d]!.date ?? '') || a.d - b.d)
      .slice(0, limit)
      .map(({ id, score, coverage, matched }) => ({ id, score, coverage, matched }));
  }

  return {
    size: docs.length,
    search,
    findSpeakers: (query, limit) => matchNames(names, query, limit),
  };
}
