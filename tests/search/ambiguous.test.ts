import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/answer/answer.ts';
import { buildCorpus } from '../../src/core/corpus.ts';
import type { Article, Quotation } from '../../src/core/types.ts';

/** `n` stories, each quoting someone on "1,200", dated one day apart; story 0 also says "boats". */
function archive(n: number): { articles: Article[]; quotations: Quotation[] } {
  const articles: Article[] = [];
  const quotations: Quotation[] = [];
  for (let i = 0; i < n; i++) {
    const id = `s${i}`;
    const quote = i === 0 ? '"We will need 1,200 boats,"' : `"We will need 1,200 of them in district ${i + 10},"`;
    const date = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
    articles.push({
      id,
      title: `Story ${i}`,
      source: null,
      date,
      url: null,
      authors: [],
      byline: null,
      section: null,
      format: 'md',
      paragraphs: [`${quote} said Person ${i}.`],
    });
    quotations.push({
      id: `${id}#1`,
      articleId: id,
      quote,
      kind: 'direct',
      speakers: [{ name: `Person Number${i}`, role: null }],
      said: null,
      span: { paragraph: 0, start: 0, end: quote.length },
      mention: '',
      verb: 'said',
      attribution: 'name',
      rule: 'direct-tag-after',
      cue: 'subject-after',
      resolvedBy: 'name',
    });
  }
  return { articles, quotations };
}

describe('ambiguous bare questions at scale', () => {
  const { articles, quotations } = archive(300);
  const corpus = buildCorpus(articles, quotations);

  it('counts every story that matches, not just the answers fetched', () => {
    const r = ask(corpus, 'who said 1,200?');
    expect(r.found).toBe(true);
    expect(r.storiesMatched).toBe(300);
  });

  it('puts the newest story first when nothing else separates them', () => {
    expect(ask(corpus, 'who said 1200').answers[0]?.article.id).toBe('s299');
  });

  it('lets the rest of the question decide before recency', () => {
    const r = ask(corpus, 'who said 1,200 boats');
    expect(r.answers[0]?.article.id).toBe('s0');
  });
});
