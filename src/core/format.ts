/** Plain-text rendering of answers, shared by the CLI and the terminal chat. */
import type { Answer, ArticleRef, AskResult, QuoteKind, Speaker } from './types.ts';
import { phraseQuote, quoteWords } from './wording.ts';

export function formatSpeakers(speakers: readonly Speaker[], attributedTo?: string): string {
  if (speakers.length === 0) return attributedTo ? `speaker not certain (the story says “${attributedTo}”)` : 'an unidentified speaker';
  const names = speakers.map((s) => (s.role ? `${s.name} (${s.role})` : s.name)).join(' and ');
  return attributedTo ? `${names} (the story says “${attributedTo}”)` : names;
}

export function formatSaid(a: Answer): string | null {
  if (!a.said) return null;
  return [a.said.when, a.said.where].filter(Boolean).join(', ');
}

export function formatSource(a: Answer): string {
  const byline = a.article.byline ? (/\bby\b/i.test(a.article.byline) ? a.article.byline : `by ${a.article.byline}`) : null;
  return [`"${a.article.title}"`, a.article.source, a.article.date, byline].filter(Boolean).join(' — ');
}

/**
 * The story's address when it is a web link (http or https), for "Read the story"; null when the
 * story has none or it is something else ("javascript:", a bare path).
 *
 * @example
 * storyUrl({ id: 'a', title: 'T', source: null, date: null, url: 'https://example.org/a' }); // 'https://example.org/a'
 */
export function storyUrl(article: ArticleRef): string | null {
  if (!article.url) return null;
  try {
    const url = new URL(article.url);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A quotation without its enclosing quote marks, its trailing comma and a reported clause's "that"
 * (see `quoteWords`). Marks inside it stay.
 */
export function bareQuote(quote: string, kind: QuoteKind = 'direct'): string {
  return quoteWords(kind === 'direct' ? quote.replace(/^that\s+/, '') : quote, kind);
}

/** One answer as a few readable lines: direct words in quotation marks, reported speech as reported. */
export function formatAnswer(a: Answer): string {
  const phrase = phraseQuote(a, { roles: true });
  const lines =
    phrase.kind === 'direct'
      ? [`${phrase.subject} ${phrase.verb}:`, `  “${phrase.words}”`]
      : [phrase.text, '  (Reported speech: the story’s wording, not a verbatim quotation.)'];
  if (phrase.withheld && a.attributedTo) lines.push(`  Speaker not certain: “${a.attributedTo}” is how the story puts it.`);
  const said = formatSaid(a);
  if (said) lines.push(`  Said ${said}.`);
  lines.push(`  From ${formatSource(a)}`);
  const url = storyUrl(a.article);
  if (url) lines.push(`  Read the story: ${url}`);
  return lines.join('\n');
}

/** A whole result: the best answer, then runners-up, or a plain "not found". */
export function formatResult(r: AskResult): string {
  if (!r.found) return `Not found: no quotation in the stories matches that.${r.suggestion ? ` ${r.suggestion}` : ''}`;
  const [best, ...rest] = r.answers;
  if (!best) return 'Not found.';
  const out: string[] = [];
  if (r.person) {
    const p = r.person;
    out.push(
      `${p.name}${p.role ? `, ${p.role}` : ''}: quoted ${p.quotes} time${p.quotes === 1 ? '' : 's'} in ${p.stories} stor${p.stories === 1 ? 'y' : 'ies'}.`,
      '',
    );
  }
  out.push(formatAnswer(best));
  if (r.storiesMatched) out.push(`(${r.storiesMatched} stories match: add words, such as a name or a place, to narrow it down; "quotes" lists them all.)`);
  if (rest.length > 0) {
    out.push('', 'Also:');
    for (const a of rest) out.push(`- ${phraseQuote(a, { roles: true, maxLength: 140 }).text}`);
  }
  return out.join('\n');
}
