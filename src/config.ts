/**
 * Configuration: the one place that reads the environment (and `.env`, when present).
 * Everything else receives these typed values.
 */
import { config as loadDotenv } from 'dotenv';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './core/errors.ts';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly corpusDir: string;
  /** Where the saved index lives; null means `<corpusDir>/.whosaid-cache`. */
  readonly cacheDir: string | null;
  readonly botToken: string | null;
  readonly apiRoot: string;
  readonly webhookUrl: string | null;
  readonly webhookSecret: string | null;
  readonly port: number;
  readonly logLevel: LogLevel;
  /** Questions one user may ask per minute before getting a polite notice. */
  readonly floodLimit: number;
  /** Running in continuous integration (`CI=true`): missing eval data is an error, not a skip. */
  readonly ci: boolean;
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

/** Read the configuration from `env` (default: process.env, after loading `.env` if present). */
export function readConfig(env: NodeJS.ProcessEnv = loadEnv()): Config {
  const level = (env['LOG_LEVEL'] ?? 'info').toLowerCase();
  if (!LEVELS.includes(level as LogLevel)) throw new UsageError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${env['LOG_LEVEL']}"`);
  const nonEmpty = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null);
  return {
    corpusDir: resolve(nonEmpty(env['CORPUS_DIR']) ?? DEFAULT_CORPUS_DIR),
    cacheDir: nonEmpty(env['CACHE_DIR']) === null ? null : resolve(nonEmpty(env['CACHE_DIR'])!),
    botToken: nonEmpty(env['TELEGRAM_BOT_TOKEN']),
    apiRoot: (nonEmpty(env['TELEGRAM_API_ROOT']) ?? 'https://api.telegram.org').replace(/\/+$/, ''),
    webhookUrl: nonEmpty(env['TELEGRAM_WEBHOOK_URL']),
    webhookSecret: nonEmpty(env['TELEGRAM_WEBHOOK_SECRET']),
    port: intOf('PORT', env['PORT'], 8080),
    logLevel: level as LogLevel,
    floodLimit: intOf('FLOOD_LIMIT', env['FLOOD_LIMIT'], 20),
    ci: /^(?:true|1|yes)$/i.test((env['CI'] ?? '').trim()),
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
