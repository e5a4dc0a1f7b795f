/** "X also said:" followed by a list: each item is X's words, in page text, markdown and saved HTML alike. */
import { describe, expect, it } from 'vitest';
import { extractQuotations } from '../../src/core/extract.ts';
import { loadArticle } from '../../src/core/read/load.ts';
import { articleOf } from '../helpers.ts';

const ITEMS = ['The ferry will run every hour from the first of June.', 'Fares will not rise before the end of next year.'];
const LEAD = 'Harbour commissioner Lena Brooks answered questions from residents for two hours at the town hall on Tuesday evening.';

const FORMATS = {
  'page text (.txt)': {
    path: 'ferry.txt',
    content: `Ferry to run hourly\n\n${LEAD}\n\nBrooks also said:\n• ${ITEMS[0]}\n• ${ITEMS[1]}\n\nThe next meeting is in July.\n`,
  },
  'markdown, items under the intro': {
    path: 'ferry.md',
    content: `---\ntitle: Ferry to run hourly\n---\n\n${LEAD}\n\nBrooks also said:\n- ${ITEMS[0]}\n- ${ITEMS[1]}\n\nThe next meeting is in July.\n`,
  },
  'markdown, a numbered list': {
    path: 'ferry.md',
    content: `---\ntitle: Ferry to run hourly\n---\n\n${LEAD}\n\nBrooks also said:\n\n1. ${ITEMS[0]}\n2. ${ITEMS[1]}\n\nThe next meeting is in July.\n`,
  },
  'saved HTML': {
    path: 'ferry.html',
    content: `<html><head><title>Ferry to run hourly</title></head><body><article><h1>Ferry to run hourly</h1><p>${LEAD}</p><p>Brooks also said:</p><ul><li>${ITEMS[0]}</li><li>${ITEMS[1]}</li></ul><p>The next meeting of the harbour commission is in July, when the budget for the new ferry will be put to a vote.</p></article></body></html>`,
  },
};

describe('"X also said:" followed by a list', () => {
  it.each(Object.entries(FORMATS))('%s: each item is the speaker’s reported words', (_, file) => {
    const quotes = extractQuotations(loadArticle(file));
    const items = quotes.filter((q) => q.rule === 'said-list-item');
    expect(items.map((q) => [q.quote, q.kind, q.speakers.map((s) => s.name), q.resolvedBy])).toEqual(
      ITEMS.map((text) => [text, 'indirect', ['Lena Brooks'], 'intro']),
    );
  });

  it('keeps items without a full stop, which read like headlines on their own', () => {
    const html = `<html><head><title>Ferry</title></head><body><article><h1>Ferry to run hourly</h1><p>${LEAD}</p><p>Brooks also said:</p><ul><li>The ferry will run every hour from June</li><li>Fares will not rise before next year</li></ul><p>The next meeting of the harbour commission is in July, when the budget for the new ferry will be put to a vote.</p></article></body></html>`;
    const quotes = extractQuotations(loadArticle({ path: 'ferry.html', content: html }));
    expect(quotes.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([
      ['The ferry will run every hour from June', 'Lena Brooks'],
      ['Fares will not rise before next year', 'Lena Brooks'],
    ]);
  });

  it('gives a quoted item to the intro’s speaker as a direct quotation, also after the first item', () => {
    const quotes = extractQuotations(articleOf([LEAD, 'Brooks also said:', `• ${ITEMS[0]}`, '• “We owe the islanders a ferry they can set a watch by.”']));
    expect(quotes.map((q) => [q.kind, q.speakers[0]?.name, q.resolvedBy])).toEqual([
      ['indirect', 'Lena Brooks', 'intro'],
      ['direct', 'Lena Brooks', 'intro'],
    ]);
  });

  it.each([
    ['a list no one is said to have said', [LEAD, 'The plan has three parts:', `• ${ITEMS[0]}`, `• ${ITEMS[1]}`]],
    ['items too short to be a report', [LEAD, 'Brooks also said:', '• Fares.', '• Timetables.']],
    ['a list after a paragraph in between', [LEAD, 'Brooks also said:', 'The crowd was small.', `• ${ITEMS[0]}`]],
  ])('finds nothing in %s', (_, paragraphs) => {
    expect(extractQuotations(articleOf(paragraphs)).filter((q) => q.rule === 'said-list-item')).toEqual([]);
  });

  it('leaves a lone "- Name." under a quotation as it was (a sign-off, not a list)', () => {
    const article = loadArticle({ path: 'debate.md', content: '---\ntitle: Debate\n---\n\n"We will not cut the ferry."\n\n- Lena Brooks.\n' });
    expect(article.paragraphs).toEqual(['"We will not cut the ferry."', 'Lena Brooks.']);
  });
});
