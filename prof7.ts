import { readFile } from 'node:fs/promises';
import { openCachedCorpus } from './src/node/corpus-cache.ts';
import { ask } from './src/core/answer.ts';
import { parseQuestion } from './src/core/question.ts';
const dir = process.argv[2];
const { questions, warmup } = JSON.parse(await readFile(dir + '/questions.json', 'utf8'));
const { corpus } = await openCachedCorpus(dir + '/corpus', { cacheDir: dir + '/cache' });
for (const t of warmup) ask(corpus, t);
const rows = [];
for (const q of questions) {
  const p = parseQuestion(q.text);
  const time = (f) => { const r = []; for (let i = 0; i < 3; i++) { const t = performance.now(); f(); r.push(performance.now() - t); } return r.sort((a, b) => a - b)[1]; };
  const a = time(() => ask(corpus, q.text));
  const s = time(() => corpus.search.search(p.words, { limit: 20 }));
  const pa = time(() => corpus.passages.search(p.words, { limit: 1 }));
  const m = time(() => corpus.search.matchingIds(p.words));
  const n = p.name ? time(() => corpus.search.findSpeakers(p.name, 3)) : 0;
  rows.push([a, s, pa, m, n, q.kind, ask(corpus, q.text).found, q.text]);
}
rows.sort((x, y) => y[0] - x[0]);
console.log('ask | search | passages | matchingIds | names | kind | found | text');
for (const r of rows.slice(0, 15)) console.log(r.map(x => typeof x === 'number' ? x.toFixed(1) : x).join(' | '));
