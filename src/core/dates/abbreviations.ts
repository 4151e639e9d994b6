/** Abbreviations whose period does not end a sentence (case-sensitive): titles, months, initialisms. */
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sen', 'Rep', 'Gov', 'Gen', 'Lt', 'Col', 'Capt', 'Sgt', 'Rev', 'St', 'Mt', 'Ft', 'vs',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'U.S', 'U.K', 'U.N', 'E.U',
]);

/** A-Z, a-z or a period. */
function isAbbreviationChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

/**
 * Whether the period at `dot` ends an abbreviation (or a single initial, "John F. Kennedy"): the word before it is
 * read back at most 5 characters, so the split stays linear.
 */
export function abbreviationBefore(text: string, dot: number, floor: number): boolean {
  let s = dot;
  while (s > floor && dot - s < 5 && isAbbreviationChar(text.charCodeAt(s - 1))) s--;
  if (s === dot || (s > floor && /[\p{L}\p{N}]/u.test(text[s - 1]))) return false;
  if (dot - s === 1) return text.charCodeAt(s) >= 65 && text.charCodeAt(s) <= 90;
  return ABBREVIATIONS.has(text.slice(s, dot));
}
