import type { CalendarDate } from './calendar';
import type { DateMention } from './mentions';

/**
 * Weekdays that read two ways. "last Tuesday" and "next Friday" when the day falls in the story's own week: in a
 * Wednesday story, "last Tuesday" is the day before (as it is read) or the Tuesday of the week before, "next Friday"
 * the Friday of next week (as it is read) or the coming one; usage is divided. A bare "Tuesday" is the one of the week
 * around the story's day, past or to come as its verbs say (`inNewsWeek`), and the verbs mislead ("the shares, which
 * will list Tuesday, rose", a schedule told in the past): the other side of the story's day is its other reading. Such
 * a date is supported by either reading. As a source's date, "last/next Tuesday" contradicts no draft's (its fix could
 * be a week off); a bare weekday's other reading only supports: its verbs say which it is more often than not.
 */
const LAST_OR_NEXT_WEEKDAY = /^(last|next)\s+(?:sun|mon|tues|wednes|thurs|fri|satur)day$/i;
const BARE_WEEKDAY = /^(?:on\s+)?(?:sun|mon|tues|wednes|thurs|fri|satur)day$/i;
const DAY_MS = 86400000;

/** Whether `text` is a bare weekday ("Tuesday", "on Tuesday"): its other reading is the same word a week off. */
export function isBareWeekday(text: string): boolean {
  return BARE_WEEKDAY.test(text);
}

/** The other reading of `m` (see above), against the day it was read against; undefined when there is none. */
export function otherReading(m: DateMention, reference: Date): CalendarDate | undefined {
  const d = m.date;
  if (d.month === undefined || d.day === undefined) return undefined;
  const day = Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
  const ref = Date.UTC(reference.getFullYear(), reference.getMonth(), reference.getDate()) / DAY_MS;
  let other: number | undefined;
  if (BARE_WEEKDAY.test(m.text)) {
    // The story's own weekday is its day: no other side. One read a week or more away ("a week ago Tuesday") is not bare.
    other = day === ref || Math.abs(day - ref) > 6 ? undefined : day > ref ? day - 7 : day + 7;
  } else {
    const which = LAST_OR_NEXT_WEEKDAY.exec(m.text);
    if (!which) return undefined;
    const sinceMonday = (reference.getDay() + 6) % 7;
    other = which[1].toLowerCase() === 'last'
      ? (ref - day >= 1 && ref - day <= sinceMonday ? day - 7 : undefined)
      : (day - 7 > ref ? day - 7 : undefined);
  }
  if (other === undefined) return undefined;
  const o = new Date(other * DAY_MS);
  return { year: o.getUTCFullYear(), month: o.getUTCMonth() + 1, day: o.getUTCDate() };
}
