/** What the story says about its people after naming them: who is a sentence's subject, the pronouns that refer back to them, their gender, the roles appositives give them. */
import { TITLE_WORDS } from '../lexicon.ts';
import { isNominalHead } from '../quotes/mentions.ts';
import { cleanRole } from '../quotes/roles.ts';
import { isOccupation } from '../nlp.ts';
import { findQuoteSpans, splitSentences } from '../read/split.ts';
import { resolveReference } from './lookup.ts';
import { blankQuotes, NAME_RUN_AT, type Person } from './names.ts';

/**
 * A person is a sentence's subject when they are the first person it names outside quotation
 * marks: "Speaking in Vaughan on Thursday, Trudeau denied …" makes Trudeau the subject.
 */
export function markSubjects(people: readonly Person[], paragraphs: readonly string[]): void {
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

/** Openings of a subordinate clause: "Although Patel had voted for it, …", "Unlike Mayor Diaz, …", "Two years after Hamilton …". */
export const SUBORDINATE_OPENING =
  /^(?:Although|Though|While|Whereas|Unlike|When|Whenever|After|Before|Because|Since|If|Unless|Despite|Once|Until|Like|Even though|Even as|Even if|(?:(?:\d+|a|an|the|one|two|three|four|five|six|ten|few|several|many|some|shortly|soon|long|just|right|moments?|minutes?|hours?|days?|weeks?|months?|years?|decades?|night|morning)\s+){1,3}(?:after|before))\b/i;

/**
 * A name right after a preposition is its object, not the sentence's subject: "In New York, after
 * meeting with the Rev. Al Sharpton …, Clinton proposed …", "According to ProPublica, Clinton …". Titles
 * may sit between. "For Jonathan Chait, Williamson is …" keeps Chait: "for" there says whose view it is, as
 * "As for Trump, he said …" says whom the sentence is about; "At a rally for Ted Cruz, he said …" does not.
 */
const PREPOSITION_OBJECT =
  /(?:\b(?:with|of|to|by|from|about|against|among|between|like|unlike|than|including|toward|towards|behind|alongside|beside|besides)|(?<=\p{L}\s+)(?<!\bas\s+)for)\s+(?:(?:the|former|then|late)\s+)*(?:\p{Lu}[\p{L}]*\.\s+)*$/iu;

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
  const opening = SUBORDINATE_OPENING.test(lead) && !lead.includes(',');
  if (!opening && !PREPOSITION_OBJECT.test(lead)) return first;
  const comma = text.indexOf(',', first.offset);
  if (comma < 0 || comma >= end) return first;
  // Only a person named right after the comma ("…, Councillor Sarah Patel wanted …") is the main
  // clause's subject; "Though Ms. Olivieri has …, the influx … has led to …, she said" keeps her.
  const main = occs.find((o) => o.offset > comma && /^\s*(?:[\p{L}.'’-]+\s+){0,3}$/u.test(text.slice(comma + 1, o.offset)));
  // "Asked about his criticisms of Trump, he said …", "At a rally for Ted Cruz, he said …": when
  // the main clause opens on a pronoun, a preposition's object before it is not the subject.
  if (!opening && /^\s*(?:he|she|they)\b/i.test(text.slice(comma + 1))) return undefined;
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
export function chainPronouns(people: readonly Person[], paragraphs: readonly string[]): void {
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

/**
 * Nouns that name a woman or a man without a name: "Officers found a 39-year-old woman …, Lohmar
 * said. She was taken to hospital" is the woman's "she", not Lohmar's.
 */
const GENDERED_NOUN = {
  f: /(?<![\p{L}-])(?:woman|girl|lady|mother|mom|mum|daughter|wife|sister|grandmother|grandma|aunt|niece|girlfriend|fianc[ée]e|widow|bride|queen|princess|actress|waitress|(?:business|chair|spokes|congress|police|sports)woman)(?![\p{L}-])/iu,
  m: /(?<![\p{L}-])(?:man|boy|gentleman|father|dad|son|husband|brother|grandfather|grandpa|uncle|nephew|boyfriend|fianc[ée]|widower|groom|king|prince|actor|waiter|(?:business|chair|spokes|congress|police|sports)man)(?![\p{L}-])/iu,
} as const;

/** Gender from the pronouns that follow a person's mentions before anyone else is named. */
export function inferGender(people: readonly Person[], paragraphs: readonly string[]): void {
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
    // The next paragraph too, up to the next person it names ("… Chrystia Easley. // One night,
    // Cable was afraid, … he could …" is Cable's "he").
    if (!next || next.o.paragraph > o.paragraph) {
      const stop = next?.o.paragraph === o.paragraph + 1 ? next.o.offset : undefined;
      window += ` ${(paragraphs[o.paragraph + 1] ?? '').slice(0, stop)}`.slice(0, 200);
    }
    // Inside quotation marks a pronoun is the speaker talking about someone else.
    window = blankQuotes(window);
    // The first pronoun after a mention is the likeliest to be about them ("McNeely was afraid to
    // let her guard down. But he told her …" is hers, then someone else's).
    const v = tally.get(person) ?? { m: 0, f: 0 };
    const found = /\b(he|him|his|himself|she|her|hers|herself)\b/i.exec(window);
    if (found) {
      const g = /^(?:she|her|hers|herself)$/i.test(found[1] ?? '') ? 'f' : 'm';
      // A woman or a man the sentence names by a noun before the mention may be whom the pronoun
      // stands for: no vote. The words right before the name, up to a comma, are its own title
      // ("Trump spokeswoman Hope Hicks"), and so is a noun phrase set before it ("His father, Ernie
      // LeBlanc", "a former congressman, Mark Siljander").
      const text = paragraphs[o.paragraph] ?? '';
      const lead = text
        .slice(Math.max(0, text.lastIndexOf('. ', o.offset) + 1), o.offset)
        .replace(/[^,;:—–(]*$/u, '')
        .replace(/(?:^|,)\s*(?:a|an|the|his|her|their|its|\p{Lu}[\p{L}.'’-]*['’]s)\s[^,;:—–(]*,\s*$/iu, '');
      if (!GENDERED_NOUN[g].test(blankQuotes(lead))) v[g]++;
    }
    tally.set(person, v);
  });
  for (const [person, v] of weak) if (!votes.has(person)) votes.set(person, v);
  for (const [person, v] of votes) {
    if (v.m > 0 && v.m >= 2 * v.f) person.gender = 'm';
    else if (v.f > 0 && v.f >= 2 * v.m) person.gender = 'f';
  }
}

/** Roles given by apposition: "His security chief, Rustem Umerov," or "Hugh Hill, a doctor at X,". */
export function roleAround(text: string, index: number, length: number): string | null {
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
  // "Paul Manafort, Trump’s campaign chairman, said": an owner's post, its head a role word.
  const owned =
    /^,\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*['’]s\s+((?:[\p{Ll}][\p{L}-]*\s+){0,3}[\p{Ll}][\p{L}-]*)(?:\s+(?:of|to|at|for|in)\s+[^,;()]{2,50}?)?)(?:,|\s+(?:said|says|told|added)\b)/u.exec(
      after,
    );
  const ownedHead = owned?.[2]?.split(/\s+/).pop()?.toLowerCase();
  if (owned?.[1] && ownedHead && (TITLE_WORDS.has(ownedHead) || isNominalHead(ownedHead))) return cleanRole(owned[1]);
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
