/**
 * Every entry point's --help and --version, the folder errors and the stdin hint. The launchers
 * (`whosaid` = bin/whosaid.js, `npm start`'s src/main.ts) and the terminal hint run as real
 * processes, two at a time, started in `beforeAll`; the subcommands run in-process through runCli.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { ROOT } from '../helpers.ts';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** At most this many processes at once: the machine is shared, and each one starts tsx. */
const POOL = 2;
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
let missingDir: string;
const runs: Record<string, Run> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'whosaid-entry-'));
  notAFolder = join(dir, 'story.txt');
  writeFileSync(notAFolder, 'A file, not a folder.\n');
  const missing = join(dir, 'missing');
  missingDir = missing;
  const jobs: Record<string, Promise<Run>> = {
    binHelp: run(join(ROOT, 'bin/whosaid.js'), ['--help']),
    binVersion: run(join(ROOT, 'bin/whosaid.js'), ['--version']),
    startHelp: node('src/main.ts', ['--help']),
    startBogus: node('src/main.ts', ['--bogus']),
    startMissing: node('src/main.ts', [], { CORPUS_DIR: missing }),
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

/** Run the CLI in-process, collecting what it writes; CORPUS_DIR and the token from `env` only. */
async function cli(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  for (const k of ['CORPUS_DIR', 'TELEGRAM_BOT_TOKEN']) vi.stubEnv(k, env[k] ?? '');
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('--help and --version', () => {
  it('whosaid (bin/whosaid.js) lists every subcommand and exits 0', () => {
    const r = get('binHelp');
    expect(r.code).toBe(0);
    for (const c of ['ask', 'quotes', 'eval', 'bench', 'chat', 'bot']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.stdout).toContain('Exit codes:');
    expect(get('binVersion').stdout.trim()).toBe(VERSION);
  });

  it.each(['ask', 'quotes', 'eval', 'bench', 'chat', 'bot'])('whosaid %s --help prints its usage and exits 0', async (c) => {
    const r = await cli([c, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: whosaid ${c} `));
  });

  it('whosaid --version prints the version', async () => {
    expect((await cli(['--version'])).stdout.trim()).toBe(VERSION);
  });

  it('npm start -- --help prints help instead of opening the chat; a bad option is exit 2', () => {
    const r = get('startHelp');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm start -- \[options\]/);
    expect(r.stdout).toContain('TELEGRAM_BOT_TOKEN');
    expect(r.stdout).not.toContain('quotations loaded');
    expect(get('startBogus').code).toBe(2);
    expect(get('startBogus').stderr).toContain("unknown option '--bogus'");
  });
});

describe('folder errors', () => {
  it('say "No such folder" or "Not a folder", never a raw ENOENT or ENOTDIR, and exit 1', async () => {
    const cases: [Run, RegExp][] = [
      [await cli(['ask', '--corpus', missingDir, 'who said 1,200?']), /^error: No such folder: .*missing\. Set CORPUS_DIR or pass --corpus <dir>\.\n$/],
      [await cli(['ask', '--corpus', notAFolder, 'who said 1,200?']), /^error: Not a folder: .*story\.txt\. /],
      [await cli(['quotes'], { CORPUS_DIR: missingDir }), /^error: No such folder: /],
      [await cli(['chat', '--corpus', missingDir]), /^error: No such folder: /],
      [await cli(['bot'], { CORPUS_DIR: missingDir, TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjkl' }), /^error: No such folder: /],
      [get('startMissing'), /^error: No such folder: .*missing\. Set CORPUS_DIR \(see \.env\.example\)\.\n$/],
    ];
    for (const [r, re] of cases) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/ENOENT|ENOTDIR|at .*\.ts:\d+/);
      expect(r.stderr).not.toContain('ABCdefGHIjkl');
    }
  });

  it('whosaid bot without a token is a usage error pointing at @BotFather', async () => {
    const r = await cli(['bot']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: TELEGRAM_BOT_TOKEN is not set\. Get a token from @BotFather/);
  });
});

describe('whosaid quotes [name]', () => {
  it("lists only that speaker's quotations, as the bot's /quotes name does", async () => {
    const of = JSON.parse((await cli(['quotes', '--json', 'zelenskiy'])).stdout) as { speakers: { name: string }[] }[];
    const all = JSON.parse((await cli(['quotes', '--json'])).stdout) as unknown[];
    expect(of.length).toBeGreaterThan(0);
    expect(of.length).toBeLessThan(all.length);
    for (const q of of) expect(q.speakers.map((s) => s.name)).toContain('Volodymyr Zelenskiy');
  });

  it('says so on stderr when nobody by that name is quoted, exit 0', async () => {
    const r = await cli(['quotes', 'Xqzv Wplk']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No one called "Xqzv Wplk" is quoted.');
  });
});

describe('whosaid ask without a question', () => {
  it.skipIf(!hasScript)('says it reads stdin, one question per line, on a terminal', () => {
    expect(get('askTty').stdout).toContain('reading questions from stdin, one per line');
  });
});
