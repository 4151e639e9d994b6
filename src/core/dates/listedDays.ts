import type { DateMention } from './mentions';
import { isoValue } from './value';

// Days of one month written as a pair or a list: "between 3 and 5 March", "between March 3 and 5", "on 30 and 31 March".

/** The end of a range written day first, whose month its start shares: "21 July" of "19-21 July", "21st of July". */
export const DAY_FIRST_END = /^\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** "between 3 and 5 March": the day before "and", which chrono does not read. */
const BETWEEN_DAY_AND = /\bbetween\s+(\d{1,2}(?:st|nd|rd|th)?)\s+and\s+$/i;
/** "between March 3 and 5": the day after "and", no amount ("and 5 pct", "and 5.5") nor a day of another month. */
const AND_DAY = /^\s+and\s+(\d{1,2}(?:st|nd|rd|th)?(?:,?\s+((?:1[6-9]|20)\d\d)(?![\p{L}\p{N}]|[.,:/]\d))?)(?![\p{L}\p{N}]|[.,:/]\d|,?\s*\d|\s*(?:%|pct\b|per\s*cent\b|percent\b|mln\b|bln\b|million\b|billion\b|dlrs\b|dollars\b|tonnes\b|points?\b|cents?\b)|\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/iu;
const MONTH_DAY = /^\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?$/u;

/**
 * A range whose other end is a day alone, which chrono leaves out: "between 3 and 5 March" (read as "5 March") and
 * "between March 3 and 5" (read as "March 3"). The day is in the written date's month and year, and comes before
 * the end (after the start): each end is then a date of its own, as in "March 3-5". Undefined: no such range.
 */
export function betweenDays(m: DateMention, source: string): DateMention[] | undefined {
  const day = m.date.day;
  if (day === undefined || m.date.month === undefined) return undefined;
  const dayAlone = (text: string, start: number, n: number): DateMention => ({
    ...m, start, end: start + text.length, text, date: { ...m.date, day: n }, statedWeekday: undefined, yearStated: false,
  });
  const withRange = (a: DateMention, b: DateMention): DateMention[] => {
    const range = `${isoValue(a.date)}/${isoValue(b.date)}`;
    return [{ ...a, range }, { ...b, range }];
  };
  if (DAY_FIRST_END.test(m.text)) {
    const before = BETWEEN_DAY_AND.exec(source.slice(Math.max(0, m.start - 32), m.start));
    const n = before ? parseInt(before[1], 10) : 0;
    if (!before || n < 1 || n >= day) return undefined;
    const start = m.start - before[0].length + before[0].indexOf(before[1], 'between'.length);
    return withRange(dayAlone(before[1], start, n), m);
  }
  if (!MONTH_DAY.test(m.text) || !/\bbetween\s+$/i.test(source.slice(Math.max(0, m.start - 12), m.start))) return undefined;
  const after = AND_DAY.exec(source.slice(m.end, m.end + 48));
  const n = after ? parseInt(after[1], 10) : 0;
  // "between March 3 and 5, 2024": the year written after the end is the start's too.
  const year = after?.[2] === undefined ? undefined : Number(after[2]);
  const last = new Date(Date.UTC(year ?? m.date.year, m.date.month, 0)).getUTCDate();
  if (!after || n <= day || n > last || m.yearStated) return undefined;
  const from = year === undefined ? m : { ...m, date: { ...m.date, year }, relative: false };
  const end = dayAlone(after[1], m.end + after[0].length - after[1].length, n);
  return withRange(from, year === undefined ? end : { ...end, date: { ...end.date, year }, yearStated: true, relative: false });
}

/** "on 30 and 31 March": the first day of a list of two, before "and" or "or" (after "on" or "the": no amount). */
const LISTED_DAY_BEFORE = /\b(?:on|the)\s+(\d{1,2}(?:st|nd|rd|th)?)\s+(?:and|or|&)\s+$/i;
/**
 * "March 30 and 31", "May 5 or 6, 1987": the second day of a list of two; what follows it ends a clause (a mark, or a
 * word that is no noun and follows no count), so that "on March 3 and 12 people" and "and 5 of its members" stay
 * amounts.
 */
const LISTED_DAY_AFTER = /^\s+(?:and|or|&)\s+(\d{1,2}(?:st|nd|rd|th)?(?:,?\s+((?:1[6-9]|20)\d\d))?)(?=\s*(?:[.,;:!?)"”’]|$)|\s+(?:to|from|when|after|before|and|as|on|but|while|respectively|in(?!\s+\d))\b)/iu;

/**
 * Two days of one month named once, a list and no range: "March 30 and 31" (read as March 30) and "on 30 and 31
 * March" (read as 31 March). The other day, in ascending order, is a date of its own in the written date's month and
 * year (a year written after the list is both days'), as "March 30 and March 31" would be. Undefined: no such list.
 */
export function listedDays(m: DateMention, source: string): DateMention[] | undefined {
  const day = m.date.day;
  if (day === undefined || m.date.month === undefined) return undefined;
  const dayAlone = (text: string, start: number, n: number): DateMention => ({
    ...m, start, end: start + text.length, text, date: { ...m.date, day: n }, statedWeekday: undefined, yearStated: false,
  });
  if (DAY_FIRST_END.test(m.text)) {
    const before = LISTED_DAY_BEFORE.exec(source.slice(Math.max(0, m.start - 24), m.start));
    const n = before ? parseInt(before[1], 10) : 0;
    if (!before || n < 1 || n >= day) return undefined;
    const start = m.start - before[0].length + before[0].indexOf(before[1], 2);
    return [dayAlone(before[1], start, n), m];
  }
  if (!MONTH_DAY.test(m.text) || m.yearStated) return undefined;
  const after = LISTED_DAY_AFTER.exec(source.slice(m.end, m.end + 48));
  const n = after ? parseInt(after[1], 10) : 0;
  const year = after?.[2] === undefined ? undefined : Number(after[2]);
  const last = new Date(Date.UTC(year ?? m.date.year, m.date.month, 0)).getUTCDate();
  if (!after || n <= day || n > last) return undefined;
  const first = year === undefined ? m : { ...m, date: { ...m.date, year }, relative: false };
  const second = dayAlone(after[1], m.end + after[0].length - after[1].length, n);
  return [first, year === undefined ? second : { ...second, date: { ...second.date, year }, yearStated: true, relative: false }];
}
