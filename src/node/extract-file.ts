/**
 * One corpus file's extraction, as a message in and a message out: the same function runs in the
 * calling thread for a few files and in the extraction workers (`extract-pool.ts`) for many. It
 * reads nothing from disk, so a worker needs no file access of its own.
 */
import { CorpusFileError } from '../core/errors.ts';
import { extractQuotations } from '../core/extract.ts';
import { loadArticleWithWarnings } from '../core/read/load.ts';
import type { Article, Quotation } from '../core/types.ts';

export interface ExtractTask {
  readonly path: string;
  readonly content: Uint8Array;
}

/** The file's story and quotations, or why it gave none. */
export type ExtractResult =
  | { readonly ok: true; readonly article: Article; readonly quotations: Quotation[]; readonly warning: string | null }
  | { readonly ok: false; readonly reason: string };

/**
 * Load and extract one file's content; never throws.
 *
 * @example
 * extractFile({ path: 'a.md', content: Buffer.from('"We won," said Ada Byron.') });
 */
export function extractFile(task: ExtractTask): ExtractResult {
  try {
    const { article, warnings } = loadArticleWithWarnings({ path: task.path, content: task.content });
    return { ok: true, article, quotations: extractQuotations(article), warning: warnings.length > 0 ? warnings.join('; ') : null };
  } catch (err) {
    const reason = err instanceof CorpusFileError ? err.reason : `could not be read (${err instanceof Error ? err.message : String(err)})`;
    return { ok: false, reason };
  }
}
