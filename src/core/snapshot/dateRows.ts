import type { CalendarDate, Granularity } from '../dates/calendar';
import type { DateMention } from '../dates/mentions';
import type { IntRows } from './intRows';
import type { StringTable } from './strings';
/** A date mention as a row of M integers (strings by their number in the string table): written, and read back. */

const MENTION_KEYS = new Set(['start', 'end', 'text', 'date', 'granularity', 'statedWeekday', 'yearStated', 'relative', 'explicit', 'loose', 'range']);
const DATE_KEYS = new Set(['year', 'month', 'day', 'period']);
/** Columns of a mention row. */
export const M = 12;
export const NONE = -1;

export interface SnapshotDates { readonly strings: readonly string[]; readonly rows: Int32Array; readonly sentences: Int32Array; readonly words: Int32Array }

/** The text column of a mention whose text is its source's text at its offsets: read back from the source. */
export const SLICE = -2;

/**
 * Writes a mention as a row of `rows`, its sentence's number last. A field of DateMention this code does not know is
 * an error, not a silent loss.
 */
export function writeMentionRow(m: DateMention, source: string, strings: StringTable, rows: IntRows, sentence: number): void {
  for (const k in m) if (!MENTION_KEYS.has(k)) throw new Error(`the snapshot does not know the date field ${k}`);
  for (const k in m.date) if (!DATE_KEYS.has(k)) throw new Error(`the snapshot does not know the calendar field ${k}`);
  const opt = (v: string | undefined): number => (v === undefined ? NONE : strings.id(v));
  const flags = (m.yearStated ? 1 : 0) | (m.relative ? 2 : 0) | (m.explicit ? 4 : 0) | ('loose' in m ? 8 : 0) | (m.loose ? 16 : 0);
  const text = m.end - m.start === m.text.length && source.startsWith(m.text, m.start) ? SLICE : strings.id(m.text);
  rows.push12(m.start, m.end, text, m.date.year, m.date.month ?? NONE, m.date.day ?? NONE, opt(m.date.period),
    strings.id(m.granularity), m.statedWeekday ?? NONE, flags, opt(m.range), sentence);
}

/** Calendar dates read back, one frozen object per distinct date (an archive names the same days again and again). */
export class CalendarDates {
  private readonly known = new Map<number, CalendarDate>();
  constructor(private readonly str: (i: number) => string) {}

  of(year: number, month: number, day: number, period: number): CalendarDate {
    // Years 0-4095, month 1-12, day 1-31 (or NONE) and one of the first 255 strings as period pack into one small
    // integer (a fast map key); anything else is made afresh, never shared wrongly.
    const plain = year >= 0 && year < 4096 && month >= NONE && month <= 12 && day >= NONE && day <= 31 && period >= NONE && period < 255;
    const key = plain ? (((((year << 4) | (month + 1)) << 6) | (day + 1)) << 8) | (period + 1) : -1;
    let date = plain ? this.known.get(key) : undefined;
    if (date) return date;
    const d: { year: number; month?: number; day?: number; period?: string } = { year };
    if (month !== NONE) d.month = month;
    if (day !== NONE) d.day = day;
    if (period !== NONE) d.period = this.str(period);
    date = Object.freeze(d);
    if (plain) this.known.set(key, date);
    return date;
  }
}

/** A mention with exactly the fields it was written with (an absent optional field stays absent). */
export function mentionOf(rows: Int32Array, at: number, str: (i: number) => string, calendar: CalendarDates, source: () => string): DateMention {
  const flags = rows[at + 9];
  const m: { -readonly [K in keyof DateMention]: DateMention[K] } = {
    start: rows[at], end: rows[at + 1], text: rows[at + 2] === SLICE ? source().slice(rows[at], rows[at + 1]) : str(rows[at + 2]), date: calendar.of(rows[at + 3], rows[at + 4], rows[at + 5], rows[at + 6]),
    granularity: str(rows[at + 7]) as Granularity, yearStated: (flags & 1) !== 0, relative: (flags & 2) !== 0, explicit: (flags & 4) !== 0,
  };
  if (rows[at + 8] !== NONE) m.statedWeekday = rows[at + 8];
  if (flags & 8) m.loose = (flags & 16) !== 0;
  if (rows[at + 10] !== NONE) m.range = str(rows[at + 10]);
  return m;
}
