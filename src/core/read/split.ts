/**
 * Splitting: paragraphs into sentence units, and units into quoted spans.
 * The splitter is quote-aware: a sentence never ends inside an open quotation, so a multi-sentence
 * quote and its attribution ("A. B," she said.) stay one unit.
 */

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** A quoted span: `start`/`end` include the quotation marks; `closed` is false when it runs off the paragraph. */
export interface QuoteSpan extends Range {
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly closed: boolean;
}

const OPENERS = new Set(['“', '"', '«', '„']);
const CLOSERS = new Set(['”', '"', '»', '“']);

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st jr sr gen gov sen rep lt col sgt capt cmdr adm maj cpl pte const det insp supt ' +
    'hon rev fr sr inc ltd co corp bros vs etc no nos approx dept est fig jan feb mar apr jun jul aug ' +
    'sep sept oct nov dec mon tue tues wed thu thurs fri sat sun u.s u.k u.n e.u a.m p.m i.e e.g ph.d ' +
    'mt ft ave blvd rd hwy sask alta ont que man nfld calif fla ill mass mich minn penn tenn tex wash wis lbs lb oz pts vol pp'
  ).split(' '),
);

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}|\p{N}/u.test(ch);
}

/**
 * Find quoted spans in a paragraph. Straight quotes pair in order; curly quotes use their direction.
 * A quote left open at the end of the paragraph is returned with `closed: false` (it continues in
 * the next paragraph, which news style opens with a fresh quotation mark).
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (open < 0) {
      const prev = text[i - 1];
      const next = text[i + 1];
      // A closing mark with nothing open ("…with the veterans," said Nicholson): the paragraph
      // continues a quotation opened in an earlier one, so the quote runs from its start.
      if (
        (ch === '"' || ch === '”') &&
        i > 0 &&
        /[.,!?…]/.test(prev ?? '') &&
        (next === undefined || /\s/.test(next) || (/[.,;]/.test(next) && /^.?\s*$/.test(text.slice(i + 1))))
      ) {
        if (spans.length === 0 && !/["“”]/.test(text.slice(0, i))) spans.push({ start: 0, end: i + 1, innerStart: 0, innerEnd: i, closed: true });
        else if (spans.length > 0 && /^[.,;]?\s*$/.test(text.slice(i + 1))) {
          // '"It was always about the title," Jones said. It was never about the opponent. I'm just
          // happy with my belt."': the opening mark is missing; the words run from the sentence after
          // a short attribution to the mark that ends the paragraph, when they speak in the first person.
          const last = spans[spans.length - 1]!;
          const next = /[.!?]["”’]?\s+(?=\p{Lu})/u.exec(text.slice(last.end, i));
          const from = next ? last.end + next.index + next[0].length : -1;
          if (
            from > 0 &&
            from - last.end <= 40 &&
            !/["“”]/.test(text.slice(last.end, i)) &&
            /\b(?:I|I['’]m|I['’]ve|we|my|our|me|us)\b/.test(text.slice(from, i))
          )
            spans.push({ start: from, end: i + 1, innerStart: from, innerEnd: i, closed: true });
        }
        continue;
      }
      const opensHere = ch === '“' || ch === '«' || ch === '„' || (ch === '"' && !isLetter(prev)) || (ch === '”' && !isLetter(prev) && isLetter(next));
      if (opensHere && next !== undefined && !/\s/.test(next)) open = i;
      else if (ch === '"' && opensHere && next !== undefined) open = i;
    } else if (CLOSERS.has(ch) && i > open + 1) {
      // A curly opening mark inside a quote is a typo for a close only when a non-letter follows.
      if (ch === '“' && isLetter(text[i + 1])) continue;
      spans.push({ start: open, end: i + 1, innerStart: open + 1, innerEnd: i, closed: true });
      open = -1;
    }
  }
  if (open >= 0 && text.length - open > 2) {
    spans.push({ start: open, end: text.length, innerStart: open + 1, innerEnd: text.length, closed: false });
  }
  return spans;
}

function insideAny(pos: number, spans: readonly QuoteSpan[]): boolean {
  return spans.some((s) => pos > s.start && pos < s.end);
}

/** The word a dot ends ("U.S", "Gov", "J"), as written, or undefined. */
function wordBeforeDot(text: string, dotIndex: number): string | undefined {
  return /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex))?.[1];
}

function endsWithAbbreviation(word: string | undefined): boolean {
  if (!word) return false;
  const w = word.toLowerCase();
  if (ABBREVIATIONS.has(w)) return true;
  // Initials: "J. K. Rowling", "U.S."
  if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  return false;
}

/** "… at -35 C. Will Young said …", "… 100 F. The": a unit letter after a number is no initial. */
function unitAfterNumber(text: string, dotIndex: number): boolean {
  return /\d\s?°?\s?\p{Lu}$/u.test(text.slice(Math.max(0, dotIndex - 6), dotIndex));
}

/** Abbreviations of a title, always followed by a name ("Gov. Brown"), never by a new sentence. */
const TITLE_ABBREVIATIONS = new Set('mr mrs ms dr prof gen gov sen rep lt col sgt capt cmdr adm maj cpl pte det insp supt hon rev fr'.split(' '));

/** A capitalised pronoun or article: what opens a sentence, never what follows "U.S." inside one. */
const SENTENCE_OPENER = /^\s+["“‘(]?(?:He|She|They|It|We|I|The|This|That|These|Those|But|His|Her|Their|Its|There)\b/u;

/**
 * "… attacks in the U.S. He says …", "… at 7 p.m. The council …": after an abbreviation that is
 * no title, a pronoun or article opens the next sentence.
 */
function opensAfterAbbreviation(word: string, text: string, end: number): boolean {
  return !TITLE_ABBREVIATIONS.has(word.toLowerCase()) && word.length > 1 && SENTENCE_OPENER.test(text.slice(end, end + 12));
}

/**
 * Split a paragraph into sentence units. Boundaries are sentence-final punctuation (plus closing
 * quotes or brackets), whitespace, then a capital, digit or opening quote; never inside a quotation.
 */
export function splitSentences(text: string, spans: readonly QuoteSpan[] = findQuoteSpans(text)): Range[] {
  const out: Range[] = [];
  let start = 0;
  const re = /[.!?…]+["'”’)\]]*(?=\s+["“‘(]?[\p{Lu}\p{N}"“])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    const word = m[0] === '.' ? wordBeforeDot(text, m.index) : undefined;
    if (word && endsWithAbbreviation(word) && !opensAfterAbbreviation(word, text, end) && !unitAfterNumber(text, m.index)) continue;
    if (insideAny(end, spans)) continue;
    out.push({ start, end });
    start = end;
    while (start < text.length && /\s/.test(text.charAt(start))) start++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** Count words in a piece of text. */
export function wordCount(text: string): number {
  return (text.match(/\p{N}{1,3}(?:,\p{N}{3})+|[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
}

export { OPENERS };

/**
 * Double marks inside words that are about to sit inside “…” become single ones.
 *
 * @example
 * nestedMarks('call it “the big fix”'); // 'call it ‘the big fix’'
 */
export function nestedMarks(words: string): string {
  return words
    .replace(/"([^"]*)"/g, '‘$1’')
    .replace(/“/g, '‘')
    .replace(/”/g, '’');
}
