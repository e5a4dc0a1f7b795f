/**
 * Given names the tagger's lexicon lacks ("Priya", "Kwame", "Navdeep", "Ginette"): the gender a
 * first name usually carries, from gender-detection-from-name's lists (about 70,000 names from
 * English, French, Italian, Spanish, German and Turkish sources). The only module that imports it.
 */
import { getGender } from 'gender-detection-from-name';

/** The gender a given name usually carries, or null when no list holds it. */
export function genderOfGivenName(word: string): 'm' | 'f' | null {
  // "François-Philippe", "Jean-Yves": a double name carries the gender of its first part.
  const first = /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(word) ? (word.split('-')[0] ?? '') : word;
  if (!/^\p{Lu}[\p{Ll}'’]+$/u.test(first) || first.length < 3) return null;
  const g = getGender(first);
  return g === 'male' ? 'm' : g === 'female' ? 'f' : null;
}
