/**
 * One person's name spelt two ways: with and without accents ("Sánchez", "Sanchez"; "Müller", "Mueller"; "Wałęsa",
 * "Walesa"), or transliterated ("Zelensky", "Zelenskiy"). Two names so alike are never taken for two people; two
 * people whose names differ in a last letter ("Zelenska", "Zelensky"; "Kaczyńska", "Kaczyński") or in their first
 * names ("Diana Johnson", "Gareth Johnston") stay two.
 */

/** Letters that no accent mark makes: written otherwise in plain Latin letters. */
const PLAIN: Record<string, string> = {
  ø: 'o', ł: 'l', ı: 'i', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', Ø: 'O', Ł: 'L', Đ: 'D', Ð: 'D', Þ: 'Th', Æ: 'Ae', Œ: 'Oe',
};
/** The German and Scandinavian ways of writing these letters without marks ("Mueller", "Stoere", "Aasen"). */
const SPELT_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ø: 'oe', å: 'aa' };

/** A word without its accents ("sánchez" → "sanchez", "støre" → "store"); unchanged when all ASCII. */
export function withoutAccents(word: string): string {
  if (!/[^\u0000-\u007f]/.test(word)) return word;
  return word.replace(/[øłıđðþßæœØŁĐÐÞÆŒ]/gu, c => PLAIN[c]).normalize('NFD').replace(/\p{M}+/gu, '');
}

/** The forms a name word may be written in without its accents: plain, and with umlauts and "ø", "å" spelt out. */
function plainForms(word: string): string[] {
  const plain = withoutAccents(word);
  const composed = word.normalize('NFC');
  if (!/[äöüøå]/.test(composed)) return [plain];
  return [plain, withoutAccents(composed.replace(/[äöüøå]/g, c => SPELT_OUT[c]))];
}

/** Names of fewer letters are told apart by one letter ("Lee", "Lea"; "Baker", "Barker"). */
const LONG_NAME = 7;

/** Whether two lower-cased name words are one name written with or without its accents. */
export function sameWrittenName(a: string, b: string): boolean {
  if (a === b) return true;
  const x = plainForms(a);
  const y = plainForms(b);
  return x.some(f => y.includes(f));
}

/**
 * Whether two lower-cased surnames may be one transliterated two ways: long, and one letter inserted, dropped or
 * changed, never the last letter (a name's ending may tell a wife from her husband: "Zelenska", "Zelensky").
 */
export function transliterated(a: string, b: string): boolean {
  const x = withoutAccents(a);
  const y = withoutAccents(b);
  return Math.min(x.length, y.length) >= LONG_NAME && x[x.length - 1] === y[y.length - 1] && oneEditApart(x, y);
}

/** Whether one letter inserted, dropped or changed makes `a` into `b`. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.length === l.length ? s.slice(i + 1) === l.slice(i + 1) : s.slice(i) === l.slice(i + 1);
}

/** `text` without accents, kept for the last text read (a paragraph or a source read for several names). */
let lastText = '';
let lastPlain = '';

export function textWithoutAccents(text: string): string {
  if (text !== lastText) { lastText = text; lastPlain = withoutAccents(text); }
  return lastPlain;
}
