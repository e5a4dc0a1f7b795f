import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

const STORY = `---
source: "Test Wire"
---

Mayor Jane Doe said the new bridge would open in May.

"We are proud of the crews who built it," Doe said on Monday.

Council member Tom Reed disagreed. "The bridge cost twice what we were promised," he said.
`;

const GOLD = [
  { quote: 'the new bridge would open in May', speaker: 'Jane Doe', mention: 'Mayor Jane Doe', verb: 'said' },
  { quote: '"We are proud of the crews who built it,"', speaker: 'Jane Doe', mention: 'Doe', verb: 'said' },
  { quote: '"The bridge cost twice what we were promised,"', speaker: 'Tom Reed', mention: 'he', verb: 'said' },
];

let dir: string;
let out: string[];
let err: string[];

/** Run the CLI; the spies below capture what it writes. */
async function run(...argv: string[]): Promise<number> {
  return runCli(argv);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'whosaid-eval-'));
  mkdirSync(join(dir, 'data', 'articles'), { recursive: true });
  writeFileSync(join(dir, 'data', 'articles', 'bridge.md'), STORY);
  writeFileSync(join(dir, 'data', 'gold.jsonl'), `${JSON.stringify({ article: 'bridge', quotes: GOLD })}\n`);
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
  vi.stubEnv('CI', '');
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('whosaid eval', () => {
  it('prints the table and writes the JSON result', async () => {
    const json = join(dir, 'result.json');
    expect(await run('eval', '--data', join(dir, 'data'), '--out', json)).toBe(0);
    const table = out.join('');
    expect(table).toMatch(/^data: 1 stories \(1 loaded\), 3 gold quotations/);
    for (const row of ['quotes, ≥30% of gold covered', 'speaker correct among matched', '"who said" hit@1', '"who said" wrong speaker'])
      expect(table).toContain(row);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    expect(result.quotes.gold).toBe(3);
    expect(result.whoSaid.questions).toBe(3);
    expect(Object.keys(result.figures)).toEqual(['quoteF1At30', 'quoteF1At80', 'speakerAccuracy', 'endToEndF1', 'whoSaidHit1', 'whoSaidWrong']);
  });

  it('skips, saying so, when the data folder is missing', async () => {
    expect(await run('eval', '--data', join(dir, 'nowhere'))).toBe(0);
    expect(err.join('')).toMatch(/no eval data at .*nowhere.*; skipping/);
    expect(out.join('')).toBe('');
  });

  it('fails in CI when the data folder is missing', async () => {
    vi.stubEnv('CI', 'true');
    expect(await run('eval', '--data', join(dir, 'nowhere'))).toBe(1);
    expect(err.join('')).toMatch(/in CI the eval data must be present/);
  });

  it('--check fails naming the figure that dropped, and passes when none did', async () => {
    const baseline = join(dir, 'baseline.json');
    writeFileSync(baseline, JSON.stringify({ dataset: 'data', figures: { quoteF1At30: 100.5, whoSaidWrong: 100 } }));
    expect(await run('eval', '--data', join(dir, 'data'), '--out', join(dir, 'r.json'), '--check', baseline)).toBe(1);
    expect(err.join('')).toMatch(/figures dropped below .*baseline\.json \(tolerance 0\.1\): data quote F1 @30% [\d.]+ \(recorded 100\.50\)$/m);
    writeFileSync(baseline, JSON.stringify({ dataset: 'data', figures: { quoteF1At30: 0, whoSaidWrong: 100 } }));
    expect(await run('eval', '--data', join(dir, 'data'), '--out', join(dir, 'r.json'), '--check', baseline)).toBe(0);
  });

  it('--check says when the baseline has no record for a data set, and fails on that in CI', async () => {
    const baseline = join(dir, 'baseline.json');
    writeFileSync(baseline, JSON.stringify({ datasets: { 'ggt-dev': {} } }));
    expect(await run('eval', '--data', join(dir, 'data'), '--out', join(dir, 'r.json'), '--check', baseline)).toBe(0);
    expect(err.join('')).toContain('(no record for data)');
    vi.stubEnv('CI', 'true');
    expect(await run('eval', '--data', join(dir, 'data'), '--out', join(dir, 'r.json'), '--check', baseline)).toBe(1);
    expect(err.join('')).toContain('records no figures for data; in CI every dataset scored must be checked');
  });

  it('scores PolNeAR-style gold with its own measures', async () => {
    const quotes = GOLD.map((q, i) => ({ ...q, speech: i !== 2, named: i === 0 }));
    writeFileSync(join(dir, 'data', 'gold.jsonl'), `${JSON.stringify({ article: 'bridge', quotes })}\n`);
    expect(await run('eval', '--data', join(dir, 'data'), '--out', join(dir, 'r.json'), '--rules')).toBe(0);
    const table = out.join('');
    for (const row of ['speech attributions found', 'named source inside the speaker given', '"who said" wrong speaker', 'per attribution:'])
      expect(table).toContain(row);
    const result = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(result.polnear.speech.gold).toBe(2);
    expect(result.whoSaid.questions).toBe(1);
    expect(Object.keys(result.figures)).toEqual([
      'speechRecall',
      'attributionPrecision',
      'namedSpeakerAccuracy',
      'pronounDisagreement',
      'whoSaidHit1',
      'whoSaidWrong',
    ]);
  });

  it('--update-baseline records the figures, and never lowers one', async () => {
    const baseline = join(dir, 'eval', 'baseline.json');
    expect(await run('eval', '--data', join(dir, 'data'), '--out', join(dir, 'r.json'), '--update-baseline', baseline)).toBe(0);
    const first = JSON.parse(readFileSync(baseline, 'utf8')).datasets.data;
    expect(first).toEqual(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).figures);
    const better = { datasets: { data: { ...first, quoteF1At30: 100, whoSaidWrong: 0 } } };
    writeFileSync(baseline, JSON.stringify(better));
    expect(await run('eval', '--data', join(dir, 'data'), '--out', join(dir, 'r.json'), '--update-baseline', baseline)).toBe(0);
    expect(JSON.parse(readFileSync(baseline, 'utf8'))).toEqual(better);
    expect(err.join('')).toContain('no figure improved');
  });

  it.each([
    ['--tolerance', 'lots'],
    ['--seed', '1.5'],
  ])('rejects %s %s as a usage error', async (flag, value) => {
    expect(await run('eval', '--data', join(dir, 'data'), flag, value)).toBe(2);
    expect(err.join('')).toMatch(new RegExp(`${flag} must be a non-negative`));
  });
});
