/**
 * The bot's commands, in one table that the Telegram bot and the terminal chat both read: names,
 * arguments, help text, the menu, and what each command means. The adapters only render: HTML
 * with buttons in Telegram (src/telegram/lists.ts), plain text in the terminal
 * (src/core/commands-text.ts).
 */
import { ask } from './answer.ts';
import type { Corpus, SpeakerSummary } from '../corpus.ts';
import { bareQuote } from './format.ts';
import { STOPWORDS, tokensOf } from '../search/normalize.ts';
import type { Article, Quotation } from '../types.ts';
import { shownSpeakers } from '../certainty.ts';

export type CommandName = 'who' | 'quotes' | 'speakers' | 'stories' | 'help' | 'start';
export type ListKind = 'quotes' | 'speakers' | 'stories';

export interface CommandSpec {
  readonly name: CommandName;
  /** What follows the name, as the help shows it: '' when nothing. */
  readonly args: string;
  /** The help line, after "/name args — ". */
  readonly summary: string;
  /** What Telegram's help adds after the summary (the terminal has no groups). */
  readonly telegramNote?: string;
  /** The description in Telegram's command menu; null keeps the command out of the menu. */
  readonly menu: string | null;
  /** In the group chats' menu too. */
  readonly inGroups: boolean;
  /** Listed in /help (the help does not list itself, nor /start). */
  readonly inHelp: boolean;
}

/** Every command, in menu and help order. */
export const COMMANDS: readonly CommandSpec[] = Object.freeze([
  { name: 'who', args: '<question>', summary: 'ask', telegramNote: '(in groups too)', menu: 'Who said …? Ask about any words', inGroups: true, inHelp: true },
  { name: 'quotes', args: '[name]', summary: 'list quotations', menu: 'List quotations (optionally of one person)', inGroups: false, inHelp: true },
  { name: 'speakers', args: '', summary: 'who is quoted, with roles', menu: 'Who is quoted, with roles', inGroups: true, inHelp: true },
  { name: 'stories', args: '', summary: 'the stories I know', menu: 'The stories I know', inGroups: true, inHelp: true },
  { name: 'help', args: '', summary: 'what I understand', menu: 'What I understand', inGroups: true, inHelp: false },
  { name: 'start', args: '[question]', summary: 'what I hold, with example questions', menu: null, inGroups: true, inHelp: false },
]);

/** A piece of help text: plain words, words shown as code (something to type), or a title. */
export type HelpPart = string | { readonly code: string } | { readonly title: string };

/** The help's opening, the ways to ask (one line each) and the closing note. */
export const HELP_TEXT = Object.freeze({
  title: 'Ask me who said something in the stories I hold.',
  questions: [
    [{ code: 'who said <words>?' }, ', or just a phrase'],
    [{ code: 'what did <name> say (about …)?' }],
    [{ code: 'did <name> say …?' }, ' and ', { code: 'who is <name>?' }],
  ] as readonly (readonly HelpPart[])[],
  typos: 'Names, words and numbers tolerate typos.',
});

/**
 * The /start greeting, line by line: how many stories and quotations, the first five titles, and
 * example questions (`examples` from `exampleQuestions`).
 */
export function greetingLines(corpus: Corpus, examples: readonly string[]): HelpPart[][] {
  const stories = [...corpus.articles.values()];
  const n = stories.length;
  const listed: HelpPart[][] = stories.slice(0, 5).map((a) => ['• ', { title: a.title }]);
  if (n > 5) listed.push([`• …and ${n - 5} more (/stories)`]);
  return [
    [`Hi! I answer “who said …?” about ${n} news stor${n === 1 ? 'y' : 'ies'} with ${corpus.quotations.length} quotations:`],
    ...listed,
    [''],
    [examples.length > 0 ? 'Try:' : 'Ask “who said …?” about any words.'],
    ...examples.map((q) => ['• ', { code: q }]),
    [''],
    ['See /help for everything I understand.'],
  ];
}

/** The menu Telegram shows, per chat kind, drawn from COMMANDS. */
export function commandMenu(kind: 'private' | 'group'): { command: string; description: string }[] {
  return COMMANDS.filter((c) => c.menu !== null && (kind === 'private' || c.inGroups)).map((c) => ({ command: c.name, description: c.menu ?? '' }));
}

/** "/name args" as the help writes it. */
export const commandUsage = (c: CommandSpec): string => `/${c.name}${c.args ? ` ${c.args}` : ''}`;

/** The one-line reminder for an unknown command. */
export function unknownCommandLine(name: string, extra: readonly string[] = []): string {
  const names = [...COMMANDS.filter((c) => c.inHelp || c.name === 'help').map(commandUsage), ...extra];
  return `I don't know /${name}. Try ${names.join(', ')}.`;
}

/**
 * Split "/name@bot payload" into its name (lower case) and payload; null when `text` is not a
 * command.
 *
 * @example
 * parseCommand('/quotes@whosaid_bot Zelensky'); // { name: 'quotes', payload: 'Zelensky' }
 */
export function parseCommand(text: string): { name: string; payload: string } | null {
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m?.[1]) return null;
  return { name: m[1].toLowerCase(), payload: (m[2] ?? '').trim() };
}

/** The table row of a command name, or undefined. */
export const findCommand = (name: string): CommandSpec | undefined => COMMANDS.find((c) => c.name === name);

/**
 * The question a /start payload carries (deep links write spaces as _ or -), or null when the
 * payload asks for the greeting ("", "help").
 */
export function startQuestion(payload: string): string | null {
  const q = payload.replace(/[_-]+/g, ' ').trim();
  return q === '' || q.toLowerCase() === 'help' ? null : q;
}

/** How sure a speaker-name match must be for /quotes <name>. */
const SPEAKER_MATCH_MIN = 0.55;

/** The index in `corpus.speakers` of the person `name` means (typos allowed), or -1. */
export function findSpeakerIndex(corpus: Corpus, name: string): number {
  const who = corpus.search.findSpeakers(name, 1)[0];
  return who && who.score >= SPEAKER_MATCH_MIN ? corpus.speakers.findIndex((s) => s.name === who.name) : -1;
}

/** The reply when /quotes names nobody quoted. */
export const noSpeakerLine = (name: string): string => `No one called "${name}" is quoted. Try /speakers.`;

/** Items per page of each list. */
export const PAGE_SIZES: Readonly<Record<ListKind, number>> = Object.freeze({ quotes: 5, speakers: 15, stories: 10 });

/** A list's items, whatever renders them. */
export type ListItems =
  | { readonly list: 'speakers'; readonly title: string; readonly items: readonly SpeakerSummary[] }
  | { readonly list: 'stories'; readonly title: string; readonly items: readonly Article[] }
  | { readonly list: 'quotes'; readonly title: string; readonly items: readonly Quotation[] };

/** Every quotation, or those of the speaker at `speaker` in `corpus.speakers` (as shown: withheld speakers are not). */
export function quotationsOf(corpus: Corpus, speaker: number | null): readonly Quotation[] {
  const who = speaker === null ? undefined : corpus.speakers[speaker];
  return who ? corpus.quotations.filter((q) => shownSpeakers(q).some((s) => s.name === who.name)) : corpus.quotations;
}

/** The items of a list, with its title; quotations of one speaker when `speaker` is an index. */
export function listItems(corpus: Corpus, list: ListKind, speaker: number | null = null): ListItems {
  if (list === 'speakers') return { list, title: 'People quoted', items: corpus.speakers };
  if (list === 'stories') return { list, title: 'Stories', items: [...corpus.articles.values()] };
  const who = speaker === null ? undefined : corpus.speakers[speaker];
  return { list, title: who ? `Quotations of ${who.name}` : 'Quotations', items: quotationsOf(corpus, speaker) };
}

/** What an empty list says. */
export const emptyListLine = (list: ListKind): string => (list === 'quotes' ? 'No quotations were found in the stories.' : 'Nothing to list yet.');

/** Page `page` of `count` items (out of range: the nearest page): its first index and length. */
export function pageOf(count: number, page: number, size: number): { page: number; pages: number; first: number; length: number } {
  const pages = Math.max(1, Math.ceil(count / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { page: p, pages, first: p * size, length: Math.max(0, Math.min(size, count - p * size)) };
}

/** A word of a quotation worth asking about: a number if it has one, else its longest rare word. */
function keyWord(q: Quotation): string | null {
  const words = tokensOf(bareQuote(q.quote)).filter((t) => !STOPWORDS.has(t));
  const number = q.quote.match(/\d{1,3}(?:,\d{3})+|\d{2,}/)?.[0];
  if (number) return number;
  const long = [...words].sort((a, b) => b.length - a.length)[0];
  return long && long.length >= 5 ? long : null;
}

/** Two example questions the corpus can answer: a "who said" and a "what did", both checked. */
export function exampleQuestions(corpus: Corpus): string[] {
  const out: string[] = [];
  for (const q of corpus.quotations) {
    if (q.kind !== 'direct' || q.speakers.length === 0) continue;
    const word = keyWord(q);
    const question = word ? `who said ${word}?` : null;
    if (question && ask(corpus, question).answers[0]?.quotationId === q.id) {
      out.push(question);
      break;
    }
  }
  const top = corpus.speakers[0];
  if (top) out.push(`what did ${top.name.split(' ').at(-1) ?? top.name} say?`);
  return out;
}
