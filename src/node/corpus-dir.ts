/** Reading a corpus folder from disk: every supported file under it, recursively, as SourceFiles. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { buildCorpus, loadArticles, type Corpus } from '../core/corpus.ts';
import { formatOf } from '../core/read/load.ts';
import type { LoadWarning, SourceFile } from '../core/types.ts';
import { WhosaidError } from '../core/errors.ts';

export interface CorpusFiles {
  readonly files: SourceFile[];
  readonly warnings: LoadWarning[];
}

/** List and read the corpus files. Unreadable or unsupported files become warnings, not failures. */
export async function readCorpusDir(dir: string): Promise<CorpusFiles> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
  } catch (err) {
    throw new WhosaidError(`Cannot read the corpus folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
  const files: SourceFile[] = [];
  const warnings: LoadWarning[] = [];
  for (const full of entries) {
    const path = relative(dir, full).split(sep).join('/');
    if (path.split('/').some((part) => part.startsWith('.'))) continue; // hidden files and the index cache
    if (/(?:^|\/)(?:README|LICENSE)(?:\.\w+)?$/i.test(path)) continue;
    if (!formatOf(path)) {
      warnings.push({ path, reason: 'skipped: not a .txt, .md or .html file' });
      continue;
    }
    try {
      files.push({ path, content: await readFile(full) });
    } catch (err) {
      warnings.push({ path, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
    }
  }
  return { files, warnings };
}

export interface LoadedCorpus {
  readonly corpus: Corpus;
  readonly warnings: LoadWarning[];
}

/** Read, load and index a corpus folder. Throws when no story loads. */
export async function loadCorpusDir(dir: string): Promise<LoadedCorpus> {
  const { files, warnings: readWarnings } = await readCorpusDir(dir);
  const { articles, warnings } = loadArticles(files);
  const all = [...readWarnings, ...warnings];
  if (articles.length === 0) {
    throw new WhosaidError(
      `No story loaded from ${dir}${all.length ? ` (${all.map((w) => `${w.path}: ${w.reason}`).join('; ')})` : ': the folder has no .txt, .md or .html files'}`,
    );
  }
  return { corpus: buildCorpus(articles), warnings: all };
}
