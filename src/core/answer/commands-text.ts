/**
 * The command table (src/core/commands.ts) rendered as plain text, for the terminal chat: the
 * same help, greeting and lists as the bot's HTML, one page at a time.
 */
import { shownSpeakers, storyWords } from '../certainty.ts';
import {
  COMMANDS,
  commandUsage,
  emptyListLine,
  greetingLines,
  HELP_TEXT,
  type HelpPart,
  type ListItems,
  type ListKind,
  listItems,
  PAGE_SIZES,
  pageOf,
} from './commands.ts';
import type { Corpus } from '../corpus.ts';
import { formatSpeakers } from './format.ts';
import { phraseQuote } from './wording.ts';

const partText = (p: HelpPart): string => (typeof p === 'string' ? p : 'code' in p ? p.code : p.title);
const linesText = (lines: readonly (readonly HelpPart[])[]): string => lines.map((parts) => parts.map(partText).join('')).join('\n');

/** A line of help for a command the terminal has and the bot does not ("/quit — leave"). */
export interface ExtraCommand {
  readonly usage: string;
  readonly summary: string;
}

/** The /help text in plain words, with the terminal's own commands (`extra`) after the bot's. */
export function helpText(extra: readonly ExtraCommand[] = []): string {
  const rows = [...COMMANDS.filter((c) => c.inHelp || c.name === 'help').map((c) => ({ usage: commandUsage(c), summary: c.summary })), ...extra];
  const width = Math.max(...rows.map((r) => r.usage.length));
  return [
    HELP_TEXT.title,
    '',
    ...HELP_TEXT.questions.map((parts) => `  ${parts.map(partText).join('')}`),
    HELP_TEXT.typos,
    '',
    ...rows.map((r) => `${r.usage.padEnd(width)}  ${r.summary}`),
  ].join('\n');
}

/** The /start greeting in plain words. */
export const greetingText = (corpus: Corpus, examples: readonly string[]): string => linesText(greetingLines(corpus, examples));

function itemsText(corpus: Corpus, items: ListItems, first: number, end: number): string[] {
  if (items.list === 'speakers') return items.items.slice(first, end).map((s) => `${formatSpeakers([s])} — ${s.quotes} quote${s.quotes === 1 ? '' : 's'}`);
  if (items.list === 'stories') return items.items.slice(first, end).map((a) => [a.title, ...[a.source, a.date].filter(Boolean)].join(' — '));
  return items.items.slice(first, end).map((q) => {
    const story = corpus.articles.get(q.articleId)?.title ?? q.articleId;
    const speakers = shownSpeakers(q);
    const p = phraseQuote({ quote: q.quote, kind: q.kind, speakers, attributedTo: storyWords(q), verb: q.verb }, { maxLength: 200 });
    const who = p.withheld ? p.subject : formatSpeakers(speakers, storyWords(q));
    return `${p.kind === 'direct' ? `${who} ${p.verb}: “${p.words}”` : `${who} ${p.verb} that ${p.words}`}\n  (${story})`;
  });
}

/** One page of a list in plain text, and where it ended up (out-of-range pages show the last). */
export function listText(corpus: Corpus, list: ListKind, page: number, speaker: number | null = null): { text: string; page: number; pages: number } {
  const items = listItems(corpus, list, speaker);
  const count = items.items.length;
  if (count === 0) return { text: emptyListLine(list), page: 0, pages: 1 };
  const at = pageOf(count, page, PAGE_SIZES[list]);
  const shown = itemsText(corpus, items, at.first, at.first + at.length);
  return {
    text: `${items.title} (${at.first + 1}–${at.first + shown.length} of ${count})\n\n${shown.join(list === 'quotes' ? '\n\n' : '\n')}`,
    page: at.page,
    pages: at.pages,
  };
}
