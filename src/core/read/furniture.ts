/**
 * Page furniture, line by line: what a news page prints around a story that is never the story's
 * own words (navigation, related-story lists, promos, captions and credits, comment-section
 * boilerplate, share prompts, script lines, closing author bios). Shared by every loader, so a
 * pasted page, a markdown file and a saved HTML page lose the same furniture.
 */

export const BULLET = /^[\s•·▪●*-]+/;

/** A paragraph that is one item of a list: "• …", "- …", "* …", "1. …", "2) …". */
export const LIST_ITEM = /^\s*(?:[•·▪◦●*–—-]|\d{1,2}[.)])\s+/u;

/** A body paragraph ends like a sentence; headlines, labels and list items don't. */
export function endsLikeSentence(line: string): boolean {
  return /[.!?…:;]["'”’)\]]*\s*$/.test(line) || /["”]\s*$/.test(line);
}

/** Ends with a full stop, question or exclamation mark (a quotation mark alone is not enough). */
export function endsWithStop(line: string): boolean {
  return /[.!?…]["'”’)\]]*\s*$/.test(line);
}

/** Short line with no closing punctuation: a headline, label, subhead or list entry. */
export function isHeadlineLike(line: string): boolean {
  return !endsLikeSentence(line) && line.split(/\s+/).length < 25 && !TWEET_SIGN_OFF.test(line);
}

/** An embedded tweet ends on its author and date, not a full stop: "— Dana Ruiz (@dana_ruiz) March 3, 2021". */
const TWEET_SIGN_OFF = /\s[—–-]{1,2}\s+\p{Lu}[^()]{0,60}\(@\w{1,15}\)\s+\p{Lu}\p{Ll}+\.?\s+\d{1,2},\s+\d{4}\s*$/u;

/** Headers that open a list of other stories' headlines. */
const RELATED_HEADER =
  /^(?:next in\b.*|others also read|also read|read more|related(?: stories| articles| coverage| news)?|more from\b.*|more stories|more (?:[\w-]+ ){0,2}(?:news|stories|articles|coverage|videos|reading)|recommended(?: for you)?|you may also like|trending(?: now)?|most read|most popular|latest news|top stories|what to read next|further reading|see also)\s*:?\s*$/i;

/** A related-stories header, never a sentence: "Next in Politics", not "Next in line for the job is …". */
export function isRelatedHeader(line: string): boolean {
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
const SCRIPT_LINE =
  /^(?:\(?\s*function\s*\(|var |let |const |window\.|document\.|googletag\.|jQuery\b|\$\(|dataLayer\b|_gaq\b|<!--|\/\/\s*<!\[CDATA\[|if\s*\(\s*typeof\b|<script\b|<\/?div\b)/;

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

export function isFurniture(line: string): boolean {
  return PROMO.test(line) || CAPTION.test(line) || PAGE_TALK.test(line) || isScriptLine(line) || isRelatedHeader(line) || isCreditLine(line);
}

/** A line that is a credit, or a caption ending in one: "(Jane Roe / The Daily Star)". */
function isCreditLine(line: string): boolean {
  return SLASH_CREDIT.test(line);
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
