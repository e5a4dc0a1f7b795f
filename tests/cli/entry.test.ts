/**
 * Every entry point's --help and --version, the folder errors and the stdin hint, on real
 * processes: `whosaid` (bin/whosaid.js), `src/cli/main.ts` and `npm start`'s src/main.ts. The
 * processes start together in `beforeAll`.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** At most this many processes at once: the machine is shared, and each one starts tsx. */
const POOL = 4;
let running = 0;
const waiting: (() => void)[] = [];
async function pooled<T>(job: () => Promise<T>): Promise<T> {
  if (running >= POOL) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await job();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function run(file: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return pooled(() => spawnRun(file, args, env));
}

function spawnRun(file: string, args: readonly string[], env: Record<string, string>): Promise<Run> {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env['TELEGRAM_BOT_TOKEN']) delete merged['TELEGRAM_BOT_TOKEN'];
  return new Promise((resolve) => {
    const child = execFile(file, [...args], { cwd: ROOT, env: merged, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
    child.stdin?.end('');
  });
}
const node = (script: string, args: readonly string[], env?: Record<string, string>) => run(process.execPath, ['--import', 'tsx', script, ...args], env);

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let dir: string;
let notAFolder: string;
const runs: Record<string, Run> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'whosaid-entry-'));
  notAFolder = join(dir, 'story.txt');
  writeFileSync(notAFolder, 'A file, not a folder.\n');
  const missing = join(dir, 'missing');
  const jobs: Record<string, Promise<Run>> = {
    binHelp: run(join(ROOT, 'bin/whosaid.js'), ['--help']),
    binVersion: run(join(ROOT, 'bin/whosaid.js'), ['--version']),
    startHelp: node('src/main.ts', ['--help']),
    startVersion: node('src/main.ts', ['--version']),
    startBogus: node('src/main.ts', ['--bogus']),
    startMissing: node('src/main.ts', [], { CORPUS_DIR: missing }),
    startBotMissing: node('src/main.ts', [], { CORPUS_DIR: missing, TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjkl', TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }),
    askMissing: node('src/cli/main.ts', ['ask', '--corpus', missing, 'who said 1,200?']),
    askNotFolder: node('src/cli/main.ts', ['ask', '--corpus', notAFolder, 'who said 1,200?']),
    quotesMissing: node('src/cli/main.ts', ['quotes'], { CORPUS_DIR: missing }),
    chatMissing: node('src/cli/main.ts', ['chat', '--corpus', missing]),
    botNoToken: node('src/cli/main.ts', ['bot']),
    quotesOf: node('src/cli/main.ts', ['quotes', '--json', 'zelenskiy']),
    quotesAll: node('src/cli/main.ts', ['quotes', '--json']),
    quotesNobody: node('src/cli/main.ts', ['quotes', 'Xqzv Wplk']),
    askPiped: node('src/cli/main.ts', ['ask']),
    ...Object.fromEntries(['ask', 'quotes', 'eval', 'bench', 'chat', 'bot'].map((c) => [`help-${c}`, node('src/cli/main.ts', [c, '--help'])])),
  };
  if (hasScript) jobs['askTty'] = run('script', ['-qec', `${process.execPath} --import tsx src/cli/main.ts ask`, '/dev/null']);
  const done = await Promise.all(Object.entries(jobs).map(async ([k, p]) => [k, await p] as const));
  for (const [k, r] of done) runs[k] = r;
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (k: string): Run => {
  const r = runs[k];
  if (!r) throw new Error(`no run ${k}`);
  return r;
};

describe('--help and --version', () => {
  it('whosaid (bin/whosaid.js) lists every subcommand and exits 0', () => {
    const r = get('binHelp');
    expect(r.code).toBe(0);
    for (const c of ['ask', 'quotes', 'eval', 'bench', 'chat', 'bot']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.stdout).toContain('Exit codes:');
    expect(get('binVersion').stdout.trim()).toBe(VERSION);
  });

  it.each(['ask', 'quotes', 'eval', 'bench', 'chat', 'bot'])('whosaid %s --help prints its usage and exits 0', (c) => {
    const r = get(`help-${c}`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: whosaid ${c} `));
  });

  it('npm start -- --help prints help instead of opening the chat; --version the version; a bad option is exit 2', () => {
    const r = get('startHelp');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm start -- \[options\]/);
    expect(r.stdout).toContain('TELEGRAM_BOT_TOKEN');
    expect(r.stdout).not.toContain('quotations loaded');
    expect(get('startVersion').stdout.trim()).toBe(VERSION);
    expect(get('startBogus').code).toBe(2);
    expect(get('startBogus').stderr).toContain("unknown option '--bogus'");
  });
});

describe('folder errors', () => {
  it('say "No such folder" or "Not a folder", never a raw ENOENT or ENOTDIR, and exit 1', () => {
    const cases: [string, RegExp][] = [
      ['askMissing', /^error: No such folder: .*missing\. Set CORPUS_DIR or pass --corpus <dir>\.\n$/],
      ['askNotFolder', /^error: Not a folder: .*story\.txt\. /],
      ['quotesMissing', /^error: No such folder: /],
      ['chatMissing', /^error: No such folder: /],
      ['startMissing', /^error: No such folder: .*missing\. Set CORPUS_DIR \(see \.env\.example\)\.\n$/],
      ['startBotMissing', /^error: No such folder: /],
    ];
    for (const [k, re] of cases) {
      const r = get(k);
      expect([k, r.code]).toEqual([k, 1]);
      expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/ENOENT|ENOTDIR|at .*\.ts:\d+/);
      expect(r.stderr).not.toContain('ABCdefGHIjkl');
    }
  });

  it('whosaid bot without a token is a usage error pointing at @BotFather', () => {
    expect(get('botNoToken').code).toBe(2);
    expect(get('botNoToken').stderr).toMatch(/^error: TELEGRAM_BOT_TOKEN is not set\. Get a token from @BotFather/);
  });
});

describe('whosaid quotes [name]', () => {
  it("lists only that speaker's quotations, as the bot's /quotes name does", () => {
    const of = JSON.parse(get('quotesOf').stdout) as { speakers: { name: string }[] }[];
    const all = JSON.parse(get('quotesAll').stdout) as unknown[];
    expect(of.length).toBeGreaterThan(0);
    expect(of.length).toBeLessThan(all.length);
    for (const q of of) expect(q.speakers.map((s) => s.name)).toContain('Volodymyr Zelenskiy');
  });

  it('says so on stderr when nobody by that name is quoted, exit 0', () => {
    const r = get('quotesNobody');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No one called "Xqzv Wplk" is quoted.');
  });
});

describe('whosaid ask without a question', () => {
  it.skipIf(!hasScript)('says it reads stdin, one question per line, on a terminal', () => {
    expect(get('askTty').stdout).toContain('reading questions from stdin, one per line');
  });

  it('stays quiet when stdin is piped', () => {
    expect(get('askPiped').code).toBe(0);
    expect(get('askPiped').stderr).toBe('');
  });
});
