/**
 * Cleaning: turn raw page text into body paragraphs and metadata. News pages copied as text carry
 * furniture (captions, promos, related-story lists) that must never be read as the story's words.
 */
import { BULLET, dropClosingBios, endsLikeSentence, endsWithStop, isFurniture, isHeadlineLike, isPageChrome, isRelatedHeader } from './furniture.ts';

export interface CleanedText {
  readonly title: string | null;
  readonly date: string | null;
  readonly section: string | null;
  readonly source: string | null;
  readonly byline: string | null;
  readonly paragraphs: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const WEEKDAY_RE = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?';

const BYLINE = /^\(?\s*(?:Reporting|Writing|Additional reporting|Editing|Compiled) by\b[\s\S]*$/i;

/** "(Reuters) -", "KYIV, Nov 16 (Reuters) -", "WASHINGTON (AP) —". */
const DATELINE = /^(?:[A-Z][A-Za-z .'’-]*?(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*)?\(([A-Z][A-Za-z.&' ]{1,30})\)\s*[-–—]+\s*/;

/** Parse "Sunday, 16 Nov 2025", "Nov 16, 2025", "2025-11-16" (with or without a time) into ISO date, or null. */
export function parseDate(text: string): string | null {
  const t = text.replace(BULLET, '').trim();
  // "2015-03-17T16:27:40Z": a time glued on by "T" still leaves the date.
  const iso = /(?<!\d)(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dmy = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_RE})\\s*,?\\s+(\\d{4})\\b`, 'i').exec(t);
  const mdy = new RegExp(`\\b(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})\\b`, 'i').exec(t);
  let day: string | undefined, mon: string | undefined, year: string | undefined;
  if (dmy) [day, mon, year] = [dmy[1], dmy[2], dmy[3]];
  else if (mdy) [mon, day, year] = [mdy[1], mdy[2], mdy[3]];
  if (!day || !mon || !year) return null;
  const m = MONTHS.indexOf(mon.slice(0, 3).toLowerCase());
  if (m < 0) return null;
  return `${year}-${String(m + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * A byline as a reader writes it: "By Joshua Sokol" → "Joshua Sokol"; a date, a time, "12
 * Comments", "Last Updated: …" or a web address glued on are dropped; null when nothing but them.
 */
export function cleanByline(raw: string | null | undefined): string | null {
  let b = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (!b || /^https?:\/\//i.test(b)) return null;
  b = b
    .replace(/\b\d+\s+(?:comments?|responses?|replies|shares?)\b.*$/i, '')
    .replace(/\b(?:(?:last\s+)?updated|published|posted|modified)\b\s*:?.*$/i, '')
    .replace(/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+/gi, ' ')
    .replace(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b.*$/i, '')
    .replace(/\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b.*$/i, '')
    .replace(/\b\d{4}-\d{2}-\d{2}\b.*$/, '')
    .replace(/^\s*by\s+/i, '')
    .replace(/[\s|,;:•·–—-]+$/, '')
    .replace(/\s+(?:on|at)$/i, '')
    .replace(/^[\s|,;:•·–—-]+/, '')
    .trim();
  if (!/\p{L}{2}/u.test(b) || parseDate(b) !== null || b.length > 100) return null;
  return b;
}

/** "Ann Lee and Bo Chan" → ["Ann Lee", "Bo Chan"]. */
export function authorsOf(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .split(/\s*(?:,|;|&|\band\b)\s*/)
    .map((a) => a.trim())
    .filter((a) => /\p{L}/u.test(a));
}

function isDateLine(line: string): boolean {
  const t = line.replace(BULLET, '').trim();
  if (t.length > 60) return false;
  if (parseDate(t) === null) return false;
  // Only a date, maybe with a weekday, a time and "Updated"/"Published" labels.
  const rest = t
    .replace(new RegExp(WEEKDAY_RE, 'gi'), '')
    .replace(new RegExp(MONTH_RE, 'gi'), '')
    .replace(/\b(?:updated|published|posted|on|at|am|pm|[AP]\.M\.|GMT|UTC|[A-Z]{2,4}T)\b/gi, '')
    .replace(/[\d\s,:.\-/]+/g, '');
  return rest.length === 0;
}

/**
 * Photo credits set off with spaced parentheses after a caption ("… blood pressure. ( Richard
 * Lautens / Toronto Star ) Mississauga accountant …"). The credit is dropped and each caption
 * becomes its own paragraph, so one caption's words never run into the next.
 */
const SPACED_CREDIT = /(?<=[.!?…"'”’)]|^)\s*\(\s[^()]{2,80}?\s\)\s*/g;

export function splitCredits(line: string): string[] {
  return line
    .split(SPACED_CREDIT)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * Typewriter marks typeset: doubled single marks typed for double ones (“…creators,’’ says …", the
 * archive style ''Another look …,'' he said) become one double mark each, and two hyphens between
 * words a dash ("NEW YORK -- Facebook said", "the plan--if it passes--").
 */
function doubleQuotes(line: string): string {
  // A doubled pair that opens a word ("… Nation.” ‘’It’s not …") opens a quotation, whatever its shape.
  return line
    .replace(/(?<=[\p{L}\p{N}.,;:!?"”’)\]]\s?)--(?=\s?[\p{L}\p{N}"“‘(])/gu, '—')
    .replace(/(?<=^|[\s(—–-])(?:’’|‘’|‘‘|``|'')(?=\p{L}|\p{N})/gu, '“')
    .replace(/’’/g, '”')
    .replace(/‘‘|``/g, '“')
    .replace(/(?<=[\p{L}\p{N}.,!?])''(?=\s|$)/gu, '”');
}

/** What the cleaner has read of a page so far. */
interface PageState {
  title: string | null;
  date: string | null;
  section: string | null;
  source: string | null;
  byline: string | null;
  readonly paragraphs: string[];
  /** Inside a "Related stories" list. */
  inRelatedList: boolean;
}

/**
 * What each line of a page is, in order: the first rule that takes a line consumes it. A rule that
 * returns false passes the line on.
 */
const LINE_RULES: ReadonlyArray<{ readonly id: string; readonly take: (line: string, page: PageState) => boolean }> = [
  {
    // Text copied from a whole page starts with its navigation: "Skip to main content", "Menu".
    id: 'title',
    take: (line, page) => {
      if (page.title !== null) return false;
      if (!isPageChrome(line)) page.title = line.replace(BULLET, '').trim();
      return true;
    },
  },
  {
    id: 'related-list',
    take: (line, page) => {
      if (isRelatedHeader(line)) {
        page.inRelatedList = true;
        return true;
      }
      if (!page.inRelatedList) return false;
      // A related list runs until something that reads like a body paragraph again.
      if (isHeadlineLike(line) || line.length < 80 || !endsWithStop(line)) return true;
      page.inRelatedList = false;
      return false;
    },
  },
  {
    id: 'date',
    take: (line, page) => {
      if (page.date !== null || !isDateLine(line)) return false;
      page.date = parseDate(line);
      return true;
    },
  },
  {
    id: 'section',
    take: (line, page) => {
      if (!BULLET.test(line) || line.length >= 40 || endsLikeSentence(line) || page.paragraphs.length > 0) return false;
      page.section ??= line.replace(BULLET, '').trim();
      return true;
    },
  },
  {
    id: 'byline',
    take: (line, page) => {
      if (BYLINE.test(line)) {
        page.byline ??= line.replace(/^\(\s*|\s*\)$/g, '');
        return true;
      }
      // "By Ann Lee | Feb. 11, 2025 | 12 Comments" above the story; "By Tuesday, the council …" is the story.
      if (page.paragraphs.length > 0 || !/^By\s+\p{Lu}/u.test(line) || endsWithStop(line) || line.split(/\s+/).length > 16) return false;
      page.byline ??= cleanByline(line);
      return true;
    },
  },
  { id: 'furniture', take: (line) => isFurniture(line) || isHeadlineLike(line) },
  {
    // A body paragraph; the first three may open with a dateline that gives the date and source.
    id: 'paragraph',
    take: (line, page) => {
      let text = line;
      if (page.paragraphs.length < 3) {
        page.date ??= datelineDate(text);
        const d = stripDateline(text);
        if (d.source) page.source ??= d.source;
        text = d.text;
      }
      page.paragraphs.push(text);
      return true;
    },
  },
];

/**
 * Clean raw page text (one line per paragraph, as copied from a news page).
 * The first non-empty line is the headline; date, section, dateline and byline become metadata.
 */
export function cleanPageText(raw: string): CleanedText {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((l) => {
      const line = doubleQuotes(l.replace(/\s+/g, ' ').trim());
      return line === '' ? [line] : splitCredits(line);
    });
  const page: PageState = { title: null, date: null, section: null, source: null, byline: null, paragraphs: [], inRelatedList: false };
  for (const line of lines) if (line !== '') LINE_RULES.some((rule) => rule.take(line, page));
  const { title, date, section, source, byline, paragraphs } = page;
  return { title, date, section, source, byline, paragraphs: joinBrokenParagraphs(dropClosingBios(paragraphs)) };
}

/** "NEW YORK -- ", "OTTAWA — ": an all-caps place dateline without an agency. */
const PLACE_DATELINE = /^[A-Z][A-Z.'’]+(?:[ ,]+[A-Z][A-Z.'’]+)*(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?\s*(?:\(([A-Za-z.&' ]{2,30})\))?\s*(?:--|—|–)\s*/;

/** "Feb. 23, 2015 -- ", "WASHINGTON, Feb. 23, 2015 — ": a dated dateline, place optional. */
const DATED_DATELINE = new RegExp(
  String.raw`^(?:\p{Lu}[\p{L}.'’ ]*?,\s*)?(?:${WEEKDAY_RE},?\s+)?((?:${MONTH_RE}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})|(?:\d{1,2}\s+${MONTH_RE},?\s+\d{4}))\s*(?:--|—|–|-)\s*`,
  'u',
);

/** The date of a dated dateline that opens a paragraph ("Feb. 23, 2015 -- The senator …"), or null. */
export function datelineDate(paragraph: string): string | null {
  const m = DATED_DATELINE.exec(paragraph);
  return m?.[1] ? parseDate(m[1]) : null;
}

/** Strip a dateline from the start of a paragraph; returns the agency when it names one. */
export function stripDateline(paragraph: string): { text: string; source: string | null } {
  const m = DATELINE.exec(paragraph) ?? PLACE_DATELINE.exec(paragraph);
  if (m) return { text: paragraph.slice(m[0].length), source: m[1]?.trim() ?? null };
  const dated = DATED_DATELINE.exec(paragraph);
  return { text: dated ? paragraph.slice(dated[0].length) : paragraph, source: null };
}

/** Drop furniture from paragraphs that came from markdown or HTML extraction. */
export function dropFurniture(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  let inRelatedList = false;
  const lines = paragraphs.flatMap((p) => splitCredits(doubleQuotes(p.replace(/\s+/g, ' ').trim())));
  for (const [i, line] of lines.entries()) {
    if (isRelatedHeader(line)) {
      inRelatedList = true;
      continue;
    }
    if (inRelatedList) {
      if (isHeadlineLike(line) || line.length < 80 || !endsWithStop(line)) continue;
      inRelatedList = false;
    }
    if (isFurniture(line) || BYLINE.test(line) || (isHeadlineLike(line) && !isListItemOf(lines, i))) continue;
    out.push(out.length < 2 ? stripDateline(line).text : line);
  }
  return joinBrokenParagraphs(dropClosingBios(out));
}

/**
 * "• Added Slime Block": an item of a list of two or more in the body is the story's, though it
 * reads like a headline (no full stop). A related-stories list is dropped before, by its header.
 */
function isListItemOf(lines: readonly string[], i: number): boolean {
  const item = (k: number) => LIST_ITEM_LINE.test(lines[k] ?? '');
  return item(i) && (item(i - 1) || item(i + 1));
}

const LIST_ITEM_LINE = /^• \S/u;

/**
 * A paragraph that opens on a lower-case word continues the one before: the page split a sentence
 * (or a quotation) in two ("… at the discretion of the decision-maker. | based on the
 * recommendation …, said Nicholson").
 */
export function joinBrokenParagraphs(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    if (out.length > 0 && /^\p{Ll}+\b/u.test(p)) out[out.length - 1] = `${out[out.length - 1]} ${p}`;
    else out.push(p);
  }
  return out;
}
