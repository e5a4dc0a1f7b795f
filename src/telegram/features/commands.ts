/**
 * Commands: /start (with a deep-link question), /help, and the lists /speakers, /stories, /quotes
 * [name]; their names, help and meaning are the table in src/core/commands.ts, shared with the
 * terminal chat.
 */
import { Composer, type Context } from 'telegraf';
import { findSpeakerIndex, noSpeakerLine, startQuestion } from '../../core/answer/commands.ts';
import { clipText, escapeHtml } from '../html.ts';
import { renderHelp, renderPage, renderStart } from '../lists.ts';
import { answerQuestion } from './questions.ts';
import { addressedInGroup, allowed, boundQuestion, isGroup, send, type FeatureDeps } from './shared.ts';

type ListCommand = 'speakers' | 'stories' | 'quotes';

async function sendList(ctx: Context, list: ListCommand, payload: string, deps: FeatureDeps): Promise<void> {
  const { corpus } = deps.view();
  const name = list === 'quotes' ? boundQuestion(payload).trim() : '';
  if (name === '') return void (await send(ctx, renderPage(corpus, list, 0) ?? ''));
  const index = findSpeakerIndex(corpus, name);
  const page = index >= 0 ? renderPage(corpus, 'quotes', 0, index) : null;
  await send(ctx, page ?? escapeHtml(noSpeakerLine(clipText(name, 80))));
}

/**
 * The commands feature.
 *
 * @example
 * bot.use(createCommands(deps));
 */
export function createCommands(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.start(async (ctx) => {
    if (isGroup(ctx) && !addressedInGroup(ctx)) return;
    const question = startQuestion(ctx.payload);
    if (question !== null) return answerQuestion(ctx, question, deps);
    const { corpus, examples } = deps.view();
    if (await allowed(ctx, deps)) await send(ctx, renderStart(corpus, examples));
  });
  composer.help(async (ctx) => {
    if (await allowed(ctx, deps)) await send(ctx, renderHelp(ctx.me));
  });
  composer.command(['speakers', 'stories', 'quotes'], async (ctx) => {
    if (ctx.command === 'quotes' && isGroup(ctx) && !addressedInGroup(ctx)) return;
    if (!(await allowed(ctx, deps))) return;
    const list: ListCommand = ctx.command === 'quotes' ? 'quotes' : ctx.command === 'speakers' ? 'speakers' : 'stories';
    await sendList(ctx, list, ctx.payload, deps);
  });
  return composer;
}
