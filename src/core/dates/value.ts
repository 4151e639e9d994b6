import { MONTHS, WEEKDAYS, weekdayOf, type CalendarDate } from './calendar';

/** A date's calendar value, ISO at its granularity: `2025-05-15`, `2025-05`, `2025`. */
export function isoValue(d: CalendarDate): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (d.month === undefined) return String(d.year);
  if (d.day === undefined) return `${d.year}-${pad(d.month)}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** A value in words, as a hover says it: "Thursday, May 15, 2025", "May 2025", "2025" (else the value itself). */
export function valueInWords(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const [year, month, day] = [Number(m[1]), m[2] && Number(m[2]), m[3] && Number(m[3])];
  if (!month) return String(year);
  if (!day) return `${MONTHS[month - 1]} ${year}`;
  return `${WEEKDAYS[weekdayOf(year, month, day)]}, ${MONTHS[month - 1]} ${day}, ${year}`;
}
