/**
 * Noun phrases around a reporting verb: who is doing the saying. Works on tokens, so offsets stay
 * exact. Returns the mention as written ("his Security Council chief", "Umerov", "she") plus any
 * appositive ("a doctor at X") that describes the speaker's role.
 */
import {
  ANONYMOUS_HEADS,
  NOT_NAME_START,
  POSSESSIVE_SUBJECT,
  PRONOUNS,
  REGION_NAMES,
  RELATIVE_PARTICIPLE,
  TITLE_HEADS,
  TITLE_WORDS,
  WEEKDAY,
} from './lexicon.ts';
import { isCapitalised, type Token } from './tokens.ts';
import { ORG_TYPE } from './orgs.ts';
import { genderOfFirstName, hasFiniteVerb, isAgentNoun } from './nlp.ts';

export interface Mention {
  /** Mention text as written; several when joined by "and". */
  readonly parts: readonly string[];
  readonly start: number;
  readonly end: number;
  /** A role given beside the mention: "His security chief, Rustem Umerov," or "Hill, a doctor at X,". */
  readonly role: string | null;
}

const SKIP_BEFORE_VERB = new Set(
  'also later then previously has have had would will could may might once further again recently reportedly repeatedly publicly privately simply only just both all ultimately initially quickly flatly even still often frequently never always already since then long consistently openly finally immediately eventually promptly now'.split(
    ' ',
  ),
);

const DETERMINERS = new Set(
  'the a an his her their its our my your this these those one another some many several two three four five both each every any other'.split(' '),
);

const PREPOSITIONS = new Set(['of', 'for', 'at', 'with', 'from', 'in', 'on', 'to']);

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
    'community communities public nominee nominees commission commissions committee committees panel tribunal inquiry ' +
    'diocese church society alliance coalition trust fund bureau secretariat senate parliament assembly congress ' +
    'cabinet council councils legislature regime authority authorities prosecution defence defense inquest jury ' +
    'complaint indictment affidavit petition motion ruling verdict ' +
    'suspect suspects accused defendant defendants plaintiff plaintiffs applicant complainant inmate inmates prisoner prisoners ' +
    'migrant migrants immigrant immigrants refugee refugees pilot pilots soldier soldiers athlete athletes chef chefs ' +
    'homeowner homeowners shopper shoppers buyer buyers seller sellers child children kid kids boy girl teen teenager teenagers'
  ).split(' '),
);

const AGENT_SUFFIX = /(?:er|or|ist|ian|ant|ent|man|woman|person|ee|ers|ors|ists|ians|ants|ents|men|women|people|ees)$/;

function isNameToken(t: Token | undefined): boolean {
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
const NOT_APPOSITIVE_START =
  /^(?:and|or|but|without|with|after|before|during|while|when|if|because|although|though|since|despite|including|like|unlike|as|than|in|on|at|by|for|from|to|into|through|not|then|so|yet|even|also|just|only|still|however|said|says|told)$/;

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
    // "New York City Public Advocate …", "the New Jersey governor": "New" before a name is part of it.
    if (lower === 'new' && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '')) break;
    k++;
  }
  return k;
}

function textOf(source: string, tokens: readonly Token[], from: number, to: number): string {
  const a = tokens[from];
  const b = tokens[to];
  if (!a || !b) return '';
  return source.slice(a.start, b.end);
}

interface Phrase {
  readonly from: number;
  readonly to: number;
}

/** Lower-case heads of a person who speaks for, or holds a post in, what follows: "a spokeswoman for". */
export function isRoleHolderHead(word: string): boolean {
  const singular = word.replace(/(?<=[^s])s$/, '').replace(/men$/, 'man');
  return (
    TITLE_HEADS.has(singular) || ANONYMOUS_HEADS.test(singular) || /^(?:aide|member|employee|staffer|worker|representative|adviser|advisor)$/.test(singular)
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
  return phrase && phrase.from < p - 1 ? phrase.from : null;
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
function appositiveOwner(source: string, tokens: readonly Token[], i: number, floor: number): Mention | null {
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

/** The noun phrase ending at token `i`, or null. */
function phraseEndingAt(tokens: readonly Token[], i: number, floor: number): Phrase | null {
  const last = tokens[i];
  if (!last || i < floor) return null;
  if (PRONOUNS.has(last.lower)) return { from: i, to: i };
  // "Clinton Friday said", "Trump Tuesday told …": a day between the subject and its verb is no part of the name.
  if (WEEKDAY.test(last.text) && i - 1 >= floor && isNameToken(tokens[i - 1])) return phraseEndingAt(tokens, i - 1, floor);
  // "Michael Every", "Theresa May": a surname that is also a common word, after a first name.
  const surname = NOT_NAME_START.has(last.lower) && i - 1 >= floor && isNameToken(tokens[i - 1]) && genderOfFirstName(tokens[i - 1]!.text) !== null;
  if (isNameToken(last) && (!NOT_NAME_START.has(last.lower) || surname)) {
    let from = nameRunStart(tokens, i, floor);
    // Lower-case role words before a name: "security chief Rustem Umerov".
    while (from - 1 >= floor && TITLE_WORDS.has(tokens[from - 1]!.lower)) from--;
    if (from - 1 >= floor && DETERMINERS.has(tokens[from - 1]!.lower) && from < i && !isNameToken(tokens[from])) from--;
    const holder = roleHolderBefore(tokens, from, floor);
    return { from: holder ?? from, to: i };
  }
  const owned = /['’]s$/.test(tokens[i - 1]?.text ?? '');
  // "The foreign ministry’s (consular office)": an owner phrase ends in a possessive head.
  if (/^\p{Ll}[\p{L}-]*['’]s$/u.test(last.text) && isNominalHead(last.lower.replace(/['’]s$/, ''))) {
    for (let k = i - 1; k >= floor && i - k <= 4; k--) {
      if (DETERMINERS.has(tokens[k]!.lower)) return { from: k, to: i };
      if (!/^\p{Ll}[\p{L}-]*$/u.test(tokens[k]!.text)) break;
    }
  }
  // "a spokesperson for the camp", "a lawyer for the family": a head, then what it belongs to.
  if (/^\p{Ll}/u.test(last.text) && !isNominalHead(last.lower) && !owned) {
    for (let p = i - 1; p - 1 >= floor && i - p <= 3; p--) {
      const t = tokens[p]!;
      if (/^(?:for|of|at|with|from)$/.test(t.lower) && /^\p{Ll}/u.test(tokens[p - 1]!.text) && isNominalHead(tokens[p - 1]!.lower)) {
        const head = phraseEndingAt(tokens, p - 1, floor);
        return head ? { from: head.from, to: i } : null;
      }
      if (!DETERMINERS.has(t.lower) && !/^\p{Ll}[\p{L}-]*$/u.test(t.text)) break;
    }
  }
  if (!/^\p{Ll}/u.test(last.text) || (!isNominalHead(last.lower) && !owned)) {
    // "the ministry's spokesman" ends in a head; anything else is not a speaker.
    return null;
  }
  // Nominal: walk back to a determiner, through "of/for/at" attachments.
  let k = i;
  let steps = 0;
  while (k - 1 >= floor && steps < 10) {
    const prev = tokens[k - 1]!;
    // "the lanky, bespectacled professor": a comma between two adjectives after a determiner.
    if (
      prev.text === ',' &&
      k - 3 >= floor &&
      /^\p{Ll}[\p{L}-]*$/u.test(tokens[k - 2]!.text) &&
      DETERMINERS.has(tokens[k - 3]!.lower) &&
      !isNominalHead(tokens[k - 2]!.lower)
    ) {
      k -= 2;
      steps += 2;
      continue;
    }
    if (/^[,;:()—–.!?]$/.test(prev.text)) break;
    if (DETERMINERS.has(prev.lower) || /['’]s$/.test(prev.text)) {
      k--;
      // "a spokesperson for the ministry": keep walking through the attachment.
      const before = tokens[k - 1];
      // "some in the Muslim community", "many of the workers": a quantifier heads the phrase.
      if (
        before &&
        /^(?:in|of|among)$/.test(before.lower) &&
        k - 2 >= floor &&
        /^(?:some|many|most|several|few|all|both|none|others|one|two|three|each|either|neither)$/.test(tokens[k - 2]!.lower)
      )
        return { from: k - 2, to: i };
      // "a majority of the 68 workers", "a group of residents": a collective noun heads the phrase.
      if (
        before &&
        before.lower === 'of' &&
        k - 3 >= floor &&
        /^(?:majority|minority|half|third|handful|number|group|couple|dozen|dozens|hundreds|thousands|team|panel|coalition)$/.test(tokens[k - 2]!.lower) &&
        DETERMINERS.has(tokens[k - 3]!.lower)
      )
        return { from: k - 3, to: i };
      if (before && PREPOSITIONS.has(before.lower) && k - 2 >= floor && isNominalHead(tokens[k - 2]!.lower)) {
        k -= 2;
        steps += 2;
        continue;
      }
      if (/['’]s$/.test(prev.text)) {
        // "Kyiv's foreign ministry", "the company's CEO": include the owner phrase.
        const owner = phraseEndingAt(tokens, k, floor);
        if (owner && owner.from < k) k = owner.from;
      }
      return { from: k, to: i };
    }
    if (REPORTING_STOP.test(prev.lower)) break;
    k--;
    steps++;
  }
  // Bare plural: "officials said", "police say"; never a pronoun or a verb ("he heard students").
  if (k === i || (i - k <= 2 && /s$|police|staff/.test(last.lower))) {
    let from = i;
    while (from - 1 >= Math.max(k, i - 2) && !PRONOUNS.has(tokens[from - 1]!.lower) && !PAST_VERB.test(tokens[from - 1]!.lower)) from--;
    return { from, to: i };
  }
  return null;
}

/** Verbs that end a bare subject to their left: "he heard students shout". */
const PAST_VERB =
  /^(?:\p{Ll}+(?:ed|ing)|heard|saw|told|said|thought|felt|knew|found|got|made|took|gave|came|went|left|kept|met|brought|sent|let|put|read|says|hears|sees)$/u;

const REPORTING_STOP = /^(?:and|or|but|that|which|who|is|was|were|are|be|been|said|says|told|when|while|because|as|if)$/;

/**
 * Who does the saying when the verb is at token `v` and its subject comes first:
 * "Umerov said", "His security chief, Rustem Umerov, said", "Hill, a doctor, said", "X and Y said".
 */
export function findSubjectBefore(source: string, tokens: readonly Token[], v: number, floor: number): Mention | null {
  let i = v - 1;
  // "has been saying", "was telling reporters": the auxiliaries of a progressive belong to the verb.
  const progressive = /^\p{Ll}+ing$/u.test(tokens[v]?.text ?? '');
  // Only lower-case words are skipped: "Ms. May said" keeps its May. A day is a time, not a name:
  // "UFCW Local 832 late Friday said".
  for (;;) {
    while (i >= floor && (SKIP_BEFORE_VERB.has(tokens[i]!.text) || (progressive && /^(?:is|are|was|were|been|be)$/.test(tokens[i]!.text)))) i--;
    // "have for years been saying": a span of time is no one.
    if (i - 1 > floor && /^(?:years|months|weeks|decades|days)$/.test(tokens[i]!.text) && tokens[i - 1]!.text === 'for') {
      i -= 2;
      continue;
    }
    // "Sen. Ted Cruz (R-Texas) said": a short parenthetical after the name.
    if (i > floor && tokens[i]!.text === ')') {
      let open = i - 1;
      while (open > floor && i - open <= 6 && tokens[open]!.text !== '(') open--;
      if (tokens[open]?.text === '(' && i - open <= 6) {
        i = open - 1;
        continue;
      }
    }
    // "That would be Heather, who finally confessed": the relative pronoun stands for the name before it.
    if (i - 2 >= floor && tokens[i]!.lower === 'who' && tokens[i - 1]!.text === ',') {
      i -= 2;
      // "Alan Berger, a gynecologist from Englewood, New Jersey, who said": the state is part of the
      // place, and the place is part of the description of the person named before it.
      const city = cityBeforeRegion(tokens, i, floor);
      if (city >= 0) i = city;
      const owner = appositiveOwner(source, tokens, i, floor);
      if (owner) return owner;
      break;
    }
    // "Amanda Nunes, the ferocious brawler who calls herself …": the named person the description
    // before "who" is in apposition to.
    // (Only when the quote follows the verb: "an expert who writes extensively about the Kremlin,
    // noted that …" is the main verb's.)
    if (i - 4 >= floor && tokens[i]!.lower === 'who' && /^[^,.;“”"]{0,40}?["“]/.test(source.slice(tokens[v]?.end ?? 0, (tokens[v]?.end ?? 0) + 60))) {
      const described = phraseEndingAt(tokens, i - 1, floor);
      const comma = described ? described.from - 1 : -1;
      if (described && DETERMINERS.has(tokens[described.from]!.lower) && tokens[comma]?.text === ',' && isNameToken(tokens[comma - 1])) {
        const person = phraseEndingAt(tokens, comma - 1, floor);
        if (person && isNameToken(tokens[person.from])) {
          const parts = [textOf(source, tokens, person.from, person.to)];
          return {
            parts,
            start: tokens[person.from]!.start,
            end: tokens[person.to]!.end,
            role: cleanRole(textOf(source, tokens, described.from, described.to)),
          };
        }
      }
    }
    if (i < floor || !/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/.test(tokens[i]!.lower)) break;
    i--;
    if (i >= floor && /^(?:on|late|early|last|this|since|until)$/.test(tokens[i]!.text)) i--;
  }
  // "a video of Colton in bed talking about …", "Trump at a rally saying …": a short place between a
  // name and a participle.
  if (/^\p{Ll}+ing$/u.test(tokens[v]?.text ?? '') && i - 2 >= floor && /^\p{Ll}+$/u.test(tokens[i]!.text)) {
    const det = /^(?:the|a|an|his|her|their)$/.test(tokens[i - 1]!.lower) ? 1 : 0;
    if (
      i - 2 - det >= floor &&
      /^(?:in|at|on|from)$/.test(tokens[i - 1 - det]!.lower) &&
      isNameToken(tokens[i - 2 - det]) &&
      !NOT_NAME_START.has(tokens[i - 2 - det]!.lower)
    )
      i -= 2 + det;
  }
  if (i < floor) return null;
  let role: string | null = null;
  let phrase: Phrase | null = null;
  let subjectFrom = -1;
  // "Reed, for his part, said", "Smith, however, said": an adverbial aside between the subject and the verb.
  if (tokens[i]!.text === ',') {
    let open = i - 1;
    while (open > floor && i - open <= 5 && tokens[open]!.text !== ',') open--;
    const aside = tokens
      .slice(open + 1, i)
      .map((t) => t.lower)
      .join(' ');
    if (
      tokens[open]?.text === ',' &&
      open > floor &&
      /^(?:for (?:his|her|their|its) part|however|meanwhile|though|too|also|in turn|in response|in a statement|in an interview|for example|in contrast|by contrast|at the time|in fact|of course|later|earlier)$/.test(
        aside,
      )
    )
      i = open - 1;
    // "Democratic economists, like their Republican counterparts, say": a comparison set off by commas.
    else if (tokens[open]?.text === ',' && open > floor && /^(?:like|unlike|along with|together with|as well as|including|such as)\s/.test(aside)) i = open - 1;
    else {
      // "The reports, citing unnamed sources close to the matter, said": a participle's aside.
      let cite = i - 1;
      while (cite > floor && i - cite <= 14 && tokens[cite]!.text !== ',' && !/^[;:.!?()]$/.test(tokens[cite]!.text)) cite--;
      if (tokens[cite]?.text === ',' && cite > floor && /^(?:citing|quoting|speaking|referring|responding|writing|echoing)$/.test(tokens[cite + 1]!.lower))
        i = cite - 1;
    }
  }
  // "Here in Columbia, Sanders stepped up his attacks, saying …": a participle after a clause shares
  // that clause's subject. The words before the comma are a clause, not an appositive naming anyone.
  if (tokens[i]!.text === ',' && i === v - 1 && /^\p{Ll}+ing$/u.test(tokens[v]?.text ?? '')) {
    let open = i - 1;
    while (open > floor && tokens[open]!.text !== ',' && !/^[;:.!?]$/.test(tokens[open]!.text)) open--;
    const first = tokens[tokens[open]!.text === ',' || /^[;:.!?]$/.test(tokens[open]!.text) ? open + 1 : open];
    if (first && first.start < tokens[i - 1]!.end && hasFiniteVerb(source.slice(first.start, tokens[i - 1]!.end))) return null;
  }
  if (tokens[i]!.text === ',') {
    // Appositives: "Sen. Debbie Stabenow, D-Mich., a member of the team, said" or
    // "the director of operations for EHS, Jeff Fraser, says". Collect the comma-separated segments.
    const commas: number[] = [i];
    for (let j = i - 1; j > floor && i - j < 50 && commas.length < 4; j--) {
      // "…, but their allies, members of the DUP, have said": a conjunction after a comma starts the
      // subject's clause; what comes before it is another clause.
      if (tokens[j]!.text === ',' && /^(?:but|while|whereas|yet)$/.test(tokens[j + 1]?.lower ?? '') && j + 2 < commas.at(-1)!) break;
      if (tokens[j]!.text === ',') commas.push(j);
      if (/^[.;:!?]$/.test(tokens[j]!.text)) break;
    }
    // "On Tuesday, Donald Tusk, the president of the European Council, urged": an opening
    // adverbial is no part of the subject.
    while (commas.length >= 3) {
      let open = commas[commas.length - 1]! - 1;
      while (open > floor && !/^[,;:()—–.!?]$/.test(tokens[open - 1]!.text)) open--;
      if (!/^(?:on|in|at|during|after|before|last|earlier|later|meanwhile|yesterday|today|then|but|and|however|still|also)$/.test(tokens[open]!.lower)) break;
      commas.pop();
    }
    if (commas.length < 2) return null;
    // Every segment between the commas must read like an appositive, not a clause or adverbial.
    for (let k = 0; k + 1 < commas.length; k++) {
      const first = tokens[commas[k + 1]! + 1];
      const coordinated = first?.lower === 'and' && /^(?:a|an|the)$/.test(tokens[commas[k + 1]! + 2]?.lower ?? '');
      if (!first || (NOT_APPOSITIVE_START.test(first.lower) && !coordinated) || commas[k]! - commas[k + 1]! > 24) return null;
    }
    const lastComma = commas[commas.length - 1]!;
    const head = phraseEndingAt(tokens, lastComma - 1, floor);
    if (!head) return null;
    subjectFrom = head.from;
    const segments = commas
      .slice()
      .reverse()
      .map((c, k, arr) => ({ from: c + 1, to: (arr[k + 1] ?? i) - 1 }))
      .filter((seg) => seg.to >= seg.from);
    const headIsRole = DETERMINERS.has(tokens[head.from]!.lower) || /^\p{Ll}/u.test(tokens[head.from]!.text) || /['’]s$/.test(tokens[head.from]!.text);
    const named = segments.find((seg) => {
      const ph = phraseEndingAt(tokens, seg.to, seg.from);
      return (
        ph !== null &&
        ph.from === seg.from &&
        seg.to > seg.from &&
        isNameToken(tokens[seg.from]) &&
        !PRONOUNS.has(tokens[seg.from]!.lower) &&
        !DETERMINERS.has(tokens[seg.from]!.lower)
      );
    });
    const membersOf = segments.find(
      (seg) =>
        /^(?:members|officials|leaders|representatives)$/.test(tokens[seg.from]!.lower) &&
        tokens[seg.from + 1]?.lower === 'of' &&
        (isNameToken(tokens[seg.to]) || tokens[seg.to]?.text === ')'),
    );
    // "One red-state Democrat, Montana Sen. Jon Tester, said", "Keeper of the Ruler's Seal, Syed
    // Danial Syed Ahmad, said": a capitalised head with lower-case words or a determiner before it
    // is a description; the name in the next segment is the speaker.
    let described = head.from;
    while (
      described - 1 >= floor &&
      head.from - described < 6 &&
      !/^[,;:()—–.!?]$/.test(tokens[described - 1]!.text) &&
      (DETERMINERS.has(tokens[described - 1]!.lower) ||
        /^\p{Ll}/u.test(tokens[described - 1]!.text) ||
        /['’]s$/.test(tokens[described - 1]!.text) ||
        tokens[described]?.lower === 'of')
    )
      described--;
    // "But the director of provincial operations for EHS, Jeff Fraser, says": a conjunction may open the sentence.
    const opens = (k: number) =>
      k === floor ||
      /^[,;:()—–.!?]$/.test(tokens[k - 1]?.text ?? '.') ||
      (k - 1 === floor && /^(?:but|and|so|yet|meanwhile|still)$/.test(tokens[k - 1]!.lower));
    if (described < head.from && opens(described) && named && isNameToken(tokens[head.to]) && !PRONOUNS.has(tokens[named.from]!.lower)) {
      phrase = { from: named.from, to: named.to };
      role = textOf(source, tokens, described, head.to);
      subjectFrom = described;
    } else if (headIsRole && named && !isNameToken(tokens[head.to])) {
      phrase = { from: named.from, to: named.to };
      role = textOf(source, tokens, head.from, head.to);
    } else if (headIsRole && named && isNominalHeadPhrase(tokens, head)) {
      phrase = { from: named.from, to: named.to };
      role = textOf(source, tokens, head.from, head.to);
    } else if (POSSESSIVE_SUBJECT.has(tokens[head.from]!.lower) && membersOf) {
      // "their allies, members of Northern Ireland’s Democratic Unionist Party, have said": the
      // appositive says who "their allies" are.
      phrase = membersOf;
      role = textOf(source, tokens, head.from, head.to);
    } else {
      phrase = head;
      const attached = personBeforeAttachment(source, tokens, head, floor);
      if (attached) phrase = attached.phrase;
      const described = segments.find((seg) => /^(?:a|an|the|his|her|its|their)$/i.test(tokens[seg.from]!.lower) || /^\p{Ll}/u.test(tokens[seg.from]!.text));
      const appositive = described ? textOf(source, tokens, described.from, described.to) : null;
      if (appositive && !/^(?:who|which|whose|where|when|as|after|before|while|speaking|according)\b/i.test(appositive)) role = appositive;
    }
  } else {
    phrase = phraseEndingAt(tokens, i, floor);
    const attached = phrase ? personBeforeAttachment(source, tokens, phrase, floor) : null;
    if (attached) {
      role = attached.role;
      subjectFrom = attached.phrase.from;
      phrase = attached.phrase;
    }
  }
  if (!phrase) return null;
  // "The parole board decision allowing his release said": the object of a participle is not the
  // subject; the noun phrase before the participle is.
  const participle = tokens[phrase.from - 1];
  if (
    participle &&
    /^\p{Ll}+ing$/u.test(participle.text) &&
    phrase.from - 2 >= floor &&
    /^\p{Ll}/u.test(tokens[phrase.from - 2]!.text) &&
    !PREPOSITIONS.has(tokens[phrase.from - 2]!.lower)
  ) {
    const owner = nounPhraseEndingAt(tokens, phrase.from - 2, floor);
    if (owner) {
      phrase = owner;
      subjectFrom = -1;
    }
  }
  const parts = [textOf(source, tokens, phrase.from, phrase.to)];
  let start = subjectFrom >= 0 ? Math.min(subjectFrom, phrase.from) : phrase.from;
  // "President Volodymyr Zelenskiy and his Security Council chief said": several speakers.
  const and = tokens[phrase.from - 1];
  if (and && and.lower === 'and') {
    const first = phraseEndingAt(tokens, phrase.from - 2, floor);
    // "The Securities and Exchange Commission said": one body whose name holds "and".
    const oneName =
      first !== null &&
      ORG_TYPE.test(tokens[phrase.to]!.text) &&
      isNameToken(tokens[phrase.from]) &&
      !ORG_TYPE.test(textOf(source, tokens, first.from, first.to)) &&
      tokens.slice(first.from, first.to + 1).every((t) => isNameToken(t) || t.lower === 'the');
    if (first && oneName) {
      parts[0] = textOf(source, tokens, first.from, phrase.to);
      start = Math.min(start, first.from);
    } else if (
      first &&
      first.from === first.to &&
      first.from === floor &&
      !isNominalHead(tokens[first.from]!.lower) &&
      /^\p{Ll}/u.test(tokens[phrase.from]!.text) &&
      !isNominalHead(tokens[phrase.from]!.lower)
    ) {
      // "Local and federal officials said": one group with two modifiers.
      parts[0] = textOf(source, tokens, first.from, phrase.to);
      start = Math.min(start, first.from);
    } else if (first && !PRONOUNS.has(tokens[first.from]!.lower)) {
      parts.unshift(textOf(source, tokens, first.from, first.to));
      start = Math.min(start, first.from);
    } else if (!first && /^\p{Ll}/u.test(tokens[phrase.from]!.text)) {
      // "Public health and environmental researchers say": two modifiers of one head, when they
      // open the sentence.
      let from = phrase.from - 1;
      while (
        from - 1 >= floor &&
        phrase.from - from <= 3 &&
        /^[\p{L}-]+$/u.test(tokens[from - 1]!.text) &&
        !PRONOUNS.has(tokens[from - 1]!.lower) &&
        !REPORTING_STOP.test(tokens[from - 1]!.lower) &&
        !PAST_VERB.test(tokens[from - 1]!.lower)
      )
        from--;
      if (from < phrase.from - 1 && (from === floor || /^[,;:(—–]$/.test(tokens[from - 1]!.text))) {
        parts[0] = textOf(source, tokens, from, phrase.to);
        start = Math.min(start, from);
      }
    }
  }
  return { parts, start: tokens[start]!.start, end: tokens[phrase.to]!.end, role: role ? cleanRole(role) : null };
}

/** A determiner-led noun phrase ending at token `i` ("The parole board decision"), up to six words. */
function nounPhraseEndingAt(tokens: readonly Token[], i: number, floor: number): Phrase | null {
  for (let k = i; k >= floor && i - k < 6; k--) {
    const t = tokens[k]!;
    if (/^[,;:()—–.!?]$/.test(t.text) || REPORTING_STOP.test(t.lower) || PREPOSITIONS.has(t.lower)) return null;
    if (DETERMINERS.has(t.lower) && k < i) return { from: k, to: i };
  }
  return null;
}

/** "Tim Guest with the Nova Scotia Health Authority", "Kent Moore at the University of Toronto": the person before the attachment. */
function personBeforeAttachment(source: string, tokens: readonly Token[], phrase: Phrase, floor: number): { phrase: Phrase; role: string } | null {
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
function isNominalHeadPhrase(tokens: readonly Token[], ph: Phrase): boolean {
  for (let k = ph.from; k <= ph.to; k++) if (/^\p{Ll}/u.test(tokens[k]!.text) && isNominalHead(tokens[k]!.lower)) return true;
  return false;
}

/** Inverted order after the verb: "said Smith", "said the minister", "said John Smith, a spokesman for X". */
export function findSubjectAfter(source: string, tokens: readonly Token[], v: number, ceiling: number): Mention | null {
  const first = tokens[v + 1];
  if (!first || v + 1 >= ceiling) return null;
  let to = v + 1;
  if (PRONOUNS.has(first.lower)) return { parts: [first.text], start: first.start, end: first.end, role: null };
  // "said lead author Dr. Allan Garland", "insists 16-year-old Xander Wise": lower-case role words
  // or an age before a name.
  let lead = v + 1;
  while (
    lead < ceiling &&
    lead - v <= 3 &&
    /^(?:\p{Ll}[\p{L}-]*|\d+-year-old)$/u.test(tokens[lead]!.text) &&
    !DETERMINERS.has(tokens[lead]!.lower) &&
    !REPORTING_STOP.test(tokens[lead]!.lower) &&
    !PREPOSITIONS.has(tokens[lead]!.lower) &&
    !NOT_APPOSITIVE_START.test(tokens[lead]!.lower)
  )
    lead++;
  if (lead > v + 1 && lead < ceiling && isNameToken(tokens[lead]) && !NOT_NAME_START.has(tokens[lead]!.lower)) to = lead;
  // "according to police, …", "said officials familiar with the plan", "according to
  // administration officials unauthorized to speak publicly"
  const groupHead = (t: Token | undefined) => t !== undefined && /^\p{Ll}/u.test(t.text) && isNominalHead(t.lower) && /s$|^police$|^staff$/.test(t.lower);
  // ("according to court documents" is a record, not people.)
  const modified =
    /^\p{Ll}[\p{L}-]*$/u.test(first.text) &&
    !DETERMINERS.has(first.lower) &&
    !PREPOSITIONS.has(first.lower) &&
    v + 2 < ceiling &&
    groupHead(tokens[v + 2]) &&
    !/^(?:documents|records|reports|filings|papers|figures|statistics|numbers|studies|surveys|polls|memos|letters|statements)$/.test(tokens[v + 2]!.lower);
  if (groupHead(first) || modified) {
    const head = modified ? tokens[v + 2]! : first;
    const end = head.end + anonymousQualifier(source.slice(head.end));
    return { parts: [source.slice(first.start, end)], start: first.start, end, role: null };
  }
  // "according to a person familiar with the talks but unauthorized to speak publicly"
  if (DETERMINERS.has(first.lower) && v + 2 < ceiling && /^\p{Ll}/u.test(tokens[v + 2]!.text) && isNominalHead(tokens[v + 2]!.lower)) {
    const qualifier = anonymousQualifier(source.slice(tokens[v + 2]!.end));
    if (qualifier > 0) {
      const end = tokens[v + 2]!.end + qualifier;
      return { parts: [source.slice(first.start, end)], start: first.start, end, role: null };
    }
  }
  if (isNameToken(tokens[to]) || TITLE_WORDS.has(tokens[to]!.lower)) {
    // "said Rockets general manager Bruce Hamilton": role words may sit inside the run.
    // "said Heart and Stroke senior manager Erin Kim": an organisation's "and" inside a role.
    const orgJoin = (k: number) =>
      /^(?:and|&|of)$/.test(tokens[k]?.lower ?? '') &&
      isNameToken(tokens[k + 1]) &&
      tokens.slice(k + 2, Math.min(ceiling, k + 6)).some((t) => /^\p{Ll}/u.test(t.text) && TITLE_WORDS.has(t.lower));
    while (
      to + 1 < ceiling &&
      to - v < 10 &&
      (isNameToken(tokens[to + 1]) ||
        orgJoin(to + 1) ||
        ((TITLE_WORDS.has(tokens[to + 1]!.lower) || isNominalHead(tokens[to + 1]!.lower)) && to - v < 6) ||
        /^(?:general|head|assistant|executive|managing|deputy|senior|chief|manager|coach)$/.test(tokens[to + 1]!.lower))
    )
      to++;
    while (to > v + 1 && !isNameToken(tokens[to])) to--;
    if (!isNameToken(tokens[to])) return null;
    // "says Campbell’s partner, Jason Louth", "says Wise’s dad, Darrin": the owner is not the speaker.
    if (/['’]s$/.test(tokens[to]!.text) && /^\p{Ll}/u.test(tokens[to + 1]?.text ?? '')) {
      let j = to + 1;
      while (
        j + 1 < ceiling &&
        j - to < 3 &&
        /^\p{Ll}[\p{L}-]*$/u.test(tokens[j + 1]!.text) &&
        !REPORTING_STOP.test(tokens[j + 1]!.lower) &&
        !PREPOSITIONS.has(tokens[j + 1]!.lower)
      )
        j++;
      const owned = textOf(source, tokens, v + 1, j);
      if (tokens[j + 1]?.text === ',' && isNameToken(tokens[j + 2]) && !NOT_NAME_START.has(tokens[j + 2]!.lower)) {
        let end = j + 2;
        while (end + 1 < ceiling && isNameToken(tokens[end + 1])) end++;
        return { parts: [textOf(source, tokens, j + 2, end)], start: tokens[j + 2]!.start, end: tokens[end]!.end, role: cleanRole(owned) };
      }
      if (!isNominalHead(tokens[j]!.lower)) return null;
      return { parts: [owned], start: first.start, end: tokens[j]!.end, role: null };
    }
  } else if (DETERMINERS.has(first.lower)) {
    // The phrase ends at a verb: "alleged the Prime Minister's Office leaned on …" is a clause, not
    // an inverted subject.
    while (
      to + 1 < ceiling &&
      /^[\p{L}\p{N}'’-]+$/u.test(tokens[to + 1]!.text) &&
      !REPORTING_STOP.test(tokens[to + 1]!.lower) &&
      !(/^\p{Ll}+ed$/u.test(tokens[to + 1]!.text) && !RELATIVE_PARTICIPLE.test(tokens[to + 1]!.text)) &&
      to - v < 10
    )
      to++;
    // "the National Institute on Drug Abuse" is a name; "the ministry" a nominal head; "the founder
    // of the press" a head with an attachment.
    const attached = (k: number) => k > v + 1 && /^(?:of|at|for|with|from)$/.test(tokens[k]!.lower) && isNominalHead(tokens[k - 1]!.lower);
    // "says the bow-tied maverick, noting …": a short description that ends the clause names someone
    // whatever its head.
    const closes = (to + 1 >= ceiling || /^[,.;:!?]$/.test(tokens[to + 1]!.text)) && to - v <= 4 && /^\p{Ll}[\p{L}-]*$/u.test(tokens[to]!.text);
    if (!isNominalHead(tokens[to]!.lower) && !isNameToken(tokens[to]) && !closes && !tokens.slice(v + 2, to).some((_, j) => attached(v + 2 + j))) return null;
    // "said the company founder Jane Smith": a role phrase, then the person's name.
    if (isNameToken(tokens[to]) && isNameToken(tokens[to - 1])) {
      let from = to - 1;
      while (from - 1 > v + 1 && isNameToken(tokens[from - 1]) && !NOT_NAME_START.has(tokens[from - 1]!.lower)) from--;
      const roleHead = tokens[from - 1];
      if (roleHead && from - 1 > v + 1 && /^\p{Ll}/u.test(roleHead.text) && (isNominalHead(roleHead.lower) || TITLE_WORDS.has(roleHead.lower))) {
        return {
          parts: [textOf(source, tokens, from, to)],
          start: tokens[from]!.start,
          end: tokens[to]!.end,
          role: cleanRole(textOf(source, tokens, v + 1, from - 1)),
        };
      }
    }
  } else return null;
  let role: string | null = null;
  const comma = tokens[to + 1];
  if (comma?.text === ',' && to + 2 < ceiling) {
    let end = to + 2;
    while (end + 1 < ceiling && !/^[,;:()]$/.test(tokens[end + 1]!.text)) end++;
    const appositive = textOf(source, tokens, to + 2, end);
    if (/^(?:a|an|the|his|her|their|its)\b/i.test(appositive) || /^\p{Ll}/u.test(appositive)) role = appositive;
  }
  return { parts: [textOf(source, tokens, v + 1, to)], start: first.start, end: tokens[to]!.end, role: role ? cleanRole(role) : null };
}

/**
 * How long the words that keep a source anonymous run, right after its head: "familiar with the
 * talks", "close to the matter", "unauthorized to speak publicly and granted anonymity". 0 if none.
 */
function anonymousQualifier(after: string): number {
  return new RegExp(`^${ANONYMOUS_QUALIFIER}`, 'u').exec(after)?.[0].length ?? 0;
}

/** One qualifier of an unnamed source: what they know ("familiar with the talks") or why they are unnamed. */
export const ANONYMOUS_QUALIFIER = String.raw`(?:\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|briefed\s+on)\s+the\s+[\p{L}-]+|\s+(?:not\s+|un)authori[sz]ed\s+to\s+(?:speak|comment|discuss\s+(?:the\s+)?[\p{L}-]+)(?:\s+(?:publicly|on\s+the\s+record))?(?:\s+and\s+granted\s+anonymity)?)`;

/** "a doctor at X" → "doctor at X"; drop trailing punctuation. */
export function cleanRole(role: string): string | null {
  const r = role
    .replace(/^(?:a|an|the|his|her|their|its|our|one|another)\s+/i, '')
    .replace(/[,.;:]+$/, '')
    .trim();
  if (r === '' || r.split(/\s+/).length > 14) return null;
  // "who had another son die in a fire", "whose company …": a relative clause says something about
  // the person, but it is no role; nor is an age ("73") or a bare number.
  // Nor is what the person was doing ("campaigning for Clinton in North Carolina", "noting that …"),
  // nor the rest of the sentence ("…, says X, in part because …"); an affiliation ("with the
  // Nova Scotia Health Authority", "at the university") is one.
  if (
    /^(?:who|whose|whom|which|that|where|when|because|after|before|while|in|on|to|for|by|from|if|as|and|but|so)\b/i.test(r) ||
    /^[\d\s,.-]+$/.test(r) ||
    /^\p{Ll}+ing\s+(?:for|in|on|at|to|with|from|about|after|before|during|the|a|an|his|her|their|its|that|as|how|what|why|whether|he|she|they|it|we|there)\b/u.test(
      r,
    )
  )
    return null;
  return r;
}

export { isNominalHead };
