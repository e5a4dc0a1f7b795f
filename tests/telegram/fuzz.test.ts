/**
 * Property-based fuzzing (fast-check) of 10,000 questions through the whole answering and
 * rendering path (`bot.handleUpdate`, every feature), with an outbox that captures instead of
 * sending: nothing throws, every reply is valid Telegram HTML within 4096 characters with no lone
 * surrogate, and no user text is left unescaped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { createBot } from '../../src/telegram/bot.ts';
import { createLogger } from '../../src/telegram/log.ts';
import type { Outbox, OutboxJob } from '../../src/telegram/outbox.ts';
import { seedCorpus } from '../helpers.ts';
import { checkTelegramHtml } from './html-check.ts';
import { BOT_USER } from './stand-in.ts';
import { GROUP, inlineQuery, textMessage } from './updates.ts';

const RUNS = Number(process.env['WHOSAID_FUZZ_RUNS'] ?? 10_000);

/** A marker no story contains: if it ever follows a tag the bot wrote, user text went out unescaped. */
const MARK = 'QZXMARK';

const FRAGMENTS = [
  'who said ',
  'what did ',
  ' say?',
  'did ',
  'who is ',
  'Zelensky',
  'Umerov',
  '1,200',
  'prisoners',
  'exchange',
  'Ukraine',
  '"',
  '“',
  '”',
  '?',
  `<b>${MARK}</b>`,
  `<i>${MARK}`,
  `<code>${MARK}</code>`,
  `<blockquote>${MARK}`,
  `<a href="http://x">${MARK}</a>`,
  `<u>${MARK}`,
  `<pre>${MARK}`,
  `<tg-spoiler>${MARK}`,
  `<span class="tg-spoiler">${MARK}`,
  '</blockquote>',
  '</b>',
  '&amp;',
  '&lt;',
  '&#128;',
  '&',
  '<',
  '>',
  '<<>>',
  '\uD800',
  '\uDFFF',
  '\uDBFF\uDBFF',
  '\u0000',
  '\u202E',
  '👍🏽',
  '🇺🇦',
  '\n',
  '\t',
  ' ',
  '@whosaid_test_bot ',
];

const questionArb = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) }), {
    minLength: 1,
    maxLength: 10,
  })
  .chain((parts) =>
    fc.oneof({ weight: 9, arbitrary: fc.constant(parts.join('')) }, { weight: 1, arbitrary: fc.constant(parts.join('').repeat(300).slice(0, 5000)) }),
  );

type Route = 'private' | 'who' | 'quotes' | 'start' | 'group' | 'inline';
const routeArb = fc.constantFrom<Route>('private', 'private', 'who', 'quotes', 'start', 'group', 'inline');

function updateFor(route: Route, q: string, id: number): Update {
  const body =
    route === 'inline'
      ? inlineQuery(q.slice(0, 256))
      : route === 'group'
        ? textMessage(`@whosaid_test_bot ${q}`, { chat: GROUP })
        : textMessage(route === 'private' ? q : `/${route} ${q}`);
  return { update_id: id, ...body } as Update;
}

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const OWN_TAGS = /<\/?(?:b|i|blockquote|code)>/g;

/** Why `html` is not a reply Telegram would take, or null. */
function problemWith(html: string): string | null {
  const parsed = checkTelegramHtml(html);
  if (!parsed.ok) return parsed.error;
  if (parsed.text.length > 4096) return `too long: ${parsed.text.length}`;
  if (parsed.text.trim() === '') return 'empty';
  if (LONE.test(html)) return 'lone surrogate';
  const foreign = html.replace(OWN_TAGS, '').match(/<[^>]*>/);
  if (foreign) return `a tag the bot never writes: ${foreign[0]}`;
  if (new RegExp(`<(?:b|i|code|blockquote)>${MARK}`).test(html)) return 'user markup went out as markup';
  return null;
}

function textsOf(job: { method: string; payload?: unknown }): string[] {
  const p = job.payload as { text?: string; results?: { input_message_content: { message_text: string } }[] };
  if (job.method === 'answerInlineQuery') return (p.results ?? []).map((r) => r.input_message_content.message_text);
  return typeof p.text === 'string' ? [p.text] : [];
}

describe('replies to fuzzed questions', () => {
  it(`are valid, escaped Telegram HTML within the limit for ${RUNS} questions`, async () => {
    const captured: { method: string; payload?: unknown }[] = [];
    const outbox: Outbox = {
      send: async <T>(job: OutboxJob<T>) => {
        captured.push({ method: job.method, payload: job.payload });
        return (job.method === 'sendMessage' ? { message_id: 1 } : true) as T;
      },
      stats: () => ({ depth: 0, delivered: 0, retries: 0, drops: {} }),
      nudge: () => undefined,
      stop: () => undefined,
    };
    const errors: unknown[] = [];
    const { bot } = createBot({
      token: '1:fuzz',
      apiRoot: 'http://127.0.0.1:9',
      corpus: seedCorpus(),
      logger: createLogger('silent', []),
      floodLimit: 0,
      botInfo: { ...BOT_USER } as never,
      outbox,
    });
    bot.catch((err) => void errors.push(err));
    let id = 1;
    let replies = 0;
    await fc.assert(
      fc.asyncProperty(questionArb, routeArb, async (q, route) => {
        captured.length = 0;
        const t0 = performance.now();
        await bot.handleUpdate(updateFor(route, q, id++));
        const ms = performance.now() - t0;
        if (process.env['WHOSAID_FUZZ_SLOW'] && ms > 100)
          process.stdout.write(`slow ${Math.round(ms)} ms ${route} ${q.length} ${JSON.stringify(q.slice(0, 80))}\n`);
        expect(errors).toEqual([]);
        for (const job of captured) {
          for (const html of textsOf(job)) {
            replies++;
            expect(problemWith(html), html.slice(0, 300)).toBeNull();
          }
        }
      }),
      { numRuns: RUNS, seed: Number(process.env['WHOSAID_FUZZ_SEED'] ?? 20261206) },
    );
    expect(replies).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
