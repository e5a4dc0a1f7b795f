/** The bot's help and menu come from the command table in src/core/commands.ts, unchanged for users. */
import { describe, expect, it } from 'vitest';
import { BOT_COMMANDS } from '../../src/telegram/bot.ts';
import { renderHelp } from '../../src/telegram/lists.ts';

describe('renderHelp', () => {
  it('reads as before the table moved to the core', () => {
    expect(renderHelp('whosaid_bot')).toBe(
      [
        '<b>Ask me who said something in the stories I hold.</b>',
        '',
        '• <code>who said &lt;words&gt;?</code>, or just a phrase',
        '• <code>what did &lt;name&gt; say (about …)?</code>',
        '• <code>did &lt;name&gt; say …?</code> and <code>who is &lt;name&gt;?</code>',
        'Names, words and numbers tolerate typos.',
        '',
        '/who &lt;question&gt; — ask (in groups too)',
        '/quotes [name] — list quotations',
        '/speakers — who is quoted, with roles',
        '/stories — the stories I know',
        '',
        'In groups, use /who, mention @whosaid_bot or reply to me. In any chat, type <code>@whosaid_bot words</code> for quote cards.',
      ].join('\n'),
    );
  });
});

describe('BOT_COMMANDS', () => {
  it('gives private chats every listed command and groups all but /quotes', () => {
    expect(BOT_COMMANDS.private).toEqual([
      { command: 'who', description: 'Who said …? Ask about any words' },
      { command: 'quotes', description: 'List quotations (optionally of one person)' },
      { command: 'speakers', description: 'Who is quoted, with roles' },
      { command: 'stories', description: 'The stories I know' },
      { command: 'help', description: 'What I understand' },
    ]);
    expect(BOT_COMMANDS.group.map((c) => c.command)).toEqual(['who', 'speakers', 'stories', 'help']);
  });
});
