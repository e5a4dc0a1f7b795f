import { describe, expect, it } from 'vitest';
import { dropClosingBios, isPageChrome } from '../../src/core/read/furniture.ts';

describe('isPageChrome', () => {
  it.each(['Skip to main content', 'Menu', 'Sign in', 'Log in', 'Accessibility links', 'Home | News | Sport | Weather', '• Search'])(
    '%s is navigation',
    (line) => {
      expect(isPageChrome(line)).toBe(true);
    },
  );
  it.each(['Valley Bridge to close for six months', 'Menu changes at the school canteen', 'Sign in, says the mayor'])('%s is not', (line) => {
    expect(isPageChrome(line)).toBe(false);
  });
});

describe('dropClosingBios', () => {
  it('drops a bio among the last two paragraphs only', () => {
    const bio = 'Ann Lee is a freelance writer based in Milltown. She is on Twitter at @annlee.';
    const story = ['The council approved the budget on Thursday.', 'The vote was seven to two.', 'The mayor said the budget was fair.'];
    expect(dropClosingBios([...story, bio])).toEqual(story);
    expect(dropClosingBios([bio, ...story])).toEqual([bio, ...story]);
  });
});
