import { describe, expect, it } from 'vitest';
import { NOT_REPORTING, notReportingIn } from '../../src/core/quotes/cues.ts';
import { findParagraphQuotes } from '../../src/core/quotes/find.ts';

describe.each(NOT_REPORTING)('not reporting: $id', (rule) => {
  it(`stops the reporting word in “${rule.example}”`, () => {
    expect(notReportingIn(rule.example)).toContain(rule.id);
    expect(findParagraphQuotes(rule.example, 0)).toEqual([]);
  });
});

describe('not reporting', () => {
  it('lets a plain report through', () => {
    const text = 'The minister said the bridge would reopen in March after the holidays.';
    expect(notReportingIn(text)).toEqual([]);
    expect(findParagraphQuotes(text, 0).map((q) => q.rule)).toEqual(['clause-after']);
  });
});

describe('"said to" a listener at the end of the sentence reports', () => {
  it.each(['Ann Cole said to Harbour Weekly.', 'Ann Cole said to Harbour News’ Bo Chan.', 'Ann Cole said to cheers.'])('%s', (text) => {
    expect(notReportingIn(text)).not.toContain('said-to-be');
  });
  it('still stops "is said to be"', () => {
    expect(notReportingIn('The mill is said to be haunted.')).toContain('said-to-be');
  });
});
