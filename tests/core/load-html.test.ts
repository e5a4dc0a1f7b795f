import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/core/corpus.ts';
import { extractQuotations } from '../../src/core/extract.ts';
import { loadArticle, loadArticleWithWarnings } from '../../src/core/read/load.ts';

/** Four body paragraphs of an invented story, enough for Readability's default threshold. */
const BODY = `
<p>The Valley Bridge will close for six months from March while crews replace its deck, the county said on Tuesday, and traffic will be sent through the old mill road instead.</p>
<p>"We know this will be hard for everyone who drives to work across the river, but the deck is forty years old and it cannot wait," said Ruth Park, the county's chief engineer.</p>
<p>Shop owners on Mill Street said they feared losing trade during the closure, which will come in the busiest months of the year for the town's market and its summer fair.</p>
<p>The county will run a free shuttle bus across the old rail bridge every fifteen minutes during the works, and cyclists will be able to cross on foot, officials said.</p>`;

function page(head: string, body = BODY, before = ''): string {
  return `<!doctype html><html><head>${head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li></ul></nav>
<article>${before}<h1>Valley Bridge to close for six months</h1>${body}</article>
<footer><p>Copyright 2025 Valley Gazette. All rights reserved.</p></footer>
</body></html>`;
}

/** A page whose headline's header holds one short unlabelled line ("On 6/13/2025 by @annlee"). */
function shownByHeadline(head: string, line: string): string {
  return page(head, BODY, '').replace('<h1>', `<header><ul><li><small>${line}</small></li></ul><h1>`).replace('</h1>', '</h1></header>');
}

describe('loadArticle (.html) metadata, in order of trust', () => {
  it('reads JSON-LD first: headline, datePublished, author, publisher.name', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Valley Bridge to close for six months',
      datePublished: '2025-02-11T09:30:00-05:00',
      author: [{ '@type': 'Person', name: 'Ann Lee' }],
      publisher: { '@type': 'Organization', name: 'Valley Gazette' },
    };
    const head = `<title>Valley Bridge to close for six months | Valley Gazette</title>
<meta property="og:title" content="Bridge closing (og title)">
<meta property="article:published_time" content="2025-01-01T00:00:00Z">
<link rel="canonical" href="https://gazette.example/local/valley-bridge">
<script type="application/ld+json">${JSON.stringify(ld)}</script>`;
    const a = loadArticle({ path: 'local/bridge.html', content: page(head) });
    expect([a.title, a.source, a.date, a.byline, a.authors, a.url]).toEqual([
      'Valley Bridge to close for six months',
      'Valley Gazette',
      '2025-02-11',
      'Ann Lee',
      ['Ann Lee'],
      'https://gazette.example/local/valley-bridge',
    ]);
  });

  it('reads OpenGraph and article meta tags when there is no JSON-LD', () => {
    const head = `<title>Valley Bridge to close for six months - Ann Lee - Valley Gazette</title>
<meta property="og:title" content="Valley Bridge to close for six months - Ann Lee">
<meta property="og:site_name" content="Valley Gazette">
<meta property="article:published_time" content="2025-02-11T09:30:00Z">
<meta name="author" content="Ann Lee">
<meta property="og:url" content="https://gazette.example/local/valley-bridge?ref=og">`;
    const a = loadArticle({ path: 'bridge.html', content: page(head) });
    expect([a.title, a.source, a.date, a.byline, a.url]).toEqual([
      'Valley Bridge to close for six months',
      'Valley Gazette',
      '2025-02-11',
      'Ann Lee',
      'https://gazette.example/local/valley-bridge?ref=og',
    ]);
  });

  it('reads <time datetime> when no tag declares the date, as the page wrote it (not in UTC)', () => {
    const head = '<title>Valley Bridge to close for six months</title>';
    const byline = '<p class="byline">By Ann Lee</p><time datetime="2025-02-11T22:30:00-08:00">Feb 11</time>';
    const a = loadArticle({ path: 'bridge.html', content: page(head, BODY, byline) });
    expect(a.date).toBe('2025-02-11');
    expect(a.byline).toBe('Ann Lee');
  });

  it("prefers the date by the headline to a ticker's above it", () => {
    const head = '<title>Valley Bridge to close for six months</title>';
    const html = page(head, BODY, '<div class="byline-date">February 11, 2025</div>').replace(
      '<nav>',
      '<div class="ticker"><span class="date">March 3, 2025</span> Other news</div><nav>',
    );
    expect(loadArticle({ path: 'bridge.html', content: html }).date).toBe('2025-02-11');
  });

  it('prefers the author marked up by the headline to a byline in a column before it', () => {
    const head = '<title>Valley Bridge to close for six months</title>';
    const column = '<div class="most-read"><p class="byline">Bo Chan</p><p><a href="/other">Another story entirely</a></p></div>';
    const byline = '<p class="byline"><a href="/writer/ann-lee" rel="author">Ann Lee</a></p>';
    const html = page(head, BODY, byline).replace('<nav>', `${column}<nav>`);
    expect(loadArticle({ path: 'bridge.html', content: html }).byline).toBe('Ann Lee');
  });

  it('reads an author marked up by the headline (itemprop="author") when no tag declares one, not a commenter', () => {
    const head = '<title>Valley Bridge to close for six months</title>';
    const byline =
      '<div class="entry-byline"><span itemprop="author" itemscope><a href="/author/ann" rel="author"><span itemprop="name">Ann Lee</span></a></span></div>';
    const comments = '<div class="comments"><p class="comment-author" itemprop="author">Bo Chan</p></div>';
    const a = loadArticle({ path: 'bridge.html', content: page(head, BODY + comments, byline) });
    expect(a.byline).toBe('Ann Lee');
  });

  it('takes the day the page shows by its headline over a declared UTC time a day off ("6/13/2025" for 2025-06-12T23:00Z)', () => {
    const shown = (line: string) =>
      shownByHeadline('<title>Valley Bridge</title><meta property="article:published_time" content="2025-06-12T23:00:00.000Z">', line);
    expect(loadArticle({ path: 'bridge.html', content: shown('On 6/13/2025 by @annlee') }).date).toBe('2025-06-13');
    // The same day, or a date further off (another story's), leaves the declared day.
    expect(loadArticle({ path: 'bridge.html', content: shown('On 12/06/2025 by @annlee') }).date).toBe('2025-06-12');
    expect(loadArticle({ path: 'bridge.html', content: shown('On 6/20/2025 by @annlee') }).date).toBe('2025-06-12');
  });

  it('reads a byline the page shows only as text by its headline ("On 6/13/2025 by @annlee"), not a "by" line with no date', () => {
    const shown = (line: string) => shownByHeadline('<title>Valley Bridge</title>', line);
    expect(loadArticle({ path: 'bridge.html', content: shown('On 6/13/2025 by @annlee') }).byline).toBe('@annlee');
    expect(loadArticle({ path: 'bridge.html', content: shown('By Ann Lee | Feb. 11, 2025') }).byline).toBe('Ann Lee');
    expect(loadArticle({ path: 'bridge.html', content: shown('Photos supplied by Valley Camera Club') }).byline).toBeNull();
  });

  it('reads a date written in a date-labelled element', () => {
    const head = '<title>Valley Bridge to close for six months</title>';
    const a = loadArticle({ path: 'bridge.html', content: page(head, BODY, '<div class="story-meta__date">Published February 11, 2025</div>') });
    expect(a.date).toBe('2025-02-11');
  });

  it('reads the date of a dated dateline ("Feb. 11, 2025 --") and strips it', () => {
    const head = '<title>Valley Bridge to close for six months</title>';
    const body = BODY.replace('<p>The Valley Bridge', '<p>MILLTOWN, Feb. 11, 2025 -- The Valley Bridge');
    const a = loadArticle({ path: 'bridge.html', content: page(head, body) });
    expect(a.date).toBe('2025-02-11');
    expect(a.paragraphs[0]).toMatch(/^The Valley Bridge will close/);
  });

  it('keeps the outlet out of the authors ("By Ann Lee, Valley Gazette")', () => {
    const head = '<title>T</title><meta property="og:site_name" content="Valley Gazette"><meta name="author" content="By Ann Lee, Valley Gazette">';
    const a = loadArticle({ path: 'bridge.html', content: page(head) });
    expect([a.byline, a.authors]).toEqual(['Ann Lee, Valley Gazette', ['Ann Lee']]);
  });

  it('never takes an http address as the source, nor the site name as the title', () => {
    const head = `<title>Valley Gazette</title>
<meta property="og:site_name" content="https://www.gazette.example/">
<meta property="og:title" content="Valley Bridge to close for six months">`;
    const a = loadArticle({ path: 'bridge.html', content: page(head) });
    expect(a.source).toBe('gazette.example');
    expect(a.title).toBe('Valley Bridge to close for six months');
  });

  it('takes the source from what the <title> adds after the story title, else from the address', () => {
    const titled = `<title>Valley Bridge to close for six months - Gazette.example</title><meta property="og:title" content="Valley Bridge to close for six months">`;
    expect(loadArticle({ path: 'b.html', content: page(titled) }).source).toBe('Gazette.example');
    const bare = `<title>Valley Bridge to close for six months</title><link rel="canonical" href="https://news.gazette.example/b">`;
    expect(loadArticle({ path: 'b.html', content: page(bare) }).source).toBe('news.gazette.example');
  });
});

describe('loadArticle (.html) body', () => {
  it('keeps <blockquote> text as its own paragraph', () => {
    const body = `${BODY}
<p>In a statement on Wednesday, the mayor wrote:</p>
<blockquote><p>The bridge has served this town for forty years and it will serve it for forty more once the work is done.</p></blockquote>`;
    const a = loadArticle({ path: 'bridge.html', content: page('<title>T</title>', body) });
    // Introduced with a colon, it is given quotation marks: the words of whoever the paragraph names.
    expect(a.paragraphs).toContain('“The bridge has served this town for forty years and it will serve it for forty more once the work is done.”');
    expect(a.paragraphs.at(-2)).toBe('In a statement on Wednesday, the mayor wrote:');
  });

  it('drops a table of contents (a list of links to places on the page), not a list of points', () => {
    const toc = '<ul><li><a href="#closure">Why the bridge closes</a></li><li><a href="#detour">The detour</a></li></ul>';
    const points =
      '<p>The county listed what it will do:</p><ul><li>run a free shuttle bus</li><li>open the <a href="#map">rail bridge</a> to cyclists</li></ul>';
    const a = loadArticle({ path: 'bridge.html', content: page('<title>T</title>', `${toc}${BODY}${points}`) });
    expect(a.paragraphs.join('\n')).not.toContain('The detour');
    expect(a.paragraphs.slice(-2)).toEqual(['• run a free shuttle bus', '• open the rail bridge to cyclists']);
  });

  it('puts back the short paragraphs Readability drops between two it keeps (a colon line and the quote it introduces)', () => {
    const long = (n: number) =>
      `<p>The county will run a free shuttle bus across the old rail bridge every fifteen minutes during works phase ${n}, and cyclists will be able to cross on foot, officials said.</p>`;
    const html = `<!doctype html><html><head><title>Bridge</title></head><body><div class="wrap"><h1>Bridge closes</h1>${long(1)}${long(2)}
<p>What did the county say next? Here is its note:</p><p><em>“We are all sorry for the trouble …”</em></p>${long(3)}
<div class="rest">${[4, 5, 6, 7, 8, 9, 10, 11].map(long).join('')}</div></div></body></html>`;
    const paragraphs = loadArticle({ path: 'bridge.html', content: html }).paragraphs;
    expect(paragraphs.slice(1, 5).map((p) => p.slice(0, 30))).toEqual([
      'The county will run a free shu',
      'What did the county say next? ',
      '“We are all sorry for the trou',
      'The county will run a free shu',
    ]);
    expect(paragraphs).toHaveLength(13);
  });

  it('drops subheadings and a standfirst set as a heading, even ending in "?" or "."', () => {
    const dek = '<h2 class="dek">The town will lose its main crossing for half a year, though a shuttle will help.</h2>';
    const body = `${BODY}<h3>Who pays for it?</h3>
<p>The county will pay for the shuttle bus out of its road budget, and the state will pay for the new deck, officials said.</p>`;
    const a = loadArticle({ path: 'bridge.html', content: page('<title>T</title>', body, dek) });
    expect(a.paragraphs[0]).toMatch(/^The Valley Bridge will close/);
    expect(a.paragraphs.join('\n')).not.toMatch(/Who pays for it\?|main crossing/);
  });

  it('does not take a blockquote after a subheading for the words the paragraph before the subheading introduced', () => {
    // The map the colon introduced is no text; the pull quote after the subheading is no one's words.
    const body = `${BODY}<p>The county published a map of the detour:</p><figure><img src="map.png"><figcaption>The detour</figcaption></figure>
<h3>The town's view</h3><blockquote><p>We will rebuild the bridge by May, and we will not cut corners.</p></blockquote>`;
    const a = loadArticle({ path: 'bridge.html', content: page('<title>T</title>', body) });
    expect(a.paragraphs.at(-1)).toBe('We will rebuild the bridge by May, and we will not cut corners.');
  });

  it('keeps a quotation set in a <figure>, without its caption', () => {
    const body = `${BODY}
<figure><blockquote><p>We will not let the town be cut in two for a day longer than we must.</p></blockquote><figcaption>Mayor Tom Reyes, in a letter to residents</figcaption></figure>`;
    const a = loadArticle({ path: 'bridge.html', content: page('<title>T</title>', body) });
    expect(a.paragraphs.at(-1)).toBe('We will not let the town be cut in two for a day longer than we must.');
    expect(a.paragraphs.join('\n')).not.toContain('in a letter to residents');
  });

  it('drops captions, credits, promos, share prompts, comment boilerplate, bios and script lines', () => {
    const body = `
<figure><img src="bridge.jpg"><figcaption>Chief engineer Ruth Park said the deck was worn out. (Jo Bloggs / Valley Gazette)</figcaption></figure>
${BODY}
<div class="image-credit">Photo: Jo Bloggs</div>
<p>Media caption Ruth Park says the deck cannot wait</p>
<p>Image copyright Jo Bloggs</p>
<p>Drivers queued at the bridge on Monday evening, as they do every night. (Jo Bloggs / Valley Gazette)</p>
<div class="newsletter-signup"><p>Sign up for Morning Valley, our free daily newsletter, and get the news you need before breakfast.</p><p>A flexible plan you can cancel at any time of the year.</p></div>
<div class="share-tools"><p>Share this story with your friends and family on any network.</p></div>
<p>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());</p>
<p>You must be logged in to leave a comment.</p>
<p>Ann Lee is a staff writer at the Valley Gazette who covers roads and transport.</p>`;
    const a = loadArticle({ path: 'bridge.html', content: page('<title>T</title>', body) });
    expect(a.paragraphs).toHaveLength(4);
    const text = a.paragraphs.join('\n');
    for (const furniture of [
      'Jo Bloggs',
      'worn out',
      'Media caption',
      'Image copyright',
      'queued',
      'newsletter',
      'flexible plan',
      'Share this',
      'dataLayer',
      'logged in',
      'staff writer',
    ])
      expect(text).not.toContain(furniture);
    const speakers = extractQuotations(a).flatMap((q) => q.speakers.map((s) => s.name));
    expect(speakers).not.toContain('Jo Bloggs');
    expect(speakers).toContain('Ruth Park');
  });

  it('keeps words inside a sentence whatever their class says, but not screen-reader text', () => {
    const body = BODY.replace(
      'the county said on Tuesday',
      'the county <a href="/r">said<span class="sr-only"> (opens in a new window)</span></a> on Tuesday, as the <span class="credit-rating">AA</span> rating of the county held',
    );
    const a = loadArticle({ path: 'bridge.html', content: page('<title>T</title>', body) });
    expect(a.paragraphs[0]).toContain('the county said on Tuesday, as the AA rating of the county held');
  });

  it('keeps a story whose element happens to carry a furniture word in its class', () => {
    const html = page('<title>T</title>').replace('<article>', '<article class="post tag-social-media ad-free">');
    expect(loadArticle({ path: 'bridge.html', content: html }).paragraphs).toHaveLength(4);
  });
});

describe('loadArticleWithWarnings (.html)', () => {
  it('gives no warning for a whole story', () => {
    expect(loadArticleWithWarnings({ path: 'bridge.html', content: page('<title>T</title>') }).warnings).toEqual([]);
  });

  // The story's paragraphs are nearly all link text, which Readability scores as navigation: it
  // keeps a side column instead. The page's own <main> holds the story.
  it("warns, naming what was kept, when the body found is much shorter than the page's main text", () => {
    const sentence = (i: number) =>
      `Part ${i} of the story says the council met on Thursday and talked about the bridge, the road and the budget for a long time.`;
    const story = Array.from({ length: 10 }, (_, i) => `<div><p><a href="/p${i}">${sentence(i)}</a></p></div>`).join('\n');
    const side = `<div id="side-column"><p>${'Words, commas, here, there, everywhere, again, and again, '.repeat(3)}</p><p>${'More words, commas, here, there. '.repeat(3)}</p></div>`;
    const html = `<html><head><title>Council meets</title></head><body><main><h1>Council meets</h1>${story}</main>${side}</body></html>`;
    const { article, warnings } = loadArticleWithWarnings({ path: 'council.html', content: html });
    expect(article.paragraphs).toHaveLength(10);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/much shorter than the page's <main> \(\d+ of about \d+ characters\); kept the <main> text instead \(10 paragraphs\)/);
    const { warnings: listed } = loadArticles([{ path: 'council.html', content: html }]);
    expect(listed).toEqual([{ path: 'council.html', reason: warnings[0] }]);
  });

  it('warns when no paragraph is a sentence', () => {
    // A change list, one item a line: no sentence anywhere.
    const items = Array.from({ length: 12 }, (_, i) => `+ Added item number ${i} to the list of things that changed in this release`).join('<br>\n');
    const { warnings } = loadArticleWithWarnings({
      path: 'changes.html',
      content: `<html><head><title>Changes</title></head><body><article><p>${items}</p></article></body></html>`,
    });
    expect(warnings).toEqual([expect.stringMatching(/^no sentence in the article text found; kept \d+ paragraphs? \(\d+ characters\) without one/)]);
  });
});

describe('a blockquote introduced with a colon', () => {
  const page = (intro: string) => `<!doctype html><html><head><title>Bridge closes</title></head><body><article><h1>Bridge closes</h1>
<p>The harbour bridge closed on Monday after inspectors found cracks in two of its supports, and traffic was sent through the old town.</p>
<p>${intro}</p>
<blockquote><p>We will rebuild the bridge by May, and we will not cut corners.</p><p>The crews are hired and the money is there.</p></blockquote>
<p>The old town merchants said the detour had already cost them customers over the weekend.</p>
<blockquote><p>A bridge is a promise to the next generation.</p></blockquote>
<p>Traffic on the ring road was heavy all morning, the police reported on their website.</p>
</article></body></html>`;

  it('is the words of whoever the paragraph before names, paragraph by paragraph', () => {
    const quotes = extractQuotations(loadArticle({ path: 'bridge.html', content: page('In a statement on Monday, Mayor Dana Ruiz wrote:') }));
    const ruiz = quotes.filter((q) => q.speakers.some((s) => s.name === 'Dana Ruiz')).map((q) => q.quote);
    expect(ruiz).toEqual(['“We will rebuild the bridge by May, and we will not cut corners.”', '“The crews are hired and the money is there.”']);
  });

  it('stays the speaker’s words when it holds quotation marks of its own, made single', () => {
    const html = page('In a statement on Monday, Mayor Dana Ruiz wrote:').replace(
      'The crews are hired and the money is there.',
      'The crews call it “the big fix” and the money is there.',
    );
    const quotes = extractQuotations(loadArticle({ path: 'bridge.html', content: html }));
    const ruiz = quotes.filter((q) => q.speakers.some((s) => s.name === 'Dana Ruiz')).map((q) => q.quote);
    expect(ruiz).toContain('“The crews call it ‘the big fix’ and the money is there.”');
  });

  it('is plain text when nothing introduces it (a pull quote), so no one is named for it', () => {
    const article = loadArticle({ path: 'bridge.html', content: page('In a statement on Monday, Mayor Dana Ruiz wrote:') });
    expect(article.paragraphs).toContain('A bridge is a promise to the next generation.');
    const plain = loadArticle({ path: 'bridge.html', content: page('The mayor gave a statement on Monday.') });
    expect(plain.paragraphs).toContain('We will rebuild the bridge by May, and we will not cut corners.');
  });
});

describe('an embedded tweet', () => {
  it('keeps the author line outside the tweet’s paragraph, so the tweet is its author’s words', () => {
    const html = `<!doctype html><html><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1>
<p>The harbour bridge reopened to cyclists on Monday after a year of repairs, and the first riders crossed at dawn.</p>
<p>Mayor Dana Ruiz posted about it on Twitter after the ribbon was cut.</p>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The bridge is open to cyclists. Thank you to every crew member who made it happen.</p>&mdash; Dana Ruiz (@dana_ruiz) <a href="https://twitter.com/dana_ruiz/status/1">March 3, 2021</a></blockquote>
<p>Traffic on the ring road was heavy all morning, the police reported on their website.</p>
</article></body></html>`;
    const tweet = extractQuotations(loadArticle({ path: 'bridge.html', content: html })).find((q) => q.rule === 'embedded-tweet');
    expect(tweet && [tweet.quote, tweet.speakers[0]?.name, tweet.said?.when]).toEqual([
      'The bridge is open to cyclists. Thank you to every crew member who made it happen.',
      'Dana Ruiz',
      'on March 3, 2021',
    ]);
  });
});

describe('lines broken by <br>', () => {
  it('reads a block of several lines line by line, so one line never becomes the speaker of the next', () => {
    const html = `<!doctype html><html><head><title>Version 2.0</title></head><body><article><h1>Version 2.0 is out</h1>
<p>Version 2.0 of the harbour ferry timetable app came out on Monday, after a summer of testing with riders on every route.</p>
<p>+ Added Night Ferry times<br>+ Added Harbour Map<br>+ Fixed the clock in the settings screen<br>+ Added a dark theme for late riders</p>
<p>The next version is due in the spring, when the winter timetable will be added for the two island routes.</p>
</article></body></html>`;
    const article = loadArticle({ path: 'app.html', content: html });
    expect(article.paragraphs).toContain('• Added Harbour Map');
    expect(article.paragraphs).toContain('• Fixed the clock in the settings screen');
    expect(extractQuotations(article)).toEqual([]);
  });
});

describe('a paragraph hard-wrapped with <br> inside its sentences', () => {
  it('is read as one paragraph, so no part of a sentence is lost as a headline', () => {
    const html = `<!doctype html><html><head><title>Bridge</title></head><body><article><h1>Bridge reopens</h1>
<p>The harbour bridge reopened to cyclists on Monday after a year of repairs, and the first riders crossed at dawn.</p>
<p>"We kept our promise to the town," said Mayor Dana Ruiz, who added that the crews and<br>the engineers had worked through the winter, such as<br>on the night of the storm, and that Harbour Road would stay open<br>for buses, cyclists and people on foot.</p>
<p>Traffic on the ring road was heavy all morning, the police reported on their website.</p>
</article></body></html>`;
    const article = loadArticle({ path: 'bridge.html', content: html });
    expect(article.paragraphs[1]).toBe(
      '"We kept our promise to the town," said Mayor Dana Ruiz, who added that the crews and the engineers had worked through the winter, such as on the night of the storm, and that Harbour Road would stay open for buses, cyclists and people on foot.',
    );
    expect(extractQuotations(article).map((q) => q.speakers[0]?.name)).toContain('Dana Ruiz');
  });
});
