/**
 * Who a question is about: a typed name ("zelensky"), an organisation ("the CDC"), or a role the
 * stories give someone ("the president", "the mayor"). Only speakers an answer may state count.
 */
import type { Corpus, SpeakerSummary } from '../corpus.ts';
import { shownSpeakers } from '../certainty.ts';
import type { Speaker } from '../types.ts';

/** Name questions must match a quoted person at least this well. */
export const MIN_NAME_SCORE = 0.55;

export type PersonMatch =
  /** One person (or the names within a hair of the best match: "Zelenskiy", "Volodymyr Zelenskiy"). */
  | { readonly kind: 'person'; readonly name: string; readonly names: ReadonlySet<string>; readonly score: number }
  /** A role several people hold: the reader must say which. */
  | { readonly kind: 'choose'; readonly role: string; readonly choices: readonly Speaker[] }
  | { readonly kind: 'none' };

/** Words before a role or organisation that name no one: "the president", "our mayor". */
const DETERMINER = /^(?:the|a|an|our|your|their|that|this)\s+/i;

/** Stated speakers by their roles, worked out once per corpus. */
const ROLES = new WeakMap<Corpus, ReadonlyMap<string, readonly Speaker[]>>();

/** Each stated speaker's roles, as the stories give them: "President", "Ukraine's security chief". */
function rolesOf(corpus: Corpus): ReadonlyMap<string, readonly Speaker[]> {
  let roles = ROLES.get(corpus);
  if (roles) return roles;
  const byName = new Map<string, Set<string>>();
  for (const q of corpus.quotations) {
    for (const s of shownSpeakers(q)) {
      if (!s.role) continue;
      const set = byName.get(s.name) ?? new Set<string>();
      set.add(s.role);
      byName.set(s.name, set);
    }
  }
  const out = new Map<string, Speaker[]>();
  for (const [name, set] of byName) for (const role of set) out.set(role, [...(out.get(role) ?? []), { name, role }]);
  roles = out;
  ROLES.set(corpus, roles);
  return roles;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The people holding a role: those whose role is the asked words ("President"), else those whose
 * role contains them as whole words ("Ukraine's President", "vice president"). One entry per person.
 */
export function findByRole(corpus: Corpus, role: string): Speaker[] {
  const asked = role.trim().toLowerCase();
  if (asked === '') return [];
  const pattern = new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(asked)}(?:$|[^\\p{L}])`, 'iu');
  const exact: Speaker[] = [];
  const partial: Speaker[] = [];
  for (const [r, people] of rolesOf(corpus)) {
    if (r.toLowerCase() === asked) exact.push(...people);
    else if (pattern.test(r)) partial.push(...people);
  }
  const picked = exact.length > 0 ? exact : partial;
  const seen = new Set<string>();
  return picked.filter((s) => !seen.has(s.name) && seen.add(s.name));
}

/**
 * The typed name, and for a long one its last two and three words: "Texas Sen. Ted Cruz" and
 * "Former Florida Gov. Jeb Bush" as a story's headline words put them, the person as "Ted Cruz".
 */
function nameForms(typed: string): string[] {
  const words = typed.split(/\s+/);
  // "Mr. Trump", "Pres. Obama", "Sen. Cruz": the name without its abbreviated title.
  const untitled = words.slice(words.findIndex((w) => !/^\p{L}{1,5}\.$/u.test(w)));
  const forms = [typed, untitled.join(' ')];
  if (words.length > 2) forms.push(words.slice(-3).join(' '), words.slice(-2).join(' '));
  if (untitled.length < words.length && untitled.length === 1) forms.push(untitled.join(' '));
  return [...new Set(forms.filter((f) => f !== ''))];
}

function byName(corpus: Corpus, typed: string): PersonMatch {
  let names: ReturnType<typeof corpus.search.findSpeakers> = [];
  for (const form of nameForms(typed)) {
    const found = corpus.search.findSpeakers(form, 3).filter((n) => n.score >= MIN_NAME_SCORE);
    if ((found[0]?.score ?? 0) > (names[0]?.score ?? 0)) names = found;
  }
  const best = names[0];
  if (!best) return { kind: 'none' };
  return { kind: 'person', name: best.name, names: new Set(names.filter((n) => n.score >= best.score - 0.05).map((n) => n.name)), score: best.score };
}

/** "Centers for Disease Control and Prevention" → "CDCP" and "CDC" (the initials of its capitalised words, and without the last). */
function initialsOf(name: string): string[] {
  const caps = name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w));
  const all = caps.map((w) => w[0] ?? '').join('');
  return caps.length >= 2 ? [all, all.slice(0, -1)] : [];
}

/** An organisation by its acronym: "CDC" for the Centers for Disease Control and Prevention. */
function byAcronym(corpus: Corpus, typed: string): PersonMatch {
  if (!/^\p{Lu}{2,6}$/u.test(typed)) return { kind: 'none' };
  const found = corpus.speakers.find((s) => initialsOf(s.name).includes(typed));
  return found ? { kind: 'person', name: found.name, names: new Set([found.name]), score: 1 } : { kind: 'none' };
}

/**
 * Resolve the person a question names: by name first; then by role, asking which one when several
 * people hold it; "the CDC" as "CDC"; then an acronym of a quoted organisation's name.
 *
 * @example
 * findPerson(corpus, 'the president'); // { kind: 'person', name: 'Volodymyr Zelenskiy', … }
 */
export function findPerson(corpus: Corpus, typed: string): PersonMatch {
  const name = typed.trim();
  const bare = name.replace(DETERMINER, '');
  const direct = byName(corpus, name);
  if (direct.kind === 'person' && bare === name) return direct;
  // "the president": a role is a better reading than a fuzzy name; "the CDC": the name without "the".
  const holders = findByRole(corpus, bare);
  if (holders.length > 1) return { kind: 'choose', role: bare, choices: holders };
  const [holder] = holders;
  if (holder) return { kind: 'person', name: holder.name, names: new Set([holder.name]), score: 1 };
  if (direct.kind === 'person') return direct;
  const named = bare === name ? direct : byName(corpus, bare);
  return named.kind === 'person' ? named : byAcronym(corpus, bare);
}

/** Each speaker summary list by name (the first entry of a name), made once per list: a name question looked it up in a scan of every speaker. */
const SUMMARY_BY_NAME = new WeakMap<readonly SpeakerSummary[], Map<string, SpeakerSummary>>();

export function speakerNamed(speakers: readonly SpeakerSummary[], name: string): SpeakerSummary | undefined {
  let byName = SUMMARY_BY_NAME.get(speakers);
  if (!byName) {
    byName = new Map();
    for (const s of speakers) if (!byName.has(s.name)) byName.set(s.name, s);
    SUMMARY_BY_NAME.set(speakers, byName);
  }
  return byName.get(name);
}
