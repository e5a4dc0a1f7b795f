/**
 * Connecting to PostgreSQL (DATABASE_URL) with node-postgres. The URL holds the password, so it is
 * never logged or put in an error: `describeDatabase` gives what may be shown (host, port, database).
 */
import pg from 'pg';
import { WhosaidError } from '../core/errors.ts';

/** The database cannot be used: a bad URL, unreachable, refused. The message names the host, never the password. */
export class DatabaseError extends WhosaidError {
  override readonly name: string = 'DatabaseError';
}

/** What may be shown of a DATABASE_URL: `host:port/database` (no user, no password). */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname || decodeURIComponent(u.searchParams.get('host') ?? '') || 'localhost';
    return `${host}:${u.port || '5432'}/${decodeURIComponent(u.pathname.replace(/^\//, '')) || '(default database)'}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/** Check the URL's form before connecting: a clear error rather than a parser's stack trace. */
export function checkDatabaseUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DatabaseError('DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new DatabaseError(`DATABASE_URL must start with postgres:// or postgresql://, got ${u.protocol}//${u.hostname}`);
  }
}

/** A short reason for a connection failure: the error code or the server's message (which never holds the password). */
export function reasonOf(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (/^E[A-Z]+$/.test(code)) return code;
  return scrubUrl(message);
}

/** Remove anything that looks like a connection URL's credentials from a message. */
export function scrubUrl(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/)[^@\s]*@/gi, '$1…@');
}

export interface PoolOptions {
  /** Connections at most (default 4: an instance mostly reads at start and listens afterwards). */
  readonly max?: number;
  /** Give up connecting after this long (ms, default 5000). */
  readonly connectTimeoutMs?: number;
  readonly applicationName?: string;
}

/** The client config for `url` with our timeouts. */
export function clientConfig(url: string, options: PoolOptions = {}): pg.ClientConfig {
  return {
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    application_name: options.applicationName ?? 'whosaid',
    keepAlive: true,
  };
}

/**
 * A connection pool for `url`; idle connections that break (the server restarts) are dropped
 * quietly and the next query connects again.
 */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  checkDatabaseUrl(url);
  const pool = new pg.Pool({ ...clientConfig(url, options), max: options.max ?? 4, idleTimeoutMillis: 30_000 });
  // An idle client's error (server restart) must not crash the process: the pool replaces it.
  pool.on('error', () => undefined);
  // Nor a checked-out client's, between the queries of a transaction (the indexer extracting a
  // story while the server restarts): its next query fails instead, and the caller retries.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/**
 * Open a pool and check that the database answers: a clear `DatabaseError` naming the host when not.
 *
 * @example
 * const pool = await connectDatabase(config.databaseUrl);
 */
export async function connectDatabase(url: string, options: PoolOptions = {}): Promise<pg.Pool> {
  const pool = createPool(url, options);
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new DatabaseError(`Cannot connect to PostgreSQL at ${describeDatabase(url)} (${reasonOf(err)}). Check DATABASE_URL and that the server is running.`, {
      cause: err,
    });
  }
  return pool;
}

/** The password in a DATABASE_URL (decoded), to scrub from anything logged; null when it has none. */
export function passwordOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const p = new URL(url).password;
    return p ? decodeURIComponent(p) : null;
  } catch {
    return null;
  }
}
