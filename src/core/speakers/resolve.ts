/**
 * Attributing speakers: turn each mention ("he", "Umerov", "his Security Council chief") into the
 * people the story names in full, with the role it gives them. When a mention cannot be resolved
 * with confidence the quotation keeps no speaker rather than a guessed one.
 */
import { ANONYMOUS_HEADS, COMPANY_HEAD, documentWords, GENERIC_BODY_HEAD, HONORIFICS, MEMBER_NOUN, POSSESSIVE_SUBJECT, PRONOUNS } from '../lexicon.ts';
import { isRoleHolderHead } from '../quotes/mentions.ts';
import { QUALIFIER_WORDS } from '../quotes/roles.ts';
import type { Mention } from '../quotes/mentions.ts';
import { genderOfFirstName } from '../nlp.ts';
import { documentAuthor, DOCUMENT_NOUN } from './documents.ts';
import { fullestOrg, headForms, ORG_TYPE, isProperName, latestOrg, mainOrg, orgByHead, TYPED_HEAD } from './orgs.ts';
import { firstClaim, type TableRule } from '../rule-table.ts';
import type { ResolveContext } from './context.ts';
import type { ResolverId } from '../rules.ts';
import type { AttributionKind, Speaker } from '../types.ts';
import { honorificGenderOf, ORG_TYPE_WORD, isPersonFullName, passingPerson, type PeopleIndex, type Person, roleOfTitle, splitName } from './names.ts';
import { bestByTokens, fullestName, isBareTitle, namesakeQuotedLast, pickByTokens, resolveNominal, resolvePronoun, shortFormOf, type Trace } from './lookup.ts';
import { byPolledShare, groupAntecedent, isGroupWord, latestClub, resolveGroupPronoun } from './groups.ts';
import {
  AGENT_HEADS,
  DOCUMENT_HEADS,
  DOCUMENT_SOURCE,
  fullerDescription,
  headOf,
  namedBodyGroup,
  namesSomeone,
  OFFICE_HEADS,
  ORG_HEADS,
  OWN_WORDS,
  PUBLIC_BODY,
  resolveDescription,
} from './descriptions.ts';

export type { RecentOrg, ResolveContext } from './context.ts';

/** Give people the roles their quotations' appositives state ("His security chief, Rustem Umerov, said"). */
export function adoptRole(index: PeopleIndex, mention: Mention): void {
  if (!mention.role || mention.parts.length !== 1) return;
  const { title, name } = splitName(mention.parts[0]!);
  const person = name.length > 0 ? bestByTokens(index.people, name) : null;
  if (person && !person.role) person.role = mention.role;
  if (person && !person.role && title.length > 0) person.role = roleOfTitle(title);
}

interface Resolution {
  readonly speakers: Speaker[];
  readonly people: Person[];
  /** The least certain step any part of the mention needed. */
  readonly via: AttributionKind /** Id in RESOLVERS of the path that named the speaker behind `via`; 'none' when unresolved. */;
  readonly resolvedBy: ResolverId;
}

const CERTAINTY: readonly AttributionKind[] = ['name', 'org', 'document', 'pronoun', 'role', 'unnamed', 'organisation', 'description'];

/**
 * "a spokeswoman for Acme Corp.", "The governor of the Bank of England", "Senior aides to Jane Roe":
 * a lower-case post (after at most three words) held for, of or at a name.
 */
const NEAR_THE_NAME = new RegExp(String.raw`^(?:[\p{L}-]+\s+){1,4}(?:${QUALIFIER_WORDS})\s`, 'u');

function isRoleHolder(phrase: string): boolean {
  // ("people close to Clinton", "a source familiar with Cruz’s thinking": near the name, not it.)
  if (NEAR_THE_NAME.test(phrase)) return true;
  // ("Critics of the X": a capitalised head opens the sentence. "Members of the X" speak for it: members-of.)
  const m =
    /^((?:[\p{L}-]+\s+){0,3}?)(\p{Ll}[\p{L}-]*|(?<=^)(?!Members\b)(?:\p{Lu}\p{Ll}+s|Staff|People))\s+(?:for|of|at|from|to|in)\s+(?:the\s+)?\p{Lu}/u.exec(
      phrase,
    );
  if (!m?.[2] || !(isRoleHolderHead(m[2].toLowerCase()) || /^(?:staff|people)$/i.test(m[2]))) return false;
  return m[1] === '' || /^(?:\p{Ll}|(?:A|An|The|One|Two|Three|Some|Several|Senior|Top|Former)\s|\p{Lu}\p{Ll}+\s+\p{Ll})/u.test(phrase);
}

/** One part of a mention ("Umerov" in "Zelenskiy and Umerov"), cleaned, with what resolvers need. */
interface Part {
  readonly clean: string;
  readonly lower: string;
  readonly mention: Mention;
  readonly ctx: ResolveContext;
  /** Which path a pronoun or description took (set by resolvePronoun, resolveDescription). */
  readonly trace: Trace;
  /** The phrase's head word ("company" in "the parent company of X"). */
  readonly head: string;
  /** "the company", "the union": a definite phrase headed by an organisation noun. */
  readonly definite: boolean;
}

/**
 * What a resolver makes of a part: a person the story names, or a speaker in other words (an
 * organisation, the story's own words), maybe with the person behind it; null when nobody can be
 * named safely; undefined when the part is not the resolver's kind.
 */
type Resolved =
  | { readonly person: Person; readonly kind: AttributionKind; readonly by: ResolverId }
  | { readonly speaker: Speaker; readonly person?: Person | null; readonly kind: AttributionKind; readonly by: ResolverId }
  | null;

const spoken = (name: string, kind: AttributionKind, by: ResolverId, role: string | null = null): Resolved => ({ speaker: { name, role }, kind, by });

/** "he", "she": the person the pronoun points back to; "it", "they": the body or group quoted or named last. */
function byPronoun({ lower, ctx, trace }: Part): Resolved | undefined {
  if (!PRONOUNS.has(lower)) return undefined;
  const person = resolvePronoun(ctx.index, lower, ctx.at, ctx.recent, trace, ctx.excluded);
  if (person) return { person, kind: 'pronoun', by: trace.by };
  const kind = PRONOUNS.get(lower);
  const plural = kind === 'p';
  const group = kind === 'n' || lower === 'they';
  const recentGroup = group ? (resolveGroupPronoun(ctx, plural)?.name ?? null) : null;
  const antecedent = recentGroup ?? (group ? groupAntecedent(ctx, plural) : null);
  return antecedent ? spoken(antecedent, 'organisation', recentGroup ? 'pronoun-group-quoted' : 'pronoun-group-named') : null;
}

/**
 * "A spokeswoman for Acme Corp.", "senior aides to Hillary Clinton": someone who speaks for the
 * name, and is not it. The story's words are the speaker.
 */
function byRoleHolder({ clean }: Part): Resolved | undefined {
  return isRoleHolder(clean) ? spoken(clean, 'unnamed', 'role-holder') : undefined;
}

/** "members of Northern Ireland’s Democratic Unionist Party": a group, in the story's words. */
function byMembersOf({ clean }: Part): Resolved | undefined {
  return /^(?:members|officials|leaders|representatives|supporters)\s+of\s/i.test(clean) ? spoken(clean, 'unnamed', 'members-of') : undefined;
}

/** A mention ending in a capitalised word: a person by name, a title, or an organisation's name. */
function byProperName(part: Part): Resolved | undefined {
  const { clean, ctx } = part;
  if (!/(?:^|\s)\p{Lu}[\p{L}'’.-]*$/u.test(clean) || /^(?:the|a|an|his|her|their|its)\s/i.test(clean) || MEMBER_NOUN.test(clean)) return undefined;
  const orgs = ctx.index.orgs;
  const { title, name } = splitName(clean);
  // "Mr. Clinton", "Mrs. Clinton": an honorific makes the word a surname and tells the gender; a
  // person of the other gender is not who the sentence means.
  const honorificGender = honorificGenderOf(title) ?? undefined;
  const candidates = honorificGender ? ctx.index.people.filter((p) => p.gender === null || p.gender === honorificGender) : ctx.index.people;
  const picked = name.length > 0 ? pickByTokens(candidates, name, ctx.at, ctx.gender, honorificGender !== undefined) : null;
  // Namesakes ("Clinton" after Hillary and Bill Clinton) told apart by recency alone: the one quoted last.
  const quoted = picked?.byRecency ? namesakeQuotedLast(ctx.index, picked.person, ctx.recent, ctx.at) : undefined;
  const person = quoted ?? picked?.person ?? (name.length > 0 ? shortFormOf(candidates, name) : null);
  // "General Motors": a name the story gives an organisation whole is not a title and a surname.
  // "Green Party": a title word before an organisation's type is no person named "Party".
  const [only] = name;
  if (
    (!person && title.length > 0 && orgs.mentions.some((o) => o.name === clean)) ||
    (only && name.length === 1 && title.length > 0 && ORG_TYPE_WORD.test(only))
  )
    return spoken(fullestOrg(orgs, clean), 'org', 'org-whole-name');
  if (person) return { person, kind: 'name', by: picked?.byRecency ? 'name-recent-namesake' : 'name' };
  // A bare title ("the President") with one matching person in the story.
  const nominal = name.length === 0 ? resolveNominal(ctx.index, clean, ctx.at) : null;
  if (nominal) return { person: nominal, kind: 'role', by: 'role-title' };
  return byNameAlone(part, title, name, honorificGender);
}

/** A name the story's people don't hold: a person by a known first name or honorific, else an organisation. */
function byNameAlone({ clean, mention, ctx }: Part, title: readonly string[], name: readonly string[], honorificGender: 'm' | 'f' | undefined): Resolved {
  const orgs = ctx.index.orgs;
  const role = title.filter((t) => !HONORIFICS.has(t.toLowerCase())).join(' ') || mention.role;
  const words = name.length > 0 ? name : [clean];
  const single = words.length === 1 ? (words[0] ?? '') : null;
  const firstName = single !== null && genderOfFirstName(single) !== null;
  // "Mr. Scheer", "Dr. Ahmed": an honorific makes a person, whatever the tagger thought.
  const honorific = single !== null && title.some((t) => HONORIFICS.has(t.toLowerCase()));
  // "Canada believes": a name the story uses for an organisation or place is not a surname to
  // complete ("Statistics Canada").
  const orgWord = single !== null && !honorific && orgs.mentions.some((o) => o.name === single);
  const label = single !== null && (firstName || orgWord) ? single : single !== null ? fullestName(ctx.index, single, honorificGender) : words.join(' ');
  const full = label.split(/\s+/);
  // A full name with a known first name ("Moyra Baxter"), or a first name alone ("Colton" on a
  // reality show), is named even if never again, and a later "he" may point back to it ("Mr. Verdery").
  const isPersonName = firstName || honorific || isPersonFullName(full);
  if (isPersonName)
    return { speaker: { name: label, role: role || null }, person: passingPerson(label, honorificGender ?? null), kind: 'name', by: 'name-first-name' };
  // "Officials said", "Analysts say", "Americans said": a plural common noun or a people's name,
  // capitalised only because it opens the sentence, is an unnamed group, not an organisation.
  if (single !== null && title.length === 0 && isGroupWord(single, ctx.index.paragraphs ?? [])) return spoken(single, 'unnamed', 'unnamed-words');
  // An organisation by its name: "Facebook", "PBO" (the story spells it out), "Samsung".
  const org = fullestOrg(orgs, label === clean || label.split(/\s+/).length >= words.length ? label : clean);
  return spoken(org, isProperName(org) && !/\sand\s/.test(clean) ? 'org' : 'unnamed', 'org-name', role || null);
}

/** "a statement released by the Prime Minister's Office", "The RCMP statement": the document's author or source. */
function byDocumentSource({ clean, ctx }: Part): Resolved | undefined {
  if (!DOCUMENT_SOURCE.test(clean) || /^(?:his|her|their)\s/i.test(clean) || /^the\s+(?:statement|release|report|news release|press release)$/i.test(clean))
    return undefined;
  const m = DOCUMENT_SOURCE.exec(clean);
  const source = (m?.[1] ?? m?.[2] ?? clean).trim();
  // "a statement released by the Prime Minister's Office" names its author; "the Globe report" may
  // be about the Globe as much as by it.
  return spoken(fullestOrg(ctx.index.orgs, source), m?.[1] ? 'document' : 'organisation', m?.[1] ? 'document-named-author' : 'document-source');
}

/** "The RNC said": an acronym is the body the story spells out ("Republican National Committee"). */
function byAcronym({ clean, ctx }: Part): Resolved | undefined {
  const acronym = /^the\s+(\p{Lu}{2,6})$/iu.exec(clean)?.[1];
  return acronym && /^\p{Lu}+$/u.test(acronym) ? spoken(fullestOrg(ctx.index.orgs, acronym), 'org', 'org-acronym') : undefined;
}

/** "The Canadian Beverage Association said": a proper name names itself ("The Wisconsin Republican" is a person). */
function byOrgProperName({ clean }: Part): Resolved | undefined {
  if (!/^the\s+\S+\s+\S+/i.test(clean) || !isProperName(clean) || /\s(?:Republican|Democrat|Libertarian)$/.test(clean)) return undefined;
  // "and" inside one name: "… Exchange Commission", or after its type: "Centers for Disease Control and Prevention".
  if (/\s(?:and|&)\s/.test(clean) && !ORG_TYPE.test(clean.split(/\s+/).at(-1) ?? '') && !TYPED_HEAD.test(clean)) return undefined;
  return spoken(clean.replace(/^the\s+/i, ''), 'org', 'org-proper-name');
}

/** "the parole board decision": a body's own document after its head word. */
const OWNED_DOCUMENT = new RegExp(String.raw`^[Tt]he\s+(?:\p{Ll}+\s+)?(\p{Ll}+)\s+(?:${documentWords('owned')})$`, 'u');

/**
 * "the union's Friday release", "the parole board decision": a body's document speaks for it.
 * ("the school’s defenders", "the company's chief executive" are people, not the body.)
 */
function byDocumentOwner({ clean, ctx }: Part): Resolved | undefined {
  const possessive = /^the\s+(\p{Ll}+)['’]s?\s+(?:[\p{L}-]+\s+)?([\p{L}-]+)$/iu.exec(clean);
  const owner = (possessive && DOCUMENT_HEADS.test((possessive[2] ?? '').toLowerCase()) ? possessive : null) ?? OWNED_DOCUMENT.exec(clean);
  const head = owner?.[1];
  const ownerOrg = head && ORG_HEADS.test(head) ? orgByHead(ctx.index.orgs, head, ctx.at) : null;
  return ownerOrg ? spoken(ownerOrg.name, 'organisation', 'org-document-owner') : undefined;
}

/** "Trump's message was simple: “…”", "His response: “…”": a person's own words or document. */
function byOwnWordsOwner({ clean, ctx }: Part): Resolved | undefined {
  const own = /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*|his|her|His|Her)(?:['’]s)?\s+(?:[\p{L}-]+\s+){0,2}([\p{L}-]+)$/u.exec(clean);
  const [, whose, noun] = own ?? [];
  if (!whose || !noun || !OWN_WORDS.test(noun.toLowerCase()) || AGENT_HEADS.test(noun.toLowerCase())) return undefined;
  const pronoun = /^(?:his|her)$/i.test(whose);
  if (!pronoun && !/['’]s\s/.test(clean)) return undefined;
  const subject = POSSESSIVE_SUBJECT.get(whose.toLowerCase()) ?? whose;
  const owner = pronoun ? resolvePronoun(ctx.index, subject, ctx.at, ctx.recent) : bestByTokens(ctx.index.people, whose.split(/\s+/), ctx.at);
  return owner ? { speaker: { name: owner.name, role: owner.role }, person: owner, kind: pronoun ? 'pronoun' : 'name', by: 'own-words-owner' } : undefined;
}

/** "the prime minister" held by one person; "the Nova Scotia judge" described earlier: that person. */
function byRoleOrDescription({ clean, ctx, trace }: Part): Resolved | undefined {
  const byRole = resolveNominal(ctx.index, clean, ctx.at);
  if (byRole) return { person: byRole, kind: 'role', by: isBareTitle(clean, byRole) ? 'role-unique' : 'role-qualified' };
  const described = resolveDescription(ctx, clean, trace);
  return described ? { person: described, kind: 'description', by: trace.by } : undefined;
}

/** "The diocese" after "the Roman Catholic Diocese of Covington": the name carries the head. */
function byOrgHead({ head, definite, ctx }: Part): Resolved | undefined {
  const named = definite ? orgByHead(ctx.index.orgs, head, ctx.at) : null;
  return named ? spoken(named.name, 'org', 'org-by-head') : undefined;
}

/** "The team said" in sports news: the latest "the Raptors" the story names. */
function byLatestClub({ head, definite, ctx }: Part): Resolved | undefined {
  const club = definite && /^(?:team|club|squad|franchise)$/.test(head) ? latestClub(ctx) : null;
  return club ? spoken(club, 'organisation', 'org-latest-club') : undefined;
}

/** "The study said" after "a study released by Civic Action": the document speaks for its author. */
function byDocumentAuthor({ clean, head, ctx }: Part): Resolved | undefined {
  const doc = DOCUMENT_NOUN.test(head) ? documentAuthor(clean, ctx.index.documents ?? [], ctx.at) : null;
  if (!doc) return undefined;
  const tokens = splitName(doc.author).name;
  const byName = tokens.length > 0 ? bestByTokens(ctx.index.people, tokens, ctx.at) : null;
  // The sentence names the author ("a study released by Civic Action"): as certain as a name.
  return {
    speaker: { name: byName?.name ?? fullestOrg(ctx.index.orgs, doc.author), role: null },
    person: byName,
    kind: doc.named ? 'document' : 'organisation',
    by: 'document-author',
  };
}

/** "the company", "the union": a body quoted or named lately whose name fits the head. */
function bodyBehind({ head, definite, ctx }: Part): string | undefined {
  if (!definite) return undefined;
  const orgs = ctx.index.orgs;
  // "The company" may be any body quoted lately; "the union" only one whose name says union.
  const generic = GENERIC_BODY_HEAD.test(head);
  // "the company" is no commission, ministry or court: a public body's name says what it is.
  const fits = (name: string) =>
    (generic && !(COMPANY_HEAD.test(head) && PUBLIC_BODY.test(name))) || headForms(head).some((f) => name.split(/\s+/).includes(f));
  const recentOrg = ctx.recentOrgs.find((o) => ctx.at.paragraph - o.at.paragraph <= 6 && !o.plural && isProperName(o.name) && fits(o.name));
  const latest = latestOrg(orgs, ctx.at, 2);
  return recentOrg?.name ?? (latest && fits(latest.name) ? latest.name : undefined) ?? (generic ? (mainOrg(orgs, ctx.at, fits) ?? undefined) : undefined);
}

/**
 * The last resort: the body behind "the company", the story's fuller words for "the person", a
 * named body's group, or the mention's own words; nobody when its head names no one.
 */
function byDescribedBody(part: Part): Resolved {
  const { clean, head, ctx } = part;
  const org = bodyBehind(part);
  // "resist announcing", "Governance lassitude was …": a phrase whose head names no one (no
  // person, group or body) is a misread subject, not a speaker.
  if (!org && !namesSomeone(clean)) return null;
  if (org) return spoken(org, 'organisation', 'org-behind-company');
  // "the person, who spoke on condition of anonymity" after "a person familiar with the
  // negotiations"; "the judge" after "the Nova Scotia judge": the story's fuller words. "sources
  // said" after "sources familiar with the negotiations": the same sources.
  const fuller =
    /^the\s+\p{Ll}+$/iu.test(clean) && (ANONYMOUS_HEADS.test(head) || OFFICE_HEADS.test(head))
      ? fullerDescription(ctx, head)
      : /^(?:the\s+)?(?:sources|officials|insiders)$/i.test(clean)
        ? fullerDescription(ctx, clean.toLowerCase().replace(/^the\s+/, ''), true)
        : null;
  if (fuller) return spoken(fuller, 'unnamed', 'unnamed-fuller');
  const group = namedBodyGroup(ctx, clean);
  return group ? spoken(group, 'unnamed', 'unnamed-body-group') : spoken(clean, 'unnamed', 'unnamed-words');
}

/**
 * The resolvers, in order: the first that claims a part decides. Ids are those of RESOLVERS in
 * rules.ts (a row may give several: a pronoun resolves to a person or to a group).
 */
const RESOLVER_TABLE: readonly TableRule<Part, Resolved>[] = [
  { id: 'pronoun', match: byPronoun },
  { id: 'role-holder', match: byRoleHolder },
  { id: 'polled-share', match: byPolledShare },
  { id: 'members-of', match: byMembersOf },
  { id: 'name', match: byProperName },
  { id: 'document', match: byDocumentSource },
  { id: 'org-acronym', match: byAcronym },
  { id: 'org-proper-name', match: byOrgProperName },
  { id: 'org-document-owner', match: byDocumentOwner },
  { id: 'own-words-owner', match: byOwnWordsOwner },
  { id: 'role-or-description', match: byRoleOrDescription },
  { id: 'org-by-head', match: byOrgHead },
  { id: 'org-latest-club', match: byLatestClub },
  { id: 'document-author', match: byDocumentAuthor },
  { id: 'described-body', match: byDescribedBody },
];

/** "The CBC's Richard Cuthbertson": the owner is not the speaker; "Civic Action also": the subject ends there. */
function cleanPart(part: string): string {
  return (
    part
      .replace(/['’]s$/u, '')
      .replace(/^(?:the\s+)?[\p{Lu}][\p{L}.&-]*(?:\s+[\p{Lu}][\p{L}.&-]*)?['’]s\s+(?=\p{Lu})/u, '')
      // "Civic Action also", "the office also published a notice Tuesday": the subject ends there.
      .replace(/\s+(?:also|then|later|again|previously|still|now|however|too|itself|himself|herself|themselves)\b.*$/u, '')
      // "Catherine helpfully": a manner adverb after the name.
      .replace(/(?<=\p{Lu}[\p{L}'’.-]*)\s+\p{Ll}+ly$/u, '')
      .trim()
  );
}

function resolvePart(part: Part): Resolved {
  return firstClaim(RESOLVER_TABLE, part) ?? null;
}

/**
 * Resolve a mention to speakers. Returns the people (with roles) or, for organisations and
 * unnamed sources, the mention itself; an empty list when a pronoun cannot be resolved safely.
 */
export function resolveMention(mention: Mention, ctx: ResolveContext): Resolution {
  const speakers: Speaker[] = [];
  const people: Person[] = [];
  let via: AttributionKind = 'name';
  // The resolver (an id in RESOLVERS) of the part that set `via`: the least certain, else the first.
  let resolvedBy: ResolverId | null = null;
  const trace: Trace = { by: 'none' };
  for (const raw of mention.parts) {
    const clean = cleanPart(raw);
    const head = headOf(clean);
    const definite = /^the\s/i.test(clean) && ORG_HEADS.test(head);
    const resolved = resolvePart({ clean, lower: clean.toLowerCase(), mention, ctx, trace, head, definite });
    if (!resolved) continue;
    if (CERTAINTY.indexOf(resolved.kind) > CERTAINTY.indexOf(via)) {
      via = resolved.kind;
      resolvedBy = resolved.by;
    }
    resolvedBy ??= resolved.by;
    if ('speaker' in resolved) {
      if (resolved.person) people.push(resolved.person);
      speakers.push(resolved.speaker);
      continue;
    }
    const { person } = resolved;
    people.push(person);
    speakers.push({ name: person.name, role: person.role ?? (mention.parts.length === 1 ? mention.role : null) });
  }
  return { speakers, people, via: speakers.length === 0 ? 'none' : via, resolvedBy: speakers.length === 0 ? 'none' : (resolvedBy ?? 'none') };
}
