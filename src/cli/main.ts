/**
 * The command line (`whosaid`, bin/whosaid.js): `ask` and `quotes` over the core, scriptable (JSON
 * on stdout, errors on stderr), `eval`, `bench`, and `chat` and `bot` for the two ways `npm start`
 * runs. Exit codes: 0 ok (also "not found"), 1 no story loaded, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { articleRef, ask } from '../core/answer/answer.ts';
import type { Corpus } from '../core/corpus.ts';
import { UsageError, WhosaidError } from '../core/errors.ts';
import { isCertain, shownSpeakers, storyWords } from '../core/certainty.ts';
import { formatResult, formatSpeakers } from '../core/answer/format.ts';
import { phraseQuote, quoteWords } from '../core/answer/wording.ts';
import type { AskResult, Quotation } from '../core/types.ts';
import { readConfig } from '../config.ts';
import { findSpeakerIndex, noSpeakerLine, quotationsOf as quotationsOfSpeaker } from '../core/answer/commands.ts';
import { assertFolder, folderErrorMessage } from './folder.ts';
import { VERSION } from './version.ts';
import { openCachedCorpus } from '../node/corpus-cache.ts';
import { createProgressReporter } from '../node/progress.ts';
import { registerEvalCommand } from './eval.ts';
import { registerBenchCommand } from './bench.ts';

export const EXIT = Object.freeze({ ok: 0, noStory: 1, usage: 2 });

/** The corpus through its saved index, like the chat and the bot; progress goes to stderr. */
async function openCorpus(dir: string | undefined): Promise<Corpus> {
  const config = readConfig();
  // With DATABASE_URL (and no --corpus), the stories npm run index wrote to PostgreSQL.
  if (config.databaseUrl && dir === undefined) return (await import('../pg/live.ts')).readDatabaseCorpus(config.databaseUrl);
  const corpusDir = resolve(dir ?? config.corpusDir);
  // CACHE_DIR holds CORPUS_DIR's index; another folder given with --corpus keeps its own.
  const { corpus, warnings } = await openCachedCorpus(corpusDir, {
    ...(config.cacheDir && corpusDir === config.corpusDir ? { cacheDir: config.cacheDir } : {}),
    userCacheDir: config.userCacheDir,
    onProgress: createProgressReporter(),
  });
  for (const w of warnings) process.stderr.write(`warning: ${w.path}: ${w.reason}\n`);
  return corpus;
}

/**
 * The JSON contract of `ask --json`: the core result minus internal fields. `quote` is the words
 * alone (no enclosing marks, no trailing comma; `kind` says whether they are verbatim) and
 * `article` carries `url` and `byline`, null when unknown.
 */
export function askJson(r: AskResult): object {
  return {
    question: r.question,
    found: r.found,
    // "did <name> say …?" only: verbatim | reported | close | someone-else | not-said | not-quoted
    ...(r.verdict ? { verdict: r.verdict.kind } : {}),
    answers: r.answers.map((a) => ({
      quote: quoteWords(a.quote, a.kind),
      kind: a.kind,
      speakers: a.speakers,
      ...(a.attributedTo ? { attributedTo: a.attributedTo } : {}),
      said: a.said,
      article: { ...a.article, url: a.article.url ?? null, byline: a.article.byline ?? null },
      score: a.score,
    })),
    ...(r.suggestion ? { suggestion: r.suggestion } : {}),
    // The first `tied` answers match equally well and name different people: none is the answer.
    ...(r.tied ? { tied: r.tied } : {}),
    ...(r.storiesMatched ? { storiesMatched: r.storiesMatched } : {}),
  };
}

/**
 * `--explain`: how the quotation was found and its speaker named (ids in src/core/rules.ts), the
 * attribution kind, the sentence's words for the speaker, and a speaker found but not stated
 * (several are joined with "and").
 */
function explainJson(q: Quotation): object {
  const withheld =
    q.speakers.length > 0 && !isCertain(q)
      ? { name: q.speakers.map((s) => s.name).join(' and '), role: q.speakers.length === 1 ? (q.speakers[0]?.role ?? null) : null }
      : null;
  return { rule: q.rule, cue: q.cue, resolvedBy: q.resolvedBy, attribution: q.attribution, mention: q.mention, ...(withheld ? { withheld } : {}) };
}

export function quoteJson(corpus: Corpus, q: Quotation, explain = false): object {
  const a = corpus.articles.get(q.articleId);
  const speakers = shownSpeakers(q);
  const words = storyWords(q);
  return {
    quote: quoteWords(q.quote, q.kind),
    kind: q.kind,
    speakers,
    ...(words === undefined ? {} : { attributedTo: words }),
    said: q.said,
    ...(explain ? explainJson(q) : {}),
    article: articleRef(q.articleId, a),
  };
}

async function runAsk(words: string[], opts: { json?: boolean; corpus?: string; limit?: string }): Promise<void> {
  const limit = opts.limit === undefined ? undefined : Number(opts.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError(`--limit must be a positive whole number, got "${opts.limit}"`);
  const corpus = await openCorpus(opts.corpus);
  const answerOne = (question: string) => {
    const r = ask(corpus, question, limit === undefined ? {} : { limit });
    process.stdout.write(opts.json ? `${JSON.stringify(askJson(r))}\n` : `${formatResult(r)}\n`);
  };
  if (words.length > 0) {
    answerOne(words.join(' '));
    return;
  }
  // Waiting silently on a terminal looks like a hang.
  if (process.stdin.isTTY) process.stderr.write('reading questions from stdin, one per line (Ctrl+D to end)\n');
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    answerOne(line.trim());
  }
}

/** The quotations `quotes [name]` lists: all, or one speaker's as the bot's `/quotes name`; null: nobody by that name. */
function quotationsOf(corpus: Corpus, name: string): readonly Quotation[] | null {
  if (name === '') return corpus.quotations;
  const index = findSpeakerIndex(corpus, name);
  return index < 0 ? null : quotationsOfSpeaker(corpus, index);
}

async function runQuotes(nameWords: string[], opts: { json?: boolean; explain?: boolean; corpus?: string }): Promise<void> {
  if (opts.explain && !opts.json) throw new UsageError('--explain goes with --json');
  const corpus = await openCorpus(opts.corpus);
  const name = nameWords.join(' ').trim();
  const quotations = quotationsOf(corpus, name);
  if (quotations === null) {
    process.stderr.write(`${noSpeakerLine(name)}\n`.replace('Try /speakers.', 'See whosaid quotes for everyone quoted.'));
    if (opts.json) process.stdout.write('[]\n');
    return;
  }
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify(
        quotations.map((q) => quoteJson(corpus, q, opts.explain)),
        null,
        2,
      )}\n`,
    );
    return;
  }
  for (const q of quotations) {
    const speakers = shownSpeakers(q);
    const words = storyWords(q);
    const line = phraseQuote({ quote: q.quote, kind: q.kind, speakers, attributedTo: words, verb: q.verb }).text;
    process.stdout.write(`${line}\n  → ${formatSpeakers(speakers, words)} [${q.kind}] (${q.articleId})\n`);
  }
}

async function runChatCommand(opts: { corpus?: string }): Promise<void> {
  const config = readConfig();
  const { runTerminalChat } = await import('../chat.ts');
  await runTerminalChat(opts.corpus === undefined ? config : { ...config, corpusDir: resolve(opts.corpus) });
}

async function runBotCommand(opts: { corpus?: string }): Promise<number> {
  const config = readConfig();
  if (!config.botToken) {
    throw new UsageError('TELEGRAM_BOT_TOKEN is not set. Get a token from @BotFather and put it in .env (README: "Your first bot in five minutes").');
  }
  const botConfig = opts.corpus === undefined ? config : { ...config, corpusDir: resolve(opts.corpus) };
  await assertFolder(botConfig.corpusDir);
  const { runBot } = await import('../telegram/run.ts');
  return runBot(botConfig);
}

const HELP_AFTER = `
Examples:
  whosaid ask "who said 1,200?"
  whosaid ask --json < questions.txt
  whosaid quotes zelenskiy
  whosaid chat
Settings come from the environment or .env (see .env.example): CORPUS_DIR, TELEGRAM_BOT_TOKEN, …
Exit codes: 0 ok (also "not found"), 1 no story loaded or the folder is missing, 2 usage error.`;

/** The exit code an action chose (the bot's own), when not 0. */
const actionExit = { code: EXIT.ok as number };

export function createProgram(): Command {
  const program = new Command('whosaid')
    .description('Answer "who said …?" about the stories in corpus/')
    .version(VERSION, '-V, --version')
    .addHelpText('after', HELP_AFTER)
    .exitOverride();
  program
    .command('ask')
    .description('answer a question (or one per line from stdin)')
    .argument('[question...]', 'the question; omit to read questions from stdin')
    .option('--json', 'print one JSON object per question')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR or ./corpus)')
    .option('--limit <n>', 'answers per question')
    .action(runAsk);
  program
    .command('quotes')
    .description("list every quotation found, or one person's (like the bot's /quotes name)")
    .argument('[name...]', 'only the quotations of this speaker (typos allowed)')
    .option('--json', 'print a JSON array')
    .option('--explain', 'with --json: add rule, cue, resolvedBy, attribution, mention and any withheld speaker')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR or ./corpus)')
    .action(runQuotes);
  registerEvalCommand(program);
  registerBenchCommand(program);
  program
    .command('chat')
    .description("a chat in the terminal with the bot's commands (/help, /quotes, …); what npm start opens without a token")
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR or ./corpus)')
    .action(runChatCommand);
  program
    .command('bot')
    .description('run the Telegram bot (needs TELEGRAM_BOT_TOKEN); what npm start runs with a token')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR or ./corpus)')
    .action(async (opts: { corpus?: string }) => {
      actionExit.code = await runBotCommand(opts);
    });
  return program;
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
/**
 * `whosaid quotes | head`: when the reader closes the pipe, stop quietly, as Unix tools do (exit 0,
 * no stack trace). Any other write error is still thrown.
 */
let pipeWatched = false;
function quietOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(EXIT.ok);
  });
}

export async function runCli(argv: readonly string[], extra: (program: Command) => void = () => {}): Promise<number> {
  quietOnClosedPipe();
  const program = createProgram();
  extra(program);
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    actionExit.code = EXIT.ok;
    await program.parseAsync([...argv], { from: 'user' });
    return actionExit.code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT.usage;
    }
    const folder = folderErrorMessage(err);
    if (folder !== null) {
      process.stderr.write(`error: ${folder}\n`);
      return EXIT.noStory;
    }
    if (err instanceof WhosaidError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT.noStory;
    }
    process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.noStory;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
}
