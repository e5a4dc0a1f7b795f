/**
 * Schema migrations: plain versioned SQL files (`migrations/NNN_name.sql`), applied in order at
 * start, all in one transaction under an advisory lock, and recorded in `schema_migrations`. Two
 * processes starting together: the second waits for the lock, then finds nothing left to do.
 * (Plain files rather than a migration tool: three tables, no down-migrations wanted, and one
 * dependency less; see DESIGN.md.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type pg from 'pg';
import { DatabaseError } from './connect.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Advisory lock keys: one namespace, hashed from a name (hashtextextended, PostgreSQL 11+). */
export function lockKeySql(param: string): string {
  return `hashtextextended('whosaid:' || ${param}, 0)`;
}

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The migration files, in version order. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .flatMap((file) => {
      const m = /^(\d+)_([\w-]+)\.sql$/.exec(file);
      return m?.[1] && m[2] ? [{ version: Number(m[1]), name: m[2], sql: readFileSync(join(dir, file), 'utf8') }] : [];
    })
    .sort((a, b) => a.version - b.version);
}

/**
 * Bring the schema up to date; resolves with the versions applied now.
 *
 * @example
 * await migrate(pool); // [1, 2] on an empty database, [] after
 */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = listMigrations()): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(${lockKeySql('$1')})`, ['migrations']);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      try {
        await client.query(m.sql);
      } catch (err) {
        throw new DatabaseError(`Migration ${m.version}_${m.name} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
