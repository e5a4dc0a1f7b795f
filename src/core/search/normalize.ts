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
  // Most text is ASCII with curly quotes and dashes, which NFKD leaves as they are: skipping
  // normalize() there halves the cost of tokenising the candidates of every question.
  return (PLAIN.test(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .replace(/(\d)[,.\u202f\u00a0 ](?=\d{3}\b)/g, '$1')
    .replace(/['’‘`]/g, '');
}

/** Light English stemmer: enough to make "negotiations" meet "negotiation" and "talks" meet "talk". */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/** Tokens of a text: folded words and numbers, in order. */
export function tokensOf(text: string): string[] {
  const folded = foldText(text);
  // In plain text the letters and digits are ASCII: a plain class is several times faster than \p{…}.
  return (PLAIN.test(folded) ? folded.match(/[a-z0-9]+/g) : folded.match(/[\p{L}\p{N}]+/gu)) ?? [];
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
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(n + 1).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** How many typos a word of this length may carry and still match. Numbers must match exactly. */
export function typoBudget(word: string): number {
  if (/\d/.test(word)) return 0;
  if (word.length <= 3) return 0;
  if (word.length <= 7) return 1;
  return 2;
}
