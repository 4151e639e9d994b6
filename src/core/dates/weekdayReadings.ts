import type { CalendarDate } from './calendar';
import type { DateMention } from './mentions';
import { aheadOfTheSaying } from './tense';

/**
 * "last Tuesday" and "next Friday" read two ways when the day falls in the story's own week: in a Wednesday story,
 * "last Tuesday" is the day before (as it is read) or the Tuesday of the week before, "next Friday" the Friday of next
 * week (as it is read) or the coming one. Usage is divided: such a date is supported by either reading, and as a
 * source's date it contradicts no draft's (its fix could be a week off). So does a draft's bare weekday read ahead by
 * "would" alone when the one gone is the day before the story ("he said the ship would sail on Saturday", in a Sunday story:
 * the Saturday gone, or the coming one; in a Thursday story, "would begin on Monday" is the coming Monday: review63),
 * given the draft's `text`.
 */
const LAST_OR_NEXT_WEEKDAY = /^(last|next)\s+(?:sun|mon|tues|wednes|thurs|fri|satur)day$/i;
const BARE_WEEKDAY = /^(?:on\s+)?(?:sun|mon|tues|wednes|thurs|fri|satur)day$/i;
const DAY_MS = 86400000;

/** Whether `text` is a bare weekday ("Tuesday", "on Tuesday"), read by the news week around the story's day. */
export function isBareWeekday(text: string): boolean {
  return BARE_WEEKDAY.test(text);
}

/** The other reading of `m` (see above), against the day it was read against; undefined when there is none. */
export function otherReading(m: DateMention, reference: Date, text?: string): CalendarDate | undefined {
  const which = LAST_OR_NEXT_WEEKDAY.exec(m.text);
  const d = m.date;
  if (d.month === undefined || d.day === undefined || (!which && (text === undefined || !isBareWeekday(m.text)))) return undefined;
  const day = Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
  const ref = Date.UTC(reference.getFullYear(), reference.getMonth(), reference.getDate()) / DAY_MS;
  const sinceMonday = (reference.getDay() + 6) % 7;
  let other: number | undefined;
  if (which) {
    other = which[1].toLowerCase() === 'last'
      ? (ref - day >= 1 && ref - day <= sinceMonday ? day - 7 : undefined)
      : (day - 7 > ref ? day - 7 : undefined);
  } else if (text !== undefined && day - ref === 6 && aheadOfTheSaying(text, m.start)) {
    other = day - 7;
  }
  if (other === undefined) return undefined;
  const o = new Date(other * DAY_MS);
  return { year: o.getUTCFullYear(), month: o.getUTCMonth() + 1, day: o.getUTCDate() };
}
