import { describe, expect, it } from 'vitest';
import { checkDatabaseUrl, describeDatabase, passwordOf, scrubUrl } from '../../src/pg/connect.ts';

describe('describeDatabase', () => {
  it.each([
    ['postgres://app:s3cret@db.internal:6543/news', 'db.internal:6543/news'],
    ['postgresql://app:s3cret@db/news', 'db:5432/news'],
    ['postgres://app@localhost', 'localhost:5432/(default database)'],
    ['not a url', '(unparseable DATABASE_URL)'],
  ])('%s → %s (no user, no password)', (url, shown) => {
    expect(describeDatabase(url)).toBe(shown);
  });
});

describe('checkDatabaseUrl', () => {
  it('refuses what is not a postgres URL without echoing its credentials', () => {
    expect(() => checkDatabaseUrl('mysql://u:pw123@h/x')).toThrow('DATABASE_URL must start with postgres:// or postgresql://, got mysql://h');
    expect(() => checkDatabaseUrl('u:pw123@h')).toThrow(/not a URL|must start with/);
    expect(() => checkDatabaseUrl('postgres://u:pw@h/x')).not.toThrow();
  });
});

describe('scrubUrl and passwordOf', () => {
  it('removes credentials from text and finds the password to scrub from logs', () => {
    expect(scrubUrl('failed postgres://u:pw123@h/x now')).toBe('failed postgres://…@h/x now');
    expect(passwordOf('postgres://u:p%40ss@h/x')).toBe('p@ss');
    expect(passwordOf('postgres://u@h/x')).toBeNull();
    expect(passwordOf(null)).toBeNull();
  });
});
