/**
 * Quote search: `search(words) → hits`. A fast first stage (inverted index with typo expansion)
 * picks candidates; fuse.js ranks them. Callers never see either engine.
 */
import { InvertedIndex, InvertedIndexBuilder, type InvertedData } from './inverted.ts';
import { createNameFinder } from './names.ts';
import { foldText, STOPWORDS, stem, termsOf, tokensOf } from './normalize.ts';
import { createPhraseScorer } from './phrase.ts';
import { rankWithFuse, type NameMatch } from './rank.ts';
import { CandidateScorer, contains } from './score.ts';

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
  /** How many best-covered candidates are checked for word order first (questions of 2+ words). */
  readonly pool: number;
  /** Weight of word order (adjacent question words side by side) in the ranking; not in the score. */
  readonly phraseWeight: number;
  /** Terms in more than this share of documents (or `commonCap` documents) are common words. */
  readonly commonShare: number;
  readonly commonCap: number;
  /** Common words add candidates, rarest first, only while there are fewer than this many. */
  readonly enough: number;
  /** Weight of the fuse.js score in the final score; the rest is term coverage. */
  readonly fuseWeight: number;
}

export const SEARCH_DEFAULTS: SearchDefaults = Object.freeze({
  candidates: 50,
  pool: 100,
  phraseWeight: 0.1,
  commonShare: 0.05,
  commonCap: 1000,
  enough: 2000,
  fuseWeight: 0.2,
});

/**
 * The documents as columns, which `corpus.ts` builds without one object per document: at a million
 * quotations the SearchDoc objects, and a million passage ids nobody asks for, cost time and memory.
 */
export interface SearchColumns {
  readonly size: number;
  /** Id of a document, made when a hit returns it. */
  idOf(doc: number): string;
  /** Text of a document (a function, not an array: the corpus already holds every text). */
  textOf(doc: number): string;
  speakersOf(doc: number): readonly string[];
  /** Larger is newer (YYYYMMDD as a number, 0 when undated): ties go to the newest story. */
  readonly recency: Int32Array;
}

/** A saved search: the documents' index and the speaker-name index. */
export interface SavedSearch {
  readonly docs: InvertedData;
  readonly names: InvertedData;
}

export interface QuoteSearch {
  readonly size: number;
  search(words: readonly string[], options?: SearchOptions): SearchHit[];
  /** Speaker names that fuzzily match `query`, best first. */
  findSpeakers(query: string, limit?: number): NameMatch[];
  /** Ids of documents holding every one of these words (typos allowed), at most `cap`: for "many stories match". */
  matchingIds(words: readonly string[], cap?: number): string[];
  /** The built indexes as plain data, to save and hand back to `createQuoteSearch` later. */
  save(): SavedSearch;
}

/** Weight in the ranking (not the score) of the question's function words found in a quote: enough to break a near-tie, no more. */
const TIE_WEIGHT = 0.01;

/** Question words worth searching: folded, stopwords out, each kept with its stem. */
export function contentWords(question: string): string[] {
  return tokensOf(question).filter((t) => !STOPWORDS.has(t));
}

/** Question terms: folded, stemmed, stopwords out, distinct. */
function termsOfWords(words: readonly string[]): string[] {
  return [...new Set(words.flatMap((w) => termsOf(w)))].filter((t) => t !== '' && !STOPWORDS.has(t));
}

/** The longest word as typed for each question term ("neds" for "ned"), for its typo budget. */
function typedForms(words: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of words) {
    for (const t of tokensOf(w)) {
      const term = stem(t);
      if (t.length > (out.get(term)?.length ?? 0)) out.set(term, t);
    }
  }
  return out;
}

/** Word order, cheaply (no allocation per document): share of the question's adjacent word pairs found as typed, any case. */
function quickPhraseOf(words: readonly string[], textOf: (doc: number) => string): (doc: number) => number {
  const tokens = words.join(' ').match(/[\p{L}\p{N}]+/gu) ?? [];
  const pairs = tokens.slice(1).map((t, i) => new RegExp(`${tokens[i]}\\W+${t}`, 'iu'));
  return (doc) => {
    if (pairs.length === 0) return 0;
    let found = 0;
    const text = textOf(doc);
    for (const pair of pairs) if (pair.test(text)) found++;
    return found / pairs.length;
  };
}

function buildIndex(docs: SearchColumns): InvertedIndex {
  const builder = new InvertedIndexBuilder();
  for (let i = 0; i < docs.size; i++) builder.add(i, [...termsOf(docs.textOf(i)), ...docs.speakersOf(i).flatMap((s) => termsOf(s))]);
  return builder.freeze(docs.size);
}

/** The recency key of an ISO date ("2024-05-02" → 20240502), 0 when there is none. */
export function recencyOfDate(date: string | null): number {
  const digits = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  return digits ? Number(`${digits[1]}${digits[2]}${digits[3]}`) : 0;
}

/** Columns of a list of SearchDocs. */
export function columnsOf(docs: readonly SearchDoc[]): SearchColumns {
  return {
    size: docs.length,
    idOf: (i) => docs[i]!.id,
    textOf: (i) => docs[i]!.text,
    speakersOf: (i) => docs[i]!.speakers,
    recency: Int32Array.from(docs, (d) => recencyOfDate(d.date)),
  };
}

/**
 * Build the search over a set of documents (quotations, or passages), as SearchDocs or columns.
 * Pass `saved` (from `save()`) to skip indexing the same documents and names again.
 *
 * @example
 * const s = createQuoteSearch([{ id: 'a#1', text: '"1,200 Ukrainians"', speakers: ['Rustem Umerov'], date: null }]);
 * s.search(['1200'])[0]?.id; // 'a#1'
 */
export function createQuoteSearch(
  documents: readonly SearchDoc[] | SearchColumns,
  defaults: SearchDefaults = SEARCH_DEFAULTS,
  saved?: SavedSearch,
): QuoteSearch {
  const docs = Array.isArray(documents) ? columnsOf(documents as readonly SearchDoc[]) : (documents as SearchColumns);
  const index = saved && saved.docs.docCount === docs.size ? new InvertedIndex(saved.docs) : buildIndex(docs);
  const { textOf, recency, idOf } = docs;
  const scorer = new CandidateScorer(index, recency);
  const bySpeaker = new Map<string, number[]>();
  for (let i = 0; i < docs.size; i++) {
    for (const s of docs.speakersOf(i)) {
      const list = bySpeaker.get(s);
      if (list) list.push(i);
      else bySpeaker.set(s, [i]);
    }
  }
  const names = createNameFinder([...bySpeaker.keys()], saved?.names);
  const newestFirst = (a: number, b: number) => recency[b]! - recency[a]! || a - b;
  const { fuseWeight: fw, phraseWeight: pw } = defaults;

  function search(words: readonly string[], options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10;
    const allowed = options.speakers ? new Set([...options.speakers].flatMap((s) => bySpeaker.get(s) ?? [])) : null;
    const terms = termsOfWords(words);
    if (terms.length === 0) {
      if (!allowed) return [];
      return [...allowed]
        .sort((a, b) => a - b)
        .slice(0, limit)
        .map((i) => ({ id: idOf(i), score: 1, coverage: 1, matched: [] }));
    }
    const typed = typedForms(words);
    const expansions = terms.map((t) => index.expand(t, typed.get(t)));
    // A word not in the index as typed weighs as much as the rarest word: it is what the reader asked about.
    const weights = expansions.map((ms, k) => (ms.some((m) => m.term === terms[k]) ? Math.max(...ms.map((m) => index.idf(m.termNo))) : index.idfOfUnknown()));
    const common = Math.max(50, Math.min(defaults.commonCap, defaults.commonShare * index.size));
    const phrase = createPhraseScorer(words, new Map(terms.map((t, k) => [t, expansions[k]!])));
    const bonus = phrase ? { weight: pw / (1 - fw), of: quickPhraseOf(words, textOf) } : undefined;
    const pool = scorer.score({
      expansions,
      weights,
      common,
      enough: defaults.enough,
      keep: Math.max(phrase ? defaults.pool : defaults.candidates, limit),
      allowed,
      ...(bonus ? { bonus } : {}),
    });
    // Coverage and word order pick the few fuse.js ranks; fuse adds at most fw, so a candidate that
    // cannot reach the limit-th one with it is dropped unranked.
    const first = pool
      .map((c) => ({ ...c, order: phrase ? phrase(textOf(c.doc)) : 0 }))
      .map((c) => ({ ...c, early: (1 - fw) * c.coverage + pw * c.order }))
      .sort((a, b) => b.early - a.early || newestFirst(a.doc, b.doc))
      .slice(0, Math.max(defaults.candidates, limit));
    const floor = (first[Math.min(limit, first.length) - 1]?.early ?? 0) - fw;
    const top = first.filter((c) => c.early >= floor);
    const fuse = rankWithFuse(
      top.map(({ doc }) => ({ id: doc, text: textOf(doc) })),
      words.map((w) => foldText(w)),
    );
    const matchable = new Set(expansions.flat().map((m) => m.term));
    // "who said done study?": a function word the reader typed ("done") is no search term, but of
    // two quotes that match equally, the one that holds it too is likelier the one remembered.
    const small = [...new Set(words.flatMap((w) => tokensOf(w)).filter((t) => STOPWORDS.has(t)))];
    // Each ranked document is tokenised once, for this and for the matched words below.
    const docTokens = new Map<number, string[]>();
    const tokensOfDoc = (doc: number) => docTokens.get(doc) ?? docTokens.set(doc, tokensOf(textOf(doc))).get(doc)!;
    const smallShare = (doc: number) => {
      if (small.length === 0) return 0;
      const have = new Set(tokensOfDoc(doc));
      return small.filter((t) => have.has(t)).length / small.length;
    };
    return top
      .map((c) => ({ ...c, score: (1 - fw) * c.coverage + fw * (fuse.get(c.doc) ?? 0), tie: TIE_WEIGHT * smallShare(c.doc) }))
      .sort((a, b) => b.score + pw * b.order + b.tie - (a.score + pw * a.order + a.tie) || newestFirst(a.doc, b.doc))
      .slice(0, limit)
      .map(({ doc, score, coverage }) => {
        const matched = [...new Set(tokensOfDoc(doc).filter((t) => matchable.has(stem(t))))];
        return { id: idOf(doc), score, coverage, matched };
      });
  }

  function matchingIds(words: readonly string[], cap = 10_000): string[] {
    const terms = termsOfWords(words);
    if (terms.length === 0) return [];
    // Walk the rarest term's documents; binary-search the others' lists (no sets of common words).
    const perTerm = terms.map((t) => index.expand(t).map((m) => index.postings(m.termNo)));
    const size = (lists: readonly Uint32Array[]) => lists.reduce((n, l) => n + l.length, 0);
    const [first, ...rest] = perTerm.sort((a, b) => size(a) - size(b));
    const seen = new Set<number>();
    const out: string[] = [];
    for (const list of first ?? []) {
      for (const d of list) {
        if (out.length >= cap) return out;
        if (seen.has(d)) continue;
        seen.add(d);
        if (rest.every((lists) => lists.some((l) => contains(l, d)))) out.push(idOf(d));
      }
    }
    return out;
  }

  return {
    size: docs.size,
    search,
    findSpeakers: (query, limit) => names.find(query, limit),
    matchingIds,
    save: () => ({ docs: index.data, names: names.data }),
  };
}
