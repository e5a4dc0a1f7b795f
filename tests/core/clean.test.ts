import { describe, expect, it } from 'vitest';
import { datelineDate, dropFurniture, parseDate } from '../../src/core/read/clean.ts';
import { extractQuotations } from '../../src/core/extract.ts';
import { loadArticle } from '../../src/core/read/load.ts';

/** Text pasted from a whole page: navigation first, then the story, with its captions and credits. */
const PASTED = `Skip to main content
Menu
Sign in
Home | News | Sport | Weather
Valley Bridge to close for six months
By Ann Lee and Bo Chan | 12 Comments
11 February 2025
Media caption Ruth Park says the deck cannot wait
The Valley Bridge will close for six months from March while crews replace its deck, the county said on Tuesday.
Image copyright Jo Bloggs
"We know this will be hard for everyone who drives to work across the river, but it cannot wait," said Ruth Park, the county's chief engineer.
Drivers queued at the bridge on Monday evening. (Jo Bloggs / Valley Gazette)
Shop owners on Mill Street said they feared losing trade during the closure.
You must be logged in to leave a comment.
`;

describe('loadArticle (.txt pasted from a page)', () => {
  const article = loadArticle({ path: 'bridge.txt', content: PASTED });

  it('skips the navigation to find the headline', () => {
    expect(article.title).toBe('Valley Bridge to close for six months');
    expect(article.date).toBe('2025-02-11');
  });

  it('reads a "By …" line above the story as the byline, without its comment count', () => {
    expect(article.byline).toBe('Ann Lee and Bo Chan');
    expect(article.authors).toEqual(['Ann Lee', 'Bo Chan']);
  });

  it('keeps the story and drops captions, credits and comment boilerplate', () => {
    expect(article.paragraphs).toEqual([
      'The Valley Bridge will close for six months from March while crews replace its deck, the county said on Tuesday.',
      '"We know this will be hard for everyone who drives to work across the river, but it cannot wait," said Ruth Park, the county\'s chief engineer.',
      'Shop owners on Mill Street said they feared losing trade during the closure.',
    ]);
  });

  it('never makes a credit a speaker', () => {
    const names = extractQuotations(article).flatMap((q) => q.speakers.map((s) => s.name));
    expect(names).toContain('Ruth Park');
    expect(names).not.toContain('Jo Bloggs');
  });
});

describe('dropFurniture', () => {
  const STORY = 'The council approved the budget on Thursday after a long debate, officials said.';

  it.each([
    'You must be logged in to leave a comment.',
    'Leave a Reply',
    'Comments are closed.',
    'Click to share on Twitter (Opens in new window)',
    'This article originally appeared on the Valley Gazette.',
    'Follow her on Twitter for more stories like this one.',
    'Sign up for our free morning newsletter and get the news before breakfast.',
    "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());",
    'Media caption The mayor said the budget was fair',
    'Image copyright Jo Bloggs',
    '(Jo Bloggs / Valley Gazette)',
    'The mayor speaks at the council meeting on Thursday. (Jo Bloggs/Valley Gazette)',
  ])('drops "%s"', (line) => {
    expect(dropFurniture([STORY, line])).toEqual([STORY]);
  });

  it('drops an author bio at the end, not a description in the body', () => {
    const bio = 'Ann Lee is a staff writer at the Valley Gazette who covers roads and transport.';
    const body = 'Ann Lee is a former council member who has written about the budget for years.';
    expect(dropFurniture([STORY, body, STORY.replace('Thursday', 'Friday'), bio])).toEqual([STORY, body, STORY.replace('Thursday', 'Friday')]);
  });

  it.each([
    'Blood pressure should stay under the limit (120/80 mmHg) for most adults, the guide says.',
    'The two firms said they would share the cost of the new standard (Apple/Google).',
    'The story was published on Friday and drew wide criticism, the minister said.',
  ])('keeps "%s"', (line) => {
    expect(dropFurniture([STORY, line])).toEqual([STORY, line]);
  });
});

describe('parseDate and datelineDate', () => {
  it.each([
    ['2015-03-17T16:27:40.294Z', '2015-03-17'],
    ['2017-11-03 03:01:00', '2017-11-03'],
    ['Feb. 23, 2015', '2015-02-23'],
    ['2015-13-40', null],
  ])('parseDate(%s) → %s', (text, date) => {
    expect(parseDate(text)).toBe(date);
  });

  it.each([
    ['Feb. 23, 2015 -- The senator said the bill would pass.', '2015-02-23'],
    ['WASHINGTON, Feb. 23, 2015 — The senator said the bill would pass.', '2015-02-23'],
    ['The senator said on Feb. 23, 2015 that the bill would pass.', null],
  ])('datelineDate(%s) → %s', (text, date) => {
    expect(datelineDate(text)).toBe(date);
  });
});

describe('typewriter dashes', () => {
  it('two hyphens between words are a dash, so a dateline and an aside read as they would typeset', () => {
    const article = loadArticle({
      path: 'wire.txt',
      content:
        'Harbour ferry to resume\n\nHALIFAX -- Harbour Ferries said Tuesday it will resume service in May.\n\nThe fare--if council agrees--will rise by a dollar, Mayor Dana Ruiz said.\n',
    });
    expect(article.paragraphs).toEqual([
      'Harbour Ferries said Tuesday it will resume service in May.',
      'The fare—if council agrees—will rise by a dollar, Mayor Dana Ruiz said.',
    ]);
    expect(extractQuotations(article).map((q) => q.speakers.map((s) => s.name))).toEqual([['Harbour Ferries'], ['Dana Ruiz']]);
  });

  it('leaves a lone hyphen and a hyphenated word alone', () => {
    const article = loadArticle({ path: 'x.txt', content: 'Title\n\nA well-known two-way street - on Main - stays open, the city said.\n' });
    expect(article.paragraphs).toEqual(['A well-known two-way street - on Main - stays open, the city said.']);
  });
});
