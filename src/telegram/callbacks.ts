/**
 * Callback data of the bot's buttons: compact (Telegram allows 64 bytes), and checked on the way
 * back, since a callback can be stale (the corpus changed) or forged (any client can send any data).
 */

/** What a button asks for. */
export type ButtonAction =
  | { readonly kind: 'more' | 'context'; readonly quotation: number; readonly tag: string }
  | { readonly kind: 'page'; readonly list: ListKind; readonly page: number; readonly speaker: number | null };

export type { ListKind } from '../core/answer/commands.ts';
import type { ListKind } from '../core/answer/commands.ts';

const LIST_CODES: Readonly<Record<ListKind, string>> = Object.freeze({ quotes: 'q', speakers: 's', stories: 't' });

/** A short fingerprint of a quotation id, so a button made for another corpus is recognised as stale. */
export function tagOf(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Encode a button's action as callback data (always well under 64 bytes). */
export function encodeAction(action: ButtonAction): string {
  if (action.kind === 'page') return `p:${LIST_CODES[action.list]}:${action.page}:${action.speaker ?? '-'}`;
  return `${action.kind === 'more' ? 'm' : 'c'}:${action.quotation}:${action.tag}`;
}

const NUMBER = /^\d{1,9}$/;

/** Decode callback data; null for anything the bot did not make. */
export function decodeAction(data: string | undefined): ButtonAction | null {
  if (!data || data.length > 64) return null;
  const [code, a, b, c, ...rest] = data.split(':');
  if (rest.length > 0 || a === undefined || b === undefined) return null;
  if ((code === 'm' || code === 'c') && c === undefined && NUMBER.test(a) && /^[0-9a-z]{1,8}$/.test(b)) {
    return { kind: code === 'm' ? 'more' : 'context', quotation: Number(a), tag: b };
  }
  if (code === 'p' && c !== undefined && NUMBER.test(b) && (c === '-' || NUMBER.test(c))) {
    const list = (Object.keys(LIST_CODES) as ListKind[]).find((k) => LIST_CODES[k] === a);
    if (list) return { kind: 'page', list, page: Number(b), speaker: c === '-' ? null : Number(c) };
  }
  return null;
}
