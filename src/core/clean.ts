/**
 * Cleaning: turn raw page text into body paragraphs and metadata. News pages copied as text carry
 * furniture (captions, promos, related-story lists) that must never be read as the story's words.
 */

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

/** Headers that open a list of other stories' headlines. */
const RELATED_HEADER =
  /^(?:next in\b.*|others also read|also read|read more|related(?: stories| articles| coverage| news)?|more from\b.*|more stories|recommended(?: for you)?|you may also like|trending(?: now)?|most read|most popular|latest news|top stories|what to read next|further reading|see also)\s*:?\s*$/i;

/** A related-stories header, never a sentence: "Next in Politics", not "Next in line for the job is …". */
function isRelatedHeader(line: string): boolean {
  return RELATED_HEADER.test(line) && !endsWithStop(line) && line.split(/\s+/).length <= 8;
}

/** Promotional and navigation lines. */
const PROMO =
  /^(?:follow us\b|subscribe\b|sign up\b|click here\b|download (?:the|our) app|share this\b|advertisement$|story continues below|continue reading|get the latest\b|join our\b|listen to (?:this|the) (?:article|story)|watch:|photo gallery|copyright\b|©|all rights reserved)/i;

/** Photo captions and credit lines. */
const CAPTION =
  /(?:\bvia REUTERS\b|\bREUTERS\/|\/Handout\b|\bHandout\b.*$|\(Photo(?: by| credit)?[^)]*\)$|\bGetty Images\b|\bAP Photo\b|\bAFP(?: via Getty)?\b\s*$|\bPhoto(?:graph)?: |\bFile Photo\b|\bImage caption\b|\bCredit: )/i;

const BYLINE = /^\(?\s*(?:Reporting|Writing|Additional reporting|Editing|Compiled) by\b[^]*$/i;

/** "(Reuters) -", "KYIV, Nov 16 (Reuters) -", "WASHINGTON (AP) —". */
const DATELINE =
  /^(?:[A-Z][A-Za-z .'’-]*?(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*)?\(([A-Z][A-Za-z.&' ]{1,30})\)\s*[-–—]+\s*/;

const BULLET = /^[\s•·▪●*-]+/;

/** Parse "Sunday, 16 Nov 2025", "Nov 16, 2025", "2025-11-16" into ISO date, or null. */
export function parseDate(text: string): string | null {
  const t = text.replace(BULLET, '').trim();
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(t);
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

/** A body paragraph ends like a sentence; headlines, labels and list items don't. */
export function endsLikeSentence(line: string): boolean {
  return /[.!?…:;]["'”’)\]]*\s*$/.test(line) || /["”]\s*$/.test(line);
}

/** Ends with a full stop, question or exclamation mark (a quotation mark alone is not enough). */
function endsWithStop(line: string): boolean {
  return /[.!?…]["'”’)\]]*\s*$/.test(line);
}

/** Short line with no closing punctuation: a headline, label, subhead or list entry. */
function isHeadlineLike(line: string): boolean {
  return !endsLikeSentence(line) && line.split(/\s+/).length < 25;
}

export function isFurniture(line: string): boolean {
  return PROMO.test(line) || CAPTION.test(line) || isRelatedHeader(line);
}

/**
 * Photo credits set off with spaced parentheses after a caption ("… blood pressure. ( Richard
 * Lautens / Toronto Star ) Mississauga accountant …"). The credit is dropped and each caption
 * becomes its own paragraph, so one caption's words never run into the next.
 */
const SPACED_CREDIT = /(?<=[.!?…"'”’)]|^)\s*\(\s[^()]{2,80}?\s\)\s*/g;

export function splitCredits(line: string): string[] {
  return line.split(SPACED_CREDIT).map((l) => l.trim()).filter((l) => l !== '');
}

/**
 * Doubled single marks typed for double ones (“…creators,’’ says …", the archive style ''Another
 * look …,'' he said): one double mark each.
 */
function doubleQuotes(line: string): string {
  // A doubled pair that opens a word ("… Nation.” ‘’It’s not …") opens a quotation, whatever its shape.
  return line
    .replace(/(?<=^|[\s(—–-])(?:’’|‘’|‘‘|``|'')(?=\p{L}|\p{N})/gu, '“')
    .replace(/’’/g, '”')
    .replace(/‘‘|``/g, '“')
    .replace(/(?<=[\p{L}\p{N}.,!?])''(?=\s|$)/gu, '”');
}

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
  let title: string | null = null;
  let date: string | null = null;
  let section: string | null = null;
  let source: string | null = null;
  let byline: string | null = null;
  const paragraphs: string[] = [];
  let inRelatedList = false;
  for (const line of lines) {
    if (line === '') continue;
    if (title === null) {
      title = line.replace(BULLET, '').trim();
      continue;
    }
    if (isRelatedHeader(line)) {
      inRelatedList = true;
      continue;
    }
    if (inRelatedList) {
      // A related list runs until something that reads like a body paragraph again.
      if (isHeadlineLike(line) || line.length < 80 || !endsWithStop(line)) continue;
      inRelatedList = false;
    }
    if (date === null && isDateLine(line)) {
      date = parseDate(line);
      continue;
    }
    if (BULLET.test(line) && line.length < 40 && !endsLikeSentence(line) && paragraphs.length === 0) {
      section ??= line.replace(BULLET, '').trim();
      continue;
    }
    if (BYLINE.test(line)) {
      byline ??= line.replace(/^\(\s*|\s*\)$/g, '');
      continue;
    }
    if (isFurniture(line) || isHeadlineLike(line)) continue;
    let text = line;
    if (paragraphs.length < 3) {
      const d = stripDateline(text);
      if (d.source) source ??= d.source;
      text = d.text;
    }
    paragraphs.push(text);
  }
  return { title, date, section, source, byline, paragraphs: joinBrokenParagraphs(paragraphs) };
}

/** "NEW YORK -- ", "OTTAWA — ": an all-caps place dateline without an agency. */
const PLACE_DATELINE = /^[A-Z][A-Z.'’]+(?:[ ,]+[A-Z][A-Z.'’]+)*(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?\s*(?:\(([A-Za-z.&' ]{2,30})\))?\s*(?:--|—|–)\s*/;

/** Strip a dateline from the start of a paragraph; returns the agency when it names one. */
export function stripDateline(paragraph: string): { text: string; source: string | null } {
  const m = DATELINE.exec(paragraph) ?? PLACE_DATELINE.exec(paragraph);
  if (!m) return { text: paragraph, source: null };
  return { text: paragraph.slice(m[0].length), source: m[1]?.trim() ?? null };
}

/** Drop furniture from paragraphs that came from markdown or HTML extraction. */
export function dropFurniture(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  let inRelatedList = false;
  for (const line of paragraphs.flatMap((p) => splitCredits(doubleQuotes(p.replace(/\s+/g, ' ').trim())))) {
    if (isRelatedHeader(line)) {
      inRelatedList = true;
      continue;
    }
    if (inRelatedList) {
      if (isHeadlineLike(line) || line.length < 80 || !endsWithStop(line)) continue;
      inRelatedList = false;
    }
    if (isFurniture(line) || BYLINE.test(line) || isHeadlineLike(line)) continue;
    out.push(out.length < 2 ? stripDateline(line).text : line);
  }
  return joinBrokenParagraphs(out);
}

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
