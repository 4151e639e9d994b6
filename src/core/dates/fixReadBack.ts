/**
 * A date fix is a date only as the draft's sentence reads it ("Thursday" from a source dated a week before the draft is
 * another Thursday in the draft): a suggestion is offered only if, written over the draft's date, it reads back as the
 * source's date.
 */
import { keyAt, weekdayOf, type CalendarDate } from './calendar';
import { extractDatesIn, type DateMention } from './mentions';

/** The date read at `start` of a sentence with `text` written over `[start, end)`. */
export type ReadBack = (start: number, end: number, text: string) => DateMention | undefined;

/** The read-back of the sentence `masked[from..to)`, read as the draft was (its reference date and `dayFirst`). */
export function readBackIn(masked: string, from: number, to: number, reference: Date, dayFirst: boolean): ReadBack {
  return (start, end, text) => {
    const patched = masked.slice(from, start) + text + masked.slice(end, to);
    return extractDatesIn(patched, [[0, patched.length]], { reference, dayFirst }).find(x => x.start === start - from);
  };
}

/** The first of `texts` that, written over `m`, reads back as `target` (the same at `m`'s precision, or by `same`). */
export function readingBack(readBack: ReadBack | undefined, m: DateMention, texts: readonly string[], target: CalendarDate,
  same = (a: CalendarDate, b: CalendarDate): boolean => keyAt(a, m.granularity) === keyAt(b, m.granularity)): string | undefined {
  if (!readBack) return texts[0];
  return texts.find(text => {
    const back = readBack(m.start, m.end, text);
    return back !== undefined && same(back.date, target);
  });
}

export function sameWeekdayAs(a: CalendarDate, b: CalendarDate): boolean {
  return a.day !== undefined && a.month !== undefined && b.day !== undefined && b.month !== undefined
    && weekdayOf(a.year, a.month, a.day) === weekdayOf(b.year, b.month, b.day);
}
