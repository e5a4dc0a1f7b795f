/**
 * Understanding a question: separate the framing ("who said", "whoo sed", "did X say") from the
 * words to look for, and pick out a person's name when the question is about someone.
 */
import { editDistance } from '../search/normalize.ts';
import type { QuestionIntent } from '../types.ts';

export interface ParsedQuestion {
  readonly intent: QuestionIntent;
  /** Words to look for in quotations (may be empty for "what did X say?"). */
  readonly words: readonly string[];
  /** A person the question names, as typed. */
  readonly name: string | null;
  /** For did-say: the words the reader asks about, as typed (enclosing quotation marks and a leading "that" removed). */
  readonly claim?: string;
}

/** "did Umerov really say …": words between the name and the verb that are no part of the name. */
const NAME_ADVERB = /\s+(?:really|actually|ever|truly|in fact|once|indeed|also)$/i;

/** Framing before a claim's words; unlike FILLER, "this" and "about" may be the claim's own first word. */
const CLAIM_FILLER = /^(?:that|the words?|the phrase|something like|the quote|quote|as saying|saying)\s+/i;

/** The claim of a did-say question: filler, enclosing quotation marks and end punctuation off. */
function claimOf(rest: string): string {
  return rest
    .trim()
    .replace(CLAIM_FILLER, '')
    .replace(/[?!.\s]+$/, '')
    .replace(/^["“”'‘’«„]+|["“”'‘’»]+$/g, '')
    .replace(/[?!\s]+$/, '')
    .trim();
}

function didSay(name: string, rest: string): ParsedQuestion {
  return { intent: 'did-say', name: name.trim().replace(NAME_ADVERB, '').trim(), words: splitWords(stripFiller(rest)), claim: claimOf(rest) };
}

const FRAMING_VERBS = [
  'said',
  'say',
  'says',
  'saying',
  'mentioned',
  'mention',
  'talked',
  'talk',
  'spoke',
  'speak',
  'warned',
  'claimed',
  'told',
  'stated',
  'argued',
  'wrote',
  'noted',
  'added',
  'promised',
  'announced',
  'quoted',
  'insisted',
  'explained',
  'suggested',
  'admitted',
  'tweeted',
  'declared',
  'stressed',
  'predicted',
  'asked',
  'called',
  'described',
  'referred',
];

/** Words that only frame the question and never belong to the search. */
const FILLER =
  /^(?:about|that|this|the words?|the phrase|something like|things? like|anything about|the quote|quote|quoted|as|saying|stuff about|of|on|regarding)\s+/i;

function isFramingVerb(word: string): boolean {
  const w = word.toLowerCase();
  if (/^(?:sed|sez|sayed|sayd|siad|sayz|sais|sya|said\w*)$/.test(w)) return true;
  return FRAMING_VERBS.some((v) => v === w || (w.length >= 3 && editDistance(w, v, 1) <= 1 && w[0] === v[0]));
}

function isWho(word: string): boolean {
  const w = word.toLowerCase();
  return w === 'who' || w === "who's" || w === 'whos' || w === 'whom' || (w.length <= 4 && /^(?:w?h?o+|hu|wh0|woh|hwo)$/.test(w));
}

function stripFiller(rest: string): string {
  let r = rest.trim();
  for (let i = 0; i < 3; i++) {
    const next = r.replace(FILLER, '');
    if (next === r) break;
    r = next;
  }
  return r;
}

/** Longer question words are ignored: no English word is longer, and typo matching grows with length. */
export const MAX_WORD_LENGTH = 40;

function splitWords(text: string): string[] {
  return (
    text
      // "well-being" is indexed as "well" and "being"
      .replace(/[“”"«»„?!¿¡]|(?<=\p{L})[-‐–](?=\p{L})/gu, ' ')
      .split(/\s+/)
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      // A "word" longer than any in a dictionary is noise, and its typo variants cost seconds.
      .filter((w) => w !== '' && w.length <= MAX_WORD_LENGTH)
  );
}

/**
 * Parse a reader's question.
 *
 * @example
 * parseQuestion('whoo sed 1,200?'); // { intent: 'who-said', words: ['1,200'], name: null }
 * parseQuestion('what did zelensky say about talks'); // { intent: 'what-did', name: 'zelensky', words: ['talks'] }
 */
export function parseQuestion(input: string): ParsedQuestion {
  const q = input
    .replace(/\s+/g, ' ')
    .replace(/^[\s/]*(?:who\b(?:@\w+)?\s+)?/i, (m) => (m.trim().startsWith('/') ? '' : m))
    .trim();
  let m = /^(?:who\s+is|who's|whos|who\s+was|who\s+are|tell me about)\s+(?!quoted\b|the one\b|saying\b)(.+?)[?.!]*$/i.exec(q);
  if (m?.[1] && !/\b(?:said|say|says)\b/i.test(m[1])) {
    return { intent: 'who-is', words: [], name: m[1].trim() };
  }
  m =
    /^(?:what|wat|wht)\s+(?:did|does|has|have|do|had)\s+(.+?)\s+(?:say|said|says|tell|told|think|claim|mention|write|wrote|talk|speak)(?:\s+(?:about|on|regarding|of|re)\s+(.+?))?[?.!]*$/i.exec(
      q,
    );
  if (m?.[1]) {
    return { intent: 'what-did', name: m[1].trim(), words: splitWords(m[2] ?? '') };
  }
  m = /^(?:quotes?|everything|all)\s+(?:from|by)\s+(.+?)(?:\s+(?:about|on)\s+(.+?))?[?.!]*$/i.exec(q);
  if (m?.[1]) {
    return { intent: 'what-did', name: m[1].trim(), words: splitWords(m[2] ?? '') };
  }
  m =
    /^(?:did|does|has|had)\s+(?!any(?:one|body)\b|some(?:one|body)\b)(.+?)\s+(say|said|mention|mentioned|claim|claimed|tell|talk about|speak about|warn|warned|promise|promised|call|write)\s+(.+?)[?.!]*$/i.exec(
      q,
    );
  if (m?.[1] && m[3]) return didSay(m[1], m[3]);
  // "is it true that Umerov said …", "is it true Umerov said …"
  m =
    /^(?:is\s+it\s+(?:true|correct|right)|(?:is\s+it\s+)?true)\s+(?:that\s+)?(?!any(?:one|body)\b|some(?:one|body)\b)(.+?)\s+(?:said|says|say|told|wrote|claimed|stated)\s+(.+?)[?.!]*$/i.exec(
      q,
    );
  if (m?.[1] && m[2]) return didSay(m[1], m[2]);
  const words = splitWords(q);
  let k = 0;
  // "did anyone say", "has anybody mentioned", "anyone say"
  if (/^(?:did|does|has|have|had)$/i.test(words[k] ?? '')) k++;
  if (/^(?:any|some)(?:one|body)$/i.test(words[k] ?? '') || /^(?:which|what)$/i.test(words[k] ?? '')) {
    k++;
    if (/^(?:person|official|one|people)$/i.test(words[k] ?? '')) k++;
    if (isFramingVerb(words[k] ?? '')) k++;
    else k = 0;
  } else if (isWho(words[0] ?? '')) {
    k = 1;
    // "who was it that said", "who is quoted saying", "who is the one who said"
    while (
      k < words.length &&
      k < 5 &&
      /^(?:was|is|it|that|the|one|has|had|have|did|actually|really|first|quoted|as|person|exactly)$/i.test(words[k]!) &&
      !isFramingVerb(words[k]!)
    )
      k++;
    if (isFramingVerb(words[k] ?? '')) {
      k++;
      if (/^(?:about|of|on)$/i.test(words[k] ?? '')) k++;
    } else k = 0;
  } else k = 0;
  let rest = words.slice(k);
  while (rest.length > 1 && /^(?:that|about|the|quote|phrase|words?|saying|this)$/i.test(rest[0]!)) rest = rest.slice(1);
  return { intent: 'who-said', words: rest, name: null };
}
