/** Reading gold annotations: one JSON object per line, `{"article", "quotes": [{quote, speaker, mention, verb}]}`. */
import { WhosaidError } from '../core/errors.ts';
import type { GoldArticle, GoldQuote } from './score.ts';

/** A gold file that does not have the expected shape; `line` is 1-based. */
export class GoldFormatError extends WhosaidError {
  override readonly name = 'GoldFormatError';
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`gold.jsonl line ${line}: ${reason}`);
  }
}

function stringField(value: unknown, field: string, line: number, optional: boolean): string {
  if (typeof value === 'string') return value;
  if (optional && (value === undefined || value === null)) return '';
  throw new GoldFormatError(line, `expected "${field}" to be a string, got ${JSON.stringify(value) ?? 'nothing'}`);
}

/** An optional yes/no field (PolNeAR's `speech` and `named`), left out when absent. */
function booleanField(q: Record<string, unknown>, field: 'speech' | 'named', line: number): { speech?: boolean; named?: boolean } {
  const value = q[field];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'boolean') throw new GoldFormatError(line, `expected "${field}" to be true or false, got ${JSON.stringify(value)}`);
  return { [field]: value };
}

function parseQuote(value: unknown, line: number): GoldQuote {
  if (typeof value !== 'object' || value === null) throw new GoldFormatError(line, 'expected each quote to be an object');
  const q = value as Record<string, unknown>;
  return {
    quote: stringField(q['quote'], 'quote', line, false),
    speaker: stringField(q['speaker'], 'speaker', line, false),
    mention: stringField(q['mention'], 'mention', line, true),
    verb: stringField(q['verb'], 'verb', line, true),
    ...booleanField(q, 'speech', line),
    ...booleanField(q, 'named', line),
  };
}

/**
 * Parse the text of a gold.jsonl file. Blank lines are skipped; anything else malformed throws a
 * GoldFormatError naming the line.
 *
 * @example
 * parseGold('{"article": "a1", "quotes": [{"quote": "\\"Hi\\"", "speaker": "Ann Lee"}]}')[0]?.article; // 'a1'
 */
export function parseGold(text: string): GoldArticle[] {
  const out: GoldArticle[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      throw new GoldFormatError(line, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    if (typeof value !== 'object' || value === null) throw new GoldFormatError(line, 'expected an object');
    const v = value as Record<string, unknown>;
    const article = stringField(v['article'], 'article', line, false);
    if (!Array.isArray(v['quotes'])) throw new GoldFormatError(line, 'expected "quotes" to be an array');
    out.push({ article, quotes: v['quotes'].map((q: unknown) => parseQuote(q, line)) });
  });
  return out;
}
