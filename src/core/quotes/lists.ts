/**
 * "Ruiz also said:" followed by a list: each item is Ruiz's words. Loaders give every list item its
 * own paragraph opening on a marker ("• ", "- ", "1. "), so the rule sees the list in page text,
 * markdown and saved HTML alike.
 */
import { LIST_ITEM } from '../read/furniture.ts';
import { wordCount } from '../read/split.ts';
import { findIntro } from './find.ts';
import type { FoundQuote } from './types.ts';

/** Length of the list marker opening a paragraph, 0 when it is no list item. */
export function listMarkerLength(text: string): number {
  return LIST_ITEM.exec(text)?.[0].length ?? 0;
}

/**
 * The paragraph that may introduce paragraph `p` with "X said:": the one just before it, or, for an
 * item of a list, the one before the whole list. Null when that paragraph does not end in a colon.
 */
export function introParagraph(paragraphs: readonly string[], p: number): number | null {
  let k = p - 1;
  if (listMarkerLength(paragraphs[p] ?? '') > 0) while (k >= 0 && listMarkerLength(paragraphs[k] ?? '') > 0) k--;
  return k >= 0 && /:\s*$/.test(paragraphs[k] ?? '') ? k : null;
}

/** An item shorter than this ("Taxes.") is a heading of the list, not a report of what was said. */
const MIN_ITEM_WORDS = 3;

/**
 * The item of a list that "X said:" introduces, as a quotation with no speaker of its own (extract.ts
 * gives it the intro's, resolver `intro`). It is reported speech, the story's summary of what was
 * said, unless the item is itself in quotation marks: then the paragraph rules find it as a direct
 * quotation and this returns null.
 *
 * @example
 * listItemQuote(['Ruiz also said:', '• The bridge will reopen in May.'], 1)?.text; // 'The bridge will reopen in May.'
 */
export function listItemQuote(paragraphs: readonly string[], p: number): FoundQuote | null {
  const text = paragraphs[p] ?? '';
  const start = listMarkerLength(text);
  if (start === 0) return null;
  const k = introParagraph(paragraphs, p);
  const intro = k === null ? null : findIntro(paragraphs[k] ?? '');
  if (!intro) return null;
  const body = text.slice(start).replace(/[\s;,]+$/u, '');
  if (wordCount(body) < MIN_ITEM_WORDS || /^["“‘']/u.test(body)) return null;
  return {
    paragraph: p,
    start,
    end: start + body.length,
    text: body,
    kind: 'indirect',
    mention: null,
    verb: intro.verb.text,
    said: null,
    unit: 0,
    opensSentence: true,
    rule: 'said-list-item',
    cue: 'none',
  };
}
