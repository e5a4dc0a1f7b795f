/** Text normalisation shared by indexing and questions: case, accents, punctuation, numbers, stems. */

/** Words too common to find anything by themselves. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she they we i you his her their our my your him them us me there here what which who whom whose when where why how ' +
    'do does did done not no so than then too very can could would should will shall may might must have has had about into ' +
    'over under again further once all any both each few more most other some such only own same just also up down out off ' +
    'said say says saying told tell talked talk spoke speak mentioned mention anyone someone somebody anybody quote quoted'
  ).split(' '),
);

/** Characters that NFKD leaves unchanged and that carry no accent: printable ASCII, tab and line breaks, curly quotes, en and em dashes. */
const PLAIN = /^[ -~\t\n\r\u2013\u2014\u2018\u2019\u201c\u201d]*$/;

/** Lower case, accents folded, digits grouped ("1,200" → "1200"), apostrophes dropped. */
export function foldText(text: string): string {
  return foldAs(text, PLAIN.test(text));
}

/** `foldText` of a text already known to be plain (or not). */
function foldAs(text: string, plain: boolean): string {
  // Most text is ASCII with curly quotes and dashes, which NFKD leaves as they are: skipping
  // normalize() there halves the cost of tokenising the candidates of every question.
  return (plain ? text : text.normalize('NFKD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .replace(/(\d)[,.\u202f\u00a0 ](?=\d{3}\b)/g, '$1')
    .replace(/['’‘`]/g, '');
}

/**
 * Light English stemmer: enough to make "negotiations" meet "negotiation" and "talks" meet "talk".
 * Character tests, not regular expressions: it runs on every token of every candidate of a question.
 */
export function stem(word: string): string {
  const n = word.length;
  const first = word.charCodeAt(0);
  // Every rule below takes off a final "s".
  if (n <= 3 || (first >= CHAR_0 && first <= CHAR_9) || word.charCodeAt(n - 1) !== CHAR_S) return word;
  if (word.endsWith('ies') && n > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.charCodeAt(n - 2) === CHAR_E) {
    // "-xes", "-zes", "-ches", "-shes"
    const c = word.charCodeAt(n - 3);
    const h = c === CHAR_H && (word.charCodeAt(n - 4) === CHAR_C || word.charCodeAt(n - 4) === CHAR_S);
    if (c === CHAR_X || c === CHAR_Z || h) return word.slice(0, -2);
  }
  // Not "-ss", "-us", "-is".
  const before = word.charCodeAt(n - 2);
  return before === CHAR_S || before === CHAR_U || before === CHAR_I ? word : word.slice(0, -1);
}

const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_C = 99;
const CHAR_E = 101;
const CHAR_H = 104;
const CHAR_I = 105;
const CHAR_S = 115;
const CHAR_U = 117;
const CHAR_X = 120;
const CHAR_Z = 122;

/** Tokens of a text: folded words and numbers, in order. */
export function tokensOf(text: string): string[] {
  // Plain text folds to plain text (lower case, some characters out): no need to test it twice.
  const plain = PLAIN.test(text);
  const folded = foldAs(text, plain);
  // In plain text the letters and digits are ASCII: a plain class is several times faster than \p{…}.
  return (plain || PLAIN.test(folded) ? folded.match(/[a-z0-9]+/g) : folded.match(/[\p{L}\p{N}]+/gu)) ?? [];
}

/** Index terms: stems of tokens that are not stopwords. */
export function termsOf(text: string): string[] {
  return tokensOf(text)
    .filter((t) => !STOPWORDS.has(t))
    .map(stem);
}

/** Damerau-Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  // Three reused rows (every cell is written before it is read): a question's typo expansion
  // computes hundreds of distances, and fresh arrays per row were a third of its time.
  if (rows[0].length < n + 1) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prevPrev, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prevPrev[j - 2] ?? 0) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[n] ?? 0;
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** How many typos a word of this length may carry and still match. Numbers must match exactly. */
export function typoBudget(word: string): number {
  if (hasDigit(word)) return 0;
  if (word.length <= 3) return 0;
  if (word.length <= 7) return 1;
  return 2;
}

/** Whether a word holds an ASCII digit (`/\d/`), by a loop: it runs for every typo candidate of a question word. */
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= CHAR_0 && c <= CHAR_9) return true;
  }
  return false;
}
