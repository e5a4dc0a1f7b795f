/**
 * Access control: with ALLOWED_CHAT_IDS set, only those chats and users are answered; anyone else
 * gets one polite refusal (flood-limited like any answer), and groups hear nothing unless they
 * address the bot.
 */
import { Composer, type Context } from 'telegraf';
import { escapeHtml } from '../html.ts';
import { allowed, isGroup, send, type FeatureDeps } from './shared.ts';

export const REFUSAL = 'Sorry, this bot only answers the chats it was set up for.';

/** True when `ctx` comes from an allowed chat or user. */
export function isPermitted(ctx: Context, ids: ReadonlySet<number>): boolean {
  return (ctx.chat !== undefined && ids.has(ctx.chat.id)) || (ctx.from !== undefined && ids.has(ctx.from.id));
}

/** A group message meant for this bot: a command, a mention, or a reply to it. */
function addressesBot(ctx: Context): boolean {
  const msg = ctx.message;
  if (!msg) return false;
  const text = 'text' in msg ? msg.text : '';
  const mine = text.toLowerCase().includes(`@${ctx.me.toLowerCase()}`);
  return mine || /^\/who\b/.test(text) || ('reply_to_message' in msg && msg.reply_to_message?.from?.id === ctx.botInfo.id);
}

/**
 * The access gate; lets everything through when `ids` is null.
 *
 * @example
 * bot.use(createAccess(deps, new Set([42, -1001234])));
 */
export function createAccess(deps: FeatureDeps, ids: ReadonlySet<number> | null): Composer<Context> {
  const composer = new Composer<Context>();
  composer.use(async (ctx, next) => {
    if (!ids || isPermitted(ctx, ids)) return next();
    deps.logger.info({ chat: ctx.chat?.id, user: ctx.from?.id }, 'refused: not an allowed chat');
    if (ctx.inlineQuery) return void (await ctx.answerInlineQuery([], { cache_time: 300, is_personal: true }));
    if (ctx.callbackQuery) return void (await ctx.answerCbQuery(REFUSAL));
    if (!ctx.message || (isGroup(ctx) && !addressesBot(ctx))) return;
    if (await allowed(ctx, deps)) await send(ctx, escapeHtml(REFUSAL));
  });
  return composer;
}
