/**
 * The provenance tables run: every rule's example fires that rule, and every quotation of the seed
 * story (and of each example) names a rule, a cue and a resolver that the tables list.
 */
import { describe, expect, it } from 'vitest';
import { extractQuotations } from '../../src/core/extract.ts';
import { findParagraphQuotes } from '../../src/core/quotes/find.ts';
import { CUE_RULES, QUOTE_RULES, RESOLVERS, type RuleRow } from '../../src/core/rules.ts';
import type { Quotation } from '../../src/core/types.ts';
import { articleOf, seedArticle } from '../helpers.ts';

const withExample = (table: readonly RuleRow[]) => table.filter((r): r is RuleRow & { example: string } => typeof r.example === 'string');
const ids = (table: readonly RuleRow[]) => new Set(table.map((r) => r.id));

function expectListed(quotes: readonly Quotation[]): void {
  for (const q of quotes) {
    expect(ids(QUOTE_RULES), q.quote).toContain(q.rule);
    expect(ids(CUE_RULES), q.quote).toContain(q.cue);
    expect(ids(RESOLVERS), q.quote).toContain(q.resolvedBy);
    expect(q.resolvedBy === 'none', q.quote).toBe(q.speakers.length === 0);
  }
}

describe('the provenance tables', () => {
  it.each([
    ['QUOTE_RULES', QUOTE_RULES],
    ['CUE_RULES', CUE_RULES],
    ['RESOLVERS', RESOLVERS],
  ] as const)('%s has unique kebab-case ids', (_, table) => {
    expect(ids(table).size).toBe(table.length);
    for (const r of table) expect(r.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it('every quotation of the seed story has a listed rule, cue and resolver', () => {
    const quotes = extractQuotations(seedArticle());
    expect(quotes.length).toBeGreaterThan(5);
    expectListed(quotes);
    expect(quotes.every((q) => q.resolvedBy !== 'none')).toBe(true);
  });
});

describe.each(withExample(QUOTE_RULES))('quotation rule $id', (rule) => {
  it(`fires on “${rule.example}”`, () => {
    const found = findParagraphQuotes(rule.example, 0);
    expect(found.map((q) => q.rule)).toContain(rule.id);
    expectListed(extractQuotations(articleOf([rule.example])));
  });
});

describe.each(withExample(CUE_RULES))('cue rule $id', (rule) => {
  it(`fires on “${rule.example}”`, () => {
    expect(findParagraphQuotes(rule.example, 0).map((q) => q.cue)).toContain(rule.id);
  });
});

describe.each(RESOLVERS.filter((r): r is (typeof RESOLVERS)[number] & { example: readonly string[] } => 'example' in r))('resolver $id', (resolver) => {
  it(`names the speaker in “${resolver.example.join(' ¶ ')}”`, () => {
    const quotes = extractQuotations(articleOf([...resolver.example]));
    expect(quotes.map((q) => q.resolvedBy)).toContain(resolver.id);
    expectListed(quotes);
  });
});

/** Each example gives the quotation and the speaker its row says: the rule's whole contract, not only that it fires. */
describe.each([
  ['rule', QUOTE_RULES],
  ['cue', CUE_RULES],
  ['resolvedBy', RESOLVERS],
] as const)('%s examples give what their rows say', (field, table) => {
  const rows = (table as readonly RuleRow[]).filter((r) => r.example !== undefined && r.gives !== undefined);
  it.each(rows)('$id', (row) => {
    const paragraphs = typeof row.example === 'string' ? [row.example] : [...(row.example ?? [])];
    const made = extractQuotations(articleOf(paragraphs)).find((q) => q[field] === row.id);
    expect(made && { quote: made.quote, speaker: made.speakers[0]?.name ?? null }).toEqual(row.gives);
  });

  it('every example row says what it gives', () => {
    expect((table as readonly RuleRow[]).filter((r) => r.example !== undefined && r.gives === undefined).map((r) => r.id)).toEqual([]);
  });
});
