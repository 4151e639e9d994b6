import { MONTHS, periodInWords, WEEKDAYS, weekdayOf, type CalendarDate } from './calendar';

/**
 * A date's calendar value, ISO (TimeML) at its granularity: `2025-05-15`, `2025-05`, `2025`, `2013-Q3`, `2013-H1`,
 * `2013-SU`, `2013-W07`, `2013-W07-WE`, `199X` for a decade.
 */
export function isoValue(d: CalendarDate): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (d.period?.endsWith('_REF')) return d.period;
  if (d.period === 'X') return `${String(d.year).slice(0, 3)}X`;
  if (d.period !== undefined) return `${d.year}-${d.period}`;
  if (d.month === undefined) return String(d.year);
  if (d.day === undefined) return `${d.year}-${pad(d.month)}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/**
 * A value in words, as a hover says it: "Thursday, May 15, 2025", "May 2025", "2025", a range's ends joined by "to"
 * (else the value itself).
 */
export function valueInWords(value: string): string {
  if (value.includes('/')) return rangeInWords(value);
  const period = /^(\d{3})X$/.exec(value) ?? /^(\d{4})-((?:Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d)(?:-WE)?)$/.exec(value);
  if (period) return period[2] === undefined ? periodInWords({ year: Number(period[1]) * 10, period: 'X' }) : periodInWords({ year: Number(period[1]), period: period[2] });
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const [year, month, day] = [Number(m[1]), m[2] && Number(m[2]), m[3] && Number(m[3])];
  if (!month) return String(year);
  if (!day) return `${MONTHS[month - 1]} ${year}`;
  return `${WEEKDAYS[weekdayOf(year, month, day)]}, ${MONTHS[month - 1]} ${day}, ${year}`;
}

/** A range's value in words: "May 5, 2025 to May 9, 2025" style ("2009 to 2011"). */
export function rangeInWords(range: string): string {
  return range.split('/').map(valueInWords).join(' to ');
}
