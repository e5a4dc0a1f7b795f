import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/core/corpus.ts';
import { CorpusFileError } from '../../src/core/errors.ts';
import { extractQuotations } from '../../src/core/extract.ts';
import { articleIdOf, loadArticle } from '../../src/core/read/load.ts';
import type { SourceFile } from '../../src/core/types.ts';

/** A wire story as copied from a news page: headline, section and date bullets, caption, byline, promo, related list. */
const WIRE_TXT = `Kyiv hopes to bring home 500 soldiers before winter


  • Europe
  • Monday, 3 Mar 2025

A soldier walks past a damaged building in Kharkiv, Ukraine, March 2, 2025. Ukrainian Emergency Service/Handout via REUTERS

KYIV, March 3 (Reuters) - Ukraine hopes to bring home 500 soldiers held by Russia before the winter, Defence Minister Oleksandr Petrenko said on Monday.

"We are preparing the lists and the families have been told," Petrenko told reporters in Kyiv. "The exchange could happen within weeks."

Russia's defence ministry did not respond to a request for comment.

(Reporting by Anna Marsh and Piotr Nowak in Kyiv; Editing by Tom Hale)

Follow us on Facebook for breaking news and key updates!

Next In Europe

Russia says it downed 77 Ukrainian drones overnight
Poland says "we will not back down" on border fence
Kremlin says talks with Washington were 'constructive'

Others Also Read

Read more
`;

function errorOf(file: SourceFile): CorpusFileError {
  try {
    loadArticle(file);
  } catch (err) {
    if (err instanceof CorpusFileError) return err;
    throw err;
  }
  throw new Error(`${file.path} loaded without an error`);
}

describe('articleIdOf', () => {
  it.each([
    ['world/ukraine.txt', 'world/ukraine'],
    ['ukraine.md', 'ukraine'],
    ['./world/storm.html', 'world/storm'],
    ['world\\europe\\kyiv.txt', 'world/europe/kyiv'],
    ['notes.v2.md', 'notes.v2'],
  ])('%s → %s', (path, id) => {
    expect(articleIdOf(path)).toBe(id);
  });
});

describe('loadArticle (.txt)', () => {
  const article = loadArticle({ path: 'world/kyiv.txt', content: WIRE_TXT });

  it('takes the first non-empty line as the headline', () => {
    expect(article.title).toBe('Kyiv hopes to bring home 500 soldiers before winter');
    expect(article.id).toBe('world/kyiv');
    expect(article.format).toBe('txt');
  });

  it('reads the date and section bullets', () => {
    expect(article.date).toBe('2025-03-03');
    expect(article.section).toBe('Europe');
  });

  it('takes the source from the dateline and strips it from the first paragraph', () => {
    expect(article.source).toBe('Reuters');
    expect(article.paragraphs[0]).toBe(
      'Ukraine hopes to bring home 500 soldiers held by Russia before the winter, Defence Minister Oleksandr Petrenko said on Monday.',
    );
  });

  it('turns "(Reporting by …; Editing by …)" into the byline and authors', () => {
    expect(article.byline).toBe('Reporting by Anna Marsh and Piotr Nowak in Kyiv; Editing by Tom Hale');
    expect(article.authors).toEqual(['Anna Marsh', 'Piotr Nowak']);
  });

  it('keeps exactly the body paragraphs', () => {
    expect(article.paragraphs).toHaveLength(3);
    expect(article.paragraphs[2]).toBe("Russia's defence ministry did not respond to a request for comment.");
  });

  it.each([
    'Handout',
    'via REUTERS',
    'Follow us',
    'Next In Europe',
    '77 Ukrainian drones',
    'we will not back down',
    'constructive',
    'Others Also Read',
    'Read more',
    'Reporting by',
  ])('drops the furniture "%s"', (furniture) => {
    expect(article.paragraphs.join('\n')).not.toContain(furniture);
  });

  it('never reads a related headline as a quotation', () => {
    const quotes = extractQuotations(article).map((q) => q.quote);
    expect(quotes).toHaveLength(3);
    expect(quotes.join('\n')).not.toMatch(/drones|back down|constructive/);
  });

  it.each([
    ['(Reuters) - Ukraine hopes to bring home 500 soldiers held by Russia before the winter, officials said.', 'Reuters'],
    ['KYIV, Nov 16 (Reuters) - Ukraine hopes to bring home 500 soldiers held by Russia before the winter, officials said.', 'Reuters'],
    ['WASHINGTON (AP) — The Senate passed the spending bill late on Friday after a long debate over border funding.', 'AP'],
  ])('dateline %s → source %s', (first, source) => {
    const a = loadArticle({ path: 'd.txt', content: `A headline\n\n${first}\n` });
    expect(a.source).toBe(source);
    expect(a.paragraphs[0]).not.toMatch(/\((?:Reuters|AP)\)/);
  });

  it.each([
    ['• Sunday, 16 Nov 2025', '2025-11-16'],
    ['Nov 16, 2025', '2025-11-16'],
    ['Updated 2025-11-16', '2025-11-16'],
  ])('date line %s → %s', (line, date) => {
    const a = loadArticle({ path: 'd.txt', content: `A headline\n${line}\nThe council approved the new budget on Thursday after a long debate.\n` });
    expect(a.date).toBe(date);
  });

  // Regression (was a bug): a related-list headline of 80+ characters ending in a closing double quote reads as a body
  // paragraph again, so it leaks into the story and becomes a quotation.
  it('drops a long related headline that ends with a quotation mark', () => {
    const txt = `Kyiv hopes to bring home 500 soldiers before winter

(Reuters) - Ukraine hopes to bring home 500 soldiers held by Russia before the winter, officials said on Monday.

Read more

Russia says it downed 77 Ukrainian drones overnight
Zelenskiy on the peace plan: "We will not trade our land for promises made by anyone in Moscow"
`;
    const a = loadArticle({ path: 'k.txt', content: txt });
    expect(a.paragraphs).toHaveLength(1);
    expect(
      extractQuotations(a)
        .map((q) => q.quote)
        .join('\n'),
    ).not.toContain('trade our land');
  });
});

describe('loadArticle (.md)', () => {
  it('reads the front matter', () => {
    const md = `---
title: Council approves new budget
source: Valley Gazette
url: https://example.com/budget
date: 2025-02-14
authors: [Ann Lee, Bo Chan]
---

# A heading that is not the title

The council approved the budget on Thursday, Mayor Ruth Park said.
`;
    expect(loadArticle({ path: 'local/budget.md', content: md })).toEqual({
      id: 'local/budget',
      format: 'md',
      title: 'Council approves new budget',
      source: 'Valley Gazette',
      url: 'https://example.com/budget',
      date: '2025-02-14',
      authors: ['Ann Lee', 'Bo Chan'],
      byline: null,
      section: null,
      paragraphs: ['The council approved the budget on Thursday, Mayor Ruth Park said.'],
    });
  });

  it.each([
    ['a string of authors', 'authors: Ann Lee and Bo Chan', ['Ann Lee', 'Bo Chan']],
    ['a comma list of authors', 'authors: Ann Lee, Bo Chan', ['Ann Lee', 'Bo Chan']],
  ])('reads %s', (_label, line, authors) => {
    const a = loadArticle({ path: 'a.md', content: `---\n${line}\n---\n\nThe council approved the budget on Thursday.\n` });
    expect(a.authors).toEqual(authors);
  });

  it('reads a written-out date', () => {
    const a = loadArticle({ path: 'a.md', content: `---\ndate: "February 14, 2025"\n---\n\nThe council approved the budget on Thursday.\n` });
    expect(a.date).toBe('2025-02-14');
  });

  it('falls back to the first heading for the title', () => {
    const a = loadArticle({ path: 'a.md', content: '# Council approves new budget\n\nThe council approved the budget on Thursday, Mayor Ruth Park said.\n' });
    expect(a.title).toBe('Council approves new budget');
    expect(a.paragraphs).toEqual(['The council approved the budget on Thursday, Mayor Ruth Park said.']);
  });

  it('falls back to the first sentence when there is no heading', () => {
    const a = loadArticle({ path: 'a.md', content: 'The council approved the new budget on Thursday. Mayor Ruth Park said it was fair.\n' });
    expect(a.title).toBe('The council approved the new budget on Thursday.');
  });

  it('reduces markdown to plain text', () => {
    const a = loadArticle({
      path: 'a.md',
      content:
        '# T\n\nThe **council** approved the [new budget](https://example.com) on _Thursday_, officials said.\n\n> "We balanced the books without cutting services," Mayor Ruth Park said.\n',
    });
    expect(a.paragraphs).toEqual([
      'The council approved the new budget on Thursday, officials said.',
      '"We balanced the books without cutting services," Mayor Ruth Park said.',
    ]);
  });

  it('throws CorpusFileError naming the file for broken front matter', () => {
    const err = errorOf({ path: 'local/broken.md', content: '---\ntitle: [unclosed\nsource: Gazette\n---\n\nThe council approved the budget on Thursday.\n' });
    expect(err.path).toBe('local/broken.md');
    expect(err.reason).toMatch(/front matter/);
    expect(err.message).toContain('local/broken.md');
  });
});

describe('headline-like lines', () => {
  const SUBHEAD = 'Poland says "we will not back down" on border fence';
  const BODY = [
    'Poland will finish the fence along its eastern border this year, Interior Minister Pavel Novak said on Monday.',
    '"We will not back down, whatever Minsk does next," Novak told reporters in Warsaw.',
  ];

  it.each([
    ['.txt', 'border.txt', `Poland to finish border fence\n\n${BODY[0]}\n\n${SUBHEAD}\n\n${BODY[1]}\n`],
    ['.md', 'border.md', `# Poland to finish border fence\n\n${BODY[0]}\n\n${SUBHEAD}\n\n${BODY[1]}\n`],
  ])('drop a short unpunctuated line with a quote in it (%s), so it never becomes a quotation', (_label, path, content) => {
    const a = loadArticle({ path, content });
    expect(a.paragraphs).toEqual(BODY);
    const quotes = extractQuotations(a);
    expect(quotes.map((q) => q.quote).join('\n')).not.toContain('we will not back down');
    expect(quotes.find((q) => q.kind === 'direct')?.speakers).toEqual([{ name: 'Pavel Novak', role: 'Interior Minister' }]);
  });
});

describe('loadArticle (.html)', () => {
  const html = `<!doctype html><html><head><title>Powerful storm cuts power to thousands on northern coast | Coast News</title>
<meta property="og:site_name" content="Coast News">
<meta property="article:published_time" content="2025-10-05T08:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport section</a></li></ul></nav>
<article>
<h1>Powerful storm cuts power to thousands on northern coast</h1>
<p>A powerful storm hit the northern coast on Saturday, cutting power to thousands of homes and closing schools in three towns, officials said.</p>
<p>"We have crews out in every district and we expect most homes to have power back by Monday," said Karen Wells, a spokeswoman for the utility.</p>
<p>Residents were asked to stay indoors while the winds remained strong, and the coast guard warned boats to stay in port until the weekend.</p>
</article>
<footer><p>Copyright 2025 Coast News. All rights reserved. Contact the newsroom at any time of day with your tips.</p></footer>
</body></html>`;
  const article = loadArticle({ path: 'weather/storm.html', content: html });

  it('reads title, source and date from the page', () => {
    expect(article.id).toBe('weather/storm');
    expect(article.format).toBe('html');
    expect(article.title).toBe('Powerful storm cuts power to thousands on northern coast');
    expect(article.source).toBe('Coast News');
    expect(article.date).toBe('2025-10-05');
  });

  it('keeps the article body without nav or footer', () => {
    expect(article.paragraphs).toHaveLength(3);
    expect(article.paragraphs[1]).toMatch(/^"We have crews out in every district/);
    const body = article.paragraphs.join('\n');
    for (const furniture of ['Home', 'Sport section', 'Copyright', 'All rights reserved']) expect(body).not.toContain(furniture);
  });

  it('finds the quotation in the page', () => {
    const quotes = extractQuotations(article);
    const direct = quotes.find((q) => q.kind === 'direct');
    expect(direct?.speakers).toEqual([{ name: 'Karen Wells', role: 'spokeswoman for the utility' }]);
  });

  // Regression (was a bug): for a short headline Readability keeps the <title> as is, so the site name stays in the title
  // although the page's <h1> (and og:site_name) say where the headline ends.
  it('drops the site name from a short page title', () => {
    const short = html.replace(/Powerful storm cuts power to thousands on northern coast/g, 'Storm hits coast');
    expect(loadArticle({ path: 'storm.html', content: short }).title).toBe('Storm hits coast');
  });
});

describe('loadArticle bad files', () => {
  it.each<[string, SourceFile, RegExp]>([
    ['binary bytes with NUL', { path: 'photos/cat.txt', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]) }, /binary/],
    ['an empty file', { path: 'empty.txt', content: '' }, /empty/],
    ['empty bytes', { path: 'empty.md', content: new Uint8Array() }, /empty/],
    ['whitespace only', { path: 'blank.md', content: '  \n\n\t \n' }, /empty/],
    ['an unsupported extension', { path: 'report.pdf', content: 'The council approved the budget on Thursday.' }, /unsupported file type.*\.txt/],
    ['a headline with no story', { path: 'headline.txt', content: 'Only a headline\n' }, /no story text/],
  ])('%s → CorpusFileError', (_label, file, reason) => {
    const err = errorOf(file);
    expect(err).toBeInstanceOf(CorpusFileError);
    expect(err.name).toBe('CorpusFileError');
    expect(err.path).toBe(file.path);
    expect(err.reason).toMatch(reason);
    expect(err.message).toBe(`${file.path}: ${err.reason}`);
  });

  it('decodes UTF-8 bytes and drops a byte-order mark', () => {
    const bytes = new TextEncoder().encode('\uFEFFCafé owners protest\n\nThe owners of the café said the new rent was too high for them to stay.\n');
    const a = loadArticle({ path: 'cafe.txt', content: bytes });
    expect(a.title).toBe('Café owners protest');
  });

  it('decodes Windows-1252 bytes rather than dropping the story', () => {
    const bytes = Uint8Array.from(
      [...'Caf', 0xe9, ...' owners protest\n\nThe owners said the new rent was too high for them to stay.\n'].map((c) =>
        typeof c === 'number' ? c : c.charCodeAt(0),
      ),
    );
    expect(loadArticle({ path: 'cafe.txt', content: bytes }).title).toBe('Café owners protest');
  });
});

describe('loadArticles', () => {
  it('keeps loading after bad files and names each one in a warning', () => {
    const { articles, warnings } = loadArticles([
      { path: 'good-1.md', content: 'The council approved the budget on Thursday, officials said.\n' },
      { path: 'bad/binary.txt', content: new Uint8Array([1, 2, 0, 3]) },
      { path: 'bad/empty.txt', content: '' },
      { path: 'bad/broken.md', content: '---\ntitle: [unclosed\n---\nBody.\n' },
      { path: 'good-2.txt', content: WIRE_TXT },
    ]);
    expect(articles.map((a) => a.id)).toEqual(['good-1', 'good-2']);
    expect(warnings.map((w) => w.path)).toEqual(['bad/binary.txt', 'bad/empty.txt', 'bad/broken.md']);
    for (const w of warnings) expect(w.reason).not.toBe('');
  });

  it('returns no articles and one warning per file when nothing loads', () => {
    const { articles, warnings } = loadArticles([
      { path: 'a.txt', content: ' ' },
      { path: 'b.doc', content: 'text' },
    ]);
    expect(articles).toEqual([]);
    expect(warnings).toHaveLength(2);
  });
});

describe('doubled single quotation marks', () => {
  it('reads a doubled pair that opens a word as an opening mark, whatever its shape (‘’It’s …)', () => {
    const article = loadArticle({
      path: 'shape.md',
      content:
        '---\ntitle: Shape\n---\n\nSen. Richard Shelby spoke on CBS’ “Face the Nation.” ‘’It’s not a question of who wins, who loses. Nobody wins in a shutdown,” he said.\n',
    });
    expect(article.paragraphs[0]).toContain('“It’s not a question');
    expect(extractQuotations(article).map((q) => q.quote)).toContain('“It’s not a question of who wins, who loses. Nobody wins in a shutdown,”');
  });

  it('reads ’’ and ‘‘ as one double mark, so the quote closes before its attribution', () => {
    const article = loadArticle({
      path: 'comics.md',
      content:
        '---\ntitle: Comics\n---\n\nAlfonso Espinos runs the shop in Kitchener and has done so for a year now.\n\n‘‘We dedicate ourselves solely to independent comic books and local creators,’’ says Alfonso Espinos, the founder of the press.\n',
    });
    const quotes = extractQuotations(article);
    expect(quotes.map((q) => [q.quote, q.speakers[0]?.name])).toEqual([
      ['“We dedicate ourselves solely to independent comic books and local creators,”', 'Alfonso Espinos'],
    ]);
  });
});

describe('archive-style doubled apostrophes', () => {
  it("reads ''…,'' as a quotation, in text and markdown alike", () => {
    const content =
      "---\ntitle: Tax\n---\n\nSteven Rosenthal is a senior fellow at the Tax Policy Center. ''Another look at the passive loss rules is warranted,'' he said.\n\nMr. Trump's returns ''show that there are ways to take advantage of the tax code,'' said Jacob Leibenluft, a senior policy adviser to Mrs. Clinton.\n";
    const quotes = extractQuotations(loadArticle({ path: 'tax.md', content }));
    expect(quotes.map((q) => [q.quote, q.speakers[0]?.name, q.speakers[0]?.role])).toEqual([
      ['“Another look at the passive loss rules is warranted,”', 'Steven Rosenthal', null],
      ["Mr. Trump's returns “show that there are ways to take advantage of the tax code,”", 'Jacob Leibenluft', 'senior policy adviser to Mrs. Clinton'],
    ]);
  });
});

describe('photo credits in spaced parentheses', () => {
  it('drops the credit and keeps each caption to itself, so one caption never runs into the next', () => {
    const article = loadArticle({
      path: 'captions.md',
      content:
        '---\ntitle: Clinic\n---\n\nRetired teacher Ann Lowe, 73, walks her dog near her home. Lowe says she has lost weight since she joined the program. ( Rick Mayes / Daily Star ) Accountant Tom Reyes, 50, says he is happy with the results of the program. ( J.P. DORE )\n\nThe program began in May, organisers said.\n',
    });
    expect(article.paragraphs).toEqual([
      'Retired teacher Ann Lowe, 73, walks her dog near her home. Lowe says she has lost weight since she joined the program.',
      'Accountant Tom Reyes, 50, says he is happy with the results of the program.',
      'The program began in May, organisers said.',
    ]);
    const quotes = extractQuotations(article);
    expect(quotes.find((q) => q.quote.startsWith('he is happy'))?.speakers[0]?.name).toBe('Tom Reyes');
  });

  it('leaves ordinary parentheses alone', () => {
    const article = loadArticle({
      path: 'p.md',
      content: '---\ntitle: P\n---\n\nThe agency (which runs the trains) said fares will rise (by 3 per cent) in May.\n',
    });
    expect(article.paragraphs).toEqual(['The agency (which runs the trains) said fares will rise (by 3 per cent) in May.']);
  });
});

describe('related-story headers', () => {
  it('keeps a body sentence that starts like a header ("Next in line for …")', () => {
    const article = loadArticle({
      path: 'line.md',
      content:
        '---\ntitle: Throne\n---\n\nThe council met on Monday.\n\nNext in line for the top job is the sultan of Pahang, who is now unwell. Some observers said he can abdicate in favour of his son.\n\nNext in World\n\nFloods hit the coast\n',
    });
    expect(article.paragraphs).toEqual([
      'The council met on Monday.',
      'Next in line for the top job is the sultan of Pahang, who is now unwell. Some observers said he can abdicate in favour of his son.',
    ]);
  });
});

describe('paragraphs split mid-sentence', () => {
  it('joins a paragraph that opens on a lower-case word to the one before, so a split quotation keeps its speaker', () => {
    const article = loadArticle({
      path: 'split.md',
      content:
        '---\ntitle: Split\n---\n\nTrevor Nick is a policy analyst.\n\n"Who may be included in a plan ... is at the discretion of the decision-maker.\n\nbased on the advice of the health professional," said Nick in an email.\n\niPhone sales rose.\n',
    });
    expect(article.paragraphs).toHaveLength(3);
    const quotes = extractQuotations(article);
    expect(quotes.map((q) => q.speakers[0]?.name)).toEqual(['Trevor Nick']);
  });
});
