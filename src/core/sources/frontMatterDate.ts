import { AMBIGUOUS_NUMERIC_DATE, isoDate, parseIsoDate, WEEKDAYS } from '../dates/calendar';
import { extractDates } from '../dates/mentions';

/** A document's `date:` as read: the day (ISO), or why the value is no day. */
export type StatedDate = { readonly iso: string } | { readonly error: string } | undefined;

/** Any year: the value must state its own, so the reference only stands in for chrono's. */
const ANY_REFERENCE = new Date(2000, 0, 1, 12);
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?';
/** What may stand around the day in a written date: a weekday before it; a time of day and a zone after it. */
const BEFORE_DAY = new RegExp(`^[\\s,]*(?:${WEEKDAY}[\\s,]*)?$`, 'i');
const AFTER_DAY = /^[\s,.]*(?:(?:at\s+)?\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{1,5}|[+-]\d{2}:?\d{2})?)?[\s.]*$/i;

/**
 * A document's `date:` front matter as a day: a YAML date, an ISO date (with or without a time: `2025-05-11`,
 * `2025-05-11T09:30:00Z`), or a date as people write it (`11 May 2025`, `May 11, 2025`, `Sunday, May 11, 2025`,
 * `Sun, 11 May 2025 09:30:00 GMT`; `11/05/2025` only with the desk's convention, `dayFirst` or not, given). A value
 * that is no single day with its year, or whose weekday is not that day's, is an error: the document's dates are
 * then read against another day, and the writer should know.
 */
export function statedDate(value: unknown, dayFirst = false): StatedDate {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) return isNaN(value.getTime()) ? { error: 'date: is not a date' } : { iso: value.toISOString().slice(0, 10) };
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
  if (text === undefined) return { error: 'date: is not a date' };
  const iso = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) {
    const day = `${iso[1]}-${iso[3].padStart(2, '0')}-${iso[4].padStart(2, '0')}`;
    return parseIsoDate(day) ? { iso: day } : { error: `date: ${quoted(text)} is not a day of the calendar` };
  }
  const found = extractDates(text, { reference: ANY_REFERENCE, dayFirst });
  const day = found.length === 1 ? found[0] : undefined;
  if (!day || day.granularity !== 'day' || !day.yearStated || !BEFORE_DAY.test(text.slice(0, day.start)) || !AFTER_DAY.test(text.slice(day.end))) {
    return { error: `date: ${quoted(text)} is not read as one day with its year (write it as 2025-05-11, or 11 May 2025)` };
  }
  // "11/05/2025" is the 11th of May or the 5th of November: only the desk's convention (dayFirst) says which.
  if (!dayFirst && AMBIGUOUS_NUMERIC_DATE.test(day.text)) return { error: `date: ${quoted(text)} may be read day first or month first (write it as 2025-05-11, or 11 May 2025)` };
  const { year, month, day: dayOfMonth } = day.date;
  const at = new Date(year, month! - 1, dayOfMonth!, 12);
  const weekday = day.statedWeekday ?? statedWeekday(text.slice(0, day.start));
  if (weekday !== undefined && weekday !== at.getDay()) return { error: `date: ${quoted(text)} names a weekday that day is not` };
  return { iso: isoDate(at) };
}

/** The weekday written before the day (0 = Sunday), when one is. */
function statedWeekday(before: string): number | undefined {
  const m = /[a-z]{3}/i.exec(before);
  return m ? WEEKDAYS.findIndex(w => w.slice(0, 3).toLowerCase() === m[0].toLowerCase()) : undefined;
}

function quoted(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
