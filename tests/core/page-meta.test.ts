import { describe, expect, it } from 'vitest';
import { authorsOf, cleanByline } from '../../src/core/read/clean.ts';
import { localDate, numericDateReadings, siteFromHandles, trimTitle } from '../../src/core/read/page-meta.ts';

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

describe('numericDateReadings', () => {
  it.each<[string, string[]]>([
    ['On 6/13/2018 by @ann', ['2018-06-13']],
    ['13.06.2018', ['2018-06-13']],
    ['6/7/2018', ['2018-06-07', '2018-07-06']],
    ['7/7/2018', ['2018-07-07']],
    ['1/2/3/2018', []],
    ['120/80 mmHg', []],
  ])('%s → %j', (text, out) => {
    expect(numericDateReadings(text)).toEqual(out);
  });
});

describe('localDate', () => {
  it.each<[string | null, string[][], string | null]>([
    ['2018-06-12T23:00:00.000Z', [['2018-06-13']], '2018-06-13'],
    ['2018-06-13T01:30:00+00:00', [['2018-06-12']], '2018-06-12'],
    // Settles an ambiguous date in figures: 6/7 is 7 June next to 2018-06-06T23:00Z.
    ['2018-06-06T23:00:00Z', [['2018-06-07', '2018-07-06']], '2018-06-07'],
    ['2018-06-12T23:00:00Z', [['2018-06-12']], '2018-06-12'],
    // A time with its own zone is the page's own day; a shown date further off is not this story's.
    ['2018-06-12T23:00:00-04:00', [['2018-06-13']], null],
    ['2018-06-12T23:00:00Z', [['2018-06-20']], null],
    [null, [['2018-06-13']], null],
  ])('%s with %j → %s', (declared, shown, out) => {
    expect(localDate(declared, shown)).toBe(out);
  });
});
