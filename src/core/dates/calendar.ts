export type Granularity = 'day' | 'month' | 'year' | PeriodKind;
/** Periods as TimeML writes them: a quarter or half of a year, a season, an ISO week (or its weekend), a decade. */
export type PeriodKind = 'quarter' | 'half' | 'season' | 'week' | 'decade' | 'vague';

/**
 * A calendar date at some granularity: a day, a month of a year, a year, or a period of a year. A period is written
 * as TimeML writes its part of the value: `Q3`, `H1`, `SU` (SP, SU, FA, WI), `W07`, `W07-WE` (that week's weekend),
 * `X` for the decade that starts at `year`, or a vague reference (`PAST_REF`, `PRESENT_REF`, `FUTURE_REF`).
 */
export interface CalendarDate {
  readonly year: number;
  readonly month?: number; // 1-12
  readonly day?: number;
  readonly period?: string;
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** The month (1-12) a name or its abbreviation of three letters or more names ("Sept", "oct", "December"), else undefined. */
export function monthOfName(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3) return undefined;
  const i = MONTHS.findIndex(full => full.toLowerCase().startsWith(n));
  return i < 0 ? undefined : i + 1;
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function granularityOf(d: CalendarDate): Granularity {
  if (d.period !== undefined) return periodKind(d.period);
  return d.day !== undefined ? 'day' : d.month !== undefined ? 'month' : 'year';
}

export function periodKind(period: string): PeriodKind {
  if (period.endsWith('_REF')) return 'vague';
  switch (period[0]) {
    case 'Q': return 'quarter';
    case 'H': return 'half';
    case 'W': return period[1] === 'I' ? 'season' : 'week';
    case 'X': return 'decade';
    default: return 'season';
  }
}

/** The first month of a quarter, half or season (winter starts in December of its year). */
function firstMonthOf(period: string): number {
  switch (period[0]) {
    case 'Q': return (Number(period[1]) - 1) * 3 + 1;
    case 'H': return period[1] === '1' ? 1 : 7;
    default: return ({ SP: 3, SU: 6, FA: 9, WI: 12 } as Record<string, number>)[period] ?? 1;
  }
}

/** Monday of ISO week `week` of ISO week-year `year`, as a UTC day number. */
export function isoWeekStart(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4) / 86400000;
  const weekday = (new Date(jan4 * 86400000).getUTCDay() + 6) % 7; // Monday 0
  return jan4 - weekday + (week - 1) * 7;
}

/** ISO week-year and week of a UTC day number. */
export function isoWeekOf(dayNo: number): { year: number; week: number } {
  const d = new Date(dayNo * 86400000);
  const thursday = dayNo - ((d.getUTCDay() + 6) % 7) + 3;
  const year = new Date(thursday * 86400000).getUTCFullYear();
  return { year, week: Math.floor((thursday - Date.UTC(year, 0, 1) / 86400000) / 7) + 1 };
}

/** Keys under which a date is filed: a day also files under its month and year, a month under its year. */
export function keysOf(d: CalendarDate): string[] {
  if (d.period !== undefined) return d.period === 'X' ? [periodKey(d)] : [`y:${d.year}`, periodKey(d)];
  const keys = [`y:${d.year}`];
  if (d.month !== undefined) keys.push(`m:${d.year}-${d.month}`);
  if (d.month !== undefined && d.day !== undefined) keys.push(`d:${d.year}-${d.month}-${d.day}`);
  return keys;
}

export function keyAt(d: CalendarDate, g: Granularity): string | undefined {
  if (d.period !== undefined) {
    if (g === 'year' && d.period !== 'X') return `y:${d.year}`;
    return periodKind(d.period) === g ? periodKey(d) : undefined;
  }
  // A day is in its ISO week: a source's "Friday, February 27" says a draft's "last week" (not the other way round).
  if (g === 'week' && d.month !== undefined && d.day !== undefined) {
    const w = isoWeekOf(Date.UTC(d.year, d.month - 1, d.day) / 86400000);
    return `p:${w.year}-W${String(w.week).padStart(2, '0')}`;
  }
  if (g !== 'day' && g !== 'month' && g !== 'year') return undefined;
  if (g === 'year') return `y:${d.year}`;
  if (d.month === undefined) return undefined;
  if (g === 'month') return `m:${d.year}-${d.month}`;
  return d.day === undefined ? undefined : `d:${d.year}-${d.month}-${d.day}`;
}

/** Days since 1970-01-01 of a local `Date`'s day (a document's reference date). */
export function dayNumberOfDay(d: Date): number {
  return dayNumber({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });
}

/** Days since 1970-01-01 of a date (its first day when it is a month or a year): for distances between dates. */
export function dayNumber(d: CalendarDate): number {
  if (d.period !== undefined && d.period[0] === 'W' && d.period[1] !== 'I') return isoWeekStart(d.year, Number(d.period.slice(1, 3)));
  if (d.period !== undefined && d.period !== 'X') return Date.UTC(d.year, firstMonthOf(d.period) - 1, 1) / 86400000;
  return Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1) / 86400000;
}

function periodKey(d: CalendarDate): string {
  return `p:${d.year}-${d.period}`;
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
  if (d.period !== undefined) return periodInWords(d);
  if (d.month === undefined) return String(d.year);
  if (d.day === undefined) return `${MONTHS[d.month - 1]} ${d.year}`;
  const weekday = style.weekday ? `${WEEKDAYS[weekdayOf(d.year, d.month, d.day)]}, ` : '';
  return `${weekday}${MONTHS[d.month - 1]} ${d.day}${style.year ? `, ${d.year}` : ''}`;
}

export function formatDate(d: CalendarDate): string {
  return formatLike(d, { year: true, weekday: false });
}

const ORDINALS = ['first', 'second', 'third', 'fourth'];
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };

/** "the third quarter of 2013", "the first half of 2013", "summer 2013", "the 1990s", "the week of 4 March 2013". */
export function periodInWords(d: CalendarDate): string {
  const p = d.period ?? '';
  switch (periodKind(p)) {
    case 'quarter': return `the ${ORDINALS[Number(p[1]) - 1]} quarter of ${d.year}`;
    case 'half': return `the ${ORDINALS[Number(p[1]) - 1]} half of ${d.year}`;
    case 'decade': return `the ${d.year}s`;
    case 'week': {
      const monday = new Date(isoWeekStart(d.year, Number(p.slice(1, 3))) * 86400000);
      const of = `${MONTHS[monday.getUTCMonth()]} ${monday.getUTCDate()}, ${monday.getUTCFullYear()}`;
      return p.endsWith('-WE') ? `the weekend after the week of ${of}` : `the week of ${of}`;
    }
    default: return `${SEASONS[p]} ${d.year}`;
  }
}

/** A date of two numbers of at most 12 and a year ("11/05/2025"): the day or the month first, only a convention says. */
export const AMBIGUOUS_NUMERIC_DATE = /(?<!\d)(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|1[0-2])[/.-]\d{2,4}(?!\d)/;
