import { abbreviationBefore } from './abbreviations';

/**
 * [start, end) of the sentences of `text[from..to)`: split after . ! ? before a capital, and at line breaks, but not
 * after an abbreviation that news writes before a name or a day ("Dr. Jhung", "Feb. 28", "U.S. officials").
 */
export function sentences(text: string, from = 0, to = text.length): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const boundary = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])|\n\s*/g;
  boundary.lastIndex = from;
  let start = from;
  for (let m = boundary.exec(text); m && m.index < to; m = boundary.exec(text)) {
    if (m[0].length > 1 && m[0][0] === '.' && !m[0].includes('\n') && abbreviationBefore(text, m.index, start)) continue;
    const end = m.index + (m[0].startsWith('\n') ? 0 : m[0].trimEnd().length);
    if (end > start) out.push([start, end]);
    start = m.index + m[0].length;
  }
  if (to > start) out.push([start, to]);
  return out;
}

/**
 * Each match of a global `pattern` in the given sentences of `text` (in order), with its sentence: one scan of the
 * text, a match carried over to the sentence it falls in (a scan per sentence would read on to the next match each
 * time).
 */
export function forEachMatchWithin(pattern: RegExp, text: string, within: ReadonlyArray<readonly [number, number]>,
  visit: (match: RegExpExecArray, start: number, end: number) => void): void {
  let m: RegExpExecArray | null = null;
  for (const [s, e] of within) {
    if (!m || m.index < s) {
      pattern.lastIndex = s;
      m = pattern.exec(text);
      if (!m) return;
    }
    for (; m && m.index < e; m = pattern.exec(text)) visit(m, s, e);
    if (!m) return;
  }
}
