/**
 * A saved page's metadata, from its own declarations in order of trust: JSON-LD
 * `NewsArticle`/`Article`, then OpenGraph and article meta tags (both read by Readability, see
 * DESIGN.md), then `<time datetime>`, then the visible date near the headline. Pure: it reads a
 * parsed DOM, never the network.
 */
import { authorsOf, cleanByline, parseDate } from './clean.ts';

/** What Readability's `parse()` reports about the page (JSON-LD first, then meta tags). */
export interface ReadabilityMeta {
  readonly title?: string | null | undefined;
  readonly byline?: string | null | undefined;
  readonly siteName?: string | null | undefined;
  readonly publishedTime?: string | null | undefined;
}

/** Facts read from the page before Readability rewrites it. */
export interface PageFacts {
  /** `<title>` as written. */
  readonly pageTitle: string | null;
  readonly ogTitle: string | null;
  readonly url: string | null;
  /** From `<time datetime>` or an element marked `itemprop="datePublished"`. */
  readonly markedDate: string | null;
  /** The first date in the short text of a date-labelled element ("May 20, 2019"), or a line by the headline. */
  readonly visibleDate: string | null;
  /** Every date shown by the headline, each as the dates it can be ("6/7/2018": June 7 or July 6). */
  readonly shownDates?: readonly (readonly string[])[];
  readonly section: string | null;
  /** The author a meta tag declares (`author`, `article:author`, `parsely-author`, `dc.creator`), not a web address. */
  readonly declaredAuthor: string | null;
  /** The author marked up by the headline: `itemprop="author"`, `rel="author"`. */
  readonly markedAuthor: string | null;
  /** A byline shown by the headline in no markup ("On 6/13/2018 by @ann"). */
  readonly shownByline: string | null;
  /** The page's JSON-LD names an author, which Readability reads first. */
  readonly jsonLdAuthor: boolean;
  /** The site's handles on X/Twitter (`twitter:site`): "@YahooFinance". */
  readonly handles?: readonly string[];
}

export interface PageMeta {
  readonly title: string | null;
  readonly source: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly byline: string | null;
  readonly authors: string[];
  readonly section: string | null;
}

function metaContent(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Comment threads and lists of other stories carry dates of their own. */
const NOT_THE_STORY = /comment|related|recommend|popular|trending|sidebar|footer|promo/i;

function inStory(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (NOT_THE_STORY.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`)) return false;
  }
  return true;
}

/** An ISO date written as the page wrote it (its own time zone), or null. */
function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  return parseDate(value);
}

/**
 * Elements in reading order from the headline on: a page's own date sits just after its <h1>
 * (byline block) or in its article; a "latest stories" ticker above it carries other dates.
 */
function fromHeadline(document: Document, selector: string): Element[] {
  const all = [...document.querySelectorAll(selector)].filter(inStory);
  const h1 = document.querySelector('h1');
  if (!h1) return all;
  const order = [...document.querySelectorAll('*')];
  const at = order.indexOf(h1);
  const index = new Map(order.map((el, i) => [el, i]));
  const after = all.filter((el) => (index.get(el) ?? 0) > at || el.contains(h1));
  const before = all.filter((el) => !after.includes(el)).reverse();
  return [...after, ...before];
}

function markedDateOf(document: Document): string | null {
  const declared = [...document.querySelectorAll('[itemprop="datePublished"], time[pubdate]')].filter(inStory);
  for (const el of [...declared, ...fromHeadline(document, 'time[datetime]')]) {
    const d = isoDate(el.getAttribute('datetime') ?? el.getAttribute('content')) ?? (el.tagName === 'TIME' ? null : isoDate(squash(el.textContent)));
    if (d) return d;
  }
  return null;
}

/** Elements whose class or id says they hold the date ("post-date", "date-and-time", "byline"). */
const DATE_LABEL = /(?:^|[\s_-])(?:date|dateline|time|timestamp|published|pubdate|posted|byline|meta)(?:$|[\s_-])/i;

/**
 * "6/13/2018", "13.06.2018": a date in figures, as every date it can be (one, or two when day and
 * month could change places). Which order a page uses is not known, so an ambiguous one is only
 * used to settle a declared date (see `localDate`).
 */
export function numericDateReadings(text: string): string[] {
  const m = /(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.])/.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return [];
  const year = m[3];
  const iso = (month: number, day: number) =>
    month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return [...new Set([iso(a, b), iso(b, a)].flatMap((d) => d ?? []))];
}

/** Most characters of an unlabelled line by the headline read for a date ("On 6/13/2018 by @ann"). */
const SHORT_HEADER_LINE = 80;

/**
 * Dates the page shows by its headline, each as the dates it can be, in reading order: in
 * date-labelled elements, then in short lines of the headline's own header (which many pages leave
 * unlabelled).
 */
function shownDatesOf(document: Document): string[][] {
  const out: string[][] = [];
  for (const { text, title } of headerLines(document)) {
    const d = parseDate(text) ?? isoDate(title);
    const readings = d ? [d] : numericDateReadings(text);
    if (readings.length > 0) out.push(readings);
  }
  return out;
}

/**
 * The texts by the headline that may hold its date and byline, in reading order: date-labelled
 * elements, then short lines of the headline's own header (which many pages leave unlabelled).
 */
function headerLines(document: Document): { text: string; title: string | null }[] {
  const out: { text: string; title: string | null }[] = [];
  for (const el of fromHeadline(document, '[class], [id]')) {
    if (!DATE_LABEL.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) continue;
    const text = squash(el.textContent);
    if (text.length <= 120) out.push({ text, title: el.getAttribute('title') });
  }
  const h1 = document.querySelector('h1');
  // The headline's <header>, else the box around it when that holds no more than a standfirst, not the story.
  const parent = h1?.parentElement;
  const header = h1?.closest('header') ?? (parent && parent.querySelectorAll('p').length <= 1 ? parent : null);
  for (const el of header?.querySelectorAll('*') ?? []) {
    if (el.contains(h1 ?? null) || el.children.length > 0) continue;
    const text = squash(el.textContent);
    if (text.length <= SHORT_HEADER_LINE) out.push({ text, title: null });
  }
  return out;
}

/**
 * A byline the page shows by its headline and marks up nowhere: "On 6/13/2018 by @lazharichir",
 * "By Ann Lee | Feb. 11, 2025". Only a line that opens on "By" or also gives a date.
 */
function shownBylineOf(document: Document): string | null {
  for (const { text } of headerLines(document)) {
    const by = /(?:^|\s)by\s+(@[\w.]{2,40}|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})(?=$|[\s,|·•–—-])/iu.exec(text);
    if (!by?.[1]) continue;
    const dated = parseDate(text) !== null || numericDateReadings(text).length > 0;
    if (by.index === 0 || dated) return by[1];
  }
  return null;
}

/** "2018-06-12T23:00:00.000Z": a time given in UTC, whose day may not be the page's own. */
const UTC_TIME = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)$/i;

function dayAfter(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A date declared as a time in UTC is the day in London, not necessarily the page's: a story a
 * page shows as "6/13/2018" may declare "2018-06-12T23:00:00Z". When the page shows, by its
 * headline, the day before or after the UTC day, that is the story's date as its readers saw it.
 */
export function localDate(declared: string | null | undefined, shown: readonly (readonly string[])[]): string | null {
  const utcDay = declared && UTC_TIME.test(declared.trim()) ? isoDate(declared) : null;
  if (!utcDay) return null;
  const near = [dayAfter(utcDay, -1), dayAfter(utcDay, 1)];
  for (const readings of shown) {
    if (readings.includes(utcDay)) return utcDay;
    const other = readings.find((d) => near.includes(d));
    if (other) return other;
  }
  return null;
}

function markedAuthorOf(document: Document): string | null {
  for (const el of fromHeadline(document, '[itemprop="author"], a[rel="author"]')) {
    const named = el.querySelector('[itemprop="name"]');
    const text = squash(named?.getAttribute('content') ?? named?.textContent ?? el.getAttribute('content') ?? el.textContent);
    if (text && text.length <= 60) return text;
  }
  return null;
}

function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href.trim(), base) : new URL(href.trim());
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** Read what Readability does not: the canonical URL, `<time>` and visible dates, the raw `<title>`. Call before Readability runs. */
export function readPageFacts(document: Document): PageFacts {
  const ogUrl = absoluteUrl(metaContent(document, 'og:url'), null);
  const canonical = absoluteUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), ogUrl);
  const shown = shownDatesOf(document);
  return {
    pageTitle: squash(document.querySelector('title')?.textContent) || null,
    ogTitle: squash(metaContent(document, 'og:title', 'twitter:title')) || null,
    url: canonical ?? ogUrl,
    markedDate: markedDateOf(document),
    visibleDate: shown.find((readings) => readings.length === 1)?.[0] ?? null,
    shownDates: shown,
    section: metaContent(document, 'article:section'),
    declaredAuthor:
      ['author', 'article:author', 'parsely-author', 'dc.creator', 'DC.creator']
        .map((name) => metaContent(document, name))
        .find((a) => a !== null && !/^https?:\/\//i.test(a)) ?? null,
    markedAuthor: markedAuthorOf(document),
    shownByline: shownBylineOf(document),
    jsonLdAuthor: [...document.querySelectorAll('script[type="application/ld+json"]')].some((s) => /"author"\s*:/.test(s.textContent ?? '')),
    handles: [...document.querySelectorAll('meta[name="twitter:site"], meta[property="twitter:site"]')].flatMap((m) => m.getAttribute('content')?.trim() || []),
  };
}

const SEPARATOR = String.raw`\s+[|–—·•:-]+\s+|\s*[|–—·•]\s*`;

/** Letters and digits only, for comparing "HeraldSun" with "Herald Sun" and "Salon.com" with "salon". */
function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.(?:com|org|net|co\.uk|com\.au|co)$/, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** "thevergecom" and "theverge", "bbcnews" and "bbcnewsus": one contains the other, most of it. */
function nearlySame(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && short.length * 2 >= long.length && long.includes(short);
}

/**
 * Drop trailing "| Site", "- Author", "- Site" parts, repeatedly, when they name the site, the
 * author or the web address: "Storm hits coast | Coast News" → "Storm hits coast".
 */
export function trimTitle(title: string, names: readonly (string | null)[]): string {
  const keys = names.flatMap((n) => (n ? [key(n)] : [])).filter((k) => k.length > 1);
  let t = squash(title);
  for (;;) {
    const m = new RegExp(`(?:${SEPARATOR})([^|–—·•]+?)\\s*$`, 'u').exec(t);
    if (!m?.[1] || m.index === 0) return t;
    const tail = key(m[1]);
    if (!keys.some((k) => k === tail || nearlySame(k, tail))) return t;
    t = t.slice(0, m.index).trim();
  }
}

/** "<og:title> - Salon.com": what a page's `<title>` adds after the story's own title names the site. */
function siteFromTitle(pageTitle: string | null, storyTitle: string | null): string | null {
  if (!pageTitle || !storyTitle || pageTitle.length <= storyTitle.length) return null;
  if (key(pageTitle.slice(0, storyTitle.length)) !== key(storyTitle)) return null;
  const m = new RegExp(`^(?:${SEPARATOR})(.+)$`, 'u').exec(pageTitle.slice(storyTitle.length));
  const rest = squash(m?.[1]);
  return rest && rest.split(' ').length <= 5 ? rest : null;
}

/**
 * A page that declares no site name: its handle, when the handle spells the web address's own words
 * in capitals ("@YahooFinance" on finance.yahoo.com → "Yahoo Finance"). The handle covering most of
 * the address wins; a handle in one case ("@nytimes") tells no more than the address.
 */
export function siteFromHandles(handles: readonly string[], host: string | null): string | null {
  const labels = (host ?? '')
    .toLowerCase()
    .split('.')
    .slice(0, -1)
    .filter((l) => l.length > 2 && l !== 'www');
  let best: { name: string; covered: number } | null = null;
  for (const handle of handles) {
    const bare = handle.replace(/^@/, '');
    const words = bare.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}\p{Ll}+|\p{N}+/gu) ?? [];
    if (words.length < 2 || words.join('') !== bare) continue;
    const covered = labels.filter((l) => bare.toLowerCase().includes(l)).length;
    if (covered > 0 && (!best || covered > best.covered)) best = { name: words.join(' '), covered };
  }
  return best?.name ?? null;
}

/**
 * The story's metadata, from Readability's (JSON-LD, then meta tags) and the facts read before it
 * ran (canonical URL, `<time>`, visible date).
 */
export function readPageMeta(facts: PageFacts, readability: ReadabilityMeta | null): PageMeta {
  // Readability reads JSON-LD and most author tags, else takes the first byline it sees on the
  // page, which may be another story's in a side column: an author tag it skipped, then the author
  // marked up by the headline, come before that.
  const seen = facts.jsonLdAuthor ? readability?.byline : (facts.declaredAuthor ?? facts.markedAuthor ?? readability?.byline);
  const byline = cleanByline(seen || facts.markedAuthor || facts.shownByline);
  const url = facts.url;
  const declaredTitle = squash(readability?.title) || facts.ogTitle || facts.pageTitle;
  let source = squash(readability?.siteName) || siteFromTitle(facts.pageTitle, facts.ogTitle ?? declaredTitle) || null;
  if (source && /^https?:\/\//i.test(source)) source = hostOf(source);
  const names = [source, byline, hostOf(url), ...authorsOf(byline)];
  let title: string | null = declaredTitle ? trimTitle(declaredTitle, names) : null;
  // A page whose <title> is only the site's name: the story's own title is in og:title.
  if (title && source && key(title) === key(source)) title = facts.ogTitle && key(facts.ogTitle) !== key(source) ? trimTitle(facts.ogTitle, names) : null;
  source ??= siteFromHandles(facts.handles ?? [], hostOf(url)) ?? hostOf(url);
  return {
    title: title || null,
    source,
    date: localDate(readability?.publishedTime, facts.shownDates ?? []) ?? isoDate(readability?.publishedTime) ?? facts.markedDate ?? facts.visibleDate,
    url,
    byline,
    // "By Ann Lee, Coast News": the outlet is no author.
    authors: authorsOf(byline).filter((a) => !source || key(a) !== key(source)),
    section: facts.section,
  };
}
