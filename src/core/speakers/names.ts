/** People as the story names them: the Person record, splitting a name run into title and name, and tag helpers. */
import { HONORIFICS, NOT_NAME_START, orgWords, TITLE_HEADS, TITLE_WORDS, WEEKDAY } from '../lexicon.ts';
import { NAME_PARTICLES } from '../quotes/mentions.ts';
import { isOccupation, genderOfFirstName, genderOfPersonName, type TaggedTerm } from '../nlp.ts';
import { type DocumentAuthor } from './documents.ts';
import { ORG_TYPE, type OrgIndex } from './orgs.ts';

type Gender = 'm' | 'f' | null;

export interface Person {
  readonly name: string;
  readonly tokens: readonly string[];
  role: string | null;
  gender: Gender;
  /** Positions (paragraph, offset) where the story mentions this person, in order. */
  /** `aside`: inside quotation marks or a photo credit, where no later pronoun looks for its person. */
  readonly occurrences: Array<{ paragraph: number; offset: number; subject: boolean; aside?: boolean }>;
  /** How often the story gives the name in full. */
  named: number;
  /** Age the story gives ("Brenden Major, 4,"), or null. */
  age: number | null;
  /** Every title word the story puts before the name ("Mayor McCallum" → mayor), lower case. */
  readonly titles: Set<string>;
  /** Sentences outside quotes that open on "he"/"she" (or "his"/"her") and refer to this person. */
  readonly chain: Array<{ paragraph: number; offset: number }>;
}

/** A person the sentence names whom the story's people index does not hold ("Mr. Verdery"): known here only. */
export function passingPerson(name: string, honorificGender: Gender): Person {
  const tokens = name.split(/\s+/);
  const gender = honorificGender ?? genderOfPersonName(tokens[0] ?? '');
  return { name, tokens, role: null, gender, occurrences: [], named: 0, age: null, titles: new Set(), chain: [] };
}

export interface PeopleIndex {
  readonly people: readonly Person[];
  /** Organisations the story names, for "the company said" and "it said". */
  readonly orgs: OrgIndex;
  /** Every capitalised name run in the story, titles split off, for names that aren't people. */
  readonly names: readonly (readonly string[])[];
  /** Documents the story names an author for: "a study … by Civic Action". */
  readonly documents?: readonly DocumentAuthor[];
  /** The story's paragraphs, for antecedents of "it" and "they". */
  readonly paragraphs?: readonly string[];
}

/**
 * A run of capitalised words; a word keeps a trailing period only as an initial or honorific. A
 * possessive ends the run: "Andrew Scheer’s Conservatives".
 */
export const NAME_RUN =
  /(?:(?:\p{Lu}\.)+|(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Sgt|Cpl|Const|Det|Insp|Supt|Prof|Rev|Hon)\.|\p{Lu}[\p{L}'’-]*)(?:(?<!\p{L}['’]s)\s+(?:(?:\p{Lu}\.)+|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr)\.|\p{Lu}[\p{L}'’-]*|de|da|del|van|von|der|den|la|le|du|al|bin|el|di)(?![\p{L}]))*/gu;

export const ORG_WORDS = orgWords('name');

/**
 * Does a word of the run make it an organisation's name? A known first name before name-like words
 * is a person's ("Bill Peters", "Bill Morneau"), not an organisation word ("Bill C-69").
 */
export function hasOrgWord(words: readonly string[]): boolean {
  const personal =
    words.length >= 2 &&
    genderOfFirstName(words[0] ?? '') !== null &&
    words.slice(1).every((w) => NAME_PARTICLES.has(w) || /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?$/u.test(w));
  return ORG_WORDS.test((personal ? words.slice(1) : words).join(' '));
}

const TITLE_PREFIX = (tokens: readonly string[]): number => {
  let k = 0;
  while (k < tokens.length - 1 && (TITLE_WORDS.has(tokens[k]!.toLowerCase()) || HONORIFICS.has(tokens[k]!.toLowerCase()))) k++;
  return k;
};

/** The words after a leading title or a capitalised occupation ("Economist Paul Grant" → Paul Grant). */
function withoutTitle(words: readonly string[]): readonly string[] {
  const k = TITLE_PREFIX(words);
  return k === 0 && words.length >= 3 && isOccupation(words[0] ?? '') ? words.slice(1) : words.slice(k);
}

/** The gender of the first honorific in a title ("Mrs." → f), or null when there is none. */
export function honorificGenderOf(title: readonly string[]): 'm' | 'f' | null {
  for (const t of title) {
    const g = HONORIFICS.get(t.toLowerCase());
    if (g) return g;
  }
  return null;
}

export function roleOfTitle(title: readonly string[]): string | null {
  const role = title.filter((t) => !HONORIFICS.has(t.toLowerCase())).join(' ');
  return role === '' ? null : role;
}

/**
 * Split a capitalised run into its role part and the name: "Veterans Affairs Minister Seamus O'Regan"
 * → role "Veterans Affairs Minister", name "Seamus O'Regan". The name follows the last title word.
 */
/**
 * A person's full name: a known first name before one to three name words with no organisation
 * word ("Moyra Baxter"), or a surname that opens on its particle ("de Blasio", "van der Berg").
 */
export function isPersonFullName(words: readonly string[]): boolean {
  if (words.length >= 2 && NAME_PARTICLES.has(words[0] ?? '') && /^\p{Lu}/u.test(words.at(-1) ?? '')) return true;
  return words.length >= 2 && words.length <= 4 && genderOfFirstName(words[0] ?? '') !== null && !hasOrgWord(words);
}

/** "Robert Gordon", "Mary Ann Lee": a person's full name of two or three capitalised words. */
function isFirstAndSurname(words: readonly string[]): boolean {
  return words.length <= 3 && words.every((w) => /^\p{Lu}/u.test(w)) && isPersonFullName(words);
}

export function splitName(run: string): { title: string[]; name: string[] } {
  // "Sen. Richard Shelby of Alabama": the place after "of" is not part of the name.
  const ofPlace = /^(.*?\p{Lu}[\p{L}'’.-]*\s+\p{Lu}[\p{L}'’.-]*)\s+(?:of|from)\s+(?:the\s+)?\p{Lu}.*$/u.exec(run);
  // "Former Secretary of State Hillary Clinton": "of" inside a title, not before a place.
  const titleOf = ofPlace?.[1] !== undefined && TITLE_WORDS.has(ofPlace[1].split(/\s+/).at(-1)!.toLowerCase());
  // "Robert Gordon of Northwestern University", "Professor Karen Holt of Riverside University": a
  // first name and a surname before "of" (after any title) are the person, whatever organisation
  // follows ("Bank of England" has no first name before its "of").
  const personOf = ofPlace?.[1] !== undefined && isFirstAndSurname(withoutTitle(ofPlace[1].split(/\s+/)));
  const base = ofPlace?.[1] && (!ORG_WORDS.test(run) || personOf) && !titleOf ? ofPlace[1] : run;
  const tokens = base
    .replace(/['’]s$/u, '')
    .split(/\s+/)
    .filter(Boolean);
  // "Clinton Friday said": a day after a name is when, not who.
  while (tokens.length > 1 && WEEKDAY.test(tokens.at(-1) ?? '')) tokens.pop();
  // ("New York City Public Advocate …": "New" before a capitalised word is part of a place.)
  while (
    tokens.length > 0 &&
    NOT_NAME_START.has(tokens[0]!.toLowerCase().replace(/\.$/, '')) &&
    !HONORIFICS.has(tokens[0]!.toLowerCase()) &&
    !(tokens[0] === 'New' && /^\p{Lu}/u.test(tokens[1] ?? ''))
  )
    tokens.shift();
  let k = TITLE_PREFIX(tokens);
  // "Accountant Tom Reyes", "Economist Jane Smith": an occupation capitalised at the start of a
  // sentence is a title before the name, not a first name.
  if (k === 0 && tokens.length >= 3 && isOccupation(tokens[0]!)) k = 1;
  // "Martin Luther King Jr.": a generational suffix belongs to the name; "King" before it is no title.
  const last = /^(?:Jr|Sr|II|III|IV)\.?$/.test(tokens.at(-1) ?? '') ? tokens.length - 2 : tokens.length - 1;
  for (let i = last - 1; i >= k; i--) {
    const t = tokens[i]!.toLowerCase();
    // "Ursula von der Leyen", "Mohammed bin Salman": lower-case particles inside a name.
    // ("de Blasio": a particle opening the name before a capitalised word is its first word.)
    if (NAME_PARTICLES.has(tokens[i]!) && (i > k || /^\p{Lu}/u.test(tokens[i + 1] ?? ''))) continue;
    // ("16-year-old Xander Wise": an age is no part of a name either.)
    if (TITLE_HEADS.has(t) || HONORIFICS.has(t) || /^\p{Ll}|^\d/u.test(tokens[i]!)) {
      k = i + 1;
      break;
    }
  }
  // "(Secretary of) State Hillary Clinton": title words before a known first name are no part of
  // the name; "Priya Marie Cerato" keeps a given name the tagger lacks.
  if (tokens.length - k >= 3 && genderOfPersonName(tokens[k]!) === null) {
    const first = tokens.findIndex((t, i) => i > k && i < tokens.length - 1 && genderOfFirstName(t) !== null);
    const of = tokens.indexOf('of');
    const titledOf = of > 0 && of < first && TITLE_WORDS.has(tokens[of - 1]!.toLowerCase());
    if (first > k && (titledOf || (of < 0 && first === k + 1 && k === 0))) k = first;
  }
  // "Palm Beach County Supervisor of Elections Susan Bucher": a known first name after a title
  // (or a lower-case word), with one or two words after it, starts the name.
  if (tokens.length - k >= 4) {
    const first = tokens.findLastIndex((t, i) => i >= k + 2 && i >= tokens.length - 3 && i < tokens.length - 1 && genderOfFirstName(t) !== null);
    const titled =
      (k > 0 && /^\p{Ll}/u.test(tokens[k - 1] ?? '')) || tokens.slice(k, first).some((t) => /^\p{Ll}/u.test(t) || TITLE_WORDS.has(t.toLowerCase()));
    if (first > k && titled && tokens.slice(first + 1).every((t) => /^\p{Lu}/u.test(t))) k = first;
  }
  if (isOrgNameJoined(tokens, k)) k = 0;
  return { title: tokens.slice(0, k), name: tokens.slice(k) };
}

/**
 * "Center for Strategic and International Studies", "Department of Health and Human Services": an
 * organisation's name joined by "for", "of" or "and" is one name, not a title before a person
 * called "International Studies". A person's name after a title keeps its first name.
 */
function isOrgNameJoined(tokens: readonly string[], k: number): boolean {
  const before = tokens.slice(0, k);
  return (
    k > 0 &&
    /^(?:for|of|and)$/.test(tokens[k - 1] ?? '') &&
    ORG_WORDS.test(before.join(' ')) &&
    genderOfFirstName(tokens[k] ?? '') === null &&
    before.every((t) => /^\p{Lu}/u.test(t) || /^(?:for|of|and|the)$/.test(t))
  );
}

const NOT_NAME_TAGS = ['Adverb', 'Conjunction', 'Preposition', 'Determiner', 'Pronoun', 'Adjective', 'Verb', 'Gerund'];
const NON_PERSON_TAGS = ['Place', 'Organization', 'Acronym', 'Country', 'City'];

export function tagsOf(tags: ReadonlyMap<number, TaggedTerm>, offset: number): ReadonlySet<string> {
  return tags.get(offset)?.tags ?? new Set<string>();
}

/** Drop words at the front of a run that the tagger reads as adverbs, verbs and the like ("Finally Demi"). */
export function trimRun(run: string, at: number, tags: ReadonlyMap<number, TaggedTerm>): { run: string; at: number } {
  let r = run;
  let a = at;
  for (;;) {
    const first = /^\S+\s+/.exec(r);
    if (!first) break;
    const t = tagsOf(tags, a);
    // "Foreign Minister Andrii Sybiha": title words stay, whatever the tagger calls them.
    if (t.has('Person') || t.has('Honorific') || TITLE_WORDS.has(first[0].trim().toLowerCase()) || !NOT_NAME_TAGS.some((x) => t.has(x))) break;
    r = r.slice(first[0].length);
    a += first[0].length;
  }
  return { run: r, at: a };
}

/**
 * The words trimmed from the front of a titled run that modify its title: "British", "South
 * Korean" (adjectives, or a compass point before one); never "The", "But" or "Meanwhile".
 */
export function modifiersOfTitle(lead: string, at: number, tags: ReadonlyMap<number, TaggedTerm>): string {
  const words = wordOffsets(lead.trimEnd(), at).map((o) => ({ o, w: tags.get(o)?.text ?? '' }));
  let from = words.length;
  for (const { o, w } of [...words].reverse()) {
    const adjective = tagsOf(tags, o).has('Adjective') || /^(?:North|South|East|West|Northern|Southern|Eastern|Western)$/.test(w);
    if (!/^\p{Lu}\p{Ll}/u.test(w) || !adjective || NOT_NAME_START.has(w.toLowerCase())) break;
    from--;
  }
  return words
    .slice(from)
    .map((x) => x.w)
    .join(' ');
}

export function looksLikePerson(name: readonly string[], title: readonly string[], offsets: readonly number[], tags: ReadonlyMap<number, TaggedTerm>): boolean {
  if (name.length < 2 || name.length > 4) return false;
  const text = name.join(' ');
  if (hasOrgWord(name) || ORG_TYPE.test(text)) return false;
  if (name.some((t) => /^\p{Lu}{2,}$/u.test(t) && t.length > 3)) return false;
  const termTags = offsets.map((o) => tagsOf(tags, o));
  // "Premier Tavin Ford": a title before a first name in no list, though the tagger knows "Ford" as a company.
  if (title.length > 0 && !NON_PERSON_TAGS.some((x) => termTags[0]?.has(x))) return true;
  // "Premier Zoreta Ford": the tagger reads the whole run as the company, the unknown first name
  // included; after a post (not a bare "Mr."), the run is the post's holder.
  const post = title.some((t) => TITLE_WORDS.has(t.toLowerCase()) && !HONORIFICS.has(t.toLowerCase()));
  if (post && termTags.every((t) => t.has('Organization')) && !['Place', 'Acronym', 'Country', 'City'].some((x) => termTags[0]?.has(x))) return true;
  if (isPlaceLike(offsets, tags)) return false;
  if (title.length > 0) return true;
  if (termTags.some((t) => t.has('Person'))) return true;
  const [first = '', ...rest] = name;
  if (genderOfFirstName(first) !== null) return true;
  // "Navdeep Gill", "Priya Raman": a given name the tagger lacks, from the name lists, in a run that
  // reads as no place or organisation, with a surname after it (not "Sirius XM").
  return genderOfPersonName(first) !== null && rest.every((t) => /^\p{Lu}\p{Ll}/u.test(t) || NAME_PARTICLES.has(t));
}

/** "Statistics Canada", "Cambridge": the tagger reads the run as a place or organisation, not a first name. */
export function isPlaceLike(offsets: readonly number[], tags: ReadonlyMap<number, TaggedTerm>): boolean {
  const first = tagsOf(tags, offsets[0] ?? -1);
  if (first.has('FirstName') || first.has('Honorific')) return false;
  // "Hugh Hill": in context the tagger may read a surname as a place; a known first name wins.
  const word = tags.get(offsets[0] ?? -1)?.text;
  // ("Navdeep Ford": a given name from the lists too, when the tagger reads that word itself as no
  // place, and the words after it as surnames: not "Nova Scotia", "Sirius XM".)
  const surnames = () => offsets.slice(1).every((o) => /^\p{Lu}\p{Ll}/u.test(tags.get(o)?.text ?? ''));
  const listed = () =>
    word !== undefined && genderOfPersonName(word) !== null && !['Place', 'Country', 'City', 'Acronym'].some((x) => first.has(x)) && surnames();
  if (offsets.length > 1 && word && (genderOfFirstName(word) !== null || listed())) return false;
  return offsets.some((o) => {
    const t = tagsOf(tags, o);
    return !t.has('Person') && NON_PERSON_TAGS.some((x) => t.has(x));
  });
}

/** The text with every quotation blanked to spaces (same length, so offsets still hold). */
export function blankQuotes(text: string): string {
  return text.replace(/[“"][^”"]*[”"]/g, (q) => ' '.repeat(q.length));
}

/** The lower-case word right before `index` ("finance minister| Bill Morneau"), if any. */
export function wordBefore(text: string, index: number): string | undefined {
  return /(?:^|\s)(\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, index - 30), index))?.[1];
}

/** "X, the board's chair, said she …": the speaker right after a name is referred to as he or she. */
export function pronounFollows(text: string, end: number): boolean {
  return /^(?:,[^,.;“”"]{1,80},)?\s+(?:\p{Ll}+\s+)?(?:said|says|told|added|explained|noted)\s+(?:that\s+)?(?:he|she)\b/u.test(text.slice(end, end + 140));
}

/** The first third-person pronoun after `end`, outside quotes, and the words before it. */
function firstPronoun(text: string, end: number): { pronoun: string; before: string } | null {
  const rest = blankQuotes(text.slice(end, end + 300));
  const m = /\b(he|she|him|her|his|hers|it|its|they|their|them)\b/i.exec(rest);
  return m ? { pronoun: m[1]!.toLowerCase(), before: rest.slice(0, m.index) } : null;
}

const genderOfPronoun = (p: string): 'm' | 'f' | null => (/^(?:he|him|his)$/.test(p) ? 'm' : /^(?:she|her|hers)$/.test(p) ? 'f' : null);

/** The first third-person pronoun after `end` in the paragraph, outside quotes: "she"/"he" (m/f) or null for "it"/"they"/none. */
export function personPronounNext(text: string, end: number): 'm' | 'f' | null {
  const next = firstPronoun(text, end);
  return next ? genderOfPronoun(next.pronoun) : null;
}

/**
 * As personPronounNext, but null when another capitalised pair of words ("Mitch McConnell") comes
 * before the pronoun: it may be theirs.
 */
export function ownPronounNext(text: string, end: number): 'm' | 'f' | null {
  const next = firstPronoun(text, end);
  return next && !/\p{Lu}[\p{L}'’.-]+\s+\p{Lu}[\p{L}'’.-]+/u.test(next.before) ? genderOfPronoun(next.pronoun) : null;
}

/** A name after a lower-case word or comma, followed by a verb: "…, Mulder didn't hesitate". */
export function actsMidSentence(text: string, at: number, run: string, tags: ReadonlyMap<number, TaggedTerm>): boolean {
  if (!/[\p{Ll},]\s+$/u.test(text.slice(Math.max(0, at - 3), at))) return false;
  const next = /^\s+(\S)/u.exec(text.slice(at + run.length));
  if (!next) return false;
  const tagsNext = tagsOf(tags, at + run.length + next[0].length - 1);
  return tagsNext.has('Verb') || tagsNext.has('Auxiliary') || tagsNext.has('Modal');
}

export function wordOffsets(run: string, at: number): number[] {
  return [...run.matchAll(/\S+/g)].map((m) => at + (m.index ?? 0));
}

/** One word that names an organisation's type ("Party", "Council"). */
export const ORG_TYPE_WORD = new RegExp(`^(?:${ORG_TYPE.source})$`);

/** The capitalised name run at the start of a string. */
export const NAME_RUN_AT = new RegExp(`^(?:${NAME_RUN.source})`, 'u');
