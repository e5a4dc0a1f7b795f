/**
 * Quote search: `search(words) → hits`. A fast first stage (inverted index with typo expansion)
 * picks candidates; fuse.js ranks them. Callers never see either engine.
 */
import { WhosaidError } from '../errors.ts';
import { InvertedIndex, InvertedIndexBuilder, type InvertedData, type TermMatch } from './inverted.ts';
import { createNameFinder } from './names.ts';
import { editDistance, foldText, STOPWORDS, stem, termsOf, tokensOf } from './normalize.ts';
import { createPhraseScorer } from './phrase.ts';
import { rankWithFuse, type NameMatch } from './rank.ts';
import { CandidateScorer, contains } from './score.ts';
import { earlyBest, quickPhraseOf } from './early.ts';
import { SpeakerLists, type SpeakerListsData } from './speakers.ts';

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
  candidates: 30,
  pool: 50,
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

/** A saved search: the documents' index, the speaker-name index, and each speaker's documents. */
export interface SavedSearch {
  readonly docs: InvertedData;
  readonly names: InvertedData;
  readonly speakers: SpeakerListsData;
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
  /**
   * The same search without some documents (`removed[doc] === 1`), sharing the index: how a live
   * reload drops deleted or replaced stories from a big frozen index without rebuilding it.
   */
  without(removed: Uint8Array): QuoteSearch;
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

/** Function words long enough to carry a typo. */
const LONG_STOPWORDS = [...STOPWORDS].filter((w) => w.length >= 4);

/** Is `word` one typo from a function word ("aboout", "whith")? */
function isFunctionWordTypo(word: string): boolean {
  return word.length >= 4 && LONG_STOPWORDS.some((s) => Math.abs(s.length - word.length) <= 1 && editDistance(word, s, 1) <= 1);
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

/** What one built search holds: its documents' columns, the index over them, and who is quoted where. */
interface Engine {
  readonly docs: SearchColumns;
  readonly index: InvertedIndex;
  readonly scorer: CandidateScorer;
  readonly bySpeaker: SpeakerLists;
  readonly defaults: SearchDefaults;
  readonly newestFirst: (a: number, b: number) => number;
}

/** How much each query term weighs: its rarest spelling's idf; a word the index lacks weighs as the rarest word. */
function termWeights(engine: Engine, terms: readonly string[], expansions: readonly (readonly TermMatch[])[], typed: ReadonlyMap<string, string>): number[] {
  const { index } = engine;
  // "aboout": a word that matches nothing and is one typo from a function word is that function
  // word, not something the reader asked about (which would weigh as much as the rarest word).
  return expansions.map((ms, k) => {
    const term = terms[k] ?? '';
    if (ms.some((m) => m.term === term)) return Math.max(...ms.map((m) => index.idf(m.termNo)));
    return ms.length === 0 && isFunctionWordTypo(typed.get(term) ?? term) ? 0 : index.idfOfUnknown();
  });
}

/**
 * The first stage: candidates by coverage of the rarest words (with a word-order bonus), then the
 * few whose early score (coverage and word order) could still reach the `limit`-th with fuse.js's
 * share added.
 */
function firstStage(
  engine: Engine,
  words: readonly string[],
  terms: readonly string[],
  limit: number,
  allowed: ReadonlySet<number> | null,
  removed: Uint8Array | null,
) {
  const { index, docs, defaults, scorer, newestFirst } = engine;
  const { fuseWeight: fw, phraseWeight: pw } = defaults;
  const typed = typedForms(words);
  const expansions = terms.map((t) => index.expand(t, typed.get(t)));
  const weights = termWeights(engine, terms, expansions, typed);
  const common = Math.max(50, Math.min(defaults.commonCap, defaults.commonShare * index.size));
  const phrase = createPhraseScorer(words, new Map(terms.map((t, k) => [t, expansions[k] ?? []])));
  const bonus = phrase ? { weight: pw / (1 - fw), of: quickPhraseOf(words, docs.textOf) } : undefined;
  const pool = scorer.score({
    expansions,
    weights,
    common,
    enough: defaults.enough,
    keep: Math.max(phrase ? defaults.pool : defaults.candidates, limit),
    allowed,
    removed,
    ...(bonus ? { bonus } : {}),
  });
  // Each ranked document is tokenised once: for word order, function words and matched words.
  const docTokens = new Map<number, string[]>();
  const tokensOfDoc = (doc: number): string[] => {
    const known = docTokens.get(doc);
    if (known) return known;
    const made = tokensOf(docs.textOf(doc));
    docTokens.set(doc, made);
    return made;
  };
  const keep = Math.max(defaults.candidates, limit);
  const first = earlyBest(
    pool,
    keep,
    (coverage) => (1 - fw) * coverage + pw,
    (c) => {
      const order = phrase ? phrase(docs.textOf(c.doc), tokensOfDoc(c.doc)) : 0;
      return { doc: c.doc, coverage: c.coverage, order, early: (1 - fw) * c.coverage + pw * order };
    },
  )
    .sort((a, b) => b.early - a.early || newestFirst(a.doc, b.doc))
    .slice(0, keep);
  // fuse adds at most fw, so a candidate that cannot reach the limit-th one with it is dropped unranked.
  const floor = (first[Math.min(limit, first.length) - 1]?.early ?? 0) - fw;
  return { top: first.filter((c) => c.early >= floor), matchable: new Set(expansions.flat().map((m) => m.term)), tokensOfDoc };
}

/** Search one engine's documents for `words`, leaving out `removed` ones. */
function searchEngine(engine: Engine, words: readonly string[], options: SearchOptions, removed: Uint8Array | null): SearchHit[] {
  const { docs, bySpeaker, defaults, newestFirst } = engine;
  const { fuseWeight: fw, phraseWeight: pw } = defaults;
  const limit = options.limit ?? 10;
  const allowedDocs = options.speakers ? [...options.speakers].flatMap((s) => [...bySpeaker.docsOf(s)]) : null;
  const allowed = allowedDocs ? new Set(removed ? allowedDocs.filter((d) => removed[d] !== 1) : allowedDocs) : null;
  const terms = termsOfWords(words);
  if (terms.length === 0) {
    if (!allowed) return [];
    return [...allowed]
      .sort((a, b) => a - b)
      .slice(0, limit)
      .map((i) => ({ id: docs.idOf(i), score: 1, coverage: 1, matched: [] }));
  }
  const { top, matchable, tokensOfDoc } = firstStage(engine, words, terms, limit, allowed, removed);
  const fuse = rankWithFuse(
    top.map(({ doc }) => ({ id: doc, text: docs.textOf(doc) })),
    words.map((w) => foldText(w)),
  );
  // "who said done study?": a function word the reader typed ("done") is no search term, but of
  // two quotes that match equally, the one that holds it too is likelier the one remembered.
  const small = new Set(words.flatMap((w) => tokensOf(w)).filter((t) => STOPWORDS.has(t)));
  const smallShare = (doc: number) => {
    if (small.size === 0) return 0;
    const have = new Set<string>();
    for (const t of tokensOfDoc(doc)) if (small.has(t)) have.add(t);
    return have.size / small.size;
  };
  // The ranking key, worked out once per candidate rather than in every comparison.
  const ranked = top.map((c) => {
    const score = (1 - fw) * c.coverage + fw * (fuse.get(c.doc) ?? 0);
    return { doc: c.doc, coverage: c.coverage, score, key: score + pw * c.order + TIE_WEIGHT * smallShare(c.doc) };
  });
  return ranked
    .sort((a, b) => b.key - a.key || newestFirst(a.doc, b.doc))
    .slice(0, limit)
    .map(({ doc, score, coverage }) => {
      const matched = [...new Set(tokensOfDoc(doc).filter((t) => matchable.has(stem(t))))];
      return { id: docs.idOf(doc), score, coverage, matched };
    });
}

/** The ids of documents holding every word (up to `cap`): the rarest term's documents, the others' lists binary-searched. */
function matchingIdsIn(engine: Engine, words: readonly string[], cap: number, removed: Uint8Array | null): string[] {
  const { index, docs } = engine;
  const terms = termsOfWords(words);
  if (terms.length === 0) return [];
  const perTerm = terms.map((t) => index.expand(t).map((m) => index.postings(m.termNo)));
  const size = (lists: readonly Uint32Array[]) => lists.reduce((n, l) => n + l.length, 0);
  const [first, ...rest] = perTerm.sort((a, b) => size(a) - size(b));
  const seen = new Set<number>();
  const out: string[] = [];
  for (const list of first ?? []) {
    for (const d of list) {
      if (out.length >= cap) return out;
      if (seen.has(d) || (removed && removed[d] === 1)) continue;
      seen.add(d);
      if (rest.every((lists) => lists.some((l) => contains(l, d)))) out.push(docs.idOf(d));
    }
  }
  return out;
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
  const { recency } = docs;
  const bySpeaker = saved && saved.speakers.docCount === docs.size ? new SpeakerLists(saved.speakers) : SpeakerLists.build(docs.size, docs.speakersOf);
  const names = createNameFinder(bySpeaker.names, saved?.names);
  const newestFirst = (a: number, b: number) => (recency[b] ?? 0) - (recency[a] ?? 0) || a - b;
  // A speaker whose every quotation was deleted or replaced since the build is no one to find.
  const speakersStillQuoted = (query: string, limit: number, removed: Uint8Array): NameMatch[] =>
    names
      .find(query, limit * 4)
      .filter((m) => bySpeaker.docsOf(m.name).some((d) => removed[d] !== 1))
      .slice(0, limit);
  const engine: Engine = { docs, index, scorer: new CandidateScorer(index, recency), bySpeaker, defaults, newestFirst };
  const view = (removed: Uint8Array | null): QuoteSearch => ({
    size: docs.size,
    search: (words, options = {}) => searchEngine(engine, words, options, removed),
    findSpeakers: (query, limit = 5) => (removed ? speakersStillQuoted(query, limit, removed) : names.find(query, limit)),
    matchingIds: (words, cap = 10_000) => matchingIdsIn(engine, words, cap, removed),
    save: () => ({ docs: index.data, names: names.data, speakers: bySpeaker.data }),
    without: (next) => view(next),
  });
  return view(null);
}

/**
 * Two searches as one: `base` (a big frozen index, usually a `without()` view) and `live` (a small
 * index of the stories added or changed since). Each list keeps its own order (word order and ties
 * are weighed inside it); the two merge by score, `live` first on equal scores.
 */
export function layeredSearch(base: QuoteSearch, live: QuoteSearch): QuoteSearch {
  const merge = (a: readonly SearchHit[], b: readonly SearchHit[], limit: number): SearchHit[] => {
    const out: SearchHit[] = [];
    let i = 0;
    let j = 0;
    while (out.length < limit && (i < a.length || j < b.length)) {
      const x = a[i];
      const y = b[j];
      if (x !== undefined && (y === undefined || x.score > y.score)) {
        out.push(x);
        i++;
      } else if (y !== undefined) {
        out.push(y);
        j++;
      }
    }
    return out;
  };
  return {
    size: base.size + live.size,
    search: (words, options = {}) => merge(base.search(words, options), live.search(words, options), options.limit ?? 10),
    findSpeakers(query, limit = 5) {
      const best = new Map<string, number>();
      for (const m of [...live.findSpeakers(query, limit), ...base.findSpeakers(query, limit)]) best.set(m.name, Math.max(best.get(m.name) ?? 0, m.score));
      return [...best]
        .map(([name, score]) => ({ name, score }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    },
    matchingIds(words, cap = 10_000) {
      const own = live.matchingIds(words, cap);
      return [...own, ...base.matchingIds(words, cap - own.length)];
    },
    save() {
      throw new WhosaidError('A layered search is not saved as one index; save its stories and rebuild.');
    },
    without() {
      throw new WhosaidError('A layered search has no document numbers of its own.');
    },
  };
}
