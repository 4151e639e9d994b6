/**
 * A date read with the words next to it that chrono reads apart: a month of a list takes the year written after the
 * list, a day takes " of last year" after it, a month takes a year written short ("January '88").
 */

import type { DateMention } from './mentions';

/** What joins months of a list: "May or June", "April and May", "May, June", "April-May" (not ", and": a clause may begin). */
const MONTHS_JOINED = /^(?:\s+(?:or|and)\s+|\s*[-–]\s*|,\s+)$/;

/**
 * A month of a list takes the year written after the next one when it comes before it in the calendar: "May or June
 * 1985" is May 1985 too (read alone, May was of the story's year). A year is never carried forward nor turned: "in
 * August and July" may be of the same year, and "May 1985, and June will see him retire" is not June 1985.
 */
export function listedMonths(text: string, all: DateMention[]): DateMention[] {
  const isMonth = (m: DateMention): boolean => m.date.month !== undefined && m.date.day === undefined && m.date.period === undefined && m.range === undefined;
  // Whether a month's year is written, after it or after the next month of its list ("April, May and June 1986").
  let yearAfter = false;
  for (let i = all.length - 2; i >= 0; i--) {
    const [a, b] = [all[i], all[i + 1]];
    yearAfter = isMonth(a) && isMonth(b) && !a.yearStated && (b.yearStated || yearAfter) && a.date.month! <= b.date.month!
      && MONTHS_JOINED.test(text.slice(a.end, b.start));
    if (yearAfter && a.date.year !== b.date.year) all[i] = { ...a, date: { ...a.date, year: b.date.year } };
  }
  return all;
}

/** " of last year" right after a day or month: the year it names ("March 18 of last year"). */
const OF_YEAR_AFTER = /^\s+of\s+$/;

/**
 * A day or month without its year followed by " of last year" (this, next; the year a mention of its own), read as
 * one date in that year: "March 18 of last year" was March 18 of the story's year, and last year apart.
 */
export function withYearAfter(text: string, all: DateMention[]): DateMention[] {
  for (let i = 0; i + 1 < all.length; i++) {
    const [m, y] = [all[i], all[i + 1]];
    if (m.yearStated || m.date.month === undefined || m.date.period !== undefined || m.range !== undefined) continue;
    if (y.granularity !== 'year' || !y.relative || y.date.period !== undefined || !/^(?:last|this|next)\s+year$/i.test(y.text)) continue;
    const gap = text.slice(m.end, y.start);
    // chrono sometimes keeps the "of" ("March of" then "this year").
    if (!OF_YEAR_AFTER.test(gap) && !(/\sof$/i.test(m.text) && /^\s+$/.test(gap))) continue;
    all.splice(i, 2, { ...m, end: y.end, text: text.slice(m.start, y.end), date: { ...m.date, year: y.date.year }, relative: true });
  }
  return all;
}

/** A year of two digits after an apostrophe, after a month or a part of the year: "January '88", "the summer of '86". */
const SHORT_YEAR_AFTER = /^\s+(?:of\s+)?['’](\d\d)(?![\d'’\p{L}])/u;

/**
 * A month or a part of the year with its year written short after it, read with it: "January '88" was read as this
 * January, and a fix of it wrote "January 1988 '88". The century is the one that puts the year nearest the reference.
 */
export function withShortYear(text: string, m: DateMention, reference: Date): DateMention | undefined {
  if (m.yearStated || (m.date.month === undefined && m.date.period === undefined) || m.date.day !== undefined) return undefined;
  const short = SHORT_YEAR_AFTER.exec(text.slice(m.end, m.end + 8));
  if (!short) return undefined;
  const year = shortYear(Number(short[1]), reference.getFullYear());
  const end = m.end + short[0].length;
  return { ...m, end, text: text.slice(m.start, end), date: { ...m.date, year }, yearStated: true, relative: false, explicit: true };
}

/** How far past the story's year a year written short may be read: "'27" in 2026 is 2027, "'70" is 1970. */
const SHORT_YEAR_AHEAD = 10;

/** The year of a two-digit year: in the story's century, unless that is more than SHORT_YEAR_AHEAD years ahead. */
export function shortYear(twoDigits: number, storyYear: number): number {
  const year = Math.floor(storyYear / 100) * 100 + twoDigits;
  return year > storyYear + SHORT_YEAR_AHEAD ? year - 100 : year < storyYear + SHORT_YEAR_AHEAD - 100 ? year + 100 : year;
}
