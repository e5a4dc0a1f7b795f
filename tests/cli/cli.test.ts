/**
 * The CLI contract, checked on the real process: `node --import tsx src/cli/main.ts …` from the
 * project root. Every child process is started once in `beforeAll`, three at a time: on the shared
 * 2 cores, ten at once beside the other test files ran past their timeout.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let running = 0;
const waiting: (() => void)[] = [];
async function runCli(args: readonly string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  if (running >= 3) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await spawnCli(args, options);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function spawnCli(args: readonly string[], options: { stdin?: string; env?: Record<string, string> }): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env?.['CORPUS_DIR']) delete env['CORPUS_DIR'];
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(options.stdin ?? '');
  });
}

const RECALL_MD = `---
title: Toy maker recalls 40,000 scooters
source: Wire Service
url: https://news.example.com/2025/06/scooter-recall
date: 2025-06-10
authors: [Ada Lind]
---

A toy maker recalled 40,000 electric scooters on Tuesday after reports that batteries overheated while charging.

"We are contacting every customer and will replace each battery free of charge," the company said in a statement.

"Nobody should charge these scooters overnight until the batteries are replaced," said Mara Quinn, a spokeswoman for the national safety regulator.
`;

const ANSWER_KEYS = ['article', 'kind', 'quote', 'said', 'score', 'speakers'];
const QUOTE_KEYS = ['article', 'kind', 'quote', 'said', 'speakers'];

let corpusDir: string;
let emptyDir: string;
const runs: Record<string, Run> = {};

beforeAll(async () => {
  corpusDir = mkdtempSync(join(tmpdir(), 'whosaid-cli-'));
  mkdirSync(join(corpusDir, 'business'));
  writeFileSync(join(corpusDir, 'business', 'recall.md'), RECALL_MD);
  writeFileSync(join(corpusDir, 'broken.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
  emptyDir = mkdtempSync(join(tmpdir(), 'whosaid-cli-empty-'));
  const jobs: Record<string, Promise<Run>> = {
    found: runCli(['ask', '--json', 'who said 1,200?']),
    stdin: runCli(['ask', '--json'], { stdin: 'who said 1,200?\n\n   \nwho said the sky is green\nwhoo sed 1200\n' }),
    corpus: runCli(['ask', '--json', '--corpus', corpusDir], { stdin: 'who said charge these scooters overnight\nwho said replace each battery?\n' }),
    empty: runCli(['ask', '--json', '--corpus', emptyDir, 'who said 1,200?']),
    unknown: runCli(['ask', '--bogus', 'who said 1,200?']),
    quotes: runCli(['quotes', '--json'], { env: { CORPUS_DIR: corpusDir } }),
    quotesText: runCli(['quotes'], { env: { CORPUS_DIR: corpusDir } }),
    askText: runCli(['ask', '--corpus', corpusDir, 'who said charge these scooters overnight']),
    explain: runCli(['quotes', '--json', '--explain'], { env: { CORPUS_DIR: corpusDir } }),
    explainText: runCli(['quotes', '--explain'], { env: { CORPUS_DIR: corpusDir } }),
  };
  const done = await Promise.all(Object.entries(jobs).map(async ([k, p]) => [k, await p] as const));
  for (const [k, r] of done) runs[k] = r;
}, 300_000);

afterAll(() => {
  rmSync(corpusDir, { recursive: true, force: true });
  rmSync(emptyDir, { recursive: true, force: true });
});

const jsonLines = (out: string): unknown[] =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown);

describe('whosaid ask --json', () => {
  it('prints exactly one JSON object with the contract keys and exits 0', () => {
    const r = runs['found']!;
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(1);
    const result = lines[0] as Record<string, unknown>;
    expect(result).toMatchObject({ question: 'who said 1,200?', found: true });
    const answers = result['answers'] as Array<Record<string, unknown>>;
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) {
      expect(
        Object.keys(a)
          .filter((k) => k !== 'attributedTo')
          .sort(),
      ).toEqual(ANSWER_KEYS);
      expect(['direct', 'indirect']).toContain(a['kind']);
      expect(Object.keys(a['article'] as object).sort()).toEqual(['byline', 'date', 'id', 'source', 'title', 'url']);
      for (const s of a['speakers'] as Array<Record<string, unknown>>) expect(Object.keys(s).sort()).toEqual(['name', 'role']);
      expect(
        a['said'] === null ||
          Object.keys(a['said'] as object)
            .sort()
            .join() === 'when,where',
      ).toBe(true);
      expect(a['score']).toBeGreaterThan(0);
      expect(a['score']).toBeLessThanOrEqual(1);
    }
    expect(answers[0]).toMatchObject({
      quote: 'This concerns the release of 1,200 Ukrainians',
      kind: 'direct',
      speakers: [{ name: 'Rustem Umerov', role: 'security chief' }],
      article: { id: 'ukraine-prisoner-exchange', source: 'Reuters', date: '2025-11-16', url: null },
    });
  });

  it('gives the words alone: no enclosing marks or trailing comma, and no "that" before reported speech', () => {
    const answers = (jsonLines(runs['found']!.stdout)[0] as { answers: Array<{ quote: string; kind: string }> }).answers;
    for (const a of answers) {
      expect(a.quote).not.toMatch(/^["“”]|["“”]$|,$/);
      if (a.kind === 'indirect') expect(a.quote).not.toMatch(/^that /);
    }
  });

  it("carries the story's url and byline in article", () => {
    const [result] = jsonLines(runs['corpus']!.stdout) as Array<{ answers: Array<Record<string, unknown>> }>;
    expect(result?.answers[0]?.['article']).toEqual({
      id: 'business/recall',
      title: 'Toy maker recalls 40,000 scooters',
      source: 'Wire Service',
      date: '2025-06-10',
      url: 'https://news.example.com/2025/06/scooter-recall',
      byline: 'Ada Lind',
    });
  });

  it('reads one question per stdin line, skips blank lines and answers in order', () => {
    const r = runs['stdin']!;
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout) as Array<{ question: string; found: boolean; answers: unknown[] }>;
    expect(lines.map((l) => l.question)).toEqual(['who said 1,200?', 'who said the sky is green', 'whoo sed 1200']);
    expect(lines.map((l) => l.found)).toEqual([true, false, true]);
  });

  it('prints found: false with no answers and exits 0 when nothing matches', () => {
    const notFound = (jsonLines(runs['stdin']!.stdout) as Array<Record<string, unknown>>)[1]!;
    expect(notFound).toMatchObject({ question: 'who said the sky is green', found: false, answers: [] });
  });

  it('reads the folder given with --corpus, warning about its bad files on stderr', () => {
    const r = runs['corpus']!;
    expect(r.code).toBe(0);
    const [result] = jsonLines(r.stdout) as Array<{ found: boolean; answers: Array<Record<string, unknown>> }>;
    expect(result?.found).toBe(true);
    expect(result?.answers[0]).toMatchObject({
      speakers: [{ name: 'Mara Quinn', role: 'spokeswoman for the national safety regulator' }],
      article: {
        id: 'business/recall',
        title: 'Toy maker recalls 40,000 scooters',
        source: 'Wire Service',
        date: '2025-06-10',
        url: 'https://news.example.com/2025/06/scooter-recall',
      },
    });
    expect(r.stderr).toMatch(/warning: broken\.txt: .*binary/);
  });

  it('leaves a guessed speaker ("the company", named nowhere) out of an answer', () => {
    const [, guessed] = jsonLines(runs['corpus']!.stdout) as Array<{ found: boolean; answers: Array<Record<string, unknown>> }>;
    expect(guessed?.found).toBe(true);
    expect(guessed?.answers[0]).toMatchObject({ quote: expect.stringContaining('replace each battery'), speakers: [] });
  });

  it('exits 1 with an error on stderr and nothing on stdout when no story loads', () => {
    const r = runs['empty']!;
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: No story loaded/m);
  });

  it('exits 2 on an unknown option', () => {
    const r = runs['unknown']!;
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown option '--bogus'/);
  });
});

describe('whosaid quotes --json', () => {
  const quotes = () => JSON.parse(runs['quotes']!.stdout) as Array<Record<string, unknown>>;

  it('reads CORPUS_DIR and prints a JSON array of quotations with the contract keys, exit 0', () => {
    expect(runs['quotes']!.code).toBe(0);
    const list = quotes();
    expect(list.length).toBe(2);
    for (const q of list) {
      // `attributedTo` (the story's own words for a withheld speaker) is the one optional key.
      expect(
        Object.keys(q)
          .filter((k) => k !== 'attributedTo')
          .sort(),
      ).toEqual(QUOTE_KEYS);
      expect(q['article']).toEqual({
        id: 'business/recall',
        title: 'Toy maker recalls 40,000 scooters',
        source: 'Wire Service',
        date: '2025-06-10',
        url: 'https://news.example.com/2025/06/scooter-recall',
        byline: 'Ada Lind',
      });
    }
    expect(list.find((q) => String(q['quote']).includes('overnight'))?.['speakers']).toEqual([
      { name: 'Mara Quinn', role: 'spokeswoman for the national safety regulator' },
    ]);
  });

  it('gives the words alone, without the enclosing marks or the comma before "she said"', () => {
    expect(
      quotes()
        .map((q) => q['quote'])
        .sort(),
    ).toEqual([
      'Nobody should charge these scooters overnight until the batteries are replaced',
      'We are contacting every customer and will replace each battery free of charge',
    ]);
  });

  // A guessed speaker ("the company", named nowhere) is withheld here as in answers, /quotes and /speakers.
  it('leaves guessed speakers out, as answers do', () => {
    const guessed = quotes().find((q) => String(q['quote']).includes('replace each battery'));
    expect(guessed?.['speakers']).toEqual([]);
    expect(guessed?.['attributedTo']).toBe('the company');
  });

  it('shows no story words beside a speaker the story names, in JSON and in text', () => {
    const named = quotes().find((q) => String(q['quote']).includes('overnight'));
    expect(named).not.toHaveProperty('attributedTo');
    const text = runs['quotesText']!.stdout;
    expect(text).toContain('→ Mara Quinn (spokeswoman for the national safety regulator) [');
    expect(text).toContain('(the story says “the company”)');
  });

  it('words each quotation as the story reports it, verbatim words in quotation marks', () => {
    const text = runs['quotesText']!.stdout;
    expect(text).toContain('Mara Quinn said: “Nobody should charge these scooters overnight until the batteries are replaced”\n');
    expect(text).toContain('The company said: “We are contacting every customer and will replace each battery free of charge”\n');
  });
});

describe('whosaid ask (text)', () => {
  it('words the answer as said, names the story with its byline and shows its url', () => {
    const r = runs['askText']!;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Mara Quinn (spokeswoman for the national safety regulator) said:\n  “Nobody should charge these scooters overnight until the batteries are replaced”\n',
    );
    expect(r.stdout).toContain('From "Toy maker recalls 40,000 scooters" — Wire Service — 2025-06-10 — by Ada Lind\n');
    expect(r.stdout).toContain('Read the story: https://news.example.com/2025/06/scooter-recall\n');
  });
});

describe('whosaid quotes --json --explain', () => {
  const explained = () => JSON.parse(runs['explain']!.stdout) as Array<Record<string, unknown>>;

  it('adds how each quotation was found and its speaker named, and keeps every contract key as it was', () => {
    expect(runs['explain']!.code).toBe(0);
    const plain = JSON.parse(runs['quotes']!.stdout) as Array<Record<string, unknown>>;
    const list = explained();
    expect(list.length).toBe(plain.length);
    list.forEach((q, i) => {
      const { rule, cue, resolvedBy, attribution, mention, withheld, ...rest } = q;
      expect(rest).toEqual(plain[i]);
      expect([rule, cue, resolvedBy, attribution, mention].every((v) => typeof v === 'string')).toBe(true);
    });
    const named = list.find((q) => String(q['quote']).includes('overnight'));
    expect(named).toMatchObject({ rule: 'direct-tag-after', cue: 'subject-after', resolvedBy: 'name', attribution: 'name', mention: 'Mara Quinn' });
    expect(named).not.toHaveProperty('withheld');
  });

  it('shows the withheld candidate of a guessed speaker', () => {
    const guessed = explained().find((q) => String(q['quote']).includes('replace each battery'));
    expect(guessed).toMatchObject({
      speakers: [],
      attributedTo: 'the company',
      rule: 'direct-tag-after',
      resolvedBy: 'unnamed-words',
      attribution: 'unnamed',
      mention: 'the company',
      withheld: { name: 'the company', role: null },
    });
  });

  it('is a usage error without --json', () => {
    expect(runs['explainText']!.code).toBe(2);
    expect(runs['explainText']!.stderr).toContain('--explain goes with --json');
  });
});
