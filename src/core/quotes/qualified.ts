/**
 * Phrases before a verb whose last words are not its subject. Unnamed sources described by what
 * they know: "a source close to him said", "Sources close to the senator said", "people familiar
 * with the plan say" (the speaker is the whole description, never the person or thing the source
 * is close to); and a name after a preposition of place or occasion: "Clinton on Twitter said".
 */
import { DETERMINERS, isNameToken, isNominalHead, type Mention, PREPOSITIONS, REPORTING_STOP, textOf } from './mentions.ts';
import { MONTH, NOT_NAME_START, ORG_TYPE, PRONOUNS, WEEKDAY } from '../lexicon.ts';
import { lowerAt, textAt, type Token } from '../read/tokens.ts';
import { QUALIFIER_PHRASES } from './roles.ts';

/** What an unnamed source knows or is near, word by word: two or three words before its object. */
const QUALIFIERS: readonly (readonly string[])[] = QUALIFIER_PHRASES.map((p) => p.split(' '));

/** The object of a qualifier, ending at token `i`: a pronoun, or a short phrase with no punctuation or verb of saying. */
function objectFrom(tokens: readonly Token[], from: number, i: number): boolean {
  if (from > i || i - from > 6) return false;
  if (from === i && /^(?:him|her|them|it|us)$/.test(lowerAt(tokens, i))) return true;
  for (let k = from; k <= i; k++)
    if (!/^[\p{L}\p{N}'’.&-]+$/u.test(textAt(tokens, k)) || /^(?:said|says|say|told|and|or|but|that|who|which)$/.test(lowerAt(tokens, k))) return false;
  return true;
}

/** The first token of the noun phrase whose head is at `h` ("a source", "two people", "Sources", "senior aides"). */
function headPhraseStart(tokens: readonly Token[], h: number, floor: number): number {
  let s = h;
  while (s - 1 >= floor && h - s < 3) {
    const t = tokens[s - 1];
    if (!t) break;
    if (DETERMINERS.has(t.lower) || /^(?:one|two|three|four|five|several|some|many|other|more)$/.test(t.lower)) return s - 1;
    if (!/^\p{Ll}[\p{L}-]*$/u.test(t.text) || PREPOSITIONS.has(t.lower) || /^(?:and|or|but|while|as|that|who|which)$/.test(t.lower)) break;
    s--;
  }
  return s;
}

/** The unnamed source ending at token `i` (just before the verb), or null. */
export function qualifiedSubject(source: string, tokens: readonly Token[], i: number, floor: number): Mention | null {
  for (let q = i - 1; q > floor && i - q <= 8; q--) {
    const words = QUALIFIERS.find((w) => w.every((word, k) => lowerAt(tokens, q + k) === word));
    if (!words || !objectFrom(tokens, q + words.length, i)) continue;
    const head = tokens[q - 1];
    if (!head || !/^\p{L}/u.test(head.text) || !isNominalHead(head.lower)) return null;
    const start = headPhraseStart(tokens, q - 1, floor);
    const [first, last] = [tokens[start], tokens[i]];
    return first && last ? { parts: [textOf(source, tokens, start, i)], start: first.start, end: last.end, role: null } : null;
  }
  return null;
}

/** Prepositions of place or occasion, whose object is never the one speaking ("with", "at", "of" and "from" may attach a person to a body: "Kent Moore at the University of Toronto"). */
const PLACE_OR_OCCASION = /^(?:in|on|during|via|through|over|across|inside|outside|near)$/;

const isMark = (t: string) => /^[,;:()—–.!?“”"]$/.test(t);

/** A name that may be a subject: not a number, a quantity, or a plural common noun that opens the sentence ("Voters", "Six"). */
function subjectName(tokens: readonly Token[], k: number): boolean {
  const lower = lowerAt(tokens, k);
  return isNameToken(tokens[k]) && !NOT_NAME_START.has(lower) && !(isNominalHead(lower) && /s$|^people$/.test(lower)) && !QUANTITY.test(lower);
}

const QUANTITY = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|half|most|many|some|few|all|both|several)$/;

/**
 * (Not before a participle: "… answered the question on Facebook writing, …" shares its clause's
 * subject.) "Clinton on Twitter said", "Jeb Bush in a Medium post said", "Obama during a visit to Ottawa
 * said", "Bush in an interview with Fox News said": a phrase of place or occasion between a name and
 * its verb; its object is never the subject. Back to the name before the phrase; or, when a noun
 * with an article comes before it ("The head of operations in Canada said"), the whole description.
 */
export function placeObject(source: string, tokens: readonly Token[], floor: number, i: number): { to: number } | { mention: Mention } | undefined {
  let p = i - 1;
  // (A pronoun is a clause's subject: "… on a list of countries he said had sent …".)
  const plain = (k: number) => !isMark(textAt(tokens, k)) && !REPORTING_STOP.test(lowerAt(tokens, k)) && !PRONOUNS.has(lowerAt(tokens, k));
  if (!plain(i)) return undefined;
  while (p > floor && i - p <= 7 && plain(p) && !PLACE_OR_OCCASION.test(lowerAt(tokens, p))) p--;
  if (p <= floor || i - p > 7 || !PLACE_OR_OCCASION.test(lowerAt(tokens, p))) return undefined;
  let r = i;
  while (r - 1 > p && isNameToken(tokens[r - 1])) r--;
  // ("The Council on American-Islamic Relations", "the House Select Committee on Benghazi": a body's
  // type before the preposition and names after it make one name.)
  const wholeName = ORG_TYPE.test(textAt(tokens, p - 1)) && r === p + 1;
  if (subjectName(tokens, p - 1) && !wholeName) {
    // ("The Billy on the Street star": a name after an article names a show or a body inside a longer phrase.)
    let s = p - 1;
    while (s - 1 > floor && isNameToken(tokens[s - 1])) s--;
    return DETERMINERS.has(lowerAt(tokens, s - 1)) || DETERMINERS.has(lowerAt(tokens, s)) ? undefined : { to: p - 1 };
  }
  // Past a noun or a body: only when the name is the object itself ("… in Canada said"), never a
  // time ("… the Senate in November say": the phrase goes on before it).
  const objectIsName =
    isNameToken(tokens[i]) &&
    (r === p + 1 || (r === p + 2 && lowerAt(tokens, p + 1) === 'the')) &&
    !((MONTH.test(textAt(tokens, i)) || WEEKDAY.test(textAt(tokens, i))) && r === p + 1);
  const head = lowerAt(tokens, p - 1);
  if (!objectIsName || !plain(p - 1) || !(/^\p{Ll}/u.test(textAt(tokens, p - 1)) || wholeName || isNominalHead(head))) return undefined;
  let k = p - 1;
  for (; k > floor && p - k <= 8; k--) {
    const word = lowerAt(tokens, k - 1);
    if (!plain(k - 1)) break;
    if (PLACE_OR_OCCASION.test(word) && subjectName(tokens, k - 2)) return { to: k - 2 };
    if (DETERMINERS.has(lowerAt(tokens, k))) break;
  }
  // ("Staff for the House Select Committee on Benghazi": who speaks for the body heads the phrase.)
  if (/^(?:for|of|at|with|from)$/.test(lowerAt(tokens, k - 1)) && k - 2 >= floor && isNominalHead(lowerAt(tokens, k - 2))) {
    k -= 2;
    if (DETERMINERS.has(lowerAt(tokens, k - 1)) && k - 1 >= floor) k--;
  }
  const [first, last] = [tokens[k], tokens[i]];
  // ("People in Fort Pierce said": a group opening the sentence needs no article.)
  if (!first || !last || !(DETERMINERS.has(first.lower) || isNominalHead(first.lower))) return undefined;
  return { mention: { parts: [textOf(source, tokens, k, i)], start: first.start, end: last.end, role: null } };
}
