/**
 * How a quotation reads to a user. Verbatim words go in quotation marks; reported speech reads as
 * reported ("Rustem Umerov said that he had held consultations …"), never in marks, so a reader
 * can't copy a paraphrase as someone's own words. One wording for every place answers are shown.
 */
import { CLAUSE_VERBS, PHRASAL_REPORTING, REPORTING_VERBS } from '../lexicon.ts';
import type { QuoteKind, Speaker } from '../types.ts';
import { nestedMarks } from '../read/split.ts';

/** What a quotation needs to be worded: an `Answer`, or a `Quotation` with its shown speakers. */
export interface QuoteLike {
  readonly quote: string;
  readonly kind: QuoteKind;
  /** The speakers users are told; empty when withheld. */
  readonly speakers: readonly Speaker[];
  /** The story's own words for a withheld speaker ("the company"). */
  readonly attributedTo?: string | undefined;
  /** The story's reporting verb ("said", "says", "warned", "according"); "said" when absent. */
  readonly verb?: string | undefined;
}

export interface PhraseOptions {
  /** Speakers with their roles: "Rustem Umerov (security chief)". Off by default. */
  readonly roles?: boolean;
  /** Clip the words to this many characters, ending in "…". */
  readonly maxLength?: number;
}

/** A quotation worded for a reader, in parts (for HTML) and as one plain sentence. */
export interface QuotePhrase {
  readonly kind: QuoteKind;
  /** Who, as a sentence would start: "Rustem Umerov", "The company", "An unidentified speaker". */
  readonly subject: string;
  /** True when no speaker is stated and `subject` is the story's words or "An unidentified speaker". */
  readonly withheld: boolean;
  /** A past-tense reporting verb: "said", "warned", "wrote". */
  readonly verb: string;
  /** Direct: the verbatim words, without enclosing marks. Indirect: the reported clause, after "that". */
  readonly words: string;
  /** 'Rustem Umerov said: “This concerns …”' or 'Rustem Umerov said that he had held …'. */
  readonly text: string;
}

/** Marks that open a quotation, and those that close one ("”" opens one in some copy too). */
const OPEN_DOUBLE = new Set(['"', '“', '”', '„', '«']);
const CLOSE_DOUBLE = new Set(['"', '”', '“', '»']);
const DOUBLE = /["“”„«»]/;
const SINGLE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['‘', '’'],
  ["'", "'"],
  ['‹', '›'],
]);

/** Punctuation that joins a quotation to the attribution after it: "…,” she said". */
const JOINING = /[,;:]$/;

/** Double marks pair up: every “ closed by a later ”, and an even number of ". */
function balanced(text: string): boolean {
  let depth = 0;
  let straight = 0;
  for (const ch of text) {
    if (ch === '"') straight++;
    else if (ch === '“' || ch === '„' || ch === '«') depth++;
    else if ((ch === '”' || ch === '»') && --depth < 0) return false;
  }
  return depth === 0 && straight % 2 === 0;
}

/**
 * The quotation inside its enclosing marks: both marks go, or only one when the other closes or
 * opens a quotation inside ('"… isn’t about “Equal Justice”'), or when there is no other (a
 * quotation running on past its paragraph has no closing mark; one continuing from the paragraph
 * before has no opening mark). What is left must pair up; otherwise `fallback` decides.
 */
function stripEnclosing(quote: string, fallback: 'both' | 'none'): string {
  const first = quote[0] ?? '';
  const last = quote.at(-1) ?? '';
  const opens = OPEN_DOUBLE.has(first);
  const closes = quote.length >= 2 && CLOSE_DOUBLE.has(last);
  const both = opens && closes ? quote.slice(1, -1) : undefined;
  const tries = [both, opens ? quote.slice(1) : undefined, closes ? quote.slice(0, -1) : undefined];
  const fit = tries.find((t) => t !== undefined && balanced(t));
  if (fit !== undefined) return fit;
  // British style: ‘We will win,’ with no double marks anywhere.
  if (quote.length >= 2 && SINGLE_PAIRS.get(first) === last && !DOUBLE.test(quote)) return quote.slice(1, -1);
  return fallback === 'both' && both !== undefined ? both : quote;
}

/**
 * The words of a quotation as a reader should get them: a direct quotation without its enclosing
 * quotation marks, and either kind without the comma that joined it to "she said" or the "that"
 * that opened a reported clause. Marks inside (a nested or partial quotation) stay, balanced.
 *
 * @example
 * quoteWords('"This concerns the release of 1,200 Ukrainians,"', 'direct'); // 'This concerns the release of 1,200 Ukrainians'
 * quoteWords('that the talks had “gone well,”', 'indirect'); // 'the talks had “gone well”'
 */
export function quoteWords(quote: string, kind: QuoteKind): string {
  let words = quote.trim();
  if (kind === 'indirect') words = words.replace(/^that\s+/, '');
  // Twice, for a quotation marked twice over ('"“You don’t win …,”').
  else words = stripEnclosing(stripEnclosing(words, 'both').trim(), 'none').trim();
  // The comma may sit inside the last closing mark: 'was “a defeat,”'.
  const last = words.at(-1) ?? '';
  if (CLOSE_DOUBLE.has(last) || last === '’' || last === "'") {
    const body = words.slice(0, -1).trimEnd();
    if (JOINING.test(body)) words = `${body.slice(0, -1).trimEnd()}${last}`;
  }
  return words.replace(/\s*[,;:]$/, '').trim();
}

/** Reporting verbs that need a listener or an object before the words: "told reporters …". */
const NOT_ALONE: ReadonlySet<string> = new Set(
  'tell inform assure remind describe call talk voice accuse continue echo blast slam dismiss criticize praise deride denounce decry hail label'.split(' '),
);

/** Past tenses our verb list can't build by adding "-ed". */
const IRREGULAR_PAST: ReadonlyMap<string, string> = new Map([
  ['say', 'said'],
  ['write', 'wrote'],
  ['think', 'thought'],
  ['forecast', 'forecast'],
]);

function pastOf(lemma: string): string | undefined {
  if (lemma === 'point out') return 'pointed out';
  if (lemma === 'sum up') return 'summed up';
  const irregular = IRREGULAR_PAST.get(lemma);
  if (irregular) return irregular;
  const candidates = [`${lemma}d`, `${lemma}ed`, lemma.replace(/y$/, 'ied'), `${lemma}${lemma.at(-1) ?? ''}ed`];
  // Only forms the verb list knows: a guess that isn't one falls back to "said".
  return candidates.find((c) => c !== lemma && REPORTING_VERBS.get(c) === lemma);
}

/** The story's verb: its lemma, and whether it is a present "says" form (not "say", "said" or "saying"). */
function readVerb(verb: string): { lemma: string; form: string; present: boolean } | undefined {
  const form = verb.toLowerCase().trim().replace(/\s+/g, ' ');
  const [first = '', second] = form.split(' ');
  const phrasal = PHRASAL_REPORTING.get(first);
  // "as she put it": the pair stands for "say".
  if (phrasal && second === phrasal.particle && phrasal.lemma === 'say')
    return { lemma: 'say', form: first === 'puts' ? 'says' : 'said', present: first === 'puts' };
  const lemma = phrasal && second === phrasal.particle ? phrasal.lemma : second === undefined ? REPORTING_VERBS.get(first) : undefined;
  if (lemma === undefined) return undefined;
  // Only a "-s" form is surely present: a bare "say" may follow "went on to" or "would".
  const present = first.endsWith('s') && first !== lemma.split(' ')[0] && !first.endsWith('ss') && form !== pastOf(lemma);
  return { lemma, form, present };
}

/**
 * The story's reporting verb, fit to stand before a colon (direct) or "that" (indirect): the
 * present "says" stays present (a belief held now reads "believes"), with "say" for several
 * speakers; every other form becomes the past tense. "said" or "says" when the verb needs an
 * object ("told reporters"), is no verb ("according to") or takes no clause.
 *
 * @example
 * reportedVerb('warned', 'indirect'); // 'warned'
 * reportedVerb('insists', 'indirect', true); // 'insist'
 * reportedVerb('told', 'direct'); // 'said'
 */
export function reportedVerb(verb: string | undefined, kind: QuoteKind, plural = false): string {
  const read = verb === undefined ? undefined : readVerb(verb);
  if (read === undefined) return 'said';
  const fits = !NOT_ALONE.has(read.lemma) && (kind === 'direct' || CLAUSE_VERBS.has(read.lemma) || read.lemma === 'point out');
  const lemma = fits ? read.lemma : 'say';
  if (!read.present) return pastOf(lemma) ?? 'said';
  if (plural) return lemma;
  if (fits) return read.form;
  return 'says';
}

/** Sentence-initial words that read lower case after "said that": "The drugs have …" → "the drugs have …". */
const LEADING_WORD =
  /^(?:The|A|An|This|That|These|Those|It|Its|It's|It’s|There|There's|There’s|They|Their|He|His|She|Her|We|Our|You|Your|In|At|On|For|From|With|By|After|Before|During|Since|Until|As|If|When|While|Although|Though|Because|What|Whether|How|Why|One|Some|Many|Most|Much|More|All|Both|Each|Every|Few|No|None|Nothing|Such|Still|Too|Even|Almost|Only|Also|Now|Then|Of|To|Despite|Perhaps|Indeed|Without|Among|Amid)\b/;

function lowerLeadingWord(words: string): string {
  // "Lohmar said. But when he …": a sentence's opening "But" has nothing to join after "said that".
  const joined = /^(?:But|And),?\s+(?=\S)/.exec(words);
  if (joined) return lowerLeadingWord(words.slice(joined[0].length));
  const m = LEADING_WORD.exec(words);
  return m ? `${m[0].toLowerCase()}${words.slice(m[0].length)}` : words;
}

/** A subject opening a sentence: "the company" → "The company", but "eBay" stays. */
function upperFirst(text: string): string {
  const first = text.split(/\s/, 1)[0] ?? '';
  if (/\p{Lu}/u.test(first.slice(1))) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "A", "A and B", "A, B and C". */
function listOf(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function clip(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max) return text;
  return `${Array.from(text)
    .slice(0, Math.max(1, max - 1))
    .join('')
    .trimEnd()}…`;
}

/**
 * A quotation as a reader should get it: direct words in quotation marks after "<speaker> said:",
 * reported speech as "<speaker> said that …" with no marks of its own. A withheld speaker reads as
 * the story put it ("The company said that …").
 *
 * @example
 * phraseQuote({ quote: 'that he had held talks', kind: 'indirect', speakers: [{ name: 'Rustem Umerov', role: null }], verb: 'said' }).text;
 * // 'Rustem Umerov said that he had held talks.'
 */
export function phraseQuote(q: QuoteLike, options: PhraseOptions = {}): QuotePhrase {
  const withheld = q.speakers.length === 0;
  const names = q.speakers.map((s) => (options.roles && s.role ? `${s.name} (${s.role})` : s.name));
  const named = listOf(names);
  const who = withheld
    ? q.attributedTo?.trim() || 'an unidentified speaker'
    : options.roles && q.attributedTo
      ? `${named} (the story says “${q.attributedTo}”)`
      : named;
  const subject = upperFirst(who);
  const verb = reportedVerb(q.verb, q.kind, q.speakers.length > 1);
  const bare = quoteWords(q.quote, q.kind);
  const words = clip(q.kind === 'indirect' ? lowerLeadingWord(bare) : nestedMarks(bare), options.maxLength);
  const text = q.kind === 'direct' ? `${subject} ${verb}: “${words}”` : `${subject} ${verb} that ${words}${/[.!?…]["”’']?$/.test(words) ? '' : '.'}`;
  return { kind: q.kind, subject, withheld, verb, words, text };
}
