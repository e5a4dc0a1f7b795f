import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runChat } from '../src/chat.ts';
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
