/**
 * `whosaid quotes | head`: a reader that closes the pipe early ends the CLI quietly (exit 0, no
 * EPIPE stack trace). The output must outgrow the pipe's buffer, so the corpus is made large enough.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'whosaid-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A made-up story with five quotations, different in every file. */
function story(n: number): string {
  const lines = [`Council meeting number ${n}`, '', `The town council met for the ${n}th time this year to discuss the harbour budget.`];
  for (let k = 1; k <= 5; k++)
    lines.push(
      '',
      `“We will repair dock ${n}-${k} before the storms arrive, and the ferry schedule will not change this season,” said councillor Anna Berg${k}.`,
    );
  return `${lines.join('\n')}\n`;
}

describe('a closed pipe', () => {
  it('ends `quotes` quietly when the reader stops reading', async () => {
    for (let n = 1; n <= 40; n++) writeFileSync(join(dir, `story-${n}.txt`), story(n));
    const env: NodeJS.ProcessEnv = { ...process.env, CORPUS_DIR: dir, CACHE_DIR: join(dir, '.cache') };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'quotes'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    let first = '';
    child.stdout.once('data', (d: Buffer) => {
      first = d.toString();
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(first).toContain('Anna Berg');
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  }, 120_000);
});
