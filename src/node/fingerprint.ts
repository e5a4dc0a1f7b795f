/**
 * A fingerprint of the extraction code: the saved index is only reused by the code that built it,
 * so an upgrade that changes how quotations are found re-extracts the corpus instead of serving
 * stale speakers.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/** sha1 (12 hex digits) over every source file of the pure core, in path order. */
export function codeFingerprint(): string {
  if (cached) return cached;
  const root = fileURLToPath(new URL('../core/', import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(?:ts|js)$/.test(f))
    .sort();
  const h = createHash('sha1');
  for (const f of files) h.update(`${f}\0`).update(readFileSync(join(root, f)));
  cached = h.digest('hex').slice(0, 12);
  return cached;
}
