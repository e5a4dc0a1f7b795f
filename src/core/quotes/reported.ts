/**
 * Reported speech: the clauses a reporting verb reports, by REPORTED_RULES, an ordered table: a
 * description ("described it as …"), a request ("urged people to …"), "according to X, …", the
 * clause before a final "…, X said.", both halves around "…, he says, …", and the clause after
 * "X said (that)".
 */
import { ADVERBIAL_START, CALLING_FOR_VERBS, CLAUSE_VERBS, COMMITTING_VERBS, OBJECT_VERBS, REPORTING_VERBS } from '../lexicon.ts';
import { hasFiniteVerb, hasVerb, opensWithSubject } from '../nlp.ts';
import { firstClaim, type TableRule } from '../rule-table.ts';
import type { QuoteRuleId } from '../rules.ts';
import { wordCount, type Range } from '../read/split.ts';
import { boundedClause, clauseStartAfter, ING_REPORTING, inOpeningSubordinate, talksAbout, trimClause } from './clauses.ts';
import type { Attribution } from './types.ts';
import { NOT_APPOSITIVE_START } from './mentions.ts';

type Clause = [number, number];

/** Reported clauses and the id of the rule in QUOTE_RULES that found them. */
export interface Reported {
  readonly rule: QuoteRuleId;
  readonly clauses: readonly Clause[];
}

/** A reporting verb in its sentence unit, with the words before and after the whole attribution. */
interface ReportSite {
  readonly text: string;
  readonly a: Attribution;
  readonly unit: Range;
  /** The shortest clause after the verb. */
  readonly minWords: number;
  readonly according: boolean;
  /** The unit's words before the attribution ("…, " in "…, X said."). */
  readonly head: string;
  readonly attributionEnd: number;
  /** What follows the whole attribution ("said Marty Puranik, CEO of X." → ", CEO of X."). */
  readonly tail: string;
  /** Where the words this verb may report start: after any other source's attribution before it in the unit. */
  readonly from: number;
}

/** Undefined: not this rule's; null: the verb reports nothing; else the clauses. */
type ReportResult = Reported | null | undefined;

function reported(rule: QuoteRuleId, clauses: readonly Clause[]): Reported | null {
  return clauses.length === 0 ? null : { rule, clauses };
}

function isClause(text: string, r: Clause, min: number): boolean {
  return wordCount(text.slice(r[0], r[1])) >= min && hasVerb(text.slice(r[0], r[1]));
}

/**
 * "Mr. Rubin asked the students if they were always so serious", "Neera Tanden asked whether he had
 * thoughts on …": the question, from its "if" or wh-word on, after an optional listener.
 */
function question({ text, a, unit }: ReportSite): ReportResult {
  if (a.inverted || a.lemma !== 'ask') return undefined;
  const asked =
    /^\s+(?:(?:him|her|them|me|us|you|\p{Ll}+s|(?:the|a|an|his|her|their)\s+(?:[\p{L}'’-]+\s+){0,2}?[\p{L}'’-]+|(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}\p{Lu}[\p{L}.'’-]*)\s+)?(?=(?:if|whether|how|what|why|who|when|where)\s)/u.exec(
      text.slice(a.verb.end, unit.end),
    );
  if (!asked) return undefined;
  const clause = trimClause(text, a.verb.end + asked[0].length, unit.end);
  return reported('question', isClause(text, clause, 4) ? [clause] : []);
}

/** "Authorities described his attempt to steal a car as a carjacking": the description is theirs. */
function describedAs({ text, a, unit, head }: ReportSite): ReportResult {
  if (a.inverted || a.lemma !== 'describe') return undefined;
  const as = /^\s+(?:[^.;:!?“”"]{1,100}?)\s+as\s+(?=\S)/u.exec(text.slice(a.verb.end, unit.end));
  if (!as) return undefined;
  // ("Though Kaine has described himself as a pro-life Catholic in the past, the Post reported …")
  const clause = inOpeningSubordinate(text, head, trimClause(text, a.verb.end + as[0].length, unit.end));
  const words = text.slice(clause[0], clause[1]);
  // "and said she stabbed …": the description ends where the next verb phrase starts.
  const end = /,?\s+(?:and|but)\s+(?:also\s+)?\p{Ll}+(?:ed|s)\b/u.exec(words);
  const cut: Clause = end ? [clause[0], clause[0] + end.index] : clause;
  return reported('described-as', wordCount(text.slice(cut[0], cut[1])) >= 1 ? [cut] : []);
}

/**
 * "Trudeau urged people to send a message to the Ford government": a request is what was said,
 * from its addressee on. ("asked Woods how long he'd been coming to this course" is a question.)
 */
function request({ text, a, unit }: ReportSite): ReportResult {
  if (a.inverted || (a.lemma !== 'urge' && a.lemma !== 'ask')) return undefined;
  const asked = /^\s+((?:the\s+|all\s+|their\s+|his\s+|her\s+)?(?:[\p{L}'’-]+\s+){0,6}?)to\s+\p{Ll}+/u.exec(text.slice(a.verb.end, unit.end));
  if (
    !asked ||
    /^\s+(?:about|for|if|whether|why|how|what)\b/.test(text.slice(a.verb.end, a.verb.end + 12)) ||
    /\b(?:how|what|why|when|where|whether|if|who)\b/i.test(asked[1] ?? '')
  )
    return undefined;
  const clause = trimClause(text, a.verb.end + asked[0].indexOf(asked[1] ?? ''), unit.end);
  return reported('request', wordCount(text.slice(clause[0], clause[1])) >= 3 ? [clause] : []);
}

/**
 * "Ann Lee vowed to ban cars from the old town", "he threatened to sue the city": what was promised
 * or threatened, from its "to" on.
 */
function commitment({ text, a, unit, head }: ReportSite): ReportResult {
  if (a.inverted || !COMMITTING_VERBS.has(a.lemma)) return undefined;
  const to = /^\s+(?:(?:not|never|again|also)\s+)?to\s+\p{Ll}+/u.exec(text.slice(a.verb.end, unit.end));
  if (!to) return undefined;
  // "the divisions he once vowed to bridge have only grown", "the bill that Republicans vowed to
  // block": what was promised has its object before it; the words after are the sentence's.
  if (GAP_BEFORE_SUBJECT.test(head)) return null;
  const clause = boundedClause(text, head, a.verb.end, unit.end);
  return reported('commitment', isClause(text, clause, 3) ? [clause] : []);
}

/** A noun, or "that"/"which", right before the subject: a relative clause whose object is missing ("the divisions he vowed to bridge"). */
const GAP_BEFORE_SUBJECT =
  /(?:^|\s)(?!(?:and|but|or|so|then|yet|also|because|since|when|while|as|after|before|if|though|although|once|now|later|again|week|month|year|night|morning|afternoon|evening|weekend|today|yesterday|where)\s*$)\p{Ll}[\p{L}-]*\s*$/u;

/**
 * "Ann Lee called for a ban on cars in the old town": what was asked for, with its "for"; "called on
 * the council to close the road": the request, from its addressee on.
 */
function callFor({ text, a, unit, head }: ReportSite): ReportResult {
  if (a.inverted || !CALLING_FOR_VERBS.has(a.lemma)) return undefined;
  const after = text.slice(a.verb.end, unit.end);
  const on = /^\s+(?:on|upon)\s+(?=(?:[\p{L}'’.-]+\s+){1,6}?to\s+\p{Ll}+)/u.exec(after);
  const forWhat = /^\s+for\s+(?:an?\s+|the\s+|more\s+|his\s+|her\s+|their\s+|its\s+)?[\p{L}\p{N}$€£]/u.exec(after);
  if (!on && !forWhat) return undefined;
  const clause = boundedClause(text, head, a.verb.end + (on ? on[0].length : 0), unit.end);
  return reported('call-for', wordCount(text.slice(clause[0], clause[1])) >= 3 ? [clause] : []);
}

/** "he lamented that …": any reporting verb takes a clause "that" opens; others only clause verbs, "talked about how …" and "saying". */
function notAClauseVerb({ text, a, according }: ReportSite): ReportResult {
  const thatFollows = /^\s+that\b/.test(text.slice(a.verb.end, a.verb.end + 8)) && !/^(?:call|describe|ask|post)$/.test(a.lemma);
  const talk = talksAbout(text, a.lemma, a.verb.end);
  if (a.lemma === 'talk' && !talk) return null;
  const ing = a.verb.lower.endsWith('ing') && REPORTING_VERBS.has(a.verb.lower);
  return !according && !CLAUSE_VERBS.has(a.lemma) && !thatFollows && !talk && !ing ? null : undefined;
}

/** "According to EHS, that target is being met …": the clause after the source. */
function accordingToClause({ text, unit, according, head, tail, attributionEnd }: ReportSite): ReportResult {
  if (!according || wordCount(head) > 1) return undefined;
  // (A source phrase the walker cut short runs on to the comma: "the exit poll conducted by …,".)
  const comma = /^\s*,/.test(tail) ? -1 : tail.search(/,\s/);
  const start = comma >= 0 && wordCount(tail.slice(0, comma)) <= 12 ? attributionEnd + comma + 1 : attributionEnd;
  const after = trimClause(text, start, unit.end);
  return reported('according-to-clause', isClause(text, after, 3) ? [after] : []);
}

/**
 * "As Alexis Madrigal reports, the company lost money every year": the clause after "As X
 * reported," is what X reported. A temporal "as" has no comma right after its verb ("As the mayor
 * said goodbye, …"), and "as she spoke" tells when, not what.
 */
function asClause({ text, a, unit, head, tail, attributionEnd }: ReportSite): ReportResult {
  if (a.inverted || !/^\s*(?:(?:And|But|So|Yet)\s+)?As\s+(?:the\s+)?$/u.test(head) || /^(?:speak|talk)$/.test(a.lemma)) return undefined;
  const comma = /^\s*(?:it\s*)?,\s*/u.exec(tail);
  if (!comma) return undefined;
  const clause = trimClause(text, attributionEnd + comma[0].length, unit.end);
  return reported('as-clause', isClause(text, clause, 4) && hasFiniteVerb(text.slice(clause[0], clause[1])) ? [clause] : []);
}

/**
 * "Asked whether he would fire a speechwriter …, Priebus said …", "When asked by a reporter
 * whether …": the question someone put to the subject, not the subject's words.
 */
function asksFirst(text: string, [from, to]: Clause): boolean {
  return /^(?:when\s+|after\s+being\s+|once\s+|if\s+)?asked\b/i.test(text.slice(from, to));
}

/** A clause, then a comma, before the attribution. */
function endsWithComma({ head }: ReportSite): boolean {
  return /,\s*$/.test(head) && wordCount(head) >= 2;
}

/**
 * "…, a Cairo airport official told The New York Times.", "…, Carter told a Senate panel Wednesday.",
 * "…, he told the court in his filing.": only whom it was told to follows the verb, and when or where.
 */
const LISTENER_TAIL =
  /^\s*(?:(?:the\s+)?(?:\p{Lu}[\p{L}.&'’-]*\s*){1,5}|(?:the|a|an)\s+(?:(?!(?:to|that|and|or|who|which|with|for|about)\s)[\p{L}.&'’-]+\s+){0,3}\p{Ll}[\p{L}-]*\s*)(?:(?:on|in|at|during|earlier|later|last|this)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}?[\p{L}\p{N}'’-]+\s*|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*|yesterday\s*)?[.!?]?\s*$/u;

/**
 * "…, said Mindy Romero, director of the project.", "…, said Marcia Smith, senior vice president for
 * sustainability": a post held somewhere, after a name that follows its verb, is an appositive, not
 * the sentence going on.
 */
function postAfterName(a: Attribution, tail: string): boolean {
  const post = /^\s*,\s*((?:[\p{Ll}-]+\s+){0,3}?)([\p{Ll}-]+)\s+(?:of|for|at|with|in|on)\s/u.exec(tail);
  const first = post?.[1]?.split(/\s/)[0] || post?.[2] || '';
  return a.inverted && /^\p{Lu}/u.test(a.mention.parts[0] ?? '') && post !== null && !NOT_APPOSITIVE_START.test(first) && !/(?:ing|ly|ed)$/.test(first);
}

/**
 * "…, President Volodymyr Zelenskiy and his Security Council chief said." / "…, said Telford.": the
 * clause before a final attribution. ("At 2,300 feet, according to Gibson, Major said he was able
 * to see the stop sign": what Major said is Gibson's account, like the rest of the sentence.)
 */
function clauseBefore(site: ReportSite): ReportResult {
  const { text, a, unit, according, head } = site;
  // ("…, political analysts say; in 2012, Mitt Romney stumbled": a semicolon ends what the verb closes.)
  const tail = site.tail.replace(/;[\s\S]*$/u, '');
  // "Asked whether …, Mrs. Clinton shook her head and said, “No.”": a verb that shares its subject
  // with an earlier one reports what follows it, never the clause before that subject.
  if (!endsWithComma(site) || a.cue === 'shared-subject') return undefined;
  const continues = /^\s*,\s*\p{Ll}/u.test(tail) && !/^\s*,\s*(?:a|an|the|who|whose|which|his|her|its|their)\b/u.test(tail) && !postAfterName(a, tail);
  const relayed = according && /^\s*,\s*(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:said|says|told|testified|claimed|admitted)\b/u.test(tail);
  // ("That's a key reason why, according to government data, 70 per cent of Canadians eat badly":
  // a clause with its own subject after the source goes on with the account; the words around it are.)
  const goesOn = according && /^\s*,\s*\S/u.test(tail) && opensWithSubject(tail.replace(/^\s*,\s*/u, ''));
  if (
    continues ||
    relayed ||
    goesOn ||
    !/^(?:\s*,[^;!?]{0,120}?)?[\s\p{L}\p{N}'’-]*[.!?]?["”]?\s*$/u.test(tail) ||
    /\bthat\b/.test(tail) ||
    !(ADVERBIAL_START.test(tail.trim()) || wordCount(tail) <= 3 || a.inverted || /^\s*,/.test(tail) || (OBJECT_VERBS.has(a.lemma) && LISTENER_TAIL.test(tail)))
  )
    return undefined;
  const before = trimClause(text, site.from, unit.start + head.length);
  return reported('clause-before', isClause(text, before, 4) && !asksFirst(text, before) ? [before] : []);
}

/**
 * "Clinton leads Sanders by 271 pledged delegates according to a count by The Associated Press, but
 * …", "(the actual number is closer to 15 percent, according to Factcheck.org)": the account before
 * "according to X" is X's, whatever the sentence goes on with after the source.
 */
function accordingToBefore(site: ReportSite): ReportResult {
  const { text, unit, according, head, tail } = site;
  if (!according || wordCount(head) < 4 || !/^\s*(?:[,;:()—–.!?]|-\s|$)/.test(tail)) return undefined;
  // "… homicide victims (the actual number is closer to 15 percent, according to Factcheck.org)":
  // inside parentheses, the account starts at the one left open.
  const open = head.lastIndexOf('(');
  const from = open > head.lastIndexOf(')') ? Math.max(site.from, unit.start + open + 1) : site.from;
  const before = trimClause(text, from, unit.start + head.length);
  return reported('according-to-before', isClause(text, before, 4) ? [before] : []);
}

/**
 * "The drugs have a limited set of uses, he says, and are mostly meant to be taken short term."
 * "There is a particular satisfaction, insists Xander Wise, in seeing your vision through": an
 * inverted aside mid-sentence, when what follows it goes on with the sentence, not with a role.
 */
function clauseAround(site: ReportSite): ReportResult {
  const { text, a, unit, according, head, tail, attributionEnd } = site;
  if (!endsWithComma(site)) return openingWordAround(site);
  const resumes = a.inverted && !according && /^\s*,\s*(?:in|to|that|because|if|when|while|for|with|by|from|on|at)\b/.test(tail);
  const aside = a.inverted && !according && !resumes ? null : /^([^,.;:!?]{0,40}?),\s*/u.exec(tail);
  const lead = aside?.[1]?.trim();
  if (!aside || lead === undefined || (lead !== '' && !ADVERBIAL_START.test(lead))) return undefined;
  const before = trimClause(text, unit.start, unit.start + head.length);
  const after = trimClause(text, attributionEnd + aside[0].length, unit.end);
  // "…, he says, and he was upset by …": a new clause with its own subject is the writer's.
  // "…, KING-TV reported, while in Chicago the parade began …": a contrast after a whole clause
  // opens another account ("And so, he said, while members … are horrified, …" goes on with his).
  const afterWords = text.slice(after[0], after[1]);
  // "…, Ann Cole said Tuesday, noting that …": the participle reports on its own (shared-subject).
  const fresh =
    /^and\s+(?:he|she|they|it|we|i)\b/i.test(afterWords) ||
    ((/^(?:while|whereas)\b/i.test(afterWords) || REPORTING_PARTICIPLE.test(afterWords)) && isClause(text, before, 4));
  const parts = [...(asksFirst(text, before) ? [] : [before]), ...(fresh ? [] : [after])].filter((r) => wordCount(text.slice(r[0], r[1])) >= 2);
  if (fresh && parts.length === 1 && isClause(text, before, 4)) return reported('clause-before-fresh', parts);
  if (parts.length === 2 && (isClause(text, before, 2) || isClause(text, after, 2))) return reported('clause-around', parts);
  return undefined;
}

/**
 * "Still, he said, officials have to decide …", "Loyalty, he noted, has long been a core tenet …":
 * one word, then the attribution as an aside, then the rest of the sentence, which is what was said
 * (after a noun, without its subject).
 */
function openingWordAround(site: ReportSite): ReportResult {
  const { text, a, unit, head, tail, attributionEnd } = site;
  const word = /^\s*([\p{L}'’-]+),\s*$/u.exec(head)?.[1];
  if (!word || a.inverted || !/^\s*,\s*[^“"]/u.test(tail)) return undefined;
  const comma = text.indexOf(',', attributionEnd);
  const after = trimClause(text, comma + 1, unit.end);
  if (comma < 0 || !isClause(text, after, 3)) return undefined;
  // A noun alone ("Loyalty", "CNN") would be a one-word quotation that matches any question holding
  // it: like clause-around's parts, only pieces of two words or more are quoted.
  return reported('clause-around', [after]);
}

/** "noting", "adding", "saying": a reporting participle, as a word at the start of a text. */
const REPORTING_PARTICIPLE = new RegExp(`^(?:${ING_REPORTING})\\b`, 'i');

/** Words after which "added" adds a thing, not words: "added yet another goal". */
const THING_ADDED =
  /^(?:yet\s+)?(?:another|more|a|an|one|two|three|four|five|\d+)\s+(?:[\p{L}-]+\s+)?(?:goal|goals|point|points|run|runs|touchdown|basket|layer|dimension|fee|charge|cost|costs|jobs|seats|staff|stores|flights|capacity|feature|features)\b/iu;

/** "X said (that) …": the clause after the verb, past its listener and adverbials. */
function clauseAfter({ text, a, unit, head, minWords }: ReportSite): ReportResult {
  if (a.inverted) return null;
  const start = clauseStartAfter(text, a, unit.end);
  if (start === null) return null;
  const clause = boundedClause(text, head, start, unit.end);
  const words = text.slice(clause[0], clause[1]);
  // "Nova Scotia added the drug group to its monitoring program, which …", "the PBO added a
  // premium for the expansion", "will add value to your life": a thing added; what someone adds in
  // words is a clause with a verb after its subject. "The Sharks added yet another goal".
  if (a.lemma === 'add' && ((!/^that\b/.test(words) && !hasFiniteVerb((words.split(/[,;(]/)[0] ?? '').replace(/^\s*\S+/, ''))) || THING_ADDED.test(words)))
    return null;
  // "warned about slowing sales", "told us about a concern": a topic, not what was said.
  // ("has written off efforts by …", "told off": a phrasal verb, not a report.)
  if (/^(?:about|of|on|to|for|with|at|off)\b(?!\s+\d)/i.test(words)) return null;
  const past = clauseStartPastObject(a.lemma, words);
  if (past < 0) return null;
  const from: [number, number] = [clause[0] + past, clause[1]];
  return reported('clause-after', isClause(text, from, minWords) ? [from] : []);
}

/**
 * Where the reported clause really starts after a verb that also takes an object: when the words
 * before a later "that" hold no finite verb and that "that" opens a clause, at the "that" ("told a
 * town hall in Salem on Monday that waterboarding is …"); nowhere (-1) for a reflexive before an
 * infinitive ("believed itself to be under attack"); else where it was found (0). What a verb takes
 * as its object ("announced his candidacy", "expressed frustration over …") stays a report: on
 * polnear-dev dropping it lost more gold attributions than spurious ones.
 */
function clauseStartPastObject(lemma: string, words: string): number {
  if (lemma === 'say' || lemma === 'talk' || /^that\b/.test(words)) return 0;
  if (/^(?:itself|himself|herself|themselves|myself|ourselves)\b/.test(words)) return -1;
  const relative = /\s+(that|which|who|whom)\s+/u.exec(words);
  if (relative?.[1] !== 'that' || hasFiniteVerb(words.slice(0, relative.index))) return 0;
  // A relative "that" is followed by its verb ("programs that revealed"); "that" opening a clause, by a subject.
  const rest = words.slice(relative.index + relative[0].length);
  const next = rest.split(/\s+/, 1)[0] ?? '';
  const opensClause = !hasFiniteVerb(next) && !/^(?:\p{Ll}+ed|also|not|still|never|then|now|only|often|later|once)$/u.test(next) && hasFiniteVerb(rest);
  return opensClause ? relative.index + relative[0].indexOf('that') : 0;
}

/** In order: the first rule that decides (clauses or null) wins. */
const REPORTED_RULES: readonly TableRule<ReportSite, Reported | null>[] = [
  { id: 'described-as', match: describedAs },
  { id: 'request', match: request },
  { id: 'question', match: question },
  { id: 'commitment', match: commitment },
  { id: 'call-for', match: callFor },
  { id: 'as-clause', match: asClause },
  { id: 'not-a-clause-verb', match: notAClauseVerb },
  { id: 'according-to-clause', match: accordingToClause },
  { id: 'clause-before', match: clauseBefore },
  { id: 'clause-around', match: clauseAround },
  { id: 'according-to-before', match: accordingToBefore },
  { id: 'clause-after', match: clauseAfter },
];

/**
 * Reported speech: the clause after "X said (that)", the clause before a final "…, X said.", or both
 * halves around a parenthetical "…, he says, …". `minWords`: the shortest clause after the verb
 * (a relative clause's gap leaves fewer: "deaths that Lohmar said are unrelated").
 */
export function reportedClauses(text: string, a: Attribution, unit: Range, minWords = 3, others: readonly Attribution[] = []): Reported | null {
  const attributionEnd = Math.max(a.verb.end, a.mention.end);
  const start = Math.min(a.mention.start, a.verb.start);
  // "In Seattle, …, KING-TV reported, while in Chicago …, the Chicago Sun-Times reported.": the
  // Sun-Times reported only what follows KING-TV's attribution (and its contrast word).
  const earlier = others
    .filter((b) => b !== a && b.lemma !== 'according to' && Math.max(b.verb.end, b.mention.end) < start && Math.min(b.mention.start, b.verb.start) > unit.start)
    .map((b) => Math.max(b.verb.end, b.mention.end));
  const after = earlier.length > 0 ? Math.max(...earlier) : unit.start;
  const contrast = after > unit.start ? /^\s*,\s*(?:while|whereas|and|but)\s+/u.exec(text.slice(after, start)) : null;
  const head = text.slice(unit.start, start);
  // (Tagging the tail is a third of the time reported speech takes: only when the article is there.)
  const headless = head.replace(/(?<=,\s*)the\s+$/u, '');
  const site: ReportSite = {
    text,
    a,
    unit,
    minWords,
    according: a.lemma === 'according to',
    // ("…, the Chicago Sun-Times reported.": the article belongs to the name.)
    head: headless === head || hasVerb(text.slice(attributionEnd, unit.end)) ? head : headless,
    attributionEnd,
    tail: text.slice(attributionEnd, unit.end),
    from: contrast ? after + contrast[0].length : unit.start,
  };
  return firstClaim(REPORTED_RULES, site) ?? null;
}
