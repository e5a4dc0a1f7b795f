/**
 * The command line: `ask` and `quotes` over the core, scriptable (JSON on stdout, errors on
 * stderr). Exit codes: 0 ok (also "not found"), 1 no story loaded, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { createInterface } from 'node:readline';
import { articleRef, ask } from '../core/answer.ts';
import type { Corpus } from '../core/corpus.ts';
import { UsageError, WhosaidError } from '../core/errors.ts';
import { isCertain, shownSpeakers, storyWords } from '../core/certainty.ts';
import { formatResult, formatSpeakers } from '../core/format.ts';
import { phraseQuote, quoteWords } from '../core/wording.ts';
import type { AskResult, Quotation } from '../core/types.ts';
import { readConfig } from '../config.ts';
import { loadCorpusDir } from '../node/corpus-dir.ts';
import { registerEvalCommand } from './eval.ts';
import { registerBenchCommand } from './bench.ts';

export const EXIT = Object.freeze({ ok: 0, noStory: 1, usage: 2 });

async function openCorpus(dir: string | undefined): Promise<Corpus> {
  const corpusDir = dir ?? readConfig().corpusDir;
  const { corpus, warnings } = await loadCorpusDir(corpusDir);
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
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    answerOne(line.trim());
  }
}

async function runQuotes(opts: { json?: boolean; explain?: boolean; corpus?: string }): Promise<void> {
  if (opts.explain && !opts.json) throw new UsageError('--explain goes with --json');
  const corpus = await openCorpus(opts.corpus);
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify(
        corpus.quotations.map((q) => quoteJson(corpus, q, opts.explain)),
        null,
        2,
      )}\n`,
    );
    return;
  }
  for (const q of corpus.quotations) {
    const speakers = shownSpeakers(q);
    const words = storyWords(q);
    const line = phraseQuote({ quote: q.quote, kind: q.kind, speakers, attributedTo: words, verb: q.verb }).text;
    process.stdout.write(`${line}\n  → ${formatSpeakers(speakers, words)} [${q.kind}] (${q.articleId})\n`);
  }
}

export function createProgram(): Command {
  const program = new Command('whosaid').description('Answer "who said …?" about the stories in corpus/').exitOverride();
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
    .description('list every quotation found')
    .option('--json', 'print a JSON array')
    .option('--explain', 'with --json: add rule, cue, resolvedBy, attribution, mention and any withheld speaker')
    .option('--corpus <dir>', 'corpus folder (default: CORPUS_DIR or ./corpus)')
    .action(runQuotes);
  registerEvalCommand(program);
  registerBenchCommand(program);
  return program;
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: readonly string[], extra: (program: Command) => void = () => {}): Promise<number> {
  const program = createProgram();
  extra(program);
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT.usage;
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
