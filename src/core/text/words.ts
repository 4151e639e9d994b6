/** Word tokens: runs of letters, marks and digits. Quote-mark, dash, whitespace and punctuation typography
 *  therefore never affects matching ("30 -day" and "30-day" are both `30 day`). */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

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

export function forEachWord(text: string, from: number, to: number, visit: (norm: string, start: number, end: number) => void): void {
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    visit(m[0].toLowerCase(), m.index, end);
  }
}
