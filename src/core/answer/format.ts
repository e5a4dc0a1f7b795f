/** Plain-text rendering of answers, shared by the CLI and the terminal chat. */
import type { Answer, ArticleRef, AskResult, ClaimVerdict, PersonInfo, QuoteKind, Speaker, VerdictKind, WordChange } from '../types.ts';
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
  if (a.alsoIn && a.alsoIn.length > 0)
    lines.push(`  Also in ${a.alsoIn.length} other stor${a.alsoIn.length === 1 ? 'y' : 'ies'}: ${a.alsoIn.map((s) => formatStory(s)).join('; ')}`);
  return lines.join('\n');
}

function formatStory(s: ArticleRef): string {
  return [`"${s.title}"`, s.source, s.date].filter(Boolean).join(' — ');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A person's line: quoted how often, in how many stories, when; for "who is", each role with its story. */
export function formatPerson(p: PersonInfo, shown: number): string[] {
  const when = p.first && p.latest ? (p.first === p.latest ? `, on ${p.first}` : `, first on ${p.first}, latest on ${p.latest}`) : '';
  const out = [
    `${p.name}${p.role ? `, ${p.role}` : ''}: quoted ${plural(p.quotes, 'time', 'times')} in ${plural(p.stories, 'story', 'stories')}${when}${shown < p.quotes ? `; ${shown} shown` : ''}.`,
  ];
  for (const r of p.roles ?? []) out.push(`  ${r.role} (${formatStory(r.article)})`);
  return out;
}

/** Each verdict's mark and plain-language label, the same in Telegram and the terminal. */
export const VERDICT_LABELS: Readonly<Record<VerdictKind, { readonly emoji: string; readonly label: string }>> = Object.freeze({
  verbatim: { emoji: '✅', label: 'Verbatim' },
  reported: { emoji: '📝', label: 'Reported' },
  close: { emoji: '≈', label: 'Close, not the same words' },
  'someone-else': { emoji: '↔️', label: 'Someone else said it' },
  'not-said': { emoji: '❌', label: 'Not said' },
  'not-quoted': { emoji: '❓', label: 'Not quoted' },
});

/** "The words are" when the story has them exactly, "Words close to these are" otherwise (a number or a word differs). */
function unattributedWords(v: ClaimVerdict): string {
  return v.similarity >= 1 && !v.meaningChanged ? 'The words are' : 'Words close to these are';
}

/**
 * The verdict's first line in words: what the stories show about the claim.
 *
 * @example
 * verdictSentence({ kind: 'verbatim', person: 'Rustem Umerov', claim: '…', similarity: 1 }); // 'Rustem Umerov said these words, in a direct quotation.'
 */
export function verdictSentence(v: ClaimVerdict, evidence?: Answer): string {
  const other = evidence && evidence.speakers.length > 0 ? evidence.speakers.map((s) => s.name).join(' and ') : 'someone else';
  switch (v.kind) {
    case 'verbatim':
      return `${v.person} said these words, in a direct quotation.`;
    case 'reported':
      return `The story reports ${v.person} saying this in its own words, not as a direct quotation.`;
    case 'close':
      return `${v.person} said something close, but not these words.`;
    case 'someone-else':
      return `These words are ${other}’s, not ${v.person}’s.`;
    case 'not-said':
      return v.unattributed
        ? `${v.person} is quoted, but not saying this. ${unattributedWords(v)} in a story that doesn’t say who said them.`
        : `${v.person} is quoted, but not saying anything close to this.`;
    case 'not-quoted':
      return v.unattributed
        ? `No one called “${v.person}” is quoted. ${unattributedWords(v)} in a story that doesn’t say who said them.`
        : `No one called “${v.person}” is quoted in the stories.`;
  }
}

/**
 * The differences between the reader's words and the quotation's, as a sentence.
 *
 * @example
 * describeChanges([{ op: 'changed', words: '1,200', asked: '1,300' }]); // 'Yours has “1,300” where they said “1,200”.'
 */
export function describeChanges(changes: readonly WordChange[]): string {
  const parts = changes.flatMap((c) => {
    if (c.op === 'changed') return [`has “${c.asked ?? ''}” where they said “${c.words}”`];
    if (c.op === 'added') return [`adds “${c.words}”`];
    if (c.op === 'left-out') return [`leaves out “${c.words}”`];
    return [];
  });
  if (parts.length === 0) return '';
  return `Yours ${parts.length <= 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`}.`;
}

/** Their words with the reader's differences marked in brackets, for plain text. */
export function markChanges(changes: readonly WordChange[]): string {
  return changes
    .map((c) => {
      if (c.op === 'same') return c.words;
      if (c.op === 'changed') return `[${c.words} | yours: ${c.asked ?? ''}]`;
      if (c.op === 'added') return `[yours adds: ${c.words}]`;
      return `[${c.words} | yours leaves out]`;
    })
    .join(' ');
}

/** The verdict block of a did-say answer: label line, then what backs it. */
function formatVerdict(r: AskResult & { verdict: ClaimVerdict }): string[] {
  const v = r.verdict;
  const best = r.answers[0];
  const { emoji, label } = VERDICT_LABELS[v.kind];
  const out = [`${emoji} ${label}: ${verdictSentence(v, best)}`];
  if (v.kind === 'close' && v.changes) out.push(`  ${describeChanges(v.changes)}`, `  Their words, marked: “${markChanges(v.changes)}”`);
  if (v.meaningChanged && v.kind !== 'close') out.push('  A number or a negation differs.');
  if (best) out.push('', v.kind === 'not-said' && !v.unattributed ? 'The closest they said:' : 'Evidence:', formatAnswer(best));
  else if (r.suggestion) out.push(r.suggestion);
  return out;
}

/** The line that opens tied answers: no one of them is named as the answer. */
export const TIED_HEADLINE =
  'These quotations match your words about equally well, and different people said them. Which one do you mean? Add a word or a name to narrow it down.';

/** Tied answers: the question back, then each answer in full, numbered. */
function formatTied(tied: readonly Answer[]): string[] {
  return [TIED_HEADLINE, ...tied.flatMap((a, i) => ['', `${i + 1}. ${formatAnswer(a)}`])];
}

/** A whole result: the best answer, then runners-up, or a plain "not found". */
export function formatResult(r: AskResult): string {
  if (r.verdict) return formatVerdict({ ...r, verdict: r.verdict }).join('\n');
  if (r.choices && r.suggestion) return r.suggestion;
  if (!r.found) return `Not found: no quotation in the stories matches that.${r.suggestion ? ` ${r.suggestion}` : ''}`;
  const [best, ...rest] = r.answers;
  if (!best) return 'Not found.';
  const out: string[] = [];
  if (r.tied) return formatTied(r.answers.slice(0, r.tied)).join('\n');
  if (r.person) out.push(...formatPerson(r.person, r.answers.length), '');
  out.push(formatAnswer(best));
  if (r.storiesMatched) out.push(`(${r.storiesMatched} stories match: add words, such as a name or a place, to narrow it down; "quotes" lists them all.)`);
  if (rest.length > 0) {
    out.push('', 'Also:');
    for (const a of rest) out.push(`- ${phraseQuote(a, { roles: true, maxLength: 140 }).text}`);
  }
  return out.join('\n');
}
