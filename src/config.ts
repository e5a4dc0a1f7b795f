/**
 * Configuration: the one place that reads the environment (and `.env`, when present).
 * Everything else receives these typed values.
 */
import { config as loadDotenv } from 'dotenv';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './core/errors.ts';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
/** `json`: one JSON object a line; `pretty`: one readable, coloured line per event. */
export type LogFormat = 'json' | 'pretty';

export interface Config {
  readonly corpusDir: string;
  /**
   * Where the saved index lives (CACHE_DIR); null means `<corpusDir>/.whosaid-cache`, or a folder
   * under `userCacheDir` when the corpus folder cannot be written.
   */
  readonly cacheDir: string | null;
  /** The user's cache folder: `$XDG_CACHE_HOME/whosaid`, default `~/.cache/whosaid`. */
  readonly userCacheDir: string;
  readonly botToken: string | null;
  readonly apiRoot: string;
  readonly webhookUrl: string | null;
  readonly webhookSecret: string | null;
  readonly port: number;
  readonly logLevel: LogLevel;
  /** LOG_FORMAT; null picks pretty when stdout is a terminal, JSON otherwise. */
  readonly logFormat: LogFormat | null;
  /** Questions one user may ask per minute before getting a polite notice. */
  readonly floodLimit: number;
  /** Running in continuous integration (`CI=true`): missing eval data is an error, not a skip. */
  readonly ci: boolean;
  /** Only these chats and users get answers (ALLOWED_CHAT_IDS); null answers everyone. */
  readonly allowedChatIds: ReadonlySet<number> | null;
  /** Users who may run /stats and /reload (BOT_ADMIN_IDS). */
  readonly adminIds: ReadonlySet<number>;
  /** Where the update journal lives, so a restart answers what a crash left unanswered (STATE_DIR). */
  readonly stateDir: string;
  readonly delivery: DeliveryConfig;
  /**
   * DATABASE_URL: PostgreSQL as the shared store (stories, update journal, flood counts); null
   * keeps everything in files on this machine. Holds the password: never log it (see pg/connect.ts).
   */
  readonly databaseUrl: string | null;
  /** INSTANCE_LEASE_S: with DATABASE_URL, how long a dead instance's unfinished updates wait before another takes them (ms). */
  readonly leaseMs: number;
}

/** How hard the bot tries to deliver, and how it polls. Telegram's rate limits are not configurable. */
export interface DeliveryConfig {
  /** Every Bot API request is abandoned (and retried) after this long (ms). */
  readonly requestTimeoutMs: number;
  /** First backoff after a 5xx, reset or timeout, doubled per attempt (ms). */
  readonly backoffMs: number;
  /** Longest backoff between attempts, sending or polling (ms). */
  readonly backoffCapMs: number;
  /** A reply not delivered after this long is dropped (ms): Telegram keeps updates for 24 h. */
  readonly giveUpMs: number;
  /** getUpdates long-poll timeout (s). */
  readonly pollTimeoutSeconds: number;
}

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DEFAULT_CORPUS_DIR = resolve(PROJECT_ROOT, 'corpus');

const LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function intOf(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got "${value}"`);
  return n;
}

function idsOf(name: string, value: string | undefined): Set<number> | null {
  if (value === undefined || value.trim() === '') return null;
  const ids = value.split(/[\s,]+/).filter((v) => v !== '');
  const bad = ids.find((v) => !/^-?\d{1,16}$/.test(v));
  if (bad !== undefined) throw new UsageError(`${name} must be a comma-separated list of numeric chat or user ids, got "${bad}"`);
  return new Set(ids.map(Number));
}

function deliveryOf(env: NodeJS.ProcessEnv): DeliveryConfig {
  return {
    requestTimeoutMs: intOf('TELEGRAM_REQUEST_TIMEOUT_MS', env['TELEGRAM_REQUEST_TIMEOUT_MS'], 15_000) || 15_000,
    backoffMs: intOf('RETRY_BACKOFF_MS', env['RETRY_BACKOFF_MS'], 500) || 500,
    backoffCapMs: intOf('RETRY_BACKOFF_CAP_MS', env['RETRY_BACKOFF_CAP_MS'], 60_000) || 60_000,
    giveUpMs: (intOf('RETRY_GIVE_UP_HOURS', env['RETRY_GIVE_UP_HOURS'], 24) || 24) * 3_600_000,
    pollTimeoutSeconds: intOf('POLL_TIMEOUT_S', env['POLL_TIMEOUT_S'], 30),
  };
}

/** Read the configuration from `env` (default: process.env, after loading `.env` if present). */
export function readConfig(env: NodeJS.ProcessEnv = loadEnv()): Config {
  const level = (env['LOG_LEVEL'] ?? 'info').toLowerCase();
  if (!LEVELS.includes(level as LogLevel)) throw new UsageError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${env['LOG_LEVEL']}"`);
  const nonEmpty = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null);
  const format = nonEmpty(env['LOG_FORMAT'])?.toLowerCase() ?? null;
  if (format !== null && format !== 'json' && format !== 'pretty') throw new UsageError(`LOG_FORMAT must be json or pretty, got "${env['LOG_FORMAT']}"`);
  const corpusDir = resolve(nonEmpty(env['CORPUS_DIR']) ?? DEFAULT_CORPUS_DIR);
  const cacheEnv = nonEmpty(env['CACHE_DIR']);
  const cacheDir = cacheEnv === null ? null : resolve(cacheEnv);
  return {
    corpusDir,
    cacheDir,
    userCacheDir: resolve(nonEmpty(env['XDG_CACHE_HOME']) ?? resolve(homedir(), '.cache'), 'whosaid'),
    botToken: nonEmpty(env['TELEGRAM_BOT_TOKEN']),
    apiRoot: (nonEmpty(env['TELEGRAM_API_ROOT']) ?? 'https://api.telegram.org').replace(/\/+$/, ''),
    webhookUrl: nonEmpty(env['TELEGRAM_WEBHOOK_URL']),
    webhookSecret: nonEmpty(env['TELEGRAM_WEBHOOK_SECRET']),
    port: intOf('PORT', env['PORT'], 8080),
    logLevel: level as LogLevel,
    logFormat: format,
    floodLimit: intOf('FLOOD_LIMIT', env['FLOOD_LIMIT'], 20),
    ci: /^(?:true|1|yes)$/i.test((env['CI'] ?? '').trim()),
    allowedChatIds: idsOf('ALLOWED_CHAT_IDS', env['ALLOWED_CHAT_IDS']),
    adminIds: idsOf('BOT_ADMIN_IDS', env['BOT_ADMIN_IDS']) ?? new Set(),
    // Beside the saved index by default: already ignored by git and by the corpus watcher.
    stateDir: resolve(nonEmpty(env['STATE_DIR']) ?? resolve(cacheDir ?? resolve(corpusDir, '.whosaid-cache'), 'state')),
    delivery: deliveryOf(env),
    databaseUrl: nonEmpty(env['DATABASE_URL']),
    leaseMs: (intOf('INSTANCE_LEASE_S', env['INSTANCE_LEASE_S'], 30) || 30) * 1000,
  };
}

let dotenvLoaded = false;
function loadEnv(): NodeJS.ProcessEnv {
  if (!dotenvLoaded) {
    loadDotenv({ path: resolve(PROJECT_ROOT, '.env'), quiet: true });
    dotenvLoaded = true;
  }
  return process.env;
}
