/**
 * Attributing speakers: turn each mention ("he", "Umerov", "his Security Council chief") into the
 * people the story names in full, with the role it gives them. When a mention cannot be resolved
 * with confidence the quotation keeps no speaker rather than a guessed one.
 */
import {
  AFTER_HEAD,
  ANONYMOUS_HEADS,
  COMPANY_HEAD,
  GENERIC_BODY_HEAD,
  HONORIFICS,
  MEMBER_NOUN,
  NOT_NAME_START,
  POSSESSIVE_SUBJECT,
  PRONOUNS,
  TITLE_HEADS,
  TITLE_WORDS,
  WEEKDAY,
  WORK_NOUN,
} from './lexicon.ts';
import { ANONYMOUS_QUALIFIER, cleanRole, isNominalHead, isRoleHolderHead, NAME_PARTICLES } from './mentions.ts';
import type { Mention } from './mentions.ts';
import { isOccupation, genderOfFirstName, lazyTagIndex, type TaggedTerm } from './nlp.ts';
import { documentAuthor, DOCUMENT_NOUN, findDocumentAuthors, NOT_AUTHOR, type DocumentAuthor } from './documents.ts';
import {
  buildOrgIndex,
  fullestOrg,
  headForms,
  ORG_TYPE,
  isProperName,
  latestOrg,
  mainOrg,
  orgByHead,
  orgMentionOf,
  type OrgIndex,
  type OrgMention,
} from './orgs.ts';
import { findQuoteSpans, splitSentences } from './split.ts';
import type { ResolverId } from './rules.ts';
import type { AttributionKind, Speaker } from './types.ts';

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
const NAME_RUN =
  /(?:(?:\p{Lu}\.)+|(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Sgt|Cpl|Const|Det|Insp|Supt|Prof|Rev|Hon)\.|\p{Lu}[\p{L}'’-]*)(?:(?<!\p{L}['’]s)\s+(?:(?:\p{Lu}\.)+|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr)\.|\p{Lu}[\p{L}'’-]*|de|da|del|van|von|der|den|la|le|du|al|bin|el|di)(?![\p{L}]))*/gu;

const ORG_WORDS =
  /\b(?:Ministry|Council|University|College|Court|Party|Agency|Inc|Ltd|Corp|Press|News|Police|Department|Government|Union|Association|Federation|Commission|Committee|Institute|Centre|Center|Service|Services|Bank|Group|Company|Agreement|Agreements|Act|Bill|Office|Board|Authority|Foundation|Initiative|Project|Partnership|Caucus|Consortium|Institution|Academy|Museum|Forum|Network|Club|Team|League|Hospital|School|Church|Force|Forces|Army|Navy|Embassy|House|Senate|Parliament|Assembly|Congress|Times|Post|Journal|Globe|Star|Mail|Herald|Tribune|Radio|TV|Telegram|Twitter|Facebook|Airlines|Airport|Station|Region|Province|State|City|County|Republic|Kingdom|Emirates|Street|Avenue|Square|Highway|Road|Bridge|Park|Arena|Lake|River|Island|Valley|Line|Route|Channel|Airways|Motors|Technologies|Systems|Media|Day|Year|Christmas|Brigade)\b/;

const TITLE_PREFIX = (tokens: readonly string[]): number => {
  let k = 0;
  while (k < tokens.length - 1 && (TITLE_WORDS.has(tokens[k]!.toLowerCase()) || HONORIFICS.has(tokens[k]!.toLowerCase()))) k++;
  return k;
};

/** The gender of the first honorific in a title ("Mrs." → f), or null when there is none. */
function honorificGenderOf(title: readonly string[]): 'm' | 'f' | null {
  for (const t of title) {
    const g = HONORIFICS.get(t.toLowerCase());
    if (g) return g;
  }
  return null;
}

function roleOfTitle(title: readonly string[]): string | null {
  const role = title.filter((t) => !HONORIFICS.has(t.toLowerCase())).join(' ');
  return role === '' ? null : role;
}

/**
 * Split a capitalised run into its role part and the name: "Veterans Affairs Minister Seamus O'Regan"
 * → role "Veterans Affairs Minister", name "Seamus O'Regan". The name follows the last title word.
 */
export function splitName(run: string): { title: string[]; name: string[] } {
  // "Sen. Richard Shelby of Alabama": the place after "of" is not part of the name.
  const ofPlace = /^(.*?\p{Lu}[\p{L}'’.-]*\s+\p{Lu}[\p{L}'’.-]*)\s+(?:of|from)\s+\p{Lu}.*$/u.exec(run);
  // "Former Secretary of State Hillary Clinton": "of" inside a title, not before a place.
  const titleOf = ofPlace?.[1] !== undefined && TITLE_WORDS.has(ofPlace[1].split(/\s+/).at(-1)!.toLowerCase());
  const base = ofPlace?.[1] && !ORG_WORDS.test(run) && !titleOf ? ofPlace[1] : run;
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
    if (NAME_PARTICLES.has(tokens[i]!) && i > k) continue;
    // ("16-year-old Xander Wise": an age is no part of a name either.)
    if (TITLE_HEADS.has(t) || HONORIFICS.has(t) || /^\p{Ll}|^\d/u.test(tokens[i]!)) {
      k = i + 1;
      break;
    }
  }
  // "Secretary of State Hillary Clinton", "(Minister of) State Hillary Clinton": the words of a
  // title before a known first name are not part of the name.
  if (tokens.length - k >= 3 && genderOfFirstName(tokens[k]!) === null) {
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
  return { title: tokens.slice(0, k), name: tokens.slice(k) };
}

const NOT_NAME_TAGS = ['Adverb', 'Conjunction', 'Preposition', 'Determiner', 'Pronoun', 'Adjective', 'Verb', 'Gerund'];
const NON_PERSON_TAGS = ['Place', 'Organization', 'Acronym', 'Country', 'City'];

function tagsOf(tags: ReadonlyMap<number, TaggedTerm>, offset: number): ReadonlySet<string> {
  return tags.get(offset)?.tags ?? new Set<string>();
}

/** Drop words at the front of a run that the tagger reads as adverbs, verbs and the like ("Finally Demi"). */
function trimRun(run: string, at: number, tags: ReadonlyMap<number, TaggedTerm>): { run: string; at: number } {
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

function looksLikePerson(name: readonly string[], title: readonly string[], offsets: readonly number[], tags: ReadonlyMap<number, TaggedTerm>): boolean {
  if (name.length < 2 || name.length > 4) return false;
  const text = name.join(' ');
  if (ORG_WORDS.test(text) || ORG_TYPE.test(text)) return false;
  if (name.some((t) => /^\p{Lu}{2,}$/u.test(t) && t.length > 3)) return false;
  const termTags = offsets.map((o) => tagsOf(tags, o));
  if (isPlaceLike(offsets, tags)) return false;
  if (title.length > 0) return true;
  if (termTags.some((t) => t.has('Person'))) return true;
  return genderOfFirstName(name[0]!) !== null;
}

/** "Statistics Canada", "Cambridge": the tagger reads the run as a place or organisation, not a first name. */
function isPlaceLike(offsets: readonly number[], tags: ReadonlyMap<number, TaggedTerm>): boolean {
  const first = tagsOf(tags, offsets[0] ?? -1);
  if (first.has('FirstName') || first.has('Honorific')) return false;
  // "Hugh Hill": in context the tagger may read a surname as a place; a known first name wins.
  const word = tags.get(offsets[0] ?? -1)?.text;
  if (offsets.length > 1 && word && genderOfFirstName(word) !== null) return false;
  return offsets.some((o) => {
    const t = tagsOf(tags, o);
    return !t.has('Person') && NON_PERSON_TAGS.some((x) => t.has(x));
  });
}

/** The text with every quotation blanked to spaces (same length, so offsets still hold). */
function blankQuotes(text: string): string {
  return text.replace(/[“"][^”"]*[”"]/g, (q) => ' '.repeat(q.length));
}

/** The lower-case word right before `index` ("finance minister| Bill Morneau"), if any. */
function wordBefore(text: string, index: number): string | undefined {
  return /(?:^|\s)(\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, index - 30), index))?.[1];
}

/** "X, the board's chair, said she …": the speaker right after a name is referred to as he or she. */
function pronounFollows(text: string, end: number): boolean {
  return /^(?:,[^,.;“”"]{1,80},)?\s+(?:\p{Ll}+\s+)?(?:said|says|told|added|explained|noted)\s+(?:that\s+)?(?:he|she)\b/u.test(text.slice(end, end + 140));
}

/** The first third-person pronoun after `end` in the paragraph, outside quotes: "she"/"he" (m/f) or null for "it"/"they"/none. */
function personPronounNext(text: string, end: number): 'm' | 'f' | null {
  const rest = blankQuotes(text.slice(end, end + 300));
  const m = /\b(he|she|him|her|his|hers|it|its|they|their|them)\b/i.exec(rest);
  if (!m) return null;
  const p = m[1]!.toLowerCase();
  return /^(?:he|him|his)$/.test(p) ? 'm' : /^(?:she|her|hers)$/.test(p) ? 'f' : null;
}

/** A name after a lower-case word or comma, followed by a verb: "…, Mulder didn't hesitate". */
function actsMidSentence(text: string, at: number, run: string, tags: ReadonlyMap<number, TaggedTerm>): boolean {
  if (!/[\p{Ll},]\s+$/u.test(text.slice(Math.max(0, at - 3), at))) return false;
  const next = /^\s+(\S)/u.exec(text.slice(at + run.length));
  if (!next) return false;
  const tagsNext = tagsOf(tags, at + run.length + next[0].length - 1);
  return tagsNext.has('Verb') || tagsNext.has('Auxiliary') || tagsNext.has('Modal');
}

function wordOffsets(run: string, at: number): number[] {
  return [...run.matchAll(/\S+/g)].map((m) => at + (m.index ?? 0));
}

/**
 * Collect the people a story names in full, with roles ("President", "security chief") and
 * gender where the story or the first name tells it.
 */
export function collectPeople(paragraphs: readonly string[], speakerNames: ReadonlySet<string> = new Set()): PeopleIndex {
  const people = new Map<string, Person>();
  const names: string[][] = [];
  const orgs: OrgMention[] = [];
  // Surnames of the story's longer names ("Chrystia Freeland"): a lone "Freeland" is one of those.
  const inLongerNames = new Set<string>();
  // First words of the story's longer names: "Kody" is Kody Cook's.
  const firstNames = new Set<string>();
  for (const text of paragraphs)
    for (const raw of text.matchAll(NAME_RUN)) {
      // The surname of a longer name; "Finally Demi" is an adverb and a name.
      const words = splitName(raw[0]).name;
      if (words.length > 1 && !/ly$/.test(words[0]!) && !NOT_NAME_START.has(words[0]!.toLowerCase())) {
        inLongerNames.add(words[words.length - 1]!);
        firstNames.add(words[0]!);
      }
    }
  // How often each one-word name appears mid-sentence (not where any sentence would capitalise it).
  const midSentence = new Map<string, number>();
  for (const text of paragraphs)
    for (const raw of text.matchAll(/(?<=[\p{Ll},]\s+)\p{Lu}[\p{Ll}]+(?:['’]s)?(?![\p{L}'’-]|\s+\p{Lu})/gu)) {
      const word = raw[0].replace(/['’]s$/u, '');
      midSentence.set(word, (midSentence.get(word) ?? 0) + 1);
    }
  paragraphs.forEach((text, p) => {
    const tags = lazyTagIndex(text);
    for (const raw of text.matchAll(NAME_RUN)) names.push(splitName(trimRun(raw[0], raw.index ?? 0, tags).run).name);
    for (const raw of text.matchAll(NAME_RUN)) {
      // "finance minister Bill Morneau": after a lower-case title the run is a name, whatever the
      // tagger makes of "Bill".
      const afterTitle = TITLE_WORDS.has(wordBefore(text, raw.index ?? 0) ?? '');
      const trimmed = afterTitle && /\s/.test(raw[0]) ? { run: raw[0], at: raw.index ?? 0 } : trimRun(raw[0], raw.index ?? 0, tags);
      const m = { 0: trimmed.run, index: trimmed.at };
      const { title, name } = splitName(m[0]);
      if (name.length === 0) continue;
      const key = name.join(' ');
      const offset = (m.index ?? 0) + m[0].indexOf(name[0]!);
      let person = people.get(key);
      if (!person) {
        const nameOffsets = wordOffsets(m[0], m.index).slice(-name.length);
        // "Moyra Baxter, the board's chair, said she …": the tagger may know the surname as a
        // company, but a speaker the story calls "she" is a person.
        const placeLike = isPlaceLike(nameOffsets, tags) && !(name.length >= 2 && speakerNames.has(key) && pronounFollows(text, m.index + m[0].length));
        const titled = title.some((t) => TITLE_WORDS.has(t.toLowerCase()) && !HONORIFICS.has(t.toLowerCase()));
        const isPerson =
          // "finance minister Bill Morneau": a lower-case title right before a two-word name.
          (name.length >= 2 && name.length <= 4 && afterTitle && !ORG_TYPE.test(key)) ||
          // ("General Motors" is a company the tagger knows, not a general.)
          (name.length === 1 && titled && speakerNames.has(key) && !nameOffsets.some((o) => tagsOf(tags, o).has('Organization'))) ||
          // "Demi decided to step up her campaign … she said": a one-word speaker the story goes on
          // to call "she" or "he" (before any "it") is a person, known first name or not.
          (name.length === 1 &&
            speakerNames.has(key) &&
            !inLongerNames.has(key) &&
            /^\p{Lu}\p{Ll}/u.test(key) &&
            !/s$/.test(key) &&
            !isNominalHead(key.toLowerCase()) &&
            !ORG_WORDS.test(key) &&
            !nameOffsets.some((o) => tagsOf(tags, o).has('Organization') || tagsOf(tags, o).has('Place')) &&
            personPronounNext(text, m.index + m[0].length) !== null) ||
          // "…, Mulder didn't hesitate. “It's this for sure,” he said.": a one-word name mid-sentence
          // that does something, and that the story goes on to call "he" or "she".
          (name.length === 1 &&
            actsMidSentence(text, m.index, m[0], tags) &&
            !inLongerNames.has(key) &&
            !firstNames.has(key) &&
            /^\p{Lu}\p{Ll}+$/u.test(key) &&
            !/s$/.test(key) &&
            (tagsOf(tags, nameOffsets[0]!).has('Person') || !isNominalHead(key.toLowerCase())) &&
            !ORG_WORDS.test(key) &&
            !ORG_TYPE.test(key) &&
            !nameOffsets.some((o) => ['Organization', 'Place', 'Adjective', 'Plural'].some((t) => tagsOf(tags, o).has(t))) &&
            personPronounNext(`${text.slice(m.index + m[0].length)}\n${paragraphs[p + 1] ?? ''}`, 0) !== null) ||
          // ("Civic Action", "Veterans Affairs": a first word the tagger reads as an adjective or a
          // plural is no first name.)
          (name.length >= 2 &&
            name.length <= 4 &&
            !placeLike &&
            (speakerNames.has(key) || speakerNames.has(name[name.length - 1]!)) &&
            !ORG_WORDS.test(key) &&
            !['Adjective', 'Plural'].some((t) => tagsOf(tags, nameOffsets[0]!).has(t))) ||
          looksLikePerson(name, title, nameOffsets, tags);
        if (!isPerson) {
          // "City of Surrey", "Parole Board of Canada": an organisation's name runs on past "of".
          const of = /^\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’&.-]*(?:\s+\p{Lu}[\p{L}'’&.-]*){0,4}/u.exec(text.slice(m.index + m[0].length));
          // "Procter & Gamble", "Johnson & Johnson": an ampersand joins one name.
          // "Securities and Exchange Commission", "Heart and Stroke Foundation": "and" inside a
          // name that ends in an organisation word.
          const amp =
            /^\s+&\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}/u.exec(text.slice(m.index + m[0].length)) ??
            new RegExp(String.raw`^\s+and\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}?\s+${ORG_TYPE.source.slice(2, -2)}\b`, 'u').exec(
              text.slice(m.index + m[0].length),
            );
          if (/\p{Lu}[\p{L}'’.-]*\s+(?:&|and)\s+$/u.test(text.slice(Math.max(0, m.index - 40), m.index)) && ORG_TYPE.test(m[0])) continue;
          if (/\p{Lu}[\p{L}'’.-]*\s+&\s+$/u.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
          // "UFCW Local 832": a union local keeps its number.
          const local = /\bLocal$/.test(m[0]) ? /^\s+\d+\b/.exec(text.slice(m.index + m[0].length)) : null;
          const run = local
            ? m[0] + local[0]
            : amp
              ? m[0] + amp[0]
              : of && (ORG_TYPE.test(m[0]) || /\b(?:City|Town|Township|County|Province|State|District|Region|Municipality|Village|Republic)$/.test(m[0]))
                ? m[0] + of[0].replace(/[.]$/, '')
                : m[0];
          const words = wordOffsets(m[0], m.index);
          // "Tesla" named again and again mid-sentence, never as anyone's surname: a body the story is about.
          const recurring = name.length === 1 && (midSentence.get(key) ?? 0) >= 3 && !inLongerNames.has(key) && genderOfFirstName(key) === null;
          const org = orgMentionOf(
            run,
            p,
            m.index,
            words.map((o) => tagsOf(tags, o)),
            speakerNames.has(key) || recurring,
          );
          if (org) orgs.push(org);
          continue;
        }
        person = { name: key, tokens: name, role: null, gender: null, occurrences: [], chain: [], named: 0, titles: new Set(), age: null };
        people.set(key, person);
      }
      const sentenceStart = /(?:^|[.!?]["”]?\s+)$/.test(text.slice(Math.max(0, (m.index ?? 0) - 3), m.index ?? 0)) || (m.index ?? 0) === 0;
      person.occurrences.push({ paragraph: p, offset, subject: sentenceStart });
      person.named++;
      const age = /^,\s*(\d{1,3})\s*[,.;)]/.exec(text.slice(m.index + m[0].length));
      if (age) person.age ??= Number(age[1]);
      for (const t of title) if (TITLE_WORDS.has(t.toLowerCase()) && !HONORIFICS.has(t.toLowerCase())) person.titles.add(t.toLowerCase());
      // "Former Secretary of State Hillary Clinton": the run starts after "of"; the title began before it.
      const titledOf =
        title.length > 0 ? /((?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}.'’-]*)\s+of\s+$/u.exec(text.slice(Math.max(0, m.index - 60), m.index)) : null;
      if (!person.role && titledOf && TITLE_WORDS.has(titledOf[1]!.split(/\s+/).at(-1)!.toLowerCase())) person.role = `${titledOf[1]} of ${roleOfTitle(title)}`;
      if (!person.role) person.role = roleOfTitle(title);
      person.gender ??= honorificGenderOf(title);
      if (!person.role) person.role = roleAround(text, m.index ?? 0, m[0].length);
    }
  });
  // Later mentions by surname or honorific ("Umerov", "Mr. Hemming") count as occurrences too.
  paragraphs.forEach((text, p) => {
    for (const m of text.matchAll(NAME_RUN)) {
      const { title, name } = splitName(m[0]);
      // "Xander Wise" for "Alexander Wise": a short form of the first name with the same surname.
      if (name.length === 2 && !people.has(name.join(' '))) {
        shortFormOf([...people.values()], name)?.occurrences.push({ paragraph: p, offset: (m.index ?? 0) + m[0].indexOf(name[0]!), subject: false });
        continue;
      }
      if (name.length !== 1) continue;
      const offset = (m.index ?? 0) + m[0].indexOf(name[0]!);
      // "Mr. Clinton" after "Hillary Clinton" is someone else: an honorific's gender must agree
      // with the first name's, and makes the word a surname.
      const said = honorificGenderOf(title);
      const agreeing = [...people.values()].filter((x) => !said || x.tokens.length < 2 || (genderOfFirstName(x.tokens[0]!) ?? said) === said);
      const owner = bestByTokens(agreeing, name, { paragraph: p, offset }, undefined, said !== null);
      if (!owner) continue;
      const sentenceStart = (m.index ?? 0) === 0 || /[.!?]["”]?\s+$/.test(text.slice(Math.max(0, (m.index ?? 0) - 3), m.index ?? 0));
      owner.occurrences.push({ paragraph: p, offset, subject: sentenceStart });
      for (const t of title) if (TITLE_WORDS.has(t.toLowerCase()) && !HONORIFICS.has(t.toLowerCase())) owner.titles.add(t.toLowerCase());
      owner.gender ??= honorificGenderOf(title);
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
    target.named += person.named;
    for (const t of person.titles) target.titles.add(t);
    people.delete(key);
  }
  for (const person of people.values()) {
    person.occurrences.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset);
    person.gender ??= genderOfFirstName(person.tokens[0]!);
  }
  const all = [...people.values()];
  markSubjects(all, paragraphs);
  inferGender(all, paragraphs);
  chainPronouns(all, paragraphs);
  // "Baxter" alone may read as a company to the tagger; it is the person the story named.
  const personWords = new Set(all.flatMap((p) => p.tokens));
  const named = orgs.filter((o) => !o.words.every((w) => personWords.has(w)));
  return { people: all, names, orgs: buildOrgIndex(named, paragraphs), documents: findDocumentAuthors(paragraphs), paragraphs };
}

/**
 * A person is a sentence's subject when they are the first person it names outside quotation
 * marks: "Speaking in Vaughan on Thursday, Trudeau denied …" makes Trudeau the subject.
 */
function markSubjects(people: readonly Person[], paragraphs: readonly string[]): void {
  paragraphs.forEach((text, p) => {
    const spans = findQuoteSpans(text);
    const occs = people.flatMap((person) => person.occurrences.filter((o) => o.paragraph === p));
    for (const sentence of splitSentences(text, spans)) {
      const inside = occs.filter((o) => o.offset >= sentence.start && o.offset < sentence.end).sort((a, b) => a.offset - b.offset);
      const credits = [...text.matchAll(CREDIT_LINE)].map((c) => ({ start: c.index, end: c.index + c[0].length }));
      inside.forEach((o) => {
        o.subject = false;
        o.aside = [...spans, ...credits].some((q) => o.offset > q.start && o.offset < q.end);
      });
      const outside = inside.filter((o) => !spans.some((q) => o.offset > q.start && o.offset < q.end) && !isModifierUse(text, o.offset));
      const first = mainClauseFirst(text, sentence.start, sentence.end, outside);
      // "It's something she said … letter to Fleming": a pronoun came first and is the subject.
      const lead = first ? blankQuotes(text.slice(sentence.start, first.offset)) : '';
      // "That includes a text message that Jose Maria Olazabal sent to Poulter": a name inside a
      // relative clause is not what the sentence is about.
      if (first && !/\b(?:he|she|they)\b/i.test(lead) && !/\b(?:that|which|whom|whose)\b/i.test(lead)) first.subject = true;
    }
  });
}

/** A photo credit or caption credit left in the body: "(Jane Roe / Outlet News)", "(Photo: Jane Roe)". */
const CREDIT_LINE = /\((?:[^()]*\s\/\s[^()]*|(?:Photo|Image|Credit|Photograph|Picture|Video)\b[^()]*)\)/giu;

/** Openings of a subordinate clause: "Although Patel had voted for it, …", "Unlike Mayor Diaz, …". */
const SUBORDINATE_OPENING =
  /^(?:Although|Though|While|Whereas|Unlike|When|Whenever|After|Before|Because|Since|If|Unless|Despite|Once|Until|Like|Even though|Even as|Even if)\b/;

/**
 * The first person a sentence names in its main clause. "Although Patel had voted for the plan,
 * Tom Diaz was furious": Tom Diaz, not Patel. When the main clause opens on anything but a name
 * ("When Smith arrived, he said …", "Though Ms. Roe has …, the rent has risen, she said") the name
 * in the opening clause is what a later pronoun stands for, and stays.
 */
function mainClauseFirst<T extends { offset: number }>(text: string, start: number, end: number, occs: readonly T[]): T | undefined {
  const first = occs[0];
  if (!first) return undefined;
  const lead = text.slice(start, first.offset).trimStart();
  if (!SUBORDINATE_OPENING.test(lead) || lead.includes(',')) return first;
  const comma = text.indexOf(',', first.offset);
  if (comma < 0 || comma >= end) return first;
  // Only a person named right after the comma ("…, Councillor Sarah Patel wanted …") is the main
  // clause's subject; "Though Ms. Olivieri has …, the influx … has led to …, she said" keeps her.
  const main = occs.find((o) => o.offset > comma && /^\s*(?:[\p{L}.'’-]+\s+){0,3}$/u.test(text.slice(comma + 1, o.offset)));
  return main ?? first;
}

/** "any Trump supporter", "the Trudeau government": a name used as a modifier is no one's mention as a subject. */
function isModifierUse(text: string, offset: number): boolean {
  if (!/\b(?:a|an|the|any|every|some|no|this|that|these|those|another)\s+$/i.test(text.slice(Math.max(0, offset - 10), offset))) return false;
  const run = NAME_RUN_AT.exec(text.slice(offset))?.[0] ?? '';
  return run !== '' && /^\s+\p{Ll}/u.test(text.slice(offset + run.length));
}

/** "She", "But she", "After Kody died, she" opening a sentence; the pronoun is group 1. */
const PRONOUN_OPENING = /^(?:(?:But|And|Then|So|Still|Now|Later|Instead|Yet|Meanwhile)\s+|[^,“”"]{1,60},\s+)?(he|she|his|her)\b/i;

/**
 * Narration keeps talking about a person without naming them: "She used to have a shrine … After
 * Kody died, she urged police … But she persisted." Each such sentence extends the person's reach,
 * so a "she says" seven paragraphs after the name still finds them, and nobody else.
 */
function chainPronouns(people: readonly Person[], paragraphs: readonly string[]): void {
  const index = { people, orgs: { mentions: [], acronyms: new Map() }, names: [] };
  paragraphs.forEach((text, p) => {
    const spans = findQuoteSpans(text);
    for (const sentence of splitSentences(text, spans)) {
      const m = PRONOUN_OPENING.exec(text.slice(sentence.start, sentence.end));
      if (!m || m.index !== 0) continue;
      const offset = sentence.start + m[0].length - m[1]!.length;
      if (spans.some((q) => offset >= q.start && offset < q.end)) continue;
      // A name before the pronoun in the same sentence is what it refers to; the name already counts.
      if (people.some((x) => x.occurrences.some((o) => o.paragraph === p && o.offset >= sentence.start && o.offset < offset))) continue;
      const g = /^(?:he|his)$/i.test(m[1]!) ? 'm' : 'f';
      const person = resolveReference(index, g, { paragraph: p, offset }, []);
      if (person && person.gender === g) person.chain.push({ paragraph: p, offset });
    }
  });
}

/** Gender from the pronouns that follow a person's mentions before anyone else is named. */
function inferGender(people: readonly Person[], paragraphs: readonly string[]): void {
  const occs = people
    .flatMap((person) => person.occurrences.map((o) => ({ person, o })))
    .sort((a, b) => a.o.paragraph - b.o.paragraph || a.o.offset - b.o.offset);
  // A sentence's subject is what its pronouns refer to; "a letter to Fleming. She said …" is not
  // about Fleming. Mentions elsewhere vote only when a person is never a subject.
  const votes = new Map<Person, { m: number; f: number }>();
  const weak = new Map<Person, { m: number; f: number }>();
  occs.forEach(({ person, o }, i) => {
    if (person.gender !== null) return;
    const tally = o.subject ? votes : weak;
    const next = occs[i + 1];
    const end = next && next.o.paragraph === o.paragraph ? next.o.offset : undefined;
    let window = paragraphs[o.paragraph]!.slice(o.offset, end);
    if (!next || next.o.paragraph > o.paragraph) window += ` ${paragraphs[o.paragraph + 1] ?? ''}`.slice(0, 200);
    // Inside quotation marks a pronoun is the speaker talking about someone else.
    window = blankQuotes(window);
    // The first pronoun after a mention is the likeliest to be about them ("McNeely was afraid to
    // let her guard down. But he told her …" is hers, then someone else's).
    const v = tally.get(person) ?? { m: 0, f: 0 };
    const first = /\b(he|him|his|she|her|hers)\b/i.exec(window)?.[1]?.toLowerCase();
    if (first) v[/^(?:she|her|hers)$/.test(first) ? 'f' : 'm']++;
    tally.set(person, v);
  });
  for (const [person, v] of weak) if (!votes.has(person)) votes.set(person, v);
  for (const [person, v] of votes) {
    if (v.m > 0 && v.m >= 2 * v.f) person.gender = 'm';
    else if (v.f > 0 && v.f >= 2 * v.m) person.gender = 'f';
  }
}

/** Roles given by apposition: "His security chief, Rustem Umerov," or "Hugh Hill, a doctor at X,". */
function roleAround(text: string, index: number, length: number): string | null {
  // "A senior Clinton aide", "the Trump campaign": the name modifies another noun, whose role it isn't.
  const modifier = /^['’]?s?\s+(\p{Ll}[\p{L}-]*)/u.exec(text.slice(index + length, index + length + 30));
  if (modifier && isNominalHead(modifier[1]!)) return null;
  const before = text.slice(Math.max(0, index - 80), index);
  // Lower-case role right before the name: "head coach Peter DeBoer", "analyst Keith Bachman".
  // "Council member Daniel Okafor", "Chief economist Ruth Baker": one capitalised qualifier may lead.
  const lower = /(?:^|\s)((?:\p{Lu}[\p{L}-]*\s+)?(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s+$/u.exec(before);
  if (lower?.[1]) {
    const words = lower[1].split(/\s+/);
    const head = words[words.length - 1]!;
    if (TITLE_WORDS.has(head) || (isNominalHead(head) && !/^(?:people|person|man|woman|others?)$/.test(head))) {
      const keep = (w: string) =>
        TITLE_WORDS.has(w.toLowerCase()) ||
        isNominalHead(w.toLowerCase()) ||
        /^(?:head|senior|chief|deputy|assistant|former|interim|acting|lead|team|rookie|veteran|executive|general|managing)$/i.test(w);
      // The role is the run of role words that ends at the name, with one capitalised qualifier
      // before it: "Council member", but not "Major called witness" (a verb breaks the run).
      let from = words.length - 1;
      while (from > 0 && keep(words[from - 1]!)) from--;
      // The qualifier must start the phrase: "Heart and Stroke senior manager" keeps "senior manager".
      const prevWord = before.slice(0, lower.index).trim().split(/\s+/).pop() ?? '';
      if (from === 1 && /^\p{Lu}/u.test(words[0]!) && !/^(?:\p{Lu}|and$|&$|of$|for$)/u.test(prevWord)) from--;
      return words.slice(from).join(' ');
    }
  }
  const pre = /(?:^|[.;]\s+|,\s+)(?:(?:His|Her|Their|Its|The|the|his|her|their|its)\s+|[\p{Lu}][\p{L}'’]*['’]s\s+)((?:[\p{L}-]+\s+){0,4}[\p{L}-]+),\s*$/u.exec(
    before,
  );
  if (pre?.[1] && isNominalHead(pre[1].split(/\s+/).pop()!.toLowerCase())) return cleanRole(pre[1]);
  const after = text.slice(index + length, index + length + 120);
  const post =
    /^,\s+((?:a|an|the)\s+[^,;()]{3,90}?|(?:[\p{Ll}][\p{L}-]*\s+){0,3}(?:of|at|for|with)\s+[^,;()]{3,60}?)(?:,|\s+(?:said|says|told|added)\b|(?<!\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Jr|Sr|Prof|Rev))\.\s)/u.exec(
      after,
    );
  if (
    post?.[1] &&
    !/^(?:who|which|whose|was|is|were|are|has|had|have|will|would|did|does|and|but|for (?:his|her|their|its) part|in (?:a|an|the|his|her)\b)\b/i.test(post[1])
  )
    return cleanRole(post[1]);
  // "Jane Smith is the mayor of Surrey.": a present-tense copula names the role.
  const copula = /^\s+(?:is|serves as)\s+((?:the|a|an)\s+[^,.;()]{3,70}?)(?=[,.;]|\s+(?:and|who|since|but)\b|$)/u.exec(after);
  if (copula?.[1]) {
    const head = copula[1]
      .split(/\s+(?:of|at|for|with|in)\s+/)[0]!
      .split(/\s+/)
      .pop()!
      .toLowerCase();
    if (TITLE_WORDS.has(head) || isNominalHead(head) || isOccupation(head)) return cleanRole(copula[1]);
  }
  return null;
}

/** "Xander Wise" for "Alexander Wise": the one person with the surname whose first name the short form ends or starts. */
function shortFormOf(people: readonly Person[], name: readonly string[]): Person | null {
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

function bestByTokens(people: readonly Person[], tokens: readonly string[], at?: Position, gender?: 'm' | 'f', surnameOnly = false): Person | null {
  const wanted = tokens.map((t) => t.toLowerCase().replace(/['’]s$/u, ''));
  const matches = people.filter((p) => {
    const have = p.tokens.map((t) => t.toLowerCase());
    // ("Mrs. Clinton" is a surname: never the first word of "Clinton Health Access Initiative".)
    if (wanted.length === 1) return have[have.length - 1] === wanted[0] || (!surnameOnly && have[0] === wanted[0] && have.length > 1);
    return wanted.every((w) => have.includes(w)) && have[have.length - 1] === wanted[wanted.length - 1];
  });
  if (matches.length === 0) return null;
  if (matches.length === 1) return matches[0]!;
  const exact = matches.filter((m) => m.tokens.length === wanted.length);
  if (exact.length === 1 && wanted.length > 1) return exact[0]!;
  if (!at) return null;
  // "Belkacemi says she will …" when a father and daughter share the name.
  const agreeing = gender ? matches.filter((m) => m.gender === gender) : [];
  if (wanted.length === 1 && agreeing.length === 1) return agreeing[0]!;
  // A young child the story names in passing ("his sons: Brenden Major, 4, and …") is not who a
  // bare surname means when an adult shares it.
  const adults = matches.filter((m) => m.age === null || m.age >= 13);
  if (wanted.length === 1 && adults.length === 1 && matches.length > 1) return adults[0]!;
  // Several people share the surname. The story's main person, named in full far more often than
  // the others ("Robert Major" twice or more, his son "Brenden Major" half as often), is who "Major" means.
  const byNamed = [...matches].sort((a, b) => b.named - a.named);
  if (wanted.length === 1 && byNamed[0]!.named >= 2 && byNamed[0]!.named >= 2 * byNamed[1]!.named) return byNamed[0]!;
  // Otherwise the one the story named most recently before this point.
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
function resolvePronoun(index: PeopleIndex, pronoun: string, at: Position, recent: readonly RecentSpeaker[], trace?: Trace): Person | null {
  const g = PRONOUNS.get(pronoun.toLowerCase());
  if (g !== 'm' && g !== 'f') return null;
  return resolveReference(index, g, at, recent, trace);
}

/** Where a resolver records the id (in RESOLVERS) of the path that found the person. */
interface Trace {
  by: ResolverId;
}

/** The person a reference points back to: gender-compatible, latest subject first, then latest mention. */
function resolveReference(index: PeopleIndex, g: 'm' | 'f' | null, at: Position, recent: readonly RecentSpeaker[], trace?: Trace): Person | null {
  const compatible = (p: Person) => g === null || p.gender === null || p.gender === g;
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
  const earlier = index.people.filter((p) => p.gender === g && p.occurrences.some((o) => before(o, at) && !o.aside));
  if (trace) trace.by = 'pronoun-only-one';
  return earlier.length === 1 ? earlier[0]! : null;
}

/**
 * The fullest form the story gives a one-word name that is not a known person: "Baxter" → "Moyra
 * Baxter". Falls back to the word itself.
 */
function fullestName(index: PeopleIndex, word: string, gender?: 'm' | 'f'): string {
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

function resolveNominal(index: PeopleIndex, mention: string, at: Position): Person | null {
  const words = mention.toLowerCase().split(/\s+/);
  // "a veteran Boston-based engineer" brings in someone new; it is the engineer the story names
  // later ("A Vancouver hockey coach says …" in a lede), never one it named before.
  const indefinite = /^(?:a|an|another|one|some|other)$/.test(words[0]!);
  const head = words[words.length - 1]!;
  const heads = ROLE_SYNONYMS.get(head) ?? [head];
  // The role's own head: "Crown prosecutor" is a prosecutor, "chief of staff" a chief.
  const roleHead = (role: string) => headOf(role, /\s+(?:of|at|for|with|in|from|to|on)\s+/);
  const matches = index.people.filter((p) => (p.role && heads.includes(roleHead(p.role))) || heads.some((h) => p.titles.has(h)));
  if (
    matches.length === 1 &&
    (!indefinite || matches[0]!.occurrences.every((o) => o.paragraph > at.paragraph || (o.paragraph === at.paragraph && o.offset > at.offset)))
  )
    return matches[0]!;
  return null;
}

const ORG_HEADS =
  /^(?:company|firm|group|agency|organi[sz]ation|ministry|department|union|board|commission|council|government|association|federation|institute|university|bank|airline|retailer|automaker|carrier|network|club|party|campaign|administration|authority|service|regulator|watchdog|court|embassy|coalition|charity|foundation|utility|railway|railroad|league|corporation|business|startup|insurer|manufacturer|developer|publisher|broadcaster|newspaper|school|hospital|district|municipality|city|province|state|team|diocese|church|society|alliance|trust|fund|bureau|tribunal|secretariat|office|committee|college|police|army|navy|senate|parliament|assembly|congress|region|county|town|township|village)$/;

/** What carries a person's own words: "Trump's message", "her statement", "his response". */
const OWN_WORDS =
  /^(?:statement|message|response|reply|answer|words|reaction|verdict|advice|comment|comments|explanation|warning|tweet|post|letter|e-?mail|remarks|speech|plea|promise|pledge|retort|rebuttal)$/;

/** Who acts for a person ("his lawyer", "her office"): never the person. */
const AGENT_HEADS = /^(?:office|lawyer|lawyers|spokesperson|spokesman|spokeswoman|campaign|team|staff|aide|aides|attorney|attorneys|agent|representative)$/;
/** Offices one person holds ("the judge", "the minister"): a title no one in the story carries names someone unnamed. */
const OFFICE_HEADS =
  /^(?:judge|justice|minister|premier|president|mayor|senator|governor|prosecutor|commissioner|sheriff|ambassador|chancellor|secretary|coroner)$/;

/** Documents and outlets that "say" things on someone's behalf. */
const DOCUMENT_HEADS = new RegExp(
  `^(?:statement|release|report|study|memo|letter|document|lawsuit|suit|claim|filing|website|survey|data|poll|complaint|post|tweet|e-?mail|office|lawyer|lawyers|spokesperson|spokesman|spokeswoman|account|campaign|${WORK_NOUN})$`,
);

const DOCUMENT_SOURCE = new RegExp(
  String.raw`^(?:(?:[Aa]n?|[Tt]he)\s+(?:[\p{L}-]+\s+){0,2}(?:statement|release|report|letter|memo|notice|post|tweet|e-?mail|document|study|filing)s?\s+(?:(?!${NOT_AUTHOR}\b)[\p{L}-]+\s+){0,3}?(?:by|from)\s+((?:the\s+)?\p{Lu}[\p{L}'’.&-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’.&-]*){0,6}(?:\s+\d+(?=\s|$))?)|((?:[Tt]he\s+)?\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,4})\s+(?:statement|release|report|news release|press release))\b`,
  'u',
);

/** Heads that mean a business, and name words that mean a public or non-business body. */
const PUBLIC_BODY =
  /\b(?:Ministry|Council|University|College|Court|Party|Police|Department|Government|Union|Association|Federation|Commission|Committee|Institute|Parliament|Senate|Assembly|Congress|Administration|Bureau|Tribunal|Embassy|Army|Navy|Church|Diocese|School|Hospital|Foundation|Coalition|Society|Secretariat|Authority|Office|Board|League)\b/;

/**
 * Does a phrase name a speaker at all: a proper name, or a head word for people, a group or a
 * body ("people arrested last week", "a person familiar with the talks", "some in the community")?
 */
function namesSomeone(phrase: string): boolean {
  const words = phrase.split(/\s+/);
  // "the Crown", "the diocese": a definite phrase names a body.
  if (words.every((w) => /^\p{Lu}/u.test(w)) || /^(?:the|all|those|everyone|everybody|both)$/i.test(words[0] ?? '')) return true;
  const head = headOf(phrase, AFTER_HEAD).replace(/['’]s?$/, '');
  return (
    isNominalHead(head) ||
    isOccupation(head) ||
    DOCUMENT_HEADS.test(head) ||
    /[^s]s$/.test(head) ||
    /^(?:some|many|most|several|few|all|both|others?|one|anyone|someone|everyone|nobody|majority|minority|number|handful|half|dozens|hundreds|thousands|rest)$/.test(
      head,
    )
  );
}

/**
 * The fullest earlier description with the same head and no name after it: "a person familiar
 * with the negotiations" for "the person", "the Nova Scotia judge" for "the judge".
 */
function fullerDescription(ctx: ResolveContext, head: string, bare = false): string | null {
  const paragraphs = ctx.index.paragraphs;
  if (!paragraphs) return null;
  // ("administration officials unauthorized to speak publicly": a modifier and one qualifier.)
  const re = bare
    ? new RegExp(
        String.raw`(?:\b(?!(?:and|or|but|to|the|a|an|of|by|from|with|for|in|on|at|as|said|says|told|according)\s)\p{Ll}[\p{L}-]*\s+)?\b${head}${ANONYMOUS_QUALIFIER}`,
        'gu',
      )
    : new RegExp(
        String.raw`\b(?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?:[\p{L}-]+\s+){0,4}?${head}\b(?!\s+\p{Lu})(?:\s+(?:familiar|close)\s+(?:with|to)\s+the\s+[\p{L}-]+)?`,
        'gu',
      );
  let best: string | null = null;
  for (let p = Math.max(0, ctx.at.paragraph - 12); p <= ctx.at.paragraph; p++) {
    const text = blankQuotes(p === ctx.at.paragraph ? paragraphs[p]!.slice(0, ctx.at.offset) : paragraphs[p]!);
    for (const m of text.matchAll(re)) if (m[0].split(/\s+/).length > 2) best = m[0].replace(/^The\b/, 'the');
  }
  return best;
}

/**
 * "city staff" after "Surrey staff", "provincial officials" after "Alberta officials": the one
 * group of that kind the story names. Null when it names none, or several ("Surrey staff" and
 * "Delta staff").
 */
function namedBodyGroup(ctx: ResolveContext, phrase: string): string | null {
  const generic =
    /^(?:city|town|municipal|county|provincial|state|federal|government|school|district|company|hospital|university)\s+(staff|officials|employees|workers)$/i.exec(
      phrase,
    );
  const paragraphs = ctx.index.paragraphs;
  if (!generic || !paragraphs) return null;
  const re = new RegExp(String.raw`(?<![\p{L}'’.-])\p{Lu}[\p{L}'’.-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’.-]*){0,3}\s+${generic[1]}\b`, 'gu');
  const found = new Set<string>();
  // ("City of Surrey staff" names the city; "City staff", "Senior staff" do not.)
  const names = (m: string) =>
    m
      .split(/\s+/)
      .slice(0, -1)
      .some(
        (w) => /^\p{Lu}/u.test(w) && !/^(?:The|A|An|City|Town|County|Some|Many|Most|All|Other|Senior|Provincial|Federal|Government|State|Municipal)$/.test(w),
      );
  for (const text of paragraphs) for (const m of blankQuotes(text).matchAll(re)) if (names(m[0]) && !/['’]s\s/.test(m[0])) found.add(m[0]);
  // "Surrey staff" again after "City of Surrey staff" is the same group.
  const distinct = [...found].filter((f) => ![...found].some((g) => g !== f && g.endsWith(` ${f}`)));
  // "city staff" is the "City of Surrey staff", not the "TransLink staff" of the same story.
  const kind = distinct.filter((f) => f.toLowerCase().split(/\s+/).includes(generic[0]!.split(/\s+/)[0]!.toLowerCase()));
  const one = kind.length === 1 ? kind[0]! : distinct.length === 1 ? distinct[0]! : null;
  // The story's shorter form of the same group reads better: "Surrey staff".
  return one === null ? null : ([...found].filter((f) => one.endsWith(` ${f}`)).sort((a, b) => a.length - b.length)[0] ?? one);
}

/** The head noun of a phrase: its last word before an attachment ("founder" of "the founder of X Press"). */
function headOf(phrase: string, attachment = /\s+(?:of|at|for|with|from|in|on)\s+/): string {
  const words = phrase.toLowerCase().split(attachment)[0]!.split(/\s+/);
  return words[words.length - 1] ?? '';
}

/**
 * Definite descriptions: "her statement" is hers; "the affable proprietor" and "the rookie
 * defenceman" point back to the person the story was just talking about.
 */
function resolveDescription(ctx: ResolveContext, phrase: string, trace?: Trace): Person | null {
  const owner = /^(his|her)\s+(?:[\p{L}-]+\s+){0,2}([\p{L}-]+)$/iu.exec(phrase);
  // "her statement" is hers; "her office", "his lawyer" speak for someone else.
  if (owner?.[1] && owner[2] && DOCUMENT_HEADS.test(owner[2].toLowerCase()) && !AGENT_HEADS.test(owner[2].toLowerCase())) {
    if (trace) trace.by = 'description-own-document';
    return resolvePronoun(ctx.index, POSSESSIVE_SUBJECT.get(owner[1].toLowerCase())!, ctx.at, ctx.recent);
  }
  // "the Kentucky Republican said" (the story named Mitch McConnell just before): a party member
  // is a description of someone, never a label to state.
  if (MEMBER_NOUN.test(phrase) && !/s$/.test(phrase)) {
    if (trace) trace.by = 'description-party-member';
    return namedJustBefore(ctx.index, ctx.at);
  }
  if (!/^the\s/i.test(phrase)) return null;
  const head = headOf(phrase);
  // ("the bow-tied maverick": a short description names someone whatever its head; "the Crown" and
  // "The Forecaddie" are names.)
  const headWord =
    phrase
      .split(/\s+(?:of|at|for|with|from|in|on)\s+/)[0]!
      .split(/\s+/)
      .at(-1) ?? '';
  if (
    ORG_HEADS.test(head) ||
    DOCUMENT_HEADS.test(head) ||
    /s$/.test(head) ||
    (!isNominalHead(head) && (phrase.split(/\s+/).length > 4 || !/^\p{Ll}/u.test(headWord)))
  )
    return null;
  // "the person who spoke on condition of anonymity", "the judge" in a story that names no judge:
  // a role or an anonymous source is not whoever was named last.
  if (ANONYMOUS_HEADS.test(head) || OFFICE_HEADS.test(head)) return null;
  if (trace) trace.by = 'description-latest';
  return latestMentioned(ctx.index, ctx.at);
}

/**
 * The person the story was last talking about before `at` (this paragraph or the one before): of
 * the people in the latest sentence that names anyone, the first ("I'm talking about Alfonso
 * Espinos, who like Montalban was born in Mexico" is about Espinos).
 */
function latestMentioned(index: PeopleIndex, at: Position): Person | null {
  const seen: Array<{ person: Person; pos: Position }> = [];
  for (const person of index.people) {
    for (const occ of person.occurrences) if (before(occ, at) && at.paragraph - occ.paragraph <= 1) seen.push({ person, pos: occ });
  }
  seen.sort((a, b) => a.pos.paragraph - b.pos.paragraph || a.pos.offset - b.pos.offset);
  const last = seen.at(-1);
  if (!last) return null;
  const text = index.paragraphs?.[last.pos.paragraph] ?? '';
  const sameSentence = seen.filter((o) => o.pos.paragraph === last.pos.paragraph && !/[.!?]["”]?\s/.test(text.slice(o.pos.offset, last.pos.offset)));
  return sameSentence[0]!.person;
}

/**
 * The person the sentence just before `at`'s sentence names first, when that name is theirs alone:
 * "Schuh is aware that he’s entering uncharted waters. “…,” the lanky, bespectacled professor
 * said." A story that has two Joneses gives no one for "Jones recorded his first goal".
 */
export function namedJustBefore(index: PeopleIndex, at: Position): Person | null {
  const paragraphs = index.paragraphs ?? [];
  const text = paragraphs[at.paragraph] ?? '';
  const sentences = splitSentences(text);
  const i = sentences.findIndex((s) => s.start <= at.offset && at.offset < s.end);
  let where: { paragraph: number; start: number; end: number } | null = null;
  if (i > 0) where = { paragraph: at.paragraph, ...sentences[i - 1]! };
  else if (i === 0 && at.paragraph > 0) {
    const last = splitSentences(paragraphs[at.paragraph - 1] ?? '').at(-1);
    if (last) where = { paragraph: at.paragraph - 1, ...last };
  }
  if (!where) return null;
  const named = index.people
    .flatMap((person) =>
      person.occurrences
        .filter((o) => o.paragraph === where.paragraph && o.offset >= where.start && o.offset < where.end)
        .map((o) => ({ person, offset: o.offset })),
    )
    .sort((a, b) => a.offset - b.offset);
  const first = named[0];
  if (!first) return null;
  const words = splitName(NAME_RUN_AT.exec(paragraphs[where.paragraph]!.slice(first.offset))?.[0] ?? '').name.map((w) => w.toLowerCase());
  const owners = index.people.filter((p) => words.length > 0 && words.every((w) => p.tokens.some((t) => t.toLowerCase() === w)));
  return owners.length === 1 && owners[0] === first.person ? first.person : null;
}

/** One word that names an organisation's type ("Party", "Council"). */
const ORG_TYPE_WORD = new RegExp(`^(?:${ORG_TYPE.source})$`);

/** The capitalised name run at the start of a string. */
const NAME_RUN_AT = new RegExp(`^(?:${NAME_RUN.source})`, 'u');

export interface RecentOrg {
  readonly name: string;
  readonly at: Position;
  /** Several speakers, or a plural group ("officials"): what "they" refers back to. */
  readonly plural: boolean;
}

export interface ResolveContext {
  /** Organisations quoted lately, newest first, for "the company said". */
  readonly recentOrgs: readonly RecentOrg[];
  readonly index: PeopleIndex;
  readonly at: Position;
  /** Speakers of the most recent quotations, newest first, for "he said" right after a quote. */
  readonly recent: readonly RecentSpeaker[];
  /** "Belkacemi says she will …": the gender the reported words give the speaker, if any. */
  readonly gender?: 'm' | 'f';
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

export interface Resolution {
  readonly speakers: Speaker[];
  readonly people: Person[];
  /** The least certain step any part of the mention needed. */
  readonly via: AttributionKind /** Id in RESOLVERS of the path that named the speaker behind `via`; 'none' when unresolved. */;
  readonly resolvedBy: ResolverId;
}

const CERTAINTY: readonly AttributionKind[] = ['name', 'org', 'document', 'pronoun', 'role', 'unnamed', 'organisation', 'description'];

/** "It said", "they said": the organisation or group quoted last, within two paragraphs. */
function resolveGroupPronoun(ctx: ResolveContext, plural: boolean): RecentOrg | null {
  const last = ctx.recentOrgs.find((o) => ctx.at.paragraph - o.at.paragraph <= 2);
  if (!last) return null;
  // The newest speaker must be that group: "it" after a person spoke is about something else.
  const person = ctx.recent[0];
  if (person && before(last.at, person.at)) return null;
  if (plural !== last.plural && !(plural && isProperName(last.name))) return null;
  return last;
}

/** "the government", "the provincial health ministry": a definite phrase ending in an organisation noun. */
const ORG_PHRASE = new RegExp(String.raw`\b[Tt]he\s+((?:\p{Ll}+\s+){0,2}?(${ORG_HEADS.source.replace(/^\^|\$$/g, '')}))\b`, 'gu');

/** "the Raptors"/"the Maple Leafs": the first the latest paragraph (of this one and the two before) names, outside quotes. */
function latestClub(ctx: ResolveContext): string | null {
  const paragraphs = ctx.index.paragraphs;
  if (!paragraphs) return null;
  for (let p = ctx.at.paragraph; p >= Math.max(0, ctx.at.paragraph - 2); p--) {
    const text = blankQuotes(p === ctx.at.paragraph ? paragraphs[p]!.slice(0, ctx.at.offset) : paragraphs[p]!);
    const all = [...text.matchAll(/\b[Tt]he\s+((?:\p{Lu}[\p{L}'’.-]*\s+)?\p{Lu}[\p{L}'’-]*s)\b/gu)];
    // The paragraph's first-named club is its topic: "The Raptors acquired Gasol from the Grizzlies".
    const first = all[0];
    if (first) return `the ${first[1]}`;
  }
  return null;
}

/** Plural groups that speak: "members complained about what they said …". */
const GROUP_NOUN =
  /^(?:members|officials|residents|workers|employees|staff|parents|students|teachers|doctors|nurses|police|officers|investigators|prosecutors|lawyers|experts|analysts|economists|scientists|researchers|critics|activists|protesters|organizers|organisers|leaders|authorities|executives|owners|farmers|voters|fans|players|senators|lawmakers|legislators|councillors|ministers|diplomats|sources|advocates|unions|companies)$/;

/**
 * "It also said …" with no organisation quoted before: the nearest organisation the text names
 * before the pronoun ("the government is grappling with what it says …", "the Parole Board of
 * Canada … It also said"); for "they", the nearest plural group ("members complained about what
 * they said", "the Liberals … they promise"). Quotations are left out of the search.
 */
function groupAntecedent(ctx: ResolveContext, plural: boolean): string | null {
  const paragraphs = ctx.index.paragraphs;
  if (!paragraphs) return null;
  const { paragraph, offset } = ctx.at;
  const windows = [{ p: paragraph, text: blankQuotes(paragraphs[paragraph]!.slice(0, offset)) }];
  if (paragraph > 0) windows.push({ p: paragraph - 1, text: blankQuotes(paragraphs[paragraph - 1]!) });
  for (const { p, text } of windows) {
    let best: { at: number; name: string } | null = null;
    const consider = (at: number, name: string) => {
      if (!best || at > best.at) best = { at, name };
    };
    if (plural) {
      for (const m of text.matchAll(/\b[Tt]he\s+(\p{Lu}[\p{L}'’-]*s)\b/gu)) consider(m.index, `the ${m[1]}`);
      // "Republican senators … they say": the group with the words that qualify it.
      for (const m of text.matchAll(/\b((?:\p{Lu}[\p{L}'’-]*\s+){0,2})(\p{Ll}+)\b/gu)) {
        if (!GROUP_NOUN.test(m[2]!)) continue;
        const qualifier = m[1]!.trim();
        const keep = qualifier !== '' && !NOT_NAME_START.has(qualifier.split(/\s+/)[0]!.toLowerCase());
        consider(m.index, keep ? `${qualifier} ${m[2]}` : m[2]!);
      }
    } else {
      for (const o of ctx.index.orgs.mentions) if (o.paragraph === p && !o.place && o.words.length > 1 && o.offset < text.length) consider(o.offset, o.name);
      for (const m of text.matchAll(ORG_PHRASE)) {
        const named = orgByHead(ctx.index.orgs, m[2]!, { paragraph: p, offset: m.index + 1 });
        consider(m.index, named && isProperName(named.name) ? named.name : `the ${m[1]}`);
      }
    }
    if (best) return (best as { name: string }).name;
  }
  return null;
}

/**
 * "a spokeswoman for Acme Corp.", "The governor of the Bank of England", "Senior aides to Jane Roe":
 * a lower-case post (after at most three words) held for, of or at a name.
 */
function isRoleHolder(phrase: string): boolean {
  const m = /^((?:[\p{L}-]+\s+){0,3}?)(\p{Ll}[\p{L}-]*)\s+(?:for|of|at|from|to)\s+(?:the\s+)?\p{Lu}/u.exec(phrase);
  if (!m?.[2] || !isRoleHolderHead(m[2])) return false;
  return /^(?:\p{Ll}|(?:A|An|The|One|Two|Three|Some|Several|Senior|Top|Former)\s)/u.test(phrase);
}

export function resolveMention(mention: Mention, ctx: ResolveContext): Resolution {
  const speakers: Speaker[] = [];
  const people: Person[] = [];
  let via: AttributionKind = 'name';
  // The resolver (an id in RESOLVERS) of the part that set `via`: the least certain, else the first.
  let resolvedBy: ResolverId | null = null;
  const weaken = (k: AttributionKind, by: ResolverId) => {
    if (CERTAINTY.indexOf(k) > CERTAINTY.indexOf(via)) {
      via = k;
      resolvedBy = by;
    }
    resolvedBy ??= by;
  };
  const trace: Trace = { by: 'none' };
  const orgs = ctx.index.orgs;
  for (const part of mention.parts) {
    // "The CBC's Richard Cuthbertson": the owner is not the speaker.
    const clean = part
      .replace(/['’]s$/u, '')
      .replace(/^(?:the\s+)?[\p{Lu}][\p{L}.&-]*(?:\s+[\p{Lu}][\p{L}.&-]*)?['’]s\s+(?=\p{Lu})/u, '')
      // "Civic Action also", "the office also published a notice Tuesday": the subject ends there.
      .replace(/\s+(?:also|then|later|again|previously|still|now|however|too|itself|himself|herself|themselves)\b.*$/u, '')
      // "Catherine helpfully": a manner adverb after the name.
      .replace(/(?<=\p{Lu}[\p{L}'’.-]*)\s+\p{Ll}+ly$/u, '')
      .trim();
    const lower = clean.toLowerCase();
    let person: Person | null = null;
    if (PRONOUNS.has(lower)) {
      person = resolvePronoun(ctx.index, lower, ctx.at, ctx.recent, trace);
      if (!person) {
        const kind = PRONOUNS.get(lower);
        const plural = kind === 'p';
        const recentGroup = kind === 'n' || lower === 'they' ? (resolveGroupPronoun(ctx, plural)?.name ?? null) : null;
        const antecedent = recentGroup ?? (kind === 'n' || lower === 'they' ? groupAntecedent(ctx, plural) : null);
        if (antecedent) {
          speakers.push({ name: antecedent, role: null });
          weaken('organisation', recentGroup ? 'pronoun-group-quoted' : 'pronoun-group-named');
        }
        continue;
      }
      weaken('pronoun', trace.by);
    } else if (isRoleHolder(clean)) {
      // "A spokeswoman for Acme Corp.", "senior aides to Hillary Clinton": someone who speaks for
      // the name, and is not it. The story's words are the speaker.
      speakers.push({ name: clean, role: null });
      weaken('unnamed', 'role-holder');
      continue;
    } else if (/^(?:members|officials|leaders|representatives|supporters)\s+of\s/i.test(clean)) {
      // "members of Northern Ireland’s Democratic Unionist Party": a group, in the story's words.
      speakers.push({ name: clean, role: null });
      weaken('unnamed', 'members-of');
      continue;
    } else if (/(?:^|\s)\p{Lu}[\p{L}'’.-]*$/u.test(clean) && !/^(?:the|a|an|his|her|their|its)\s/i.test(clean) && !MEMBER_NOUN.test(clean)) {
      const { title, name } = splitName(clean);
      // "Mr. Clinton", "Mrs. Clinton": an honorific makes the word a surname and tells the gender;
      // a person of the other gender is not who the sentence means.
      const honorificGender = honorificGenderOf(title) ?? undefined;
      const candidates = honorificGender ? ctx.index.people.filter((p) => p.gender === null || p.gender === honorificGender) : ctx.index.people;
      person = name.length > 0 ? (bestByTokens(candidates, name, ctx.at, ctx.gender, honorificGender !== undefined) ?? shortFormOf(candidates, name)) : null;
      // "General Motors": a name the story gives an organisation whole is not a title and a surname.
      // "Green Party": a title word before an organisation's type is no person named "Party".
      if (
        (!person && title.length > 0 && orgs.mentions.some((o) => o.name === clean)) ||
        (name.length === 1 && title.length > 0 && ORG_TYPE_WORD.test(name[0]!))
      ) {
        speakers.push({ name: fullestOrg(orgs, clean), role: null });
        weaken('org', 'org-whole-name');
        continue;
      }
      if (person) weaken('name', 'name');
      if (!person) {
        const role = title.filter((t) => !HONORIFICS.has(t.toLowerCase())).join(' ') || mention.role;
        // A bare title ("the President") with one matching person in the story.
        const nominal = name.length === 0 ? resolveNominal(ctx.index, clean, ctx.at) : null;
        if (nominal) {
          person = nominal;
          weaken('role', 'role-title');
        } else {
          const words = name.length > 0 ? name : [clean];
          const firstName = words.length === 1 && genderOfFirstName(words[0]!) !== null;
          // "Mr. Scheer", "Dr. Ahmed": an honorific makes a person, whatever the tagger thought.
          const honorific = words.length === 1 && title.some((t) => HONORIFICS.has(t.toLowerCase()));
          // "Canada believes": a name the story uses for an organisation or place is not a surname
          // to complete ("Statistics Canada").
          const orgWord = words.length === 1 && !honorific && orgs.mentions.some((o) => o.name === words[0]);
          const label = firstName || orgWord ? words[0]! : words.length === 1 ? fullestName(ctx.index, words[0]!, honorificGender) : words.join(' ');
          const full = label.split(/\s+/);
          // A full name with a known first name ("Moyra Baxter"), or a first name alone ("Colton"
          // on a reality show), is named even if the story never mentions it again.
          const isPersonName =
            firstName || honorific || (full.length >= 2 && full.length <= 4 && genderOfFirstName(full[0]!) !== null && !ORG_WORDS.test(label));
          if (isPersonName) {
            speakers.push({ name: label, role: role || null });
            weaken('name', 'name-first-name');
            continue;
          }
          // An organisation by its name: "Facebook", "PBO" (the story spells it out), "Samsung".
          const org = fullestOrg(orgs, label === clean || label.split(/\s+/).length >= words.length ? label : clean);
          speakers.push({ name: org, role: role || null });
          weaken(isProperName(org) && !/\sand\s/.test(clean) ? 'org' : 'unnamed', 'org-name');
          continue;
        }
      }
    } else if (
      DOCUMENT_SOURCE.test(clean) &&
      !/^(?:his|her|their)\s/i.test(clean) &&
      !/^the\s+(?:statement|release|report|news release|press release)$/i.test(clean)
    ) {
      // "a statement released by the Prime Minister's Office", "The RCMP statement"
      const m = DOCUMENT_SOURCE.exec(clean);
      const source = (m?.[1] ?? m?.[2] ?? clean).trim();
      speakers.push({ name: fullestOrg(orgs, source), role: null });
      // "a statement released by the Prime Minister's Office" names its author; "the Globe report"
      // may be about the Globe as much as by it.
      weaken(m?.[1] ? 'document' : 'organisation', m?.[1] ? 'document-named-author' : 'document-source');
      continue;
    } else {
      // "The RNC said": an acronym is the body the story spells out ("Republican National Committee").
      const acronym = /^the\s+(\p{Lu}{2,6})$/iu.exec(clean);
      if (acronym && /^\p{Lu}+$/u.test(acronym[1]!)) {
        speakers.push({ name: fullestOrg(orgs, acronym[1]!), role: null });
        weaken('org', 'org-acronym');
        continue;
      }
      // "The Canadian Beverage Association said": a proper name names itself.
      if (/^the\s+\S+\s+\S+/i.test(clean) && isProperName(clean) && (!/\s(?:and|&)\s/.test(clean) || ORG_TYPE.test(clean.split(/\s+/).at(-1)!))) {
        speakers.push({ name: clean.replace(/^the\s+/i, ''), role: null });
        weaken('org', 'org-proper-name');
        continue;
      }
      // "the union's Friday release", "the parole board decision": a body's document speaks for it.
      // ("the school’s defenders", "the company's chief executive" are people, not the body.)
      const possessive = /^the\s+(\p{Ll}+)['’]s?\s+(?:[\p{L}-]+\s+)?([\p{L}-]+)$/iu.exec(clean);
      const owner =
        (possessive && DOCUMENT_HEADS.test(possessive[2]!.toLowerCase()) ? possessive : null) ??
        /^[Tt]he\s+(?:\p{Ll}+\s+)?(\p{Ll}+)\s+(?:decision|ruling|order|report|statement|release|study|letter|memo|filing|notice)$/u.exec(clean);
      const ownerOrg = owner && ORG_HEADS.test(owner[1]!) ? orgByHead(orgs, owner[1]!, ctx.at) : null;
      if (ownerOrg) {
        speakers.push({ name: ownerOrg.name, role: null });
        weaken('organisation', 'org-document-owner');
        continue;
      }
      // "Trump's message was simple: “…”", "His response: “…”": a person's own words or document.
      const own = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*|his|her|His|Her)(?:['’]s)?\s+(?:[\p{L}-]+\s+){0,2}([\p{L}-]+)$/u.exec(clean);
      if (own && OWN_WORDS.test(own[2]!.toLowerCase()) && !AGENT_HEADS.test(own[2]!.toLowerCase())) {
        const pronoun = /^(?:his|her)$/i.test(own[1]!);
        if (pronoun || /['’]s\s/.test(clean)) {
          const owner = pronoun
            ? resolvePronoun(ctx.index, POSSESSIVE_SUBJECT.get(own[1]!.toLowerCase())!, ctx.at, ctx.recent)
            : bestByTokens(ctx.index.people, own[1]!.split(/\s+/), ctx.at);
          if (owner) {
            people.push(owner);
            speakers.push({ name: owner.name, role: owner.role });
            weaken(pronoun ? 'pronoun' : 'name', 'own-words-owner');
            continue;
          }
        }
      }
      const byRole = resolveNominal(ctx.index, clean, ctx.at);
      person = byRole ?? resolveDescription(ctx, clean, trace);
      if (!person) {
        const head = headOf(clean);
        const definite = /^the\s/i.test(clean) && ORG_HEADS.test(head);
        // "The diocese" after "the Roman Catholic Diocese of Covington": the name carries the head.
        const named = definite ? orgByHead(orgs, head, ctx.at) : null;
        if (named) {
          speakers.push({ name: named.name, role: null });
          weaken('org', 'org-by-head');
          continue;
        }
        // "The team said" in sports news: the latest "the Raptors" the story names.
        const club = definite && /^(?:team|club|squad|franchise)$/.test(head) ? latestClub(ctx) : null;
        if (club) {
          speakers.push({ name: club, role: null });
          weaken('organisation', 'org-latest-club');
          continue;
        }
        // "The study said" after "a study released by Civic Action": the document speaks for its author.
        const doc = DOCUMENT_NOUN.test(head) ? documentAuthor(clean, ctx.index.documents ?? [], ctx.at) : null;
        if (doc) {
          const tokens = splitName(doc.author).name;
          const byName = tokens.length > 0 ? bestByTokens(ctx.index.people, tokens, ctx.at) : null;
          if (byName) people.push(byName);
          speakers.push({ name: byName?.name ?? fullestOrg(orgs, doc.author), role: null });
          // The sentence names the author ("a study released by Civic Action"): as certain as a name.
          weaken(doc.named ? 'document' : 'organisation', 'document-author');
          continue;
        }
        // "The company" may be any body quoted lately; "the union" only one whose name says union.
        const generic = GENERIC_BODY_HEAD.test(head);
        // "the company" is no commission, ministry or court: a public body's name says what it is.
        const fits = (name: string) =>
          (generic && !(COMPANY_HEAD.test(head) && PUBLIC_BODY.test(name))) || headForms(head).some((f) => name.split(/\s+/).includes(f));
        const recentOrg = definite
          ? ctx.recentOrgs.find((o) => ctx.at.paragraph - o.at.paragraph <= 6 && !o.plural && isProperName(o.name) && fits(o.name))
          : undefined;
        const latest = definite ? latestOrg(orgs, ctx.at, 2) : null;
        const org =
          recentOrg?.name ??
          (latest && fits(latest.name) ? latest.name : undefined) ??
          (definite && generic ? (mainOrg(orgs, ctx.at, fits) ?? undefined) : undefined);
        // "resist announcing", "Governance lassitude was …": a phrase whose head names no one (no
        // person, group or body) is a misread subject, not a speaker.
        if (!org && !namesSomeone(clean)) continue;
        // "the person, who spoke on condition of anonymity" after "a person familiar with the
        // negotiations"; "the judge" after "the Nova Scotia judge": the story's fuller words.
        // "sources said" after "sources familiar with the negotiations": the same sources.
        const fuller = org
          ? null
          : /^the\s+\p{Ll}+$/iu.test(clean) && (ANONYMOUS_HEADS.test(head) || OFFICE_HEADS.test(head))
            ? fullerDescription(ctx, head)
            : /^(?:the\s+)?(?:sources|officials|insiders)$/i.test(clean)
              ? fullerDescription(ctx, clean.toLowerCase().replace(/^the\s+/, ''), true)
              : null;
        const group = org || fuller ? null : namedBodyGroup(ctx, clean);
        speakers.push({ name: org ?? fuller ?? group ?? clean, role: null });
        weaken(org ? 'organisation' : 'unnamed', org ? 'org-behind-company' : fuller ? 'unnamed-fuller' : group ? 'unnamed-body-group' : 'unnamed-words');
        continue;
      }
      weaken(byRole ? 'role' : 'description', byRole ? 'role-unique' : trace.by);
    }
    people.push(person);
    speakers.push({ name: person.name, role: person.role ?? (mention.parts.length === 1 ? mention.role : null) });
  }
  return { speakers, people, via: speakers.length === 0 ? 'none' : via, resolvedBy: speakers.length === 0 ? 'none' : (resolvedBy ?? 'none') };
}
