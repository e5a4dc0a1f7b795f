/**
 * Attributing speakers: turn each mention ("he", "Umerov", "his Security Council chief") into the
 * people the story names in full, with the role it gives them. When a mention cannot be resolved
 * with confidence the quotation keeps no speaker rather than a guessed one.
 */
import nlp from 'compromise';
import { HONORIFICS, NOT_NAME_START, PRONOUNS, TITLE_HEADS, TITLE_WORDS } from './lexicon.ts';
import { cleanRole, isNominalHead } from './mentions.ts';
import type { Mention } from './mentions.ts';
import type { Speaker } from './types.ts';

type Gender = 'm' | 'f' | null;

export interface Person {
  readonly name: string;
  readonly tokens: readonly string[];
  role: string | null;
  gender: Gender;
  /** Positions (paragraph, offset) where the story mentions this person, in order. */
  readonly occurrences: Array<{ paragraph: number; offset: number; subject: boolean }>;
}

export interface PeopleIndex {
  readonly people: readonly Person[];
}

/** A run of capitalised words; a word keeps a trailing period only as an initial or honorific. */
const NAME_RUN = /(?:\p{Lu}\.|(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Sgt|Cpl|Const|Det|Insp|Supt|Prof|Rev|Hon)\.|\p{Lu}[\p{L}'’-]*)(?:\s+(?:\p{Lu}\.|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr)\.|\p{Lu}[\p{L}'’-]*|de|da|del|van|von|der|den|la|le|du|al|bin|el|di)(?![\p{L}]))*/gu;

const ORG_WORDS =
  /\b(?:Ministry|Council|University|College|Court|Party|Agency|Inc|Ltd|Corp|Press|News|Police|Department|Government|Union|Association|Federation|Commission|Committee|Institute|Centre|Center|Service|Services|Bank|Group|Company|Agreement|Agreements|Act|Bill|Office|Board|Authority|Foundation|Network|Club|Team|League|Hospital|School|Church|Force|Forces|Army|Navy|Embassy|House|Senate|Parliament|Assembly|Congress|Times|Post|Journal|Globe|Star|Mail|Herald|Tribune|Radio|TV|Telegram|Twitter|Facebook|Airlines|Airport|Station|Region|Province|State|City|County|Republic|Kingdom|Union|Emirates|Street|Avenue|Square|Day|Year|Christmas|Istanbul|Brigade)\b/;

const TITLE_PREFIX = (tokens: readonly string[]): number => {
  let k = 0;
  while (k < tokens.length - 1 && (TITLE_WORDS.has(tokens[k]!.toLowerCase()) || HONORIFICS.has(tokens[k]!.toLowerCase()))) k++;
  return k;
};

function roleOfTitle(title: readonly string[]): string | null {
  const role = title.filter((t) => !HONORIFICS.has(t.toLowerCase())).join(' ');
  return role === '' ? null : role;
}

function genderOfFirstName(first: string): Gender {
  const doc = nlp(first);
  if (doc.has('#MaleName')) return 'm';
  if (doc.has('#FemaleName')) return 'f';
  return null;
}

/**
 * Split a capitalised run into its role part and the name: "Veterans Affairs Minister Seamus O'Regan"
 * → role "Veterans Affairs Minister", name "Seamus O'Regan". The name follows the last title word.
 */
export function splitName(run: string): { title: string[]; name: string[] } {
  const tokens = run.replace(/['’]s$/u, '').split(/\s+/).filter(Boolean);
  while (tokens.length > 0 && NOT_NAME_START.has(tokens[0]!.toLowerCase().replace(/\.$/, '')) && !HONORIFICS.has(tokens[0]!.toLowerCase())) tokens.shift();
  let k = TITLE_PREFIX(tokens);
  for (let i = tokens.length - 2; i >= k; i--) {
    const t = tokens[i]!.toLowerCase();
    if (TITLE_HEADS.has(t) || HONORIFICS.has(t) || /^\p{Ll}/u.test(tokens[i]!)) {
      k = i + 1;
      break;
    }
  }
  return { title: tokens.slice(0, k), name: tokens.slice(k) };
}

function looksLikePerson(name: readonly string[], title: readonly string[], context: string): boolean {
  if (name.length < 2 || name.length > 4) return false;
  const text = name.join(' ');
  if (ORG_WORDS.test(text)) return false;
  if (name.some((t) => /^\p{Lu}{2,}$/u.test(t) && t.length > 3)) return false;
  if (title.length > 0) return true;
  const doc = nlp(context);
  if (doc.match(text).has('#Person')) return true;
  return genderOfFirstName(name[0]!) !== null;
}

/**
 * Collect the people a story names in full, with roles ("President", "security chief") and
 * gender where the story or the first name tells it.
 */
export function collectPeople(paragraphs: readonly string[], speakerNames: ReadonlySet<string> = new Set()): PeopleIndex {
  const people = new Map<string, Person>();
  paragraphs.forEach((text, p) => {
    for (const m of text.matchAll(NAME_RUN)) {
      const { title, name } = splitName(m[0]);
      if (name.length === 0) continue;
      const key = name.join(' ');
      const offset = (m.index ?? 0) + m[0].indexOf(name[0]!);
      let person = people.get(key);
      if (!person) {
        const titled = title.some((t) => TITLE_WORDS.has(t.toLowerCase()) && !HONORIFICS.has(t.toLowerCase()));
        const isPerson =
          (name.length === 1 && titled && speakerNames.has(key)) ||
          (name.length >= 2 && name.length <= 4 && (speakerNames.has(key) || speakerNames.has(name[name.length - 1]!)) && !ORG_WORDS.test(key)) ||
          looksLikePerson(name, title, text.slice(Math.max(0, offset - 80), offset + key.length + 80));
        if (!isPerson) continue;
        person = { name: key, tokens: name, role: null, gender: null, occurrences: [] };
        people.set(key, person);
      }
      const sentenceStart = /(?:^|[.!?]["”]?\s+)$/.test(text.slice(Math.max(0, (m.index ?? 0) - 3), m.index ?? 0)) || (m.index ?? 0) === 0;
      person.occurrences.push({ paragraph: p, offset, subject: sentenceStart });
      if (!person.role) person.role = roleOfTitle(title);
      const honorific = title.find((t) => HONORIFICS.has(t.toLowerCase()));
      if (honorific) person.gender ??= HONORIFICS.get(honorific.toLowerCase()) ?? null;
      if (!person.role) person.role = roleAround(text, m.index ?? 0, m[0].length);
    }
  });
  // Later mentions by surname or honorific ("Umerov", "Mr. Hemming") count as occurrences too.
  paragraphs.forEach((text, p) => {
    for (const m of text.matchAll(NAME_RUN)) {
      const { title, name } = splitName(m[0]);
      if (name.length !== 1) continue;
      const offset = (m.index ?? 0) + m[0].indexOf(name[0]!);
      const owner = bestByTokens([...people.values()], name, { paragraph: p, offset });
      if (!owner) continue;
      const sentenceStart = (m.index ?? 0) === 0 || /[.!?]["”]?\s+$/.test(text.slice(Math.max(0, (m.index ?? 0) - 3), m.index ?? 0));
      owner.occurrences.push({ paragraph: p, offset, subject: sentenceStart });
      const honorific = title.find((t) => HONORIFICS.has(t.toLowerCase()));
      if (honorific) owner.gender ??= HONORIFICS.get(honorific.toLowerCase()) ?? null;
    }
  });
  // "Mayor McCallum" made a one-word entry; it is the same person as "Doug McCallum".
  for (const [key, person] of people) {
    if (person.tokens.length !== 1) continue;
    const full = [...people.values()].filter((p) => p.tokens.length > 1 && p.tokens[p.tokens.length - 1] === person.tokens[0]);
    if (full.length !== 1) continue;
    const target = full[0]!;
    target.role ??= person.role;
    target.gender ??= person.gender;
    target.occurrences.push(...person.occurrences);
    people.delete(key);
  }
  for (const person of people.values()) {
    person.occurrences.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset);
    person.gender ??= genderOfFirstName(person.tokens[0]!);
  }
  return { people: [...people.values()] };
}

/** Roles given by apposition: "His security chief, Rustem Umerov," or "Hugh Hill, a doctor at X,". */
function roleAround(text: string, index: number, length: number): string | null {
  const before = text.slice(Math.max(0, index - 80), index);
  // Lower-case role right before the name: "head coach Peter DeBoer", "analyst Keith Bachman".
  const lower = /(?:^|\s)((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s+$/u.exec(before);
  if (lower?.[1]) {
    const words = lower[1].split(/\s+/);
    const head = words[words.length - 1]!;
    if (TITLE_WORDS.has(head) || (isNominalHead(head) && !/^(?:people|person|man|woman|others?)$/.test(head))) {
      while (words.length > 1 && !TITLE_WORDS.has(words[0]!) && !isNominalHead(words[0]!) && !/^(?:head|senior|chief|deputy|assistant|former|interim|acting|lead|team|rookie|veteran|executive|general|managing)$/.test(words[0]!)) words.shift();
      return words.join(' ');
    }
  }
  const pre = /(?:^|[.;]\s+|,\s+)(?:(?:His|Her|Their|Its|The|the|his|her|their|its)\s+|[\p{Lu}][\p{L}'’]*['’]s\s+)((?:[\p{L}-]+\s+){0,4}[\p{L}-]+),\s*$/u.exec(before);
  if (pre?.[1] && isNominalHead(pre[1].split(/\s+/).pop()!.toLowerCase())) return cleanRole(pre[1]);
  const after = text.slice(index + length, index + length + 120);
  const post = /^,\s+((?:a|an|the)\s+[^,;()]{3,90}?|(?:[\p{Ll}][\p{L}-]*\s+){0,3}(?:of|at|for|with)\s+[^,;()]{3,60}?)(?:,|\s+(?:said|says|told|added)\b|\.\s)/u.exec(after);
  if (post?.[1] && !/^(?:who|which|whose)\b/i.test(post[1])) return cleanRole(post[1]);
  return null;
}

function bestByTokens(people: readonly Person[], tokens: readonly string[], at?: Position): Person | null {
  const wanted = tokens.map((t) => t.toLowerCase().replace(/['’]s$/u, ''));
  const matches = people.filter((p) => {
    const have = p.tokens.map((t) => t.toLowerCase());
    if (wanted.length === 1) return have[have.length - 1] === wanted[0] || (have[0] === wanted[0] && have.length > 1);
    return wanted.every((w) => have.includes(w)) && have[have.length - 1] === wanted[wanted.length - 1];
  });
  if (matches.length === 0) return null;
  if (matches.length === 1) return matches[0]!;
  const exact = matches.filter((m) => m.tokens.length === wanted.length);
  if (exact.length === 1 && wanted.length > 1) return exact[0]!;
  if (!at) return null;
  // Several people share the surname: the one the story named most recently before this point.
  let best: { person: Person; pos: Position } | null = null;
  for (const person of matches) {
    for (const occ of person.occurrences) {
      if (before(occ, at) && (!best || before(best.pos, occ))) best = { person, pos: occ };
    }
  }
  return best?.person ?? null;
}

interface Position {
  readonly paragraph: number;
  readonly offset: number;
}

export interface RecentSpeaker {
  readonly person: Person;
  readonly at: Position;
}

function before(a: Position, b: Position): boolean {
  return a.paragraph < b.paragraph || (a.paragraph === b.paragraph && a.offset < b.offset);
}

/** The person a pronoun most likely refers to: the latest compatible subject, else the latest mention. */
function resolvePronoun(index: PeopleIndex, pronoun: string, at: Position, recent: readonly RecentSpeaker[]): Person | null {
  const g = PRONOUNS.get(pronoun.toLowerCase());
  if (g !== 'm' && g !== 'f') return null;
  const compatible = (p: Person) => p.gender === null || p.gender === g;
  let best: { person: Person; pos: Position; subject: boolean } | null = null;
  for (const person of index.people) {
    if (!compatible(person)) continue;
    for (const occ of person.occurrences) {
      if (!before(occ, at) || at.paragraph - occ.paragraph > 3) continue;
      const better = !best || (occ.subject && !best.subject) || (occ.subject === best.subject && before(best.pos, occ));
      if (better) best = { person, pos: occ, subject: occ.subject };
    }
  }
  // The speaker of the latest quotation wins unless someone else was named as a subject since.
  const last = recent.find((r) => compatible(r.person) && at.paragraph - r.at.paragraph <= 3);
  if (last && (!best || !best.subject || !before(last.at, best.pos) || best.person === last.person)) return last.person;
  return best?.person ?? null;
}

/** A nominal mention ("his Security Council chief") names the person whose role shares its head noun. */
function resolveNominal(index: PeopleIndex, mention: string): Person | null {
  const words = mention.toLowerCase().split(/\s+/);
  const head = words[words.length - 1]!;
  const synonyms: Record<string, string[]> = { judge: ['justice', 'judge'], justice: ['justice', 'judge'] };
  const heads = synonyms[head] ?? [head];
  const matches = index.people.filter((p) => p.role && heads.some((h) => p.role!.toLowerCase().split(/\s+/).includes(h)));
  if (matches.length === 1) return matches[0]!;
  return null;
}

export interface ResolveContext {
  readonly index: PeopleIndex;
  readonly at: Position;
  /** Speakers of the most recent quotations, newest first, for "he said" right after a quote. */
  readonly recent: readonly RecentSpeaker[];
}

/**
 * Resolve a mention to speakers. Returns the people (with roles) or, for organisations and
 * unnamed sources, the mention itself; an empty list when a pronoun cannot be resolved safely.
 */
/** Give people the roles their quotations' appositives state ("His security chief, Rustem Umerov, said"). */
export function adoptRole(index: PeopleIndex, mention: Mention): void {
  if (!mention.role || mention.parts.length !== 1) return;
  const { title, name } = splitName(mention.parts[0]!);
  const person = name.length > 0 ? bestByTokens(index.people, name) : null;
  if (person && !person.role) person.role = mention.role;
  if (person && !person.role && title.length > 0) person.role = roleOfTitle(title);
}

export function resolveMention(mention: Mention, ctx: ResolveContext): { speakers: Speaker[]; people: Person[] } {
  const speakers: Speaker[] = [];
  const people: Person[] = [];
  for (const part of mention.parts) {
    const clean = part.replace(/['’]s$/u, '').trim();
    const lower = clean.toLowerCase();
    let person: Person | null = null;
    if (PRONOUNS.has(lower)) {
      person = resolvePronoun(ctx.index, lower, ctx.at, ctx.recent);
      if (!person) continue;
    } else if (/(?:^|\s)\p{Lu}[\p{L}'’.-]*$/u.test(clean) && !/^(?:The|A|An|His|Her|Their|Its)\s/.test(clean)) {
      const { title, name } = splitName(clean);
      person = name.length > 0 ? bestByTokens(ctx.index.people, name, ctx.at) : null;
      if (!person) {
        const role = title.filter((t) => !HONORIFICS.has(t.toLowerCase())).join(' ') || mention.role;
        const label = name.length > 0 ? name.join(' ') : clean;
        // A bare title ("the President") with one matching person in the story.
        const nominal = name.length === 0 ? resolveNominal(ctx.index, clean) : null;
        if (nominal) person = nominal;
        else {
          speakers.push({ name: label, role: role || null });
          continue;
        }
      }
    } else {
      person = resolveNominal(ctx.index, clean);
      if (!person) {
        speakers.push({ name: clean, role: null });
        continue;
      }
    }
    people.push(person);
    speakers.push({ name: person.name, role: person.role ?? (mention.parts.length === 1 ? mention.role : null) });
  }
  return { speakers, people };
}
