/**
 * Ratchet on size in src/core and the Telegram adapter: functions over 60 lines and files over 400
 * lines may get fewer, never more (issue: "no function in src/core over about 60 lines, no file
 * over about 400").
 *
 *   npm run --silent sizes [-- --list]   count (and list each one with --list); exits 1 above the limits
 *
 * A function is a declaration, method, or arrow/function expression of its own; its lines run from
 * its first to its last line. Nested functions count on their own and inside their parent.
 * After splitting one, lower the limit to the new count in the same commit.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const LIMITS = { longFunctions: 0, longFiles: 0 };
const FUNCTION_LINES = 60;
const FILE_LINES = 400;
const FOLDERS = ['src/core', 'src/telegram'];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Found {
  readonly where: string;
  readonly lines: number;
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText(source);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  return '(anonymous)';
}

function longFunctionsIn(path: string, text: string): Found[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > FUNCTION_LINES) found.push({ where: `${relative(ROOT, path)}:${first + 1} ${nameOf(node, source)}`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const functions: Found[] = [];
const files: Found[] = [];
for (const folder of FOLDERS) {
  const names = (await readdir(join(ROOT, folder), { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
  for (const name of names) {
    const path = join(ROOT, folder, name);
    const text = await readFile(path, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > FILE_LINES) files.push({ where: relative(ROOT, path), lines });
    functions.push(...longFunctionsIn(path, text));
  }
}
if (process.argv.includes('--list')) {
  for (const f of [...files].sort((a, b) => b.lines - a.lines)) console.log(`${String(f.lines).padStart(5)}  file      ${f.where}`);
  for (const f of [...functions].sort((a, b) => b.lines - a.lines)) console.log(`${String(f.lines).padStart(5)}  function  ${f.where}`);
}
const summary = `${functions.length} functions over ${FUNCTION_LINES} lines (limit ${LIMITS.longFunctions}), ${files.length} files over ${FILE_LINES} lines (limit ${LIMITS.longFiles}) in ${FOLDERS.join(', ')}`;
if (functions.length > LIMITS.longFunctions || files.length > LIMITS.longFiles) {
  console.error(`${summary}. Split instead of growing (scripts/sizes.ts).`);
  process.exit(1);
}
console.log(`${summary}${functions.length < LIMITS.longFunctions || files.length < LIMITS.longFiles ? ': lower the limits' : ''}`);
