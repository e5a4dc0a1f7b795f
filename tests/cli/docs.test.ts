/** Every setting a newcomer can give is documented: README.md and .env.example name each variable src/config.ts reads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const VARIABLES = [...new Set([...read('src/config.ts').matchAll(/env\['([A-Z_]+)'\]/g)].map((m) => m[1] ?? ''))];

describe('environment variables', () => {
  it('src/config.ts reads some, LOG_FORMAT among them', () => {
    expect(VARIABLES).toContain('LOG_FORMAT');
    expect(VARIABLES.length).toBeGreaterThan(10);
  });

  it.each(VARIABLES)('%s is in the README and, unless it is CI, in .env.example', (name) => {
    expect(read('README.md')).toContain(`\`${name}\``);
    if (name !== 'CI') expect(read('.env.example')).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
