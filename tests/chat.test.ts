import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createChatSession, runChat } from '../src/chat.ts';
import { COMMANDS, commandUsage } from '../src/core/answer/commands.ts';
import { buildCorpus, loadArticles } from '../src/core/corpus.ts';

const FERRY_MD = `---
title: Island ferry to run again in April
source: Harbour Gazette
url: https://news.example.org/2026/03/ferry
date: 2026-03-02
---

"We have rebuilt both landing ramps and trained twelve new crew members," said Dana Whitfield, the operator's chief executive.

Whitfield said that the first crossing would leave the mainland at dawn on April 3.
`;

async function chat(lines: string): Promise<string> {
  const corpus = buildCorpus(loadArticles([{ path: 'ferry.md', content: FERRY_MD }]).articles);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  input.end(lines);
  await runChat({ input, output, corpus });
  return text;
}

describe('runChat', () => {
  it('puts verbatim words in quotation marks, words reported speech as reported, and links the story', async () => {
    const text = await chat('who said landing ramps\nwho said first crossing\n');
    expect(text).toContain("Dana Whitfield (operator's chief executive) said:\n  “We have rebuilt both landing ramps and trained twelve new crew members”\n");
    expect(text).toContain("Dana Whitfield (operator's chief executive) said that the first crossing would leave the mainland at dawn on April 3.\n");
    expect(text).not.toMatch(/“the first crossing/);
    expect(text).toContain('Read the story: https://news.example.org/2026/03/ferry\n');
  });
});

const SECOND_MD = `---
title: Library extends opening hours
source: Harbour Gazette
date: 2026-03-05
---

"Students asked for evenings, and we listened," said Priya Nair, the head librarian.
`;

/** Each line's reply, keyed by the line, from one chat over two stories. */
async function chatReplies(lines: readonly string[]): Promise<string[]> {
  const corpus = buildCorpus(
    loadArticles([
      { path: 'ferry.md', content: FERRY_MD },
      { path: 'library.md', content: SECOND_MD },
    ]).articles,
  );
  const session = createChatSession(() => corpus);
  return lines.map((line) => session.reply(line) ?? '<quit>');
}

describe('createChatSession', () => {
  it('answers every command of the bot, from the same table, in plain text', async () => {
    const [help, start, speakers, stories, quotes, quotesOf, nobody, who, whoEmpty, deepLink, unknown] = await chatReplies([
      '/help',
      '/start',
      '/speakers',
      '/stories',
      '/quotes',
      '/quotes whitfeld',
      '/quotes Nobody Atall',
      '/who landing ramps',
      '/who',
      '/start who_said_landing_ramps',
      '/bogus',
    ]);
    for (const c of COMMANDS.filter((c) => c.inHelp)) expect(help).toContain(`${commandUsage(c)}`);
    expect(help).toMatch(/\/quit +leave/);
    expect(help).not.toContain('<code>');
    expect(help).not.toContain('in groups');
    expect(start).toContain('about 2 news stories with');
    expect(start).toContain('• Island ferry to run again in April');
    expect(speakers).toMatch(/^People quoted \(1–2 of 2\)/);
    expect(speakers).toContain("Dana Whitfield (operator's chief executive) — 2 quotes");
    expect(stories).toContain('Island ferry to run again in April — Harbour Gazette — 2026-03-02');
    expect(quotes).toMatch(/^Quotations \(1–3 of 3\)/);
    expect(quotesOf).toMatch(/^Quotations of Dana Whitfield \(1–2 of 2\)/);
    expect(quotesOf).not.toContain('Priya Nair');
    expect(nobody).toBe('No one called "Nobody Atall" is quoted. Try /speakers.');
    expect(who).toContain('“We have rebuilt both landing ramps');
    expect(whoEmpty).toMatch(/^Ask me about some words/);
    expect(deepLink).toBe(who);
    expect(unknown).toBe("I don't know /bogus. Try /who <question>, /quotes [name], /speakers, /stories, /help, /quit.");
  });

  it('pages the last list with /next and /prev, as the bot does with its buttons', async () => {
    const corpus = buildCorpus(
      loadArticles(
        Array.from({ length: 12 }, (_, i) => ({ path: `s${i}.md`, content: `---\ntitle: Story number ${i + 1}\n---\n\n"Words ${i}," said Ann Lee.\n` })),
      ).articles,
    );
    const session = createChatSession(() => corpus);
    expect(session.reply('/next')).toMatch(/^No list to page through yet/);
    expect(session.reply('/stories')).toMatch(/^Stories \(1–10 of 12\)[\s\S]*\/next for more\)$/);
    expect(session.reply('/next')).toMatch(/^Stories \(11–12 of 12\)/);
    expect(session.reply('/next')).toBe('That was the last page.');
    expect(session.reply('/prev')).toMatch(/^Stories \(1–10 of 12\)/);
    expect(session.reply('/prev')).toBe('This is the first page.');
  });

  it('treats only a leading slash as a command, and /quit, /exit and /quit@bot as leaving', async () => {
    const [q1, q2, q3, question] = await chatReplies(['/quit', '/exit', '/QUIT@whosaid_bot', 'who said /help']);
    expect([q1, q2, q3]).toEqual(['<quit>', '<quit>', '<quit>']);
    expect(question).not.toMatch(/^Ask me who said/);
  });

  it('stops reading at /quit', async () => {
    const text = await chat('/help\n/quit\nwho said landing ramps\n');
    expect(text).toContain('/speakers');
    expect(text).not.toContain('landing ramps');
  });
});
