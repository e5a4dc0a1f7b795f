/**
 * Scoring on PolNeAR-style gold (polnear-dev): sources are given as the sentence names them ("Mr.
 * Trump", "he", "a spokeswoman for the campaign"), and beliefs are annotated beside speech. So the
 * measures differ from ggt-dev's: recall on speech only, precision against every attribution,
 * speaker accuracy where the source is a name (that name inside the stated name, titles aside), and
 * for "he"/"she" sources only agreement (a person of that gender, or withheld). Pure.
 */
import { genderOfFirstName } from '../core/nlp.ts';
import { normaliseSpeaker, type GoldArticle, type GoldQuote, type QuoteMatch, type QuoteScores } from './score.ts';

/** Does this gold file carry PolNeAR's `speech` / `named` flags? */
export function isPolnearGold(gold: readonly GoldArticle[]): boolean {
  return gold.some((a) => a.quotes.some((q) => q.speech !== undefined));
}

/** Words of a source that are titles or honorifics, not part of anyone's name. */
const TITLE_WORDS: ReadonlySet<string> = new Set(
  `mr mrs ms miss dr sen senator rep representative gov governor president pres vice speaker house secretary director chairman
  chairwoman chair mayor judge justice gen general lt col attorney chief executive officer ceo spokesman spokeswoman spokesperson
  press communications campaign manager leader majority minority whip minister prime former presumptive democratic republican
  nominee candidate presidential hopeful adviser advisor aide strategist pollster host anchor correspondent reporter editor
  columnist commentator founder co chairman state national deputy assistant senior top white u s us pastor rev reverend father
  sister pope cardinal bishop rabbi imam sheriff police commissioner superintendent professor prof dean coach owner analyst
  economist author supervisor clerk administrator auditor treasurer comptroller advocate undersecretary capt captain sgt lieutenant colonel maj major adm admiral cmdr commander gen chancellor ambassador consultant
  democrat democrats republican republicans gop conservative liberal progressive some most many few several all other both
  the a an jr sr ii iii iv`.split(/\s+/),
);

/**
 * The name part of a source as the sentence gives it: without a parenthesis ("(R-Tex.)"), what
 * follows "of"/"from"/a comma ("Robert Gordon of Northwestern University"), and whose it is
 * ("BlazeTV’s Glenn Beck" → "Glenn Beck").
 */
function sourceHead(mention: string): string {
  let head = mention
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  head = head.split(/,|\s(?:who|with)\s/)[0] ?? head;
  // "Robert Gordon of Northwestern University" is Gordon; "Missouri Secretary of State Jason
  // Kander", "Supervisor of Elections Susan Bucher" are the names after the title's "of".
  head = splitTitledOf(head)?.tail ?? head.split(/\s(?:of|from|at|for|in)\s/)[0] ?? head;
  const owner = /^.*?['’]s?\s+(?=\p{Lu})/u.exec(head);
  if (owner) head = head.slice(owner[0].length);
  // "Texas-based Matt Mackowiak", "New York-born …": where someone is from is no part of the name.
  return head.replace(/\S+-(?:based|born|area)\b/giu, ' ');
}

/**
 * "Missouri Secretary of State Jason Kander": a capitalised title with "of" before the name. The
 * tail ("State Jason Kander") ends in the name; "a spokeswoman for Acme" has no name after its title.
 */
function splitTitledOf(head: string): { tail: string } | null {
  const parts = head.split(/\s(?:of|for)\s/);
  const first = parts[0] ?? '';
  if (parts.length < 2 || !/^\p{Lu}/u.test(first) || !TITLE_WORDS.has(words(first).at(-1) ?? '')) return null;
  return { tail: parts.at(-1) ?? '' };
}

/** "Democratic National Committee" → "DNC": the initials of a name's capitalised words. */
function initialsOf(name: string): string {
  return (name.match(/\p{Lu}[\p{L}'’.-]*/gu) ?? []).map((w) => w[0]).join('');
}

const words = (text: string) =>
  normaliseSpeaker(text)
    .split(' ')
    .filter((w) => w.length > 1);

/**
 * Is the source the sentence names among the predicted speakers? Its last word (the surname, or
 * the head of "The Washington Post") must be in a predicted name, and each other word in that
 * name, its role, or the titles.
 *
 * @example
 * isNamedSourceIn('Mr. Trump', [{ name: 'Donald Trump', role: null }]); // true
 * isNamedSourceIn('Hillary Clinton', [{ name: 'Bill Clinton', role: null }]); // false
 */
export function isNamedSourceIn(mention: string, speakers: readonly { readonly name: string; readonly role?: string | null }[]): boolean {
  // "Edward-Isaac Dovere and Gabriel Debenedetti": a joint source is right when each of them is given.
  const joint = /^(\p{Lu}[^,]*?)\s+and\s+(\p{Lu}[^,]*)$/u.exec(mention.trim());
  if (joint && speakers.length > 1) return [joint[1] ?? '', joint[2] ?? ''].every((one) => isNamedSourceIn(one, speakers));
  // After a titled "of", the words before the name are the office's: the name given must end the tail.
  const titledOf = splitTitledOf(
    mention
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .split(/,|\s(?:who|with)\s/)[0] ?? '',
  );
  if (titledOf) {
    const tail = words(titledOf.tail);
    return speakers.some((s) => {
      const name = words(s.name);
      return name.length > 0 && name.at(-1) === tail.at(-1) && name.every((w) => tail.includes(w));
    });
  }
  const want = nameWords(mention);
  const last = want.at(-1);
  if (last === undefined) return false;
  // "the DNC" is the Democratic National Committee, "AP" the Associated Press: an acronym source
  // names the body whose initials it is.
  const acronym = /(?:^|\s)(\p{Lu}{2,6})$/u.exec(mention.trim())?.[1];
  if (acronym && speakers.some((s) => initialsOf(s.name) === acronym)) return true;
  return speakers.some((s) => {
    const name = new Set(words(s.name));
    if (!name.has(last)) return false;
    const role = new Set(words(s.role ?? ''));
    return want.every((w) => name.has(w) || role.has(w) || TITLE_WORDS.has(w));
  });
}

/**
 * The words of a source that must be in the speaker's name: those after its last title ("Texas Sen.
 * Ted Cruz" → ted, cruz), without suffixes, quantifiers or party words.
 */
function nameWords(mention: string): string[] {
  const all = words(sourceHead(mention)).filter((w) => !['jr', 'sr', 'ii', 'iii', 'iv'].includes(w));
  let lastTitle = -1;
  all.forEach((w, i) => {
    if (TITLE_WORDS.has(w) && i < all.length - 1) lastTitle = i;
  });
  return all.slice(lastTitle + 1).filter((w) => !TITLE_WORDS.has(w) || w === all.at(-1));
}

/**
 * Can a named source be judged against a stated name? Not when, titles and party words aside,
 * nothing is left ("The Democrat", "the Republican": a description PolNeAR marks as named
 * because it is capitalised).
 */
export function isJudgeableSource(mention: string): boolean {
  return nameWords(mention).some((w) => !TITLE_WORDS.has(w));
}

export type Agreement = 'agrees' | 'disagrees' | 'unknown' | 'withheld';

/**
 * A "he"/"she" source against what an answer states: a person of that gender (by first name or
 * honorific), someone of the other gender, a name whose gender we cannot tell, or nothing stated.
 */
export function agreementOf(pronoun: string, stated: boolean, speakers: readonly { readonly name: string; readonly role?: string | null }[]): Agreement {
  if (!stated || speakers.length === 0) return 'withheld';
  const want = /^she$/i.test(pronoun.trim()) ? 'f' : 'm';
  const genders = speakers.map((s) => {
    const honorific = /\b(Mrs|Ms|Miss)\.?\s*$/.test(s.role ?? '') ? 'f' : /\bMr\.?\s*$/.test(s.role ?? '') ? 'm' : null;
    const first = s.name.split(/\s+/)[0] ?? '';
    return honorific ?? (s.name.includes(' ') ? genderOfFirstName(first) : null);
  });
  if (speakers.length > 1) return 'disagrees';
  const g = genders[0] ?? null;
  return g === null ? 'unknown' : g === want ? 'agrees' : 'disagrees';
}

/** A match's predicted speakers with their roles, as the judges take them. */
const speakersOf = (m: QuoteMatch) => m.predicted.speakers.map((name, i) => ({ name, role: m.predicted.roles[i] ?? null }));

const isPronounSource = (q: GoldQuote) => /^\s*(?:he|she)\s*$/i.test(q.speaker);

/**
 * A matched gold quotation's speaker verdict where PolNeAR lets us judge it: true or false for a
 * named source and for a he/she source with a stated person of known gender; null otherwise.
 */
export function judgePolnearMatch(m: QuoteMatch): boolean | null {
  if (m.gold.named && !isJudgeableSource(m.gold.speaker)) return null;
  if (m.gold.named) return isNamedSourceIn(m.gold.speaker, speakersOf(m));
  if (isPronounSource(m.gold)) {
    const a = agreementOf(m.gold.speaker, m.predicted.stated, speakersOf(m));
    return a === 'agrees' ? true : a === 'disagrees' ? false : null;
  }
  return null;
}

export interface PolnearScores {
  /** Gold attributions with a reporting verb of speech, and how many a prediction covers (≥30%). */
  readonly speech: { readonly gold: number; readonly found: number; readonly recall: number };
  /** Predictions that cover some gold attribution (speech or belief), of all predictions. */
  readonly precision: { readonly predicted: number; readonly matched: number; readonly share: number };
  /** Named speech sources found: the name inside the speaker we give (stated or withheld), and stated right. */
  readonly named: { readonly matched: number; readonly right: number; readonly accuracy: number; readonly stated: number; readonly statedRight: number };
  /** "he"/"she" speech sources found: what the answer states. */
  readonly pronouns: Readonly<Record<Agreement, number>>;
}

/** The PolNeAR measures of one scoring run (scoreQuotes over all gold attributions). */
export function scorePolnear(quotes: QuoteScores): PolnearScores {
  const speechMatches = quotes.matches.filter((m) => m.gold.speech);
  const speechGold = speechMatches.length + quotes.missed.filter((m) => m.gold.speech).length;
  const named = speechMatches.filter((m) => m.gold.named && isJudgeableSource(m.gold.speaker));
  const right = named.filter((m) => judgePolnearMatch(m) === true);
  const stated = named.filter((m) => m.predicted.stated);
  const pronouns: Record<Agreement, number> = { agrees: 0, disagrees: 0, unknown: 0, withheld: 0 };
  for (const m of speechMatches) {
    if (!isPronounSource(m.gold)) continue;
    pronouns[agreementOf(m.gold.speaker, m.predicted.stated, speakersOf(m))]++;
  }
  const share = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    speech: { gold: speechGold, found: speechMatches.length, recall: share(speechMatches.length, speechGold) },
    precision: { predicted: quotes.predicted, matched: quotes.matches.length, share: share(quotes.matches.length, quotes.predicted) },
    named: {
      matched: named.length,
      right: right.length,
      accuracy: share(right.length, named.length),
      stated: stated.length,
      statedRight: stated.filter((m) => judgePolnearMatch(m) === true).length,
    },
    pronouns,
  };
}
