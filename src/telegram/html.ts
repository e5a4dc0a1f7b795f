/**
 * Telegram HTML parse mode: escaping, highlighting and the 4096-character limit. Every piece of
 * user or corpus text passes through `escapeHtml` (or `highlightHtml`) before it reaches a reply.
 */
import { tokensOf } from '../core/search/normalize.ts';

/** Telegram's limit on a message's text, counted in UTF-16 code units after entity parsing. */
export const MESSAGE_LIMIT = 4096;

const ESCAPES: Readonly<Record<string, string>> = Object.freeze({ '&': '&amp;', '<': '&lt;', '>': '&gt;' });

/** Escape text for Telegram's HTML parse mode (text content only: no text goes into attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Shorten `text` to at most `max` UTF-16 units, ending with "…" when cut; never splits a
 * surrogate pair.
 *
 * @example
 * clipText('negotiations', 6); // 'negot…'
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** A word or a grouped number ("1,200"), as the search tokenizer would see it. */
const WORD = /\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?!\d)|[\p{L}\p{N}]+(?:['’‘`][\p{L}\p{N}]+)*/gu;

/**
 * Escape `text` and wrap the words whose folded form is in `matched` in `<b>`.
 *
 * @example
 * highlightHtml('release of 1,200 <people>', ['1200']); // 'release of <b>1,200</b> &lt;people&gt;'
 */
export function highlightHtml(text: string, matched: readonly string[]): string {
  if (matched.length === 0) return escapeHtml(text);
  const wanted = new Set(matched);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const word = m[0];
    if (!wanted.has(tokensOf(word).join(''))) continue;
    out += `${escapeHtml(text.slice(last, start))}<b>${escapeHtml(word)}</b>`;
    last = start + word.length;
  }
  return out + escapeHtml(text.slice(last));
}

/** Text of an HTML message as Telegram counts it: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#\d+|#x[\da-f]+);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'amp') return '&';
    if (lower === 'quot') return '"';
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/**
 * Make sure an HTML message fits Telegram's limit. Renderers clip their parts so this rarely
 * bites; when it does, the formatting goes and the plain text is clipped, so the reply stays valid.
 */
export function fitHtml(html: string, max = MESSAGE_LIMIT): string {
  const plain = visibleText(html);
  if (plain.length <= max) return html;
  return escapeHtml(clipText(plain, max));
}
