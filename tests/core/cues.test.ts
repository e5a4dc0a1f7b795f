import { describe, expect, it } from 'vitest';
import { NOT_REPORTING, notReportingIn } from '../../src/core/quotes/cues.ts';
import { findParagraphQuotes } from '../../src/core/quotes/find.ts';
import { extractQuotations } from '../../src/core/extract.ts';
import { articleOf } from '../helpers.ts';

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

describe('words someone gave out, before a colon (gave-words)', () => {
  const quoted = (intro: string) => {
    const article = articleOf([
      'The harbour bridge closed on Monday after inspectors found cracks in two supports.',
      intro,
      '“We will rebuild the bridge by May.”',
    ]);
    return extractQuotations(article).map((q) => [q.speakers.map((s) => s.name).join(), q.resolvedBy]);
  };
  it.each([
    'In response, Mayor Dana Ruiz issued the following statement:',
    'Dana Ruiz released a short statement on Monday:',
    'Dana Ruiz put out a statement:',
    'Another answer came in these comments from Dana Ruiz, who has run the town for a decade:',
    'The council shared a message from its chair, Dana Ruiz, that read:',
  ])('introduces the quotation after “%s”', (intro) => {
    expect(quoted(intro)).toEqual([['Dana Ruiz', 'intro']]);
  });
  it.each(['Dana Ruiz issued a statement on Monday, and the council met:', 'The council read out the letter:', 'Dana Ruiz statement:'])(
    'names no one after “%s”',
    (intro) => {
      expect(quoted(intro)).not.toContainEqual(['Dana Ruiz', 'intro']);
    },
  );
  it('reports nothing when no colon follows: “issued a statement on Monday.”', () => {
    expect(findParagraphQuotes('Dana Ruiz issued a statement on Monday about the bridge.', 0)).toEqual([]);
  });
});
