/**
 * Subjects joined by "and": several speakers ("Zelenskiy and his Security Council chief said"), or
 * one name or group that holds the "and" ("the Securities and Exchange Commission", "Local and
 * federal officials").
 */
import { PRONOUNS, TITLE_WORDS } from '../lexicon.ts';
import { genderOfFirstName } from '../nlp.ts';
import { lowerAt, textAt, type Token } from '../read/tokens.ts';
import { ORG_TYPE } from '../speakers/orgs.ts';
import { isNameToken, isNominalHead, PAST_VERB, type Phrase, phraseEndingAt, REPORTING_STOP, textOf } from './mentions.ts';

/**
 * "the Institute for Science and International Security", "the Department of Health and Human
 * Services": "and" between capitalised words after "of" or "for" is inside one name, unless a
 * person's first name follows it ("Tom Reyes of Ohio and Mary Jones").
 */
function andInsideName(tokens: readonly Token[], first: Phrase, phrase: Phrase): boolean {
  const after = tokens.slice(phrase.from, phrase.to + 1);
  const lead = after[0]?.text ?? '';
  if (!after.every((t) => isNameToken(t)) || genderOfFirstName(lead) !== null || TITLE_WORDS.has(lead.toLowerCase())) return false;
  for (let i = phrase.from - 2; i > first.from; i--) {
    const t = lowerAt(tokens, i);
    // (An organisation's type before it: "Strategists for Barack Obama and Clinton" are no body.)
    if (t === 'of' || t === 'for')
      return ORG_TYPE.test(
        tokens
          .slice(first.from, i)
          .map((x) => x.text)
          .join(' '),
      );
    if (!isNameToken(tokens[i])) return false;
  }
  return false;
}

/** "Anthony Cordesman of the Center for …": where the person before "of (the)" starts, if one does. */
function personBeforeOf(tokens: readonly Token[], from: number, floor: number): number | null {
  const of = lowerAt(tokens, from - 1) === 'the' ? from - 2 : from - 1;
  if (!/^(?:of|at|from)$/.test(lowerAt(tokens, of))) return null;
  const person = phraseEndingAt(tokens, of - 1, floor);
  return person && isNameToken(tokens[person.from]) && genderOfFirstName(textAt(tokens, person.from)) !== null ? person.from : null;
}

/**
 * "President Volodymyr Zelenskiy and his Security Council chief said": several speakers. Returns
 * the first conjunct's start and the parts, or null when "and" joins nothing here.
 */
export function coordinated(
  { source, tokens, floor }: { readonly source: string; readonly tokens: readonly Token[]; readonly floor: number },
  phrase: Phrase,
): { readonly from: number; readonly parts: string[] } | null {
  if (lowerAt(tokens, phrase.from - 1) !== 'and') return null;
  const whole = (from: number) => ({ from, parts: [textOf(source, tokens, from, phrase.to)] });
  const first = phraseEndingAt(tokens, phrase.from - 2, floor);
  if (!first) return twoModifiers(source, tokens, floor, phrase);
  // "The Securities and Exchange Commission said": one body whose name holds "and".
  const oneName =
    ORG_TYPE.test(textAt(tokens, phrase.to)) &&
    isNameToken(tokens[phrase.from]) &&
    !ORG_TYPE.test(textOf(source, tokens, first.from, first.to)) &&
    tokens.slice(first.from, first.to + 1).every((t) => isNameToken(t) || t.lower === 'the');
  if (oneName) return whole(first.from);
  if (andInsideName(tokens, first, phrase)) return whole(personBeforeOf(tokens, first.from, floor) ?? first.from);
  // "Local and federal officials said": one group with two modifiers.
  if (
    first.from === first.to &&
    first.from === floor &&
    !isNominalHead(lowerAt(tokens, first.from)) &&
    /^\p{Ll}/u.test(textAt(tokens, phrase.from)) &&
    !isNominalHead(lowerAt(tokens, phrase.from))
  )
    return whole(first.from);
  if (PRONOUNS.has(lowerAt(tokens, first.from))) return null;
  return { from: first.from, parts: [textOf(source, tokens, first.from, first.to), textOf(source, tokens, phrase.from, phrase.to)] };
}

/** "Public health and environmental researchers say": two modifiers of one head, when they open the sentence. */
function twoModifiers(source: string, tokens: readonly Token[], floor: number, phrase: Phrase): { readonly from: number; readonly parts: string[] } | null {
  if (!/^\p{Ll}/u.test(textAt(tokens, phrase.from))) return null;
  let from = phrase.from - 1;
  while (
    from - 1 >= floor &&
    phrase.from - from <= 3 &&
    /^[\p{L}-]+$/u.test(textAt(tokens, from - 1)) &&
    !PRONOUNS.has(lowerAt(tokens, from - 1)) &&
    !REPORTING_STOP.test(lowerAt(tokens, from - 1)) &&
    !PAST_VERB.test(lowerAt(tokens, from - 1))
  )
    from--;
  if (from >= phrase.from - 1 || (from !== floor && !/^[,;:(—–]$/.test(textAt(tokens, from - 1)))) return null;
  return { from, parts: [textOf(source, tokens, from, phrase.to)] };
}
