/**
 * Structured logs (pino) with secrets scrubbed from every line before it is written: JSON lines
 * for machines, or one coloured line per event (pino-pretty) when a person reads a terminal.
 */
import { pino, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import type { LogFormat, LogLevel } from '../config.ts';

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

/** The format to write to `destination`: as configured, else pretty on a terminal and JSON otherwise. */
export function resolveLogFormat(format: LogFormat | null, destination: NodeJS.WritableStream): LogFormat {
  return format ?? ((destination as { isTTY?: boolean }).isTTY ? 'pretty' : 'json');
}

/**
 * A pino logger at `level` whose output never contains any of `secrets`: each JSON line is
 * scrubbed before it is written, and the pretty format is made from the scrubbed line.
 *
 * @example
 * createLogger('info', [token], process.stdout, null).info('up'); // pretty on a terminal, JSON when piped
 */
export function createLogger(
  level: LogLevel,
  secrets: readonly (string | null)[],
  destination: NodeJS.WritableStream = process.stdout,
  format: LogFormat | null = null,
): Logger {
  const options = { level, base: { pid: process.pid }, hooks: { streamWrite: (line: string) => scrubSecrets(line, secrets) } };
  if (resolveLogFormat(format, destination) === 'json') return pino(options, destination as pino.DestinationStream);
  // In-process and synchronous (no worker thread): a line is out before the process exits.
  const pretty = PinoPretty({
    destination,
    sync: true,
    colorize: Boolean((destination as { isTTY?: boolean }).isTTY),
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    // describeError logs { error, name, code }: keep it on the event's line, not as a stack block.
    errorLikeObjectKeys: [],
  });
  return pino(options, pretty);
}

/** The parts of an error worth logging: never the request payload (user text), never a stack with secrets. */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err) };
  const code = (err as { code?: unknown }).code;
  return { error: err.message, name: err.name, ...(code !== undefined ? { code } : {}) };
}
