/**
 * The bot's lists (/quotes, /speakers, /stories) as pages with Prev/Next buttons, and the
 * /start and /help texts, all drawn from whatever the corpus holds: the HTML renderer of the
 * command table in src/core/commands.ts (the terminal chat renders the same in plain text).
 */
import type { InlineKeyboardButton } from 'telegraf/types';
import {
  COMMANDS,
  commandUsage,
  greetingLines,
  emptyListLine,
  exampleQuestions,
  HELP_TEXT,
  type HelpPart,
  type ListItems,
  listItems,
  PAGE_SIZES,
  pageOf,
} from '../core/answer/commands.ts';
import type { Corpus } from '../core/corpus.ts';
import { phraseQuote } from '../core/answer/wording.ts';
import type { Quotation } from '../core/types.ts';
import { encodeAction, type ListKind } from './callbacks.ts';
import { clipText, escapeHtml, fitHtml } from './html.ts';
import type { Reply } from './render.ts';
import { shownSpeakers, storyWords } from '../core/certainty.ts';
import { speakersHtml } from './render.ts';

/** Items per page of each list (the table lives in the core, shared with the terminal chat). */
export { PAGE_SIZES, exampleQuestions };

function quoteLine(corpus: Corpus, q: Quotation): string {
  const story = corpus.articles.get(q.articleId)?.title ?? q.articleId;
  const speakers = shownSpeakers(q);
  const p = phraseQuote({ quote: q.quote, kind: q.kind, speakers, attributedTo: storyWords(q), verb: q.verb }, { maxLength: 200 });
  const who = p.withheld ? escapeHtml(p.subject) : speakersHtml(speakers, storyWords(q));
  const line = p.kind === 'direct' ? `${who} ${escapeHtml(p.verb)}: “${escapeHtml(p.words)}”` : `${who} ${escapeHtml(p.verb)} that ${escapeHtml(p.words)}`;
  return `${line}\n<i>${escapeHtml(clipText(story, 100))}</i>`;
}

/** The HTML of the items `first` to `end` (exclusive) of a list. */
function itemsHtml(corpus: Corpus, items: ListItems, first: number, end: number): string[] {
  if (items.list === 'speakers') return items.items.slice(first, end).map((s) => `${speakersHtml([s])} — ${s.quotes} quote${s.quotes === 1 ? '' : 's'}`);
  if (items.list === 'stories') {
    return items.items.slice(first, end).map((a) => {
      const meta = [a.source, a.date].filter((x): x is string => Boolean(x)).map((x) => escapeHtml(clipText(x, 80)));
      return `<b>${escapeHtml(clipText(a.title, 200))}</b>${meta.length ? ` — ${meta.join(', ')}` : ''}`;
    });
  }
  return items.items.slice(first, end).map((q) => quoteLine(corpus, q));
}

/**
 * One page of a list, with Prev/Next buttons. Out-of-range pages show the last page; an unknown
 * speaker index returns null (a stale or forged button).
 */
export function renderPage(corpus: Corpus, list: ListKind, page: number, speaker: number | null = null): Reply | null {
  if (speaker !== null && corpus.speakers[speaker] === undefined) return null;
  const items = listItems(corpus, list, speaker);
  const count = items.items.length;
  if (count === 0) return { html: escapeHtml(emptyListLine(list)) };
  const at = pageOf(count, page, PAGE_SIZES[list]);
  const shown = itemsHtml(corpus, items, at.first, at.first + at.length);
  const html = fitHtml(`<b>${escapeHtml(items.title)}</b> (${at.first + 1}–${at.first + shown.length} of ${count})\n\n${shown.join('\n\n')}`);
  const p = at.page;
  const row: InlineKeyboardButton[] = [];
  if (p > 0) row.push({ text: '« Prev', callback_data: encodeAction({ kind: 'page', list, page: p - 1, speaker }) });
  if (p < at.pages - 1) row.push({ text: 'Next »', callback_data: encodeAction({ kind: 'page', list, page: p + 1, speaker }) });
  return row.length > 0 ? { html, keyboard: [row] } : { html };
}

/** A piece of the command table's text as HTML (titles in italics, clipped). */
const partHtml = (p: HelpPart): string =>
  typeof p === 'string' ? escapeHtml(p) : 'code' in p ? `<code>${escapeHtml(p.code)}</code>` : `<i>${escapeHtml(clipText(p.title, 150))}</i>`;

/** The /start greeting: what the bot knows and how to ask (`examples` from `exampleQuestions`). */
export function renderStart(corpus: Corpus, examples: readonly string[]): string {
  return fitHtml(
    greetingLines(corpus, examples)
      .map((parts) => parts.map(partHtml).join(''))
      .join('\n'),
  );
}

/** The /help text, from the command table (src/core/commands.ts). */
export function renderHelp(username: string): string {
  const bot = escapeHtml(username);
  return [
    `<b>${escapeHtml(HELP_TEXT.title)}</b>`,
    '',
    ...HELP_TEXT.questions.map((parts) => `• ${parts.map(partHtml).join('')}`),
    escapeHtml(HELP_TEXT.typos),
    '',
    ...COMMANDS.filter((c) => c.inHelp).map((c) => escapeHtml(`${commandUsage(c)} — ${c.summary}${c.telegramNote ? ` ${c.telegramNote}` : ''}`)),
    '',
    `In groups, use /who, mention @${bot} or reply to me. In any chat, type <code>@${bot} words</code> for quote cards.`,
  ].join('\n');
}
