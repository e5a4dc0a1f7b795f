/**
 * The pipeline, composed in one place: load → clean → split → find quotations → attribute speakers
 * → index. `answer.ts` does the last stage. Pure: callers hand in file contents.
 */
import { shownSpeakers } from './certainty.ts';
import { CorpusFileError } from './errors.ts';
import { extractQuotations } from './extract.ts';
import { loadArticleWithWarnings } from './load.ts';
import { QuotationsById } from './quotation-ids.ts';
import { createQuoteSearch, recencyOfDate, SEARCH_DEFAULTS, type QuoteSearch, type SavedSearch, type SearchColumns } from './search/index.ts';
import type { Article, LoadWarning, Quotation, SourceFile } from './types.ts';

export interface SpeakerSummary {
  readonly name: string;
  readonly role: string | null;
  readonly quotes: number;
  readonly articles: readonly string[];
}

export interface Corpus {
  readonly articles: ReadonlyMap<string, Article>;
  readonly quotations: readonly Quotation[];
  readonly byId: ReadonlyMap<string, Quotation>;
  readonly search: QuoteSearch;
  /** Paragraphs, for "show context" and for hints when no quotation matches. */
  readonly passages: QuoteSearch;
  readonly speakers: readonly SpeakerSummary[];
}

/** Passages have no speakers: one shared empty list rather than one per paragraph. */
const NO_SPEAKERS: readonly string[] = Object.freeze([]);

export interface LoadedArticles {
  readonly articles: Article[];
  readonly warnings: LoadWarning[];
}

/** Load every file; a bad file becomes a warning naming it, and the rest still load. A story that may be incomplete loads with a warning. */
export function loadArticles(files: readonly SourceFile[]): LoadedArticles {
  const articles: Article[] = [];
  const warnings: LoadWarning[] = [];
  for (const file of files) {
    try {
      const loaded = loadArticleWithWarnings(file);
      articles.push(loaded.article);
      for (const reason of loaded.warnings) warnings.push({ path: file.path, reason });
    } catch (err) {
      if (err instanceof CorpusFileError) warnings.push({ path: err.path, reason: err.reason });
      else warnings.push({ path: file.path, reason: `could not be read (${err instanceof Error ? err.message : String(err)})` });
    }
  }
  return { articles, warnings };
}

function summariseSpeakers(quotations: readonly Quotation[]): SpeakerSummary[] {
  const map = new Map<string, { role: string | null; quotes: number; articles: Set<string> }>();
  for (const q of quotations) {
    for (const s of shownSpeakers(q)) {
      const entry = map.get(s.name) ?? { role: null, quotes: 0, articles: new Set<string>() };
      entry.role ??= s.role;
      entry.quotes++;
      entry.articles.add(q.articleId);
      map.set(s.name, entry);
    }
  }
  return [...map]
    .map(([name, e]) => ({ name, role: e.role, quotes: e.quotes, articles: [...e.articles] }))
    .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
}

/** Search indexes saved with a corpus (from `corpus.search.save()` and `corpus.passages.save()`). */
export interface SavedIndexes {
  readonly search: SavedSearch;
  readonly passages: SavedSearch;
}

/** The quotations as search columns; recency is worked out once per story, not per quotation. */
function quotationColumns(quotations: readonly Quotation[], byArticle: ReadonlyMap<string, Article>): SearchColumns {
  const recencyOf = new Map<string, number>();
  const recency = new Int32Array(quotations.length);
  quotations.forEach((q, i) => {
    let r = recencyOf.get(q.articleId);
    if (r === undefined) {
      r = recencyOfDate(byArticle.get(q.articleId)?.date ?? null);
      recencyOf.set(q.articleId, r);
    }
    recency[i] = r;
  });
  return {
    size: quotations.length,
    idOf: (i) => quotations[i]!.id,
    textOf: (i) => quotations[i]!.quote,
    speakersOf: (i) => shownSpeakers(quotations[i]!).map((s) => s.name),
    recency,
  };
}

/** Every paragraph as a search document; its id ("<article>#p<n>") is made only when a hit returns it. */
function passageColumns(articles: readonly Article[]): SearchColumns {
  const size = articles.reduce((n, a) => n + a.paragraphs.length, 0);
  const storyOf = new Uint32Array(size);
  const firstOf = new Uint32Array(articles.length);
  const recency = new Int32Array(size);
  let doc = 0;
  articles.forEach((a, k) => {
    firstOf[k] = doc;
    const r = recencyOfDate(a.date);
    for (let n = 0; n < a.paragraphs.length; n++) {
      storyOf[doc] = k;
      recency[doc++] = r;
    }
  });
  const idOf = (i: number) => `${articles[storyOf[i]!]!.id}#p${i - firstOf[storyOf[i]!]!}`;
  const textOf = (i: number) => articles[storyOf[i]!]!.paragraphs[i - firstOf[storyOf[i]!]!]!;
  return { size, idOf, textOf, speakersOf: () => NO_SPEAKERS, recency };
}

/**
 * Build the answerable corpus from loaded articles. Pass `quotations` to reuse an extraction
 * (a saved index) instead of running it again, and `saved` to reuse its search indexes too.
 * The speaker summary is worked out on first use (it walks every quotation).
 */
export function buildCorpus(
  articles: readonly Article[],
  quotations: readonly Quotation[] = articles.flatMap(extractQuotations),
  saved?: SavedIndexes,
): Corpus {
  const byArticle = new Map(articles.map((a) => [a.id, a]));
  const search = createQuoteSearch(quotationColumns(quotations, byArticle), SEARCH_DEFAULTS, saved?.search);
  const passages = createQuoteSearch(passageColumns(articles), SEARCH_DEFAULTS, saved?.passages);
  let speakers: SpeakerSummary[] | null = null;
  return {
    articles: byArticle,
    quotations,
    byId: new QuotationsById(quotations),
    search,
    passages,
    get speakers() {
      speakers ??= summariseSpeakers(quotations);
      return speakers;
    },
  };
}
