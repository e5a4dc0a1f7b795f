/**
 * Direct quotations: which quoted words are speech, and the attribution that belongs to each quote
 * when no reporting verb sits next to it (a colon, an owner's noun, the next sentence, a speech tag).
 */
import { CLAUSE_SPEECH_VERBS, COGNITION, NOT_NAME_START, OFTEN_NOT_SPEECH, REPORTING_VERBS } from '../lexicon.ts';
import type { Mention } from './mentions.ts';
import { tagText } from '../nlp.ts';
import { wordCount, type QuoteSpan, type Range } from '../read/split.ts';
import { tokenize } from '../read/tokens.ts';
import { findAttributions } from './cues.ts';
import { findSubjectAtStart, PRE_VERB_ADVERB } from './subjects.ts';
import { type Attribution, type FoundQuote, ownerAsSubject } from './types.ts';
/** An embedded tweet as a page's text gives it: "<text> pic.twitter.com/… — Alicia Draus (@Alicia_Draus) January 15, 2019". */
const TWEET_EMBED =
  /^(.+?)(?:\s+(?:pic\.twitter\.com|https?:\/\/t\.co)\/\S+)*\s+[—–-]{1,2}\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s+\(@\w{1,15}\)\s+((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4})\s*$/u;

/** The whole text of an embedded tweet is its author's words, said on the tweet's date. */
export function embeddedTweet(text: string, paragraph: number): FoundQuote | null {
  // (A cheap look at the paragraph's end first: the full pattern backtracks over the whole text.)
  if (!/\(@\w{1,15}\)\s+\p{Lu}\p{Ll}+\s+\d{1,2},\s+\d{4}\s*$/u.test(text.slice(-60))) return null;
  const m = TWEET_EMBED.exec(text);
  if (!m || wordCount(m[1]!) < 3) return null;
  const start = text.indexOf(m[2]!, m[1]!.length);
  return {
    paragraph,
    start: 0,
    end: m[1]!.length,
    text: m[1]!,
    kind: 'direct',
    mention: { parts: [m[2]!], start, end: start + m[2]!.length, role: null },
    verb: 'tweeted',
    said: { when: `on ${m[3]}`, where: 'on Twitter' },
    unit: 0,
    opensSentence: true,
    embed: true,
    relays: true,
    rule: 'embedded-tweet',
    cue: 'embedded-tweet',
  };
}

/**
 * "Schickel called it “completely unfair” for the students “to be drug through the mud.”": quoted
 * fragments of one sentence, both after the same speaker's verb and a few words apart, are one
 * mixed quotation. ("“A,” she said, “B.”" stays two: the attribution splits them.)
 */
export function joinFragments(text: string, found: FoundQuote[]): FoundQuote[] {
  const out: FoundQuote[] = [];
  for (const q of found) {
    const prev = out[out.length - 1];
    const gap = prev ? text.slice(prev.end, q.start) : '';
    const sameSpeaker = prev?.mention && q.mention && prev.mention.start === q.mention.start && prev.verb === q.verb;
    if (
      prev &&
      sameSpeaker &&
      prev.unit === q.unit &&
      prev.kind === 'direct' &&
      q.kind === 'direct' &&
      prev.mention!.end <= prev.start &&
      !/[.!?;:]/.test(gap) &&
      wordCount(gap) <= 8 &&
      /\p{L}/u.test(gap) &&
      !/^[\s,]*(?:and|or|but|then|and then)[\s,]*$/i.test(gap)
    ) {
      out[out.length - 1] = { ...prev, end: q.end, text: text.slice(prev.start, q.end), kind: 'indirect', rule: 'joined-fragments' };
      continue;
    }
    out.push(q);
  }
  return out;
}

/**
 * Where a sentence that a quotation finishes starts: "Results … are “very exciting,”". Null when
 * the quote opens its sentence, starts with a capital (a whole quoted sentence), or other quotes or
 * framing come before it.
 */
export function sentenceLead(text: string, unit: Range, s: QuoteSpan, inUnit: readonly QuoteSpan[]): number | null {
  const inner = text.slice(s.innerStart, s.innerEnd).trim();
  if (!/^\p{Ll}/u.test(inner) || inUnit.some((o) => o.start < s.start)) return null;
  let start = unit.start;
  while (start < s.start && /\s/.test(text.charAt(start))) start++;
  const before = text.slice(start, s.start);
  if (wordCount(before) < 3 || /[:;]\s*$|[.!?]\s*$/.test(before) || !/^[\p{Lu}\d]/u.test(before)) return null;
  // The writer's own framing ("In a letter, he wrote that …") is a different construction.
  if (/\b(?:said|says|told|according)\b/i.test(before)) return null;
  return start;
}

/** The film “A Day in the Life of a Nurse”: a title after a word for a work, not spoken words. */
export function isTitleOfWork(text: string, s: QuoteSpan): boolean {
  // (A comma inside the closing mark is the sentence's, in American style: “… in Disaster,” Solnit wrote.)
  const inner = text.slice(s.innerStart, s.innerEnd).trim();
  if (/[.!?…:;]$/.test(inner)) return false;
  return /\b(?:film|movie|book|novel|song|album|single|show|series|episode|play|musical|documentary|podcast|headline|article|column|essay|poem|campaign|slogan|exhibit|exhibition|report|titled|entitled|called|named|dubbed)\s*$/i.test(
    text.slice(Math.max(0, s.start - 30), s.start),
  );
}

/** "A Paradise Built in Hell": most words capitalised, as titles are and spoken sentences are not. */
export function isTitleCase(text: string, s: QuoteSpan): boolean {
  const words = text.slice(s.innerStart, s.innerEnd).match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  return words.length >= 3 && long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.8;
}

/** "said on CBS’ “Face the Nation.”": a short title after "on" and a broadcaster is a programme, not words. */
export function isBroadcastTitle(text: string, s: QuoteSpan): boolean {
  return (
    wordCount(text.slice(s.innerStart, s.innerEnd)) <= 5 &&
    /\bon\s+(?:\p{Lu}[\p{L}&.]*\s*){1,3}['’]s?\s*$/u.test(text.slice(Math.max(0, s.start - 40), s.start))
  );
}

/** “I was super-green.” is a whole spoken sentence however short; “fake news” is not. */
export function isSentenceQuote(text: string, s: QuoteSpan): boolean {
  const inner = text.slice(s.innerStart, s.innerEnd).trim();
  return wordCount(inner) >= 2 && /^\p{Lu}/u.test(inner) && /[.!?…]$/.test(inner) && !/^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*[.!?]?$/u.test(inner);
}

export function isFramedShortQuote(text: string, s: QuoteSpan, attributions: readonly Attribution[]): boolean {
  // "“I'm back,” he tweeted" is a quote however short; "called it “fake news”" is not on its own.
  const inner = text.slice(s.innerStart, s.innerEnd);
  if (!/[.!?,]$/.test(inner.trim())) return false;
  return attributions.some(
    (a) => a.verb.start >= s.end && /^[\s,—–-]*$/.test(text.slice(s.end, a.mention.start < a.verb.start ? a.mention.start : a.verb.start)),
  );
}

/**
 * "Pilon called the report “bold”", "Trudeau called the story “false”": a speaker's own word. So is
 * a second one after it ("called it “bold” and based on “one giant assumption”").
 */
export function isCalledQuote(text: string, s: QuoteSpan, attributions: readonly Attribution[]): boolean {
  return attributions.some((a) => {
    if (!/^(?:call|describe)$/.test(a.lemma) || a.verb.end > s.start) return false;
    const gap = text.slice(a.verb.end, s.start);
    const words = gap.replace(/[“"][^“”"]{1,60}[”"]/gu, ' ');
    return wordCount(words) <= (words === gap ? 6 : 9) && !/[.;:!?“”"]/.test(words);
  });
}

/**
 * "Martell, the addictions doctor, is more blunt: “…”": a sentence whose subject introduces the
 * quote with a colon, without a reporting verb.
 */
export function colonIntro(text: string, unit: Range, s: QuoteSpan): Attribution | null {
  const before = text.slice(unit.start, s.start);
  if (!/:\s*$/.test(before) || wordCount(before) > 30) return null;
  const tokens = tokenize(text, unit.start, s.start);
  // "His response: “…”", "Trump's reply: “…”": the owner of the words.
  const own =
    /^\s*(?:(?:And|But|So)\s+)?((?:His|Her|\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*['’]s)\s+(?:response|reply|answer|message|verdict|advice|reaction|retort|explanation|take|view))\s*:\s*$/u.exec(
      before,
    );
  if (own) {
    const start = unit.start + before.indexOf(own[1]!);
    const noun = tokens[tokens.length - 2] ?? tokens[tokens.length - 1]!;
    return { mention: { parts: [own[1]!], start, end: start + own[1]!.length, role: null }, verb: noun, lemma: 'say', inverted: false, cue: 'colon-own-noun' };
  }
  // "Governance lassitude was on display when Musk again took to Twitter with this: “…”": the
  // subject of the last clause before the colon, when a name or pronoun opens it.
  const clause = tokens.findLastIndex((t) => /^(?:when|as|after|and|but|then|while)$/.test(t.lower));
  const next = tokens[clause + 1];
  if (clause > 0 && next && (/^(?:he|she|they)$/i.test(next.text) || (/^\p{Lu}/u.test(next.text) && !NOT_NAME_START.has(next.lower)))) {
    const subject = findSubjectAtStart(text, tokens, clause + 1);
    const verb = subject ? tokens.find((t) => t.start >= subject.end && !PRE_VERB_ADVERB.test(t.lower)) : undefined;
    if (subject && verb && /^\p{Ll}+(?:ed|s)$|^(?:took|wrote|put|had|gave|went|came|made)$/u.test(verb.text))
      return { mention: subject, verb, lemma: 'say', inverted: false, cue: 'colon-clause-subject' };
  }
  const mention = findSubjectAtStart(text, tokens, 0);
  if (!mention) return null;
  // "Martell, the addictions doctor …, is": keep the appositive as the role.
  const verb = tokens.find((t) => t.start >= mention.end && /^(?:is|was|were|are|had|has|put|puts|summed|sums|wrote|writes)$/.test(t.lower));
  if (!verb) return null;
  return { mention, verb, lemma: 'say', inverted: false, cue: 'colon-subject' };
}

/**
 * "Her message now is simple: don't share or sell prescriptions.", "His advice: save early.": a
 * sentence that names someone's words and gives them after a colon, without quotation marks.
 */
export function ownWordsAfterColon(text: string, unit: Range): { start: number; end: number; mention: Mention; verb: string } | null {
  const sentence = text.slice(unit.start, unit.end);
  const m =
    /^\s*(?:(?:And|But|So)\s+)?((His|Her|Their|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*['’]s?)\s+(?:own\s+)?(?:[\p{Ll}-]+\s+){0,1}(message|advice|response|reply|answer|verdict|view|plea|warning|position))(?:\s+(?:now|then|still|today)?\s*(?:is|was|remains)(?:\s+(?:simple|clear|blunt|short|direct|unchanged))?)?\s*:\s+(\p{L}[^:;]{8,}?)[.!]?\s*$/u.exec(
      sentence,
    );
  if (!m?.[2] || !m[4]) return null;
  const owner = m[2].replace(/['’]s?$/, '');
  const ownerAt = unit.start + sentence.indexOf(m[2]);
  const start = unit.start + m.index + m[0].lastIndexOf(m[4]);
  const parts = [ownerAsSubject(owner)];
  return { start, end: start + m[4].length, mention: { parts, start: ownerAt, end: ownerAt + owner.length, role: null }, verb: m[3]! };
}

/** Nouns for words someone put out: "his personal riffs (“…”)", "the Larry Ellison appraisal of Musk (“…”)". */
const OWN_WORDS_NOUN =
  '(?:riffs?|words|response|reply|answer|message|verdict|advice|reaction|retort|remarks?|comments?|tweets?|posts?|appraisal|assessment|take|motto|slogan|mantra|catchphrase)';

/**
 * A quotation in parentheses right after someone's words named as a noun: "he gets to continue
 * with his personal riffs (“Anxiety is a scalar”)", "I tilt toward the Larry Ellison appraisal of
 * Elon Musk (“This guy is landing rockets”)". The owner is the speaker.
 */
export function ownWordsBefore(text: string, unit: Range, s: QuoteSpan): Attribution | null {
  const before = text.slice(unit.start, s.start);
  const m =
    new RegExp(
      `\\b(his|her|their|its|\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*)*['’]s?)\\s+(?:own\\s+)?(?:[\\p{Ll}-]+\\s+){0,2}${OWN_WORDS_NOUN}\\s*[(,:]\\s*$`,
      'u',
    ).exec(before) ??
    new RegExp(`\\bthe\\s+(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*)+)\\s+${OWN_WORDS_NOUN}(?:\\s+of\\s+[^()“”"]{1,60}?)?\\s*\\(\\s*$`, 'u').exec(
      before,
    );
  if (!m?.[1]) return null;
  const owner = m[1].replace(/['’]s?$/, '');
  const start = unit.start + m.index + m[0].indexOf(m[1]);
  const parts = [ownerAsSubject(owner)];
  const tokens = tokenize(text, unit.start, s.start);
  const noun = tokens[tokens.length - 2] ?? tokens[tokens.length - 1]!;
  // (Inverted only so that no reported clause is read between the noun and the quote.)
  return { mention: { parts, start, end: start + owner.length, role: null }, verb: noun, lemma: 'say', inverted: true, cue: 'own-words-parenthesis' };
}

/**
 * “Are there prizes?” Lincicome asked before …: the splitter ends a sentence at the quote's own
 * question mark, so the attribution opens the next unit.
 */
export function attributionOpening(text: string, next: Range | undefined, spans: readonly QuoteSpan[], s: QuoteSpan, unit: Range): Attribution | null {
  if (!next || s.end < unit.end - 1 || !/[?!]["”]$/.test(text.slice(s.start, s.end))) return null;
  // "…, telling her, “You are an all-star player!” She replied …": a reporting verb of its own
  // sentence introduces the quote; the next sentence is someone's reply.
  const lead = /((?:[\p{L}'’]+\s+){0,3}[\p{L}'’]+)\s*[,:]\s*$/u.exec(text.slice(unit.start, s.start))?.[1] ?? '';
  if (lead.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && REPORTING_VERBS.has(w))) return null;
  if (/^["“]/.test(text.slice(next.start, next.start + 1))) return null;
  const found = findAttributions(
    text,
    next,
    spans.filter((q) => q.start >= next.start && q.start < next.end),
  );
  const first = found[0];
  if (!first || Math.min(first.mention.start, first.verb.start) > next.start + 2) return null;
  // "…?” Michael Every, a senior strategist for Rabobank, said": an appositive may sit between.
  const reach = first.mention.start <= next.start + 2 && /^,[^.;:!?“”"]*,\s*$/.test(text.slice(first.mention.end, first.verb.start)) ? 160 : 40;
  if (first.verb.start > next.start + reach) return null;
  return { ...first, cue: 'next-sentence' };
}

/**
 * "“Please help us help our coach,” they sign off as a group.", "“…,” she shrugged.": a comma inside
 * the closing mark, then a subject and a verb, tags the quote with its speaker whatever the verb.
 */
export function speechTag(text: string, s: QuoteSpan, unit: Range): Attribution | null {
  if (!/,["”]$/.test(text.slice(s.start, s.end)) || s.end >= unit.end) return null;
  const tokens = tokenize(text, s.end, unit.end);
  const [subject, verb] = tokens;
  if (!subject || !verb || !/^\s+$/.test(text.slice(s.end, subject.start))) return null;
  if (!/^(?:he|she|they|we)$/i.test(subject.text) && !(/^\p{Lu}\p{Ll}+$/u.test(subject.text) && !NOT_NAME_START.has(subject.lower))) return null;
  if (!/^\p{Ll}+$/u.test(verb.text)) return null;
  const tags = tagText(text.slice(subject.start, verb.end)).at(-1)?.tags;
  if (!tags?.has('Verb') || tags.has('Auxiliary') || tags.has('Modal')) return null;
  return { mention: { parts: [subject.text], start: subject.start, end: subject.end, role: null }, verb, lemma: 'say', inverted: false, cue: 'speech-tag' };
}

/** The attribution that belongs to quote `s`: right after it, else right before it, else any in the unit. */
export function pickAttribution(text: string, s: QuoteSpan, attributions: readonly Attribution[]): Attribution | null {
  const after = attributions.find((a) => {
    const first = Math.min(a.mention.start, a.verb.start);
    return first >= s.end && /^[\s,—–-]*$/.test(text.slice(s.end, first));
  });
  if (after) return after;
  const befores = [...attributions].reverse().filter((a) => a.verb.end <= s.start && a.mention.end <= s.start);
  // "Freeland said (claimed, argued, …) even though Canada believes the penalty is wrong, “…”": a belief inside what
  // someone said is not the quote's source; the speech verb before it is.
  // "He said RCMP will maintain a presence … “…”": a verb that is often no reporting verb, inside
  // the clause someone said (no comma between), is part of what they said.
  const inner = befores[0];
  const said = befores.find((a) => CLAUSE_SPEECH_VERBS.has(a.lemma));
  if (
    inner &&
    said &&
    said !== inner &&
    (COGNITION.has(inner.lemma) || OFTEN_NOT_SPEECH.has(inner.lemma)) &&
    !/[,.;:!?]/.test(text.slice(said.verb.end, inner.verb.start))
  )
    return said;
  if (befores[0]) return befores[0];
  return attributions.find((a) => a.verb.start >= s.end) ?? null;
}

/** Subordinators that open a clause before the main one ("After Dunn criticized the council, …"), maybe after a short opener ("In 1992, after …"). */
const OPENING_SUBORDINATE =
  /^\s*(?:[^,]{1,30},\s*)?(?:after|when|although|though|even though|while|whereas|because|since|before|once|unlike|until|as soon as)\s+([^,]*)$/i;

/**
 * "After Mayor Dunn criticized the council, Jo Lee shot back, “…”": a verb inside an opening
 * subordinate clause reports nothing past the end of that clause, where the main clause's own
 * subject begins.
 */
export function inOpeningClauseOnly(text: string, unit: Range, a: Attribution, s: QuoteSpan): boolean {
  if (a.verb.start >= s.start || a.verb.start < unit.start || !OPENING_SUBORDINATE.test(text.slice(unit.start, a.verb.start))) return false;
  const rest = text.slice(a.verb.end, s.start);
  const comma = /,\s+(?=\p{Lu}|(?:he|she|they|it|we|i|the|a|an|his|her|their)\b)/u.exec(rest);
  return comma !== null && /\p{L}/u.test(rest.slice(comma.index + comma[0].length));
}
