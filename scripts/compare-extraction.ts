/**
 * Behaviour guard for refactors: run the extraction (what `quotes --json` prints: quote, kind,
 * speakers, said, attributedTo) over every evaluation text and corpus/, in-process.
 *
 *   npm run compare -- --save   record the snapshot in .cache/compare-extraction.json
 *   npm run compare -- --all    list every file that differs, not the first 20
 *   npm run compare             compare with it; exits 1 with a short diff summary on any difference
 *   --provenance                also record and compare each quotation's rule, cue and resolvedBy
 *                               (its own snapshot): for refactors that must not move a quotation
 *                               from one rule to another
 *
 * Reads texts only (never holdout gold); a holdout file that differs is counted, never shown. The snapshot holds eval text excerpts: .cache/ is gitignored.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shownSpeakers, storyWords } from '../src/core/certainty.ts';
import { loadArticles } from '../src/core/corpus.ts';
import { extractQuotations } from '../src/core/extract.ts';
import { CUE_RULES, QUOTE_RULES, RESOLVERS } from '../src/core/rules.ts';
import { readCorpusDir } from '../src/node/corpus-dir.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '../shared/eval');
const DIRS: readonly string[] = [
  join(SHARED, 'ggt-dev/articles'),
  join(SHARED, 'polnear-dev/articles'),
  join(SHARED, 'pages'),
  join(SHARED, 'holdout/ggt'),
  join(SHARED, 'holdout/polnear'),
  join(ROOT, 'corpus'),
];
const PROVENANCE = process.argv.includes('--provenance');
const SNAPSHOT = join(ROOT, PROVENANCE ? '.cache/compare-extraction-provenance.json' : '.cache/compare-extraction.json');

type Snapshot = Record<string, string>;

const LISTED = {
  rule: new Set<string>(QUOTE_RULES.map((r) => r.id)),
  cue: new Set<string>(CUE_RULES.map((r) => r.id)),
  resolvedBy: new Set<string>(RESOLVERS.map((r) => r.id)),
};
/** Quotations whose provenance ids are missing from the tables in rules.ts (a bug). */
const unlisted: string[] = [];

/** One line of JSON per quotation, keyed by folder and file; the same fields `quotes --json` prints. */
async function extractAll(): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const dir of DIRS) {
    const label = dir.startsWith(SHARED) ? dir.slice(SHARED.length + 1) : 'corpus';
    const { files } = await readCorpusDir(dir);
    for (const file of files) {
      const { articles } = loadArticles([file]);
      const lines = articles.flatMap(extractQuotations).map((q) => {
        for (const field of ['rule', 'cue', 'resolvedBy'] as const) if (!LISTED[field].has(q[field])) unlisted.push(`${q.id}: ${field} "${q[field]}"`);
        const words = storyWords(q);
        return JSON.stringify({
          quote: q.quote,
          kind: q.kind,
          speakers: shownSpeakers(q),
          ...(words === undefined ? {} : { attributedTo: words }),
          said: q.said,
          ...(PROVENANCE ? { rule: q.rule, cue: q.cue, resolvedBy: q.resolvedBy } : {}),
        });
      });
      out[`${label}/${file.path}`] = lines.join('\n');
    }
  }
  return out;
}

async function main(): Promise<number> {
  const started = Date.now();
  const now = await extractAll();
  const files = Object.keys(now).length;
  const quotes = Object.values(now).reduce((n, s) => n + (s === '' ? 0 : s.split('\n').length), 0);
  if (unlisted.length > 0) {
    console.error(`${unlisted.length} provenance ids not in src/core/rules.ts, e.g. ${unlisted.slice(0, 5).join('; ')}`);
    return 1;
  }
  if (process.argv.includes('--save')) {
    await mkdir(dirname(SNAPSHOT), { recursive: true });
    await writeFile(SNAPSHOT, JSON.stringify(now));
    console.log(`saved ${quotes} quotations from ${files} files to ${SNAPSHOT} (${Date.now() - started} ms)`);
    return 0;
  }
  let before: Snapshot;
  try {
    before = JSON.parse(await readFile(SNAPSHOT, 'utf8')) as Snapshot;
  } catch {
    console.error(`no snapshot at ${SNAPSHOT}: run \`npm run compare -- --save\` on the code to compare against`);
    return 2;
  }
  const differing: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(now)])) if (before[key] !== now[key]) differing.push(key);
  if (differing.length === 0) {
    console.log(`identical: ${quotes} quotations in ${files} files (${Date.now() - started} ms)`);
    return 0;
  }
  console.log(`DIFFERENT in ${differing.length} of ${files} files:`);
  // Holdout texts are compared (a refactor must not change them) but never shown: no rule may be
  // written from what they say.
  const held = differing.filter((key) => key.startsWith('holdout/'));
  if (held.length > 0) console.log(`  ${held.length} holdout files differ (their lines are not shown)`);
  const shown = differing.filter((key) => !key.startsWith('holdout/'));
  const limit = process.argv.includes('--all') ? shown.length : 20;
  for (const key of shown.slice(0, limit)) {
    const a = new Set((before[key] ?? '').split('\n'));
    const b = new Set((now[key] ?? '').split('\n'));
    console.log(`  ${key}${before[key] === undefined ? ' (new file)' : now[key] === undefined ? ' (file gone)' : ''}`);
    for (const line of [...a].filter((l) => l && !b.has(l)).slice(0, 3)) console.log(`    - ${line.slice(0, 200)}`);
    for (const line of [...b].filter((l) => l && !a.has(l)).slice(0, 3)) console.log(`    + ${line.slice(0, 200)}`);
  }
  if (shown.length > limit) console.log(`  … and ${shown.length - limit} more (--all lists every file)`);
  return 1;
}

process.exitCode = await main();
