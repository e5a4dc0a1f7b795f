/** "It said", "they said", "the team said": the body or group the story quoted or named lately. */
import { pluralReading } from '../nlp.ts';
import { NOT_NAME_START, POLLED_SHARE } from '../lexicon.ts';
import { isProperName, orgByHead } from './orgs.ts';
import { ORG_HEADS } from './descriptions.ts';
import { before } from './lookup.ts';
import { blankQuotes } from './names.ts';
import type { RecentOrg, ResolveContext } from './context.ts';
import type { ResolverId } from '../rules.ts';

// The share ends the phrase, or "of" a group follows, or a group in a plural ("Nine in 10 Democratic
// voters"): "a third source" is an ordinal, "half of what researchers say" no group.
const SHARE_AT_START = new RegExp(
  String.raw`^${POLLED_SHARE}(?:$|\s+of\s+(?!(?:what|which|whom|whose)\b)|(?:\s+(?!of\b)[\p{L}'’-]+){0,4}?\s+(?!of\b)[\p{L}'’-]+s\b)`,
  'iu',
);

/** "46 percent of voters", "More than six in 10", "About half": a share of those polled, a group in the story's words. */
export function isPolledShare(phrase: string): boolean {
  return SHARE_AT_START.test(phrase);
}

/** The resolver for a share of those polled: the story's words are the speaker. */
export function byPolledShare({ clean }: { readonly clean: string }) {
  const by: ResolverId = 'polled-share';
  return isPolledShare(clean) ? { speaker: { name: clean, role: null }, kind: 'unnamed' as const, by } : undefined;
}

/** "It said", "they said": the organisation or group quoted last, within two paragraphs. */
export function resolveGroupPronoun(ctx: ResolveContext, plural: boolean): RecentOrg | null {
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
export function latestClub(ctx: ResolveContext): string | null {
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
export function groupAntecedent(ctx: ResolveContext, plural: boolean): string | null {
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

const QUANTIFIER_SUBJECT = /^(?:Others|Few|Many|Some|Most|Several|Both|All|None)$/;

/**
 * "Officials", "Critics", "Others", "Americans": one capitalised word ending in s that names a group.
 * The story decides: a demonym is a group; otherwise the tagger must not read a name, and the word
 * appears in lower case elsewhere or is never capitalised inside a sentence ("Reuters", "Forbes",
 * "the Hicks family" are).
 */
export function isGroupWord(word: string, paragraphs: readonly string[]): boolean {
  // "Others said", "Few would argue", "Some say": a quantifier standing for people is a group.
  if (QUANTIFIER_SUBJECT.test(word)) return true;
  if (!/^\p{Lu}\p{Ll}+s$/u.test(word)) return false;
  const reading = pluralReading(word);
  if (reading.person) return false;
  if (reading.demonym) return true;
  const lower = word.toLowerCase();
  const inside = new RegExp(String.raw`[\p{Ll},;:]\s+[“"‘']?${word}\b`, 'u');
  const lowerUse = new RegExp(String.raw`\b${lower}\b`);
  const lowerSeen = paragraphs.some((p) => lowerUse.test(p));
  return (reading.plural || lowerSeen) && (lowerSeen || !paragraphs.some((p) => inside.test(p)));
}
