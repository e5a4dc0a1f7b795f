/** Collecting the people a story names, with their roles and genders, and the pronoun chains that refer to them. */
import { HONORIFICS, NOT_NAME_START, TITLE_WORDS } from '../lexicon.ts';
import { cleanRole, isNominalHead } from '../mentions.ts';
import { isOccupation, genderOfFirstName, lazyTagIndex } from '../nlp.ts';
import { findDocumentAuthors } from '../documents.ts';
import { buildOrgIndex, ORG_TYPE, orgMentionOf, type OrgMention } from '../orgs.ts';
import { findQuoteSpans, splitSentences } from '../split.ts';
import {
  actsMidSentence,
  blankQuotes,
  NAME_RUN_AT,
  honorificGenderOf,
  isPlaceLike,
  looksLikePerson,
  NAME_RUN,
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
import { bestByTokens, resolveReference, shortFormOf } from './lookup.ts';

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
}

function storyNames(paragraphs: readonly string[], speakerNames: ReadonlySet<string>): StoryNames {
  const inLongerNames = new Set<string>();
  const firstNames = new Set<string>();
  const midSentence = new Map<string, number>();
  for (const text of paragraphs) {
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
  return { inLongerNames, firstNames, midSentence, speakerNames };
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
      if (name.length < 2 || name.length > 4 || ORG_WORDS.test(key)) return false;
      if (!story.speakerNames.has(key) && !story.speakerNames.has(name.at(-1) ?? '')) return false;
      const placeLike = isPlaceLike(nameOffsets, site.tags) && !(story.speakerNames.has(key) && pronounFollows(site.text, site.at + site.run.length));
      return !placeLike && !['Adjective', 'Plural'].some((t) => hasTag(site, nameOffsets[0], t));
    },
  },
  { id: 'looks-like-person', test: (site) => looksLikePerson(site.name, site.title, site.nameOffsets, site.tags) },
];

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
  if (!person.role) person.role = roleOfTitle(title);
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
    if (name.length === 0) continue;
    const key = name.join(' ');
    const nameOffsets = wordOffsets(trimmed.run, trimmed.at).slice(-name.length);
    const site: RunSite = { story, paragraphs, text, p, tags, run: trimmed.run, at: trimmed.at, title, name, key, afterTitle, nameOffsets };
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
      const owner = bestByTokens(agreeing, name, { paragraph: p, offset }, undefined, said !== null);
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
    target.role ??= person.role;
    target.gender ??= person.gender;
    target.occurrences.push(...person.occurrences);
    target.named += person.named;
    for (const t of person.titles) target.titles.add(t);
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
  for (const person of people.values()) {
    person.occurrences.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset);
    person.gender ??= genderOfFirstName(person.tokens[0] ?? '');
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
