/**
 * A synthetic news archive for the benchmark: stories of 6 to 14 quotations each, by a mix of
 * recurring and one-off people, with generated dates. The archive of N quotations is a prefix of
 * the archive of M > N (same seed), so questions planted in the first stories hold at every size.
 */
import type { Article, Quotation } from '../core/types.ts';
import { createRandom, generatePerson, generateSentence, pick, varyNumbers, type TextModel } from './text.ts';

export interface Archive {
  readonly articles: Article[];
  readonly quotations: Quotation[];
}

const SOURCES = ['Reuters', 'AP', 'AFP', 'BBC', 'The Guardian', 'CTV News', 'Bloomberg'];
const RECURRING_PEOPLE = 5000;

function dateOf(random: () => number): string {
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** One story with its quotations; quotes are slices of their paragraphs, as extraction gives them. */
function generateStory(model: TextModel, random: () => number, people: readonly { name: string; role: string }[], n: number, count: number): Archive {
  const id = `bench/s${String(n).padStart(6, '0')}`;
  const title = generateSentence(model, random, 6, 14).replace(/[.!?]$/, '');
  const cast = Array.from({ length: 2 + Math.floor(random() * 3) }, () => (random() < 0.6 ? pick(random, people) : generatePerson(random)));
  const lead = varyNumbers(generateSentence(model, random), random);
  const paragraphs: string[] = [lead];
  const quotations: Quotation[] = [];
  for (let i = 0; i < count; i++) {
    const person = pick(random, cast);
    const body = varyNumbers(generateSentence(model, random), random).replace(/[.!?]$/, '');
    const quote = `“${body},”`;
    const text = `${quote} said ${person.name}, the ${person.role}.`;
    paragraphs.push(text);
    const paragraph = paragraphs.length - 1;
    quotations.push({
      id: `${id}#${i + 1}`,
      articleId: id,
      quote: text.slice(0, quote.length),
      kind: 'direct',
      speakers: [{ name: person.name, role: person.role }],
      said: null,
      span: { paragraph, start: 0, end: quote.length },
      mention: person.name,
      verb: 'said',
      attribution: 'name',
      rule: 'direct-tag-after',
      cue: 'subject-after',
      resolvedBy: 'name',
    });
  }
  const article: Article = {
    id,
    title,
    source: pick(random, SOURCES),
    date: dateOf(random),
    url: null,
    authors: [],
    byline: null,
    section: null,
    format: 'md',
    paragraphs,
  };
  return { articles: [article], quotations };
}

/** Generate an archive of (about, never fewer than) `size` quotations. */
export function generateArchive(model: TextModel, size: number, seed = 5): Archive {
  const random = createRandom(seed);
  const peopleRandom = createRandom(seed * 7919);
  const people = Array.from({ length: RECURRING_PEOPLE }, () => generatePerson(peopleRandom));
  const articles: Article[] = [];
  const quotations: Quotation[] = [];
  for (let n = 0; quotations.length < size; n++) {
    const story = generateStory(model, random, people, n, 6 + Math.floor(random() * 9));
    articles.push(...story.articles);
    for (const q of story.quotations) quotations.push(q);
  }
  return { articles, quotations };
}

/** The story as a markdown file with front matter, as a newsroom would drop it in the corpus. */
export function storyMarkdown(article: Article): string {
  return `---\ntitle: ${JSON.stringify(article.title)}\nsource: ${JSON.stringify(article.source)}\ndate: ${article.date}\n---\n\n${article.paragraphs.join('\n\n')}\n`;
}
