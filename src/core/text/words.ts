/** Word tokens: runs of letters, marks and digits (`[\p{L}\p{M}\p{N}]+`). Quote-mark, dash, whitespace and
 *  punctuation typography therefore never affects matching ("30 -day" and "30-day" are both `30 day`). */
export interface WordToken {
  /** Lower-cased word. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

export function tokenize(text: string, from = 0, to = text.length): WordToken[] {
  const out: WordToken[] = [];
  forEachWord(text, from, to, (norm, start, end) => out.push({ norm, start, end }));
  return out;
}

/** Calls `visit` with each word of `text[from..to)`, lower-cased (a word running past `to` ends the walk). */
export function forEachWord(text: string, from: number, to: number, visit: (norm: string, start: number, end: number) => void): void {
  for (let start = nextWordStart(text, from, to); start < to; start = nextWordStart(text, start, to)) {
    const end = wordEnd(text, start);
    if (end > to) return;
    visit(text.slice(start, end).toLowerCase(), start, end);
    start = end;
  }
}

/** The first word character at or after `i` (or `to`). */
export function nextWordStart(text: string, i: number, to: number): number {
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 128 ? ASCII_WORD[c] !== 0 : wordCharWidth(text, i, c) !== 0) return i;
    i += isPair(text, i, c) ? 2 : 1;
  }
  return to;
}

/** The end of the word that starts at `i`. */
export function wordEnd(text: string, i: number): number {
  const len = text.length;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (ASCII_WORD[c] === 0) break;
      i++;
    } else {
      const w = wordCharWidth(text, i, c);
      if (w === 0) break;
      i += w;
    }
  }
  return i;
}

/** For each ASCII code: its lower-case form when it is a word character (letter or digit), else 0. */
export const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = c;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = c + 32;

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** Per BMP code unit: 0 not yet known, 1 a word character, 2 not one. */
const bmpClass = new Uint8Array(0x10000);

export function isPair(text: string, i: number, c: number): boolean {
  if (c < 0xd800 || c >= 0xdc00 || i + 1 >= text.length) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d < 0xe000;
}

/** Width in code units (1 or 2) of the non-ASCII word character at `i`, or 0 when it is not a word character. */
export function wordCharWidth(text: string, i: number, c: number): number {
  if (isPair(text, i, c)) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  let k = bmpClass[c];
  if (k === 0) bmpClass[c] = k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}


