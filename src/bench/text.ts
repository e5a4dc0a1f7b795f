/**
 * Realistic benchmark text: a word-level Markov chain (order 2) trained on real news sentences,
 * so generated quotations read like news and rarely repeat, with names and numbers varied.
 * The source articles are read at run time and never copied into the repository.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WhosaidError } from '../core/errors.ts';
import { createRandom } from '../core/answer/random.ts';

export { createRandom };

/** A random element of a non-empty list. */
export function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new WhosaidError('pick() needs a non-empty list');
  return item;
}

/** Sentences of the source articles: front matter, headings and quote marks dropped. */
export async function readSourceSentences(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.(?:md|txt)$/.test(n)).sort();
  } catch (err) {
    throw new WhosaidError(`Cannot read benchmark source articles in ${dir}; pass --source DIR`, { cause: err });
  }
  const out: string[] = [];
  for (const name of names) {
    const text = (await readFile(join(dir, name), 'utf8')).replace(/^---[\s\S]*?\n---\n/, '');
    for (const para of text.split(/\n\s*\n/)) {
      if (para.startsWith('#')) continue;
      const flat = para
        .replace(/["“”‘’]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      for (const s of flat.split(/(?<=[.!?])\s+(?=[A-Z])/)) if (s.length >= 30 && s.length <= 400) out.push(s);
    }
  }
  if (out.length < 50) throw new WhosaidError(`Too few sentences in ${dir} to build benchmark text (${out.length})`);
  return out;
}

const START = '\u0002';

/** An order-2 word Markov chain: "w1 w2" → next words, as seen in the source. */
export interface TextModel {
  readonly next: ReadonlyMap<string, readonly string[]>;
  readonly starts: readonly string[];
}

/** Train the chain on sentences. */
export function trainModel(sentences: readonly string[]): TextModel {
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (const s of sentences) {
    const words = s.split(' ').filter(Boolean);
    if (words.length < 4) continue;
    starts.push(`${words[0]} ${words[1]}`);
    const all = [START, ...words, ''];
    for (let i = 1; i + 2 < all.length; i++) {
      const key = `${all[i]} ${all[i + 1]}`;
      const list = next.get(key);
      if (list) list.push(all[i + 2]!);
      else next.set(key, [all[i + 2]!]);
    }
  }
  return { next, starts };
}

/** A new sentence of about `min`..`max` words from the chain. */
export function generateSentence(model: TextModel, random: () => number, min = 12, max = 36): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const words = pick(random, model.starts).split(' ');
    while (words.length < max) {
      const options = model.next.get(`${words[words.length - 2]} ${words[words.length - 1]}`);
      const word = options ? pick(random, options) : '';
      if (word === '') break;
      words.push(word);
    }
    if (words.length >= min) return words.join(' ').replace(/[,;:]$/, '');
  }
  return pick(random, model.starts);
}

const SYLLABLES = 'ka lo ren mar vel dor si tan bri gol ne pa ru shen ov ich ski ber lan mo ta vic har den wel lis ko zan fer mi'.split(' ');
const FIRST_NAMES = (
  'Anna Maria Olena Sarah Fatima Aisha Emma Julia Elena Sofia Grace Chen Mei Priya Amara Ingrid Leila Nadia Rosa Yuki ' +
  'John David Michael Ahmed Omar Ivan Pavel Luis Carlos Pierre Hans Kenji Raj Samuel Tomas Kwame Diego Viktor Marco Ali'
).split(' ');
const ROLES = [
  'minister',
  'spokesperson',
  'mayor',
  'chief executive',
  'senator',
  'analyst',
  'professor',
  'police chief',
  'governor',
  'economist',
  'union leader',
  'ambassador',
];

/** A person: first name from a list, surname built from syllables (tens of thousands of surnames). */
export function generatePerson(random: () => number): { name: string; role: string } {
  const parts = 2 + Math.floor(random() * 2);
  let surname = '';
  for (let i = 0; i < parts; i++) surname += pick(random, SYLLABLES);
  return { name: `${pick(random, FIRST_NAMES)} ${surname.charAt(0).toUpperCase()}${surname.slice(1)}`, role: pick(random, ROLES) };
}

/** Write a whole number with thousands commas ("12,345") or without ("12345"). */
export function writeNumber(n: number, commas: boolean): string {
  return commas ? n.toLocaleString('en-US') : String(n);
}

/** Replace the numbers of a sentence with fresh ones of similar size, so quotes stay distinct. */
export function varyNumbers(sentence: string, random: () => number): string {
  return sentence.replace(/\d[\d,.]*\d|\d/g, (m) => {
    const digits = m.replace(/\D/g, '').length;
    const size = Math.max(1, Math.min(6, digits));
    const n = Math.floor(10 ** (size - 1) + random() * 9 * 10 ** (size - 1));
    return writeNumber(n, n >= 1000 && random() < 0.7);
  });
}
