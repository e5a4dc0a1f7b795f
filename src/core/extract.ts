/**
 * From an article to its quotations with resolved speakers: find quotations, collect the people the
 * story names, resolve each mention, and give floating quotes the speaker of the quote they continue.
 */
import { isCertain, isWithheldResolver } from './certainty.ts';
import type { ResolverId } from './rules.ts';
import { findIntroBefore, findIntroMention, findParagraphQuotes, type FoundQuote } from './quotes/find.ts';
import { introParagraph, listItemQuote, listMarkerLength } from './quotes/lists.ts';
import { tokensOf } from './search/normalize.ts';
import { collectPeople } from './speakers/collect.ts';
import { namedJustBefore } from './speakers/descriptions.ts';
import { wordsNameTheirSpeaker } from './speakers/named-in-words.ts';
import type { RecentSpeaker } from './speakers/lookup.ts';
import { splitName, type Person } from './speakers/names.ts';
import { adoptRole, resolveMention, type RecentOrg } from './speakers/resolve.ts';
import type { Article, AttributionKind, Quotation, Said, Speaker } from './types.ts';

interface Resolved {
  readonly found: FoundQuote;
  speakers: Speaker[];
  people: Person[];
  said: Said | null;
  via: AttributionKind;
  /** Id in RESOLVERS of the path that named the speaker; 'none' when unresolved. */
  resolvedBy: ResolverId;
}

function speakerNamesOf(found: readonly FoundQuote[]): Set<string> {
  const names = new Set<string>();
  for (const q of found) {
    for (const part of q.mention?.parts ?? []) {
      if (!/^\p{Lu}/u.test(part)) continue;
      const { name } = splitName(part);
      if (name.length > 0) names.add(name.join(' '));
    }
  }
  return names;
}

/**
 * "Schumer, he said, “knows the minds and hearts …”": the name before a parenthetical "he said" is
 * what the speaker talks about, so the pronoun is resolved from before that name.
 */
function topicStart(text: string, mention: NonNullable<FoundQuote['mention']>): number | null {
  if (mention.parts.length !== 1 || !/^(?:he|she|they)$/i.test(mention.parts[0]!)) return null;
  if (!/^\s+\p{Ll}+\s*,/u.test(text.slice(mention.end, mention.end + 20))) return null;
  const topic = /(?:^|[\s.])(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*),\s*$/u.exec(text.slice(Math.max(0, mention.start - 60), mention.start));
  return topic ? Math.max(0, mention.start - 60) + topic.index + topic[0].indexOf(topic[1]!) : null;
}

/** The mention as the quotation records it: "Zelenskiy and Umerov", or empty when floating. */
function mentionText(found: FoundQuote): string {
  return found.mention?.parts.join(' and ') ?? '';
}

/** Would an answer state this resolved quotation's speaker? */
function isStated(r: Resolved): boolean {
  return isCertain({ speakers: r.speakers, attribution: r.via, mention: mentionText(r.found) });
}

/** Paragraphs a floating quote may look back for the speaker it continues (only the one just before is stated). */
const FLOAT_REACH = 2;

/**
 * A floating quote continues the nearest attributed quote: earlier in its paragraph, then later in
 * it, then the latest one in the paragraphs just before.
 */
function sourceOfFloating(all: readonly Resolved[], i: number, paragraphs: readonly string[]): { source: Resolved; by: ResolverId } | null {
  const q = all[i]!.found;
  // Quoted words inside someone else's sentence ("an attack that it smacks of “…”") continue nobody.
  // "And here was the big reveal: “…”", "The Prime Minister “could get a deal if …”": a short
  // lead-in continues the speaker just quoted in the same paragraph, never one quoted after it.
  if (q.shortLead) {
    const prev = all[i - 1];
    return prev && prev.found.paragraph === q.paragraph && q.unit - prev.found.unit <= 1 && prev.speakers.length > 0
      ? { source: prev, by: 'floating-short-lead' }
      : null;
  }
  if (!q.opensSentence) return null;
  // (Words after a question answer it: they are not the asker's.)
  for (let k = i - 1; k >= 0 && all[k]!.found.paragraph === q.paragraph; k--) {
    const source = all[k];
    if (source && source.speakers.length > 0) return source.found.rule === 'question' ? null : { source, by: 'floating-earlier' };
    // "“…,” they argued. “…”": the words go on from an attribution nobody could resolve, never from
    // a speaker quoted before it.
    if (source?.found.mention) return null;
  }
  for (let k = i + 1; k < all.length && all[k]!.found.paragraph === q.paragraph; k++)
    if (all[k]!.found.mention && all[k]!.speakers.length > 0) return { source: all[k]!, by: 'floating-later' };
  // A paragraph that is nothing but a quotation continues the speaker who ends the paragraph just
  // before it. Across a paragraph of narration, or beside words of its own, it is no one's for sure
  // (measured: 71% right on polnear-dev when it reached further; see EVALUATION.md).
  const text = paragraphs[q.paragraph] ?? '';
  const bare = (text.slice(0, q.start) + text.slice(q.end)).trim().length <= 3;
  for (let k = i - 1; k >= 0 && q.paragraph - all[k]!.found.paragraph <= FLOAT_REACH; k--) {
    if (all[k]!.found.paragraph === q.paragraph) continue;
    const source = all[k];
    if (!source || source.speakers.length === 0 || source.found.rule === 'question') return null;
    // Further back, or beside words of its own: a guess, kept but withheld (certainty.ts).
    return { source, by: bare && q.paragraph - source.found.paragraph === 1 ? 'floating-previous-paragraph' : 'floating-far' };
  }
  return null;
}

/** Every quotation the paragraphs hold, in reading order; one inside another counts once (unless it relays it). */
function foundIn(article: Article): FoundQuote[] {
  const found = article.paragraphs
    .flatMap((text, p) => {
      const own = findParagraphQuotes(text, p);
      // An item of a list that "X said:" introduces, when nothing in it is a quotation of its own.
      const item = own.length === 0 ? listItemQuote(article.paragraphs, p) : null;
      return item ? [item] : own;
    })
    .sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  return found.filter(
    (q, i) =>
      !found.some(
        (o, j) => j !== i && !o.relays && o.paragraph === q.paragraph && o.start <= q.start && o.end >= q.end && (o.end - o.start > q.end - q.start || j < i),
      ),
  );
}

/** The story's people, and who was quoted lately as the quotations are read in order. */
interface Reading {
  readonly article: Article;
  readonly index: ReturnType<typeof collectPeople>;
  readonly recent: RecentSpeaker[];
  readonly recentOrgs: RecentOrg[];
  /** How each mention was resolved, by paragraph and span: a mention several reports share names one speaker. */
  readonly byMention: Map<string, Pick<Resolved, 'speakers' | 'people' | 'via' | 'resolvedBy'>>;
}

/**
 * The people reported words name ("…, saying he had never meant for Kody to die", "Cook"):
 * a pronoun before them is someone else. Undefined when they name no one.
 */
function namedInWords(people: readonly Person[], words: string): ReadonlySet<Person> | undefined {
  // (Only its first clause: "…, but ultimately Prager thinks …" is the reporter's own aside.)
  const first = words.split(/[,;:()]|\s(?:but|although|though|while|whereas)\s/u)[0] ?? '';
  const inWords = new Set(first.split(/[^\p{L}'’-]+/u).map((w) => w.replace(/['’]s?$/u, '')));
  const named = people.filter((p) => p.tokens.some((t) => t.length > 1 && /^\p{Lu}/u.test(t) && inWords.has(t)));
  return named.length > 0 ? new Set(named) : undefined;
}

/** The people named in a paragraph between two offsets. */
function namedBetween(people: readonly Person[], paragraph: number, from: number, to: number): Person[] {
  return people.filter((p) => p.occurrences.some((o) => o.paragraph === paragraph && o.offset >= from && o.offset < to));
}

/** Resolve one quotation's mention, and remember who spoke for the pronouns and "the company" after it. */
function resolveFound(reading: Reading, q: FoundQuote): Resolved {
  const { article, index, recent, recentOrgs } = reading;
  if (!q.mention) return { found: q, speakers: [], people: [], said: q.said, via: 'none', resolvedBy: 'none' };
  // (An embedded tweet's author is named after its text; the tweet came first.)
  const at = { paragraph: q.paragraph, offset: q.embed ? q.start : (topicStart(article.paragraphs[q.paragraph] ?? '', q.mention) ?? q.mention.start) };
  // "Belkacemi says she will …": reported words that open on a pronoun tell the speaker's gender.
  const pronoun = q.kind === 'indirect' && q.mention.parts.length === 1 ? /^(?:that\s+)?(she|he)\b/i.exec(q.text)?.[1]?.toLowerCase() : undefined;
  const gender = pronoun === 'she' ? 'f' : pronoun === 'he' ? 'm' : undefined;
  // One mention names one speaker: "Clinton says she respects Sanders but argues that he can't …"
  // is the same Clinton twice, whatever the second clause's opening pronoun suggests.
  const key = `${q.paragraph}:${q.mention.start}:${q.mention.end}`;
  const earlier = reading.byMention.get(key);
  // (Only after the verb: in "When she noticed Mr. Rogan, …, he said" or "Mr. Manafort acknowledged
  // …" a sentence quoted whole may name its own speaker.)
  const inWords = q.rule === 'clause-after' ? namedInWords(index.people, q.text) : undefined;
  // "he had told Trump … that …": whom a pronoun told is not who the pronoun is.
  const told =
    q.mention.parts.length === 1 && /^(?:he|she)$/i.test(q.mention.parts[0] ?? '') && q.start > q.mention.end
      ? namedBetween(index.people, q.paragraph, q.mention.end, q.start)
      : [];
  const excluded = told.length > 0 ? new Set([...(inWords ?? []), ...told]) : inWords;
  const { speakers, people, via, resolvedBy } =
    earlier ?? resolveMention(q.mention, { index, at, recent, recentOrgs, ...(gender ? { gender } : {}), ...(excluded ? { excluded } : {}) });
  if (!earlier) reading.byMention.set(key, { speakers, people, via, resolvedBy });
  // Whoever asks a question is not who answers it: after "Tapper asked Ryan whether …", "he said"
  // is Ryan, the person named between the asker and the question.
  if (q.rule === 'question') {
    const named = namedBetween(index.people, q.paragraph, q.mention.end + 1, q.start);
    const asked = named.length === 1 ? named[0] : undefined;
    // (A surname several people share says nothing sure: "asked Clinton whether …".)
    const shared = asked && index.people.some((p) => p !== asked && p.tokens.at(-1) === asked.tokens.at(-1));
    if (asked && !shared) recent.unshift({ person: asked, at: { paragraph: q.paragraph, offset: q.start } });
  } else for (const person of people) recent.unshift({ person, at });
  // A capitalised speaker that is not a person is an organisation: "Facebook said".
  // Organisations and groups quoted, for "the company said", "it said" and "they said".
  const groups = speakers.filter((s) => !people.some((p) => p.name === s.name));
  if (people.length === 0 && groups.length > 0) {
    const plural = groups.length > 1 || groups.some((s) => /^\p{Ll}[\p{L}-]*s$|^(?:the|some|many|other)\s.*s$/u.test(s.name) && !/ss$/.test(s.name));
    for (const s of groups) if (/^\p{Lu}/u.test(s.name) || plural) recentOrgs.unshift({ name: s.name, at, plural });
  } else if (people.length > 1) recentOrgs.unshift({ name: speakers.map((s) => s.name).join(' and '), at, plural: true });
  return { found: q, speakers, people, said: q.said, via, resolvedBy };
}

/**
 * "“…,” says Andre Campbell. … “…,” says the bow-tied maverick": a description of the person just
 * quoted goes on with them, as surely as a quote that continues without one.
 */
function descriptionContinues(resolved: Resolved[]): void {
  resolved.forEach((r, i) => {
    if (r.via !== 'description' || r.people.length !== 1) return;
    const prev = resolved
      .slice(0, i)
      .reverse()
      .find((o) => o.speakers.length > 0);
    if (!prev || r.found.paragraph - prev.found.paragraph > 1 || prev.people.length !== 1 || prev.people[0] !== r.people[0]) return;
    if (!isStated(prev)) return;
    r.via = 'floating';
    r.resolvedBy = 'description-continues';
  });
}

/**
 * "Schuh is aware that he’s entering uncharted waters. “…,” the lanky, bespectacled professor
 * said": a description right after a sentence that names one person first is that person.
 */
function describedAfterName(resolved: Resolved[], reading: Reading): void {
  for (const r of resolved) {
    if (r.via !== 'description' || r.people.length !== 1 || !r.found.mention) continue;
    if (namedJustBefore(reading.index, { paragraph: r.found.paragraph, offset: r.found.mention.start }) === r.people[0]) {
      r.via = 'described';
      r.resolvedBy = 'described-after-name';
    }
  }
}

/** "Rubio “apologized …,” he said": a trailing pronoun resolved to whom the words name is a guess. */
function pronounNamedInWords(resolved: Resolved[], reading: Reading): void {
  for (const r of resolved) {
    const person = r.people.length === 1 ? r.people[0] : undefined;
    if (!person || !r.resolvedBy.startsWith('pronoun-') || r.resolvedBy.startsWith('pronoun-group')) continue;
    if (wordsNameTheirSpeaker(reading.article.paragraphs[r.found.paragraph] ?? '', r.found, person)) r.resolvedBy = 'pronoun-named-in-words';
  }
}

/**
 * "X said:" at the end of the previous paragraph introduces a quotation that opens this one; before
 * a list, it introduces each item's.
 */
function byIntro(r: Resolved, reading: Reading, all: readonly Resolved[]): boolean {
  const { article, index } = reading;
  const text = article.paragraphs[r.found.paragraph] ?? '';
  const opens = r.found.start - listMarkerLength(text) < 3;
  let k = opens ? introParagraph(article.paragraphs, r.found.paragraph) : null;
  let intro = k === null ? null : findIntroMention(article.paragraphs[k] ?? '');
  // The sentence just before it in the paragraph, when no quotation of the paragraph comes first.
  if (!opens && r.found.opensSentence && !all.some((o) => o !== r && o.found.paragraph === r.found.paragraph && o.found.start < r.found.start)) {
    intro = findIntroBefore(text, r.found.start);
    k = r.found.paragraph;
  }
  if (!intro || k === null) return false;
  const at = { paragraph: k, offset: intro.start };
  const { speakers, people, resolvedBy } = resolveMention(intro, { index, at, recent: [], recentOrgs: [] });
  if (speakers.length === 0) return false;
  r.speakers = speakers;
  r.people = people;
  r.via = isWithheldResolver(resolvedBy) ? 'inferred' : 'intro';
  r.resolvedBy = 'intro';
  return true;
}

/** Words a pull quote must hold to be recognised as one. */
const MIN_PULL_QUOTE_WORDS = 8;

/**
 * The share of its words, from the start, that a pull quote repeats: not much less than all (a
 * credit line may follow), and not just the opening ("“I do not feel that one's heritage …”" in
 * full after the story quoted its first sentence is the whole statement, not a pull quote).
 */
const PULL_QUOTE_SHARE = 0.75;

/**
 * A pull quote: a paragraph that is nothing but a quotation whose words the story gives again
 * elsewhere ("“I worry that we may see …”" set apart, then "“I worry …,” Baker said"; or a line of
 * the story's own narration set in quote marks). It neither continues the paragraph before nor
 * is introduced by it: whoever the story names for those words elsewhere said them, or no one.
 * Returns the words it is recognised by (PULL_QUOTE_SHARE), or null.
 */
function pullQuoteOpening(r: Resolved, paragraphs: readonly string[]): string | null {
  const { found } = r;
  if (found.kind !== 'direct' || found.mention) return null;
  const own = paragraphs[found.paragraph] ?? '';
  if (own.slice(0, found.start).trim() !== '' || own.slice(found.end).trim() !== '') return null;
  const words = tokensOf(found.text);
  if (words.length < MIN_PULL_QUOTE_WORDS) return null;
  const opening = ` ${words.slice(0, Math.ceil(words.length * PULL_QUOTE_SHARE)).join(' ')} `;
  // Found inside a longer paragraph: two paragraphs of the same words alone ("We're going to have
  // to shovel more often." once bare, once quoted) do not tell which one was set apart.
  const repeats = ({ count, bare }: { count: number; bare: string }, k: number) => k !== found.paragraph && count > words.length && bare.includes(opening);
  return paragraphWords(paragraphs).some(repeats) ? opening : null;
}

/** Each paragraph's search tokens, joined, once per article (pull quotes are checked in two passes). */
const PARAGRAPH_WORDS = new WeakMap<readonly string[], { count: number; bare: string }[]>();

function paragraphWords(paragraphs: readonly string[]): { count: number; bare: string }[] {
  let words = PARAGRAPH_WORDS.get(paragraphs);
  if (!words) {
    words = paragraphs.map((p) => {
      const tokens = tokensOf(p);
      return { count: tokens.length, bare: ` ${tokens.join(' ')} ` };
    });
    PARAGRAPH_WORDS.set(paragraphs, words);
  }
  return words;
}

/** A quotation no words attribute: introduced by the paragraph before, or continuing the nearest speaker. */
function unattributed(resolved: Resolved[], reading: Reading): void {
  resolved.forEach((r, i) => {
    if (r.found.mention || pullQuoteOpening(r, reading.article.paragraphs) !== null || byIntro(r, reading, resolved)) return;
    const floating = sourceOfFloating(resolved, i, reading.article.paragraphs);
    if (!floating) return;
    const { source } = floating;
    r.speakers = source.speakers;
    r.people = source.people;
    r.said = source.said;
    // A continued quote is as certain as the one it continues, no more: "“…,” the minister said.
    // “…”" is the minister's too; a guess stays a guess.
    r.via = isWithheldResolver(floating.by) ? 'inferred' : isStated(source) ? 'floating' : source.via;
    r.resolvedBy = floating.by;
  });
}

/** Words a repeat must hold to be recognised as one. */
const MIN_REPEAT_WORDS = 4;

/**
 * "Uber tweeted: “We are all concerned with events in CBD. Fares have increased …” … Let's start
 * by parsing that tweet: “We are all concerned with events in CBD …”": words the story quotes
 * again, with no one named, are the words of whoever it named for them the first time.
 */
function repeatInStory(resolved: Resolved[], reading: Reading): void {
  // Each quotation's words without marks, ellipses or case (the search's tokens), once.
  const bare = resolved.map((r) => ` ${tokensOf(r.found.text).join(' ')} `);
  resolved.forEach((r, i) => {
    if (r.speakers.length > 0 || r.found.kind !== 'direct') return;
    const words = pullQuoteOpening(r, reading.article.paragraphs) ?? bare[i] ?? '';
    if (words.trim().split(' ').length < MIN_REPEAT_WORDS) return;
    const k = resolved.findIndex((o, j) => j !== i && o.speakers.length > 0 && isStated(o) && (bare[j] ?? '').includes(words));
    const source = resolved[k];
    if (!source) return;
    r.speakers = source.speakers;
    r.people = source.people;
    r.resolvedBy = 'repeat-in-story';
    r.via = isWithheldResolver(r.resolvedBy) ? 'inferred' : 'floating';
  });
}

/** The passes after each mention is resolved, in order. */
const PASSES: ReadonlyArray<{ readonly id: string; readonly run: (resolved: Resolved[], reading: Reading) => void }> = [
  { id: 'description-continues', run: descriptionContinues },
  { id: 'described-after-name', run: describedAfterName },
  { id: 'pronoun-named-in-words', run: pronounNamedInWords },
  {
    // A speaker found by a resolver measured below the bar is an inference, never stated.
    id: 'withheld',
    run: (resolved) => {
      for (const r of resolved) if (isWithheldResolver(r.resolvedBy)) r.via = 'inferred';
    },
  },
  { id: 'intro-or-floating', run: unattributed },
  { id: 'repeat-in-story', run: repeatInStory },
];

/**
 * Extract every quotation of an article, in reading order, with speakers resolved.
 *
 * @example
 * extractQuotations(article).map((q) => [q.quote, q.speakers[0]?.name]);
 */
export function extractQuotations(article: Article): Quotation[] {
  const found = foundIn(article);
  const index = collectPeople(article.paragraphs, speakerNamesOf(found));
  for (const q of found) if (q.mention) adoptRole(index, q.mention);
  const reading: Reading = { article, index, recent: [], recentOrgs: [], byMention: new Map() };
  const resolved = found.map((q) => resolveFound(reading, q));
  for (const pass of PASSES) pass.run(resolved, reading);
  return resolved.map((r, n) => ({
    id: `${article.id}#${n + 1}`,
    articleId: article.id,
    quote: r.found.text,
    kind: r.found.kind,
    speakers: r.speakers,
    said: r.said,
    span: { paragraph: r.found.paragraph, start: r.found.start, end: r.found.end },
    mention: mentionText(r.found),
    verb: r.found.verb,
    attribution: r.via,
    rule: r.found.rule,
    cue: r.found.cue,
    resolvedBy: r.resolvedBy,
  }));
}
