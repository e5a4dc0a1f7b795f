/**
 * A throwaway PostgreSQL server for the tests and the benchmark: initdb in a temporary folder, started with pg_ctl on
 * a free loopback port, its unix socket in the same folder. The server refuses to run as root, so
 * as root it runs as the `postgres` (or `nobody`) user through runuser. When no server can be
 * started, `startTestServer` resolves with the reason instead, and the tests and the benchmark skip saying so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestServer {
  readonly url: string;
  readonly port: number;
  /** Stop the server (fast shutdown), keeping its data. */
  stop(): void;
  /** Start it again on the same port. */
  start(): void;
  /** Stop it and remove its folder. */
  destroy(): void;
}

/** The folder of initdb and pg_ctl: on PATH, or Debian's /usr/lib/postgresql/<version>/bin (newest). */
export function findPgBin(): string | null {
  const fromPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (fromPath) return join(fromPath, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** The user the server runs as: ourselves, or when root, `postgres` / `nobody`. */
function serverUser(): { name: string | null; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return { name: null, uid: -1, gid: -1 };
  for (const name of ['postgres', 'nobody']) {
    const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (r.status === 0 && g.status === 0) return { name, uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
  }
  return null;
}

/**
 * Start a fresh server; resolves with it, or with a string saying why none could start.
 *
 * @example
 * const pg = await startTestServer();
 * if (typeof pg === 'string') console.warn(`skipped: ${pg}`);
 */
export async function startTestServer(options: { readonly durable?: boolean } = {}): Promise<TestServer | string> {
  const bin = findPgBin();
  if (!bin) return 'no PostgreSQL server binaries (initdb) on PATH or under /usr/lib/postgresql; CI installs Debian postgresql';
  const user = serverUser();
  if (!user) return 'running as root and neither the postgres nor the nobody user exists to run the server';
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const as = (cmd: string, args: string[]) =>
    user.name
      ? execFileSync('runuser', ['-u', user.name, '--', join(bin, cmd), ...args], { stdio: 'pipe', cwd: dir })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe', cwd: dir });
  try {
    if (user.name) chownSync(dir, user.uid, user.gid);
    as('initdb', ['-D', data, '-A', 'trust', '-U', 'whosaid', '--no-sync', '-E', 'UTF8', '--locale=C']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return `initdb failed: ${(err as { stderr?: Buffer }).stderr?.toString().trim() || String(err)}`;
  }
  // Tests trade durability for speed; the benchmark keeps PostgreSQL's defaults (fsync per commit).
  const durability = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60${durability}`;
  const start = () => as('pg_ctl', ['-D', data, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
  const stop = () => {
    try {
      as('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
    } catch {
      // Already stopped.
    }
  };
  try {
    start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return `the server did not start: ${(err as { stderr?: Buffer }).stderr?.toString().trim() || String(err)}`;
  }
  return {
    url: `postgres://whosaid@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    destroy() {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
