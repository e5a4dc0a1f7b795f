import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeFingerprint, compiledForm, extractionFingerprint, fingerprintOf, moduleFingerprint } from '../../src/node/fingerprint.ts';

const CODE = `/** Doc comment. */
export function said(text: string): boolean {
  // why: a trailing comma
  return /said/.test(text);
}
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whosaid-fingerprint-'));
  await writeFile(join(dir, 'rules.ts'), CODE);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fingerprintOf', () => {
  it('ignores comments, types and layout', async () => {
    const before = fingerprintOf(dir);
    await writeFile(
      join(dir, 'rules.ts'),
      `// A new header comment.\nexport function said(text: string):boolean{\n\n  /* reworded */ return /said/.test(text)  }\n`,
    );
    expect(fingerprintOf(dir)).toBe(before);
  });

  it('changes when the code changes', async () => {
    const before = fingerprintOf(dir);
    await writeFile(join(dir, 'rules.ts'), CODE.replace('/said/', '/says/'));
    expect(fingerprintOf(dir)).not.toBe(before);
  });

  it('changes when a file is added', async () => {
    const before = fingerprintOf(dir);
    await writeFile(join(dir, 'more.ts'), 'export const X = 1;\n');
    expect(fingerprintOf(dir)).not.toBe(before);
  });
});

describe('compiledForm', () => {
  it('keeps string contents, comment-like text included', () => {
    expect(compiledForm('export const A = "// not a comment";\n', 'a.ts')).toContain('// not a comment');
  });
});

describe('codeFingerprint', () => {
  it('is 12 hex digits and stable within a process', () => {
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{12}$/);
    expect(codeFingerprint()).toBe(codeFingerprint());
  });
});

describe('moduleFingerprint', () => {
  beforeEach(async () => {
    await writeFile(join(dir, 'entry.ts'), "import { said } from './rules.ts';\nexport const found = said('she said');\n");
    await writeFile(join(dir, 'answers.ts'), 'export const RANK = 1;\n');
  });

  it('follows imports: a module the entry imports counts, one it does not import does not', async () => {
    const before = moduleFingerprint(join(dir, 'entry.ts'));
    await writeFile(join(dir, 'answers.ts'), 'export const RANK = 2;\n');
    expect(moduleFingerprint(join(dir, 'entry.ts'))).toBe(before);
    await writeFile(join(dir, 'rules.ts'), CODE.replace('/said/', '/says/'));
    expect(moduleFingerprint(join(dir, 'entry.ts'))).not.toBe(before);
  });

  it('ignores comments in the imported modules', async () => {
    const before = moduleFingerprint(join(dir, 'entry.ts'));
    await writeFile(join(dir, 'rules.ts'), `// note\n${CODE}`);
    expect(moduleFingerprint(join(dir, 'entry.ts'))).toBe(before);
  });
});

describe('extractionFingerprint', () => {
  it('is 12 hex digits, stable, and not the fingerprint of the whole core (search and answers are left out)', () => {
    expect(extractionFingerprint()).toMatch(/^[0-9a-f]{12}$/);
    expect(extractionFingerprint()).toBe(extractionFingerprint());
    expect(extractionFingerprint()).not.toBe(codeFingerprint());
  });
});

describe('remembered fingerprints', () => {
  it('give the value computed from the sources (the memo in node_modules/.cache only skips compiling them)', () => {
    expect(codeFingerprint()).toBe(fingerprintOf(join(import.meta.dirname, '../../src/core')));
    expect(extractionFingerprint()).toBe(moduleFingerprint(join(import.meta.dirname, '../../src/node/extract-file.ts')));
  });
});
