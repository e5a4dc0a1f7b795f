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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, transformSync } from 'esbuild';

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
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(?:ts|js)$/.test(f))
    .sort();
  const h = createHash('sha1');
  for (const f of files) hashSource(h, root, f);
  return h.digest('hex').slice(0, 12);
}

/** Add one source file to a hash: its path (with `/`), then its compiled form. */
function hashSource(h: Hash, root: string, path: string): void {
  h.update(`${path.replaceAll('\\', '/')}\0`).update(compiledForm(readFileSync(join(root, path), 'utf8'), path));
}

/** The fingerprint of the pure core (`src/core/`), computed once per process. */
export function codeFingerprint(): string {
  cached ??= fingerprintOf(CORE);
  return cached;
}

/** The fingerprint of one file's extraction (`extract-file.ts` and everything it imports), computed once per process. */
export function extractionFingerprint(): string {
  extraction ??= moduleFingerprint(EXTRACTION_ENTRY);
  return extraction;
}

/**
 * sha1 (12 hex digits) over the compiled form of `entry` and every module it imports (found by
 * esbuild, type-only imports aside), in path order, and the name and version of each package they
 * import.
 */
export function moduleFingerprint(entry: string): string {
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
  for (const name of [...packages].sort()) h.update(`${name}@${packageVersion(require, name)}\n`);
  return h.digest('hex').slice(0, 12);
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
