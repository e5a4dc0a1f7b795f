/**
 * Organisations a story names, so that "the company said", "the agency said" and "PBO said" reach
 * the name the story gives them ("Procter & Gamble", "TransLink", "Parliamentary Budget Officer").
 * Collected alongside people from the same tagged text; resolution prefers a name that carries the
 * description's own head noun ("the diocese" → "the Roman Catholic Diocese of Covington").
 */
import { ORG_TYPE } from '../lexicon.ts';
export interface OrgMention {
  /** As written, without a leading "The": "City of Surrey", "Samsung Electronics Co.". */
  readonly name: string;
  readonly words: readonly string[];
  readonly paragraph: number;
  readonly offset: number;
  /** The tagger reads it as a place ("Canada", "Halifax"): it can speak, but is no company. */
  readonly place: boolean;
}

export interface OrgIndex {
  readonly mentions: readonly OrgMention[];
  /** "PBO" → "Parliamentary Budget Officer", from "(PBO)" or from the initials of a name in the story. */
  readonly acronyms: ReadonlyMap<string, string>;
}

export { ORG_TYPE };
/** "Centers for Disease Control …", "The Department of Fisheries …": a name that opens with its type and "of" or "for". */
export const TYPED_HEAD = new RegExp(String.raw`^(?:the\s+)?(?:\S+\s+){0,2}?${ORG_TYPE.source}\s+(?:of|for|on)\s`, 'i');

const CONNECTORS = new Set(['of', 'for', 'on', 'and', '&', 'the', 'de', 'du', 'des', 'la', 'le']);

/** A proper name in form: every word capitalised but the connectors ("National Institute on Drug Abuse"). */
export function isProperName(name: string): boolean {
  const words = name
    .replace(/^the\s+/i, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  if (!/^[\p{Lu}\d]/u.test(words[0]!)) return false;
  return words.every((w) => /^[\p{Lu}\d]/u.test(w) || CONNECTORS.has(w.toLowerCase()));
}

const NON_ORG_TAGS = ['Person', 'FirstName', 'MaleName', 'FemaleName', 'Honorific'];

/**
 * Record a capitalised run that is not a person as an organisation when its words, the tagger or the
 * story's acronyms say so. `tags` are the run's words' tags, in order.
 */
export function orgMentionOf(run: string, paragraph: number, offset: number, tags: readonly ReadonlySet<string>[], speaker: boolean): OrgMention | null {
  const name = run.replace(/^The\s+/, '').replace(/['’]s$/u, '');
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return null;
  const typed = ORG_TYPE.test(name) || /\bLocal \d+$/.test(name);
  // "Roman Catholic Diocese of Covington": a name that says what body it is stays one, whatever
  // the tagger makes of "Roman".
  if (!typed && tags.some((t) => NON_ORG_TAGS.some((x) => t.has(x)))) return null;
  const acronym = words.length === 1 && /^\p{Lu}{2,6}$/u.test(name);
  const tagged = tags.some((t) => t.has('Organization'));
  const place = !typed && tags.length > 0 && tags.every((t) => t.has('Place') || t.has('Country') || t.has('City') || t.has('Region'));
  if (!typed && !acronym && !tagged && !speaker && !place) return null;
  return { name, words, paragraph, offset, place };
}

const ACRONYM_AFTER = /(\p{Lu}[\p{L}'’&.-]*(?:\s+(?:(?:of|for|on|and|the|&)\s+)?\p{Lu}[\p{L}'’&.-]*){1,7})\s+\((\p{Lu}[\p{Lu}&]{1,6})\)/gu;

function initials(words: readonly string[]): string {
  return words
    .filter((w) => !CONNECTORS.has(w.toLowerCase()))
    .map((w) => w[0]!)
    .join('');
}

/** Build the index from collected mentions and the story's text. */
export function buildOrgIndex(mentions: readonly OrgMention[], paragraphs: readonly string[]): OrgIndex {
  const acronyms = new Map<string, string>();
  for (const text of paragraphs) {
    for (const m of text.matchAll(ACRONYM_AFTER)) {
      const long = m[1]!.replace(/^The\s+/, '');
      if (initials(long.split(/\s+/)).toUpperCase().startsWith(m[2]![0]!)) acronyms.set(m[2]!, long);
    }
  }
  for (const m of mentions) {
    if (m.words.length < 2) continue;
    const key = initials(m.words).toUpperCase();
    if (key.length >= 2 && !acronyms.has(key) && mentions.some((o) => o.name === key)) acronyms.set(key, m.name);
  }
  return { mentions: [...mentions].sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset), acronyms };
}

interface Position {
  readonly paragraph: number;
  readonly offset: number;
}

function before(a: Position, b: Position): boolean {
  return a.paragraph < b.paragraph || (a.paragraph === b.paragraph && a.offset < b.offset);
}

/** Other words a body's name uses for a head: a union is often named by its local ("UFCW Local 832") or its members ("Canadian Auto Workers"). */
const NAMED_AS: ReadonlyMap<string, readonly string[]> = new Map([['union', ['Local', 'Workers']]]);

/** Singular and plural of a head noun, capitalised as in a name: "company" → Company, Companies. */
export function headForms(head: string): string[] {
  const cap = head[0]!.toUpperCase() + head.slice(1);
  const forms = [cap, cap.endsWith('y') ? `${cap.slice(0, -1)}ies` : `${cap}s`];
  return [...forms, ...(NAMED_AS.get(head) ?? [])];
}

/**
 * "the diocese", "the board", "the city": the latest organisation before `at` whose name carries the
 * head noun ("Roman Catholic Diocese of Covington", "Parole Board of Canada", "City of Surrey").
 */
export function orgByHead(index: OrgIndex, head: string, at: Position): OrgMention | null {
  const forms = headForms(head);
  // The story's own organisation is the one it names most; ties go to the latest.
  const counts = new Map<string, number>();
  let best: OrgMention | null = null;
  for (const m of index.mentions) {
    if (!before(m, at)) break;
    if (m.words.length < 2 || !m.words.some((w) => forms.includes(w))) continue;
    const n = (counts.get(m.name) ?? 0) + 1;
    counts.set(m.name, n);
    if (!best || n >= (counts.get(best.name) ?? 0)) best = m;
  }
  return best;
}

/** The latest organisation (not a place) named within `reach` paragraphs before `at`. */
export function latestOrg(index: OrgIndex, at: Position, reach: number): OrgMention | null {
  let best: OrgMention | null = null;
  for (const m of index.mentions) {
    if (!before(m, at)) break;
    if (!m.place && at.paragraph - m.paragraph <= reach) best = m;
  }
  return best;
}

/** Words that only make a company's name formal: "TransCanada Corp." is TransCanada. */
const LEGAL_SUFFIX = /^(?:Inc|Corp|Co|Ltd|LLC|plc|PLC|Limited|Corporation|Company|Incorporated|AG|SA|NV|GmbH)\.?$/;

/**
 * The fullest name the story gives an organisation it later shortens: "PBO" → "Parliamentary
 * Budget Officer", "Samsung" → "Samsung Electronics Co."; a bare legal suffix is left off
 * ("TransCanada Corp." stays "TransCanada"). A longer name with other words is another
 * body ("Facebook" is not "Facebook Research"). Falls back to the name itself.
 */
export function fullestOrg(index: OrgIndex, name: string): string {
  const bare = name.replace(/^the\s+/i, '');
  const expanded = index.acronyms.get(bare);
  if (expanded) return expanded;
  const words = bare.split(/\s+/);
  // "Samsung" → "Samsung Electronics Co.": one more word is allowed before a legal suffix.
  const longer = index.mentions.find((m) => {
    const extra = m.words.slice(words.length);
    if (m.words.length <= words.length || extra.length > 2 || !words.every((w, i) => m.words[i] === w)) return false;
    // A bare legal suffix adds nothing a reader needs ("TransCanada", not "TransCanada Corp.").
    return extra.length === 2 && LEGAL_SUFFIX.test(extra[1]!) && !LEGAL_SUFFIX.test(extra[0]!);
  });
  return longer ? longer.name : bare;
}

/**
 * The organisation a story is mostly about, among those `fits` accepts: named at least twice
 * before `at`, and more often than any other. "The company" in a story about Tesla is Tesla.
 */
export function mainOrg(index: OrgIndex, at: Position, fits: (name: string) => boolean): string | null {
  const counts = new Map<string, number>();
  for (const m of index.mentions) {
    if (!before(m, at)) break;
    if (!m.place && isProperName(m.name) && fits(m.name)) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, next] = ranked;
  return top && top[1] >= 2 && (!next || top[1] > next[1]) ? top[0] : null;
}
