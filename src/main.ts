/**
 * `npm start`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, otherwise a local terminal chat.
 * `npm start -- --help` says so; `whosaid chat` and `whosaid bot` pick one explicitly.
 */
import { Command, CommanderError } from 'commander';
import { runTerminalChat } from './chat.ts';
import { assertFolder, folderErrorMessage } from './cli/folder.ts';
import { VERSION } from './cli/version.ts';
import { readConfig } from './config.ts';
import { WhosaidError } from './core/errors.ts';

const HELP_AFTER = `
Without TELEGRAM_BOT_TOKEN it opens a chat in the terminal over CORPUS_DIR (default ./corpus):
type a question, or /help for the bot's commands. With the token (in the environment or .env)
it runs the Telegram bot. Every setting is an environment variable: see .env.example.

Other commands: whosaid --help (npm run ask -- "who said …?", npm run quotes, npm run eval, …).`;

/** The options `npm start` takes: only --help and --version. */
function createStartProgram(): Command {
  return new Command('npm start --')
    .description('whosaid: the Telegram bot, or a terminal chat when no bot token is set')
    .version(VERSION, '-V, --version')
    .addHelpText('after', HELP_AFTER)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

async function main(): Promise<number> {
  try {
    createStartProgram().parse(process.argv.slice(2), { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  const config = readConfig();
  if (config.botToken) {
    // With DATABASE_URL the stories come from PostgreSQL: the folder is the indexer's business.
    if (!config.databaseUrl) await assertFolder(config.corpusDir, 'Set CORPUS_DIR (see .env.example).');
    const { runBot } = await import('./telegram/run.ts');
    return runBot(config);
  }
  return runTerminalChat(config);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const folder = folderErrorMessage(err, 'Set CORPUS_DIR (see .env.example).');
    process.stderr.write(`error: ${folder ?? (err instanceof WhosaidError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
    process.exitCode = 1;
  },
);
