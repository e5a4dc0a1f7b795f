/**
 * The pipeline, composed in one place: load → clean → split → find quotations → attribute speakers
 * → index. `answer.ts` does the last stage. Pure: callers hand in file contents.
 */
import { shownSpeakers } from './certainty.ts';
import { CorpusFileError } from './errors.ts';
import { extractQuotations } from './extract.ts';
import { loadArticle } from './load.ts';
import { createQuoteSearch, SEARCH_DEFAULTS, type QuoteSearch } from './search/index.ts';
import type { InvertedData } from './search/inverted.ts';
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

/** Load every file; a bad file becomes a warning naming it, and the rest still load. */
export function loadArticles(files: readonly SourceFile[]): LoadedArticles {
  const articles: Article[] = [];
  const warnings: LoadWarning[] = [];
  for (const file of files) {
    try {
      articles.push(loadArticle(file));
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
  readonly search: InvertedData;
  readonly passages: InvertedData;
}

/**
 * Build the answerable corpus from loaded articles. Pass `quotations` to reuse an extraction
 * (a saved index) instead of running it again, and `saved` to reuse its search indexes too.
 */
export function buildCorpus(articles: readonly Article[], quotations: readonly Quotation[] = articles.flatMap(extractQuotations), saved?: SavedIndexes): Corpus {
  const byArticle = new Map(articles.map((a) => [a.id, a]));
  const search = createQuoteSearch(
    quotations.map((q) => ({ id: q.id, text: q.quote, speakers: shownSpeakers(q).map((s) => s.name), date: byArticle.get(q.articleId)?.date ?? null })),
    SEARCH_DEFAULTS,
    saved?.search,
  );
  const passages = createQuoteSearch(
    articles.flatMap((a) => a.paragraphs.map((text, i) => ({ id: `${a.id}#p${i}`, text, speakers: NO_SPEAKERS, date: a.date }))),
    SEARCH_DEFAULTS,
    saved?.passages,
  );
  return {
    articles: byArticle,
    quotations,
    byId: new Map(quotations.map((q) => [q.id, q])),
    search,
    passages,
    speakers: summariseSpeakers(quotations),
  };
}
