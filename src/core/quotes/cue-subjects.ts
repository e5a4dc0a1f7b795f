/**
 * The VERB_CUES that find the subject of a reporting verb before it: the subject right before the
 * verb, the subject it shares across "and" or ", saying", and a long subject for a clause verb.
 */
import { CLAUSE_VERBS, COGNITION, POLLED_SHARE } from '../lexicon.ts';
import { DETERMINERS, isNameToken, type Mention, PREPOSITIONS } from './mentions.ts';
import type { CueRuleId } from '../rules.ts';
import { talksAbout } from './clauses.ts';
import { findSubjectBefore } from './subject-before.ts';
import { clausePronounBefore, clauseSubjectSince, coordinatedAcrossAside, findLongSubject, findSubjectAtStart, floorBefore, gerundAgent } from './subjects.ts';
import { cue, type CueResult, type VerbSite } from './types.ts';
import type { Token } from '../read/tokens.ts';
/** What may follow a name before its relative clause: ", 30", ", of Raleigh, N.C.", ", R-Ill.", " (D-Mass.)". */
const APPOSITIVE_CHAIN =
  /(?:,\s*(?:\d{1,3}|[DRI]-[\p{L}.]+|of\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}(?:,\s*\p{Lu}[\p{L}.]*)?)|\s*\([DRI]-[\p{L}.]+\))+$/u;

/**
 * "Doug Purdy, who lost 16 lbs. “and two belt loops” since May, says …": a quote inside a relative
 * clause before the verb doesn't end the subject's sentence. Also the name before its age, home
 * town or party, with or without a relative clause after them.
 */
function nameBeforeRelative({ text, unit, tokens, spans, v, floor }: VerbSite): Mention | null {
  let rel = -1;
  for (let k = v - 2; k >= Math.max(0, v - 40); k--) {
    if (tokens[k]?.text === ',' && /^(?:who|whose|which)$/.test(tokens[k + 1]?.lower ?? '')) {
      rel = k;
      break;
    }
  }
  // "Appearing before supporters, Suu Kyi, 70, said": no relative clause, only an age, home town
  // or party between the name and the verb.
  const bare = rel < 0 && APPOSITIVE_CHAIN.test(text.slice(0, tokens[v - 1]?.start ?? 0));
  if (bare) rel = v - 1;
  // (With no floor the search for a subject ran back to the sentence's start and found none: the
  // clause's own commas, "in Aurora, Colorado, in July 2012,", left it no phrase to read.)
  if (rel <= 0 || (floor > 0 && rel >= floor && !bare)) return null;
  // "Harry Bond, 30, of Raleigh, N.C., who …", "Mark Kirk, R-Ill., who …": the name is before its
  // age, home town and party.
  const lead = text.slice(0, tokens[rel]?.start ?? 0);
  const chain = APPOSITIVE_CHAIN.exec(lead);
  const end = chain ? tokens.findIndex((t) => t.start >= chain.index) : rel;
  if (end <= 0) return null;
  const named = findSubjectBefore(text, tokens, end, floorBefore(text, unit, tokens, spans, end));
  if (!named || !/^\p{Lu}/u.test(named.parts[0] ?? '')) return null;
  // "aides to Gov. Chris Christie …, and Gov. John Kasich of Ohio, who …, said", "CNN, like The
  // Associated Press, which …, declared": a name after "and", a preposition or a determiner is not
  // the clause's subject.
  const wordBefore = /([\p{L}]+)\W*$/u.exec(text.slice(Math.max(0, named.start - 20), named.start))?.[1]?.toLowerCase() ?? '';
  if (/^(?:and|or|nor|like|unlike|than|including|by|about|against|as)$/.test(wordBefore) || PREPOSITIONS.has(wordBefore) || DETERMINERS.has(wordBefore))
    return null;
  return { ...named, role: null };
}

/** A text someone puts out, which then "says" what they say. */
const ISSUED_TEXT = /^(?:an?|another|the)\s+(?:[\p{L}-]+\s+){0,2}(?:statement|letter|tweet|note|message|memo|press release|release)$/iu;

/**
 * "X issued a statement saying …", "X released a letter calling …": the subject of "issued" when
 * the subject found for the participle is the text put out.
 */
function issuerOf({ text, tokens, floor }: VerbSite, found: Mention): Mention | null {
  if (!ISSUED_TEXT.test(found.parts.join(' '))) return null;
  let k = tokens.findIndex((t) => t.start >= found.start) - 1;
  if (tokens[k]?.lower === 'out' && tokens[k - 1]?.lower === 'put') k--;
  if (!/^(?:issued|released|put|posted|sent|published|issues|releases|puts|posts|sends|publishes)$/.test(tokens[k]?.lower ?? '')) return null;
  const issuer = findSubjectBefore(text, tokens, k, floor);
  return issuer && !ISSUED_TEXT.test(issuer.parts.join(' ')) ? issuer : null;
}

/** The subject right before the verb ("Smith said", "he was quoted as saying", "she went on to say"), or undefined. */
export function subjectBefore(site: VerbSite): CueResult {
  const { text, tokens, v, floor, prev, quotedAs, catenative, tok, lemma } = site;
  // "… was forced into a rare moment of damage control and said": a verb right after "and" shares
  // its clause's subject (shared-subject); the phrase before "and" is that clause's object.
  const coordinated = prev === 'and' || prev === 'but';
  let before = coordinated ? null : findSubjectBefore(text, tokens, quotedAs ? v - 3 : catenative >= 0 ? catenative : v, floor);
  let id: CueRuleId = quotedAs ? 'quoted-as-saying' : catenative >= 0 ? 'went-on-to-say' : 'subject-before';
  // (", saying …" shares the clause's subject: "…, FIFA, who is under investigation, saying …".)
  if (!before && prev === ',' && !tok.lower.endsWith('ing')) {
    before = nameBeforeRelative(site);
    if (before) id = 'subject-before-relative';
  }
  if (!before) return undefined;
  // "Trump issued a statement saying that …": who issued it says it.
  const issuer = issuerOf(site, before);
  if (issuer) [before, id] = [issuer, 'issued-document'];
  const start = before.start;
  const at = tokens.findIndex((t) => t.start >= start);
  // "responded to the question on Facebook writing, “…”": a name after a preposition is where it
  // was said; the participle is the clause subject's (shared-subject).
  if (afterPlace(tokens, v, at)) return undefined;
  // "a young woman who had been an exchange student in Montana asked …": a place inside a relative
  // clause is where that clause's subject was, not who speaks (long-subject reads the whole phrase).
  if (
    /^(?:in|at|from|near|for|with|by|to|on|about)$/.test(tokens[at - 1]?.lower ?? '') &&
    /\s(?:who|that|which)\s[^,;:]*$/.test(text.slice(tokens[floor]?.start ?? 0, start)) &&
    !/[,;:—–]/.test(text.slice(before.end, tok.start))
  )
    return undefined;
  // "The memo obtained by The Herald said": the agent of a participle is not who speaks; the whole
  // phrase is (findLongSubject reads it as a document and its holder). ("… backed by Jane Smith,
  // who said" is hers.)
  if (!/,\s*who\b/.test(text.slice(before.end, tok.start))) {
    const k = /^(?:the|a|an)$/.test(tokens[at - 1]?.lower ?? '') ? at - 1 : at;
    if (tokens[k - 1]?.lower === 'by' && /^(?:\p{Ll}+ed|seen|shown|written|given|taken|drawn)$/u.test(tokens[k - 2]?.text ?? '')) return undefined;
  }
  return reportsHere(site, before, at) ? cue(before, tok, lemma, false, id) : null;
}

/** The checks on a subject found before the verb: no condition, no thought about a noun, no writer. */
function reportsHere(site: VerbSite, before: Mention, at: number): boolean {
  const { text, tokens, lemma, nouns } = site;
  const previous = tokens[at - 1];
  const first = tokens[at];
  // "but if the president is now saying, “…”": what someone would be saying, if, is no report.
  if (/^(?:if|unless|whether)$/.test(previous?.lower ?? '')) return false;
  // "a few relationships she thought she could count on", "how much money they hoped Mrs. Clinton
  // would divert": a thought in a relative clause about a noun is no report. (Speech is: "a poem
  // she said was written by a Chinese poet".)
  const pronoun = before.parts.length === 1 && /^(?:he|she|they|we)$/i.test(before.parts[0] ?? '');
  if (
    COGNITION.has(lemma) &&
    pronoun &&
    previous &&
    first &&
    /^\p{Ll}/u.test(previous.text) &&
    nouns().has(previous.start) &&
    /^\s+$/.test(text.slice(previous.end, first.start)) &&
    !/^(?:that|which|who|whom|when|where|while|because|if|as|and|but|or|so|time|times|day|days|moment|night|morning|week|year|way)$/.test(previous.lower)
  )
    return false;
  // "I think …", "we believe …", "I’m writing", "we’re told" in a column, "It's estimated …": the
  // writer, not a source.
  return !(before.parts.length === 1 && /^(?:i|we|it['’]s|there|i['’](?:m|ve|d|ll)|we['’](?:re|ve|d|ll))$/i.test(before.parts[0] ?? ''));
}

/** Words that may stand between "and" and the verb it joins: "… and in a carefully worded response said". */
const JOINED_LEAD = /^(?:in|on|at|during|later|then|also|have|has|had|would|will|could|may|might)$/;

/** The verb shares the subject of the sentence's clause before it: "He said …, and added he …", "…, saying …". */
/** A participle right after a one-word name that follows a preposition: "… on Facebook writing". */
function afterPlace(tokens: readonly Token[], v: number, at: number): boolean {
  return /ing$/.test(tokens[v]?.lower ?? '') && at === v - 1 && isNameToken(tokens[at]) && /^(?:on|via|in|at|to|through)$/.test(tokens[at - 1]?.lower ?? '');
}

export function sharedSubject(site: VerbSite): CueResult {
  const { text, tokens, v, floor, prev, quoteBefore, tok, lemma, found } = site;
  // "… and in a carefully worded response said …", "…, and have alleged in court documents
  // that …": look past a short adverbial or an auxiliary to the "and".
  let back = v - 1;
  if (/^(?:in|on|at|during|later|then|also)$/.test(tokens[back]?.lower ?? '') || /^\p{Ll}/u.test(tokens[back]?.text ?? '')) {
    for (let k = v - 1; k >= Math.max(floor, v - 7); k--) if (/^(?:and|but)$/.test(tokens[k]?.lower ?? '')) back = k;
  }
  const joinedWord = tokens[back]?.lower;
  // "… and then, behind her back, sniffed that …": an aside between "and" and the verb.
  const aside = prev === ',' && !quoteBefore ? coordinatedAcrossAside(tokens, v, floor) : -1;
  const joined =
    prev === 'and' ||
    prev === 'but' ||
    aside >= 0 ||
    ((joinedWord === 'and' || joinedWord === 'but') && JOINED_LEAD.test(tokens[back + 1]?.lower ?? '')) ||
    (prev === ',' && tok.lower.endsWith('ing')) ||
    // "Trump landed himself in hot water by saying that …": the gerund's subject is the clause's.
    (/^(?:by|while|after|before|when|without|upon)$/.test(prev ?? '') && tok.lower.endsWith('ing')) ||
    afterPlace(tokens, v, v - 1);
  if (!joined || !reportsOnItsOwn(site)) return undefined;
  // "Cable had been diagnosed with colon cancer and told he had three months to live": a verb that
  // shares a passive's auxiliary is passive too; he was told. ("… and told his mother he …" has a
  // listener: active.)
  const and = aside >= 0 ? aside : prev === 'and' || prev === 'but' ? v - 1 : back;
  const from = tokens[floor];
  const to = tokens[and];
  const passive =
    /^(?:told|asked|informed|advised|warned|urged|ordered|reminded)$/.test(tok.lower) &&
    /^(?:that|he|she|they|we|i|it)$/.test(tokens[v + 1]?.lower ?? '') &&
    from !== undefined &&
    to !== undefined &&
    /\b(?:been|was|were|is|are|being)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn|nt|ught)\b[^,;.]*$/u.test(text.slice(from.start, to.start));
  if (passive) return undefined;
  // 'He voiced his “…” on Twitter, writing “…”': a quote before the verb set the floor, but the
  // sentence's subject is still its first words. "… she picked it up and crowed": the pronoun that
  // opens the first verb's clause.
  const last = found[found.length - 1];
  const since = clauseSubjectSince(text, tokens, last, and, floor);
  const shared =
    since !== undefined
      ? since
      : (last?.mention ??
        clausePronounBefore(tokens, and, floor) ??
        gerundAgent(tokens, v, floor) ??
        findSubjectAtStart(text, tokens, floor) ??
        (floor > 0 ? findSubjectAtStart(text, tokens, 0) : null));
  return shared ? cue(shared, tok, lemma, false, 'shared-subject') : undefined;
}

/**
 * A verb that only reports with a quote or "that" ("crowed, “…”", "sniffed that …") reports here
 * when the quote or clause follows it; a clause verb always does.
 */
function reportsOnItsOwn({ text, lemma, tok }: VerbSite): boolean {
  return (
    CLAUSE_VERBS.has(lemma) ||
    talksAbout(text, lemma, tok.end) ||
    /^\s*(?:,\s*)?[“"]|^\s*that\b|^\s*:/.test(text.slice(tok.end, tok.end + 8)) ||
    (/^(?:urge|ask)$/.test(lemma) && /^\s+(?:[\p{L}'’-]+\s+){1,6}?to\s+\p{Ll}/u.test(text.slice(tok.end, tok.end + 80))) ||
    // "… and called the political system “rotten to the core.”": what it was called, in quotation marks.
    (/^(?:call|describe|label|dub)$/.test(lemma) && /^\s+(?:[\p{L}'’-]+\s+){1,6}?(?:as\s+)?[“"]/u.test(text.slice(tok.end, tok.end + 80)))
  );
}

/** "People arrested last week said that …": a subject too long for the phrase walker, for a clause verb. */
export function longSubject(site: VerbSite): CueResult {
  if (!CLAUSE_VERBS.has(site.lemma)) return undefined;
  const subject = findLongSubject(site.text, site.tokens, site.v, site.floor);
  return subject ? cue(subject, site.tok, site.lemma, false, 'long-subject') : undefined;
}

/** A word of "of registered Latino voters", never one that starts another clause ("90 per cent of cases but Chapman said"). */
const SHARE_OF_WORD = String.raw`(?!(?:but|while|whereas|although|because|when|if|who|whom|that|which)\b)[\p{L}'’"-]+`;
const SHARE_BEFORE_VERB = new RegExp(
  String.raw`(?:^|[\s(—–-])(${POLLED_SHARE}(?:\s+of\s+(?:${SHARE_OF_WORD}\s+){0,5}?${SHARE_OF_WORD}|\s+(?:the\s+)?[\p{L}'’-]+s)?)(?:\s+(?:also|still|now))?\s*$`,
  'iu',
);

/**
 * A share of those polled right before "say": "46 percent of voters said", "with 50 percent
 * saying", "More than six in 10 said". The share is who says it, not the clause or the poll before it.
 */
export function polledShare({ text, tokens, floor, tok, lemma }: VerbSite): CueResult {
  if (lemma !== 'say') return undefined;
  const from = tokens[floor]?.start ?? tok.start;
  const m = SHARE_BEFORE_VERB.exec(text.slice(from, tok.start));
  const share = m?.[1];
  if (!m || !share) return undefined;
  const start = from + m.index + m[0].indexOf(share);
  return cue({ parts: [share], start, end: start + share.length, role: null }, tok, lemma, false, 'polled-share');
}
