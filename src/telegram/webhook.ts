/**
 * Webhook mode's HTTP server (TLS is terminated in front of it). Only POSTs to the webhook path
 * with the right secret header are accepted. An update is acknowledged as soon as it is safely
 * queued (journalled), and handled after, so Telegram is never kept waiting for a reply to be
 * composed and sent; when it cannot be queued, Telegram gets a 500 and sends it again.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Update } from 'telegraf/types';

export interface WebhookServerOptions {
  /** The path of the public webhook URL, e.g. "/telegram/hook". */
  readonly path: string;
  readonly secret: string;
  /** Queue the update; the request is acknowledged when this resolves, refused with 500 if it rejects. */
  readonly onUpdate: (update: Update) => Promise<void> | void;
  /** Called for each refused request, with the status sent. */
  readonly onRefused?: (status: number, reason: string) => void;
  /** Largest body accepted, in bytes. */
  readonly maxBodyBytes?: number;
}

/** The header Telegram sends the secret token in. */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseUpdate(body: string): Update | null {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && typeof (value as { update_id?: unknown }).update_id === 'number' ? (value as Update) : null;
  } catch {
    return null;
  }
}

/**
 * Create (not start) the webhook server.
 *
 * @example
 * createWebhookServer({ path: '/hook', secret, onUpdate: (u) => inbox.receive([u]) }).listen(8080);
 */
export function createWebhookServer(options: WebhookServerOptions): Server {
  const max = options.maxBodyBytes ?? 1_000_000;
  return createServer((req, res) => {
    const refuse = (status: number, reason: string) => {
      options.onRefused?.(status, reason);
      res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' }).end(`${reason}\n`);
      req.resume();
    };
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== options.path) return refuse(404, 'not found');
    if (req.method !== 'POST') return refuse(405, 'method not allowed');
    const given = req.headers[SECRET_HEADER];
    if (given === undefined) return refuse(401, 'secret token missing');
    if (!sameSecret(given, options.secret)) return refuse(403, 'secret token wrong');
    readBody(req, max).then(
      async (body) => {
        if (body === null) return refuse(413, 'body too large');
        const update = parseUpdate(body);
        if (!update) return refuse(400, 'not an update');
        try {
          await options.onUpdate(update);
        } catch {
          return refuse(500, 'could not queue the update');
        }
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      },
      () => refuse(400, 'unreadable body'),
    );
  });
}
