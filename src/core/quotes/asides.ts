/** Asides between a subject and its verb that the subject walker steps over. */
import { lowerAt, textAt, type Token } from '../read/tokens.ts';

const ASIDE =
  /^(?:for (?:his|her|their|its) part|however|meanwhile|though|too|also|in turn|in response|in a statement|in an interview|for example|in contrast|by contrast|at the time|in fact|of course|later|earlier)$/;

/**
 * "Corey Lewandowski, in a statement released by the campaign on Thursday, said", "Clinton, during
 * a town hall meeting in Columbus, Ohio, said": an aside that opens on a preposition of time or
 * place, up to 16 words (a "City, State" inside it), without a relative pronoun, after a subject
 * that opens the sentence. Where the subject ends, or null.
 */
function prepositionalAside(tokens: readonly Token[], floor: number, i: number): number | null {
  for (let k = i - 1; k > floor && i - k <= 16; k--) {
    const t = textAt(tokens, k);
    if (/^[;:.!?()“”"]$/.test(t) || /^(?:which|who|whom|whose|that)$/i.test(t)) return null;
    if (t === ',' && /^(?:in|during|at|on|after|before|from|speaking)$/.test(lowerAt(tokens, k + 1))) return opensSentence(tokens, floor, k) ? k - 1 : null;
  }
  return null;
}

/** Nothing before token `k` but the subject: no comma or clause mark since the floor ("Sandy Phillips, who lost …, in July 2012, said" is no such aside). */
function opensSentence(tokens: readonly Token[], floor: number, k: number): boolean {
  for (let m = k - 1; m >= floor; m--) if (/^[,;:()—–]$/.test(textAt(tokens, m))) return false;
  return true;
}

/**
 * "Reed, for his part, said", "Smith, however, said": an adverbial aside between the subject and
 * the verb; "Democratic economists, like their Republican counterparts, say": a comparison; "The
 * reports, citing unnamed sources close to the matter, said": a participle's aside.
 */
export function skipAside(
  { tokens, floor, progressive }: { readonly tokens: readonly Token[]; readonly floor: number; readonly progressive: boolean },
  i: number,
): number {
  // "Mayor Ruiz — whose husband runs the firm — said": an aside between dashes, whatever it holds.
  if (/^[—–]$/.test(textAt(tokens, i))) {
    let open = i - 1;
    while (open > floor && i - open <= 30 && !/^[—–;:.!?]$/.test(textAt(tokens, open))) open--;
    return /^[—–]$/.test(textAt(tokens, open)) && open > floor ? open - 1 : i;
  }
  if (textAt(tokens, i) !== ',') return i;
  let open = i - 1;
  while (open > floor && i - open <= 5 && textAt(tokens, open) !== ',') open--;
  const aside = tokens
    .slice(open + 1, i)
    .map((t) => t.lower)
    .join(' ');
  const opened = textAt(tokens, open) === ',' && open > floor;
  if (opened && (ASIDE.test(aside) || /^(?:like|unlike|along with|together with|as well as|including|such as)\s/.test(aside))) return open - 1;
  const place = progressive ? null : prepositionalAside(tokens, floor, i);
  if (place !== null) return place;
  let cite = i - 1;
  while (cite > floor && i - cite <= 14 && textAt(tokens, cite) !== ',' && !/^[;:.!?()]$/.test(textAt(tokens, cite))) cite--;
  return textAt(tokens, cite) === ',' && cite > floor && /^(?:citing|quoting|speaking|referring|responding|writing|echoing)$/.test(lowerAt(tokens, cite + 1))
    ? cite - 1
    : i;
}
