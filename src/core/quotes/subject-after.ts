/** The subject after a reporting verb, in inverted order: "said Smith", "said the minister", "according to police". */
import { NOT_NAME_START, PRONOUNS, RELATIVE_PARTICIPLE, TITLE_WORDS } from '../lexicon.ts';
import {
  anonymousQualifier,
  cleanRole,
  DETERMINERS,
  isNameToken,
  isNominalHead,
  type Mention,
  NOT_APPOSITIVE_START,
  PREPOSITIONS,
  REPORTING_STOP,
  textOf,
} from '../mentions.ts';
import type { Token } from '../tokens.ts';

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
