/** Log formats: JSON lines when piped, one readable line per event on a terminal, LOG_FORMAT to choose; secrets never appear. */
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { createLogger, resolveLogFormat } from '../../src/telegram/log.ts';

const TOKEN = '123456:ABCdefGHIjkl';

/** A sink that collects what is written; `tty` makes it look like a terminal. */
function sink(tty = false): Writable & { text: () => string } {
  let out = '';
  const w = new Writable({
    write: (chunk, _enc, done) => {
      out += String(chunk);
      done();
    },
  });
  if (tty) Object.assign(w, { isTTY: true });
  return Object.assign(w, { text: () => out });
}

describe('resolveLogFormat', () => {
  it('picks pretty on a terminal and JSON otherwise, unless told', () => {
    expect(resolveLogFormat(null, sink(true))).toBe('pretty');
    expect(resolveLogFormat(null, sink(false))).toBe('json');
    expect(resolveLogFormat('json', sink(true))).toBe('json');
    expect(resolveLogFormat('pretty', sink(false))).toBe('pretty');
  });
});

describe('readConfig LOG_FORMAT', () => {
  it('reads json or pretty in any case, null when unset, and refuses anything else', () => {
    expect(readConfig({}).logFormat).toBeNull();
    expect(readConfig({ LOG_FORMAT: ' Pretty ' }).logFormat).toBe('pretty');
    expect(readConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => readConfig({ LOG_FORMAT: 'yaml' })).toThrow('LOG_FORMAT must be json or pretty, got "yaml"');
  });
});

describe('createLogger', () => {
  it('writes one JSON object a line when piped', () => {
    const out = sink(false);
    createLogger('info', [TOKEN], out).info({ stories: 1 }, '@bot is up');
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 30, msg: '@bot is up', stories: 1 });
  });

  it('writes one coloured line per event on a terminal, with the time, level and fields', () => {
    const out = sink(true);
    const logger = createLogger('info', [TOKEN], out);
    logger.info({ stories: 1 }, '@bot is up');
    logger.warn({ status: 403 }, 'webhook request refused');
    logger.error({ error: 'socket hang up', name: 'FetchError', code: 'ECONNRESET' }, 'send failed');
    expect(out.text()).toContain('\u001b[32mINFO\u001b[39m'); // coloured
    const lines = stripVTControlCharacters(out.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: @bot is up \{"stories":1\}$/);
    expect(lines[1]).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: webhook request refused \{"status":403\}$/);
    expect(lines[2]).toMatch(/^\[\d\d:\d\d:\d\d\] ERROR \(FetchError\): send failed \{"error":"socket hang up","code":"ECONNRESET"\}$/);
    expect(out.text()).not.toContain('"level"');
  });

  it('writes pretty lines without colour when LOG_FORMAT=pretty goes to a file or pipe', () => {
    const out = sink(false);
    createLogger('info', [], out, 'pretty').info('hello');
    expect(out.text()).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: hello\n$/);
  });

  it.each(['json', 'pretty'] as const)('never writes the token, whole or its secret half (%s)', (format) => {
    const out = sink(format === 'pretty');
    const logger = createLogger('info', [TOKEN], out, format);
    logger.error({ url: `https://api.telegram.org/bot${TOKEN}/getMe` }, `failed with ${TOKEN}`);
    logger.info('secret half ABCdefGHIjkl');
    expect(out.text()).not.toContain('ABCdefGHIjkl');
    expect(out.text().match(/\[redacted\]/g)?.length).toBe(3);
  });
});
