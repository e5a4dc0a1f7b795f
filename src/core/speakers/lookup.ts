/** Finding a person the story named: by name tokens, by pronoun, by a title they hold. */
import { PRONOUNS, REPORTING_VERBS } from '../lexicon.ts';
import { genderOfFirstName } from '../nlp.ts';
import type { ResolverId } from '../rules.ts';
import { ORG_WORDS, type PeopleIndex, type Person } from './names.ts';
import { headOf } from './descriptions.ts';

/** "Xander Wise" for "Alexander Wise": the one person with the surname whose first name the short form ends or starts. */
export function shortFormOf(people: readonly Person[], name: readonly string[]): Person | null {
  if (name.length !== 2) return null;
  const [first, last] = name as [string, string];
  if (first.length < 3) return null;
  const full = people.filter(
    (p) =>
      p.tokens.length === 2 &&
      p.tokens[1] === last &&
      p.tokens[0] !== first &&
      (p.tokens[0]!.toLowerCase().endsWith(first.toLowerCase()) || p.tokens[0]!.startsWith(first)),
  );
  return full.length === 1 ? full[0]! : null;
}

export function bestByTokens(people: readonly Person[], tokens: readonly string[], at?: Position, gender?: 'm' | 'f', surnameOnly = false): Person | null {
  return pickByTokens(people, tokens, at, gender, surnameOnly)?.person ?? null;
}

/**
 * `bestByTokens`, saying whether only recency decided: several people share the surname and
 * nothing else (full name, gender, age, who the story is about) tells them apart.
 */
export function pickByTokens(
  people: readonly Person[],
  tokens: readonly string[],
  at?: Position,
  gender?: 'm' | 'f',
  surnameOnly = false,
): { readonly person: Person; readonly byRecency: boolean } | null {
  const wanted = tokens.map((t) => t.toLowerCase().replace(/['’]s$/u, ''));
  const matches = people.filter((p) => {
    const have = p.tokens.map((t) => t.toLowerCase());
    // ("Mrs. Clinton" is a surname: never the first word of "Clinton Health Access Initiative".)
    if (wanted.length === 1) return have[have.length - 1] === wanted[0] || (!surnameOnly && have[0] === wanted[0] && have.length > 1);
    return wanted.every((w) => have.includes(w)) && have[have.length - 1] === wanted[wanted.length - 1];
  });
  if (matches.length === 0) return null;
  const sure = (person: Person) => ({ person, byRecency: false });
  if (matches.length === 1) return sure(matches[0]!);
  const exact = matches.filter((m) => m.tokens.length === wanted.length);
  if (exact.length === 1 && wanted.length > 1) return sure(exact[0]!);
  if (!at) return null;
  // "Belkacemi says she will …" when a father and daughter share the name.
  const agreeing = gender ? matches.filter((m) => m.gender === gender) : [];
  if (wanted.length === 1 && agreeing.length === 1) return sure(agreeing[0]!);
  // A young child the story names in passing ("his sons: Brenden Major, 4, and …") is not who a
  // bare surname means when an adult shares it.
  const adults = matches.filter((m) => m.age === null || m.age >= 13);
  if (wanted.length === 1 && adults.length === 1 && matches.length > 1) return sure(adults[0]!);
  // Several people share the surname. The story's main person, named in full far more often than
  // the others ("Robert Major" twice or more, his son "Brenden Major" half as often), is who "Major" means.
  const byNamed = [...matches].sort((a, b) => b.named - a.named);
  if (wanted.length === 1 && byNamed[0]!.named >= 2 && byNamed[0]!.named >= 2 * byNamed[1]!.named) return sure(byNamed[0]!);
  // Otherwise the one the story named most recently before this point.
  let best: { person: Person; pos: Position } | null = null;
  for (const person of matches) {
    for (const occ of person.occurrences) {
      if (before(occ, at) && (!best || before(best.pos, occ))) best = { person, pos: occ };
    }
  }
  return best ? { person: best.person, byRecency: true } : null;
}

export interface Position {
  readonly paragraph: number;
  readonly offset: number;
}

export interface RecentSpeaker {
  readonly person: Person;
  readonly at: Position;
}

export function before(a: Position, b: Position): boolean {
  return a.paragraph < b.paragraph || (a.paragraph === b.paragraph && a.offset < b.offset);
}

/** The person a pronoun most likely refers to: the latest compatible subject, else the latest mention. */
export function resolvePronoun(
  index: PeopleIndex,
  pronoun: string,
  at: Position,
  recent: readonly RecentSpeaker[],
  trace?: Trace,
  excluded?: ReadonlySet<Person>,
): Person | null {
  const g = PRONOUNS.get(pronoun.toLowerCase());
  if (g !== 'm' && g !== 'f') return null;
  return resolveReference(index, g, at, recent, trace, excluded);
}

/** Where a resolver records the id (in RESOLVERS) of the path that found the person. */
export interface Trace {
  by: ResolverId;
}

/** The person a reference points back to: gender-compatible, latest subject first, then latest mention. */
export function resolveReference(
  index: PeopleIndex,
  g: 'm' | 'f' | null,
  at: Position,
  recent: readonly RecentSpeaker[],
  trace?: Trace,
  excluded?: ReadonlySet<Person>,
): Person | null {
  // (Whom the reported words name, the pronoun before them is not: "he said Kody would …".)
  const compatible = (p: Person) => (g === null || p.gender === null || p.gender === g) && !excluded?.has(p);
  let best: { person: Person; pos: Position; subject: boolean } | null = null;
  for (const person of index.people) {
    if (!compatible(person)) continue;
    for (const occ of person.occurrences) {
      // "“I have known Mike Smith for years,” he said": a name inside the words, or in a photo
      // credit, is not who a pronoun outside them stands for.
      if (!before(occ, at) || at.paragraph - occ.paragraph > 3 || occ.aside) continue;
      const better = !best || (occ.subject && !best.subject) || (occ.subject === best.subject && before(best.pos, occ));
      if (better) best = { person, pos: occ, subject: occ.subject };
    }
    // Narration that went on about them by pronoun: a subject, as recent as its last sentence.
    for (const link of person.chain) {
      if (!before(link, at) || at.paragraph - link.paragraph > 3) continue;
      const better = !best || !best.subject || before(best.pos, link);
      if (better) best = { person, pos: link, subject: true };
    }
  }
  // The speaker of the latest quotation wins unless someone else was named as a subject since.
  const last = recent.find((r) => compatible(r.person) && at.paragraph - r.at.paragraph <= 3);
  if (last && (!best || !best.subject || !before(last.at, best.pos) || best.person === last.person)) {
    if (trace) trace.by = 'pronoun-recent';
    return last.person;
  }
  if (best) {
    if (trace) trace.by = best.subject ? 'pronoun-subject' : 'pronoun-nearest';
    return best.person;
  }
  if (g === null) return null;
  // Nobody nearby: the story's only person of that gender named so far, if there is exactly one.
  const earlier = index.people.filter((p) => p.gender === g && !excluded?.has(p) && p.occurrences.some((o) => before(o, at) && !o.aside));
  if (trace) trace.by = 'pronoun-only-one';
  return earlier.length === 1 ? earlier[0]! : null;
}

/**
 * The fullest form the story gives a one-word name that is not a known person: "Baxter" → "Moyra
 * Baxter". Falls back to the word itself.
 */
export function fullestName(index: PeopleIndex, word: string, gender?: 'm' | 'f'): string {
  let best: readonly string[] = [word];
  for (const run of index.names) {
    if (run.length <= best.length || run.length > 5) continue;
    if (gender && (genderOfFirstName(run[0] ?? '') ?? gender) !== gender) continue;
    if (run[run.length - 1] === word && !ORG_WORDS.test(run.join(' '))) best = run;
  }
  return best.join(' ');
}

/** A nominal mention ("his Security Council chief") names the person whose role shares its head noun. */
/** Role heads that name the same office. A Map, so a word like "constructor" is never an object key. */
const ROLE_SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['judge', ['justice', 'judge']],
  ['justice', ['justice', 'judge']],
]);

/** Where a role's attachment starts: "chief of staff", "economist at Northgate Bank". */
const ROLE_ATTACHMENT = /\s+(?:of|at|for|with|in|from|to|on)\s+/;

/**
 * Is the nominal the person's title and nothing more ("the minister" for Health Minister Jane
 * Smith, "the vice president", "the campaign manager")? A modifier the title does not hold ("the
 * Florida senator", "the Mexican president") adds a fact the story may tie to someone else, and an
 * indefinite, plural or possessive nominal ("a potential president", "experts", "his brother") is
 * not the one titled person either.
 */
export function isBareTitle(mention: string, person: Pick<Person, 'role' | 'titles'>): boolean {
  const bare = /^the\s+(\p{Ll}+(?:\s+\p{Ll}+)?)$/iu.exec(mention.trim());
  const words = bare?.[1]?.toLowerCase();
  if (!words) return false;
  if (person.titles.has(words)) return true;
  // The role up to its attachment ("chief economist at Northgate Bank" → "chief economist").
  const role = (person.role ?? '').toLowerCase().split(ROLE_ATTACHMENT)[0] ?? '';
  return role === words || role.endsWith(` ${words}`);
}

const PAST_OFFICE = /(?:^|\s)(?:former|ex-\p{L}*|onetime|one-time|late|retired)\b/iu;

export function resolveNominal(index: PeopleIndex, mention: string, at: Position): Person | null {
  const words = mention.toLowerCase().split(/\s+/);
  // "a veteran Boston-based engineer" brings in someone new; it is the engineer the story names
  // later ("A Vancouver hockey coach says …" in a lede), never one it named before.
  const indefinite = /^(?:a|an|another|one|some|other)$/.test(words[0]!);
  const head = words[words.length - 1]!;
  const heads = ROLE_SYNONYMS.get(head) ?? [head];
  // The role's own head: "Crown prosecutor" is a prosecutor, "chief of staff" a chief.
  const roleHead = (role: string) => headOf(role, ROLE_ATTACHMENT);
  // "the candidate" is not "a former candidate for governor": a past office is no title now.
  const past = (role: string) => PAST_OFFICE.test(role) && !PAST_OFFICE.test(mention);
  const matches = index.people.filter((p) => (p.role && heads.includes(roleHead(p.role)) && !past(p.role)) || heads.some((h) => p.titles.has(h)));
  if (
    matches.length === 1 &&
    (!indefinite || matches[0]!.occurrences.every((o) => o.paragraph > at.paragraph || (o.paragraph === at.paragraph && o.offset > at.offset)))
  )
    return matches[0]!;
  return null;
}

/**
 * Namesakes ("Clinton" after Hillary and Bill Clinton) told apart by recency alone: the one quoted
 * last, unless the other has since been named in full as the one who speaks ("… Sarah Gille ….
 * Ellen Gille recalls a woman … Gille recalls that …": Ellen). Undefined when no namesake was quoted.
 */
export function namesakeQuotedLast(index: PeopleIndex, named: Person, recent: readonly RecentSpeaker[], at: Position | undefined): Person | undefined {
  const surname = named.tokens.at(-1)?.toLowerCase();
  const last = recent.find((r) => r.person.tokens.at(-1)?.toLowerCase() === surname);
  if (!last || last.person === named || !at || !index.paragraphs || named.tokens.length < 2) return last?.person;
  const speaks = named.occurrences.some((o) => {
    const text = index.paragraphs?.[o.paragraph] ?? '';
    if (!before(last.at, o) || !before(o, at) || !text.startsWith(named.name, o.offset)) return false;
    const verb = /^\s+([a-z]+)\b/.exec(text.slice(o.offset + named.name.length))?.[1];
    return verb !== undefined && REPORTING_VERBS.has(verb);
  });
  return speaks ? undefined : last.person;
}
