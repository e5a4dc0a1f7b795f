/** Reported speech: where the clause someone said starts and ends, around its reporting verb. */
import { ADVERBIAL_START, BARE_CLAUSE_VERBS, CLAUSE_VERBS, OBJECT_VERBS, REPORTING_VERBS } from '../lexicon.ts';
import { hasFiniteVerb, hasVerb } from '../nlp.ts';
import type { QuoteRuleId } from '../rules.ts';
import { wordCount, type QuoteSpan, type Range } from '../split.ts';
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

function clauseStartAfter(text: string, a: Attribution, end: number): number | null {
  const rest = text.slice(a.verb.end, end);
  const that = /^(.{0,120}?)\bthat\b\s*/s.exec(rest);
  if (that && that[1] !== undefined) {
    const between = that[1].trim().replace(/^,|,$/g, '').trim();
    // ("said Monday he was very concerned … and that …": an adverbial, then a whole clause, is no frame.)
    const isFrame =
      between === '' ||
      (ADVERBIAL_START.test(between) && wordCount(between) <= 12 && !hasVerb(between) && (wordCount(between) <= 8 || !CONTENT_NOUN_END.test(between))) ||
      (OBJECT_VERBS.has(a.lemma) && wordCount(between) <= 6) ||
      /^(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}$/u.test(between);
    if (isFrame && !/[.!?]/.test(between)) return a.verb.end + that.index + that[1].length;
  }
  const about = a.lemma === 'talk' ? TALK_ABOUT.exec(rest) : null;
  if (about) return a.verb.end + about[0].length;
  if (!BARE_CLAUSE_VERBS.has(a.lemma)) return null;
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
    ? /^\s*((?:the\s+)?(?:\p{Lu}[\p{L}.&'’-]*\s+){1,4}|(?:him|her|them|me|us|reporters|journalists|lawmakers|parliament|police|(?:the|an?)\s+\p{L}+|\p{Ll}+s(?=\s+(?:that|he|she|they|it|i|we|the|his|her|their)\b)|(?:his|her|their|my|our)\s+\p{Ll}+(?=\s+(?:that|he|she|they|it|i|we)\b))\s+)/u.exec(
        s,
      )
    : null;
  if (m) {
    offset += m[0].length;
    s = s.slice(m[0].length);
  }
  // Adverbials: "on Saturday", "in a statement", "last week", "Friday".
  for (let i = 0; i < 3; i++) {
    m =
      /^\s*,?\s*(?:(?:on|in|at|during|last|earlier|later|this)\s+(?:a|an|the|his|her)?\s*(?:[\p{L}\p{N}'’-]+\s+){0,5}?(?:statement|interview|release|morning|afternoon|evening|night|week|month|year|conference|video|post|email|e-mail|(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|also|again|recently|previously)\b\s*,?\s*/iu.exec(
        s,
      );
    if (!m) break;
    offset += m[0].length;
    s = s.slice(m[0].length);
  }
  if (/^\s*[,:;.—–-]/.test(s) || s.trim() === '') return null;
  // "told an audience about …", "would say something to Colton": a topic or a pronoun object, not
  // the words said.
  if (/^\s*(?:about(?!\s+\$?\d)|something|anything|nothing|everything|much|little|goodbye|hello|sorry|thanks|so|yes|no)\b/i.test(s)) return null;
  return a.verb.end + offset + (s.length - s.trimStart().length);
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
const ING_REPORTING = [...REPORTING_VERBS.keys()].filter((v) => v.endsWith('ing')).join('|');
const CLAUSE_BREAK = new RegExp(
  `;\\s+(?:he|she|they|it|we)\\s+(?:also\\s+)?(?:say|says|argue|argues|insist|insists|note|notes|add|adds|claim|claims|warn|warns|${PAST_REPORTING})\\b|,\\s+(?:(?:${ING_REPORTING})\\b|(?:he|she|they|it|we)\\s+(?:also\\s+)?(?:${PAST_REPORTING})\\b)|,\\s+(?:and|but)\\s+(?:also\\s+|later\\s+|then\\s+)?(?:${PAST_REPORTING})\\b|\\s+(?:and|but)\\s+(?:also|later|then)\\s+(?:${PAST_REPORTING})\\b|\\s+(?:and|but)\\s+(?:added|said|noted|stressed|insisted|warned|argued|explained|acknowledged|admitted|conceded|cautioned)\\b|\\s+(?:[—–-]\\s+)?(?:and|but)\\s+(?:he|she|it|they|we)\\s+(?:also\\s+|now\\s+|later\\s+)?(?:says|explains|adds|notes|warns|argues|insists)\\b`,
  'i',
);

/** "…, Jagelewski says the premium …": a named speaker starting a new attribution ends the clause. */
const NAMED_BREAK = new RegExp(
  `(?:,\\s+(?:(?:while|but|and|as)\\s+)?|\\s+(?:but|while|whereas)\\s+|\\s+[—–]\\s+(?:but|while|and)\\s+)(?:(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,3}|(?:the|some|many|other|most)\\s+(?:[\\p{Ll}-]+\\s+){0,3}(?=(?:say|said|says|argue|argued|insist|insisted|contend|contended)\\b))(?:also\\s+)?(?:${[...REPORTING_VERBS.keys()].filter((v) => /(?:s|ed|said|told|wrote|thought)$/.test(v)).join('|')}|say|argue|insist|contend)\\b`,
  'u',
);

/** "… six deaths in the past eight days that Lohmar said are unrelated": a named person's report in a relative clause is theirs. */
const RELATIVE_BREAK = new RegExp(
  `\\s+(?:that|which)\\s+(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,3}(?:said|says|say|believes|believed|thinks|thought|argued|argues|claimed|claims|insisted|insists)\\b`,
  'u',
);

/** "…, with a spokesperson for the camp describing the scene as …": someone else's words begin. */
const WITH_BREAK = new RegExp(`,\\s+with\\s+(?:[\\p{L}\\p{N}'’.-]+\\s+){1,8}?(?:${ING_REPORTING})\\b`, 'u');

export function trimClause(text: string, start: number, end: number): [number, number] {
  const slice = text.slice(start, end);
  // "…, according to court documents": a second source closes the clause.
  const cuts = [
    CLAUSE_BREAK.exec(slice),
    NAMED_BREAK.exec(slice),
    WITH_BREAK.exec(slice),
    RELATIVE_BREAK.exec(slice),
    /,\s+according\s+to\b/i.exec(slice),
  ].filter((m) => m !== null);
  const cut = cuts.sort((a, b) => a.index - b.index)[0];
  let e = cut ? start + cut.index : end;
  while (e > start && /[\s.,;:!?]/.test(text.charAt(e - 1)) && !/["”]/.test(text.charAt(e - 1))) e--;
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
function inOpeningSubordinate(text: string, head: string, clause: [number, number]): [number, number] {
  if (!/^\s*(?:While|Although|Though|Even though|Whereas)\s/.test(head) || head.includes(',')) return clause;
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
    /^\s*(?:him|her|them|me|us|reporters|journalists|the\s+\p{L}+|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*,\s*$/u.test(between)
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

/** Reported clauses and the id of the rule in QUOTE_RULES that found them. */
interface Reported {
  readonly rule: QuoteRuleId;
  readonly clauses: ReadonlyArray<[number, number]>;
}

function reported(rule: QuoteRuleId, clauses: ReadonlyArray<[number, number]>): Reported | null {
  return clauses.length === 0 ? null : { rule, clauses };
}

/**
 * Reported speech: the clause after "X said (that)", the clause before a final "…, X said.", or both
 * halves around a parenthetical "…, he says, …". `minWords`: the shortest clause after the verb
 * (a relative clause's gap leaves fewer: "deaths that Lohmar said are unrelated").
 */
export function reportedClauses(text: string, a: Attribution, unit: Range, minWords = 3): Reported | null {
  const according = a.lemma === 'according to';
  // "Authorities described his attempt to steal a car as a carjacking": the description is theirs.
  if (!a.inverted && a.lemma === 'describe') {
    const as = /^\s+(?:[^.;:!?“”"]{1,100}?)\s+as\s+(?=\S)/u.exec(text.slice(a.verb.end, unit.end));
    if (as) {
      const clause = trimClause(text, a.verb.end + as[0].length, unit.end);
      const words = text.slice(clause[0], clause[1]);
      // "and said she stabbed …": the description ends where the next verb phrase starts.
      const end = /,?\s+(?:and|but)\s+(?:also\s+)?\p{Ll}+(?:ed|s)\b/u.exec(words);
      const cut: [number, number] = end ? [clause[0], clause[0] + end.index] : clause;
      return reported('described-as', wordCount(text.slice(cut[0], cut[1])) >= 1 ? [cut] : []);
    }
  }
  // "Trudeau urged people to send a message to the Ford government": a request is what was said,
  // from its addressee on.
  if (!a.inverted && (a.lemma === 'urge' || a.lemma === 'ask')) {
    const request = /^\s+((?:the\s+|all\s+|their\s+|his\s+|her\s+)?(?:[\p{L}'’-]+\s+){0,6}?)to\s+\p{Ll}+/u.exec(text.slice(a.verb.end, unit.end));
    // ("asked Woods how long he'd been coming to this course" is a question, not a request.)
    if (
      request &&
      !/^\s+(?:about|for|if|whether|why|how|what)\b/.test(text.slice(a.verb.end, a.verb.end + 12)) &&
      !/\b(?:how|what|why|when|where|whether|if|who)\b/i.test(request[1] ?? '')
    ) {
      const clause = trimClause(text, a.verb.end + request[0].indexOf(request[1] ?? ''), unit.end);
      return reported('request', wordCount(text.slice(clause[0], clause[1])) >= 3 ? [clause] : []);
    }
  }
  // "he lamented that …": any reporting verb takes a clause that "that" opens.
  const thatFollows = /^\s+that\b/.test(text.slice(a.verb.end, a.verb.end + 8)) && !/^(?:call|describe|ask|post)$/.test(a.lemma);
  const talk = talksAbout(text, a.lemma, a.verb.end);
  if (a.lemma === 'talk' && !talk) return null;
  if (!according && !CLAUSE_VERBS.has(a.lemma) && !thatFollows && !talk && !(a.verb.lower.endsWith('ing') && REPORTING_VERBS.has(a.verb.lower))) return null;
  // What follows the whole attribution ("said Marty Puranik, CEO of X." → ", CEO of X.").
  const attributionEnd = Math.max(a.verb.end, a.mention.end);
  const tail = text.slice(attributionEnd, unit.end);
  const first = Math.min(a.mention.start, a.verb.start);
  const head = text.slice(unit.start, first);
  const isClause = (r: [number, number], min: number) => wordCount(text.slice(r[0], r[1])) >= min && hasVerb(text.slice(r[0], r[1]));
  // "According to EHS, that target is being met …"
  if (according && wordCount(head) <= 1) {
    // (A source phrase the walker cut short runs on to the comma: "the exit poll conducted by …,".)
    const comma = /^\s*,/.test(tail) ? -1 : tail.search(/,\s/);
    const start = comma >= 0 && wordCount(tail.slice(0, comma)) <= 12 ? attributionEnd + comma + 1 : attributionEnd;
    const after = trimClause(text, start, unit.end);
    return reported('according-to-clause', isClause(after, 3) ? [after] : []);
  }
  if (/,\s*$/.test(head) && wordCount(head) >= 2) {
    const before = trimClause(text, unit.start, unit.start + head.length);
    const continues = /^\s*,\s*\p{Ll}/u.test(tail) && !/^\s*,\s*(?:a|an|the|who|whose|which|his|her|its|their)\b/u.test(tail);
    // "…, President Volodymyr Zelenskiy and his Security Council chief said." / "…, said Telford."
    // "At 2,300 feet, according to Gibson, Major said he was able to see the stop sign": what Major
    // said is Gibson's account, like the rest of the sentence.
    const relayed = according && /^\s*,\s*(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:said|says|told|testified|claimed|admitted)\b/u.test(tail);
    if (
      !continues &&
      !relayed &&
      /^(?:\s*,[^;!?]{0,120}?)?[\s\p{L}\p{N}'’-]*[.!?]?["”]?\s*$/u.test(tail) &&
      !/\bthat\b/.test(tail) &&
      (ADVERBIAL_START.test(tail.trim()) || wordCount(tail) <= 3 || a.inverted || /^\s*,/.test(tail))
    ) {
      return reported('clause-before', isClause(before, 4) ? [before] : []);
    }
    // "The drugs have a limited set of uses, he says, and are mostly meant to be taken short term."
    // "There is a particular satisfaction, insists Xander Wise, in seeing your vision through": an
    // inverted aside mid-sentence, when what follows it goes on with the sentence, not with a role.
    const resumes = a.inverted && !according && /^\s*,\s*(?:in|to|that|because|if|when|while|for|with|by|from|on|at)\b/.test(tail);
    const aside = a.inverted && !according && !resumes ? null : /^([^,.;:!?]{0,40}?),\s*/u.exec(tail);
    if (aside && (aside[1]!.trim() === '' || ADVERBIAL_START.test(aside[1]!.trim()))) {
      const after = trimClause(text, attributionEnd + aside[0].length, unit.end);
      // "…, he says, and he was upset by …": a new clause with its own subject is the writer's.
      const fresh = /^and\s+(?:he|she|they|it|we|i)\b/i.test(text.slice(after[0], after[1]));
      const parts = [before, ...(fresh ? [] : [after])].filter((r) => wordCount(text.slice(r[0], r[1])) >= 2);
      if (fresh && parts.length === 1 && isClause(before, 4)) return reported('clause-before-fresh', parts);
      if (parts.length === 2 && (isClause(before, 2) || isClause(after, 2))) return reported('clause-around', parts);
    }
  }
  if (a.inverted) return null;
  const start = clauseStartAfter(text, a, unit.end);
  if (start === null) return null;
  const clause = inOpeningSubordinate(text, head, trimClause(text, start, unit.end));
  // "Nova Scotia added the drug group to its monitoring program, which …", "the PBO added a premium
  // for the expansion", "will add value to your life": a thing added; what someone adds in words
  // is a clause with a verb after its subject.
  if (
    a.lemma === 'add' &&
    !/^that\b/.test(text.slice(clause[0], clause[1])) &&
    !hasFiniteVerb((text.slice(clause[0], clause[1]).split(/[,;(]/)[0] ?? '').replace(/^\s*\S+/, ''))
  )
    return null;
  // "The Sharks added yet another goal when …": a thing added, not words.
  if (
    a.lemma === 'add' &&
    /^(?:yet\s+)?(?:another|more|a|an|one|two|three|four|five|\d+)\s+(?:[\p{L}-]+\s+)?(?:goal|goals|point|points|run|runs|touchdown|basket|layer|dimension|fee|charge|cost|costs|jobs|seats|staff|stores|flights|capacity|feature|features)\b/iu.test(
      text.slice(clause[0], clause[1]),
    )
  )
    return null;
  // "warned about slowing sales", "told us about a concern": a topic, not what was said.
  if (/^(?:about|of|on|to|for|with|at)\b(?!\s+\d)/i.test(text.slice(clause[0], clause[1]))) return null;
  return reported('clause-after', isClause(clause, minWords) ? [clause] : []);
}
