import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCorpus, loadArticles, type Corpus } from '../src/core/corpus.ts';
import type { Article, SourceFile } from '../src/core/types.ts';
import { loadArticle } from '../src/core/read/load.ts';
import { findParagraphQuotes } from '../src/core/quotes/find.ts';
import { extractQuotations } from '../src/core/extract.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const SEED_PATH = resolve(ROOT, 'corpus/ukraine-prisoner-exchange.txt');

export function seedFile(): SourceFile {
  return { path: 'ukraine-prisoner-exchange.txt', content: readFileSync(SEED_PATH) };
}

export function seedArticle(): Article {
  return loadArticle(seedFile());
}

export function seedCorpus(): Corpus {
  return buildCorpus(loadArticles([seedFile()]).articles);
}

/** An article made from paragraphs, for table-driven extractor tests. */
export function articleOf(paragraphs: string[], id = 'test'): Article {
  return { id, title: 'Test story', source: null, date: null, url: null, authors: [], byline: null, section: null, format: 'md', paragraphs };
}

/** [speaker as the sentence names them, words] of the quotations one paragraph gives (only reported speech with `indirectOnly`). */
export function foundIn(paragraph: string, indirectOnly = false): Array<[string | null, string]> {
  return findParagraphQuotes(paragraph, 0)
    .filter((q) => !indirectOnly || q.kind === 'indirect')
    .map((q) => [q.mention?.parts.join(' ') ?? null, q.text]);
}

/** [quote, speakers joined by " + "] of every quotation a story made of `paragraphs` gives. */
export function spokenBy(paragraphs: string[]): Array<[string, string]> {
  return extractQuotations(articleOf(paragraphs)).map((q) => [q.quote, q.speakers.map((s) => s.name).join(' + ')]);
}

/** The speakers of the last quotation a story made of `paragraphs` gives. */
export function lastSpeakers(paragraphs: string[]): string[] | undefined {
  return extractQuotations(articleOf(paragraphs))
    .at(-1)
    ?.speakers.map((s) => s.name);
}
