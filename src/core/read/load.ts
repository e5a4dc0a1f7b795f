/**
 * Loading: one corpus file in, one Article out. Pure: the caller reads the bytes.
 * `.txt` is raw page text, `.md` is markdown with optional YAML front matter, `.html` a saved page.
 */
import matter from 'gray-matter';
import { authorsOf, cleanPageText, dropFurniture, parseDate } from './clean.ts';
import { CorpusFileError } from '../errors.ts';
import { loadHtmlPage } from './load-html.ts';
import type { Article, ArticleFormat, SourceFile } from '../types.ts';

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(['.txt', '.md', '.markdown', '.html', '.htm']);

/** The story id: the path relative to the corpus folder, without its extension, with `/` separators. */
export function articleIdOf(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .replace(/\.[^./]+$/, '');
}

export function formatOf(path: string): ArticleFormat | null {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'txt') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  return null;
}

function decodeText(file: SourceFile): string {
  if (typeof file.content === 'string') return file.content;
  const bytes = file.content;
  // NUL bytes never occur in text; a few of them mean an image, archive or other binary file.
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new CorpusFileError(file.path, 'looks like a binary file, not text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Older pages are often Windows-1252; decode leniently rather than drop the story.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function firstSentence(paragraphs: readonly string[]): string | null {
  const p = paragraphs[0];
  if (!p) return null;
  const s = /^(.{20,}?[.!?])(?:\s|$)/.exec(p)?.[1] ?? p;
  return s.length > 100 ? `${s.slice(0, 97).replace(/\s+\S*$/, '')}…` : s;
}

function humanise(id: string): string {
  const base = id.split('/').pop() ?? id;
  const words = base.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function stringField(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return null;
}

function authorsField(v: unknown): string[] {
  if (typeof v === 'string') return v.split(/\s*(?:,|;|\band\b)\s*/).filter(Boolean);
  if (Array.isArray(v)) return v.filter((a): a is string => typeof a === 'string' && a.trim() !== '');
  return [];
}

const MD_ITEM = /^\s*(?:[-*+]|\d{1,2}[.)])\s+/;

/**
 * Blocks with each item of a list as its own block opening on "• ", when it is a list: two items or
 * more, or any after a line ending in a colon ("Ruiz also said:"). A lone "- Sanders." under a
 * quotation is a sign-off, not a list, and stays as it was.
 */
function listBlocks(blocks: readonly string[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const items = lines.filter((l) => MD_ITEM.test(l)).length;
    const afterColon = /:\s*$/.test(out.at(-1) ?? '') || lines.some((l, i) => MD_ITEM.test(l) && /:\s*$/.test(lines[i - 1] ?? ''));
    if (items === 0 || (items < 2 && !afterColon)) {
      out.push(block);
      continue;
    }
    const segments: string[] = [];
    for (const line of lines) {
      if (MD_ITEM.test(line)) segments.push(`• ${line.replace(MD_ITEM, '')}`);
      else if (segments.length > 0 && /^\s/.test(line)) segments[segments.length - 1] += `\n${line}`;
      else segments.push(line);
    }
    out.push(...segments);
  }
  return out;
}

/** Markdown to plain paragraphs: headings, emphasis, links and images reduced to their text. */
function markdownParagraphs(body: string): { heading: string | null; paragraphs: string[] } {
  let heading: string | null = null;
  const paragraphs: string[] = [];
  for (const block of listBlocks(body.replace(/\r\n?/g, '\n').split(/\n\s*\n/))) {
    let text = block.trim();
    if (text === '') continue;
    const h = /^#{1,6}\s+(.*)$/.exec(text);
    if (h?.[1] && !text.includes('\n')) {
      heading ??= h[1].trim();
      continue;
    }
    text = text
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__)(.*?)\1/g, '$2')
      .replace(/(^|\W)[*_](\S(?:.*?\S)?)[*_](?=\W|$)/g, '$1$2')
      .replace(/^>\s?/gm, '')
      .replace(/^\s*[-*+]\s+/gm, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (text !== '') paragraphs.push(text);
  }
  return { heading, paragraphs };
}

function loadMarkdown(file: SourceFile, text: string): Omit<Article, 'id' | 'format'> {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // gray-matter caches by input string; pass a fresh options object to keep files independent.
    parsed = matter(text, {});
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new CorpusFileError(file.path, `broken front matter (${why})`, { cause: err });
  }
  const data = parsed.data as Record<string, unknown>;
  const { heading, paragraphs: raw } = markdownParagraphs(parsed.content);
  const paragraphs = dropFurniture(raw);
  const title = stringField(data['title']) ?? heading ?? firstSentence(paragraphs) ?? humanise(articleIdOf(file.path));
  const dateRaw = stringField(data['date']);
  return {
    title,
    source: stringField(data['source']),
    date: dateRaw ? (parseDate(dateRaw) ?? dateRaw) : null,
    url: stringField(data['url']),
    authors: authorsField(data['authors']),
    byline: null,
    section: stringField(data['section']),
    paragraphs,
  };
}

function loadHtml(file: SourceFile, text: string, warnings: string[]): Omit<Article, 'id' | 'format'> {
  const { meta, paragraphs, warnings: found } = loadHtmlPage(text);
  if (paragraphs.length === 0) throw new CorpusFileError(file.path, 'no article text found in the HTML page');
  warnings.push(...found);
  return {
    title: meta.title || firstSentence(paragraphs) || humanise(articleIdOf(file.path)),
    source: meta.source,
    date: meta.date,
    url: meta.url,
    authors: meta.authors,
    byline: meta.byline,
    section: meta.section,
    paragraphs,
  };
}

function loadText(text: string, id: string): Omit<Article, 'id' | 'format'> {
  const c = cleanPageText(text);
  return {
    title: c.title ?? humanise(id),
    source: c.source,
    date: c.date,
    url: null,
    authors: c.byline ? (/(?:Reporting|Writing) by/i.test(c.byline) ? authorsOfByline(c.byline) : authorsOf(c.byline)) : [],
    byline: c.byline,
    section: c.section,
    paragraphs: c.paragraphs,
  };
}

function authorsOfByline(byline: string): string[] {
  const m = /(?:Reporting|Writing) by ([^;]+)/i.exec(byline);
  if (!m?.[1]) return [];
  return m[1]
    .split(/\s*(?:,|\band\b)\s*/)
    .map((a) => a.replace(/\s+in\s+[A-Z][\w\s]*$/, '').trim())
    .filter(Boolean);
}

/** An article and what the reader should know about how it was loaded. */
export interface LoadedArticle {
  readonly article: Article;
  /** Why the body may not be the whole story (each names what was kept); empty when all is well. */
  readonly warnings: string[];
}

/**
 * Load one corpus file into an Article, with warnings about a body that may not be the whole story.
 * Throws CorpusFileError (naming the file and why) for unsupported, binary, empty or malformed files.
 *
 * @example
 * const { article, warnings } = loadArticleWithWarnings({ path: 'world/ukraine.html', content: '...' });
 */
export function loadArticleWithWarnings(file: SourceFile): LoadedArticle {
  const format = formatOf(file.path);
  if (!format) throw new CorpusFileError(file.path, `unsupported file type (expected ${SUPPORTED_EXTENSIONS.join(', ')})`);
  const text = decodeText(file);
  if (text.trim() === '') throw new CorpusFileError(file.path, 'the file is empty');
  const id = articleIdOf(file.path);
  const warnings: string[] = [];
  const body = format === 'md' ? loadMarkdown(file, text) : format === 'html' ? loadHtml(file, text, warnings) : loadText(text, id);
  if (body.paragraphs.length === 0) throw new CorpusFileError(file.path, 'no story text found after removing page furniture');
  return { article: { id, format, ...body }, warnings };
}

/**
 * Load one corpus file into an Article. Throws CorpusFileError (naming the file and why) for
 * unsupported, binary, empty or malformed files.
 *
 * @example
 * const article = loadArticle({ path: 'world/ukraine.txt', content: '...' }); // id 'world/ukraine'
 */
export function loadArticle(file: SourceFile): Article {
  return loadArticleWithWarnings(file).article;
}
