/**
 * The English NLP the core leans on, through compromise: part-of-speech tags in context, person
 * and place recognition, and first-name gender. One module, so the tagger is easy to swap.
 */
import nlp from 'compromise';
import { GIVEN_NAMES_ALSO_WORDS } from './lexicon.ts';
import { genderOfGivenName } from './given-names.ts';
import { installFastSweep } from './nlp-sweep.ts';

// Chunking (grouping tagged words into noun and verb phrases) is compromise's last step: it sets
// no tags, nothing here reads chunks, and it cost about 5% of every call. (This module is the only
// one that imports compromise, so the change is ours alone.)
const HOOKS = (nlp.world() as { hooks: string[] }).hooks;
if (HOOKS.includes('chunks')) HOOKS.splice(HOOKS.indexOf('chunks'), 1);
// The post-tagger's rule selection, without its walk over every rule key per sentence: same tags,
// about a quarter less tagging time (see nlp-sweep.ts).
installFastSweep(nlp.methods() as { one?: Record<string, unknown> });

export interface TaggedTerm {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly tags: ReadonlySet<string>;
}

interface CompromiseTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** A term as compromise holds it inside a document (`doc.docs`), once its offsets are computed. */
interface DocumentTerm {
  readonly text: string;
  readonly tags: ReadonlySet<string>;
  readonly offset: { readonly start: number; readonly length: number };
}

/**
 * Tag one text as compromise reads it. Offsets are character offsets into `text`. The terms are
 * read from the document itself (its tag sets are not copied: the document is dropped here), not
 * through `.json()`, which builds text, normal forms and tag arrays nothing here reads (the same
 * terms, offsets and tags on every paragraph of the evaluation texts; 2–7% of tagging).
 */
function tagWhole(text: string): TaggedTerm[] {
  const doc = nlp(text);
  doc.compute('offset');
  const out: TaggedTerm[] = [];
  for (const sentence of doc.docs as unknown as DocumentTerm[][]) {
    for (const t of sentence) out.push({ start: t.offset.start, end: t.offset.start + t.offset.length, text: t.text, tags: t.tags });
  }
  return out;
}

type SentenceSplitter = (text: string, world: unknown) => string[];
const WORLD = nlp.world();
const splitSentences = (nlp.methods() as { one: { tokenize: { splitSentences: SentenceSplitter } } }).one.tokenize.splitSentences;

/**
 * Tagged sentences by their text. compromise tags each sentence on its own (no rule looks past a
 * sentence end: checked on every paragraph of the evaluation texts), and the extractor tags the
 * same sentences more than once: a sentence unit when looking for nouns, then its whole paragraph
 * when collecting people (half the paragraph text, measured). A few thousand sentences cover a story.
 */
const SENTENCES = new Map<string, readonly TaggedTerm[]>();
const CACHE_SIZE = 4_096;

/** What `ask` says of a text, remembered by the text in a map of at most CACHE_SIZE entries (oldest out first). */
function remembered<T>(cache: Map<string, T>, text: string, ask: (text: string) => T): T {
  let v = cache.get(text);
  if (v === undefined) {
    v = ask(text);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(text, v);
  }
  return v;
}

function tagSentence(sentence: string): readonly TaggedTerm[] {
  return remembered(SENTENCES, sentence, tagWhole);
}

/** Tag every word of a text in context, sentence by sentence. Offsets are character offsets into `text`. */
export function tagText(text: string): TaggedTerm[] {
  // Leading space changes how compromise reads an abbreviation (" a.m."), and the splitter keeps
  // every character (if it ever did not, offsets would drift): otherwise, tag the text whole.
  if (text.trim() !== text) return tagWhole(text);
  const sentences = splitSentences(text, WORLD);
  if (sentences.join('') !== text) return tagWhole(text);
  const out: TaggedTerm[] = [];
  let at = 0;
  for (const s of sentences) {
    const core = s.trim();
    const shift = at + s.indexOf(core);
    if (core !== '') for (const t of tagSentence(core)) out.push({ start: t.start + shift, end: t.end + shift, text: t.text, tags: t.tags });
    at += s.length;
  }
  return out;
}

/**
 * Tagged terms by start offset, each sentence tagged only when a word of it is first looked up:
 * a rule that asks about a few names needs only their sentences (same tags as `tagText`, which
 * tags sentences on their own). Iterating or asking the size tags the rest first.
 */
class LazyTagIndex extends Map<number, TaggedTerm> {
  /** Sentence ranges not tagged yet, as [start, end) offsets into the text. */
  private readonly pending: Array<readonly [number, number]>;
  private readonly text: string;
  /** Every sentence tagged and the entries in offset order. */
  private complete = false;

  constructor(text: string) {
    super();
    this.text = text;
    const sentences = text.trim() === text ? splitSentences(text, WORLD) : [];
    if (sentences.join('') !== text) this.pending = text === '' ? [] : [[0, text.length]];
    else {
      let at = 0;
      this.pending = sentences.map((s) => {
        const range = [at, at + s.length] as const;
        at += s.length;
        return range;
      });
    }
  }

  private tagAt(offset: number): void {
    const i = this.pending.findIndex(([start, end]) => offset >= start && offset < end);
    if (i >= 0) this.tagRange(i);
  }

  private tagRange(i: number): void {
    const [range] = this.pending.splice(i, 1);
    if (!range) return;
    const whole = range[0] === 0 && range[1] === this.text.length && this.pending.length === 0 && this.text.trim() !== this.text;
    const terms = whole ? tagWhole(this.text) : tagText(this.text.slice(range[0], range[1]).trim());
    const shift = whole ? 0 : range[0] + this.text.slice(range[0], range[1]).indexOf(this.text.slice(range[0], range[1]).trim());
    // A later term at the same offset wins, as in `indexTags`.
    for (const t of terms) super.set(t.start + shift, { start: t.start + shift, end: t.end + shift, text: t.text, tags: t.tags });
  }

  private tagAll(): void {
    if (this.complete) return;
    this.complete = true;
    while (this.pending.length > 0) this.tagRange(0);
    // Iterate in offset order, as `indexTags` does, whatever order the lookups tagged sentences in.
    const all = [...super.entries()].sort((a, b) => a[0] - b[0]);
    super.clear();
    for (const [k, v] of all) super.set(k, v);
  }

  override get(offset: number): TaggedTerm | undefined {
    this.tagAt(offset);
    return super.get(offset);
  }

  override has(offset: number): boolean {
    this.tagAt(offset);
    return super.has(offset);
  }

  override get size(): number {
    this.tagAll();
    return super.size;
  }

  override forEach(fn: (value: TaggedTerm, key: number, map: Map<number, TaggedTerm>) => void, thisArg?: unknown): void {
    this.tagAll();
    super.forEach(fn, thisArg);
  }

  override entries(): MapIterator<[number, TaggedTerm]> {
    this.tagAll();
    return super.entries();
  }

  override keys(): MapIterator<number> {
    this.tagAll();
    return super.keys();
  }

  override values(): MapIterator<TaggedTerm> {
    this.tagAll();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[number, TaggedTerm]> {
    return this.entries();
  }
}

/**
 * The words of `text` by start offset, tagged in context as `tagText` does, but lazily: a sentence
 * is tagged when one of its words is first looked up.
 */
export function lazyTagIndex(text: string): ReadonlyMap<number, TaggedTerm> {
  return new LazyTagIndex(text);
}

/** Index tagged terms by start offset. */
export function indexTags(terms: readonly TaggedTerm[]): ReadonlyMap<number, TaggedTerm> {
  return new Map(terms.map((t) => [t.start, t]));
}

// Answers about a clause, by its text: a clause is often checked again from another rule or verb.
const VERB_CACHE = new Map<string, boolean>();
const FINITE_CACHE = new Map<string, boolean>();

/** Does the text contain a verb? Tells a reported clause from a noun phrase. */
export function hasVerb(text: string): boolean {
  return remembered(VERB_CACHE, text, (t) => nlp(t).has('#Verb'));
}

/** Does the text hold a finite verb ("is", "would", "tracks"), not just a gerund ("monitoring")? */
export function hasFiniteVerb(text: string): boolean {
  return remembered(FINITE_CACHE, text, (t) => nlp(t).match('#Verb').not('#Gerund').found);
}

const SUBJECT_CACHE = new Map<string, boolean>();
/** Words a subject may hold before its verb: "the board", "his client", "government officials, tenants' groups and owners". */
const SUBJECT_WORD = /^(?:Noun|Determiner|Adjective|Value|Negative|Possessive|ProperNoun|Acronym|There)$/;

/**
 * Do the words open with a subject and then its finite verb ("he expects …", "the board will …",
 * "cold weather takes …"), rather than an object ("the crash", "the time he spent", "residents to
 * stay")? A pronoun subject stands alone; a longer one holds nouns and their words, "of"-phrases
 * after a noun, and "and".
 */
export function opensWithSubject(text: string): boolean {
  return remembered(SUBJECT_CACHE, text, (t) => {
    const terms = tagWhole(t).slice(0, 12);
    const v = terms.findIndex((x) => x.tags.has('Verb'));
    const verb = terms[v];
    if (verb === undefined || v === 0 || verb.tags.has('Gerund')) return false;
    // The subject ends on a noun ("similar themes and took …", "a large pledged …" are none), and
    // agrees with a bare verb ("1968 campaign", "strategy deployed by …" are no verbs here).
    const last = terms[v - 1];
    const ends = last !== undefined && (last.tags.has('Noun') || last.tags.has('There') || (v === 1 && /^this$/i.test(last.text)));
    if (!ends || verb.tags.has('Passive')) return false;
    // "his wife's life experiences, recited …": a comma in a subject only in a list with "and".
    const subject = terms.slice(0, v);
    const listed = subject.some((x) => /^(?:and|or)$/i.test(x.text));
    if (/,/.test(t.slice(0, verb.start)) && !listed) return false;
    const plural = listed || last.tags.has('Plural') || /^(?:i|you|we|they)$/i.test(last.text);
    if (verb.tags.has('Infinitive') && !verb.tags.has('PastTense') && !plural) return false;
    return subject.every((x, i) => {
      const after = terms[i - 1];
      // "details of a visit Bill Clinton made": a name or a determiner right after a common noun opens a second phrase.
      const commonNoun = after !== undefined && after.tags.has('Noun') && !after.tags.has('ProperNoun') && !/[,;]/.test(t.slice(after.end, x.start));
      if (commonNoun && (x.tags.has('Determiner') || /^\p{Lu}/u.test(x.text))) return false;
      const pronoun = x.tags.has('Pronoun') && !x.tags.has('Possessive');
      if (pronoun) return i === 0 && v === 1;
      // "the crash that killed …": a relative clause; "residents to stay": an infinitive.
      if (/^(?:that|which|who|whom|whose)$/i.test(x.text)) return false;
      if (i > 0 && (/^(?:and|or|of|for|in|at|with|from)$/i.test(x.text) || (x.text === 'to' && i < v - 1))) return true;
      return [...x.tags].some((tag) => SUBJECT_WORD.test(tag));
    });
  });
}

const genderCache = new Map<string, 'm' | 'f' | null>();

/** Gender a first name usually carries, or null when the tagger doesn't know it. */
export function genderOfFirstName(first: string): 'm' | 'f' | null {
  let g = genderCache.get(first);
  if (g === undefined) {
    const doc = nlp(first);
    g = doc.has('#MaleName') ? 'm' : doc.has('#FemaleName') ? 'f' : (GIVEN_NAMES_ALSO_WORDS.get(first) ?? null);
    genderCache.set(first, g);
  }
  return g;
}

const LEXICON = (WORLD as { model: { one: { lexicon: Record<string, string | undefined> } } }).model.one.lexicon;

/**
 * The gender of someone already known to be a person, by their first name: the tagger's, else the
 * name lists' ("Priya", "Kwame", "Navdeep"), for a word the tagger's lexicon does not hold at all
 * ("Hope", "Sky" are words; "Lee", "Jordan" are names of either gender). The lists hold "Nova" and
 * "Tesla" too: callers ask only about a run already read as no place or organisation.
 */
export function genderOfPersonName(first: string): 'm' | 'f' | null {
  const g = genderOfFirstName(first);
  if (g !== null) return g;
  // ("Lee", "Kerry", "Jordan": names the tagger knows without a gender are either.)
  return LEXICON[first.toLowerCase()] === undefined ? genderOfGivenName(first) : null;
}

const occupationCache = new Map<string, boolean>();

/** Is the word an occupation noun ("accountant", "economist") rather than a first name? */
export function isOccupation(word: string): boolean {
  const w = word.toLowerCase();
  let o = occupationCache.get(w);
  if (o === undefined) {
    o = genderOfFirstName(word) === null && nlp(w).has('#Actor');
    occupationCache.set(w, o);
  }
  return o;
}

/** The tags the tagger gives one word read on its own. */
function tagsOfWord(word: string): ReadonlySet<string> {
  return new Set((nlp(word).json({ terms: { offset: false } }) as Array<{ terms: CompromiseTerm[] }>)[0]?.terms[0]?.tags ?? []);
}

const modifierCache = new Map<string, boolean>();

/** Does the tagger read one lower-case word on its own as a modifier ("lanky", "bespectacled"), not a noun or a verb ("vote")? */
export function isModifierWord(word: string): boolean {
  let v = modifierCache.get(word);
  if (v === undefined) {
    const tags = tagsOfWord(word);
    v = (tags.has('Adjective') || tags.has('PastTense') || tags.has('Participle')) && !tags.has('Noun');
    modifierCache.set(word, v);
  }
  return v;
}

const nonNameCache = new Map<string, boolean>();
const NON_NAME_TAGS = ['Adverb', 'Gerund', 'WeekDay', 'Month', 'Pronoun', 'Expression'];

/**
 * A one-word "name" that is really a sentence adverb, an interjection ("Well", "Yes"), a participle, a day, a month or a pronoun
 * ("Likewise", "Having", "Thursday", "April", "You"): what a misread subject leaves, never a speaker.
 */
export function isNonNameWord(word: string): boolean {
  if (/\s/.test(word.trim())) return false;
  let v = nonNameCache.get(word);
  if (v === undefined) {
    const tags = tagsOfWord(word);
    v = !tags.has('Person') && NON_NAME_TAGS.some((t) => tags.has(t)) && !tags.has('Modal');
    nonNameCache.set(word, v);
  }
  return v;
}

const pluralCache = new Map<string, { plural: boolean; demonym: boolean; person: boolean }>();

/** How the tagger reads one capitalised word on its own: a plural noun, a demonym, a person's name. */
export function pluralReading(word: string): { plural: boolean; demonym: boolean; person: boolean } {
  let v = pluralCache.get(word);
  if (v === undefined) {
    const tags = tagsOfWord(word);
    v = { plural: tags.has('Plural'), demonym: tags.has('Demonym'), person: tags.has('Person') || tags.has('LastName') };
    pluralCache.set(word, v);
  }
  return v;
}

/**
 * Is the word a noun for someone who acts ("engineer", "protester") as the subject of "said", not a
 * verb that happens to end like one ("resist", "insist")?
 */
export function isAgentNoun(word: string): boolean {
  const doc = nlp(`the ${word} said`);
  const noun = doc.has(`(${word}) #Noun`) || doc.match(word).has('#Noun');
  return noun && !doc.match(word).has('(#Verb|#Adverb|#Adjective|#Preposition|#Conjunction)') && (doc.match(word).has('#Actor') || !nlp(word).has('#Verb'));
}
