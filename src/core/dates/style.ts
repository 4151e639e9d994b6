import { dayNumber, formatLike, MONTHS, WEEKDAYS, weekdayOf, type CalendarDate } from './calendar';
import { isoValue } from './value';
import type { DateMention } from './mentions';
import { writesNoYear } from './guesses';
import type { SourceDate } from './sourceDates';
import type { DateReference } from './verdict';

const MONTH_WORD = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)([a-z]*)(\.?)/i;
const WEEKDAY_WORD = /\b(sun|mon|tue|wed|thu|fri|sat)([a-z]*)(\.?)/i;
const DAY_FIRST = /\b\d{1,2}(st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
/** A month's name alone, in full or short: "November", "Nov.". */
const MONTH_ALONE = /^((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)(\.?)$/i;
const DAY_ALONE = /^\d{1,2}(st|nd|rd|th)?$/i;
const ORDINAL = /\b\d{1,2}(st|nd|rd|th)\b/i;
const ISO = /^\d{4}-\d{1,2}-\d{1,2}$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})$/;
const BARE_WEEKDAY = /^(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?)(?:day)?$/i;

/**
 * `date` written the way the draft wrote `text` (the mention `m`): "9 May" → "8 May", "May 9, 2025" → "May 8, 2025",
 * "Feb. 28" → "Feb. 27", "Friday, May 16" → "Thursday, May 15", "05/09/2025" → "05/08/2025", a bare weekday → the
 * weekday of a date in the same week. Parts the draft left out stay out; a form this does not know gets the plain
 * "May 8, 2025" style with the parts the draft stated.
 */
export function formatInStyleOf(date: CalendarDate, m: DateMention, text: string, yearless = false): string {
  const t = text.trim();
  // A month the draft named alone ("by November"), fixed with a month its source named alone: no year is written,
  // which would be a guess on both sides ("by December 2024" for a plan of the coming December).
  const alone = yearless && !m.yearStated && date.day === undefined && date.period === undefined && date.month !== undefined && m.date.month !== undefined
    ? MONTH_ALONE.exec(t) : null;
  if (alone) return spellLike(MONTHS[date.month! - 1], alone[1], MONTHS[m.date.month! - 1]) + alone[2];
  if (date.month === undefined || date.day === undefined) return formatLike(date, { year: m.yearStated, weekday: false });
  if (ISO.test(t)) return isoValue(date);
  const numeric = NUMERIC.exec(t);
  if (numeric) return numericLike(date, m, numeric);
  if (BARE_WEEKDAY.test(t) && m.date.day !== undefined && m.date.month !== undefined && Math.abs(dayNumber(date) - dayNumber(m.date)) < 7) {
    return spellLike(WEEKDAYS[weekdayOf(date.year, date.month, date.day)], t, WEEKDAYS[weekdayOf(m.date.year, m.date.month, m.date.day)]);
  }
  // A day alone, an end of a range ("March 3-5", "19-21 July"): another day of its month is written alone too.
  const dayAlone = DAY_ALONE.exec(t);
  if (dayAlone && date.month === m.date.month && date.year === m.date.year) return `${date.day}${dayAlone[1] ? ordinalOf(date.day) : ''}`;
  const month = MONTH_WORD.exec(t);
  if (!month) return formatLike(date, { year: m.yearStated, weekday: m.statedWeekday !== undefined });
  const monthName = MONTHS[date.month - 1];
  const monthText = abbreviated(month[1] + month[2], MONTHS[(m.date.month ?? date.month) - 1]) && monthName.length <= 5
    ? spellLike(monthName, monthName, monthName) // news style writes March to July in full
    : spellLike(monthName, month[1] + month[2], MONTHS[(m.date.month ?? date.month) - 1]) + month[3];
  const ordinal = ORDINAL.test(t) ? ordinalOf(date.day) : '';
  const day = `${date.day}${ordinal}`;
  const weekdayWord = m.statedWeekday !== undefined ? WEEKDAY_WORD.exec(t) : null;
  const weekday = weekdayWord
    ? spellLike(WEEKDAYS[weekdayOf(date.year, date.month, date.day)], weekdayWord[1] + weekdayWord[2], WEEKDAYS[m.statedWeekday!]) + weekdayWord[3]
    : '';
  const year = m.yearStated ? String(date.year) : '';
  if (DAY_FIRST.test(t)) {
    const of = /\d\s+of\s+/i.test(t) ? 'of ' : '';
    return [weekday && `${weekday}${weekdaySeparator(t)}`, `${day} ${of}${monthText}`, year && ` ${year}`].join('');
  }
  // The draft's separator before the year: "May 9, 2025", "May 9 2025", wire copy's "April 3 , 1987".
  const yearSeparator = /\d(?:st|nd|rd|th)?(\s*,\s*|\s+)\d{4}\b/i.exec(t)?.[1] ?? ' ';
  return [weekday && `${weekday}${weekdaySeparator(t)}`, `${monthText} ${day}`, year && `${yearSeparator}${year}`].join('');
}

function numericLike(date: CalendarDate, m: DateMention, parts: RegExpExecArray): string {
  const [, a, sep, , y] = parts;
  const dayFirst = Number(a) === m.date.day && Number(a) !== m.date.month;
  const first = dayFirst ? date.day! : date.month!;
  const second = dayFirst ? date.month! : date.day!;
  const year = y.length === 2 ? String(date.year % 100).padStart(2, '0') : String(date.year);
  const width = (s: string, n: number): string => (s.length === 2 ? pad(n) : String(n));
  return `${width(a, first)}${sep}${width(parts[3], second)}${sep}${year}`;
}

/** `word` spelled as `like` spells `likeFull`: abbreviated to as many letters, and with its capitalisation. */
function spellLike(word: string, like: string, likeFull: string): string {
  const cut = abbreviated(like, likeFull) ? (word === 'September' && like.length === 4 ? 'Sept' : word.slice(0, 3)) : word;
  if (like === like.toUpperCase() && like.length > 1) return cut.toUpperCase();
  if (like[0] === like[0].toLowerCase()) return cut.toLowerCase();
  return cut;
}

function abbreviated(like: string, likeFull: string): boolean {
  return like.length < likeFull.length;
}

function weekdaySeparator(t: string): string {
  return /^[a-z]+\.?,/i.test(t) ? ', ' : ' ';
}


function ordinalOf(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The fix of a contradicted date: the source's date in the draft's style. When that reads as the draft's own words,
 * the two differ only in what the draft left unwritten (its year): with the draft's own day or the setting's, the fix
 * writes the year; with today's (a draft with no date, whose year is a guess), there is no contradiction.
 */
export function contradiction(other: SourceDate, m: DateMention, written: string, reference: DateReference): string | undefined {
  const suggestion = formatInStyleOf(other.mention.date, m, written, writesNoYear(other.mention));
  if (suggestion !== written) return suggestion;
  if (reference.from === 'today') return undefined;
  // "May 15" becomes "May 15, 2025" (the style echoes a comma only where the draft wrote one before a year).
  const withYear = formatInStyleOf(other.mention.date, { ...m, yearStated: true }, written).replace(/^(\p{L}+\.? \d{1,2}) (\d{4})$/u, '$1, $2');
  return withYear !== written ? withYear : undefined;
}
