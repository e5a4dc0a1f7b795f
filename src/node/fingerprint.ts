/**
 * A fingerprint of the extraction code: the saved index is only reused by the code that built it,
 * so an upgrade that changes how quotations are found re-extracts the corpus instead of serving
 * stale speakers. It hashes the code as esbuild compiles it (types, comments and layout gone), so a
 * comment-only or formatting change keeps a 100,000-story archive's index.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const CORE = fileURLToPath(new URL('../core/', import.meta.url));

let cached: string | null = null;

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
  for (const f of files) h.update(`${f.replaceAll('\\', '/')}\0`).update(compiledForm(readFileSync(join(root, f), 'utf8'), f));
  return h.digest('hex').slice(0, 12);
}

/** The fingerprint of the pure core (`src/core/`), computed once per process. */
export function codeFingerprint(): string {
  cached ??= fingerprintOf(CORE);
  return cached;
}
