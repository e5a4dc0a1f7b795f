/**
 * Operations for BOT_ADMIN_IDS only: /stats (uptime, stories, quotations, answers and their p50/p95
 * time, outbox depth, retries, drops by cause) and /reload. To anyone else these commands do not
 * exist: they fall through to "I don't know that command" like any other.
 */
import { Composer, type Context } from 'telegraf';
import { escapeHtml } from '../html.ts';
import type { OutboxStats } from '../outbox.ts';
import type { AnswerStats } from '../stats.ts';
import { send, type FeatureDeps } from './shared.ts';

export interface AdminOptions {
  /** User ids allowed to run the commands. */
  readonly ids: ReadonlySet<number>;
  readonly answers: () => AnswerStats;
  readonly outbox: () => OutboxStats;
  /** Updates received and not yet finished (journal), when known. */
  readonly pendingUpdates?: () => number;
  /** Re-read the corpus folder; absent when the corpus is fixed. */
  readonly reload?: () => Promise<void>;
}

/** The admin commands, for the command menu of admins' private chats. */
export const ADMIN_COMMANDS = Object.freeze([
  { command: 'stats', description: 'Uptime, answers, outbox (admins)' },
  { command: 'reload', description: 'Re-read the stories (admins)' },
]);

function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const [d, h, m] = [Math.floor(s / 86_400), Math.floor((s % 86_400) / 3600), Math.floor((s % 3600) / 60)];
  return d > 0 ? `${d}d ${h}h ${m}m` : h > 0 ? `${h}h ${m}m` : `${m}m ${s % 60}s`;
}

/** The /stats text (plain, escaped by the caller). */
export function renderStats(deps: FeatureDeps, admin: AdminOptions): string {
  const { corpus } = deps.view();
  const a = admin.answers();
  const o = admin.outbox();
  const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v)} ms`);
  const drops = Object.entries(o.drops).map(([cause, n]) => `${cause}: ${n}`);
  return [
    `Uptime: ${duration(a.uptimeMs)}`,
    `Stories: ${corpus.articles.size}, quotations: ${corpus.quotations.length}`,
    `Questions answered: ${a.answered} (p50 ${ms(a.p50Ms)}, p95 ${ms(a.p95Ms)})`,
    `Outbox: ${o.depth} queued, ${o.delivered} delivered, ${o.retries} retries`,
    `Dropped: ${drops.length > 0 ? drops.join(', ') : 'none'}`,
    ...(admin.pendingUpdates ? [`Updates pending: ${admin.pendingUpdates()}`] : []),
  ].join('\n');
}

/**
 * The admin feature.
 *
 * @example
 * bot.use(createAdmin(deps, { ids: new Set([42]), answers: stats.snapshot, outbox: outbox.stats }));
 */
export function createAdmin(deps: FeatureDeps, admin: AdminOptions): Composer<Context> {
  const composer = new Composer<Context>();
  const isAdmin = (ctx: Context) => ctx.from !== undefined && admin.ids.has(ctx.from.id);
  composer.command('stats', async (ctx, next) => {
    if (!isAdmin(ctx)) return next();
    await send(ctx, `<b>whosaid</b>\n${escapeHtml(renderStats(deps, admin))}`);
  });
  composer.command('reload', async (ctx, next) => {
    if (!isAdmin(ctx)) return next();
    if (!admin.reload) return void (await send(ctx, escapeHtml('This bot answers from a fixed corpus; there is nothing to reload.')));
    const started = Date.now();
    await admin.reload();
    const { corpus } = deps.view();
    deps.logger.info({ admin: ctx.from?.id }, 'corpus reloaded by /reload');
    await send(ctx, escapeHtml(`Reloaded in ${Date.now() - started} ms: ${corpus.articles.size} stories, ${corpus.quotations.length} quotations.`));
  });
  return composer;
}
