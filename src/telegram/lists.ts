/**
 * The bot's lists (/quotes, /speakers, /stories) as pages with Prev/Next buttons, and the
 * /start and /help texts, all drawn from whatever the corpus holds.
 */
import type { InlineKeyboardButton } from 'telegraf/types';
import { ask } from '../core/answer.ts';
import type { Corpus } from '../core/corpus.ts';
import { bareQuote } from '../core/format.ts';
import { phraseQuote } from '../core/wording.ts';
import { STOPWORDS, tokensOf } from '../core/search/normalize.ts';
import type { Quotation } from '../core/types.ts';
import { encodeAction, type ListKind } from './callbacks.ts';
import { clipText, escapeHtml, fitHtml } from './html.ts';
import type { Reply } from './render.ts';
import { shownSpeakers, storyWords } from '../core/certainty.ts';
import { speakersHtml } from './render.ts';

/** Items per page of each list. */
export const PAGE_SIZES: Readonly<Record<ListKind, number>> = Object.freeze({ quotes: 5, speakers: 15, stories: 10 });

function quoteLine(corpus: Corpus, q: Quotation): string {
  const story = corpus.articles.get(q.articleId)?.title ?? q.articleId;
  const speakers = shownSpeakers(q);
  const p = phraseQuote({ quote: q.quote, kind: q.kind, speakers, attributedTo: storyWords(q), verb: q.verb }, { maxLength: 200 });
  const who = p.withheld ? escapeHtml(p.subject) : speakersHtml(speakers, storyWords(q));
  const line = p.kind === 'direct' ? `${who} ${escapeHtml(p.verb)}: “${escapeHtml(p.words)}”` : `${who} ${escapeHtml(p.verb)} that ${escapeHtml(p.words)}`;
  return `${line}\n<i>${escapeHtml(clipText(story, 100))}</i>`;
}

/** A list's title, length and a renderer for one item: only the items on the page get rendered. */
function itemsOf(corpus: Corpus, list: ListKind, speaker: number | null): { title: string; count: number; line: (i: number) => string } {
  if (list === 'speakers') {
    const line = (i: number) => {
      const s = corpus.speakers[i]!;
      return `${speakersHtml([s])} — ${s.quotes} quote${s.quotes === 1 ? '' : 's'}`;
    };
    return { title: 'People quoted', count: corpus.speakers.length, line };
  }
  if (list === 'stories') {
    const stories = [...corpus.articles.values()];
    const line = (i: number) => {
      const a = stories[i]!;
      const meta = [a.source, a.date].filter((x): x is string => Boolean(x)).map((x) => escapeHtml(clipText(x, 80)));
      return `<b>${escapeHtml(clipText(a.title, 200))}</b>${meta.length ? ` — ${meta.join(', ')}` : ''}`;
    };
    return { title: 'Stories', count: stories.length, line };
  }
  const who = speaker === null ? undefined : corpus.speakers[speaker];
  const quotes = who ? corpus.quotations.filter((q) => shownSpeakers(q).some((s) => s.name === who.name)) : corpus.quotations;
  return { title: who ? `Quotations of ${escapeHtml(who.name)}` : 'Quotations', count: quotes.length, line: (i) => quoteLine(corpus, quotes[i]!) };
}

/**
 * One page of a list, with Prev/Next buttons. Out-of-range pages show the last page; an unknown
 * speaker index returns null (a stale or forged button).
 */
export function renderPage(corpus: Corpus, list: ListKind, page: number, speaker: number | null = null): Reply | null {
  if (speaker !== null && corpus.speakers[speaker] === undefined) return null;
  const { title, count, line } = itemsOf(corpus, list, speaker);
  if (count === 0) return { html: escapeHtml(list === 'quotes' ? 'No quotations were found in the stories.' : 'Nothing to list yet.') };
  const size = PAGE_SIZES[list];
  const pages = Math.ceil(count / size);
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = Array.from({ length: Math.min(size, count - p * size) }, (_, k) => line(p * size + k));
  const html = fitHtml(`<b>${title}</b> (${p * size + 1}–${p * size + shown.length} of ${count})\n\n${shown.join('\n\n')}`);
  const row: InlineKeyboardButton[] = [];
  if (p > 0) row.push({ text: '« Prev', callback_data: encodeAction({ kind: 'page', list, page: p - 1, speaker }) });
  if (p < pages - 1) row.push({ text: 'Next »', callback_data: encodeAction({ kind: 'page', list, page: p + 1, speaker }) });
  return row.length > 0 ? { html, keyboard: [row] } : { html };
}

/** A word of a quotation worth asking about: a number if it has one, else its longest rare word. */
function keyWord(q: Quotation): string | null {
  const words = tokensOf(bareQuote(q.quote)).filter((t) => !STOPWORDS.has(t));
  const number = q.quote.match(/\d{1,3}(?:,\d{3})+|\d{2,}/)?.[0];
  if (number) return number;
  const long = [...words].sort((a, b) => b.length - a.length)[0];
  return long && long.length >= 5 ? long : null;
}

/** Two example questions the corpus can answer: a "who said" and a "what did", both checked. */
export function exampleQuestions(corpus: Corpus): string[] {
  const out: string[] = [];
  for (const q of corpus.quotations) {
    if (q.kind !== 'direct' || q.speakers.length === 0) continue;
    const word = keyWord(q);
    const question = word ? `who said ${word}?` : null;
    if (question && ask(corpus, question).answers[0]?.quotationId === q.id) {
      out.push(question);
      break;
    }
  }
  const top = corpus.speakers[0];
  if (top) out.push(`what did ${top.name.split(' ').at(-1) ?? top.name} say?`);
  return out;
}

/** The /start greeting: what the bot knows and how to ask (`examples` from `exampleQuestions`). */
export function renderStart(corpus: Corpus, examples: readonly string[]): string {
  const stories = [...corpus.articles.values()];
  const n = stories.length;
  const listed = stories.slice(0, 5).map((a) => `• <i>${escapeHtml(clipText(a.title, 150))}</i>`);
  if (n > 5) listed.push(`• …and ${n - 5} more (/stories)`);
  const tried = examples.map((q) => `• <code>${escapeHtml(q)}</code>`);
  return fitHtml(
    [
      `Hi! I answer “who said …?” about ${n} news stor${n === 1 ? 'y' : 'ies'} with ${corpus.quotations.length} quotations:`,
      ...listed,
      '',
      tried.length > 0 ? 'Try:' : 'Ask “who said …?” about any words.',
      ...tried,
      '',
      'See /help for everything I understand.',
    ].join('\n'),
  );
}

/** The /help text. */
export function renderHelp(username: string): string {
  const bot = escapeHtml(username);
  return [
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
    `In groups, use /who, mention @${bot} or reply to me. In any chat, type <code>@${bot} words</code> for quote cards.`,
  ].join('\n');
}
