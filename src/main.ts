/**
 * `npm start`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, otherwise a local terminal chat.
 */
import { runChat } from './chat.ts';
import { readConfig } from './config.ts';
import { WhosaidError } from './core/errors.ts';
import { loadCorpusDir } from './node/corpus-dir.ts';

async function main(): Promise<number> {
  const config = readConfig();
  if (config.botToken) {
    const { runBot } = await import('./telegram/run.ts');
    return runBot(config);
  }
  const { corpus, warnings } = await loadCorpusDir(config.corpusDir);
  for (const w of warnings) process.stderr.write(`warning: ${w.path}: ${w.reason}\n`);
  await runChat({ input: process.stdin, output: process.stdout, corpus });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof WhosaidError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
