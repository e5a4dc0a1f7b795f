/**
 * The pipeline, composed in one place: load → clean → split → find quotations → attribute speakers
 * → index. `answer.ts` does the last stage. Pure: callers hand in file contents.
 */
import { shownSpeakers } from './certainty.ts';
import { CorpusFileError, WhosaidError } from './errors.ts';
import { extractQuotations } from './extract.ts';
import { loadArticleWithWarnings } from './read/load.ts';
import { QuotationsById } from './answer/quotation-ids.ts';
import { createQuoteSearch, layeredSearch, recencyOfDate, SEARCH_DEFAULTS, type QuoteSearch, type SavedSearch, type SearchColumns } from './search/index.ts';
import type { Article, LoadWarning, Quotation, SourceFile } from './types.ts';
import { LayeredMap } from './layered-map.ts';
import { patchSpeakers, type SpeakerSummary, summariseSpeakers, summariseSpeakersInSlices } from './speaker-summary.ts';

export type { SpeakerSummary } from './speaker-summary.ts';

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

/** Search indexes saved with a corpus (from `corpus.search.save()` and `corpus.passages.save()`). */
export interface SavedIndexes {
  readonly search: SavedSearch;
  readonly passages: SavedSearch;
}

/** The quotations as search columns; recency is worked out once per story, not per quotation. */
function quotationColumns(quotations: readonly Quotation[], byArticle: ReadonlyMap<string, Article>): SearchColumns {
  const recencyOf = new Map<string, number>();
  const recency = new Int32Array(quotations.length);
  // A story's quotations are consecutive: one lookup per run of them.
  let story: string | null = null;
  let r = 0;
  quotations.forEach((q, i) => {
    if (q.articleId !== story) {
      story = q.articleId;
      let known = recencyOf.get(story);
      if (known === undefined) {
        known = recencyOfDate(byArticle.get(story)?.date ?? null);
        recencyOf.set(story, known);
      }
      r = known;
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

/** The story and paragraph number of a passage id ("<article>#p<n>", made by passageColumns). */
export function passageOf(id: string): { readonly story: string; readonly paragraph: number } {
  const at = id.lastIndexOf('#p');
  return { story: id.slice(0, at), paragraph: Number(id.slice(at + 2)) };
}

/** Every paragraph as a search document; its id ("<article>#p<n>") is made only when a hit returns it. `firstOf[k]`: story k's first passage. */
function passageColumns(articles: readonly Article[]): SearchColumns & { readonly firstOf: Uint32Array } {
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
  return { size, idOf, textOf, speakersOf: () => NO_SPEAKERS, recency, firstOf };
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
  const byArticle = new Map<string, Article>();
  // Each story's position, for a live reload's masks (made here, in the same pass: built on the
  // first reload it stalled answers for most of a second at 100,000 stories).
  const position = new Map<string, number>();
  articles.forEach((a, k) => {
    byArticle.set(a.id, a);
    position.set(a.id, k);
  });
  const search = createQuoteSearch(quotationColumns(quotations, byArticle), SEARCH_DEFAULTS, saved?.search);
  const passageDocs = passageColumns(articles);
  const passages = createQuoteSearch(passageDocs, SEARCH_DEFAULTS, saved?.passages);
  const slot: { speakers: SpeakerSummary[] | null } = { speakers: null };
  const corpus: Corpus = {
    articles: byArticle,
    quotations,
    byId: new QuotationsById(quotations),
    search,
    passages,
    get speakers() {
      slot.speakers ??= summariseSpeakers(quotations);
      return slot.speakers;
    },
  };
  SPEAKERS.set(corpus, slot);
  BASES.set(corpus, { corpus, articles, quotations, ranges: null, position, passageFirst: passageDocs.firstOf });
  return corpus;
}

const SPEAKERS = new WeakMap<Corpus, { speakers: SpeakerSummary[] | null }>();

/**
 * Work out the speaker summary of a corpus's frozen base ahead of need, a slice at a time (`pause`
 * is awaited every 1,024 quotations and decides whether to yield): a live corpus calls it after
 * opening, so the first "not found" answer does not stall on it.
 */
export async function warmSpeakers(corpus: Corpus, pause: () => Promise<void>): Promise<void> {
  const base = LAYERS.get(corpus)?.base.corpus ?? corpus;
  const slot = SPEAKERS.get(base);
  const quotations = BASES.get(base)?.quotations;
  if (!slot || slot.speakers || !quotations) return;
  const speakers = await summariseSpeakersInSlices(quotations, pause);
  slot.speakers ??= speakers;
}

/** What a reload changed: stories gone (deleted, or replaced by a new version) and stories added (new, or the new version). */
export interface CorpusChange {
  /** Ids of stories to drop (a changed story is dropped and added again). */
  readonly removed: readonly string[];
  readonly added: readonly { readonly article: Article; readonly quotations: readonly Quotation[] }[];
}

/** A corpus built whole: the frozen base a patched corpus layers its changes on. */
interface Base {
  readonly corpus: Corpus;
  readonly articles: readonly Article[];
  readonly quotations: readonly Quotation[];
  /** Per story, its documents' ranges [first, end) in the quotation and passage indexes; made on the first patch. */
  ranges: Map<string, { readonly quotes: [number, number][]; readonly passages: [number, number][] }> | null;
  /** Story id → its position in `articles` (the last one, when two files give the same id). */
  readonly position: ReadonlyMap<string, number>;
  /** Per story position, its first passage's document number. */
  readonly passageFirst: Uint32Array;
}

/** A patched corpus: its base, the base stories taken out, the stories added since, and the two "removed" maps of base documents. */
interface Layers {
  readonly base: Base;
  readonly dead: ReadonlySet<string>;
  readonly live: ReadonlyMap<string, { readonly article: Article; readonly quotations: readonly Quotation[] }>;
  readonly removedQuotes: Uint8Array;
  readonly removedPassages: Uint8Array;
}

const BASES = new WeakMap<Corpus, Base>();
const LAYERS = new WeakMap<Corpus, Layers>();

/**
 * Runs of documents [start, end) of one base story in the quotation and passage indexes. A story's
 * quotations are consecutive when built from per-file entries, so its run starts at its first
 * quotation (found by id, no scan of a million quotations during a reload); when two files give the
 * same story id (the base then holds fewer stories than articles), every run is found by one scan.
 */
function runsOf(base: Base, id: string): { quotes: [number, number][]; passages: [number, number][] } | undefined {
  if (base.corpus.articles.size !== base.articles.length) return scannedRanges(base).get(id);
  const k = base.position.get(id);
  const article = k === undefined ? undefined : base.articles[k];
  if (k === undefined || !article) return undefined;
  const quotes: [number, number][] = [];
  const first = base.corpus.byId instanceof QuotationsById ? base.corpus.byId.firstOf(id) : undefined;
  if (first !== undefined) {
    let end = first;
    while (base.quotations[end]?.articleId === id) end++;
    quotes.push([first, end]);
  }
  const start = base.passageFirst[k] ?? 0;
  return { quotes, passages: [[start, start + article.paragraphs.length]] };
}

function scannedRanges(base: Base): NonNullable<Base['ranges']> {
  if (base.ranges) return base.ranges;
  const ranges: NonNullable<Base['ranges']> = new Map();
  const of = (id: string) => ranges.get(id) ?? ranges.set(id, { quotes: [], passages: [] }).get(id);
  // Runs of documents per story: a story's quotations are consecutive when built from per-file
  // entries, but two files may give the same story id.
  const extend = (list: [number, number][], start: number, end: number) => {
    const last = list[list.length - 1];
    if (last && last[1] === start) last[1] = end;
    else list.push([start, end]);
  };
  base.quotations.forEach((q, i) => {
    const r = of(q.articleId);
    if (r) extend(r.quotes, i, i + 1);
  });
  let doc = 0;
  for (const a of base.articles) {
    const r = of(a.id);
    if (r) extend(r.passages, doc, doc + a.paragraphs.length);
    doc += a.paragraphs.length;
  }
  base.ranges = ranges;
  return ranges;
}

export interface PatchOptions {
  /** Above this many quotations in added stories, rebuild whole instead (default 20,000). */
  readonly maxLive?: number;
}

/**
 * The corpus after a change, without rebuilding its big index: the stories of the last full build
 * stay in their frozen index (those removed or replaced are masked out), and the stories added
 * since sit in a small live index rebuilt on each change (its cost grows with the changes, not with
 * the archive). Past `maxLive` quotations of changes, the whole corpus is rebuilt (a merge).
 * The corpus passed in is not modified: a question answered meanwhile sees it whole.
 */
export function patchCorpus(corpus: Corpus, change: CorpusChange, options: PatchOptions = {}): Corpus {
  const prev = LAYERS.get(corpus);
  const base = prev?.base ?? BASES.get(corpus);
  if (!base) throw new WhosaidError('patchCorpus needs a corpus made by buildCorpus or patchCorpus');
  const dead = new Set(prev?.dead ?? []);
  const live = new Map(prev?.live ?? []);
  const removedQuotes = prev ? prev.removedQuotes.slice() : new Uint8Array(base.corpus.search.size);
  const removedPassages = prev ? prev.removedPassages.slice() : new Uint8Array(base.corpus.passages.size);
  for (const id of change.removed) {
    live.delete(id);
    const r = runsOf(base, id);
    if (!r || dead.has(id)) continue;
    dead.add(id);
    for (const [start, end] of r.quotes) removedQuotes.fill(1, start, end);
    for (const [start, end] of r.passages) removedPassages.fill(1, start, end);
  }
  for (const a of change.added) live.set(a.article.id, a);
  const liveArticles = [...live.values()].map((a) => a.article);
  const liveQuotations = [...live.values()].flatMap((a) => a.quotations);
  if (liveQuotations.length > (options.maxLive ?? 20_000)) {
    const kept = base.articles.filter((a) => !dead.has(a.id));
    return buildCorpus([...kept, ...liveArticles], [...base.quotations.filter((q) => !dead.has(q.articleId)), ...liveQuotations]);
  }
  const segment = buildCorpus(liveArticles, liveQuotations);
  const layers: Layers = { base, dead, live, removedQuotes, removedPassages };
  const patched = layeredCorpus(layers, segment);
  LAYERS.set(patched, layers);
  return patched;
}

function layeredCorpus(layers: Layers, segment: Corpus): Corpus {
  const { base, dead } = layers;
  const isLive = (articleId: string) => !dead.has(articleId) && !segment.articles.has(articleId);
  const articles = new LayeredMap(base.corpus.articles, isLive, segment.articles);
  let quotations: readonly Quotation[] | null = null;
  const allQuotations = () => {
    quotations ??= [...base.quotations.filter((q) => isLive(q.articleId)), ...segment.quotations];
    return quotations;
  };
  let speakers: SpeakerSummary[] | null = null;
  const byId = {
    get: (id: string) => {
      const q = segment.byId.get(id) ?? base.corpus.byId.get(id);
      return q && (segment.articles.has(q.articleId) || isLive(q.articleId)) ? q : undefined;
    },
  };
  return {
    articles,
    get quotations() {
      return allQuotations();
    },
    byId: new LayeredMap(
      byId,
      () => true,
      new Map(),
      () => allQuotations().map((q) => [q.id, q] as const),
    ),
    search: layeredSearch(base.corpus.search.without(layers.removedQuotes), segment.search),
    passages: layeredSearch(base.corpus.passages.without(layers.removedPassages), segment.passages),
    get speakers() {
      speakers ??= patchSpeakers(base.corpus.speakers, deadQuotations(layers), segment.quotations);
      return speakers;
    },
  };
}

/** The base quotations of the stories a patch took out. */
function deadQuotations(layers: Layers): Quotation[] {
  return [...layers.dead].flatMap((id) => {
    const r = runsOf(layers.base, id);
    return r ? r.quotes.flatMap(([start, end]) => layers.base.quotations.slice(start, end)) : [];
  });
}
