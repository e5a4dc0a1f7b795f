/**
 * Telegram's HTML parse mode, checked the way the Bot API does: only its tags, properly nested and
 * closed; only &lt; &gt; &amp; &quot; and numeric entities; a bare "<" is an error. Returns the
 * visible text (what Telegram counts against the 4096 limit) or the error Telegram would give.
 */

const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji']);

export type HtmlCheck = { ok: true; text: string } | { ok: false; error: string };

/** Parse `html` as Telegram would. */
export function checkTelegramHtml(html: string): HtmlCheck {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  const fail = (what: string): HtmlCheck => ({
    ok: false,
    error: `Bad Request: can't parse entities: ${what} at byte offset ${Buffer.byteLength(html.slice(0, i))}`,
  });
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) return fail('Unclosed start tag');
      const inner = html.slice(i + 1, end);
      const closing = inner.startsWith('/');
      const m = /^\/?([a-z][a-z-]*)(\s+[\s\S]*)?$/i.exec(inner);
      if (!m) return fail(`Unsupported start tag "${inner.slice(0, 20)}"`);
      const name = m[1]!.toLowerCase();
      if (!TAGS.has(name)) return fail(`Unsupported start tag "${name}"`);
      if (closing) {
        if (stack.pop() !== name) return fail(`Unmatched end tag "${name}"`);
      } else {
        const attrs = m[2] ?? '';
        if (name === 'span' && !/class\s*=\s*"tg-spoiler"/.test(attrs)) return fail('Tag "span" must have class "tg-spoiler"');
        if (name === 'a' && !/href\s*=/.test(attrs)) return fail('Tag "a" must have href');
        stack.push(name);
      }
      i = end + 1;
      continue;
    }
    if (c === '&') {
      const m = /^&(lt|gt|amp|quot|#\d{1,7}|#x[\da-f]{1,6});/i.exec(html.slice(i, i + 12));
      if (m) {
        const e = m[1]!.toLowerCase();
        text +=
          e === 'lt'
            ? '<'
            : e === 'gt'
              ? '>'
              : e === 'amp'
                ? '&'
                : e === 'quot'
                  ? '"'
                  : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
        i += m[0].length;
        continue;
      }
    }
    if (c === '>') return fail('Unexpected ">"');
    text += c;
    i++;
  }
  if (stack.length > 0) return fail(`Can't find end tag corresponding to start tag "${stack.at(-1)}"`);
  return { ok: true, text };
}
