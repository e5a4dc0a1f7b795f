/**
 * Noun phrases around a reporting verb: who is doing the saying. Works on tokens, so offsets stay
 * exact. Returns the mention as written ("his Security Council chief", "Umerov", "she") plus any
 * appositive ("a doctor at X") that describes the speaker's role.
 */
import { ANONYMOUS_HEADS, NOT_NAME_START, PRONOUNS, REGION_NAMES, TITLE_HEADS, TITLE_WORDS, WEEKDAY } from '../lexicon.ts';
import { isCapitalised, lowerAt, textAt, type Token } from '../read/tokens.ts';
import { genderOfPersonName, isAgentNoun, isModifierWord } from '../nlp.ts';
import { cleanRole } from './roles.ts';

export interface Mention {
  /** Mention text as written; several when joined by "and". */
  readonly parts: readonly string[];
  readonly start: number;
  readonly end: number;
  /** A role given beside the mention: "His security chief, Rustem Umerov," or "Hill, a doctor at X,". */
  readonly role: string | null;
}

export const SKIP_BEFORE_VERB = new Set(
  'also later then previously has have had would will could may might once further again recently reportedly repeatedly publicly privately simply only just both all ultimately initially quickly flatly even still often frequently never always already since then long consistently openly finally immediately eventually promptly now'.split(
    ' ',
  ),
);

export const DETERMINERS = new Set(
  'the a an his her their its our my your this these those one another some many several two three four five both each every any other'.split(' '),
);

export const PREPOSITIONS = new Set(['of', 'for', 'at', 'with', 'from', 'in', 'on', 'to']);

export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'da',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'du',
  'al',
  'bin',
  'ibn',
  'el',
  'di',
  'dos',
  'das',
  'st.',
  'mc',
  'y',
]);

/** Heads of nominal speakers: people by role and organisations that issue statements. */
const NOMINAL_HEADS = new Set(
  (
    'spokesperson spokesman spokeswoman spokespeople minister ministry official officials chief director president police ' +
    'department government company statement source sources lawyer lawyers attorney attorneys judge justice analyst analysts ' +
    'expert experts report study court agency office group union council board team coach mayor premier leader leaders ' +
    'member members resident residents witness witnesses prosecutor prosecutors investigator investigators researcher ' +
    'researchers scientist scientists economist economists doctor doctors officer officers representative representatives ' +
    'secretary chair chairman chairwoman ceo founder owner manager executive executives commissioner organizers organisers ' +
    'authorities military army embassy administration campaign club network family families person people woman man ' +
    'mother father son daughter wife husband student students teacher teachers victim victims friend friends neighbour neighbours ' +
    'neighbor neighbors critics critic supporters advocates activist activists party firm bank airline university hospital ' +
    'school city province state ministry regulator regulators watchdog agency association federation organization organisation ' +
    'spokesperson host player players partner partners parents parent survey poll data document documents filing letter ' +
    'reports studies surveys polls memos letters filings ' +
    'memo release release coroner paramedics firefighters fire service services staff employees workers nurse nurses ' +
    'host editor author authors writer producer director actor actress singer rapper star teammate teammates opponents ' +
    'commander general governor senator senators lawmakers legislators mps delegates diplomats diplomat ambassador envoy ' +
    'negotiator negotiators consultant adviser advisor advisers advisors aide aides insiders observers officials ally allies ' +
    'railway railroad paper lawsuit suit documents website site figures numbers statistics organizations groups companies firms ' +
    'star aunt uncle brother sister cousin grandmother grandfather niece nephew girlfriend boyfriend fiancé fiancee widow colleague ' +
    'citizen citizens veteran veterans viewer viewers reader readers voter voters fan fans customer customers patient patients ' +
    'worker employee shareholder shareholders investor investors farmer farmers owner owners tenant tenants landlord landlords ' +
    'professor professors historian historians strategist strategists economist observer onlooker bystander bystanders ' +
    'passenger passengers driver drivers survivor survivors protester protesters demonstrators participant participants ' +
    'community communities public nominee nominees candidate candidates commission commissions committee committees panel tribunal inquiry ' +
    'diocese church society alliance coalition trust fund bureau secretariat senate parliament assembly congress ' +
    'cabinet council councils legislature regime authority authorities prosecution defence defense inquest jury ' +
    'complaint indictment affidavit petition motion ruling verdict ' +
    'suspect suspects accused defendant defendants plaintiff plaintiffs applicant complainant inmate inmates prisoner prisoners ' +
    'migrant migrants immigrant immigrants refugee refugees pilot pilots soldier soldiers athlete athletes chef chefs ' +
    'homeowner homeowners shopper shoppers buyer buyers seller sellers child children kid kids boy girl teen teenager teenagers'
  ).split(' '),
);

const AGENT_SUFFIX = /(?:er|or|ist|ian|ant|ent|man|woman|person|ee|ers|ors|ists|ians|ants|ents|men|women|people|ees)$/;

export function isNameToken(t: Token | undefined): boolean {
  if (!t) return false;
  if (NAME_PARTICLES.has(t.lower)) return true;
  return isCapitalised(t.text) && /\p{L}/u.test(t.text);
}

const nounCache = new Map<string, boolean>();

/** A noun naming people or organisations; suffix guesses ("-ist", "-er") are checked by the tagger. */
function isNominalHead(word: string): boolean {
  if (NOMINAL_HEADS.has(word)) return true;
  // "my two-year-old", "the 39-year-old": an age stands for a person.
  if (/-year-olds?$/.test(word)) return true;
  if (word.length < 6 || !AGENT_SUFFIX.test(word)) return false;
  let noun = nounCache.get(word);
  if (noun === undefined) {
    noun = isAgentNoun(word);
    nounCache.set(word, noun);
  }
  return noun;
}

/** Words that open a clause or adverbial, never an appositive. */
export const NOT_APPOSITIVE_START =
  /^(?:and|or|but|without|with|after|before|during|while|when|if|because|although|though|since|despite|including|like|unlike|as|than|in|on|at|by|for|from|to|into|through|not|then|so|yet|even|also|just|only|still|however|said|says|told)$/;

/** Particles, then one capitalised word that ends the run: "de Miranda", "van der Berg". */
function particleSurname(tokens: readonly Token[], k: number, i: number): boolean {
  let j = k;
  while (j < i && NAME_PARTICLES.has(lowerAt(tokens, j)) && /^\p{Ll}/u.test(textAt(tokens, j))) j++;
  return j === i && /^\p{Lu}/u.test(textAt(tokens, i));
}

/** A capitalised run ending at token `i` (inclusive): returns the index of its first token. */
function nameRunStart(tokens: readonly Token[], i: number, floor: number): number {
  let k = i;
  for (;;) {
    if (k - 1 >= floor && isNameToken(tokens[k - 1])) k--;
    // "University of Toronto", "National Institute on Drug Abuse"
    else if (k - 2 >= floor && /^(?:of|on|for)$/.test(tokens[k - 1]!.text) && isNameToken(tokens[k - 2]) && !NOT_NAME_START.has(tokens[k - 2]!.lower)) k -= 2;
    else break;
  }
  // Drop leading particles and words that only start sentences ("But", "In").
  while (k < i && (NAME_PARTICLES.has(tokens[k]!.lower) || NOT_NAME_START.has(tokens[k]!.lower.replace(/\.$/, '')))) {
    const lower = tokens[k]!.lower;
    if (lower === 'the' && k + 1 <= i) break; // "The Globe", "The ministry" keep their article
    if (/^(?:mr|mrs|ms|dr)\.?$/.test(lower)) break;
    // "De Blasio", "Van Hollen", "Al Gore": a capitalised particle before a name is its first word.
    if (NAME_PARTICLES.has(lower) && /^\p{Lu}/u.test(tokens[k]!.text) && isNameToken(tokens[k + 1]) && !NAME_PARTICLES.has(tokens[k + 1]!.lower)) break;
    // "…, de Miranda notes": a surname that opens on its particle, after a comma or at the start.
    if (NAME_PARTICLES.has(lower) && (k === floor || /^[,(]$/.test(textAt(tokens, k - 1))) && particleSurname(tokens, k, i)) break;
    // "New York City Public Advocate …", "the New Jersey governor": "New" before a name is part of it.
    if (lower === 'new' && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '')) break;
    k++;
  }
  return k;
}

export function textOf(source: string, tokens: readonly Token[], from: number, to: number): string {
  const a = tokens[from];
  const b = tokens[to];
  if (!a || !b) return '';
  return source.slice(a.start, b.end);
}

export interface Phrase {
  readonly from: number;
  readonly to: number;
}

/** Lower-case heads of a person who speaks for, or holds a post in, what follows: "a spokeswoman for". */
export function isRoleHolderHead(word: string): boolean {
  const singular = word.replace(/(?<=[^s])s$/, '').replace(/men$/, 'man');
  return (
    TITLE_HEADS.has(singular) ||
    ANONYMOUS_HEADS.test(singular) ||
    /^(?:aide|member|employee|staffer|worker|representative|adviser|advisor)$/.test(singular) ||
    // "Critics of the Harbour Commission", "fans of the Raptors": people who stand for or against
    // what follows, never it.
    /^(?:critic|fan|supporter|opponent|ally|allie|backer|follower|friend|resident|pusher|defender|proponent|advocate|detractor|investor|customer|shareholder|donor|rival)$/.test(
      singular,
    )
  );
}

/**
 * "A spokeswoman for Acme Corp.", "the governor of the Bank of England", "aides to Jane Roe":
 * the speaker is the person the phrase heads, not the name it ends on. Returns where that phrase
 * starts, or null when the name is not owned so.
 */
function roleHolderBefore(tokens: readonly Token[], from: number, floor: number): number | null {
  let p = from - 1;
  if (p >= floor && /^(?:the|a|an)$/.test(tokens[p]!.lower)) p--;
  if (p - 1 < floor || !/^(?:for|of|at|from|to)$/.test(tokens[p]!.lower)) return null;
  const head = tokens[p - 1]!;
  // (Capitalised only as the clause's first word: "Officials at the Department of Health said".)
  const opens = p - 1 === 0 || /^[.!?"“”:;]$/.test(tokens[p - 2]?.text ?? '');
  if ((!/^\p{Ll}/u.test(head.text) && !opens) || !isRoleHolderHead(head.lower)) return null;
  const phrase = phraseEndingAt(tokens, p - 1, floor);
  // (A bare plural is a whole phrase: "Critics of the plan said".)
  const bare = /s$/.test(head.lower);
  return phrase && (phrase.from < p - 1 || (bare && phrase.from === p - 1)) ? phrase.from : null;
}

/**
 * "Ames, Iowa", "Portsmouth, N.H.": when tokens ending at `i` are a state or province after a
 * city and a comma, the index of the city's last token; else -1.
 *
 * @example
 * cityBeforeRegion(tokenize('in Ames, Iowa'), 3, 0); // 1
 */
export function cityBeforeRegion(tokens: readonly Token[], i: number, floor: number): number {
  for (let n = 1; n <= 4 && i - n + 1 > floor; n++) {
    const from = i - n + 1;
    const words = tokens
      .slice(from, i + 1)
      .map((t) => t.text)
      .join(' ');
    if (REGION_NAMES.has(words) && tokens[from - 1]?.text === ',' && from - 2 >= floor && isNameToken(tokens[from - 2])) return from - 2;
  }
  return -1;
}

/**
 * "Alan Berger, a gynecologist from Englewood, who": a description opened by a determiner after a
 * name and a comma, ending at `i`, stands for that name; the person, with the description as role.
 */
export function appositiveOwner(source: string, tokens: readonly Token[], i: number, floor: number): Mention | null {
  for (let k = i - 1; k > floor && i - k <= 12; k--) {
    const t = tokens[k]?.text ?? '';
    if (/^[;:()“”"]$/.test(t)) return null;
    if (t !== ',') continue;
    if (!DETERMINERS.has(tokens[k + 1]?.lower ?? '') || !isNameToken(tokens[k - 1])) return null;
    const person = phraseEndingAt(tokens, k - 1, floor);
    const [first, last] = person ? [tokens[person.from], tokens[person.to]] : [];
    if (!person || !first || !last || !isNameToken(first)) return null;
    return {
      parts: [textOf(source, tokens, person.from, person.to)],
      start: first.start,
      end: last.end,
      role: cleanRole(textOf(source, tokens, k + 1, i)),
    };
  }
  return null;
}

/** A name ending at `i`, with lower-case role words and a determiner before it, or its role holder ("a spokeswoman for Acme"). */
function nameEndingAt(tokens: readonly Token[], i: number, floor: number): Phrase {
  let from = nameRunStart(tokens, i, floor);
  // Lower-case role words before a name: "security chief Rustem Umerov".
  while (from - 1 >= floor && TITLE_WORDS.has(lowerAt(tokens, from - 1))) from--;
  if (from - 1 >= floor && DETERMINERS.has(lowerAt(tokens, from - 1)) && from < i && !isNameToken(tokens[from])) from--;
  const holder = roleHolderBefore(tokens, from, floor);
  return { from: holder ?? from, to: i };
}

/** "The foreign ministry’s (consular office)": an owner phrase ends in a possessive head. */
function possessiveHeadAt(tokens: readonly Token[], i: number, floor: number, last: Token): Phrase | null {
  if (!/^\p{Ll}[\p{L}-]*['’]s$/u.test(last.text) || !isNominalHead(last.lower.replace(/['’]s$/, ''))) return null;
  for (let k = i - 1; k >= floor && i - k <= 4; k--) {
    if (DETERMINERS.has(lowerAt(tokens, k))) return { from: k, to: i };
    if (!/^\p{Ll}[\p{L}-]*$/u.test(textAt(tokens, k))) break;
  }
  return null;
}

/** "a spokesperson for the camp", "a lawyer for the family": a head, then what it belongs to. Undefined when there is no such head. */
function headBeforeAttachment(tokens: readonly Token[], i: number, floor: number): Phrase | null | undefined {
  for (let p = i - 1; p - 1 >= floor && i - p <= 3; p--) {
    const t = tokens[p];
    if (!t) break;
    if (/^(?:for|of|at|with|from)$/.test(t.lower) && /^\p{Ll}/u.test(textAt(tokens, p - 1)) && isNominalHead(lowerAt(tokens, p - 1))) {
      const head = phraseEndingAt(tokens, p - 1, floor);
      return head ? { from: head.from, to: i } : null;
    }
    if (!DETERMINERS.has(t.lower) && !/^\p{Ll}[\p{L}-]*$/u.test(t.text)) break;
  }
  return undefined;
}

/**
 * After a determiner (or an owner's "’s") that a nominal phrase walked back to: the phrase, or where
 * to go on walking (through an attachment: "a spokesperson for the ministry").
 */
function atDeterminer(tokens: readonly Token[], k: number, i: number, floor: number, prev: Token): Phrase | number {
  const before = tokens[k - 1];
  // "some in the Muslim community", "many of the workers": a quantifier heads the phrase.
  if (
    before &&
    /^(?:in|of|among)$/.test(before.lower) &&
    k - 2 >= floor &&
    /^(?:some|many|most|several|few|all|both|none|others|one|two|three|each|either|neither)$/.test(lowerAt(tokens, k - 2))
  )
    return { from: k - 2, to: i };
  // "a majority of the 68 workers", "a group of residents": a collective noun heads the phrase.
  if (
    before?.lower === 'of' &&
    k - 3 >= floor &&
    /^(?:majority|minority|half|third|handful|number|group|couple|dozen|dozens|hundreds|thousands|team|panel|coalition)$/.test(lowerAt(tokens, k - 2)) &&
    DETERMINERS.has(lowerAt(tokens, k - 3))
  )
    return { from: k - 3, to: i };
  if (before && PREPOSITIONS.has(before.lower) && k - 2 >= floor && isNominalHead(lowerAt(tokens, k - 2))) return k - 2;
  if (!/['’]s$/.test(prev.text)) return { from: k, to: i };
  // "Kyiv's foreign ministry", "the company's CEO": include the owner phrase.
  const owner = phraseEndingAt(tokens, k, floor);
  return { from: owner && owner.from < k ? owner.from : k, to: i };
}

/** A nominal head at `i`: walk back to a determiner, through "of/for/at" attachments; else a bare plural ("officials said"). */
function nominalEndingAt(tokens: readonly Token[], i: number, floor: number, last: Token): Phrase | null {
  let k = i;
  let steps = 0;
  while (k - 1 >= floor && steps < 10) {
    const prev = tokens[k - 1];
    if (!prev) break;
    // "the lanky, bespectacled professor": a comma between two adjectives after a determiner (not
    // "… need a vote, analysts say": a word must stand between the comma and the head).
    if (
      prev.text === ',' &&
      k < i &&
      k - 3 >= floor &&
      /^\p{Ll}[\p{L}-]*$/u.test(textAt(tokens, k - 2)) &&
      DETERMINERS.has(lowerAt(tokens, k - 3)) &&
      !isNominalHead(lowerAt(tokens, k - 2)) &&
      isModifierWord(lowerAt(tokens, k - 2))
    ) {
      k -= 2;
      steps += 2;
      continue;
    }
    if (/^[,;:()—–.!?]$/.test(prev.text)) break;
    if (DETERMINERS.has(prev.lower) || /['’]s$/.test(prev.text)) {
      const found = atDeterminer(tokens, k - 1, i, floor, prev);
      if (typeof found !== 'number') return found;
      k = found;
      steps += 2;
      continue;
    }
    if (REPORTING_STOP.test(prev.lower)) break;
    k--;
    steps++;
  }
  // Bare plural: "officials said", "police say"; never a pronoun or a verb ("he heard students").
  if (k !== i && (i - k > 2 || !/s$|police|staff/.test(last.lower))) return null;
  let from = i;
  while (from - 1 >= Math.max(k, i - 2) && !PRONOUNS.has(lowerAt(tokens, from - 1)) && !PAST_VERB.test(lowerAt(tokens, from - 1))) from--;
  return { from, to: i };
}

/** The noun phrase ending at token `i`, or null. */
export function phraseEndingAt(tokens: readonly Token[], i: number, floor: number): Phrase | null {
  const last = tokens[i];
  if (!last || i < floor) return null;
  if (PRONOUNS.has(last.lower)) return { from: i, to: i };
  // "Clinton Friday said", "Trump Tuesday told …": a day between the subject and its verb is no part of the name.
  if (WEEKDAY.test(last.text) && i - 1 >= floor && isNameToken(tokens[i - 1])) return phraseEndingAt(tokens, i - 1, floor);
  // "Michael Every", "Theresa May": a surname that is also a common word, after a first name.
  const surname = NOT_NAME_START.has(last.lower) && i - 1 >= floor && isNameToken(tokens[i - 1]) && genderOfPersonName(textAt(tokens, i - 1)) !== null;
  if (isNameToken(last) && (!NOT_NAME_START.has(last.lower) || surname)) return nameEndingAt(tokens, i, floor);
  const owned = /['’]s$/.test(textAt(tokens, i - 1));
  const possessive = possessiveHeadAt(tokens, i, floor, last);
  if (possessive) return possessive;
  if (/^\p{Ll}/u.test(last.text) && !isNominalHead(last.lower) && !owned) {
    const attached = headBeforeAttachment(tokens, i, floor);
    if (attached !== undefined) return attached;
  }
  // "the ministry's spokesman" ends in a head; anything else is not a speaker.
  if (!/^\p{Ll}/u.test(last.text) || (!isNominalHead(last.lower) && !owned)) return null;
  return nominalEndingAt(tokens, i, floor, last);
}

/** Verbs that end a bare subject to their left: "he heard students shout". */
export const PAST_VERB =
  /^(?:\p{Ll}+(?:ed|ing)|heard|saw|told|said|thought|felt|knew|found|got|made|took|gave|came|went|left|kept|met|brought|sent|let|put|read|says|hears|sees)$/u;

export const REPORTING_STOP = /^(?:and|or|but|that|which|who|is|was|were|are|be|been|said|says|told|when|while|because|as|if)$/;

/** A determiner-led noun phrase ending at token `i` ("The parole board decision"), up to six words. */
export function nounPhraseEndingAt(tokens: readonly Token[], i: number, floor: number): Phrase | null {
  for (let k = i; k >= floor && i - k < 6; k--) {
    const t = tokens[k]!;
    if (/^[,;:()—–.!?]$/.test(t.text) || REPORTING_STOP.test(t.lower) || PREPOSITIONS.has(t.lower)) return null;
    if (DETERMINERS.has(t.lower) && k < i) return { from: k, to: i };
  }
  return null;
}

/** "Tim Guest with the Nova Scotia Health Authority", "Kent Moore at the University of Toronto": the person before the attachment. */
export function personBeforeAttachment(source: string, tokens: readonly Token[], phrase: Phrase, floor: number): { phrase: Phrase; role: string } | null {
  if (!isNameToken(tokens[phrase.from])) return null;
  let p = phrase.from - 1;
  if (tokens[p]?.lower === 'the') p--;
  if (p - 1 < floor || !/^(?:with|at|of|from)$/.test(tokens[p]?.lower ?? '') || !isNameToken(tokens[p - 1]) || NOT_NAME_START.has(tokens[p - 1]!.lower))
    return null;
  const person = phraseEndingAt(tokens, p - 1, floor);
  if (!person || person.to <= person.from || !isNameToken(tokens[person.to])) return null;
  return { phrase: person, role: textOf(source, tokens, p, phrase.to) };
}

/** "the director of provincial operations for EHS": a role phrase even though it ends in a name. */
export function isNominalHeadPhrase(tokens: readonly Token[], ph: Phrase): boolean {
  for (let k = ph.from; k <= ph.to; k++) if (/^\p{Ll}/u.test(tokens[k]!.text) && isNominalHead(tokens[k]!.lower)) return true;
  return false;
}

export { isNominalHead };
