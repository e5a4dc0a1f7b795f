/** The bot's building blocks alone: HTML, callback data, the flood guard, retry verdicts, log scrubbing. */
import { Writable } from 'node:stream';
import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, tagOf } from '../../src/telegram/callbacks.ts';
import { createFloodGuard } from '../../src/telegram/flood.ts';
import { clipText, escapeHtml, fitHtml, highlightHtml, visibleText } from '../../src/telegram/html.ts';
import { createLogger, scrubSecrets } from '../../src/telegram/log.ts';
import { createCatalog, renderCard, renderResult } from '../../src/telegram/render.ts';
import { buildCorpus } from '../../src/core/corpus.ts';
import { TIED_HEADLINE } from '../../src/core/answer/format.ts';
import { classify, OUTBOX_RETRY } from '../../src/telegram/outbox.ts';
import type { Answer } from '../../src/core/types.ts';
import { checkTelegramHtml } from './html-check.ts';

describe('escapeHtml and highlightHtml', () => {
  it.each([
    ['a < b & c > d', [], 'a &lt; b &amp; c &gt; d'],
    ['release of 1,200 <people>', ['1200'], 'release of <b>1,200</b> &lt;people&gt;'],
    ['Negotiations & talks', ['negotiations'], '<b>Negotiations</b> &amp; talks'],
    ["Kyiv's partners", ['kyivs'], "<b>Kyiv's</b> partners"],
  ])('%s', (text, matched, html) => {
    expect(highlightHtml(text, matched)).toBe(html);
    expect(checkTelegramHtml(html).ok).toBe(true);
    expect(visibleText(html)).toBe(text);
  });

  it('escapes without inventing entities', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('clipText and fitHtml', () => {
  it('never splits a surrogate pair', () => {
    const clipped = clipText('ab😀cd', 4);
    expect(clipped).toBe('ab…');
    expect(clipped.length).toBeLessThanOrEqual(4);
  });

  it('falls back to clipped plain text, still valid, when a message is too long', () => {
    const html = `<b>${escapeHtml('<x> & '.repeat(1000))}</b>`;
    const fitted = fitHtml(html);
    const parsed = checkTelegramHtml(fitted);
    expect(parsed.ok && parsed.text.length).toBeLessThanOrEqual(4096);
    expect(fitHtml('<b>short</b>')).toBe('<b>short</b>');
  });

  it('renders a card for hostile and huge corpus text within the limit', () => {
    const answer: Answer = {
      quote: `"${'<script>alert(1)</script> & '.repeat(400)}"`,
      kind: 'direct',
      speakers: [{ name: '<b>Evil</b> & Co', role: '</blockquote>' }],
      said: { when: '<i>', where: '&amp;' },
      article: { id: 'x', title: '<a href="javascript:">t</a>', source: '<s>', date: null },
      score: 1,
      quotationId: 'x#1',
      matched: ['script'],
    };
    const parsed = checkTelegramHtml(renderCard(answer));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.text.length).toBeLessThanOrEqual(4096);
      expect(parsed.text).toContain('<b>Evil</b> & Co, </blockquote>');
    }
  });
});

describe('speaker line', () => {
  it("shows the story's words beside an organisation found from them, escaped", () => {
    const answer: Answer = {
      quote: 'that the issue had no impact on its consumer services',
      kind: 'indirect',
      speakers: [{ name: 'Facebook', role: null }],
      attributedTo: 'the <company>',
      said: null,
      article: { id: 'f', title: 'Apple restores access', source: null, date: null },
      score: 1,
      quotationId: 'f#1',
      matched: [],
    };
    const parsed = checkTelegramHtml(renderCard(answer));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.text).toContain('Facebook (the story says “the <company>”)');
  });
});

describe('verbatim and paraphrase', () => {
  const base = { said: null, score: 1, quotationId: 'b#1', matched: [], speakers: [{ name: 'Dana Ruiz', role: null }] };
  it('puts only direct quotations in quotation marks, and links the story', () => {
    const direct: Answer = {
      ...base,
      quote: '“The bridge opens in May,”',
      kind: 'direct',
      verb: 'said',
      article: { id: 'b', title: 'Bridge', source: null, date: null, url: 'https://news.example.org/bridge' },
    };
    const parsed = checkTelegramHtml(renderCard(direct));
    expect(parsed.ok && parsed.text).toContain('Dana Ruiz said:\n“The bridge opens in May”');
    expect(parsed.ok && parsed.text).toContain('Read the story');
  });

  it('reads reported speech as reported, without quotation marks', () => {
    const reported: Answer = {
      ...base,
      quote: 'that the bridge would open in May',
      kind: 'indirect',
      verb: 'said',
      article: { id: 'b', title: 'Bridge', source: null, date: null },
    };
    const parsed = checkTelegramHtml(renderCard(reported));
    expect(parsed.ok && parsed.text).toContain('Dana Ruiz said that the bridge would open in May.');
    expect(parsed.ok && parsed.text).not.toContain('“the bridge');
    expect(parsed.ok && parsed.text).toContain('not a verbatim quotation');
  });
});

describe('tied answers', () => {
  it('asks which one is meant and shows each tied card, numbered', () => {
    const card = (name: string, id: string): Answer => ({
      quote: '“The bridge opens in May,”',
      kind: 'direct',
      verb: 'said',
      speakers: [{ name, role: null }],
      said: null,
      article: { id, title: `Bridge ${id}`, source: null, date: null },
      score: 0.9,
      quotationId: `${id}#1`,
      matched: [],
    });
    const reply = renderResult(createCatalog(buildCorpus([])), {
      question: 'who said bridge',
      found: true,
      answers: [card('Dana Ruiz', 'a'), card('Omar Reyes', 'b')],
      tied: 2,
    });
    const parsed = checkTelegramHtml(reply.html);
    expect(parsed.ok && parsed.text).toContain(TIED_HEADLINE);
    expect(parsed.ok && parsed.text).toContain('1. Dana Ruiz said:');
    expect(parsed.ok && parsed.text).toContain('2. Omar Reyes said:');
    expect(reply.keyboard).toBeUndefined();
  });
});

describe('callback data', () => {
  it.each([
    { kind: 'more', quotation: 12, tag: tagOf('story#3') },
    { kind: 'context', quotation: 0, tag: tagOf('a') },
    { kind: 'page', list: 'quotes', page: 3, speaker: 7 },
    { kind: 'page', list: 'stories', page: 0, speaker: null },
  ] as const)('round-trips %o within 64 bytes', (action) => {
    const data = encodeAction(action);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(decodeAction(data)).toEqual(action);
  });

  it.each([undefined, '', 'm', 'm:1', 'm:x:abc', 'c:1:ABC!', 'p:z:0:-', 'p:q:-1:-', 'm:1:a:b', 'x'.repeat(65)])('rejects %s', (data) => {
    expect(decodeAction(data)).toBeNull();
  });
});

describe('createFloodGuard', () => {
  it('answers up to the limit, notices once, drops, then recovers after the window', () => {
    const guard = createFloodGuard({ limit: 3, windowMs: 1000 });
    const verdicts = [0, 1, 2, 3, 4, 5].map((t) => guard.take(1, t));
    expect(verdicts).toEqual(['answer', 'answer', 'answer', 'notice', 'drop', 'drop']);
    expect(guard.take(2, 6)).toBe('answer');
    expect(guard.take(1, 1001)).toBe('answer');
  });

  it('forgets idle users', () => {
    const guard = createFloodGuard({ limit: 3, windowMs: 1000 });
    for (let u = 0; u < 100; u++) guard.take(u, 0);
    guard.take(999, 5000);
    expect(guard.size).toBe(1);
  });

  it('is off at 0', () => {
    const guard = createFloodGuard({ limit: 0 });
    expect(Array.from({ length: 100 }, () => guard.take(1))).not.toContain('drop');
  });
});

describe('classify', () => {
  const tgError = (code: number, retryAfter?: number) =>
    new TelegramError({ error_code: code, description: 'x', ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) });
  const half = () => 0.5;

  it('waits retry_after on 429, however long', () => {
    expect(classify(tgError(429, 2), 0, OUTBOX_RETRY, half)).toEqual({ retry: true, ms: 2000, reason: '429' });
    expect(classify(tgError(429, 3600), 7, OUTBOX_RETRY, half)).toEqual({ retry: true, ms: 3_600_000, reason: '429' });
  });

  it('backs off exponentially with jitter on 5xx, resets and timeouts, up to the cap', () => {
    const network = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const timeout = Object.assign(new Error('took too long'), { name: 'TimeoutError' });
    expect(classify(tgError(502), 0, OUTBOX_RETRY, () => 0)).toEqual({ retry: true, ms: 250, reason: '502' });
    expect(classify(network, 1, OUTBOX_RETRY, () => 1)).toEqual({ retry: true, ms: 1000, reason: 'network' });
    expect(classify(timeout, 2, OUTBOX_RETRY, half)).toEqual({ retry: true, ms: 1500, reason: 'timeout' });
    expect(classify(tgError(500), 40, OUTBOX_RETRY, () => 1)).toEqual({ retry: true, ms: OUTBOX_RETRY.capMs, reason: '500' });
  });

  it('drops permanent refusals and programming errors', () => {
    expect(classify(tgError(400), 0, OUTBOX_RETRY, half)).toEqual({ retry: false, cause: '400' });
    expect(classify(tgError(403), 0, OUTBOX_RETRY, half)).toEqual({ retry: false, cause: '403' });
    expect(classify(new TypeError('x is undefined'), 0, OUTBOX_RETRY, half)).toEqual({ retry: false, cause: 'error' });
  });
});

describe('logs', () => {
  it('never contain the token, whole or its secret half', () => {
    const token = '123456:ABCdefGHIjkl';
    let out = '';
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        out += String(chunk);
        done();
      },
    });
    const logger = createLogger('info', [token], sink);
    logger.error({ url: `https://api.telegram.org/bot${token}/getMe` }, `failed with ${token}`);
    logger.info('secret half ABCdefGHIjkl');
    expect(out).not.toContain('ABCdefGHIjkl');
    expect(out).toContain('[redacted]');
    expect(scrubSecrets('nothing here', [null, token])).toBe('nothing here');
  });
});
