/**
 * The bot in-process: `bot.handleUpdate()` with a preset `botInfo`, its Bot API calls going over
 * HTTP to the local stand-in, which checks HTML and limits the way Telegram does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { ask } from '../../src/core/answer/answer.ts';
import { APOLOGY, createBot, type BotOptions, type WhosaidBot } from '../../src/telegram/bot.ts';
import { WhosaidError } from '../../src/core/errors.ts';
import { exampleQuestions } from '../../src/telegram/lists.ts';
import { createLogger } from '../../src/telegram/log.ts';
import { createOutbox, OUTBOX_LIMITS, OUTBOX_RETRY } from '../../src/telegram/outbox.ts';
import { seedCorpus } from '../helpers.ts';
import { checkTelegramHtml } from './html-check.ts';
import { BOT_USER, startStandIn, type ApiCall, type StandIn } from './stand-in.ts';
import { callbackQuery, GROUP, inlineQuery, OTHER_USER, privateChat, replyToBot, sticker, textMessage, USER } from './updates.ts';

const TOKEN = '123456:in-process-test-token';
const corpus = seedCorpus();
let api: StandIn;
let wb: WhosaidBot;
let updateId = 1;

/** Handle one update and return the Bot API calls it made. */
async function handle(update: object): Promise<ApiCall[]> {
  const before = api.calls.length;
  await wb.bot.handleUpdate({ update_id: updateId++, ...update } as Update);
  return api.calls.slice(before);
}

const sent = (calls: ApiCall[]) => calls.filter((c) => c.method === 'sendMessage');
const textOf = (call: ApiCall | undefined) => String(call?.params['text'] ?? '');
/** A sent message's inline keyboard; the test fails here when the message has none. */
const keyboardOf = (call: ApiCall | undefined) => {
  const markup = call?.params['reply_markup'] as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined;
  if (!markup) throw new Error('no reply_markup on the message');
  return markup.inline_keyboard;
};
const visible = (call: ApiCall | undefined) => {
  const r = checkTelegramHtml(textOf(call));
  return r.ok ? r.text : `INVALID: ${r.error}`;
};

/** No pacing here: these tests are about what is said, not how fast (outbox.test.ts covers pacing). */
const UNPACED = { ...OUTBOX_LIMITS, globalPerWindow: 10_000, privatePerWindow: 10_000, groupPerWindow: 10_000 };

function makeBot(floodLimit: number, extra: Partial<BotOptions> = {}): WhosaidBot {
  const outbox = createOutbox({ limits: UNPACED, retry: OUTBOX_RETRY });
  return createBot({
    token: TOKEN,
    apiRoot: api.apiRoot,
    corpus,
    logger: createLogger('silent', [TOKEN]),
    floodLimit,
    botInfo: { ...BOT_USER } as never,
    outbox,
    ...extra,
  });
}

beforeAll(async () => {
  api = await startStandIn(TOKEN);
  wb = makeBot(0);
});
afterAll(() => api.close());

describe('private chat', () => {
  it('answers "who said 1,200?" with a formatted quote card and buttons', async () => {
    const [reply, ...more] = sent(await handle(textMessage('who said 1,200?')));
    expect(more).toEqual([]);
    expect(reply?.outcome).toBe(true);
    const html = textOf(reply);
    expect(html).toContain('<b>Rustem Umerov</b>, security chief');
    expect(html).toMatch(/<blockquote>“This concerns the release of <b>1,200<\/b> Ukrainians/);
    expect(html).toContain('Said in a statement on Telegram.');
    expect(html).toContain('<i>Ukraine seeking exchange of 1,200 prisoners with Russia</i> — Reuters, 2025-11-16');
    expect(reply?.params['parse_mode']).toBe('HTML');
    expect(reply?.params['link_preview_options']).toEqual({ is_disabled: true });
    expect(reply?.params['reply_parameters']).toBeUndefined();
    const buttons = keyboardOf(reply)
      .flat()
      .map((b) => b.text);
    expect(buttons).toEqual(['More quotes like this', 'Show context']);
  });

  it('says "not found" in one line and points at /speakers', async () => {
    const [reply] = sent(await handle(textMessage('who said the sky is green?')));
    expect(reply?.outcome).toBe(true);
    expect(visible(reply)).not.toContain('\n');
    expect(visible(reply)).toMatch(/^Not found/);
    expect(visible(reply)).toContain('/speakers');
  });

  it.each([
    '<b>who said</b> 1,200 <script>alert(1)</script> & </blockquote> &amp; <a href="x">',
    'who said <i>nothing</b> &lt; at all <<>>',
    '<pre>what did <zelensky> say?',
  ])('keeps the reply valid HTML for %s', async (question) => {
    const [reply] = sent(await handle(textMessage(question)));
    expect(reply?.outcome).toBe(true);
  });

  it('answers a 5,000-character question within the message limit', async () => {
    const [reply] = sent(await handle(textMessage(`who said 1,200? ${'and more words '.repeat(333)}`.slice(0, 5000))));
    expect(reply?.outcome).toBe(true);
    expect(visible(reply).length).toBeLessThanOrEqual(4096);
  });

  it('greets on /start with the stories and two example questions it can answer', async () => {
    const [reply] = sent(await handle(textMessage('/start')));
    expect(reply?.outcome).toBe(true);
    expect(visible(reply)).toContain('Ukraine seeking exchange of 1,200 prisoners with Russia');
    const examples = exampleQuestions(corpus);
    expect(examples).toHaveLength(2);
    for (const q of examples) {
      expect(visible(reply)).toContain(q);
      expect(ask(corpus, q).found).toBe(true);
    }
  });

  it('answers a deep-link payload as a question', async () => {
    const [reply] = sent(await handle(textMessage('/start who_said_1200')));
    expect(textOf(reply)).toContain('<b>Rustem Umerov</b>');
  });

  it.each([
    ['/help', 'who said'],
    ['/who who said 1,200', 'Rustem Umerov'],
    ['/speakers', 'Volodymyr Zelenskiy</b>, President'],
    ['/stories', 'Reuters, 2025-11-16'],
    ['/quotes umerov', 'Quotations of Rustem Umerov'],
    ['/nonsense', "don't know that command"],
  ])('%s', async (command, expected) => {
    const [reply] = sent(await handle(textMessage(command)));
    expect(reply?.outcome).toBe(true);
    expect(textOf(reply)).toContain(expected);
  });

  it('pages /quotes with buttons, editing the message', async () => {
    const [first] = sent(await handle(textMessage('/quotes')));
    expect(visible(first)).toContain('Quotations (1–5 of 8)');
    const next = keyboardOf(first)[0]![0]!;
    expect(next.text).toBe('Next »');
    const calls = await handle(callbackQuery(next.callback_data));
    const edit = calls.find((c) => c.method === 'editMessageText');
    expect(edit?.outcome).toBe(true);
    expect(visible(edit)).toContain('Quotations (6–8 of 8)');
    expect(calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
  });

  it('shows context and more quotes from the answer buttons', async () => {
    const [answer] = sent(await handle(textMessage('who said 1,200?')));
    const [more, context] = keyboardOf(answer)[0]!;
    const [ctxReply] = sent(await handle(callbackQuery(context!.callback_data)));
    expect(ctxReply?.outcome).toBe(true);
    expect(textOf(ctxReply)).toContain('<b>"This concerns the release of 1,200 Ukrainians,"</b>');
    const [moreReply] = sent(await handle(callbackQuery(more!.callback_data)));
    expect(moreReply?.outcome).toBe(true);
    expect(textOf(moreReply)).toContain('More like');
    // The quote itself appears once, in the header, never among the cards.
    expect(textOf(moreReply).split('This concerns the release of')).toHaveLength(2);
    expect(textOf(moreReply)).toContain('<blockquote>');
  });

  it.each([
    ['forged', 'DROP TABLE', 'not one I made'],
    ['stale', 'c:3:zzzz', 'expired'],
    ['out of range', 'm:99999:abc', 'expired'],
    ['stale page', 'p:q:0:99', 'changed'],
  ])('answers a %s callback with a short notice', async (_, data, notice) => {
    const calls = await handle(callbackQuery(data));
    const answer = calls.find((c) => c.method === 'answerCallbackQuery');
    expect(answer?.outcome).toBe(true);
    expect(String(answer?.params['text'])).toContain(notice);
    expect(sent(calls)).toEqual([]);
  });

  it('answers stickers politely, and ignores edits', async () => {
    const [reply] = sent(await handle(sticker()));
    expect(visible(reply)).toContain('I only read text');
    expect(await handle({ edited_message: textMessage('who said 1,200?').message })).toEqual([]);
  });
});

describe('a message that cannot be answered', () => {
  // As when the saved index's text is changed on disk under a running bot (src/node/stored-text.ts).
  const damaged = () => {
    throw new WhosaidError('the saved index changed on disk while in use');
  };
  const seed = seedCorpus();
  const broken = { ...seed, search: new Proxy(seed.search, { get: () => damaged }) };

  it('gets an apology in a private chat, and silence in a group', async () => {
    const keep = wb;
    wb = makeBot(0, { corpus: broken });
    try {
      const [reply, ...more] = sent(await handle(textMessage('who said 1,200?')));
      expect(more).toEqual([]);
      expect(reply?.outcome).toBe(true);
      expect(visible(reply)).toBe(APOLOGY);
      expect(sent(await handle(textMessage('/who 1,200', { chat: GROUP })))).toEqual([]);
    } finally {
      wb = keep;
    }
  });
});

describe('groups', () => {
  it.each(['who said 1,200?', 'hello everyone', '/who@someotherbot 1,200', '/help@someotherbot'])('stays silent on "%s"', async (text) => {
    expect(await handle(textMessage(text, { chat: GROUP }))).toEqual([]);
  });

  it('stays silent on stickers', async () => {
    const update = sticker();
    expect(await handle({ message: { ...update.message, chat: GROUP } })).toEqual([]);
  });

  it.each(['/who 1,200', '/who@whosaid_test_bot who said 1,200?', '@whosaid_test_bot who said 1,200?', 'who said 1,200, @WhoSaid_Test_Bot?'])(
    'answers "%s" as a reply to the asking message',
    async (text) => {
      const update = textMessage(text, { chat: GROUP });
      const [reply] = sent(await handle(update));
      expect(reply?.outcome).toBe(true);
      expect(textOf(reply)).toContain('<b>Rustem Umerov</b>');
      expect(reply?.params['reply_parameters']).toMatchObject({ message_id: update.message.message_id });
    },
  );

  it("answers replies to the bot's own messages", async () => {
    const [reply] = sent(await handle(replyToBot('what did zelensky say?', 555)));
    expect(textOf(reply)).toContain('<b>Volodymyr Zelenskiy</b>');
  });
});

describe('inline mode', () => {
  it('offers up to 10 quote cards with the speaker as title and the quote as description', async () => {
    const [call] = (await handle(inlineQuery('1,200'))).filter((c) => c.method === 'answerInlineQuery');
    expect(call?.outcome).toBe(true);
    const results = call?.params['results'] as { title: string; description: string; input_message_content: { message_text: string } }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(10);
    expect(results[0]?.title).toBe('Rustem Umerov');
    expect(results[0]?.description).toContain('This concerns the release of 1,200 Ukrainians');
    expect(results[0]?.input_message_content.message_text).toContain('<blockquote>');
    expect(call?.params['cache_time']).toBeLessThanOrEqual(10);
  });

  it('answers an empty or unmatched query with no cards', async () => {
    for (const q of ['', 'zzzz qqqq']) {
      const [call] = (await handle(inlineQuery(q))).filter((c) => c.method === 'answerInlineQuery');
      expect(call?.params['results']).toEqual([]);
    }
  });
});

describe('flood limit', () => {
  it('gives a flooding user one notice and keeps serving everyone else', async () => {
    wb = makeBot(20);
    const flooder = { id: 777, is_bot: false, first_name: 'Flo' };
    const replies: string[] = [];
    for (let i = 0; i < 30; i++) replies.push(...sent(await handle(textMessage('who said 1,200?', { from: flooder }))).map(visible));
    expect(replies.filter((r) => r.includes('Rustem Umerov'))).toHaveLength(20);
    expect(replies.filter((r) => r.includes('asking very fast'))).toHaveLength(1);
    expect(replies).toHaveLength(21);
    const [other] = sent(await handle(textMessage('who said 1,200?', { from: OTHER_USER, chat: privateChat(OTHER_USER) })));
    expect(textOf(other)).toContain('Rustem Umerov');
  });
});

describe('long words', () => {
  it('answers a 4,000-letter word quickly: the search never sees words over 48 letters', async () => {
    wb = makeBot(0);
    const started = performance.now();
    const [reply] = sent(await handle(textMessage(`/start ${'prisoners'.repeat(450)}`)));
    expect(reply?.outcome).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('lone surrogates', () => {
  it('never echoes a lone surrogate into a reply (Telegram refuses them)', async () => {
    wb = makeBot(0);
    const [reply] = sent(await handle(textMessage('/quotes zz\uD800zz')));
    expect(reply?.outcome).toBe(true);
    expect(visible(reply)).toContain('zz\uFFFDzz');
  });
});

describe('access control', () => {
  const STRANGER = { id: 5555, is_bot: false, first_name: 'Sam' };
  const ADMIN = { id: 6666, is_bot: false, first_name: 'Ad' };

  it('answers only allowed chats and users; others get one polite refusal', async () => {
    wb = makeBot(5, { allowedChatIds: new Set([USER.id, GROUP.id]), adminIds: new Set([ADMIN.id]) });
    expect(visible(sent(await handle(textMessage('who said 1,200?')))[0])).toContain('Rustem Umerov');
    const group = sent(await handle(textMessage('/who 1,200', { chat: GROUP, from: STRANGER })));
    expect(visible(group[0])).toContain('Rustem Umerov');
    const refused = sent(await handle(textMessage('who said 1,200?', { from: STRANGER, chat: privateChat(STRANGER) })));
    expect(visible(refused[0])).toMatch(/^Sorry, this bot only answers/);
    const [inline] = (await handle(inlineQuery('1,200', STRANGER as never))).filter((c) => c.method === 'answerInlineQuery');
    expect(inline?.params['results']).toEqual([]);
    const otherGroup = { id: -100999, type: 'supergroup' as const, title: 'Elsewhere' };
    expect(await handle(textMessage('lunch?', { chat: otherGroup, from: STRANGER }))).toEqual([]);
    expect(visible(sent(await handle(textMessage('who said 1,200?', { from: ADMIN, chat: privateChat(ADMIN) })))[0])).toContain('Rustem Umerov');
  });

  it('lets admins, and nobody else, run /stats and /reload', async () => {
    let reloads = 0;
    wb = makeBot(0, { adminIds: new Set([ADMIN.id]), reload: async () => void reloads++ });
    await handle(textMessage('who said 1,200?'));
    const stats = visible(sent(await handle(textMessage('/stats', { from: ADMIN, chat: privateChat(ADMIN) })))[0]);
    expect(stats).toMatch(/Uptime: /);
    expect(stats).toContain('Stories: 1, quotations: ');
    expect(stats).toMatch(/Questions answered: \d+ \(p50 /);
    expect(stats).toMatch(/Outbox: 0 queued, \d+ delivered, 0 retries/);
    expect(stats).toContain('Dropped: none');
    expect(visible(sent(await handle(textMessage('/reload', { from: ADMIN, chat: privateChat(ADMIN) })))[0])).toMatch(/^Reloaded in \d+ ms/);
    expect(reloads).toBe(1);
    for (const command of ['/stats', '/reload']) {
      expect(visible(sent(await handle(textMessage(command)))[0])).toBe("I don't know that command. Try /help.");
      expect(await handle(textMessage(command, { chat: GROUP }))).toEqual([]);
    }
    expect(reloads).toBe(1);
  });
});
