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
  /^(?:next in\b.*|others also read|also read|read more|related(?: stories| articles| coverage| news)?|more from\b.*|more stories|more (?:[\w-]+ ){0,2}(?:news|stories|articles|coverage|videos|reading)|recommended(?: for you)?|you may also like|trending(?: now)?|most read|most popular|latest news|top stories|what to read next|further reading|see also)\s*:?\s*$/i;

/** A related-stories header, never a sentence: "Next in Politics", not "Next in line for the job is …". */
function isRelatedHeader(line: string): boolean {
  return RELATED_HEADER.test(line) && !endsWithStop(line) && line.split(/\s+/).length <= 8;
}

/** A page's navigation and account links, as copied from its top: never a headline. */
const PAGE_CHROME =
  /^(?:skip to (?:the )?(?:main )?(?:content|navigation|article|search)|skip navigation|jump to (?:main )?content|accessibility links|(?:open |close |main |site )?(?:menu|navigation)|toggle navigation|search(?: the site)?|sign in|sign up|log ?in|log ?out|register|my account|account|subscribe(?: now)?|home(?: ?page)?|close|back|print|share|advertisement|cookies?(?: settings| policy)?|accept(?: all)?(?: cookies)?|(?:live|watch live|listen live)|edition|(?:uk|us|international|world) edition|more|news|sections)$/i;

/** A line of navigation: one of the above, or several short items run together ("Home | News | Sport"). */
export function isPageChrome(line: string): boolean {
  const t = line.replace(BULLET, '').trim();
  if (PAGE_CHROME.test(t)) return true;
  const items = t.split(/\s*[|•·]\s*/).filter((i) => i !== '');
  return items.length >= 3 && items.every((i) => i.split(/\s+/).length <= 3 && !/[.!?]$/.test(i));
}

/** Promotional and navigation lines. */
const PROMO =
  /^(?:follow us\b|subscribe\b|sign up\b|click here\b|download (?:the|our) app|share this\b|advertisement$|story continues below|continue reading|get the latest\b|join our\b|listen to (?:this|the) (?:article|story)|watch:|photo gallery|copyright\b|©|all rights reserved)/i;

/** Comment-section boilerplate, share prompts and reprint notes: the page talking, not the story. */
const PAGE_TALK =
  /^(?:you must be (?:logged|signed) in to (?:post|leave|add|write) a comment|(?:please )?(?:log|sign) in to (?:post|leave|add) a comment|leave a (?:comment|reply)|post a comment|add a comment|comments? (?:are|is) (?:closed|now closed)|\d+\s+(?:comments?|responses?|replies)$|(?:show|view|load|read) (?:all )?(?:\d+ )?comments?|be the first to comment|join the (?:conversation|discussion)|click to (?:share|email|print)|share (?:on|via|to) (?:facebook|twitter|x|linkedin|whatsapp|email|reddit)|share (?:this )?(?:article|story|post|page)|tweet this|email this|this (?:article|story|post|piece) (?:was |is |has been )?(?:originally |first )?(?:appeared|published|reprinted|republished|syndicated)\b|a version of this (?:article|story|post) (?:first |originally )?(?:appeared|was published)|follow (?:him|her|them|me) on\b|(?:get|sign up for|subscribe to) (?:our|the) [\w\s'’-]{0,40}newsletter)/i;

/** A line of script or markup that leaked into the text ("window.dataLayer = …", "googletag.cmd.push(…);"). */
const SCRIPT_LINE = /^(?:\(?\s*function\s*\(|var |let |const |window\.|document\.|googletag\.|jQuery\b|\$\(|dataLayer\b|_gaq\b|<!--|\/\/\s*<!\[CDATA\[|if\s*\(\s*typeof\b|<script\b|<\/?div\b)/;

function isScriptLine(line: string): boolean {
  // Code is dense with braces, semicolons and calls; prose has one semicolon at most.
  return SCRIPT_LINE.test(line) || ((line.match(/[{};]/g)?.length ?? 0) >= 4 && /\w\(/.test(line) && /[=]/.test(line));
}

/** Photo captions and credit lines. */
const CAPTION =
  /(?:\bvia REUTERS\b|\bREUTERS\/|\/Handout\b|\bHandout\b.*$|\(Photo(?: by| credit)?[^)]*\)$|\bGetty Images\b|\bAP Photo\b|\bAFP(?: via Getty)?\b\s*$|\bPhoto(?:graph)?: |\bFile Photo\b|\bImage caption\b|\bCredit: |^(?:Media caption|Image copyright|Image source|Picture caption|Video caption|Photo credit|Image credit)\b)/i;

/**
 * A credit line set off in parentheses with a slash, "(Jane Roe / The Daily Star)",
 * "(Photo: Jane Roe/AP)": a name, a slash, an outlet. "(120/80 mmHg)" is not one (no names).
 */
const CREDIT_NAME = String.raw`\p{Lu}[\p{L}.'’-]*`;
const CREDIT_OUTLET = String.raw`(?:For\s+)?\p{Lu}[\p{L}&.'’-]*(?:\s+(?:of\s+)?[\p{Lu}&][\p{L}&.'’-]*){0,5}(?:\s+File\s+Photo)?`;
const SLASH_CREDIT = new RegExp(
  // A person's name of two words or more ("(Apple/Google)" is no credit), or a "Photo:" label.
  String.raw`\(\s*(?:(?:(?:Photo|Photograph|Image|Picture|Credit)s?\s*:?\s*${CREDIT_NAME}(?:\s+${CREDIT_NAME}){0,4})|(?:${CREDIT_NAME}(?:\s+${CREDIT_NAME}){1,4}))\s*\/\s*${CREDIT_OUTLET}\s*\)\.?\s*$`,
  'u',
);

const BYLINE = /^\(?\s*(?:Reporting|Writing|Additional reporting|Editing|Compiled) by\b[^]*$/i;

/** "(Reuters) -", "KYIV, Nov 16 (Reuters) -", "WASHINGTON (AP) —". */
const DATELINE =
  /^(?:[A-Z][A-Za-z .'’-]*?(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*)?\(([A-Z][A-Za-z.&' ]{1,30})\)\s*[-–—]+\s*/;

const BULLET = /^[\s•·▪●*-]+/;

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
  return PROMO.test(line) || CAPTION.test(line) || PAGE_TALK.test(line) || isScriptLine(line) || isRelatedHeader(line) || isCreditLine(line);
}

/** A line that is a credit, or a caption ending in one: "(Jane Roe / The Daily Star)". */
function isCreditLine(line: string): boolean {
  return SLASH_CREDIT.test(line);
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
      // Text copied from a whole page starts with its navigation: "Skip to main content", "Menu".
      if (isPageChrome(line)) continue;
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
    // "By Ann Lee | Feb. 11, 2025 | 12 Comments" above the story; "By Tuesday, the council …" is the story.
    if (paragraphs.length === 0 && /^By\s+\p{Lu}/u.test(line) && !endsWithStop(line) && line.split(/\s+/).length <= 16) {
      byline ??= cleanByline(line);
      continue;
    }
    if (isFurniture(line) || isHeadlineLike(line)) continue;
    let text = line;
    if (paragraphs.length < 3) {
      date ??= datelineDate(text);
      const d = stripDateline(text);
      if (d.source) source ??= d.source;
      text = d.text;
    }
    paragraphs.push(text);
  }
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

/**
 * An author bio, as stories end: "Jane Roe is a staff writer at The Star.", "Jane Roe is on
 * Twitter at jroe." Only the last paragraphs are read this way: in the body, "Smith is a senior
 * fellow at the institute" is the story.
 */
const BIO =
  /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’.-]*\s+(?:is|was|has been|writes|covers|reports)\b.{0,250}?\b(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|freelance|blogger|author of|on Twitter|on X\b|@\w+|newsletter|staff)\b/u;

function isBio(paragraph: string): boolean {
  return paragraph.length <= 300 && !/["“”]/.test(paragraph) && BIO.test(paragraph);
}

/** How many closing paragraphs may be an author bio. */
const BIO_TAIL = 2;

/** Drop author bios from the end of a story. */
export function dropClosingBios(paragraphs: readonly string[]): string[] {
  const out = [...paragraphs];
  for (let i = out.length - 1; i >= Math.max(1, out.length - BIO_TAIL); i--) if (isBio(out[i]!)) out.splice(i, 1);
  return out;
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
  return joinBrokenParagraphs(dropClosingBios(out));
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
