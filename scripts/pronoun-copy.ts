/**
 * A stress test for pronoun resolution on news nobody tuned for (issue 13). PolNeAR gives a
 * pronoun's source as "he", so polnear-dev cannot score whom a pronoun is resolved to. This makes
 * the measurement: in each article, one named quotation's "Surname said" (or says, told, added …)
 * becomes "he said" / "she said", when the full name was given earlier and the surname was named
 * in the 600 characters before; the article is extracted again and the quotation's speaker checked
 * against the person the gold names.
 *
 *   npm run --silent pronoun-copy                      both dev sets, first three such quotations per article
 *   npm run --silent pronoun-copy -- --data DIR        one folder with articles/ and gold.jsonl
 *   npm run --silent pronoun-copy -- --list            also print every wrong stated answer, with its context
 *
 * It is a lower bound: a writer names someone exactly where "he" would be ambiguous, so some of
 * the pronouns made here have two readings. Read the wrong answers before trusting a figure. The
 * copies live in memory only; never run it on holdout gold.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCertain } from '../src/core/certainty.ts';
import { loadArticles } from '../src/core/corpus.ts';
import { extractQuotations } from '../src/core/extract.ts';
import { genderOfPersonName } from '../src/core/nlp.ts';
import { readCorpusDir } from '../src/node/corpus-dir.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const data = args[args.indexOf('--data') + 1];
const DIRS = args.includes('--data') && data ? [resolve(data)] : ['ggt-dev', 'polnear-dev'].map((d) => resolve(ROOT, '../shared/eval', d));
const LIST = args.includes('--list');
const PICKS = 3;
const VERBS = 'said|says|told|added|argued|noted|explained|wrote|insisted|continued|stated|recalled';

interface GoldQuote {
  readonly quote: string;
  readonly speaker: string;
  readonly mention: string;
  readonly speech?: boolean;
  readonly named?: boolean;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with one "Surname said" near the gold quote turned into a pronoun, or null. */
function pronounCopy(text: string, g: GoldQuote): { text: string; surname: string; at: number } | null {
  const surname = g.mention.replace(/^(?:Mr|Mrs|Ms|Dr)\.\s/, '');
  const full = new RegExp(`\\b([A-Z][a-z]+(?:\\s[A-Z]\\.)?\\s${escapeRegExp(surname)})\\b`).exec(text);
  const gender = full ? genderOfPersonName(full[1]?.split(' ')[0] ?? '') : null;
  const quoteAt = text.indexOf(g.quote.slice(0, 40));
  if (!full || !gender || quoteAt < 0 || full.index > quoteAt) return null;
  const tag = new RegExp(`\\b${escapeRegExp(g.mention)} (?:${VERBS})\\b`, 'g');
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const near = Math.abs(m.index - quoteAt) < 250 && !text.slice(Math.min(m.index, quoteAt), Math.max(m.index, quoteAt)).includes('\n\n');
    const prev = text.lastIndexOf(surname, m.index - 1);
    if (!near || m.index <= full.index + full[0].length || prev < 0 || m.index - prev > 600) continue;
    const pronoun = gender === 'm' ? 'he' : 'she';
    const opens = /(?:^|[.!?]["”’']?\s+|\n)$/.test(text.slice(0, m.index));
    const word = opens ? pronoun[0]?.toUpperCase() + pronoun.slice(1) : pronoun;
    return { text: text.slice(0, m.index) + word + text.slice(m.index + g.mention.length), surname, at: m.index };
  }
  return null;
}

async function run(dir: string): Promise<void> {
  const gold = new Map<string, GoldQuote[]>();
  const lines = await readFile(join(dir, 'gold.jsonl'), 'utf8').catch(() => null);
  if (lines === null) {
    // Like `npm run eval`: the data stays beside the project, and a clone without it says so.
    console.log(`${dir}: no gold.jsonl there (the evaluation data lives in ../shared/eval); skipped`);
    if (args.includes('--data')) process.exitCode = 1;
    return;
  }
  for (const line of lines.split('\n').filter(Boolean)) {
    const g = JSON.parse(line) as { article: string; quotes: GoldQuote[] };
    gold.set(g.article, g.quotes);
  }
  const { files } = await readCorpusDir(join(dir, 'articles'));
  const tally = { 'right, stated': 0, 'wrong, stated': 0, 'right, withheld': 0, 'wrong, withheld': 0, 'no speaker': 0, 'not found': 0 };
  const wrong: string[] = [];
  for (const file of files) {
    const id = file.path.replace(/^.*\//, '').replace(/\.\w+$/, '');
    const text = typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
    const eligible = (gold.get(id) ?? []).filter(
      (g) => g.speech !== false && g.named !== false && /^(?:(?:Mr|Mrs|Ms|Dr)\.\s)?[A-Z][a-z’'-]+$/.test(g.mention) && g.quote.length > 30,
    );
    let made = 0;
    for (const g of eligible) {
      const copy = made < PICKS ? pronounCopy(text, g) : null;
      if (!copy) continue;
      made++;
      const article = loadArticles([{ path: file.path, content: copy.text }]).articles[0];
      const wanted = norm(g.quote);
      const q = article
        ? extractQuotations(article).find((x) => {
            const p = norm(x.quote);
            return p.length > 10 && (wanted.includes(p.slice(0, 30)) || p.includes(wanted.slice(0, 30)));
          })
        : undefined;
      if (!q) tally['not found']++;
      else if (q.speakers.length === 0) tally['no speaker']++;
      else {
        const right = q.speakers.some((s) => s.name.split(/\s+/).includes(copy.surname));
        const key = `${right ? 'right' : 'wrong'}, ${isCertain(q) ? 'stated' : 'withheld'}` as const;
        tally[key]++;
        if (key === 'wrong, stated')
          wrong.push(
            `${id}: ${g.speaker} → ${JSON.stringify(q.speakers.map((s) => s.name))} (${q.resolvedBy}) | ${copy.text.slice(Math.max(0, copy.at - 160), copy.at + 60).replace(/\s+/g, ' ')}`,
          );
      }
    }
  }
  const stated = tally['right, stated'] + tally['wrong, stated'];
  const share = stated ? ((100 * tally['right, stated']) / stated).toFixed(1) : '–';
  console.log(`${dir.replace(/^.*\//, '')}: ${JSON.stringify(tally)}; stated right ${tally['right, stated']} of ${stated} (${share}%)`);
  if (LIST) for (const w of wrong) console.log(`  ${w}`);
}

for (const dir of DIRS) await run(dir);
