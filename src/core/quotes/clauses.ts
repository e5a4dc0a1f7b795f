/** Reported speech: where the clause someone said starts and ends, around its reporting verb. */
import {
  ADVERBIAL_START,
  BARE_CLAUSE_VERBS,
  MAKING_VERBS,
  OBJECT_VERBS,
  POLLED_SHARE,
  REPORTING_VERBS,
  finiteForms,
  CLAUSE_SPEECH_VERBS,
  SUBJECT_CLAUSE_VERBS,
} from '../lexicon.ts';
import { hasFiniteVerb, hasVerb, opensWithSubject } from '../nlp.ts';
import { wordCount, type QuoteSpan, type Range } from '../read/split.ts';
import { tokenize } from '../read/tokens.ts';
import type { Attribution } from './types.ts';
/**
 * "talking about how she saved Colton …", "talked about being “super excited”": what was said
 * follows "about" when a clause does; "talked about the budget" is a topic, and says nothing.
 */
const TALK_ABOUT = /^\s+about\s+(?=(?:how|why|being|having|wanting|feeling)\b)/;

export function talksAbout(text: string, lemma: string, verbEnd: number): boolean {
  return lemma === 'talk' && TALK_ABOUT.test(text.slice(verbEnd, verbEnd + 30));
}

/** Where the reported clause starts after the verb: past the listener, adverbials and "that". */
/** "to a settlement … over allegations that …": after a long adverbial, a noun whose "that" opens its own content, not the verb's. */
const CONTENT_NOUN_END =
  /\b(?:allegations?|claims?|fact|evidence|belief|idea|notion|news|suggestions?|assertions?|charges?|accusations?|concerns?|fears?|hopes?|rumou?rs?|theory|arguments?|proof|signs?|assurances?|promises?)$/i;

/** Where, when or how after a verb of saying: "on Saturday", "in a statement", "last week", "Friday". */
export const ADVERBIAL_AFTER_VERB =
  /^\s*,?\s*(?:(?:on|in|at|during|last|earlier|later|this)\s+(?:a|an|the|his|her)?\s*(?:[\p{L}\p{N}'’-]+\s+){0,5}?(?:statement|interview|release|morning|afternoon|evening|night|week|month|year|conference|video|post|email|e-mail|(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|also|again|recently|previously)\b\s*,?\s*/iu;

/** A text written, within a noun phrase's first words: "a detailed, six-page letter", "his first newspaper column". */
const WRITTEN_TEXT =
  /^(?:\S+\s+){0,5}?(?:letters?|op-eds?|columns?|books?|essays?|articles?|pieces?|memos?|notes?|e-?mails?|posts?|blogs?|tweets?|commentary|dissent|opinion|editorial|reports?|statements?|messages?|reviews?|foreword|preface|introduction|chapters?|speech|paper|filing|brief|complaint|petition|manifesto|missive|texts?|appeal|plea|response|reply|rebuttal|critique|analysis)\b/i;

/** A noun phrase's first word: a determiner, a possessive or a number. */
const WRITTEN_THING = /^(?:a|an|the|his|her|their|its|this|that|these|those|my|our|your|one|another|several|some|many|two|three|four|five|\d[\d,]*)\s/i;

/** Where the clause starts when "that" follows the verb after only a frame: a listener, an adverbial, a name. */
function thatClauseStart(rest: string, a: Attribution): number | null {
  const that = /^(.{0,120}?)\bthat\b\s*/s.exec(rest);
  if (!that || that[1] === undefined) return null;
  const between = that[1].trim().replace(/^,|,$/g, '').trim();
  // ("said Monday he was very concerned … and that …": an adverbial, then a whole clause, is no frame.)
  const adverbial = (words: string) =>
    ADVERBIAL_START.test(words) && wordCount(words) <= 12 && !hasVerb(words) && (wordCount(words) <= 8 || !CONTENT_NOUN_END.test(words));
  // ("told reporters at a daily briefing in Beijing that …": the listener, then where.)
  const listener = OBJECT_VERBS.has(a.lemma) ? /^(?:\S+\s+){1,3}?(?=(?:on|in|at|during)\s)/.exec(between) : null;
  const isFrame =
    between === '' ||
    adverbial(between) ||
    (OBJECT_VERBS.has(a.lemma) && wordCount(between) <= 6) ||
    (listener !== null && adverbial(between.slice(listener[0].length))) ||
    /^(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}$/u.test(between);
  // (A stop inside is a sentence's end; the dot of "Sen." or "Jan. 5" is not.)
  return isFrame && !tokenize(between).some((t) => /^[.!?]$/.test(t.text)) ? that.index + that[1].length : null;
}

export function clauseStartAfter(text: string, a: Attribution, end: number): number | null {
  const rest = text.slice(a.verb.end, end);
  const framed = thatClauseStart(rest, a);
  if (framed !== null) return a.verb.end + framed;
  const about = a.lemma === 'talk' ? TALK_ABOUT.exec(rest) : null;
  if (about) return a.verb.end + about[0].length;
  const bare = BARE_CLAUSE_VERBS.has(a.lemma) && !/^written$/i.test(a.verb.text); // ("has written a book in which …" is a thing)
  if (!bare && !SUBJECT_CLAUSE_VERBS.has(a.lemma)) return null;
  // "There's no denying he …", "the hacker who revealed … admits …": no report of a clause.
  if (!bare && /\b(?:no|who|which|that)\s+$/i.test(text.slice(Math.max(0, a.verb.start - 8), a.verb.start))) return null;
  let offset = 0;
  let m: RegExpExecArray | null;
  let s = rest;
  // "said to reporters the race was close": whom it was said to.
  m =
    a.lemma === 'say'
      ? /^\s*to\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\p{L}.&'’-]+\s+){0,2}?[\p{L}.&'’-]+\s+(?=(?:he|she|they|we|i|it|the|his|her|their)\s+\p{Ll}+)/u.exec(s)
      : null;
  if (m) {
    offset += m[0].length;
    s = s.slice(m[0].length);
  }
  // Listener after tell/assure: "told reporters", "told the Globe", "told CBC News", "told his mother".
  m = OBJECT_VERBS.has(a.lemma)
    ? /^\s*((?:the\s+)?(?:\p{Lu}[\p{L}.&'’-]*\s+){1,4}(?:of\s+(?:\p{Lu}[\p{L}.&'’-]*\s+){1,3}(?=\p{Ll}))?|(?:him|her|them|me|us|you|reporters|journalists|lawmakers|parliament|police|(?:the|an?)\s+\p{L}+|\p{Ll}+s(?=\s+(?:that|he|she|they|it|i|we|the|his|her|their)\b)|(?:his|her|their|my|our)\s+\p{Ll}+(?=\s+(?:that|he|she|they|it|i|we)\b))\s+)/u.exec(
        s,
      )
    : null;
  if (m) {
    offset += m[0].length;
    s = s.slice(m[0].length);
  }
  // Adverbials: "on Saturday", "in a statement", "last week", "Friday".
  for (let i = 0; i < 3; i++) {
    m = ADVERBIAL_AFTER_VERB.exec(s);
    if (!m) break;
    offset += m[0].length;
    s = s.slice(m[0].length);
  }
  if (/^\s*[,:;.—–-]/.test(s) || s.trim() === '') return null;
  // "told an audience about …", "would say something to Colton": a topic or a pronoun object, not
  // the words said.
  if (/^\s*(?:about(?!\s+\$?\d)|something|anything|nothing|everything|much|little|goodbye|hello|sorry|thanks|so|yes|no)\b/i.test(s)) return null;
  const start = a.verb.end + offset + (s.length - s.trimStart().length);
  const clause = text.slice(start, end).trim();
  // "wrote the programs that …", "wrote his own title": what is written may be a thing with no
  // words in it for anyone to quote. A text ("wrote a letter … asking …", "wrote an op-ed urging …")
  // carries its writer's words; anything else after such a verb must be a clause's subject.
  // ("wrote the local paper, The Chief, that …": whom it was written to, then the clause.)
  const thing = WRITTEN_THING.test(clause) && !WRITTEN_TEXT.test(clause) && !/^[^.;:]{0,80}?,\s+that\s/.test(clause);
  if (MAKING_VERBS.has(a.lemma) && thing && !opensWithSubject(clause)) return null;
  // "recalled he had …", never "recalled the crash": only a clause with its own subject.
  return bare || opensWithSubject(clause) ? start : null;
}

/** "… and then left the room", "… and said": after a quoted description, the subject does something new. */
export function startsNewAction(rest: string): boolean {
  const next = rest.replace(/^\s+(?:and|or)\s+/, '');
  return /^(?:then|later|also|he|she|they|it)\b/.test(next) || hasFiniteVerb(next.split(/\s+/).slice(0, 3).join(' '));
}

/** A reported clause ends where another attribution starts: ", saying …", ", he believed …". */
const PAST_REPORTING = [...REPORTING_VERBS.keys()].filter((v) => /ed$|said|told|wrote|thought/.test(v) && !v.includes(' ')).join('|');
/** "… and then quipped" after a reported clause: a second reporting verb of the same subject. */
export const SECOND_REPORT = new RegExp(`^[\\s,]*(?:and|but)\\s+(?:also\\s+|later\\s+|then\\s+)?(${PAST_REPORTING})\\b`, 'i');
/** Reporting verbs in -ing ("saying", "describing"), as a pattern. */
export const ING_REPORTING = [...REPORTING_VERBS.keys()].filter((v) => v.endsWith('ing')).join('|');
/** Reporting verbs in -s or the past ("says", "estimated"), as a pattern. */
const FINITE_REPORTING = [...REPORTING_VERBS.keys()].filter((v) => /(?:s|ed|said|told|wrote|thought)$/.test(v)).join('|');
const CLAUSE_BREAK = new RegExp(
  `;\\s+(?:he|she|they|it|we)\\s+(?:also\\s+)?(?:say|says|argue|argues|insist|insists|note|notes|add|adds|claim|claims|warn|warns|${PAST_REPORTING})\\b|,\\s+(?:(?:${ING_REPORTING})\\b|(?:he|she|they|it|we)\\s+(?:also\\s+)?(?:${PAST_REPORTING})\\b)|,\\s+(?:and|but)\\s+(?:also\\s+|later\\s+|then\\s+)?(?:${PAST_REPORTING})\\b|\\s+(?:and|but)\\s+(?:also|later|then)\\s+(?:${PAST_REPORTING})\\b|\\s+(?:and|but)\\s+(?:added|said|noted|stressed|insisted|warned|argued|explained|acknowledged|admitted|conceded|cautioned)\\b|\\s+(?:[—–-]\\s+)?(?:and|but)\\s+(?:he|she|it|they|we)\\s+(?:also\\s+|now\\s+|later\\s+)?(?:says|explains|adds|notes|warns|argues|insists|${PAST_REPORTING})\\b` +
    // "… “expanded the party,” claiming that …": a participle after the quote's closing mark.
    String.raw`|(?<=,["”])\s+(?:${ING_REPORTING})\b` +
    // "… and predicted that …", "… but argues that …": the same subject's next report.
    String.raw`|\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:${FINITE_REPORTING})\s+(?:that|whether|how|why)\b` +
    // "…, and more than 4 in 10 said …", "…; 26 percent of Democrats say …", "…, compared with the
    // 30 percent who say …": a share of those polled.
    String.raw`|(?<=\S)(?:[,;]\s+(?:(?:and|while|but|whereas|compared\s+(?:with|to))\s+)?|\s+(?:while|whereas|but|compared\s+(?:with|to))\s+)(?:the\s+)?${POLLED_SHARE}(?:\s+of\s+(?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)?(?:\s+\([^)]{1,60}\))?\s+(?:who\s+)?(?:also\s+)?(?:said|say|says)\b`,
  'iu',
);

/** After a common noun, only the past and a few present forms: "the first two states" is no report. */
const REPORTING_AFTER_NOUN = `${PAST_REPORTING}|say|says|argue|argues|insist|insists|contend|contends|warn|warns|believe|believes`;
/** "the auditors ", "the city's auditors ", "some senior officials ": a determiner and up to three lower-case words, not a relative "most of whom". */
const DETERMINER_PHRASE = String.raw`(?:the|some|many|other|most|several|few)\s+(?:(?!(?:who|whom|which|that|of)\s)[\p{Ll}-]+(?:['’]s)?\s+){0,3}`;

/**
 * "…, Jagelewski says the premium …", "…, the minister said …", "… even as the auditors estimated
 * that …", "…, while critics argued …": another source starting its own report ends the clause. A
 * name breaks after any comma or conjunction (so does a name with its appositive); a noun phrase with a determiner (not "most of whom")
 * with "say", "argue", "insist" or "contend"; and after a contrast ("but", "while", "even as") a
 * determiner phrase or a bare plural ("critics") with any past reporting verb. After "and" the
 * clause may still be the same source's account ("…, and the company asked …, according to
 * sources").
 */
const NAMED_BREAK = new RegExp(
  `(?:,\\s+(?:(?:while|but|and|as|whereas|even\\s+as|though|although)\\s+)?|\\s+(?:but|while|whereas|even\\s+as)\\s+|\\s+[—–]\\s+(?:but|while|and)\\s+)` +
    `(?:(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,3}(?:also\\s+)?(?:${FINITE_REPORTING}|say|argue|insist|contend)` +
    // "…, and Brian Deese, the White House climate change adviser, said …": a name and its appositive.
    String.raw`|(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’.-]*,\s+(?:a|an|the|his|her|their)\s+[^,;“”"]{3,80},\s+(?:also\s+)?(?:${FINITE_REPORTING}|say)` +
    `|${DETERMINER_PHRASE}(?:also\\s+)?(?:say|said|says|argue|argued|insist|insisted|contend|contended)` +
    `|(?<=(?:while|but|whereas|even\\s+as|though|although)\\s+)(?:${DETERMINER_PHRASE}|[\\p{Ll}-]{3,}s\\s+)(?:also\\s+)?(?:${REPORTING_AFTER_NOUN}))\\b`,
  'u',
);

/**
 * "…, said he was unaware …": the same subject's next report, after a comma, when what comes
 * before that comma is a clause ("the project was vetted by his firm's counsel"), not an apposition
 * ("…, and Brian Deese, the White House climate change adviser, said …").
 */
/** The past of the verbs that report a clause of speech ("said", "noted", "recalled"), not thought and not the often-not-speech ones. */
const CLAUSE_SPEECH_PAST = finiteForms((lemma) => CLAUSE_SPEECH_VERBS.has(lemma), true);
const NEXT_SAID = new RegExp(String.raw`,\s+(?:also\s+)?(?:says|${CLAUSE_SPEECH_PAST})\s+(?=\p{L})`, 'gu');

function nextSaid(slice: string): RegExpExecArray | null {
  for (const m of slice.matchAll(NEXT_SAID)) {
    const before = slice.slice(0, m.index);
    const segment = before.slice(before.lastIndexOf(',') + 1);
    if (hasFiniteVerb(segment)) return m as RegExpExecArray;
  }
  return null;
}

/** "… six deaths in the past eight days that Lohmar said are unrelated": a named person's report in a relative clause is theirs. */
const RELATIVE_BREAK = new RegExp(
  String.raw`(?<!\bso\s+\p{L}+)\s+(?:that|which)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:say|${finiteForms((_, f) => f.has('clause') && !f.has('rarely'))})\b`,
  'u',
);

/** "…, with a spokesperson for the camp describing the scene as …": someone else's words begin. */
const WITH_BREAK = new RegExp(`,\\s+with\\s+(?:[\\p{L}\\p{N}'’.-]+\\s+){1,8}?(?:${ING_REPORTING})\\b`, 'u');

/** Is `at` inside a quotation the clause quotes ("… “when asked …, the chief responded” …")? */
function insideMarks(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const opened = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
  return opened > 0 || (before.match(/"/g)?.length ?? 0) % 2 === 1;
}

/** A clause ending in dotted initials and their last dot: "… attacks in the U.S.". */
const DOTTED_END = /(?:^|[^\p{L}.])\p{L}(?:\.\p{L})+\.$/u;

export function trimClause(text: string, start: number, end: number): [number, number] {
  const slice = text.slice(start, end);
  // "…, according to court documents": a second source closes the clause.
  const cuts = [
    CLAUSE_BREAK.exec(slice),
    NAMED_BREAK.exec(slice),
    WITH_BREAK.exec(slice),
    RELATIVE_BREAK.exec(slice),
    nextSaid(slice),
    /,\s+according\s+to\b/i.exec(slice),
    // "… crime had doubled (the real rise is closer to 15 percent, according to …)": so does an aside naming one.
    /\s*\((?=[^()]*\baccording\s+to\b)/i.exec(slice),
  ].filter((m): m is RegExpExecArray => m !== null && !insideMarks(slice, m.index));
  const cut = cuts.sort((a, b) => a.index - b.index)[0];
  let e = cut ? start + cut.index : end;
  // (The dot of "in the U.S.", "at 7 p.m." stays: it is part of the word.)
  while (e > start && /[\s.,;:!?—–]/.test(text.charAt(e - 1)) && !/["”]/.test(text.charAt(e - 1)) && !DOTTED_END.test(text.slice(start, e))) e--;
  let s = start;
  while (s < e && /[\s,]/.test(text.charAt(s))) s++;
  return [s, e];
}

/**
 * "While the Rockets said they would not speak to the lawsuit, the team’s general manager defended
 * …": a report inside an opening subordinate clause (`head` is the text before its subject) ends
 * where the main clause starts. The comma may close a quotation first: "… into the future,” the
 * bank's critics …".
 */
export function inOpeningSubordinate(text: string, head: string, clause: [number, number]): [number, number] {
  if (!/^\s*(?:While|Although|Though|Even though|Whereas|After|When|Since|Because|Once|Before|As|Even as|If|Until)\s/.test(head) || head.includes(','))
    return clause;
  const comma = /,([”"’]?)\s/.exec(text.slice(clause[0], clause[1]));
  return comma && comma.index > 0 ? trimClause(text, clause[0], clause[0] + comma.index + 1 + comma[1]!.length) : clause;
}

/**
 * "Dunphy said the station's stand “was clearly adopted …”": the quote is part of a reported
 * clause. Returns the whole clause, or null when the quote simply follows "X said:".
 */
export function mixedClause(text: string, a: Attribution, s: QuoteSpan, unit: Range): [number, number] | null {
  const between = text.slice(a.verb.end, s.start);
  if (/^[\s,:—–-]*$/.test(between)) return null;
  if (/[:]\s*$/.test(between)) return null;
  // "he told her, “…”", "she told reporters, “…”": only the listener before the quote.
  if (
    OBJECT_VERBS.has(a.lemma) &&
    /^\s*(?:him|her|them|me|us|you|reporters|journalists|the\s+\p{L}+|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*,\s*$/u.test(between)
  )
    return null;
  // "said to the group, “…”": whom the words were said to.
  if (a.lemma === 'say' && /^\s*to\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\p{L}.&'’-]+\s+){0,2}?[\p{L}.&'’-]+\s*,\s*$/u.test(between)) return null;
  const start = clauseStartAfter(text, a, unit.end);
  if (start === null || start >= s.start) {
    // Only adverbials and a listener between verb and quote: a plain direct quote.
    return null;
  }
  const words = text.slice(start, s.start).trim();
  if (words === '' || /[.!?]["”]?\s*$/.test(words)) return null;
  return inOpeningSubordinate(text, text.slice(unit.start, Math.min(a.mention.start, a.verb.start)), trimClause(text, start, unit.end));
}

/** The words a verb reports from `start`, ended by the next report, an opening subordinate's comma or a relative clause's close. */
export function boundedClause(text: string, head: string, start: number, end: number): [number, number] {
  return inRelativeClause(head, text, inOpeningSubordinate(text, head, trimClause(text, start, end)));
}

/**
 * "The bill, which some lobbyists said was rushed, will pass easily, said Senator Ruiz": a report
 * inside a relative clause set off by commas ends at the comma that closes it; the rest of the
 * sentence is someone else's.
 */
function inRelativeClause(head: string, text: string, clause: [number, number]): [number, number] {
  if (!/,\s+(?:which|who)\s+$/i.test(head)) return clause;
  // The closing comma is the one the main clause's verb follows ("…, will pass"), not an aside's
  // ("…, especially his supporters, …").
  const words = text.slice(clause[0], clause[1]);
  for (const comma of words.matchAll(/,\s+/g)) {
    const next = words
      .slice(comma.index + comma[0].length)
      .split(/\s+/, 2)
      .join(' ');
    if (hasFiniteVerb(next)) return [clause[0], clause[0] + comma.index];
  }
  return clause;
}
