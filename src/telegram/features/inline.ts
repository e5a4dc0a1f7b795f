/** Inline mode: "@bot words" in any chat offers up to ten quote cards to send. */
import { Composer, type Context } from 'telegraf';
import type { InlineQueryResult } from 'telegraf/types';
import { ask } from '../../core/answer/answer.ts';
import { phraseQuote } from '../../core/answer/wording.ts';
import { clipText } from '../html.ts';
import { renderCard, renderVerdict, speakersPlain } from '../render.ts';
import { VERDICT_LABELS } from '../../core/answer/format.ts';
import { boundQuestion, type CorpusView, type FeatureDeps } from './shared.ts';

/** Inline answers are cached briefly, so a reloaded corpus shows up soon. */
const INLINE_CACHE_SECONDS = 10;

/** The quote cards for an inline query. */
export function inlineResults(view: CorpusView, query: string): InlineQueryResult[] {
  const q = boundQuestion(query).trim();
  const result = q === '' ? undefined : ask(view.corpus, q, { limit: 10 });
  const verdict = result?.verdict;
  return (result?.answers ?? []).flatMap((a, i) => {
    const index = view.catalog.indexOf.get(a.quotationId);
    if (index === undefined) return [];
    // A did-say question: its evidence is sent with the verdict as the card's first line.
    const label = verdict && i === 0 ? VERDICT_LABELS[verdict.kind] : undefined;
    const card = label && result && verdict ? renderVerdict(view.catalog, result, verdict).html : renderCard(a);
    return [
      {
        type: 'article' as const,
        id: String(index),
        title: clipText(`${label ? `${label.emoji} ${label.label} — ` : ''}${speakersPlain(a.speakers, a.attributedTo)}`, 100),
        description: clipText(phraseQuote(a).text, 200),
        input_message_content: { message_text: card, parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } },
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
