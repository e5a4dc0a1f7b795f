/**
 * Ratchet on non-null assertions (`x!`) in src/: they may go down, never up. Narrow instead
 * (`const x = xs[i]; if (x === undefined) …`, `for (const [i, x] of xs.entries())`).
 *
 *   npm run --silent non-null [-- --files]   count (per file with --files); exits 1 above LIMIT
 *
 * After removing some, lower LIMIT to the new count in the same commit.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const LIMIT = 248;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function countIn(path: string, text: string): number {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  let n = 0;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.NonNullExpression) n++;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return n;
}

const files = (await readdir(join(ROOT, 'src'), { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
const counts: [string, number][] = [];
for (const f of files) {
  const path = join(ROOT, 'src', f);
  counts.push([relative(ROOT, path), countIn(path, await readFile(path, 'utf8'))]);
}
const total = counts.reduce((sum, [, n]) => sum + n, 0);
if (process.argv.includes('--files'))
  for (const [f, n] of counts.filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${f}`);
if (total > LIMIT) {
  console.error(`non-null assertions in src/: ${total}, more than the limit of ${LIMIT} (scripts/non-null.ts). Narrow instead of adding \`!\`.`);
  process.exit(1);
}
console.log(`non-null assertions in src/: ${total} (limit ${LIMIT}${total < LIMIT ? `: lower it to ${total}` : ''})`);
