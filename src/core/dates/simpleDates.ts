import { granularityOf } from './calendar';
import type { DateMention } from './mentions';
import { newsYear } from './newsYear';
import type { Tense } from './tense';

const MONTH_NUMBER: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH_WORD = '(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const DAY_NUMBER = '(?<day>[1-9]|[12]\\d|3[01])';
const YEAR_NUMBER = '(?<year>(?:1[6-9]|20)\\d\\d)';
/**
 * Not a date of its own after these: a number, a range, a time (chrono takes a word starting "am" or "pm" after a
 * number for one: "on January 15 amounting to").
 */
const NOTHING_JOINED = '(?![\\p{L}\\p{N}]|[.,]?\\d|\\s*[-–/:]|\\s+(?:to|through|until|till|and|or|&)\\s|\\s*[ap]\\.?m)';
/**
 * The commonest dates of news copy, and nothing else: "March 3", "Dec 25th", "July 4, 1987" or "July 4 1987";
 * "25 September", "5 May 2005"; "February 1986", "March, 1987".
 */
const PLAIN_DATES = [
  `(?<![\\p{L}\\p{N}.-])${MONTH_WORD} ${DAY_NUMBER}(?:st|nd|rd|th)?(?:,? ${YEAR_NUMBER})?${NOTHING_JOINED}`,
  `(?<![\\p{L}\\p{N}.,/-])${DAY_NUMBER}(?:st|nd|rd|th)? ${MONTH_WORD}(?: ${YEAR_NUMBER})?${NOTHING_JOINED}`,
  `(?<![\\p{L}\\p{N}.-])${MONTH_WORD},? ${YEAR_NUMBER}${NOTHING_JOINED}`,
].map(p => new RegExp(p, 'u'));
/** A month's or a weekday's name or abbreviation as chrono reads it: whole words ("money" and "market" are none). */
export const CALENDAR_WORD = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
  + '|sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?';
/** Anything in the rest of the window that chrono could read as (part of) another date or a range. */
const ELSEWHERE = new RegExp(`\\d|\\b(?:${CALENDAR_WORD}|last|next|this|past|ago|yesterday|tomorrow|today|tonight|now|noon|midnight|weeks?|weekends?|fortnights?|months?|years?|days?|hours?|hrs?|min(?:ute)?s?|sec(?:ond)?s?|qtrs?|quarters?|early|earlier|mid|middle|late|later|end|beginning|start|since|until|till|through|between|o'clock|am|pm|[ap]\\.m)\\b`, 'i');

/**
 * The mention in a window that holds exactly one plain date (a day of a month, with or without its year, or a month
 * and its year) and nothing else chrono could read as a date, found without chrono (whose cost is per character and
 * parser). Undefined: ask chrono. A test compares the two over the corpus's windows.
 */
export function simpleMention(window: string, offset: number, reference: Date, futureAt: (at: number, end: number) => Tense = () => false): DateMention | undefined {
  let m: RegExpExecArray | null = null;
  for (const form of PLAIN_DATES) if ((m = form.exec(window))) break;
  if (!m) return undefined;
  const rest = window.slice(0, m.index) + ' ' + window.slice(m.index + m[0].length);
  if (ELSEWHERE.test(rest)) return undefined;
  const { month: name, day: dayText, year: yearText } = m.groups!;
  const month = MONTH_NUMBER[name.slice(0, 3).toLowerCase()];
  const day = dayText === undefined ? undefined : Number(dayText);
  const yearStated = yearText !== undefined;
  const year = yearStated ? Number(yearText) : newsYear(reference, month, day, futureAt(offset + m.index, offset + m.index + m[0].length));
  if (day !== undefined && day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const date = day === undefined ? { year, month } : { year, month, day };
  return {
    start: offset + m.index,
    end: offset + m.index + m[0].length,
    text: m[0],
    date,
    granularity: granularityOf(date),
    statedWeekday: undefined,
    yearStated,
    relative: !yearStated,
    explicit: true,
  };
}

/** A weekday written in full, alone: "on Tuesday,", "Friday's meeting" (not ", Tuesday" nor "(Tuesday)", which chrono reads with their marks). */
const WEEKDAY = /(?<![,(（]\s*)(?<![\p{L}\p{N}.-])(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?![\p{L}\p{N}]|\s*[-–/)）])/u;
/** A month named in full, capitalised, alone ("in December", "the January figures"; "May", abbreviations and "October of" go to chrono). */
const MONTH = /(?<![\p{L}\p{N}.-])(January|February|March|April|June|July|August|September|October|November|December)(?![\p{L}\p{N}]|\s*[-–/]|\.\s*\d|\s*of\b)/u;
/** Ordinal words, which chrono reads with a month ("the third of March"). */
const ORDINAL = /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty)\b/i;
const MONTH_NUMBERS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The mention in a window whose only date is a weekday written alone: a bare weekday, read by news convention
 * (`inNewsWeek`). Undefined: ask chrono. The corpus test holds this to chrono's reading.
 */
export function weekdayMention(window: string, offset: number, inNewsWeek: (m: DateMention) => DateMention): DateMention | undefined {
  const m = WEEKDAY.exec(window);
  if (!m || ELSEWHERE.test(window.slice(0, m.index) + ' ' + window.slice(m.index + m[0].length)) || ORDINAL.test(window)) return undefined;
  const start = offset + m.index;
  // The date is the weekday's in the story's week, set by inNewsWeek.
  return inNewsWeek({
    start, end: start + m[0].length, text: m[0], date: { year: 0, month: 1, day: 1 }, granularity: 'day',
    statedWeekday: undefined, yearStated: false, relative: true, explicit: false,
  });
}

/**
 * The mention in a window whose only date is a month named alone ("in December"), in the year news means by it.
 * Undefined: ask chrono. The corpus test holds this to chrono's reading.
 */
export function monthMention(window: string, offset: number, reference: Date, futureAt: (at: number, end: number) => Tense): DateMention | undefined {
  const m = MONTH.exec(window);
  if (!m || ELSEWHERE.test(window.slice(0, m.index) + ' ' + window.slice(m.index + m[0].length)) || ORDINAL.test(window)) return undefined;
  const start = offset + m.index;
  const month = MONTH_NUMBERS.indexOf(m[1].toLowerCase()) + 1;
  const date = { year: newsYear(reference, month, undefined, futureAt(start, start + m[0].length)), month };
  return {
    start, end: start + m[0].length, text: m[0], date, granularity: 'month', statedWeekday: undefined, yearStated: false, relative: true, explicit: true,
  };
}
