/** Buttons: Prev/Next on lists (the message is edited), "More quotes like this" and "Show context". */
import { Composer, type Context } from 'telegraf';
import { findSimilar } from '../../core/answer/answer.ts';
import { shownSpeakers, storyWords } from '../../core/certainty.ts';
import { phraseQuote } from '../../core/answer/wording.ts';
import { decodeAction, tagOf, type ButtonAction } from '../callbacks.ts';
import { clipText } from '../html.ts';
import { renderPage } from '../lists.ts';
import { describeError } from '../log.ts';
import { renderContext, renderSimilar } from '../render.ts';
import { DeliveryDropped, OutboxStopped } from '../outbox.ts';
import { send, type FeatureDeps } from './shared.ts';

/** Carry out a button press; returns a short notice for the user, or null. */
async function handleButton(ctx: Context, action: ButtonAction | null, deps: FeatureDeps): Promise<string | null> {
  if (!action) return 'That button is not one I made.';
  if (ctx.from && deps.flood.take(ctx.from.id) !== 'answer') return 'Slow down a little, please.';
  const { corpus } = deps.view();
  if (action.kind === 'page') {
    const page = renderPage(corpus, action.list, action.page, action.speaker);
    if (!page) return 'That list has changed. Send the command again.';
    await ctx.editMessageText(page.html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(page.keyboard ? { reply_markup: { inline_keyboard: page.keyboard } } : {}),
    });
    return null;
  }
  const q = corpus.quotations[action.quotation];
  if (!q || tagOf(q.id) !== action.tag) return 'That button has expired. Ask again.';
  if (!ctx.chat)
    return clipText(phraseQuote({ quote: q.quote, kind: q.kind, speakers: shownSpeakers(q), attributedTo: storyWords(q), verb: q.verb }).text, 200);
  await send(ctx, action.kind === 'more' ? renderSimilar(q, findSimilar(corpus, q.id, 3)) : renderContext(corpus, q));
  return null;
}

/**
 * The buttons feature.
 *
 * @example
 * bot.use(createButtons(deps));
 */
export function createButtons(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('callback_query', async (ctx) => {
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
    const notice = await handleButton(ctx, decodeAction(data), deps).catch((err: unknown) => {
      if (err instanceof OutboxStopped) throw err;
      if (!(err instanceof DeliveryDropped)) deps.logger.warn(describeError(err), 'button failed');
      return 'Sorry, that did not work. Please ask again.';
    });
    await ctx.answerCbQuery(notice ?? undefined).catch((err: unknown) => {
      if (err instanceof OutboxStopped) throw err;
      deps.logger.debug(describeError(err), 'answerCallbackQuery failed');
    });
  });
  return composer;
}
