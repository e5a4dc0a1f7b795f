/**
 * Answering: a question in, the best matching quotations out, best first, or an honest "not found".
 */
import { passageOf, type Corpus } from '../corpus.ts';
import { acrossQuotes, quotedInPieces } from './across.ts';
import { findPerson, speakerNamed } from './people.ts';
import { parseQuestion, type ParsedQuestion } from './question.ts';
import { contentWords, type SearchHit } from '../search/index.ts';
import { foldText, STOPWORDS } from '../search/normalize.ts';
import { isCertain, shownSpeakers, statedRank, storyWords } from '../certainty.ts';
import type { Answer, Article, ArticleRef, AskResult, PersonInfo, Quotation, Speaker } from '../types.ts';
import { judgeClaim, VERDICT_DEFAULTS, type VerdictOptions } from './verdict.ts';
import { compareWords, tokenizeWords, wordKeys } from './verdict-diff.ts';
import { quoteWords } from './wording.ts';

export interface AskOptions {
  /** Answers to return, best first. */
  readonly limit?: number;
  /** Below this score a match is too weak to be an answer. */
  readonly minScore?: number;
  /** Thresholds of did-say verdicts (the evaluation tries others). */
  readonly verdict?: VerdictOptions;
}

export const ASK_DEFAULTS = Object.freeze({ limit: 5, minScore: 0.65 });

/**
 * Two answers whose scores differ by less than this match the question equally well: which comes
 * first is the search's tie-break, not evidence. Measured on both dev sets (EVALUATION.md, stop 15):
 * when the best two answers name different speakers this close, the first was right 41 times and
 * wrong 69 times; from 0.01 to 0.03 apart, right 51 times and wrong 28.
 */
export const TIE_GAP = 0.01;

/**
 * A question of at most this many content words ("who said racist?") that quotations of several
 * stories match about as well (within NEAR_GAP of the best) does not single one out: whosaid asks
 * back as for a tie rather than name the first. Measured on the dev sets' "who said" questions of
 * one or two words: where quotations of three or more stories came that close, the first was
 * someone else's 21 times in 50 (polnear-dev 21 of 42, ggt-dev 0 of 8); with fewer stories, 12 in 240.
 */
const SHORT_QUESTION_WORDS = 2;
const NEAR_GAP = 0.05;
const NEAR_STORIES = 3;

/** The folded last word of each name: "Felipe Calderón" and "Calderon" agree. */
function surnames(speakers: readonly Speaker[]): string[] {
  return speakers.map((s) => foldText(s.name).split(/\s+/).at(-1) ?? '');
}

/**
 * Whether two answers put the words on the same person: a shared surname among stated speakers,
 * or the same words of the story when neither is stated. A stated speaker and a withheld one differ.
 */
function sameSpeakers<T extends Pick<Answer, 'speakers' | 'attributedTo'>>(a: T, b: T, surnamesOf: (x: T) => string[] = (x) => surnames(x.speakers)): boolean {
  if (a.speakers.length === 0 || b.speakers.length === 0) {
    return a.speakers.length === b.speakers.length && foldText(a.attributedTo ?? '') === foldText(b.attributedTo ?? '');
  }
  const theirs = new Set(surnamesOf(b));
  return surnamesOf(a).some((n) => theirs.has(n));
}

/**
 * How many leading answers tie with the first, when they put the words on different speakers;
 * 0 when the first answer stands on its own.
 */
export function countTied(answers: readonly Answer[], gap = TIE_GAP): number {
  const top = answers[0];
  if (!top) return 0;
  const tied = answers.filter((a) => Math.abs(a.score - top.score) < gap);
  // The same story quoting the words again with no one named (a tweet, a caption) names no rival
  // speaker; another story's unattributed words may be the ones meant.
  const nobody = (a: Answer) => a.speakers.length === 0 && a.attributedTo === undefined && a.article.id === top.article.id;
  const rival = (a: Answer) => !sameSpeakers(top, a) && !(top.speakers.length > 0 && nobody(a));
  return tied.some(rival) ? tied.length : 0;
}

/** Do quotations of several stories match a short question about as well as the best one? */
function singlesOutNone(corpus: Corpus, words: readonly string[], strong: readonly SearchHit[]): boolean {
  const best = strong[0];
  if (!best || contentWords(words.join(' ')).length > SHORT_QUESTION_WORDS) return false;
  const stories = new Set(strong.filter((h) => h.score > best.score - NEAR_GAP).map((h) => corpus.byId.get(h.id)?.articleId));
  return stories.size >= NEAR_STORIES;
}

/** What an answer says about its story, with the link and byline when the story has them. */
export function articleRef(id: string, a: Article | undefined): Required<ArticleRef> {
  const byline = a?.byline ?? (a && a.authors.length > 0 ? a.authors.join(', ') : null);
  return { id, title: a?.title ?? id, source: a?.source ?? null, date: a?.date ?? null, url: a?.url ?? null, byline };
}

function toAnswer(corpus: Corpus, q: Quotation, score: number, matched: readonly string[], alsoIn: readonly ArticleRef[] = []): Answer {
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
    ...(alsoIn.length > 0 ? { alsoIn } : {}),
  };
}

function suggestionFor(corpus: Corpus, hit: SearchHit | undefined): string | undefined {
  if (hit && hit.coverage >= 0.5) {
    const title = corpus.articles.get(passageOf(hit.id).story)?.title;
    // ("… careful,” Ruiz said, but Reyes replied: “… fair …”": the words are quoted, by two people.)
    if (title && quotedInPieces(corpus, hit))
      return `Quotations of more than one person in the story "${title}" hold these words. Add words to say which one you mean.`;
    if (title) return `The story "${title}" mentions it, but not in a quotation.`;
  }
  const top = corpus.speakers.slice(0, 3).map((s) => s.name);
  return top.length > 0 ? `Try a name: ${top.join(', ')}.` : undefined;
}

function answerAbout(corpus: Corpus, parsed: ParsedQuestion, question: string, limit: number, minScore: number): AskResult {
  const person = findPerson(corpus, parsed.name ?? '');
  if (person.kind === 'choose') return chooseResult(question, person.role, person.choices);
  if (person.kind === 'none') {
    return { question, found: false, answers: [], suggestion: `No one by that name is quoted. Try /speakers.` };
  }
  const speakers = person.names;
  const hits = corpus.search.search(parsed.words, { limit: parsed.words.length === 0 ? 1000 : limit * 3, speakers });
  const own = (id: string) => (corpus.byId.get(id)?.speakers.length === 1 ? 0 : 1);
  const direct = (id: string) => (corpus.byId.get(id)?.kind === 'direct' ? 0 : 1);
  // "who is": their most distinctive words first (own, direct, most distinct words); "what did X
  // say" with no topic: their own direct words first, in story order.
  const richness = (id: string) => (parsed.intent === 'who-is' ? -new Set(contentWords(corpus.byId.get(id)?.quote ?? '')).size : 0);
  const strong =
    parsed.words.length === 0
      ? [...hits].sort((a, b) => own(a.id) - own(b.id) || direct(a.id) - direct(b.id) || richness(a.id) - richness(b.id))
      : hits.filter((h) => h.score >= minScore);
  const answers = groupRepeats(corpus, strong, limit, parsed.words.length === 0 ? person.score : undefined);
  const info = personInfo(corpus, person.name, parsed.intent === 'who-is' ? 'full' : 'summary');
  if (answers.length === 0) {
    return { question, found: false, answers: [], suggestion: `${person.name} is quoted, but not saying that. Try "what did ${person.name} say?"` };
  }
  return info ? { question, found: true, answers, person: info } : { question, found: true, answers };
}

/** "Which president?": the people holding a role, for the reader to pick. */
function chooseResult(question: string, role: string, choices: AskResult['choices'] & object): AskResult {
  const names = choices.map((c) => (c.role ? `${c.name} (${c.role})` : c.name));
  return {
    question,
    found: false,
    answers: [],
    choices,
    suggestion: `Several people are “${role}” in the stories: ${names.join('; ')}. Which one? Ask again with a name.`,
  };
}

/** Date order with undated stories last. */
const byDate = (a: ArticleRef, b: ArticleRef) => (a.date ?? '9999').localeCompare(b.date ?? '9999');

/**
 * What the stories say about a person: how often they are quoted, in how many stories, when, and
 * (for "who is") each role the stories give them with the first story giving it.
 */
function personInfo(corpus: Corpus, name: string, depth: 'full' | 'summary'): PersonInfo | undefined {
  const summary = speakerNamed(corpus.speakers, name);
  if (!summary) return undefined;
  const info = { name: summary.name, role: summary.role, quotes: summary.quotes, stories: summary.articles.length };
  if (depth === 'summary') return info;
  const stories = summary.articles.map((id) => articleRef(id, corpus.articles.get(id))).sort(byDate);
  const roles = new Map<string, ArticleRef>();
  const order = new Map(stories.map((s, i) => [s.id, i]));
  const theirs = corpus.search.search([], { limit: Math.max(1000, summary.quotes), speakers: new Set([name]) });
  const quotations = theirs.flatMap((h) => corpus.byId.get(h.id) ?? []).sort((a, b) => (order.get(a.articleId) ?? 0) - (order.get(b.articleId) ?? 0));
  for (const q of quotations) {
    for (const s of shownSpeakers(q)) {
      const key = s.role?.toLowerCase();
      if (s.name !== name || !s.role || !key || [...roles.keys()].some((r) => r.toLowerCase() === key)) continue;
      roles.set(s.role, articleRef(q.articleId, corpus.articles.get(q.articleId)));
    }
  }
  const dated = stories.filter((s) => s.date);
  return {
    ...info,
    roles: [...roles].map(([role, article]) => ({ role, article })),
    first: dated[0]?.date ?? null,
    latest: dated.at(-1)?.date ?? null,
  };
}

/** Quotations this alike (word for word, typos aside) are one quotation carried by several stories. */
const SAME_QUOTATION = 0.9;

/** The words of a quotation, folded, for telling repeats apart cheaply. */
function quoteKey(q: Quotation): string {
  return wordKeys(quoteWords(q.quote, q.kind)).join(' ');
}

/** What `isRepeat` works out once per quotation of a question's hits. */
interface RepeatKeys {
  /** The quotation's words, folded. */
  readonly keyOf: (q: Quotation) => string;
  readonly surnamesOf: (q: Quotation) => string[];
}

/** Both stories state a speaker, and no surname is shared ("Trudeau" and "Justin Trudeau" agree). */
function disagree(a: Quotation, b: Quotation, surnamesOf: RepeatKeys['surnamesOf']): boolean {
  return isCertain(a) && isCertain(b) && !sameSpeakers(a, b, surnamesOf);
}

function isRepeat(a: Quotation, b: Quotation, { keyOf, surnamesOf }: RepeatKeys): boolean {
  // A story repeating its own statement (once by name, once by "an official") keeps both: which
  // goes first is the ranking's call, not a republication.
  if (a.articleId === b.articleId) return false;
  // Two stories putting the same words on different people are not one republished quotation: the
  // reader must see both (and is asked which one they mean).
  if (disagree(a, b, surnamesOf)) return false;
  const [keyA, keyB] = [keyOf(a), keyOf(b)];
  if (keyA === keyB) return true;
  const [wa, wb] = [keyA.split(' '), keyB.split(' ')];
  if (Math.min(wa.length, wb.length) < 0.8 * Math.max(wa.length, wb.length)) return false;
  // Most pairs differ in many words: a cheap overlap check spares them the word diff.
  const inB = new Set(wb);
  const shared = new Set(wa.filter((w) => inB.has(w))).size;
  if (shared < 0.8 * Math.max(new Set(wa).size, inB.size)) return false;
  return compareWords(quoteWords(a.quote, a.kind), quoteWords(b.quote, b.kind)).similarity >= SAME_QUOTATION;
}

/**
 * Hits as answers, one per distinct quotation: a quotation several stories carry (wire copy
 * republished) is one answer from the earliest story (among those stating the speaker most surely),
 * with the other stories in `alsoIn`. Runner-ups are distinct quotations. Rank follows the best hit.
 */
function groupRepeats(corpus: Corpus, hits: readonly SearchHit[], limit: number, fixedScore?: number): Answer[] {
  const groups: { hit: SearchHit; members: Quotation[] }[] = [];
  // Keys are made when a pair gets past the cheap checks (same story, speakers that disagree).
  const keys = new Map<Quotation, string>();
  const names = new Map<Quotation, string[]>();
  const memo: RepeatKeys = {
    keyOf: (q) => keys.get(q) ?? keys.set(q, quoteKey(q)).get(q) ?? '',
    surnamesOf: (q) => names.get(q) ?? names.set(q, surnames(q.speakers)).get(q) ?? [],
  };
  for (const h of hits) {
    const q = corpus.byId.get(h.id);
    if (!q) continue;
    const group = groups.find((g) => g.members.some((m) => isRepeat(m, q, memo)));
    if (group) group.members.push(q);
    else if (groups.length < limit) groups.push({ hit: h, members: [q] });
  }
  return groups.map(({ hit, members }) => {
    const refs = new Map(members.map((m) => [m.id, articleRef(m.articleId, corpus.articles.get(m.articleId))]));
    const ref = (m: Quotation) => refs.get(m.id) ?? articleRef(m.articleId, undefined);
    const sorted = [...members].sort((a, b) => statedRank(b) - statedRank(a) || byDate(ref(a), ref(b)));
    const shown = sorted[0] ?? members[0];
    const others = sorted
      .slice(1)
      .map(ref)
      .filter((r, i, all) => r.id !== shown?.articleId && all.findIndex((x) => x.id === r.id) === i)
      .sort(byDate);
    return toAnswer(corpus, shown ?? (members[0] as Quotation), fixedScore ?? hit.score, hit.matched, others);
  });
}

/** "did <name> say <words>?": a verdict, with the quotation it rests on as the first answer. */
function answerClaim(corpus: Corpus, parsed: ParsedQuestion, question: string, options: VerdictOptions): AskResult {
  const typed = parsed.name ?? '';
  const claim = parsed.claim ?? parsed.words.join(' ');
  if (tokenizeWords(claim).length === 0) return { question, found: false, answers: [], suggestion: 'Ask about some words, for example: did <name> say "…"?' };
  const person = findPerson(corpus, typed);
  if (person.kind === 'choose') return chooseResult(question, person.role, person.choices);
  const { verdict, evidence } = judgeClaim(corpus, person, typed, claim, parsed.words, options);
  const info = person.kind === 'person' ? personInfo(corpus, person.name, 'summary') : undefined;
  // Highlight the claim's words found in the evidence, not every "the" and "of".
  const matched = evidence ? [...new Set(evidence.comparison.matched.filter((w) => !STOPWORDS.has(w)))] : [];
  const answers = evidence ? [toAnswer(corpus, evidence.quotation, evidence.comparison.similarity, matched)] : [];
  return {
    question,
    found: answers.length > 0,
    answers,
    verdict,
    ...(info ? { person: info } : {}),
    ...(answers.length === 0 && verdict.kind === 'not-quoted' ? { suggestion: 'See /speakers for who is quoted.' } : {}),
  };
}

/** A quotation covering this share of the question's weight lacks no word of it. */
const WHOLE_COVERAGE = 0.9;

/** At most this many paragraphs holding every question word are looked at. */
const WHOLE_PASSAGES = 20;

/**
 * Whether paragraphs hold every question word, none of them in the best quotation's story: a
 * posting-list intersection (cheap), not a ranked search.
 */
function elsewhereWholly(corpus: Corpus, words: readonly string[], best: SearchHit): boolean {
  const ids = corpus.passages.matchingIds(words, WHOLE_PASSAGES);
  const own = corpus.byId.get(best.id)?.articleId;
  return ids.length > 0 && ids.length < WHOLE_PASSAGES && ids.every((id) => passageOf(id).story !== own);
}

/**
 * What the story text says when the quotations don't: with no strong quotation, the words of one
 * statement printed in pieces (across.ts), else "not found" with a hint. With one that lacks a
 * question word, "not found" too when paragraphs of other stories hold every word and none of the
 * quotation's own story does: the reader is asking about those words, which are no quotation
 * whosaid found, and the closest quotation is someone else's (on polnear-dev this turned 24
 * wrong answers and 1 right one into "not found"; ggt-dev has no such question). Null: answer
 * from the quotations.
 */
function passageAnswer(corpus: Corpus, words: readonly string[], question: string, strong: readonly SearchHit[], minScore: number): AskResult | null {
  const best = strong[0];
  // A quotation holding every word (a typo's word counts a little less): no paragraph holds more.
  if (best && best.coverage >= WHOLE_COVERAGE) return null;
  if (best && !elsewhereWholly(corpus, words, best)) return null;
  const passage = corpus.passages.search(words, { limit: 1 })[0];
  const across = best ? null : acrossQuotes(corpus, passage, minScore);
  if (across) return { question, found: true, answers: [toAnswer(corpus, across.quotation, across.score, across.matched)] };
  const suggestion = suggestionFor(corpus, passage);
  return suggestion === undefined ? { question, found: false, answers: [] } : { question, found: false, answers: [], suggestion };
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
  if (parsed.intent === 'did-say') return answerClaim(corpus, parsed, question, options.verdict ?? VERDICT_DEFAULTS);
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
  const passageFirst = passageAnswer(corpus, parsed.words, question, strong, minScore);
  if (passageFirst) return passageFirst;
  // Answers tied with the first are all shown, whatever the limit: naming one of them would be a guess.
  const grouped = groupRepeats(corpus, strong, Math.max(limit, ASK_DEFAULTS.limit));
  const tied = countTied(grouped, singlesOutNone(corpus, parsed.words, strong) ? NEAR_GAP : TIE_GAP);
  const answers = grouped.slice(0, Math.max(limit, tied));
  const tie = tied > 0 ? { tied } : {};
  // Every hit fetched was strong, so more may exist: count all stories holding every word (archive scale).
  const more = strong.length === hits.length ? corpus.search.matchingIds(parsed.words) : [];
  const stories = new Set([...strong.map((h) => h.id), ...more].map((id) => corpus.byId.get(id)?.articleId));
  return stories.size > 3 ? { question, found: true, answers, ...tie, storiesMatched: stories.size } : { question, found: true, answers, ...tie };
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
