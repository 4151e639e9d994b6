import { contentWords } from './contentWords';
import { MIN_SHARED_WORDS } from './pairing';
import type { DateMention } from './mentions';

/**
 * The clause of a draft sentence that holds a date, for a long sentence that pairs with no source sentence as a whole:
 * a paraphrase joins statements ("Nazer rejected any suggestion that the kingdom had gone back to being OPEC's swing
 * producer, as when its output fell as low as two mln bpd in August 1986"), and the date's own clause may say what one
 * source sentence says. Clauses end at ", ", "; ", ": " and spaced dashes; a clause with fewer content words than
 * pairing needs takes in the one before it (its subject, often). Undefined when the clause is the whole sentence.
 */
export function clauseAround(text: string, start: number, end: number, m: DateMention): [number, number] | undefined {
  let from = breakBefore(text, start, m.start);
  const to = breakAfter(text, m.end, end);
  if (from > start && contentWords(text, from, to, [m]).size < MIN_SHARED_WORDS) from = breakBefore(text, start, Math.max(start, from - 2));
  return from === start && to === end ? undefined : [from, to];
}

const BREAK = /^(?:[,;:]\s|\s[-–—]\s|[–—])/;

/** Where the clause holding `at` starts: after the last break between `start` and `at`, else `start`. */
function breakBefore(text: string, start: number, at: number): number {
  for (let i = at - 1; i > start; i--) {
    const hit = BREAK.exec(text.slice(i, i + 3));
    if (hit) return i + hit[0].length;
  }
  return start;
}

/** Where the clause holding `at` ends: at the first break between `at` and `end`, else `end`. */
function breakAfter(text: string, at: number, end: number): number {
  for (let i = at; i < end; i++) if (BREAK.test(text.slice(i, i + 3))) return i;
  return end;
}
