/**
 * A local chat in the terminal that answers like the bot: questions, and the bot's commands from
 * the one command table (src/core/commands.ts), rendered as plain text. /next and /prev stand in
 * for the bot's page buttons.
 */
import { createInterface } from 'node:readline/promises';
import type { Config } from './config.ts';
import { ask } from './core/answer/answer.ts';
import {
  exampleQuestions,
  findCommand,
  findSpeakerIndex,
  type ListKind,
  noSpeakerLine,
  parseCommand,
  startQuestion,
  unknownCommandLine,
} from './core/answer/commands.ts';
import { type ExtraCommand, greetingText, helpText, listText } from './core/answer/commands-text.ts';
import type { Corpus } from './core/corpus.ts';
import { formatResult } from './core/answer/format.ts';
import { openLiveCorpus } from './node/live-corpus.ts';
import { createProgressReporter } from './node/progress.ts';

export interface ChatOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly corpus: Corpus;
  /** The corpus to answer each question with, when it can change while the chat runs (live reload). */
  readonly getCorpus?: () => Corpus;
}

/** The terminal's own commands, shown after the bot's in /help. */
export const CHAT_COMMANDS: readonly ExtraCommand[] = Object.freeze([
  { usage: '/next, /prev', summary: 'the next or previous page of the last list' },
  { usage: '/quit', summary: 'leave (Ctrl+D too)' },
]);

/** Banner shown when the chat opens: what is loaded and how to reach Telegram instead. */
export function chatBanner(corpus: Corpus): string {
  const stories = corpus.articles.size;
  return [
    `whosaid — ${stories} stor${stories === 1 ? 'y' : 'ies'}, ${corpus.quotations.length} quotations loaded.`,
    'Ask "who said …?", "what did <name> say?", "who is <name>?" or just type a phrase. /help lists the commands; Ctrl+D or /quit to leave.',
    'To run the Telegram bot instead, set TELEGRAM_BOT_TOKEN (see .env.example) and run npm start again.',
    '',
  ].join('\n');
}

/** One conversation: what each line gets back (null: leave), remembering the last list for /next. */
export interface ChatSession {
  reply(line: string): string | null;
}

/**
 * A chat session over the corpus `getCorpus` returns at each line.
 *
 * @example
 * createChatSession(() => corpus).reply('/speakers'); // 'People quoted (1–15 of 40) …'
 */
export function createChatSession(getCorpus: () => Corpus): ChatSession {
  let last: { list: ListKind; page: number; pages: number; speaker: number | null; corpus: Corpus } | null = null;
  let examples: { corpus: Corpus; questions: string[] } | null = null;

  const answer = (question: string) => formatResult(ask(getCorpus(), question));
  const showList = (list: ListKind, page: number, speaker: number | null = null): string => {
    const corpus = getCorpus();
    // A reload renumbers the speakers: a page of one speaker's quotes cannot be continued.
    if (last && last.corpus !== corpus && speaker !== null) return 'The stories changed; ask for the list again.';
    const shown = listText(corpus, list, page, speaker);
    last = { list, page: shown.page, pages: shown.pages, speaker, corpus };
    const more = shown.pages > 1 ? `\n\n(page ${shown.page + 1} of ${shown.pages}: ${shown.page + 1 < shown.pages ? '/next' : '/prev'} for more)` : '';
    return shown.text + more;
  };

  const command = (name: string, payload: string): string | null => {
    if (name === 'quit' || name === 'exit') return null;
    if (name === 'next' || name === 'prev') {
      if (!last) return 'No list to page through yet. Try /quotes, /speakers or /stories.';
      const page = last.page + (name === 'next' ? 1 : -1);
      if (page < 0) return 'This is the first page.';
      if (page >= last.pages) return 'That was the last page.';
      return showList(last.list, page, last.speaker);
    }
    switch (findCommand(name)?.name) {
      case 'help':
        return helpText(CHAT_COMMANDS);
      case 'start': {
        const question = startQuestion(payload);
        if (question !== null) return answer(question);
        const corpus = getCorpus();
        if (examples?.corpus !== corpus) examples = { corpus, questions: exampleQuestions(corpus) };
        return greetingText(corpus, examples.questions);
      }
      case 'who':
        return payload === '' ? 'Ask me about some words, for example: /who <words>, or "what did <name> say?"' : answer(payload);
      case 'speakers':
      case 'stories':
        return showList(name === 'speakers' ? 'speakers' : 'stories', 0);
      case 'quotes': {
        if (payload === '') return showList('quotes', 0);
        const index = findSpeakerIndex(getCorpus(), payload);
        last = null;
        return index >= 0 ? showList('quotes', 0, index) : noSpeakerLine(payload.slice(0, 80));
      }
      default:
        return unknownCommandLine(name, ['/quit']);
    }
  };

  return {
    reply(line) {
      const text = line.trim();
      if (text === '') return '';
      const cmd = parseCommand(text);
      return cmd ? command(cmd.name, cmd.payload) : answer(text);
    },
  };
}

/** Run the chat until the input ends or the user types /quit. */
export async function runChat({ input, output, corpus, getCorpus = () => corpus }: ChatOptions): Promise<void> {
  output.write(chatBanner(corpus));
  const session = createChatSession(getCorpus);
  const rl = createInterface({ input, output, terminal: 'isTTY' in input && Boolean((input as { isTTY?: boolean }).isTTY) });
  // Input can end before its last lines are answered; Node 24 then throws on prompt() (ERR_USE_AFTER_CLOSE).
  let closed = false;
  rl.once('close', () => {
    closed = true;
  });
  rl.setPrompt('? ');
  rl.prompt();
  for await (const line of rl) {
    const reply = session.reply(line);
    if (reply === null) break;
    if (reply !== '') output.write(`${reply}\n\n`);
    if (!closed) rl.prompt();
  }
  rl.close();
}

/**
 * The terminal chat over `config.corpusDir` on stdin and stdout: stories added, changed or deleted
 * while it runs are picked up without a restart. Resolves to the exit code.
 */
export async function runTerminalChat(config: Config): Promise<number> {
  const live = config.databaseUrl
    ? await (await import('./pg/live.ts')).openDatabaseCorpus(config.databaseUrl, { requireStories: true })
    : await openLiveCorpus(config.corpusDir, {
        ...(config.cacheDir ? { cacheDir: config.cacheDir } : {}),
        userCacheDir: config.userCacheDir,
        onProgress: createProgressReporter(),
        onReload: (info) => {
          for (const w of info.warnings) process.stderr.write(`warning: ${w.path}: ${w.reason}\n`);
          process.stderr.write(`(reloaded: ${info.stories} stories, ${info.quotations} quotations)\n`);
        },
        onError: (err) =>
          process.stderr.write(`warning: reload failed, still answering from the previous stories: ${err instanceof Error ? err.message : String(err)}\n`),
      });
  for (const w of live.warnings()) process.stderr.write(`warning: ${w.path}: ${w.reason}\n`);
  try {
    await runChat({ input: process.stdin, output: process.stdout, corpus: live.current(), getCorpus: live.current });
  } finally {
    await live.close();
  }
  return 0;
}
