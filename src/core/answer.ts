/**
 * Answering: a question in, the best matching quotations out, best first, or an honest "not found".
 */
import type { Corpus } from './corpus.ts';
import { parseQuestion, type ParsedQuestion } from './question.ts';
import { contentWords } from './search/index.ts';
import { isCertain, statedRank, storyWords } from './certainty.ts';
import type { Answer, Article, ArticleRef, AskResult, Quotation } from './types.ts';

export interface AskOptions {
  /** Answers to return, best first. */
  readonly limit?: number;
  /** Below this score a match is too weak to be an answer. */
  readonly minScore?: number;
}

export const ASK_DEFAULTS = Object.freeze({ limit: 5, minScore: 0.65 });

/** Name questions must match a quoted person at least this well. */
const MIN_NAME_SCORE = 0.55;

/** What an answer says about its story, with the link and byline when the story has them. */
export function articleRef(id: string, a: Article | undefined): Required<ArticleRef> {
  const byline = a?.byline ?? (a && a.authors.length > 0 ? a.authors.join(', ') : null);
  return { id, title: a?.title ?? id, source: a?.source ?? null, date: a?.date ?? null, url: a?.url ?? null, byline };
}

function toAnswer(corpus: Corpus, q: Quotation, score: number, matched: readonly string[]): Answer {
  const a = corpus.articles.get(q.articleId);
  const certain = isCertain(q);
  const words = storyWords(q);
  return {
    quote: q.quote,
    kind: q.kind,
    verb: q.verb,
    speakers: certain ? q.speakers : [],
    ...(words === undefined ? {} : { attributedTo: words }),
    said: q.said,
    article: articleRef(q.articleId, a),
    score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000,
    quotationId: q.id,
    matched,
  };
}

function suggestionFor(corpus: Corpus, words: readonly string[]): string | undefined {
  const hit = corpus.passages.search(words, { limit: 1 })[0];
  if (hit && hit.coverage >= 0.5) {
    const [articleId] = hit.id.split('#p');
    const title = articleId ? corpus.articles.get(articleId)?.title : undefined;
    if (title) return `The story "${title}" mentions it, but not in a quotation.`;
  }
  const top = corpus.speakers.slice(0, 3).map((s) => s.name);
  return top.length > 0 ? `Try a name: ${top.join(', ')}.` : undefined;
}

function answerAbout(corpus: Corpus, parsed: ParsedQuestion, question: string, limit: number, minScore: number): AskResult {
  const names = corpus.search.findSpeakers(parsed.name ?? '', 3).filter((n) => n.score >= MIN_NAME_SCORE);
  if (names.length === 0) {
    return { question, found: false, answers: [], suggestion: `No one by that name is quoted. Try /speakers.` };
  }
  const best = names[0]!;
  const speakers = new Set(names.filter((n) => n.score >= best.score - 0.05).map((n) => n.name));
  const hits = corpus.search.search(parsed.words, { limit: parsed.words.length === 0 ? 1000 : limit, speakers });
  const own = (id: string) => (corpus.byId.get(id)?.speakers.length === 1 ? 0 : 1);
  const direct = (id: string) => (corpus.byId.get(id)?.kind === 'direct' ? 0 : 1);
  // With no topic, the person's own direct words come first, in story order.
  const strong =
    parsed.words.length === 0 ? [...hits].sort((a, b) => own(a.id) - own(b.id) || direct(a.id) - direct(b.id)) : hits.filter((h) => h.score >= minScore);
  const answers = strong.slice(0, limit).flatMap((h) => {
    const q = corpus.byId.get(h.id);
    return q ? [toAnswer(corpus, q, parsed.words.length === 0 ? best.score : h.score, h.matched)] : [];
  });
  const summary = corpus.speakers.find((s) => s.name === best.name);
  const person = summary ? { name: summary.name, role: summary.role, quotes: summary.quotes, stories: summary.articles.length } : undefined;
  if (answers.length === 0) {
    return { question, found: false, answers: [], suggestion: `${best.name} is quoted, but not saying that. Try "what did ${best.name} say?"` };
  }
  return person ? { question, found: true, answers, person } : { question, found: true, answers };
}

/**
 * Answer a question against the corpus.
 *
 * @example
 * ask(corpus, 'who said 1,200?').answers[0]?.speakers[0]?.name; // 'Rustem Umerov'
 */
export function ask(corpus: Corpus, question: string, options: AskOptions = {}): AskResult {
  const limit = options.limit ?? ASK_DEFAULTS.limit;
  const minScore = options.minScore ?? ASK_DEFAULTS.minScore;
  const trimmed = question.slice(0, 1000);
  const parsed = parseQuestion(trimmed);
  if (parsed.intent !== 'who-said') return answerAbout(corpus, parsed, question, limit, minScore);
  if (parsed.words.length === 0) return { question, found: false, answers: [], suggestion: 'Ask about some words, for example: who said "…"?' };
  const hits = corpus.search.search(parsed.words, { limit: Math.max(limit, 20) });
  // Two quotations that match equally (a story that repeats a statement, once by name and once by
  // "an RCMP official"): a named speaker first, then any stated one, then a withheld guess.
  // Only neighbours with equal scores swap: otherwise the search's order (which also weighs word
  // order) stands.
  const strong = hits.filter((h) => h.score >= minScore);
  const rank = strong.map((h) => {
    const q = corpus.byId.get(h.id);
    return q ? statedRank(q) : 0;
  });
  for (let i = 1; i < strong.length; i++) {
    for (let k = i; k > 0 && strong[k]!.score === strong[k - 1]!.score && rank[k]! > rank[k - 1]!; k--) {
      [strong[k], strong[k - 1]] = [strong[k - 1]!, strong[k]!];
      [rank[k], rank[k - 1]] = [rank[k - 1]!, rank[k]!];
    }
  }
  if (strong.length === 0) {
    const suggestion = suggestionFor(corpus, parsed.words);
    return suggestion === undefined ? { question, found: false, answers: [] } : { question, found: false, answers: [], suggestion };
  }
  const answers = strong.slice(0, limit).flatMap((h) => {
    const q = corpus.byId.get(h.id);
    return q ? [toAnswer(corpus, q, h.score, h.matched)] : [];
  });
  // Every hit fetched was strong, so more may exist: count all stories holding every word (archive scale).
  const more = strong.length === hits.length ? corpus.search.matchingIds(parsed.words) : [];
  const stories = new Set([...strong.map((h) => h.id), ...more].map((id) => corpus.byId.get(id)?.articleId));
  return stories.size > 3 ? { question, found: true, answers, storiesMatched: stories.size } : { question, found: true, answers };
}

/** A quotation this loosely related to another is still "like" it. */
const MIN_SIMILAR_COVERAGE = 0.15;

/**
 * Quotations like the given one: those sharing its words first, then the same speaker's others.
 *
 * @example
 * findSimilar(corpus, corpus.quotations[0].id, 3).map((a) => a.quote);
 */
export function findSimilar(corpus: Corpus, quotationId: string, limit = 3): Answer[] {
  const source = corpus.byId.get(quotationId);
  if (!source) return [];
  const seen = new Set([source.id]);
  const picked: Answer[] = [];
  const take = (q: Quotation | undefined, score: number, matched: readonly string[]) => {
    if (!q || seen.has(q.id) || picked.length >= limit) return;
    seen.add(q.id);
    picked.push(toAnswer(corpus, q, score, matched));
  };
  for (const h of corpus.search.search(contentWords(source.quote), { limit: limit * 4 + 1 })) {
    if (h.coverage >= MIN_SIMILAR_COVERAGE) take(corpus.byId.get(h.id), h.score, h.matched);
  }
  const speakers = new Set(source.speakers.map((s) => s.name));
  for (const q of corpus.quotations) {
    if (q.speakers.some((s) => speakers.has(s.name))) take(q, 0, []);
  }
  return picked;
}
