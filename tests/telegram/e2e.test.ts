/**
 * The real bot process (`src/main.ts`) against the Bot API stand-in over real HTTP, through
 * TELEGRAM_API_ROOT: polling, webhook, faults, startup failures and SIGTERM. 127.0.0.1 only.
 */
import { mkdtempSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { freePort, type OwnProcess, spawnOwn } from '../own-process.ts';
import { checkTelegramHtml } from './html-check.ts';
import { startStandIn, type ApiCall, type StandIn } from './stand-in.ts';
import { GROUP, inlineQuery, OTHER_USER, privateChat, replyToBot, textMessage } from './updates.ts';

const TOKEN = '987654:e2e-secret-token-value';

type BotProcess = OwnProcess;

/** State folders made by this file, removed when it ends (they were left in the temp folder). */
const STATE_DIRS: string[] = [];

afterAll(async () => {
  await Promise.all(STATE_DIRS.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh folder for the update journal of one bot run (or of a run and its restart). */
function freshStateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-state-'));
  STATE_DIRS.push(dir);
  return dir;
}

function spawnBot(env: Record<string, string>): BotProcess {
  return spawnOwn(['src/main.ts'], { CORPUS_DIR: 'corpus', LOG_LEVEL: 'info', STATE_DIR: freshStateDir(), ...env });
}

const replyTo = (chat: number) => (c: ApiCall) => c.method === 'sendMessage' && c.params['chat_id'] === chat;
const visible = (c: ApiCall) => {
  const r = checkTelegramHtml(String(c.params['text']));
  return r.ok ? r.text : `INVALID: ${r.error}`;
};

/** Transcripts for the closing note: question and reply text. */
function transcript(label: string, question: string, reply: string): void {
  if (process.env['WHOSAID_TRANSCRIPT']) process.stdout.write(`\n--- ${label}\n> ${question}\n${reply}\n`);
}

describe('polling mode', () => {
  let api: StandIn;
  let bot: BotProcess;
  let corpusDir: string;

  beforeAll(async () => {
    api = await startStandIn(TOKEN);
    // A copy of the corpus, so the live-reload test can add a story while the bot runs.
    corpusDir = await mkdtemp(join(tmpdir(), 'whosaid-e2e-'));
    await cp(join(ROOT, 'corpus'), corpusDir, { recursive: true });
    bot = spawnBot({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, CORPUS_DIR: corpusDir });
    await bot.waitForOutput(/is up/);
  });
  afterAll(async () => {
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await api.close();
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('prints one startup line and registers the commands for private chats and groups', () => {
    const up = bot
      .output()
      .split('\n')
      .filter((l) => l.includes('is up'));
    expect(up).toHaveLength(1);
    expect(JSON.parse(up[0]!)).toMatchObject({ username: 'whosaid_test_bot', mode: 'long polling', stories: 1, quotes: 8 });
    const scopes = api.calls.filter((c) => c.method === 'setMyCommands' && c.outcome === true).map((c) => (c.params['scope'] as { type: string }).type);
    expect(scopes.sort()).toEqual(['all_group_chats', 'all_private_chats']);
  });

  it('picks up a story added while it runs, without a restart', async () => {
    await writeFile(
      join(corpusDir, 'harbour.md'),
      '---\ntitle: Harbour reopens\nsource: Test Wire\ndate: 2025-11-20\n---\n\n"The harbour will reopen to 340 fishing boats on Monday," said Harbour Master Ingrid Solberg.\n',
    );
    await bot.waitForOutput(/corpus reloaded/, 15_000);
    const update = textMessage('who said 340 fishing boats?', { from: { id: 7272, is_bot: false, first_name: 'Li' } });
    api.push(update);
    const reply = await api.waitFor(replyTo(update.message.chat.id));
    expect(visible(reply)).toContain('Ingrid Solberg');
  });

  it('answers a private question', async () => {
    const update = textMessage('who said 1,200?');
    api.push(update);
    const reply = await api.waitFor(replyTo(update.message.chat.id));
    expect(reply.outcome).toBe(true);
    expect(visible(reply)).toContain('Rustem Umerov, security chief');
    expect(visible(reply)).toContain('This concerns the release of 1,200 Ukrainians');
    transcript('private chat', update.message.text, visible(reply));
  });

  // Fact-checking: the verdict is the first line of the card, with its mark, then the evidence.
  it.each([
    [
      'did umerov really say "this concerns the release of 1,200 Ukrainians"?',
      '✅ Verbatim: Rustem Umerov said these words',
      'This concerns the release of 1,200 Ukrainians',
    ],
    [
      'did Umerov say this concerns the release of 1,300 Ukrainians?',
      '≈ Close, not the same words: Rustem Umerov said something close',
      'Yours has “1,300” where they said “1,200”.',
    ],
    [
      'is it true that Umerov said he had held consultations in Turkey?',
      '📝 Reported: The story reports Rustem Umerov saying this',
      'said that he had held consultations in Turkey',
    ],
    [
      'did Zelenskiy say the parties agreed to return to the Istanbul agreements?',
      '↔️ Someone else said it: These words are Rustem Umerov’s, not Volodymyr Zelenskiy’s.',
      'the parties agreed to return to the Istanbul agreements',
    ],
    ['did Umerov say the war will end by Christmas?', '❌ Not said: Rustem Umerov is quoted, but not saying anything close to this.', ''],
  ])('did-say: %s', async (question, first, shown) => {
    const user = { id: 9100 + question.length, is_bot: false, first_name: 'Fact' };
    const update = textMessage(question, { from: user, chat: privateChat(user) });
    api.push(update);
    const reply = await api.waitFor(replyTo(update.message.chat.id));
    expect(reply.outcome).toBe(true);
    const text = visible(reply);
    expect(text.split('\n')[0]).toContain(first);
    expect(text).toContain(shown);
    transcript(`did-say (${first.split(':')[0]})`, question, text);
  });

  it('stays silent in a group until addressed, then replies to the asking message', async () => {
    const before = api.calls.length;
    api.push(textMessage('who said 1,200?', { chat: GROUP }));
    api.push(textMessage('lunch anyone?', { chat: GROUP }));
    const mention = textMessage('@whosaid_test_bot who said 1,200?', { chat: GROUP });
    const command = textMessage('/who@whosaid_test_bot who said 1,200?', { chat: GROUP });
    api.push(mention);
    api.push(command);
    const byReply = (id: number) => (c: ApiCall) =>
      replyTo(GROUP.id)(c) && (c.params['reply_parameters'] as { message_id?: number } | undefined)?.message_id === id;
    const [a, b] = await Promise.all([api.waitFor(byReply(mention.message.message_id)), api.waitFor(byReply(command.message.message_id))]);
    expect(a.outcome).toBe(true);
    expect(b.outcome).toBe(true);
    expect(visible(a)).toContain('Rustem Umerov');
    expect(api.calls.slice(before).filter(replyTo(GROUP.id))).toHaveLength(2);
    transcript('group (mention)', mention.message.text, visible(a));
    transcript('group (/who@)', command.message.text, visible(b));
    const reply = replyToBot('what did zelensky say?', 1);
    api.push(reply);
    expect(visible(await api.waitFor(byReply(reply.message.message_id)))).toContain('Volodymyr Zelenskiy');
  });

  it('answers an inline query with quote cards', async () => {
    const update = inlineQuery('1,200');
    api.push(update);
    const call = await api.waitFor((c) => c.method === 'answerInlineQuery' && c.params['inline_query_id'] === update.inline_query.id);
    expect(call.outcome).toBe(true);
    const results = call.params['results'] as { title: string; description: string; input_message_content: { message_text: string } }[];
    expect(results[0]?.title).toBe('Rustem Umerov');
    const card = checkTelegramHtml(results[0]!.input_message_content.message_text);
    expect(card.ok).toBe(true);
    transcript('inline', '@whosaid_test_bot 1,200', `[${results[0]?.title}] ${results[0]?.description}\n(sends:)\n${card.ok ? card.text : ''}`);
  });

  it('waits out an injected 429 and delivers the reply', async () => {
    api.fail('sendMessage', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    const user = { id: 5151, is_bot: false, first_name: 'Rae' };
    const started = Date.now();
    api.push(textMessage('who said 1,200?', { from: user }));
    const reply = await api.waitFor((c) => replyTo(user.id)(c) && c.outcome === true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(api.calls.filter((c) => replyTo(user.id)(c)).map((c) => c.outcome)).toEqual(['Too Many Requests: retry after 1', true]);
    expect(visible(reply)).toContain('Rustem Umerov');
  });

  it('keeps the reply valid HTML for hostile markup and a 5,000-character question', async () => {
    const hostile = textMessage('<b>who said</b> 1,200 <script>x</script> & </blockquote>', { from: OTHER_USER, chat: privateChat(OTHER_USER) });
    api.push(hostile);
    expect((await api.waitFor(replyTo(OTHER_USER.id))).outcome).toBe(true);
    const user = { id: 6161, is_bot: false, first_name: 'Lo' };
    api.push(textMessage(`who said 1,200 ${'<i>x</i> & '.repeat(500)}`.slice(0, 5000), { from: user }));
    const long = await api.waitFor(replyTo(user.id));
    expect(long.outcome).toBe(true);
    expect(visible(long).length).toBeLessThanOrEqual(4096);
  });

  it('finishes the reply in flight on SIGTERM and exits 0, never printing the token', async () => {
    api.delay('sendMessage', 1500);
    const user = { id: 7171, is_bot: false, first_name: 'Sig' };
    api.push(textMessage('who said 1,200?', { from: user }));
    await new Promise((r) => setTimeout(r, 500));
    const started = Date.now();
    bot.child.kill('SIGTERM');
    const { code } = await bot.exit;
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(api.calls.some((c) => replyTo(user.id)(c) && c.outcome === true)).toBe(true);
    expect(bot.output()).not.toContain(TOKEN.split(':')[1]);
  });
});

describe('webhook mode', () => {
  let api: StandIn;
  let bot: BotProcess;
  let hook: string;
  const secret = 'hook-secret_123';

  beforeAll(async () => {
    api = await startStandIn(TOKEN);
    const port = await freePort();
    hook = `http://127.0.0.1:${port}/telegram/hook`;
    bot = spawnBot({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      TELEGRAM_WEBHOOK_URL: hook,
      TELEGRAM_WEBHOOK_SECRET: secret,
      PORT: String(port),
    });
    await bot.waitForOutput(/is up/);
  });
  afterAll(async () => {
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await api.close();
  });

  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('registers the webhook URL with the secret', () => {
    expect(api.webhook).toEqual({ url: hook, secret });
    expect(bot.output()).toMatch(/"mode":"webhook/);
  });

  it('refuses requests without the right secret and never processes them', async () => {
    const user = { id: 8181, is_bot: false, first_name: 'Eve' };
    expect((await post({ update_id: 1, ...textMessage('who said 1,200?', { from: user }) })).status).toBe(401);
    expect((await post({ update_id: 2, ...textMessage('who said 1,200?', { from: user }) }, { 'X-Telegram-Bot-Api-Secret-Token': 'wrong' })).status).toBe(403);
    expect((await fetch(hook)).status).toBe(405);
    expect((await fetch(hook.replace('/hook', '/other'), { method: 'POST', headers: { 'X-Telegram-Bot-Api-Secret-Token': secret } })).status).toBe(404);
    await new Promise((r) => setTimeout(r, 300));
    expect(api.calls.filter(replyTo(user.id))).toEqual([]);
  });

  it('acknowledges an update at once and replies afterwards', async () => {
    api.delay('sendMessage', 1500);
    const update = { update_id: 3, ...textMessage('who said 1,200?') };
    const started = Date.now();
    const res = await post(update, { 'X-Telegram-Bot-Api-Secret-Token': secret });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    const reply = await api.waitFor(replyTo(update.message.chat.id));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(visible(reply)).toContain('Rustem Umerov');
    api.delay('sendMessage', 0);
  });

  it('exits 0 on SIGTERM', async () => {
    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
    expect(bot.output()).not.toContain(TOKEN.split(':')[1]);
    expect(bot.output()).not.toContain(secret);
  });
});

describe('access control and operations', () => {
  let api: StandIn;
  let bot: BotProcess;
  const admin = { id: 9393, is_bot: false, first_name: 'Op' };
  const stranger = { id: 9494, is_bot: false, first_name: 'Ann' };
  beforeAll(async () => {
    api = await startStandIn(TOKEN);
    bot = spawnBot({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, ALLOWED_CHAT_IDS: `${GROUP.id}`, BOT_ADMIN_IDS: `${admin.id}` });
    await bot.waitForOutput(/is up/);
  });
  afterAll(async () => {
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await api.close();
  });

  it('shows /stats and /reload in the menu of admins only, and runs them for admins only', async () => {
    const menus = api.calls.filter((c) => c.method === 'setMyCommands');
    const adminMenu = menus.find((c) => (c.params['scope'] as { type: string; chat_id?: number }).chat_id === admin.id);
    const adminCommands = (adminMenu?.params['commands'] ?? []) as { command: string }[];
    expect(adminCommands.map((c) => c.command)).toEqual(expect.arrayContaining(['stats', 'reload']));
    for (const m of menus.filter((c) => c !== adminMenu)) expect(JSON.stringify(m.params['commands'])).not.toMatch(/stats|reload/);
    api.push(textMessage('/stats', { from: admin }));
    expect(visible(await api.waitFor(replyTo(admin.id)))).toMatch(/Uptime: [\s\S]*Stories: 1, quotations: 8[\s\S]*Outbox: /);
    api.push(textMessage('/reload', { from: admin }));
    await api.waitFor((c) => replyTo(admin.id)(c) && visible(c).startsWith('Reloaded'));
  });

  it('answers the allowed group and refuses anyone else politely', async () => {
    api.push(textMessage('/stats', { from: stranger }));
    const refused = await api.waitFor(replyTo(stranger.id));
    expect(visible(refused)).toMatch(/^Sorry, this bot only answers/);
    const inGroup = textMessage('/who 1,200', { chat: GROUP, from: stranger });
    api.push(inGroup);
    expect(visible(await api.waitFor(replyTo(GROUP.id)))).toContain('Rustem Umerov');
  });
});

describe('crash and restart', () => {
  let api: StandIn;
  const stateDir = freshStateDir();
  beforeAll(async () => {
    api = await startStandIn(TOKEN);
  });
  afterAll(async () => {
    await api.close();
    await rm(stateDir, { recursive: true, force: true });
  });

  it('answers once, after a SIGKILL and a restart, the question whose reply was still failing', async () => {
    const env = {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      STATE_DIR: stateDir,
      RETRY_BACKOFF_MS: '100',
      RETRY_BACKOFF_CAP_MS: '500',
      POLL_TIMEOUT_S: '1',
    };
    api.failFor('sendMessage', { status: 502, description: 'Bad Gateway' }, 600_000);
    const first = spawnBot(env);
    await first.waitForOutput(/is up/);
    const user = { id: 8282, is_bot: false, first_name: 'Kil' };
    api.push(textMessage('who said 1,200?', { from: user }));
    await api.waitFor((c) => replyTo(user.id)(c) && c.outcome !== true);
    // Telegram has been told the update was received: only the journal still holds it.
    const confirmed = Date.now() + 5_000;
    while (api.unconfirmed > 0 && Date.now() < confirmed) await new Promise((r) => setTimeout(r, 50));
    expect(api.unconfirmed).toBe(0);
    first.child.kill('SIGKILL');
    await first.exit;
    api.failFor('sendMessage', { status: 502, description: 'Bad Gateway' }, 0);
    const second = spawnBot(env);
    await second.waitForOutput(/answering updates left unfinished/);
    const reply = await api.waitFor((c) => replyTo(user.id)(c) && c.outcome === true);
    expect(visible(reply)).toContain('Rustem Umerov');
    second.child.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
    expect(api.calls.filter((c) => replyTo(user.id)(c) && c.outcome === true)).toHaveLength(1);
    expect(first.output() + second.output()).not.toContain(TOKEN.split(':')[1]);
  });
});

describe('startup failures', () => {
  let api: StandIn;
  beforeAll(async () => {
    api = await startStandIn(TOKEN);
  });
  afterAll(() => api.close());

  it('a refused token (401): a clear message and exit 1', async () => {
    const wrong = '111:not-the-right-token';
    const bot = spawnBot({ TELEGRAM_BOT_TOKEN: wrong, TELEGRAM_API_ROOT: api.apiRoot });
    expect((await bot.exit).code).toBe(1);
    expect(bot.output()).toMatch(/error: Telegram refused the bot token \(401 Unauthorized\)/);
    expect(bot.output()).not.toContain('not-the-right-token');
  });

  it('another instance polling (409): a clear message and exit 1', async () => {
    api.conflict = true;
    const bot = spawnBot({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot });
    expect((await bot.exit).code).toBe(1);
    expect(bot.output()).toMatch(/error: Another instance of this bot is already taking its updates \(409 Conflict/);
    expect(bot.output()).not.toContain(TOKEN.split(':')[1]);
  });
});
