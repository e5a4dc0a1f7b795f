/** A local chat in the terminal that answers like the bot will, for trying whosaid without Telegram. */
import { createInterface } from 'node:readline/promises';
import { ask } from './core/answer.ts';
import type { Corpus } from './core/corpus.ts';
import { formatResult } from './core/format.ts';

export interface ChatOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly corpus: Corpus;
  /** The corpus to answer each question with, when it can change while the chat runs (live reload). */
  readonly getCorpus?: () => Corpus;
}

/** Banner shown when the chat opens: what is loaded and how to reach Telegram instead. */
export function chatBanner(corpus: Corpus): string {
  const stories = corpus.articles.size;
  return [
    `whosaid — ${stories} stor${stories === 1 ? 'y' : 'ies'}, ${corpus.quotations.length} quotations loaded.`,
    'Ask "who said …?", "what did <name> say?", "who is <name>?" or just type a phrase. Ctrl+D or /quit to leave.',
    'To run the Telegram bot instead, set TELEGRAM_BOT_TOKEN (see .env.example) and run npm start again.',
    '',
  ].join('\n');
}

/** Run the chat until the input ends or the user types /quit. */
export async function runChat({ input, output, corpus, getCorpus = () => corpus }: ChatOptions): Promise<void> {
  output.write(chatBanner(corpus));
  const rl = createInterface({ input, output, terminal: 'isTTY' in input && Boolean((input as { isTTY?: boolean }).isTTY) });
  rl.setPrompt('? ');
  rl.prompt();
  for await (const line of rl) {
    const q = line.trim();
    if (q === '/quit' || q === '/exit') break;
    if (q !== '') output.write(`${formatResult(ask(getCorpus(), q))}\n\n`);
    rl.prompt();
  }
  rl.close();
}
