/**
 * Binding for a pronoun that tags the words after them: "Rubio “apologized numerous times on this
 * show,” he said", "Also, Trump isn't a conservative, he said". The words a trailing "he said"
 * reports seldom open on the person who says them: a writer who means the same person writes
 * "Rubio said he apologized" or "he apologized …, Rubio said". When the pronoun resolves to the
 * person the reported words themselves name, the guess is withheld, not stated.
 */
import { hasVerb } from '../nlp.ts';
import type { FoundQuote } from '../quotes/types.ts';
import { splitSentences } from '../read/split.ts';
import { SUBORDINATE_OPENING } from './chains.ts';
import type { Person } from './names.ts';

/** A run of capitalised words whose last one is possessive: "Mr. Trump's", "Murray’s". */
const POSSESSIVE_NAME = /^(?:\p{Lu}[\p{L}.-]*\s+)*\p{Lu}[\p{L}-]*['’]s?(?!\p{L})/u;

/**
 * Do the words a trailing he/she tag reports name the person it was resolved to? The words are the
 * reported clause before the tag ("Trump isn't a conservative, he said"), or a lead of the
 * writer's that a quotation finishes ("Obama “felt a moral obligation …” climate change, he said":
 * a subject and no verb or colon of its own before the quotation marks).
 */
export function wordsNameTheirSpeaker(paragraph: string, q: FoundQuote, person: Person): boolean {
  const mention = q.mention;
  if (!mention || mention.parts.length !== 1 || !/^(?:he|she)$/i.test(mention.parts[0] ?? '') || mention.start < q.end) return false;
  let from = q.start;
  if (q.kind === 'direct') {
    from = splitSentences(paragraph).findLast((u) => u.start <= q.start)?.start ?? 0;
    const lead = paragraph.slice(from, q.start);
    // ("Bush praised his brother's “deep and genuine faith”, he said": the lead is his own act.)
    if (lead.trim() === '' || /[:;—–]/.test(lead) || hasVerb(lead)) return false;
  } else if (q.rule !== 'clause-before') return false;
  // ("Though Ms. Tran has lived uptown all her life, rents have risen, she said": a name in the
  // words' opening subordinate clause is not what they are about.)
  else if (SUBORDINATE_OPENING.test(q.text)) from = Math.max(from, paragraph.indexOf(',', q.start) + 1);
  // (A possessive is not who the words are about: "…, is Mr. Trump's favorite flying toy, he said".)
  const possessive = (o: { offset: number }) => POSSESSIVE_NAME.test(paragraph.slice(o.offset, o.offset + 80));
  return person.occurrences.some((o) => o.paragraph === q.paragraph && o.offset >= from && o.offset < q.end && !o.aside && !possessive(o));
}
