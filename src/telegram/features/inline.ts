/** Inline mode: "@bot words" in any chat offers up to ten quote cards to send. */
import { Composer, type Context } from 'telegraf';
import type { InlineQueryResult } from 'telegraf/types';
import { ask } from '../../core/answer.ts';
import { phraseQuote } from '../../core/wording.ts';
import { clipText } from '../html.ts';
import { renderCard, speakersPlain } from '../render.ts';
import { boundQuestion, type CorpusView, type FeatureDeps } from './shared.ts';

/** Inline answers are cached briefly, so a reloaded corpus shows up soon. */
const INLINE_CACHE_SECONDS = 10;

/** The quote cards for an inline query. */
export function inlineResults(view: CorpusView, query: string): InlineQueryResult[] {
  const q = boundQuestion(query).trim();
  const answers = q === '' ? [] : ask(view.corpus, q, { limit: 10 }).answers;
  return answers.flatMap((a) => {
    const index = view.catalog.indexOf.get(a.quotationId);
    if (index === undefined) return [];
    return [
      {
        type: 'article' as const,
        id: String(index),
        title: clipText(speakersPlain(a.speakers, a.attributedTo), 100),
        description: clipText(phraseQuote(a).text, 200),
        input_message_content: { message_text: renderCard(a), parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } },
      },
    ];
  });
}

/**
 * The inline feature.
 *
 * @example
 * bot.use(createInline(deps));
 */
export function createInline(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('inline_query', async (ctx) => {
    await ctx.answerInlineQuery(inlineResults(deps.view(), ctx.inlineQuery.query), { cache_time: INLINE_CACHE_SECONDS });
  });
  return composer;
}
