import { shownSpeakers, storyWords } from '../core/certainty.ts';
/**
 * The Telegram bot: private chats, groups, inline mode and buttons over the answering core.
 * Everything Telegram-specific stays here; answers come from `ask` and render through `render.ts`.
 */
import type { Logger } from 'pino';
import { Context, Telegraf, type Telegram } from 'telegraf';
import { message } from 'telegraf/filters';
import type { InlineQueryResult, Message, Update, UserFromGetMe } from 'telegraf/types';
import { ask, findSimilar } from '../core/answer.ts';
import type { Corpus } from '../core/corpus.ts';
import { bareQuote } from '../core/format.ts';
import { decodeAction, tagOf, type ButtonAction } from './callbacks.ts';
import { createFloodGuard } from './flood.ts';
import { clipText, escapeHtml } from './html.ts';
import { exampleQuestions, renderHelp, renderPage, renderStart } from './lists.ts';
import { describeError } from './log.ts';
import { createCatalog, renderCard, renderContext, renderResult, renderSimilar, speakersPlain, type Catalog, type Reply } from './render.ts';
import { installRetry, RETRY_DEFAULTS, type RetryOptions } from './retry.ts';

export interface BotOptions {
  readonly token: string;
  readonly apiRoot: string;
  /** The stories, or a getter read per update so a live corpus can change under the bot. */
  readonly corpus: Corpus | (() => Corpus);
  readonly logger: Logger;
  /** Questions per user per minute; 0 turns the limit off. */
  readonly floodLimit: number;
  /** Preset bot identity (skips getMe), as tests and `runBot` do. */
  readonly botInfo?: UserFromGetMe;
  readonly retry?: RetryOptions;
}

export interface WhosaidBot {
  readonly bot: Telegraf;
  /** Wait until the updates being handled are done, or `ms` pass; true when all finished. */
  drain(ms: number): Promise<boolean>;
}

/** The commands shown in Telegram's menu, per chat kind. */
export const BOT_COMMANDS = Object.freeze({
  private: [
    { command: 'who', description: 'Who said …? Ask about any words' },
    { command: 'quotes', description: 'List quotations (optionally of one person)' },
    { command: 'speakers', description: 'Who is quoted, with roles' },
    { command: 'stories', description: 'The stories I know' },
    { command: 'help', description: 'What I understand' },
  ],
  group: [
    { command: 'who', description: 'Who said …? Ask about any words' },
    { command: 'speakers', description: 'Who is quoted, with roles' },
    { command: 'stories', description: 'The stories I know' },
    { command: 'help', description: 'What I understand' },
  ],
});

/** Updates the bot asks Telegram for; edits, reactions and the rest never arrive. */
export const ALLOWED_UPDATES = Object.freeze(['message', 'inline_query', 'callback_query'] as const);

/** Inline answers are cached briefly, so a reloaded corpus shows up soon. */
const INLINE_CACHE_SECONDS = 10;

const isGroup = (ctx: Context) => ctx.chat !== undefined && ctx.chat.type !== 'private';

/** The text of a message with mentions of the bot removed, or null when the bot is not mentioned. */
export function stripMention(msg: Message.TextMessage, username: string): string | null {
  const handle = `@${username}`.toLowerCase();
  const mentions = (msg.entities ?? []).filter((e) => e.type === 'mention' && msg.text.slice(e.offset, e.offset + e.length).toLowerCase() === handle);
  if (mentions.length === 0) return null;
  let text = msg.text;
  for (const e of [...mentions].sort((a, b) => b.offset - a.offset)) text = `${text.slice(0, e.offset)} ${text.slice(e.offset + e.length)}`;
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Build the bot over a corpus. Call `bot.launch()` for polling, or feed `bot.handleUpdate()`.
 *
 * @example
 * const { bot } = createBot({ token, apiRoot, corpus, logger, floodLimit: 20, botInfo });
 * await bot.handleUpdate(update);
 */
export function createBot(options: BotOptions): WhosaidBot {
  const { logger } = options;
  const getCorpus = typeof options.corpus === 'function' ? options.corpus : ((c: Corpus) => () => c)(options.corpus);
  // Per-corpus derived data, rebuilt when a reload swaps the corpus.
  let view: { corpus: Corpus; catalog: Catalog; examples: readonly string[] } | null = null;
  const current = () => {
    const corpus = getCorpus();
    if (view?.corpus !== corpus) view = { corpus, catalog: createCatalog(corpus), examples: exampleQuestions(corpus) };
    return view;
  };
  const retry: RetryOptions = {
    ...(options.retry ?? RETRY_DEFAULTS),
    onRetry: (info) => logger.warn(info, 'Bot API call failed; retrying'),
  };
  class RetryingContext extends Context {
    constructor(update: Update, telegram: Telegram, botInfo: UserFromGetMe) {
      super(update, installRetry(telegram, retry), botInfo);
    }
  }
  const bot = new Telegraf(options.token, { contextType: RetryingContext, telegram: { apiRoot: options.apiRoot, webhookReply: false } });
  installRetry(bot.telegram, retry);
  if (options.botInfo) bot.botInfo = options.botInfo;
  const flood = createFloodGuard({ limit: options.floodLimit });
  const inFlight = new Set<Promise<unknown>>();

  const send = (ctx: Context, reply: Reply | string) => {
    const { html, keyboard } = typeof reply === 'string' ? { html: reply, keyboard: undefined } : reply;
    const replyTo = isGroup(ctx) && ctx.message ? { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } } : {};
    return ctx.reply(html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...replyTo,
      ...(keyboard && keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}),
    });
  };

  /** Flood check for one user action; false when the action must not be answered. */
  const allowed = async (ctx: Context): Promise<boolean> => {
    const verdict = ctx.from ? flood.take(ctx.from.id) : 'answer';
    if (verdict === 'notice') {
      logger.info({ user: ctx.from?.id, limit: options.floodLimit }, 'flood limit reached');
      await send(ctx, escapeHtml(`You're asking very fast: I answer up to ${options.floodLimit} questions a minute each. Please wait a moment.`));
    }
    return verdict === 'answer';
  };

  const answerQuestion = async (ctx: Context, question: string) => {
    if (!(await allowed(ctx))) return;
    const q = question.trim();
    if (q === '') {
      await send(ctx, escapeHtml('Ask me about some words, for example: /who <words>, or "what did <name> say?"'));
      return;
    }
    const started = performance.now();
    const result = ask(current().corpus, q);
    logger.debug({ chat: ctx.chat?.id, found: result.found, ms: Math.round(performance.now() - started) }, 'answered');
    await send(ctx, renderResult(current().catalog, result));
  };

  const addressedInGroup = (ctx: Context) => {
    const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
    return /^\/\w+@/.test(text);
  };

  bot.use(async (_ctx, next) => {
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });

  bot.start(async (ctx) => {
    if (isGroup(ctx) && !addressedInGroup(ctx)) return;
    const payload = ctx.payload.replace(/[_-]+/g, ' ').trim();
    if (payload !== '' && payload.toLowerCase() !== 'help') return answerQuestion(ctx, payload);
    if (await allowed(ctx)) await send(ctx, renderStart(current().corpus, current().examples));
  });
  bot.help(async (ctx) => {
    if (await allowed(ctx)) await send(ctx, renderHelp(ctx.me));
  });
  bot.command('who', (ctx) => answerQuestion(ctx, ctx.payload));
  bot.command(['speakers', 'stories', 'quotes'], async (ctx) => {
    if (ctx.command === 'quotes' && isGroup(ctx) && !addressedInGroup(ctx)) return;
    if (!(await allowed(ctx))) return;
    const list = ctx.command === 'quotes' ? 'quotes' : ctx.command === 'speakers' ? 'speakers' : 'stories';
    const name = list === 'quotes' ? ctx.payload.trim() : '';
    if (name === '') return void (await send(ctx, renderPage(current().corpus, list, 0) ?? ''));
    const who = current().corpus.search.findSpeakers(name, 1)[0];
    const index = who && who.score >= 0.55 ? current().corpus.speakers.findIndex((s) => s.name === who.name) : -1;
    const page = index >= 0 ? renderPage(current().corpus, 'quotes', 0, index) : null;
    await send(ctx, page ?? escapeHtml(`No one called "${clipText(name, 80)}" is quoted. Try /speakers.`));
  });

  bot.on(message('text'), async (ctx) => {
    const msg = ctx.message;
    const isCommand = msg.entities?.[0]?.type === 'bot_command' && msg.entities[0].offset === 0;
    if (!isGroup(ctx)) {
      if (isCommand) return void (await send(ctx, escapeHtml("I don't know that command. Try /help.")));
      return answerQuestion(ctx, stripMention(msg, ctx.me) ?? msg.text);
    }
    if (isCommand) return; // another bot's command, or one of ours addressed elsewhere
    const mentioned = stripMention(msg, ctx.me);
    if (mentioned !== null) return answerQuestion(ctx, mentioned);
    if (msg.reply_to_message?.from?.id === ctx.botInfo.id) return answerQuestion(ctx, msg.text);
  });

  bot.on('message', async (ctx) => {
    // Stickers, photos, voice and the like: politely in private, silently in groups.
    if (isGroup(ctx) || !('from' in ctx.message)) return;
    if (await allowed(ctx)) await send(ctx, escapeHtml('I only read text. Ask "who said …?" in words, or try /help.'));
  });

  bot.on('inline_query', async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    const answers = query === '' ? [] : ask(current().corpus, query, { limit: 10 }).answers;
    const results: InlineQueryResult[] = answers.flatMap((a) => {
      const index = current().catalog.indexOf.get(a.quotationId);
      if (index === undefined) return [];
      return [
        {
          type: 'article' as const,
          id: String(index),
          title: clipText(speakersPlain(a.speakers, a.attributedTo), 100),
          description: clipText(bareQuote(a.quote), 200),
          input_message_content: { message_text: renderCard(a), parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } },
        },
      ];
    });
    await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS });
  });

  bot.on('callback_query', async (ctx) => {
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
    const notice = await handleButton(ctx, decodeAction(data)).catch((err: unknown) => {
      logger.warn(describeError(err), 'button failed');
      return 'Sorry, that did not work. Please ask again.';
    });
    await ctx.answerCbQuery(notice ?? undefined).catch((err: unknown) => logger.debug(describeError(err), 'answerCallbackQuery failed'));
  });

  /** Carry out a button press; returns a short notice for the user, or null. */
  async function handleButton(ctx: Context, action: ButtonAction | null): Promise<string | null> {
    if (!action) return 'That button is not one I made.';
    if (ctx.from && flood.take(ctx.from.id) !== 'answer') return 'Slow down a little, please.';
    if (action.kind === 'page') {
      const page = renderPage(current().corpus, action.list, action.page, action.speaker);
      if (!page) return 'That list has changed. Send the command again.';
      await ctx.editMessageText(page.html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(page.keyboard ? { reply_markup: { inline_keyboard: page.keyboard } } : {}),
      });
      return null;
    }
    const q = current().corpus.quotations[action.quotation];
    if (!q || tagOf(q.id) !== action.tag) return 'That button has expired. Ask again.';
    if (!ctx.chat) return clipText(`${speakersPlain(shownSpeakers(q), storyWords(q))}: ${bareQuote(q.quote)}`, 200);
    await send(ctx, action.kind === 'more' ? renderSimilar(q, findSimilar(current().corpus, q.id, 3)) : renderContext(current().corpus, q));
    return null;
  }

  bot.catch((err, ctx) => {
    logger.error({ ...describeError(err), update: ctx.update.update_id }, 'update failed');
  });

  return {
    bot,
    async drain(ms) {
      if (inFlight.size === 0) return true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
      const done = Promise.allSettled([...inFlight]).then(() => true);
      const finished = await Promise.race([done, timeout]);
      clearTimeout(timer);
      return finished;
    },
  };
}
