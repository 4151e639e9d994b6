export type Granularity = 'day' | 'month' | 'year';

/** A calendar date at some granularity: a day, a month of a year, or a year. */
export interface CalendarDate {
  readonly year: number;
  readonly month?: number; // 1-12
  readonly day?: number;
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function granularityOf(d: CalendarDate): Granularity {
  return d.day !== undefined ? 'day' : d.month !== undefined ? 'month' : 'year';
}

/** Keys under which a date is filed: a day also files under its month and year, a month under its year. */
export function keysOf(d: CalendarDate): string[] {
  const keys = [`y:${d.year}`];
  if (d.month !== undefined) keys.push(`m:${d.year}-${d.month}`);
  if (d.month !== undefined && d.day !== undefined) keys.push(`d:${d.year}-${d.month}-${d.day}`);
  return keys;
}

export function keyAt(d: CalendarDate, g: Granularity): string | undefined {
  if (g === 'year') return `y:${d.year}`;
  if (d.month === undefined) return undefined;
  if (g === 'month') return `m:${d.year}-${d.month}`;
  return d.day === undefined ? undefined : `d:${d.year}-${d.month}-${d.day}`;
}

/** Days since 1970-01-01 of a date (its first day when it is a month or a year): for distances between dates. */
export function dayNumber(d: CalendarDate): number {
  return Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1) / 86400000;
}

export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local-noon Date of an ISO date (noon keeps time-zone shifts from changing the day). */
export function parseIsoDate(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  return d.getMonth() === Number(m[2]) - 1 ? d : undefined;
}

/** "May 8", "May 8, 2025", "Thursday, May 8", "May 2025", "2025", echoing the parts the draft wrote. */
export function formatLike(d: CalendarDate, style: { year: boolean; weekday: boolean }): string {
  if (d.month === undefined) return String(d.year);
  if (d.day === undefined) return `${MONTHS[d.month - 1]} ${d.year}`;
  const weekday = style.weekday ? `${WEEKDAYS[weekdayOf(d.year, d.month, d.day)]}, ` : '';
  return `${weekday}${MONTHS[d.month - 1]} ${d.day}${style.year ? `, ${d.year}` : ''}`;
}

export function formatDate(d: CalendarDate): string {
  return formatLike(d, { year: true, weekday: false });
}
