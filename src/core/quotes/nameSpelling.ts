/**
 * One person's name spelt two ways: with and without accents ("Sánchez", "Sanchez"), or transliterated ("Zelensky",
 * "Zelenskiy"; "Gaddafi", "Qaddafi"). Two names so alike are never taken for two people.
 */

/** A word without its accents ("sánchez" → "sanchez"); the same length for letters written precomposed. */
export function withoutAccents(word: string): string {
  return /[^\u0000-\u007f]/.test(word) ? word.normalize('NFD').replace(/\p{M}+/gu, '') : word;
}

/** Names of fewer letters are told apart by one letter ("Lee", "Lea"; "Baker", "Barker"). */
const LONG_NAME = 7;

/** Whether two lower-cased name words may be one name: the same without accents, or long and one letter apart. */
export function sameNameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const x = withoutAccents(a);
  const y = withoutAccents(b);
  return x === y || (Math.min(x.length, y.length) >= LONG_NAME && oneEditApart(x, y));
}

/** Whether one letter inserted, dropped or changed makes `a` into `b`. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  // Changed (same length) or inserted (one longer): the rest must then agree.
  return s.length === l.length ? s.slice(i + 1) === l.slice(i + 1) : s.slice(i) === l.slice(i + 1);
}
