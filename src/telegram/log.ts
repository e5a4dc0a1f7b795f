/** Structured logs (pino) with secrets scrubbed from every line before it is written. */
import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config.ts';

/**
 * Replace every secret in `text` with "[redacted]". A bot token also goes by its part after the
 * colon, which is the secret half.
 *
 * @example
 * scrubSecrets('GET /bot123:abc/getMe', ['123:abc']); // 'GET /bot[redacted]/getMe'
 */
export function scrubSecrets(text: string, secrets: readonly (string | null)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    const parts = [secret, ...(secret.includes(':') ? [secret.slice(secret.indexOf(':') + 1)] : [])];
    for (const part of parts) if (part.length >= 6) out = out.split(part).join('[redacted]');
  }
  return out;
}

/** A pino logger at `level` whose output never contains any of `secrets`. */
export function createLogger(level: LogLevel, secrets: readonly (string | null)[], destination?: NodeJS.WritableStream): Logger {
  const options = { level, base: { pid: process.pid }, hooks: { streamWrite: (line: string) => scrubSecrets(line, secrets) } };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}

/** The parts of an error worth logging: never the request payload (user text), never a stack with secrets. */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err) };
  const code = (err as { code?: unknown }).code;
  return { error: err.message, name: err.name, ...(code !== undefined ? { code } : {}) };
}
