/**
 * Loading a saved HTML page: Readability (default options) finds the article, `page-meta.ts` reads
 * its metadata, and furniture Readability keeps inside the article (captions, credits, promo and
 * newsletter boxes, share prompts, author bios) is dropped. When the body kept is much shorter than
 * the page's own main text, or holds no sentence, a warning says so. Pure: the caller reads the bytes.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { datelineDate, dropFurniture } from './clean.ts';
import { endsLikeSentence, LIST_ITEM } from './furniture.ts';
import { nestedMarks } from './split.ts';
import { readPageFacts, readPageMeta, type PageMeta } from './page-meta.ts';

export interface LoadedPage {
  readonly meta: PageMeta;
  readonly paragraphs: string[];
  /** Things the reader should know: a body much shorter than the page's text, no sentence kept. */
  readonly warnings: string[];
}

/** Blocks of text in article HTML; only the innermost are read, so no text is read twice. */
const BLOCK = 'p, blockquote, li, h2, h3, h4, h5, h6';
const HEADING = /^H[1-6]$/;

/**
 * Class or id words of furniture inside an article: photo captions and credits, promo and
 * newsletter boxes, share prompts, author bios, comment sections, ads. Matched as whole words of
 * the class ("image-caption", "newsletter_signup"), so "shareable" or "adapted" are not.
 */
const FURNITURE_WORDS =
  /(?:^|[\s_-])(?:caption|captions|credit|credits|figcaption|newsletter|newsletters|signup|subscribe|subscription|promo|promotion|promoted|sponsored|share|sharing|bio|bios|biography|author-bio|about-the-author|comment|comments|disqus|ad|ads|advert|advertisement|related|recommended|outbrain|taboola|paywall|donate|print-only)(?:$|[\s_-])/i;

/** Text for screen readers and icons, which sits inside sentences ("said<span>Opens a new window</span>"). */
const HIDDEN_WORDS = /(?:^|[\s_-])(?:sr-only|screen-reader-text|visually-hidden|visuallyhidden|icon)(?:$|[\s_-])/i;

/** Elements that are never the story's running text. A <figure> is a photo's, unless it holds a quotation. */
const FURNITURE_TAGS = 'figcaption, aside, script, style, noscript, template, form, button, iframe, svg, nav, footer';

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Where a <br> stood, until the block's lines are known. */
const LINE_BREAK = '\u2028';
/** A block with at least this many <br> lines is read line by line. */
const MIN_BROKEN_LINES = 3;

/** A list marker opening a line: "+ Added Slime Block". */
const LINE_MARKER = /^[+*•·▪●–-]\s+/u;
/** A line ending on one of these, or a comma, stops mid-sentence: "These are Headers, Request and". */
const CONTINUES =
  /(?:,|\b(?:and|or|but|nor|the|a|an|of|to|in|on|at|by|for|from|with|as|that|which|who|is|are|was|were|be|has|have|had|than|such|its|their|his|her|this|these))$/i;

/**
 * Lines that a page hard-wrapped with <br> inside a sentence, joined again: a line that ends with
 * no stop runs on into the next when the next opens in lower case ("… such as<br>supporting CORS
 * rules …") or the line ends on a comma or a word no sentence ends on ("… Request and<br>Response.").
 */
function joinWrappedLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    const runsOn = last !== undefined && !endsLikeSentence(last) && !LINE_MARKER.test(line) && (/^\p{Ll}/u.test(line) || CONTINUES.test(last));
    if (runsOn) out[out.length - 1] = `${last} ${line}`;
    else out.push(line);
  }
  return out;
}

/**
 * A block's text as paragraphs: one per line when <br> breaks it into several lines, else one. Lines
 * that open on a list marker ("+ Added Slime Block") are list items ("• Added Slime Block"); lines
 * that wrap inside a sentence are joined first.
 */
function linesOf(text: string): string[] {
  const lines = joinWrappedLines(
    text
      .split(LINE_BREAK)
      .map(squash)
      .filter((l) => l !== ''),
  );
  if (lines.length < MIN_BROKEN_LINES) return [squash(lines.join(' '))].filter((l) => l !== '');
  return lines.map((l) => l.replace(LINE_MARKER, '• '));
}

/** WordPress and others label a post with its tags and categories ("tag-social-media"): not furniture. */
const TAXONOMY_CLASS = /^(?:tag|tags|category|categories|topic|topics|section|post-tag)[-_]/i;

function labelsOf(el: Element): string[] {
  return [...(el.getAttribute('class') ?? '').split(/\s+/), el.getAttribute('id') ?? ''].filter((w) => w !== '' && !TAXONOMY_CLASS.test(w));
}

/**
 * A box of furniture by its class or id. Inside running text only hidden and icon text counts: a
 * "credit-rating" span in a sentence about a bond is the story's own words.
 */
function isFurnitureElement(el: Element): boolean {
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const labels = labelsOf(el);
  if (labels.some((w) => HIDDEN_WORDS.test(w))) return true;
  return labels.some((w) => FURNITURE_WORDS.test(w)) && !el.parentElement?.closest('p, li, blockquote, h1, h2, h3, h4, h5, h6');
}

/**
 * A blockquote with paragraphs inside can also hold text outside them: an embedded tweet's "—
 * Dana Ruiz (@dana_ruiz) March 3, 2021" line. Only the innermost blocks are read, so that text
 * joins the paragraph before it (where the embedded-tweet rule finds the author), rather than
 * being lost.
 */
function keepLooseText(quote: Element): void {
  const blocks = [...quote.children].filter((c) => c.matches(BLOCK) || c.querySelector(BLOCK));
  if (blocks.length === 0) return;
  let last: Element | null = null;
  for (const node of [...quote.childNodes]) {
    if (blocks.includes(node as Element)) {
      last = node as Element;
      continue;
    }
    const text = squash(node.textContent);
    if (text === '') continue;
    const into = last ?? blocks[0];
    if (!into) continue;
    if (last) into.append(` ${text}`);
    else into.prepend(`${text} `);
    node.remove();
  }
}

/**
 * "Contents: • Assess how deep … • Rewrite …": a list whose every item is only a link to a place
 * on the same page is the page's table of contents, headings the body repeats.
 */
function isTableOfContents(list: Element): boolean {
  const items = [...list.children].filter((c) => c.tagName === 'LI');
  return (
    items.length >= 2 &&
    items.every((li) => {
      const links = [...li.querySelectorAll('a')];
      return (
        links.length > 0 &&
        links.every((a) => (a.getAttribute('href') ?? '').startsWith('#')) &&
        squash(li.textContent) === squash(links.map((a) => a.textContent).join(' '))
      );
    })
  );
}

/** The text blocks of an element, furniture elements removed first. */
function blocksOf(root: Element): string[] {
  for (const el of [...root.querySelectorAll(FURNITURE_TAGS)]) el.remove();
  for (const el of [...root.querySelectorAll('figure')]) if (!el.querySelector('blockquote')) el.remove();
  for (const list of [...root.querySelectorAll('ul, ol')]) if (isTableOfContents(list)) list.remove();
  // "versions<br>+ Added Slime Block": lines broken by <br> must not run together. A block of
  // several such lines (a changelog, a poem, an address) is read line by line.
  for (const br of [...root.querySelectorAll('br')]) br.replaceWith(LINE_BREAK);
  for (const quote of [...root.querySelectorAll('blockquote')]) keepLooseText(quote);
  const whole = squash(root.textContent).length;
  // A box of furniture is small beside the story; a labelled element holding most of the text is the story.
  for (const el of [...root.querySelectorAll('[class], [id], [aria-hidden]')])
    if (isFurnitureElement(el) && squash(el.textContent).length < whole / 2) el.remove();
  return quoteIntroducedBlockquotes([...root.querySelectorAll(BLOCK)].filter((el) => !el.querySelector(BLOCK)));
}

/**
 * A blockquote paragraph as the quotation it is: in double marks, its own double marks made single
 * ("… but “income” is not the term" → “… but ‘income’ is not the term”). A paragraph already
 * quoted whole stays as it is.
 */
function asQuotation(text: string): string {
  if (/^["“]/u.test(text) && /["”][.,!?]?$/u.test(text)) return text;
  return `“${nestedMarks(text)}”`;
}

/**
 * Block texts in order, subheadings left out. A `<blockquote>` that a paragraph introduces with a colon ("In a statement,
 * Mayor Ruiz wrote:") is that speaker's words: its paragraphs are given quotation marks, so the
 * extractor reads them as a quotation introduced by the paragraph before. A blockquote with no
 * such introduction (a pull quote, an epigraph) stays plain text: no one is named for it.
 */
function quoteIntroducedBlockquotes(blocks: readonly Element[]): string[] {
  const out: string[] = [];
  let quoting: Element | null = null;
  let afterHeading = false;
  for (const el of blocks) {
    // A subheading, or a standfirst set as one, heads the story's parts; it is not the story's running text.
    if (HEADING.test(el.tagName)) {
      [quoting, afterHeading] = [null, true];
      continue;
    }
    const lines = linesOf(el.textContent ?? '');
    if (lines.length === 0) continue;
    const quote = el.tagName === 'BLOCKQUOTE' ? el : el.closest('blockquote');
    const introduced: boolean = quote !== null && (quote === quoting || (!afterHeading && /:$/.test(out.at(-1) ?? '')));
    [quoting, afterHeading] = [introduced ? quote : null, false];
    for (const text of lines) {
      // A list item keeps its marker: "X said:" followed by a list makes each item X's (quotes/lists.ts).
      const quoted = introduced ? asQuotation(text) : text;
      out.push(el.tagName === 'LI' && !LIST_ITEM.test(text) ? `• ${quoted}` : quoted);
    }
  }
  return out;
}

function blocksOfHtml(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blocksOf(document.body);
}

/** Paragraph text inside a container, leaving out comment threads, related lists and captions. */
function storyTextLength(container: Element): number {
  let n = 0;
  for (const p of container.querySelectorAll('p')) {
    let furniture = false;
    for (let e: Element | null = p; e && e !== container; e = e.parentElement) {
      if (isFurnitureElement(e) || /^(?:FIGURE|FIGCAPTION|ASIDE|NAV|FOOTER|FORM)$/.test(e.tagName)) {
        furniture = true;
        break;
      }
    }
    if (!furniture) n += squash(p.textContent).length;
  }
  return n;
}

/**
 * Remove furniture boxes from the page before Readability reads it: Readability unwraps the
 * containers that say what a box is ("newsletter-wrapper"), so afterwards its sign-up prices and
 * plans read like story paragraphs. A labelled element holding a large share of the page's text
 * is kept: it is the story, whatever its class says ("ad-free-article").
 */
function removeFurnitureBoxes(document: Document): void {
  const total = storyTextLength(document.body) || 1;
  for (const el of [...document.body.querySelectorAll('[class], [id], [aria-hidden]')]) {
    if (!isFurnitureElement(el) || el.querySelector('h1, article, main, [itemprop="articleBody"]')) continue;
    if (storyTextLength(el) / total < 0.25) el.remove();
  }
}

/**
 * The page's own main text: its declared article body, else its longest `<article>`, else its
 * `<main>`. The narrowest the page declares: a `<main>` also holds teasers and comment threads.
 */
function mainContainer(document: Document): { element: Element; length: number } | null {
  for (const selector of ['[itemprop="articleBody"]', 'article', 'main, [role="main"]']) {
    let best: { element: Element; length: number } | null = null;
    for (const el of document.querySelectorAll(selector)) {
      if (isFurnitureElement(el)) continue;
      const length = storyTextLength(el);
      if (!best || length > best.length) best = { element: el, length };
    }
    if (best && best.length > 0) return best;
  }
  return null;
}

/** Readability keeps a sibling paragraph shorter than this only when it holds a full stop. */
const READABILITY_SHORT = 80;
/** The most paragraphs put back between two that Readability kept. */
const MAX_PUT_BACK = 3;

/**
 * Readability drops a short paragraph beside the story's container unless it holds a full stop:
 * "Let’s start by parsing that tweet:" and the tweet it introduces, in marks, go, while the
 * paragraphs before and after stay. Where the page's own main text has such short paragraphs between
 * two kept ones, they are put back, in place.
 */
function withShortParagraphsBack(kept: readonly string[], main: readonly string[]): string[] {
  const at = new Map<string, number>();
  main.forEach((text, i) => {
    if (!at.has(text)) at.set(text, i);
  });
  const out: string[] = [];
  kept.forEach((text, i) => {
    out.push(text);
    const from = at.get(text);
    const to = at.get(kept[i + 1] ?? '');
    if (from === undefined || to === undefined || to - from - 1 < 1 || to - from - 1 > MAX_PUT_BACK) return;
    const gap = main.slice(from + 1, to);
    if (gap.every((g) => g.length < READABILITY_SHORT && !kept.includes(g))) out.push(...gap);
  });
  return out;
}

function charCount(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

/** Below this share of the page's main text, the body kept is "much shorter". */
const SHORTFALL = 0.5;
/** Main text shorter than this is too little to judge by. */
const MIN_MAIN_TEXT = 500;

/**
 * Load a saved page: its metadata, its body paragraphs (empty when nothing reads as the story) and warnings.
 *
 * @example
 * const { meta, paragraphs, warnings } = loadHtmlPage(html);
 */
export function loadHtmlPage(html: string): LoadedPage {
  const { document } = parseHTML(html);
  const facts = readPageFacts(document);
  const main = mainContainer(document);
  // Readability rewrites the document it reads; the fallback needs the page's own main text as saved.
  const mainHtml = main?.element.outerHTML ?? null;
  removeFurnitureBoxes(document);
  // What Readability may drop between the paragraphs it keeps is looked for in the main text, else the whole page.
  const pageHtml = mainHtml ?? document.body.innerHTML;
  const article = new Readability(document as unknown as Document, { keepClasses: true }).parse();
  const meta = readPageMeta(facts, article);
  const warnings: string[] = [];
  const blocks = article?.content ? blocksOfHtml(article.content) : [];
  const pageParagraphs = dropFurniture(blocksOfHtml(pageHtml));
  let paragraphs = withShortParagraphsBack(dropFurniture(blocks), pageParagraphs);
  const kept = charCount(paragraphs);
  if (main && mainHtml && main.length >= MIN_MAIN_TEXT && kept < main.length * SHORTFALL) {
    const fallback = pageParagraphs;
    const tag = main.element.tagName.toLowerCase();
    const what = main.element.getAttribute('itemprop') === 'articleBody' ? 'article body' : `<${tag}>`;
    if (charCount(fallback) > kept) {
      warnings.push(
        `the article text found was much shorter than the page's ${what} (${kept} of about ${main.length} characters); kept the ${what} text instead (${fallback.length} paragraphs), so check it for page furniture`,
      );
      paragraphs = fallback;
    } else {
      warnings.push(
        `the article text found is much shorter than the page's ${what} (${kept} of about ${main.length} characters); kept ${paragraphs.length} paragraphs, so quotations may be missing`,
      );
    }
  }
  if (paragraphs.length > 0 && !paragraphs.some((p) => endsLikeSentence(p))) {
    warnings.push(
      `no sentence in the article text found; kept ${paragraphs.length} paragraph${paragraphs.length === 1 ? '' : 's'} (${charCount(paragraphs)} characters) without one, which may not be the story`,
    );
  }
  // Last in trust: the date the story's own dateline gives ("Feb. 23, 2015 -- The senator …").
  const date =
    meta.date ??
    blocks
      .slice(0, 3)
      .map(datelineDate)
      .find((d) => d !== null) ??
    null;
  return { meta: { ...meta, date }, paragraphs, warnings };
}
