/** Collecting the people a story names, with their roles and genders, and the pronoun chains that refer to them. */
import { HONORIFICS, NOT_NAME_START, TITLE_WORDS } from '../lexicon.ts';
import { DETERMINERS, isNominalHead, PREPOSITIONS } from '../quotes/mentions.ts';
import { genderOfFirstName, genderOfPersonName, lazyTagIndex } from '../nlp.ts';
import { findDocumentAuthors } from './documents.ts';
import { buildOrgIndex, ORG_TYPE, orgMentionOf, type OrgMention } from './orgs.ts';
import {
  actsMidSentence,
  honorificGenderOf,
  isPlaceLike,
  looksLikePerson,
  modifiersOfTitle,
  NAME_RUN,
  blankQuotes,
  ownPronounNext,
  hasOrgWord,
  ORG_WORDS,
  type PeopleIndex,
  type Person,
  personPronounNext,
  pronounFollows,
  roleOfTitle,
  splitName,
  tagsOf,
  trimRun,
  wordBefore,
  wordOffsets,
} from './names.ts';
import { chainPronouns, inferGender, markSubjects, roleAround } from './chains.ts';
import { bestByTokens, shortFormOf } from './lookup.ts';

/** What the whole story says about its names before any is judged. */
interface StoryNames {
  /** Surnames of the story's longer names ("Chrystia Freeland"): a lone "Freeland" is one of those. */
  readonly inLongerNames: ReadonlySet<string>;
  /** First words of the story's longer names: "Kody" is Kody Cook's. */
  readonly firstNames: ReadonlySet<string>;
  /** How often each one-word name appears mid-sentence (not where any sentence would capitalise it). */
  readonly midSentence: ReadonlyMap<string, number>;
  /** Names the story's quotations are attributed to. */
  readonly speakerNames: ReadonlySet<string>;
  /** One-word names opening a sentence that the story goes on to call "he" or "she" ("Bissonnette walked in. … he fired"). */
  readonly calledHeOrShe: ReadonlySet<string>;
}

/** A capitalised word opening a sentence with no capitalised word after it: "Bissonnette walked in." */
const LONE_WORD = /(?<=^|[.!?]["”’]?\s+)\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*(?!\s+\p{Lu})(?![\p{L}'’-])/gu;

function storyNames(paragraphs: readonly string[], speakerNames: ReadonlySet<string>): StoryNames {
  const inLongerNames = new Set<string>();
  const firstNames = new Set<string>();
  const midSentence = new Map<string, number>();
  const calledHeOrShe = new Set<string>();
  for (const text of paragraphs) {
    for (const m of text.matchAll(LONE_WORD)) if (ownPronounNext(text, (m.index ?? 0) + m[0].length) !== null) calledHeOrShe.add(m[0]);
    for (const raw of text.matchAll(NAME_RUN)) {
      // The surname of a longer name; "Finally Demi" is an adverb and a name.
      const words = splitName(raw[0]).name;
      const [first] = words;
      const last = words.at(-1);
      if (words.length > 1 && first && last && !/ly$/.test(first) && !NOT_NAME_START.has(first.toLowerCase())) {
        inLongerNames.add(last);
        firstNames.add(first);
      }
    }
    for (const raw of text.matchAll(/(?<=[\p{Ll},]\s+)\p{Lu}[\p{Ll}]+(?:['’]s)?(?![\p{L}'’-]|\s+\p{Lu})/gu)) {
      const word = raw[0].replace(/['’]s$/u, '');
      midSentence.set(word, (midSentence.get(word) ?? 0) + 1);
    }
  }
  return { inLongerNames, firstNames, midSentence, speakerNames, calledHeOrShe };
}

/** One capitalised name run in a paragraph, as the person rules see it. */
interface RunSite {
  readonly story: StoryNames;
  readonly paragraphs: readonly string[];
  readonly text: string;
  readonly p: number;
  readonly tags: ReturnType<typeof lazyTagIndex>;
  /** The run, trimmed of words the tagger says are no name. */
  readonly run: string;
  readonly at: number;
  readonly title: readonly string[];
  readonly name: readonly string[];
  readonly key: string;
  /** The run follows a lower-case title ("finance minister Bill Morneau"). */
  readonly afterTitle: boolean;
  readonly nameOffsets: readonly number[];
  /** Modifiers of the title the tagger trimmed from the run: "British" in "British Prime Minister Theresa May". */
  readonly roleLead: string;
}

/** A run after a determiner, a possessive or a preposition: "the Kremlin", "Department of Homeland Security", "for Brexit". */
function objectOrModifierBefore(text: string, at: number): boolean {
  const word = /(\S+)\s+$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1] ?? '';
  const lower = word.toLowerCase();
  return DETERMINERS.has(lower) || PREPOSITIONS.has(lower) || /^(?:no|by|into|about|against|among)$/.test(lower) || /^\p{L}+['’]s?$/u.test(word);
}

const hasTag = (site: RunSite, offset: number | undefined, tag: string): boolean => offset !== undefined && tagsOf(site.tags, offset).has(tag);

/**
 * When a name run is a person, in order (the first that says so decides; else it may be an
 * organisation). Each reads the run and what the story around it says.
 */
const PERSON_RULES: ReadonlyArray<{ readonly id: string; readonly test: (site: RunSite) => boolean }> = [
  {
    // "finance minister Bill Morneau": a lower-case title right before a two-word name.
    id: 'after-title',
    test: ({ name, afterTitle, key }) => name.length >= 2 && name.length <= 4 && afterTitle && !ORG_TYPE.test(key),
  },
  {
    // A titled one-word speaker ("General Motors" is a company the tagger knows, not a general).
    id: 'titled-speaker',
    test: (site) =>
      site.name.length === 1 &&
      site.title.some((t) => TITLE_WORDS.has(t.toLowerCase()) && !HONORIFICS.has(t.toLowerCase())) &&
      site.story.speakerNames.has(site.key) &&
      !site.nameOffsets.some((o) => hasTag(site, o, 'Organization')),
  },
  {
    // "Demi decided to step up her campaign … she said": a one-word speaker the story goes on to
    // call "she" or "he" (before any "it") is a person, known first name or not.
    id: 'speaker-called-he-or-she',
    test: (site) => {
      const { name, key, story } = site;
      return (
        name.length === 1 &&
        story.speakerNames.has(key) &&
        !story.inLongerNames.has(key) &&
        /^\p{Lu}\p{Ll}/u.test(key) &&
        !/s$/.test(key) &&
        !isNominalHead(key.toLowerCase()) &&
        !ORG_WORDS.test(key) &&
        !site.nameOffsets.some((o) => hasTag(site, o, 'Organization') || hasTag(site, o, 'Place')) &&
        personPronounNext(site.text, site.at + site.run.length) !== null
      );
    },
  },
  {
    // "…, Mulder didn't hesitate. “It's this for sure,” he said.": a one-word name mid-sentence that
    // does something, and that the story goes on to call "he" or "she".
    id: 'acts-mid-sentence',
    test: (site) => {
      const { name, key, story, text, at, run } = site;
      const [first] = site.nameOffsets;
      return (
        name.length === 1 &&
        actsMidSentence(text, at, run, site.tags) &&
        !story.inLongerNames.has(key) &&
        !story.firstNames.has(key) &&
        /^\p{Lu}\p{Ll}+$/u.test(key) &&
        !/s$/.test(key) &&
        (hasTag(site, first, 'Person') || !isNominalHead(key.toLowerCase())) &&
        !ORG_WORDS.test(key) &&
        !ORG_TYPE.test(key) &&
        !site.nameOffsets.some((o) => ['Organization', 'Place', 'Adjective', 'Plural'].some((t) => hasTag(site, o, t))) &&
        personPronounNext(`${text.slice(at + run.length)}\n${site.paragraphs[site.p + 1] ?? ''}`, 0) !== null
      );
    },
  },
  {
    // A two- to four-word speaker's name. "Moyra Baxter, the board's chair, said she …": the tagger
    // may know the surname as a company, but a speaker the story calls "she" is a person. ("Civic
    // Action", "Veterans Affairs": a first word the tagger reads as an adjective or a plural is no
    // first name.)
    id: 'speaker-full-name',
    test: (site) => {
      const { name, key, story, nameOffsets } = site;
      if (name.length < 2 || name.length > 4 || hasOrgWord(name)) return false;
      if (!story.speakerNames.has(key) && !story.speakerNames.has(name.at(-1) ?? '')) return false;
      const placeLike = isPlaceLike(nameOffsets, site.tags) && !(story.speakerNames.has(key) && pronounFollows(site.text, site.at + site.run.length));
      return !placeLike && !['Adjective', 'Plural'].some((t) => hasTag(site, nameOffsets[0], t));
    },
  },
  { id: 'looks-like-person', test: (site) => looksLikePerson(site.name, site.title, site.nameOffsets, site.tags) },
  {
    // "gunman Oyelaran Bissonnette … Bissonnette walked in. … he fired": a first name in no list, but
    // the story goes on to use the surname alone and call it "he" or "she".
    id: 'surname-called-he-or-she',
    test: (site) => {
      const { name, key, story, nameOffsets } = site;
      const [first = '', last = ''] = [name[0], name.at(-1)];
      if (name.length < 2 || name.length > 3 || !name.every((w) => /^(?:Mc|Mac|O['’])?\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*$/u.test(w))) return false;
      if (hasOrgWord(name) || ORG_TYPE.test(key) || NOT_NAME_START.has(first.toLowerCase()) || TITLE_WORDS.has(first.toLowerCase())) return false;
      // ("Department of Homeland Security completed …": a run after a determiner or preposition is no one's name.)
      if (objectOrModifierBefore(site.text, site.at)) return false;
      const acts = () => actsAndIsCalledHeOrShe(site);
      // ("Trump National Doral": a first word that is another person's surname starts no name.)
      if (!(story.calledHeOrShe.has(last) || acts()) || story.inLongerNames.has(first) || isPlaceLike(nameOffsets, site.tags)) return false;
      return !['Adjective', 'Plural', 'Organization', 'Place'].some((t) => nameOffsets.some((o) => hasTag(site, o, t)));
    },
  },
];

/** "Yaneta McFadden also rejoiced … . He believes …": the run does something, and the next sentence opens on "He" or "She". */
function actsAndIsCalledHeOrShe(site: RunSite): boolean {
  const end = site.at + site.run.length;
  const verb = /^\s+(?:(?:also|then|later|still|quickly|first|never|once)\s+)?(\S)/u.exec(site.text.slice(end));
  if (!verb) return false;
  const tags = tagsOf(site.tags, end + verb[0].length - 1);
  if (!(tags.has('Verb') || tags.has('Auxiliary') || tags.has('Modal'))) return false;
  // The next sentence opens on "He" or "She", outside any quotation.
  const rest = blankQuotes(site.text.slice(end, end + 300));
  return /^[^.!?]*[.!?]\s+(?:He|She)\b/u.test(rest);
}

/** The organisation a name run that is no person names, or null (also for a fragment of a longer name: "Johnson & Johnson"). */
function orgOfRun(site: RunSite): OrgMention | null {
  const { text, at, run, name, key, story } = site;
  const rest = text.slice(at + run.length);
  const before = text.slice(Math.max(0, at - 40), at);
  // "City of Surrey", "Parole Board of Canada": an organisation's name runs on past "of".
  const of = /^\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’&.-]*(?:\s+\p{Lu}[\p{L}'’&.-]*){0,4}/u.exec(rest);
  // "Procter & Gamble", "Johnson & Johnson": an ampersand joins one name. "Securities and Exchange
  // Commission", "Heart and Stroke Foundation": "and" inside a name that ends in an organisation word.
  const amp =
    /^\s+&\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}/u.exec(rest) ??
    new RegExp(String.raw`^\s+and\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}?\s+${ORG_TYPE.source.slice(2, -2)}\b`, 'u').exec(rest);
  if (/\p{Lu}[\p{L}'’.-]*\s+(?:&|and)\s+$/u.test(before) && ORG_TYPE.test(run)) return null;
  if (/\p{Lu}[\p{L}'’.-]*\s+&\s+$/u.test(before)) return null;
  // "UFCW Local 832": a union local keeps its number.
  const local = /\bLocal$/.test(run) ? /^\s+\d+\b/.exec(rest) : null;
  const whole = local
    ? run + local[0]
    : amp
      ? run + amp[0]
      : of && (ORG_TYPE.test(run) || /\b(?:City|Town|Township|County|Province|State|District|Region|Municipality|Village|Republic)$/.test(run))
        ? run + of[0].replace(/[.]$/, '')
        : run;
  // "Tesla" named again and again mid-sentence, never as anyone's surname: a body the story is about.
  const recurring = name.length === 1 && (story.midSentence.get(key) ?? 0) >= 3 && !story.inLongerNames.has(key) && genderOfFirstName(key) === null;
  const words = wordOffsets(run, at).map((o) => tagsOf(site.tags, o));
  return orgMentionOf(whole, site.p, at, words, story.speakerNames.has(key) || recurring);
}

/** Records one naming of `person` at the run: occurrence, age, titles, role and gender. */
function notePerson(person: Person, site: RunSite): void {
  const { text, at, run, title, name } = site;
  const offset = at + run.indexOf(name[0] ?? '');
  const sentenceStart = /(?:^|[.!?]["”]?\s+)$/.test(text.slice(Math.max(0, at - 3), at)) || at === 0;
  person.occurrences.push({ paragraph: site.p, offset, subject: sentenceStart });
  person.named++;
  const age = /^,\s*(\d{1,3})\s*[,.;)]/.exec(text.slice(at + run.length));
  if (age) person.age ??= Number(age[1]);
  for (const t of title) if (TITLE_WORDS.has(t.toLowerCase()) && !HONORIFICS.has(t.toLowerCase())) person.titles.add(t.toLowerCase());
  // "Former Secretary of State Hillary Clinton": the run starts after "of"; the title began before it.
  const titledOf = title.length > 0 ? /((?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}.'’-]*)\s+of\s+$/u.exec(text.slice(Math.max(0, at - 60), at)) : null;
  const office = titledOf?.[1];
  if (!person.role && office && TITLE_WORDS.has((office.split(/\s+/).at(-1) ?? '').toLowerCase())) person.role = `${office} of ${roleOfTitle(title)}`;
  const titled = roleOfTitle(title);
  if (!person.role) person.role = titled && site.roleLead ? `${site.roleLead} ${titled}` : titled;
  person.gender ??= honorificGenderOf(title);
  if (!person.role) person.role = roleAround(text, at, run.length);
}

/** The people and organisations one paragraph names in full. */
function collectParagraph(
  story: StoryNames,
  paragraphs: readonly string[],
  p: number,
  people: Map<string, Person>,
  orgs: OrgMention[],
  names: string[][],
): void {
  const text = paragraphs[p] ?? '';
  const tags = lazyTagIndex(text);
  for (const raw of text.matchAll(NAME_RUN)) names.push(splitName(trimRun(raw[0], raw.index ?? 0, tags).run).name);
  for (const raw of text.matchAll(NAME_RUN)) {
    // "finance minister Bill Morneau": after a lower-case title the run is a name, whatever the
    // tagger makes of "Bill".
    const afterTitle = TITLE_WORDS.has(wordBefore(text, raw.index ?? 0) ?? '');
    const trimmed = afterTitle && /\s/.test(raw[0]) ? { run: raw[0], at: raw.index ?? 0 } : trimRun(raw[0], raw.index ?? 0, tags);
    const { title, name } = splitName(trimmed.run);
    const roleLead = title.length > 0 ? modifiersOfTitle(raw[0].slice(0, trimmed.at - (raw.index ?? 0)), raw.index ?? 0, tags) : '';
    if (name.length === 0) continue;
    const key = name.join(' ');
    const nameOffsets = wordOffsets(trimmed.run, trimmed.at).slice(-name.length);
    const site: RunSite = { story, paragraphs, text, p, tags, run: trimmed.run, at: trimmed.at, title, name, key, afterTitle, nameOffsets, roleLead };
    let person = people.get(key);
    if (!person) {
      if (!PERSON_RULES.some((rule) => rule.test(site))) {
        const org = orgOfRun(site);
        if (org) orgs.push(org);
        continue;
      }
      person = { name: key, tokens: name, role: null, gender: null, occurrences: [], chain: [], named: 0, titles: new Set(), age: null };
      people.set(key, person);
    }
    notePerson(person, site);
  }
}

/**
 * The gender of the first personal pronoun after a surname in its sentence, when no other name
 * comes between: "Clinton proposed rules that would end what she said were …" is the woman of two
 * Clintons. Null when there is none.
 */
function pronounGenderAfter(text: string, from: number): 'm' | 'f' | null {
  const rest = /^[^.!?“”"]*/u.exec(text.slice(from))?.[0] ?? '';
  const m = /\b(?:(he|his|him)|(she|her|hers))\b/i.exec(rest);
  if (!m || /\s\p{Lu}\p{Ll}+/u.test(rest.slice(0, m.index))) return null;
  return m[1] ? 'm' : 'f';
}

/** Later mentions by surname or honorific ("Umerov", "Mr. Hemming") count as occurrences too. */
function noteLaterMentions(people: ReadonlyMap<string, Person>, paragraphs: readonly string[]): void {
  paragraphs.forEach((text, p) => {
    for (const m of text.matchAll(NAME_RUN)) {
      const { title, name } = splitName(m[0]);
      const at = m.index ?? 0;
      // "Xander Wise" for "Alexander Wise": a short form of the first name with the same surname.
      if (name.length === 2 && !people.has(name.join(' '))) {
        shortFormOf([...people.values()], name)?.occurrences.push({ paragraph: p, offset: at + m[0].indexOf(name[0] ?? ''), subject: false });
        continue;
      }
      if (name.length !== 1) continue;
      const offset = at + m[0].indexOf(name[0] ?? '');
      // "Mr. Clinton" after "Hillary Clinton" is someone else: an honorific's gender must agree
      // with the first name's, and makes the word a surname.
      const said = honorificGenderOf(title);
      const agreeing = [...people.values()].filter((x) => !said || x.tokens.length < 2 || (genderOfFirstName(x.tokens[0] ?? '') ?? said) === said);
      const owner = bestByTokens(agreeing, name, { paragraph: p, offset }, said ?? pronounGenderAfter(text, at + m[0].length) ?? undefined, said !== null);
      if (!owner) continue;
      const sentenceStart = at === 0 || /[.!?]["”]?\s+$/.test(text.slice(Math.max(0, at - 3), at));
      owner.occurrences.push({ paragraph: p, offset, subject: sentenceStart });
      for (const t of title) if (TITLE_WORDS.has(t.toLowerCase()) && !HONORIFICS.has(t.toLowerCase())) owner.titles.add(t.toLowerCase());
      owner.gender ??= honorificGenderOf(title);
    }
  });
}

/** "Mayor McCallum" made a one-word entry; it is the same person as "Doug McCallum". */
function mergeSurnameEntries(people: Map<string, Person>): void {
  for (const [key, person] of people) {
    if (person.tokens.length !== 1) continue;
    const full = [...people.values()].filter((p) => p.tokens.length > 1 && p.tokens[p.tokens.length - 1] === person.tokens[0]);
    const [target] = full;
    if (full.length !== 1 || !target) continue;
    mergeInto(target, person);
    people.delete(key);
  }
}

/** One person the story names two ways: the second's mentions, role, gender and titles go to the first. */
function mergeInto(target: Person, person: Person): void {
  target.role ??= person.role;
  target.gender ??= person.gender;
  target.occurrences.push(...person.occurrences);
  target.named += person.named;
  for (const t of person.titles) target.titles.add(t);
}

/**
 * "Xander Wise" and "Alexander Wise" in one story: a short form of the first name with the same
 * surname is the same person, whatever the name lists make of "Xander" alone.
 */
function mergeShortForms(people: Map<string, Person>): void {
  for (const [key, person] of people) {
    // (Not "PMTed Cruz" for "Ted Cruz": a time glued to a name is no longer first name.)
    const others = [...people.values()].filter((p) => p !== person && /^\p{Lu}\p{Ll}+$/u.test(p.tokens[0] ?? ''));
    const target = shortFormOf(others, person.tokens);
    if (!target) continue;
    mergeInto(target, person);
    people.delete(key);
  }
}

/**
 * Collect the people a story names in full, with roles ("President", "security chief") and
 * gender where the story or the first name tells it.
 */
export function collectPeople(paragraphs: readonly string[], speakerNames: ReadonlySet<string> = new Set()): PeopleIndex {
  const people = new Map<string, Person>();
  const names: string[][] = [];
  const orgs: OrgMention[] = [];
  const story = storyNames(paragraphs, speakerNames);
  for (let p = 0; p < paragraphs.length; p++) collectParagraph(story, paragraphs, p, people, orgs, names);
  noteLaterMentions(people, paragraphs);
  mergeSurnameEntries(people);
  mergeShortForms(people);
  for (const person of people.values()) {
    person.occurrences.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset);
    person.gender ??= genderOfPersonName(person.tokens[0] ?? '');
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
