/**
 * What the bot's features share: the current corpus view, the flood guard, and how a reply is
 * sent (HTML, no link previews, in groups as a reply to the asking message).
 */
import type { Logger } from 'pino';
import type { Context } from 'telegraf';
import type { Corpus } from '../../core/corpus.ts';
import type { FloodGuard } from '../flood.ts';
import { escapeHtml } from '../html.ts';
import type { Catalog, Reply } from '../render.ts';

/** Per-corpus derived data, rebuilt when a reload swaps the corpus. */
export interface CorpusView {
  readonly corpus: Corpus;
  readonly catalog: Catalog;
  readonly examples: readonly string[];
}

export interface FeatureDeps {
  readonly logger: Logger;
  /** The view of the corpus to answer this update with. */
  readonly view: () => CorpusView;
  readonly flood: FloodGuard;
  readonly floodLimit: number;
}

export const isGroup = (ctx: Context): boolean => ctx.chat !== undefined && ctx.chat.type !== 'private';

/** A command written as "/name@bot": in a group, the only form meant for one bot in particular. */
export const addressedInGroup = (ctx: Context): boolean => {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
  return /^\/\w+@/.test(text);
};

/** Send `reply` to the update's chat. Resolves once delivered (the outbox retries until then). */
export function send(ctx: Context, reply: Reply | string): Promise<unknown> {
  const { html, keyboard } = typeof reply === 'string' ? { html: reply, keyboard: undefined } : reply;
  const replyTo = isGroup(ctx) && ctx.message ? { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } } : {};
  return ctx.reply(html, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...replyTo,
    ...(keyboard && keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}),
  });
}

/** Flood check for one user action; false when the action must not be answered (a notice may go out). */
export async function allowed(ctx: Context, deps: FeatureDeps): Promise<boolean> {
  const verdict = ctx.from ? deps.flood.take(ctx.from.id) : 'answer';
  if (verdict === 'notice') {
    deps.logger.info({ user: ctx.from?.id, limit: deps.floodLimit }, 'flood limit reached');
    await send(ctx, escapeHtml(`You're asking very fast: I answer up to ${deps.floodLimit} questions a minute each. Please wait a moment.`));
  }
  return verdict === 'answer';
}

/** The longest question read, and the longest single word kept (no real word is longer). */
const QUESTION_LIMITS = Object.freeze({ chars: 1_000, word: 48 });

/**
 * Bound what a user sends before it reaches the search: fuzzy matching costs grow steeply with a
 * word's length (a 1,000-letter "word" takes seconds of CPU and would stall every chat).
 *
 * @example
 * boundQuestion('who said ' + 'a'.repeat(5000)); // 'who said ' + 48 × 'a'
 */
export function boundQuestion(text: string): string {
  return text.replace(/[\p{L}\p{N}\p{M}]{49,}/gu, (word) => word.slice(0, QUESTION_LIMITS.word)).slice(0, QUESTION_LIMITS.chars);
}
