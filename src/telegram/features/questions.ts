/**
 * Questions: /who, plain text in private chats, and in groups a mention of the bot or a reply to
 * it. Anything else that is not text gets a polite word in private and silence in groups.
 */
import { Composer, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Message } from 'telegraf/types';
import { ask } from '../../core/answer/answer.ts';
import { escapeHtml } from '../html.ts';
import { renderResult } from '../render.ts';
import { allowed, boundQuestion, isGroup, send, type FeatureDeps } from './shared.ts';

/** The text of a message with mentions of the bot removed, or null when the bot is not mentioned. */
export function stripMention(msg: Message.TextMessage, username: string): string | null {
  const handle = `@${username}`.toLowerCase();
  const mentions = (msg.entities ?? []).filter((e) => e.type === 'mention' && msg.text.slice(e.offset, e.offset + e.length).toLowerCase() === handle);
  if (mentions.length === 0) return null;
  let text = msg.text;
  for (const e of [...mentions].sort((a, b) => b.offset - a.offset)) text = `${text.slice(0, e.offset)} ${text.slice(e.offset + e.length)}`;
  return text.replace(/\s+/g, ' ').trim();
}

/** Answer one question in the update's chat (flood limit first). */
export async function answerQuestion(ctx: Context, question: string, deps: FeatureDeps): Promise<void> {
  if (!(await allowed(ctx, deps))) return;
  const q = boundQuestion(question).trim();
  if (q === '') {
    await send(ctx, escapeHtml('Ask me about some words, for example: /who <words>, or "what did <name> say?"'));
    return;
  }
  const started = performance.now();
  const { corpus, catalog } = deps.view();
  const result = ask(corpus, q);
  deps.logger.debug({ chat: ctx.chat?.id, found: result.found, ms: Math.round(performance.now() - started) }, 'answered');
  await send(ctx, renderResult(catalog, result));
}

async function onText(ctx: Context & { message: Message.TextMessage }, deps: FeatureDeps): Promise<void> {
  const msg = ctx.message;
  const isCommand = msg.entities?.[0]?.type === 'bot_command' && msg.entities[0].offset === 0;
  if (!isGroup(ctx)) {
    if (isCommand) return void (await send(ctx, escapeHtml("I don't know that command. Try /help.")));
    return answerQuestion(ctx, stripMention(msg, ctx.me) ?? msg.text, deps);
  }
  if (isCommand) return; // another bot's command, or one of ours addressed elsewhere
  const mentioned = stripMention(msg, ctx.me);
  if (mentioned !== null) return answerQuestion(ctx, mentioned, deps);
  if (msg.reply_to_message?.from?.id === ctx.botInfo.id) return answerQuestion(ctx, msg.text, deps);
}

/**
 * The questions feature.
 *
 * @example
 * bot.use(createQuestions(deps));
 */
export function createQuestions(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('who', (ctx) => answerQuestion(ctx, ctx.payload, deps));
  composer.on(message('text'), (ctx) => onText(ctx, deps));
  composer.on('message', async (ctx) => {
    // Stickers, photos, voice and the like: politely in private, silently in groups.
    if (isGroup(ctx) || !('from' in ctx.message)) return;
    if (await allowed(ctx, deps)) await send(ctx, escapeHtml('I only read text. Ask "who said …?" in words, or try /help.'));
  });
  return composer;
}
