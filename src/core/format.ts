/** Plain-text rendering of answers, shared by the CLI and the terminal chat. */
import type { Answer, AskResult, Speaker } from './types.ts';

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
  return [`"${a.article.title}"`, a.article.source, a.article.date].filter(Boolean).join(' — ');
}

/** A quotation without its surrounding quote marks and trailing comma. */
export function bareQuote(quote: string): string {
  return quote.replace(/^that\s+/, '').replace(/^["“]|[,]?["”]$/g, '').replace(/,$/, '').trim();
}

/** One answer as a few readable lines. */
export function formatAnswer(a: Answer): string {
  const lines = [`${formatSpeakers(a.speakers, a.attributedTo)}${a.kind === 'indirect' ? ' (reported)' : ''}:`, `  “${bareQuote(a.quote)}”`];
  const said = formatSaid(a);
  if (said) lines.push(`  Said ${said}.`);
  lines.push(`  From ${formatSource(a)}`);
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
    out.push(`${p.name}${p.role ? `, ${p.role}` : ''}: quoted ${p.quotes} time${p.quotes === 1 ? '' : 's'} in ${p.stories} stor${p.stories === 1 ? 'y' : 'ies'}.`, '');
  }
  out.push(formatAnswer(best));
  if (r.storiesMatched) out.push(`(${r.storiesMatched} stories match: add words, such as a name or a place, to narrow it down; "quotes" lists them all.)`);
  if (rest.length > 0) {
    out.push('', 'Also:');
    for (const a of rest) out.push(`- ${formatSpeakers(a.speakers, a.attributedTo)}: “${bareQuote(a.quote).slice(0, 140)}${bareQuote(a.quote).length > 140 ? '…' : ''}”`);
  }
  return out.join('\n');
}
