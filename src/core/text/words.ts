/**
 * Word tokens: runs of letters, marks and digits (`[\p{L}\p{M}\p{N}]+`). Quote-mark, dash, whitespace and
 * punctuation typography therefore never affects matching ("30 -day" and "30-day" are both `30 day`), nor do the
 * Unicode forms of a word:
 * - an invisible character inside a word (soft hyphen, zero-width space, joiner or non-joiner, word joiner, BOM)
 *   belongs to the word and is left out of its normal form ("clo\u00ADsed" is `closed`);
 * - the normal form is NFKC and lower case: composed and decomposed accents, ligatures and full-width letters
 *   give the same word;
 * - an ideograph or kana (Chinese, Japanese) or a letter of a script written without spaces (Thai, Lao, Khmer,
 *   Myanmar) is a word of its own, with the marks that follow it: those texts have no spaces to split on.
 * A token's offsets are those of the original text; only its `norm` is normalised.
 */
export interface WordToken {
  /** Normal form of the word (see `normalizeWord`). */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

export function tokenize(text: string, from = 0, to = text.length): WordToken[] {
  const out: WordToken[] = [];
  forEachWord(text, from, to, (norm, start, end) => out.push({ norm, start, end }));
  return out;
}

/** Calls `visit` with each word of `text[from..to)`, normalised (a word running past `to` ends the walk). */
export function forEachWord(text: string, from: number, to: number, visit: (norm: string, start: number, end: number) => void): void {
  for (let start = nextWordStart(text, from, to); start < to; start = nextWordStart(text, start, to)) {
    const end = wordEnd(text, start);
    if (end > to) return;
    visit(normalizeWord(text.slice(start, end)), start, end);
    start = end;
  }
}

/** Invisible characters that may stand inside a word; none is a word character. */
export const IGNORABLE = /[\u00AD\u034F\u200B-\u200D\u2060\uFEFF]/g;

/** The form under which words are compared: lower case, NFKC, without invisible characters. */
export function normalizeWord(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) >= 128) return raw.replace(IGNORABLE, '').normalize('NFKC').toLowerCase();
  }
  return raw.toLowerCase();
}

/** The first word character at or after `i` (or `to`). */
export function nextWordStart(text: string, i: number, to: number): number {
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (ASCII_WORD[c] !== 0) return i;
      i++;
    } else {
      const k = classAt(text, i, c);
      if (k === WORD || k === MARK || k === STANDALONE) return i;
      i += isPair(text, i, c) ? 2 : 1;
    }
  }
  return to;
}

/** The end of the word that starts at `i`. */
export function wordEnd(text: string, start: number): number {
  // Most words are ASCII letters and digits to their end.
  const len = text.length;
  let i = start;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) break;
    if (ASCII_WORD[c] === 0) return i;
  }
  if (i === len) return i;
  const c = text.charCodeAt(i);
  if (i === start && classAt(text, i, c) === STANDALONE) return marksEnd(text, i + (isPair(text, i, c) ? 2 : 1));
  return continueWord(text, i);
}

/**
 * The end of a word (not a standalone character) read up to `i`: on through letters, marks and digits, and through
 * invisible characters followed by one of them.
 */
export function continueWord(text: string, i: number): number {
  const len = text.length;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (ASCII_WORD[c] === 0) break;
      i++;
      continue;
    }
    const k = classAt(text, i, c);
    if (continuesWord(k)) {
      i += isPair(text, i, c) ? 2 : 1;
      continue;
    }
    if (k !== IGNORABLE_CHAR) break;
    let j = i + 1;
    while (j < len && text.charCodeAt(j) >= 128 && classAt(text, j, text.charCodeAt(j)) === IGNORABLE_CHAR) j++;
    if (j === len) break;
    const d = text.charCodeAt(j);
    if (d < 128 ? ASCII_WORD[d] === 0 : !continuesWord(classAt(text, j, d))) break;
    i = j;
  }
  return i;
}

/** Whether the character at `i` is a word by itself (an ideograph, kana, Thai letter…). */
export function standsAlone(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 128 && i < text.length && classAt(text, i, c) === STANDALONE;
}

/** The end of the marks that follow a standalone character. */
function marksEnd(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 128 || classAt(text, i, c) !== MARK) break;
    i += isPair(text, i, c) ? 2 : 1;
  }
  return i;
}

/** For each ASCII code: its lower-case form when it is a word character (letter or digit), else 0. */
export const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = c;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = c + 32;

/** Character classes of non-ASCII characters. */
const WORD = 1;
const OTHER = 2;
const IGNORABLE_CHAR = 3;
/** An ideograph, kana or letter of a script without spaces: a word by itself. */
const STANDALONE = 4;
/** A combining mark (a word character that also extends a standalone one). */
const MARK = 5;

const continuesWord = (k: number): boolean => k === WORD || k === MARK;

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const MARK_CHAR = /^[\p{M}\uFF9E\uFF9F]$/u;
const STANDALONE_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30FC\uFF70]$/u;
const IGNORABLE_ONE = /^[\u00AD\u200B-\u200D\u2060\uFEFF]$/;

/** Per BMP code unit: its class, 0 until first asked. */
const bmpClass = new Uint8Array(0x10000);

function classOf(ch: string): number {
  if (IGNORABLE_ONE.test(ch)) return IGNORABLE_CHAR;
  if (!WORD_CHAR.test(ch)) return OTHER;
  if (MARK_CHAR.test(ch)) return MARK;
  return STANDALONE_CHAR.test(ch) ? STANDALONE : WORD;
}

/** Class of the non-ASCII character at `i` (code unit `c`), a surrogate pair read whole. */
function classAt(text: string, i: number, c: number): number {
  if (isPair(text, i, c)) return classOf(text.slice(i, i + 2));
  let k = bmpClass[c];
  if (k === 0) bmpClass[c] = k = classOf(String.fromCharCode(c));
  return k;
}

export function isPair(text: string, i: number, c: number): boolean {
  if (c < 0xd800 || c >= 0xdc00 || i + 1 >= text.length) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d < 0xe000;
}

