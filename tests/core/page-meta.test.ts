import { describe, expect, it } from 'vitest';
import { authorsOf, cleanByline } from '../../src/core/read/clean.ts';
import { siteFromHandles, trimTitle } from '../../src/core/read/page-meta.ts';

describe('trimTitle', () => {
  it.each<[string, (string | null)[], string]>([
    ['Storm hits coast | Coast News', ['Coast News'], 'Storm hits coast'],
    ['Storm hits coast - Ann Lee - Coast News', ['Coast News', 'Ann Lee'], 'Storm hits coast'],
    ['Storm hits coast — CoastNews', ['Coast News'], 'Storm hits coast'],
    ['Storm hits coast - coastnews.example', ['coastnews.example'], 'Storm hits coast'],
    // Only a name the page declares is dropped: a subtitle stays.
    ['Storm hits coast - and the worst is yet to come', ['Coast News'], 'Storm hits coast - and the worst is yet to come'],
    ['Coast News', ['Coast News'], 'Coast News'],
  ])('%s → %s', (title, names, out) => {
    expect(trimTitle(title, names)).toBe(out);
  });
});

describe('cleanByline', () => {
  it.each<[string, string | null]>([
    ['By Ann Lee', 'Ann Lee'],
    ['Ann Lee Feb. 11, 2025', 'Ann Lee'],
    ['Ann Lee | 12 Comments', 'Ann Lee'],
    ['Ann Lee, Updated: 9:30 AM', 'Ann Lee'],
    ['Last Updated: January 7, 2025', null],
    ['February 11, 2025', null],
    ['https://www.facebook.com/annlee', null],
    ['  ', null],
  ])('%s → %s', (raw, out) => {
    expect(cleanByline(raw)).toBe(out);
  });
});

describe('authorsOf', () => {
  it.each<[string, string[]]>([
    ['Ann Lee', ['Ann Lee']],
    ['Ann Lee and Bo Chan', ['Ann Lee', 'Bo Chan']],
    ['Ann Lee, Bo Chan & Cy Diaz', ['Ann Lee', 'Bo Chan', 'Cy Diaz']],
  ])('%s → %j', (byline, authors) => {
    expect(authorsOf(byline)).toEqual(authors);
  });
});

describe('siteFromHandles', () => {
  it.each<[string[], string | null, string | null]>([
    [['@Coast', '@CoastFinance'], 'finance.coast.example', 'Coast Finance'],
    [['@CoastNews'], 'www.coastnews.example', 'Coast News'],
    [['@BBCNews'], 'www.bbc.co.uk', 'BBC News'],
    // One case tells no more than the address; a handle of another site is not this one's name.
    [['@coastnews'], 'coastnews.example', null],
    [['@HarbourDaily'], 'coastnews.example', null],
    [[], 'coastnews.example', null],
  ])('%j on %s → %s', (handles, host, name) => {
    expect(siteFromHandles(handles, host)).toBe(name);
  });
});
