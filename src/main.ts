/**
 * `npm start`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, otherwise a local terminal chat.
 */
import { runChat } from './chat.ts';
import { readConfig } from './config.ts';
import { WhosaidError } from './core/errors.ts';
import { openLiveCorpus } from './node/live-corpus.ts';
import { createProgressReporter } from './node/progress.ts';

async function main(): Promise<number> {
  const config = readConfig();
  if (config.botToken) {
    const { runBot } = await import('./telegram/run.ts');
    return runBot(config);
  }
  // Stories added, changed or deleted while the chat runs are picked up without a restart.
  const live = await openLiveCorpus(config.corpusDir, {
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

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof WhosaidError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
