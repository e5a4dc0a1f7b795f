/**
 * Answers as Telegram HTML: the speaker in bold with their role, the quote as a blockquote with
 * the matched words highlighted, when and where, the story, and the follow-up buttons.
 */
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Corpus } from '../core/corpus.ts';
import { describeChanges, formatSaid, storyUrl, TIED_HEADLINE, VERDICT_LABELS, verdictSentence } from '../core/answer/format.ts';
import { phraseQuote, quoteWords } from '../core/answer/wording.ts';
import type { Answer, ArticleRef, AskResult, ClaimVerdict, PersonInfo, Quotation, Speaker, WordChange } from '../core/types.ts';
import { encodeAction, tagOf } from './callbacks.ts';
import { clipText, escapeHtml, fitHtml, highlightHtml } from './html.ts';

/** A reply: HTML text plus optional inline keyboard. */
export interface Reply {
  readonly html: string;
  readonly keyboard?: InlineKeyboardButton[][];
}

/** The corpus plus a stable number for each quotation, used in buttons and inline result ids. */
export interface Catalog {
  readonly corpus: Corpus;
  readonly indexOf: ReadonlyMap<string, number>;
}

/** Number the corpus's quotations once, at startup. */
export function createCatalog(corpus: Corpus): Catalog {
  return { corpus, indexOf: new Map(corpus.quotations.map((q, i) => [q.id, i])) };
}

/** Caps that keep any answer well inside one message. */
const LIMITS = Object.freeze({ quote: 2500, name: 120, role: 160, said: 300, title: 300, runnerUp: 160, context: 1200 });

/** Speakers as "<b>Name</b>, role and <b>Name</b>". */
export function speakersHtml(speakers: readonly Speaker[], attributedTo?: string): string {
  if (speakers.length === 0) {
    // A guessed speaker is withheld; the story's own words for them are shown instead.
    return attributedTo ? `<i>Speaker not certain</i> (the story says “${escapeHtml(clipText(attributedTo, LIMITS.name))}”)` : '<i>An unidentified speaker</i>';
  }
  const names = speakers
    .map((s) => `<b>${escapeHtml(clipText(s.name, LIMITS.name))}</b>${s.role ? `, ${escapeHtml(clipText(s.role, LIMITS.role))}` : ''}`)
    .join(' and ');
  // An organisation found from "the company" shows the story's words beside the name.
  return attributedTo ? `${names} <i>(the story says “${escapeHtml(clipText(attributedTo, LIMITS.name))}”)</i>` : names;
}

/** Speaker names as plain text, for inline result titles. */
export function speakersPlain(speakers: readonly Speaker[], attributedTo?: string): string {
  if (speakers.length === 0) return attributedTo ? `Speaker not certain (“${attributedTo}”)` : 'An unidentified speaker';
  return speakers.map((s) => s.name).join(' and ');
}

function storyHtml(a: Answer): string {
  const rest = [a.article.source, a.article.date].filter((x): x is string => Boolean(x)).map((x) => escapeHtml(clipText(x, LIMITS.name)));
  const url = storyUrl(a.article);
  const link = url ? ` — <a href="${escapeHtml(url)}">Read the story</a>` : '';
  return `📰 <i>${escapeHtml(clipText(a.article.title, LIMITS.title))}</i>${rest.length ? ` — ${rest.join(', ')}` : ''}${link}`;
}

/** One answer as a quote card (no buttons). */
export function renderCard(a: Answer): string {
  // Only direct quotations go in quotation marks; reported speech reads as reported (wording.ts).
  const p = phraseQuote(a);
  const quote = highlightHtml(clipText(p.words, LIMITS.quote), a.matched);
  const who = p.withheld ? `${escapeHtml(clipText(p.subject, LIMITS.name))} <i>(speaker not certain)</i>` : speakersHtml(a.speakers, a.attributedTo);
  const lines =
    p.kind === 'direct'
      ? [`${who} ${escapeHtml(p.verb)}:`, `<blockquote>“${quote}”</blockquote>`]
      : [`${who} ${escapeHtml(p.verb)} that ${quote}.`, `<i>Reported speech: the story's wording, not a verbatim quotation.</i>`];
  const said = formatSaid(a);
  if (said) lines.push(`🗓 Said ${escapeHtml(clipText(said, LIMITS.said))}.`);
  lines.push(storyHtml(a));
  if (a.alsoIn && a.alsoIn.length > 0) lines.push(alsoInHtml(a.alsoIn));
  return fitHtml(lines.join('\n'));
}

/** Other stories carrying the same quotation (wire copy republished), earliest first. */
function alsoInHtml(stories: readonly ArticleRef[]): string {
  const shown = stories.slice(0, 3).map((s) => {
    const url = storyUrl(s);
    const title = escapeHtml(clipText(s.title, LIMITS.runnerUp));
    const rest = [s.source, s.date].filter((x): x is string => Boolean(x)).map((x) => escapeHtml(clipText(x, LIMITS.name)));
    return `${url ? `<a href="${escapeHtml(url)}">${title}</a>` : `<i>${title}</i>`}${rest.length > 0 ? ` (${rest.join(', ')})` : ''}`;
  });
  const more = stories.length > shown.length ? ` and ${stories.length - shown.length} more` : '';
  return `🔁 Also in ${stories.length} other stor${stories.length === 1 ? 'y' : 'ies'}: ${shown.join('; ')}${more}`;
}

/** The "more like this" and "show context" buttons of an answer. */
export function answerButtons(catalog: Catalog, a: Answer): InlineKeyboardButton[][] {
  const quotation = catalog.indexOf.get(a.quotationId);
  if (quotation === undefined) return [];
  const tag = tagOf(a.quotationId);
  return [
    [
      { text: 'More quotes like this', callback_data: encodeAction({ kind: 'more', quotation, tag }) },
      { text: 'Show context', callback_data: encodeAction({ kind: 'context', quotation, tag }) },
    ],
  ];
}

function runnerUp(a: Answer): string {
  const p = phraseQuote(a, { maxLength: LIMITS.runnerUp });
  const who = p.withheld ? escapeHtml(p.subject) : speakersHtml(a.speakers, a.attributedTo);
  return p.kind === 'direct' ? `• ${who} ${escapeHtml(p.verb)}: “${escapeHtml(p.words)}”` : `• ${who} ${escapeHtml(p.verb)} that ${escapeHtml(p.words)}`;
}

/** One line for "not found": says so plainly and points at /speakers or the closest thing there is. */
export function renderNotFound(r: AskResult): string {
  // "Which mayor?": not a miss, a question back.
  if (r.choices && r.suggestion) return escapeHtml(r.suggestion);
  const hint = r.suggestion ? ` ${r.suggestion}` : '';
  const speakers = /\/speakers/.test(hint) ? '' : ' See /speakers for who is quoted.';
  return escapeHtml(`Not found: no quotation in the stories matches that.${hint}${speakers}`);
}

/** Their words with the reader's differences marked: left out underlined, changed in bold, the reader's own words struck through beside them. */
export function changesHtml(changes: readonly WordChange[]): string {
  return changes
    .map((c) => {
      const words = escapeHtml(clipText(c.words, LIMITS.quote));
      if (c.op === 'same') return words;
      if (c.op === 'left-out') return `<u>${words}</u>`;
      if (c.op === 'added') return `(yours adds: <s>${words}</s>)`;
      return `<b>${words}</b> (yours: <s>${escapeHtml(clipText(c.asked ?? '', LIMITS.quote))}</s>)`;
    })
    .join(' ');
}

/**
 * A did-say verdict: the label with its mark on the first line, the differences for "close", then
 * the evidence card (or "not found" when there is none).
 */
export function renderVerdict(catalog: Catalog, r: AskResult, v: ClaimVerdict): Reply {
  const best = r.answers[0];
  const { emoji, label } = VERDICT_LABELS[v.kind];
  const parts = [`${emoji} <b>${escapeHtml(label)}</b>: ${escapeHtml(clipText(verdictSentence(v, best), LIMITS.quote))}`];
  if (v.kind === 'close' && v.changes) {
    parts.push(
      escapeHtml(describeChanges(v.changes)),
      `Their words, marked: “${changesHtml(v.changes)}”`,
      '<i>Underlined: words yours leaves out. Bold: their words where yours differ.</i>',
    );
  }
  if (v.meaningChanged && v.kind !== 'close') parts.push('<i>A number or a negation differs.</i>');
  if (!best) {
    if (r.suggestion) parts.push(escapeHtml(r.suggestion));
    return { html: fitHtml(parts.join('\n')) };
  }
  parts.push('', v.kind === 'not-said' && !v.unattributed ? '<i>The closest they said:</i>' : '<i>Evidence:</i>', renderCard(best));
  return { html: fitHtml(parts.join('\n')), keyboard: answerButtons(catalog, best) };
}

/** A person's line: how often and when quoted (and how many shown), then each role with its story. */
export function personHtml(p: PersonInfo, shown: number): string {
  const when =
    p.first && p.latest ? (p.first === p.latest ? `, on ${escapeHtml(p.first)}` : `, first on ${escapeHtml(p.first)}, latest on ${escapeHtml(p.latest)}`) : '';
  const lines = [
    `${speakersHtml([p])} is quoted ${p.quotes} time${p.quotes === 1 ? '' : 's'} in ${p.stories} stor${p.stories === 1 ? 'y' : 'ies'}${when}${shown < p.quotes ? `; ${shown} shown` : ''}.`,
  ];
  for (const r of (p.roles ?? []).slice(0, 5)) {
    const story = [r.article.source, r.article.date].filter((x): x is string => Boolean(x)).map((x) => escapeHtml(clipText(x, LIMITS.name)));
    lines.push(
      `• ${escapeHtml(clipText(r.role, LIMITS.role))} — <i>${escapeHtml(clipText(r.article.title, LIMITS.runnerUp))}</i>${story.length > 0 ? ` (${story.join(', ')})` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A whole result: the best answer as a card with buttons, up to two runners-up, or "not found". */
export function renderResult(catalog: Catalog, r: AskResult): Reply {
  if (r.verdict) return renderVerdict(catalog, r, r.verdict);
  const [best, ...rest] = r.answers;
  if (!r.found || !best) return { html: renderNotFound(r) };
  // Tied answers by different people: the question back, and up to three of them as cards.
  if (r.tied)
    return {
      html: fitHtml(
        [`<i>${escapeHtml(TIED_HEADLINE)}</i>`, ...r.answers.slice(0, Math.min(r.tied, 3)).map((a, i) => `\n${i + 1}. ${renderCard(a)}`)].join('\n'),
      ),
    };
  const parts: string[] = [];
  // Telegram shows the best answer and two runners-up.
  if (r.person) parts.push(personHtml(r.person, Math.min(r.answers.length, 3)));
  parts.push(renderCard(best));
  if (r.storiesMatched) parts.push(`<i>${r.storiesMatched} stories match: add words (a name, a place) to narrow it down, or see /stories.</i>`);
  if (rest.length > 0) parts.push(`\nAlso:\n${rest.slice(0, 2).map(runnerUp).join('\n')}`);
  return { html: fitHtml(parts.join('\n')), keyboard: answerButtons(catalog, best) };
}

/** Quotations like one already shown, as a short list. */
export function renderSimilar(source: Quotation, similar: readonly Answer[]): string {
  if (similar.length === 0) return escapeHtml('No other quotation is like that one.');
  const words = escapeHtml(clipText(quoteWords(source.quote, source.kind), 80));
  const head = `More like ${source.kind === 'direct' ? `“${words}”` : words}:`;
  return fitHtml([head, ...similar.map((a) => `\n${renderCard(a)}`)].join('\n'));
}

/** Like `clipText`, but keeps the end: for the words leading up to a quotation. */
function clipStart(text: string, max: number): string {
  if (text.length <= max) return text;
  let from = text.length - max + 1;
  const code = text.charCodeAt(from);
  if (code >= 0xdc00 && code <= 0xdfff) from++;
  return `…${text.slice(from).trimStart()}`;
}

/** The paragraph a quotation comes from (with its neighbours), the quotation itself in bold. */
export function renderContext(corpus: Corpus, q: Quotation): string {
  const article = corpus.articles.get(q.articleId);
  const paragraph = article?.paragraphs[q.span.paragraph];
  if (!article || paragraph === undefined) return escapeHtml('The story behind that quote is no longer loaded.');
  const { start, end } = q.span;
  const marked =
    start >= 0 && end > start && end <= paragraph.length
      ? `${escapeHtml(clipStart(paragraph.slice(0, start), LIMITS.context))}<b>${escapeHtml(clipText(paragraph.slice(start, end), LIMITS.quote))}</b>${escapeHtml(clipText(paragraph.slice(end), LIMITS.context))}`
      : escapeHtml(clipText(paragraph, LIMITS.quote));
  const around = (i: number) => {
    const p = article.paragraphs[i];
    return p === undefined ? [] : [escapeHtml(clipText(p, LIMITS.context / 2))];
  };
  const body = [...around(q.span.paragraph - 1), marked, ...around(q.span.paragraph + 1)].join('\n\n');
  return fitHtml(`📰 <i>${escapeHtml(clipText(article.title, LIMITS.title))}</i>\n\n${body}`);
}
