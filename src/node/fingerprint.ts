/**
 * Fingerprints of the code, so the saved index is only reused by code that would build the same:
 * - `extractionFingerprint`: the modules one file's extraction runs (and the versions of the
 *   packages they import, compromise among them). Saved quotations are per this fingerprint, so an
 *   upgrade that changes how quotations are found re-extracts the corpus instead of serving stale
 *   speakers, and one that changes only searching or answering keeps a 100,000-story archive's
 *   quotations (hours of extraction) and rebuilds its search index from them (seconds).
 * - `codeFingerprint`: the whole pure core, for the saved search indexes.
 * Both hash the code as esbuild compiles it (types, comments and layout gone), so a comment-only or
 * formatting change keeps everything.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, transformSync, version as esbuildVersion } from 'esbuild';

const CORE = fileURLToPath(new URL('../core/', import.meta.url));
const SRC = fileURLToPath(new URL('../', import.meta.url));
/** What a worker runs per corpus file: loading and extraction. */
const EXTRACTION_ENTRY = fileURLToPath(new URL('./extract-file.ts', import.meta.url));

let cached: string | null = null;
let extraction: string | null = null;

/**
 * One source file as it runs: TypeScript compiled to JavaScript with whitespace minified and every
 * comment dropped, identifiers kept. A file esbuild cannot parse is hashed as written.
 */
export function compiledForm(source: string, path: string): string {
  try {
    return transformSync(source, { loader: path.endsWith('.ts') ? 'ts' : 'js', minifyWhitespace: true, legalComments: 'none', format: 'esm' }).code;
  } catch {
    return source;
  }
}

/**
 * sha1 (12 hex digits) over the compiled form of every `.ts`/`.js` file under `root`, in path order.
 *
 * @example
 * fingerprintOf('src/core/') === fingerprintOf('src/core/') // after a comment-only edit too
 */
export function fingerprintOf(root: string): string {
  const files = sourceFiles(root);
  const h = createHash('sha1');
  for (const f of files) hashSource(h, root, f);
  return h.digest('hex').slice(0, 12);
}

/** Add one source file to a hash: its path (with `/`), then its compiled form. */
function hashSource(h: Hash, root: string, path: string): void {
  h.update(`${path.replaceAll('\\', '/')}\0`).update(compiledForm(readFileSync(join(root, path), 'utf8'), path));
}

function sourceFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(?:ts|js)$/.test(f))
    .sort();
}

/** The fingerprint of the pure core (`src/core/`), computed once per process (and remembered: see `remembered`). */
export function codeFingerprint(): string {
  cached ??= remembered(`core ${CORE}`, () => ({ value: fingerprintOf(CORE), files: sourceFiles(CORE).map((f) => join(CORE, f)), packages: [] }));
  return cached;
}

/** The fingerprint of one file's extraction (`extract-file.ts` and everything it imports), computed once per process (and remembered). */
export function extractionFingerprint(): string {
  extraction ??= remembered(`extraction ${EXTRACTION_ENTRY}`, () => moduleFingerprintOf(EXTRACTION_ENTRY));
  return extraction;
}

/**
 * sha1 (12 hex digits) over the compiled form of `entry` and every module it imports (found by
 * esbuild, type-only imports aside), in path order, and the name and version of each package they
 * import.
 */
export function moduleFingerprint(entry: string): string {
  return moduleFingerprintOf(entry).value;
}

/** `moduleFingerprint`, with the files (absolute paths) and packages it was computed from. */
function moduleFingerprintOf(entry: string): Computed {
  const root = dirname(SRC);
  const { metafile } = buildSync({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const inputs = Object.entries(metafile.inputs).sort(([a], [b]) => (a < b ? -1 : 1));
  const packages = new Set<string>();
  const h = createHash('sha1');
  for (const [path, input] of inputs) {
    hashSource(h, root, path);
    for (const i of input.imports) if (i.external && !i.path.startsWith('node:')) packages.add(packageName(i.path));
  }
  const require = createRequire(entry);
  const names = [...packages].sort();
  for (const name of names) h.update(`${name}@${packageVersion(require, name)}\n`);
  return { value: h.digest('hex').slice(0, 12), files: inputs.map(([path]) => join(root, path)), packages: names };
}

/** A fingerprint and what it was computed from: files (absolute paths) and the packages whose versions it includes. */
interface Computed {
  readonly value: string;
  readonly files: readonly string[];
  readonly packages: readonly string[];
}

/** A remembered fingerprint: its files by the sha1 of their text as written, its packages, and the key over both with their versions. */
interface Memo {
  readonly files: readonly string[];
  readonly packages: readonly string[];
  readonly key: string;
  readonly value: string;
}

/** Where fingerprints are remembered: beside the bundled worker, in `node_modules/.cache/whosaid/` (null when there is none). */
function memoFile(): string | null {
  try {
    const compromise = createRequire(import.meta.url).resolve('compromise');
    const at = compromise.lastIndexOf(`${sep}node_modules${sep}`);
    return at < 0 ? null : join(compromise.slice(0, at), 'node_modules', '.cache', 'whosaid', 'fingerprints.json');
  } catch {
    return null;
  }
}

/** What a fingerprint depends on: esbuild's version, every file's path and text as written, every package's installed version. */
function memoKey(files: readonly string[], packages: readonly string[]): string {
  const h = createHash('sha1').update(`esbuild@${esbuildVersion}\n`);
  for (const f of files) h.update(`${f}\0`).update(createHash('sha1').update(readFileSync(f)).digest('hex'));
  const require = createRequire(EXTRACTION_ENTRY);
  for (const name of packages) h.update(`\n${name}@${packageVersion(require, name)}`);
  return h.digest('hex');
}

/**
 * A fingerprint computed before (by any process) from the same files and package versions, else
 * computed now and remembered. Compiling every source with esbuild to hash it took about 0.9 s of
 * each start; reading and hashing the same files as written takes a few ms. The value is the same
 * either way. A file added to `src/core/` changes the folder's listing, so the core's memo also
 * keeps the listing; a module the extraction newly imports changes the file that imports it.
 * Memos are named by the source folder's absolute path, so two checkouts sharing one node_modules
 * keep one each. Unreadable or unwritable memo (a read-only install): computed every time.
 */
function remembered(name: string, compute: () => Computed): string {
  const path = memoFile();
  let memos: Record<string, Memo> = {};
  try {
    if (path && existsSync(path)) memos = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Memo>;
    const memo = memos[name];
    const listed = name.startsWith('core ') ? sourceFiles(CORE).map((f) => join(CORE, f)) : memo?.files;
    if (memo && listed && listed.join('\0') === memo.files.join('\0') && memoKey(memo.files, memo.packages) === memo.key) return memo.value;
  } catch {
    // A damaged memo, or one of its files gone: computed again below.
  }
  const computed = compute();
  try {
    if (path) {
      const memo: Memo = { ...computed, key: memoKey(computed.files, computed.packages) };
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ ...memos, [name]: memo }));
      renameSync(tmp, path);
    }
  } catch {
    // Not written: computed again next time.
  }
  return computed.value;
}

/** "@scope/name/sub" → "@scope/name", "name/sub" → "name". */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** The installed version of a package, from the package.json above its entry ("?" when not found). */
function packageVersion(require: NodeJS.Require, name: string): string {
  let dir: string;
  try {
    dir = dirname(require.resolve(name));
  } catch {
    return '?';
  }
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (json.name === name) return json.version ?? '?';
  }
  return '?';
}
