import { granularityOf } from './calendar';
import type { DateMention } from './mentions';
import { mayIsMonth } from './namesNotDates';
import { newsYear } from './newsYear';
import { plainNumbers, wordBetween } from './plainNumbers';
import type { Tense } from './tense';

const MONTH_NUMBER: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH_WORD = '(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const DAY_NUMBER = '(?<day>[1-9]|[12]\\d|3[01])';
const YEAR_NUMBER = '(?<year>(?:1[6-9]|20)\\d\\d)';
/**
 * Not a date of its own after these: a number, a range, a time (chrono takes a word starting "am" or "pm" after a
 * number for one: "on January 15 amounting to"). `joined`: what a joining word after the date may not be followed by.
 */
const nothingJoined = (joined: string): string => `(?![\\p{L}\\p{N}]|[.,]?\\d|\\s*[-–/:]|\\s+(?:to|through|until|till|and|or|&)${joined}|\\s*[ap]\\.?m)`;
/**
 * The commonest dates of news copy, and nothing else: "March 3", "Dec 25th", "July 4, 1987" or "July 4 1987";
 * "25 September", "5 May 2005"; "February 1986", "March, 1987".
 */
const plainDates = (joined: string): RegExp[] => [
  `(?<![\\p{L}\\p{N}.-])${MONTH_WORD} ${DAY_NUMBER}(?:st|nd|rd|th)?(?:,? ${YEAR_NUMBER})?${nothingJoined(joined)}`,
  `(?<![\\p{L}\\p{N}.,/-])${DAY_NUMBER}(?:st|nd|rd|th)? ${MONTH_WORD}(?: ${YEAR_NUMBER})?${nothingJoined(joined)}`,
  `(?<![\\p{L}\\p{N}.-])${MONTH_WORD},? ${YEAR_NUMBER}${nothingJoined(joined)}`,
].map(p => new RegExp(p, 'u'));
/** A joining word after the date not followed by a word in lower case: "May 5 to June 9"; "payable May 1 to holders" is one date. */
const PLAIN_DATES = plainDates('\\s+(?![a-z]+(?![\\p{L}\\p{N}]))');
/** For the day-first reading (see `plainNumbers`): a joining word after the date sends it to chrono. */
const PLAIN_DATES_STRICT = plainDates('\\s');
/** A month's or a weekday's name or abbreviation as chrono reads it: whole words ("money" and "market" are none). */
export const CALENDAR_WORD = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
  + '|sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?';
/** Words chrono could read as (part of) a date or a range that are no part of any date the fast paths read. */
const NOT_PLAIN_WORDS = 'last|next|this|past|ago|today|tonight|now|noon|midnight|weeks?|weekends?|fortnights?|months?|years?|days?|hours?|hrs?|min(?:ute)?s?|sec(?:ond)?s?|qtrs?|quarters?|early|earlier|mid|middle|late|later|end|beginning|start|since|until|till|through|between|o\'clock|am|pm|[ap]\\.m';
const NOT_PLAIN = new RegExp(`\\b(?:${NOT_PLAIN_WORDS})\\b`, 'i');
/** Any word in the rest of the window that chrono could read as (part of) another date or a range (numbers: see `plainNumbers`). */
const ELSEWHERE = new RegExp(`\\b(?:${CALENDAR_WORD}|yesterday|tomorrow|${NOT_PLAIN_WORDS})\\b`, 'i');

/**
 * Whether the fast paths of this file may read the window: a window with a word of NOT_PLAIN holds it outside any date
 * they read, and goes to chrono (or to `yearWindowMentions`) whatever else it holds. A quick test before theirs.
 */
export function mayBePlain(window: string): boolean {
  return !NOT_PLAIN.test(window);
}

/**
 * What the words around a date at `[at, end)` say of its time; `likelyMatters` false when the caller's year is the same
 * for 'likely' as for nothing said (see `TenseReader`).
 */
export type FutureAt = (at: number, end: number, likelyMatters?: boolean) => Tense;

/** What every date of `simpleMention`, `weekdayMention` and `monthMention` holds: a capitalised month's name or its abbreviation, or "…day". */
const MONTH_OR_WEEKDAY = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day/;

/** Whether the window may hold a date of one of the one-date paths (a quick test before theirs; windows of years alone have none). */
export function namesMonthOrWeekday(window: string): boolean {
  return MONTH_OR_WEEKDAY.test(window);
}

/**
 * The mention in a window that holds exactly one plain date (a day of a month, with or without its year, or a month
 * and its year) and nothing else chrono could read as a date, found without chrono (whose cost is per character and
 * parser). Undefined: ask chrono. A test compares the two over the corpus's windows.
 */
export function simpleMention(window: string, offset: number, reference: Date, futureAt: FutureAt = () => false, strict = false): DateMention | undefined {
  let m: RegExpExecArray | null = null;
  for (const form of strict ? PLAIN_DATES_STRICT : PLAIN_DATES) if ((m = form.exec(window))) break;
  if (!m) return undefined;
  const rest = window.slice(0, m.index) + ' ' + window.slice(m.index + m[0].length);
  if (ELSEWHERE.test(rest) || !plainNumbers(window, [[m.index, m.index + m[0].length]], strict)) return undefined;
  return plainDate(m, offset, reference, futureAt);
}

/** The date a match of PLAIN_DATES reads as; undefined for a day its month does not have ("February 30"). */
function plainDate(m: RegExpExecArray, offset: number, reference: Date, futureAt: FutureAt): DateMention | undefined {
  const { month: name, day: dayText, year: yearText } = m.groups!;
  const month = MONTH_NUMBER[name.slice(0, 3).toLowerCase()];
  const day = dayText === undefined ? undefined : Number(dayText);
  const yearStated = yearText !== undefined;
  const year = yearStated ? Number(yearText) : newsYear(reference, month, day, likely => futureAt(offset + m.index, offset + m.index + m[0].length, likely));
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
export function weekdayMention(window: string, offset: number, inNewsWeek: (m: DateMention) => DateMention, strict = false): DateMention | undefined {
  const m = WEEKDAY.exec(window);
  if (!m || ELSEWHERE.test(window.slice(0, m.index) + ' ' + window.slice(m.index + m[0].length)) || ORDINAL.test(window)
    || !plainNumbers(window, [[m.index, m.index + m[0].length]], strict)) return undefined;
  return weekdayAt(m, offset, inNewsWeek);
}

function weekdayAt(m: RegExpExecArray, offset: number, inNewsWeek: (m: DateMention) => DateMention): DateMention {
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
export function monthMention(window: string, offset: number, reference: Date, futureAt: FutureAt, strict = false): DateMention | undefined {
  const m = MONTH.exec(window);
  if (!m || ELSEWHERE.test(window.slice(0, m.index) + ' ' + window.slice(m.index + m[0].length)) || ORDINAL.test(window)
    || !plainNumbers(window, [[m.index, m.index + m[0].length]], strict)) return undefined;
  return monthAt(m, offset, reference, futureAt);
}

function monthAt(m: RegExpExecArray, offset: number, reference: Date, futureAt: FutureAt): DateMention {
  const start = offset + m.index;
  const month = MONTH_NUMBERS.indexOf(m[1].toLowerCase()) + 1;
  const date = { year: newsYear(reference, month, undefined, likely => futureAt(start, start + m[0].length, likely)), month };
  return {
    start, end: start + m[0].length, text: m[0], date, granularity: 'month', statedWeekday: undefined, yearStated: false, relative: true, explicit: true,
  };
}

const NUMBER_WORDS = ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** "two years ago", "6 months ago", "a year ago": a count of days, weeks, months or years before the reference date. */
const AGO = /(?<![\p{L}\p{N}])(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (days?|weeks?|months?|years?) ago(?![\p{L}\p{N}])/iu;
const AGO_WORD = /ago/i;
/** Words before the count that chrono reads with it ("about two years ago", "the past two years", "1 year 2 months"). */
const COUNT_JOINED = /(?:\b(?:about|around|within|the|and|or|of|past|last|next|this|after|few|several|couple|half|an?|some)|[\p{N},.:/-])\s*$/iu;

/**
 * The mention in a window whose only date is a count before the reference date ("two years ago", "a year ago"):
 * the day, month or year chrono reads (its arithmetic on the reference date, month overflow included), as its
 * mention. "a week ago" and "a day ago" go to chrono (it reads them, we keep none). Undefined: ask chrono. The corpus
 * test holds this to chrono's reading.
 */
export function agoMention(window: string, offset: number, reference: Date, strict = false): DateMention | undefined {
  // A plain test first: most windows that get here have no "ago", and AGO's look-behind is tried at every character.
  const m = AGO_WORD.test(window) ? AGO.exec(window) : null;
  if (!m) return undefined;
  const count = m[1].toLowerCase();
  const unit = m[2].toLowerCase().replace(/s$/, '');
  if (count.startsWith('a') && unit !== 'month' && unit !== 'year') return undefined;
  const rest = window.slice(0, m.index) + ' ' + window.slice(m.index + m[0].length);
  if (COUNT_JOINED.test(window.slice(0, m.index)) || ELSEWHERE.test(rest) || ORDINAL.test(window)
    || !plainNumbers(window, [[m.index, m.index + m[0].length]], strict)) return undefined;
  const n = /\d/.test(count) ? Number(count) : Math.max(1, NUMBER_WORDS.indexOf(count === 'an' ? 'a' : count));
  const d = new Date(reference.getTime());
  if (unit === 'year') d.setFullYear(d.getFullYear() - n);
  else if (unit === 'month') d.setMonth(d.getMonth() - n);
  else d.setDate(d.getDate() - (unit === 'week' ? 7 * n : n));
  const date = unit === 'year' ? { year: d.getFullYear() } : unit === 'month' ? { year: d.getFullYear(), month: d.getMonth() + 1 }
    : { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
  const start = offset + m.index;
  return {
    start, end: start + m[0].length, text: m[0], date, granularity: granularityOf(date), statedWeekday: undefined, yearStated: false, relative: true, explicit: false,
  };
}

/** "early", "mid" or "late" before a month's full name ("in late February", "mid-March"): chrono reads the month alone. */
const PART_OF_MONTH = /(?<![\p{L}\p{N}.-])(?:[Ee]arly|[Mm]id|[Ll]ate)(?:-|\s+)(?=(?:January|February|March|April|June|July|August|September|October|November|December)(?![\p{L}\p{N}]))/gu;
const PART_OF_MONTH_WORD = /[Ee]arly|[Mm]id|[Ll]ate/;

/**
 * The window with each "early", "mid" or "late" before a month's full name blanked out (the same length, so offsets
 * hold), to be read by the fast paths as chrono reads it: the month, or the date it starts, without those words.
 * Undefined if the window has none. The corpus test holds the readings of such windows to chrono's.
 */
export function withoutPartOfMonth(window: string): string | undefined {
  if (!PART_OF_MONTH_WORD.test(window)) return undefined;
  PART_OF_MONTH.lastIndex = 0;
  if (!PART_OF_MONTH.test(window)) return undefined;
  return window.replace(PART_OF_MONTH, m => ' '.repeat(m.length));
}

const PLAIN_DATES_ALL = PLAIN_DATES.map(p => new RegExp(p.source, 'gu'));
const WEEKDAY_ALL = new RegExp(WEEKDAY.source, 'gu');
const MONTH_ALL = new RegExp(MONTH.source, 'gu');
/**
 * "May" alone: chrono keeps it only after "in" or before a comma, which it reads with it ("in May", "for May, with";
 * not "May I add", "the May deficit"). A month's name in lower
 * case ("prices may fall", "they march") is never a date to us (chronoMentions).
 */
const MAY_ALL = /(?<![\p{L}\p{N}.-])(May)(?![\p{L}\p{N}]|\s*[-–/]|\.\s*\d|\s*of\b)/gu;
const IN_BEFORE = /\bin\s*$/i;
const COMMA_AFTER = /^\s*,/;
const LOWER_CASE_MONTH_ALL = /(?<![\p{L}\p{N}.-])(?:may|march)(?![\p{L}\p{N}])/gu;
/** "yesterday", "tomorrow", as chrono finds them (between characters that are not word characters). */
const NEXT_DAY_ALL = /(?<![A-Za-z0-9_])(?:yesterday|tomorrow)(?![A-Za-z0-9_])/giu;

/** How the fast paths read a window, for `severalMentions`. */
export interface WindowReading {
  readonly reference: Date;
  readonly futureAt: FutureAt;
  readonly inNewsWeek: (m: DateMention) => DateMention;
}

/** A date found in a window, and its reading: undefined if chrono must read it, null if it reads as no date. */
interface Found { readonly start: number; readonly end: number; readonly read: () => DateMention | undefined | null }

/**
 * The mentions of a window whose dates are each one the fast paths read ("payable April 10 to holders of record
 * March 23", "up 2.3 pct in February from 1.9 pct in January", "said yesterday"), with a word between any two of them
 * (chrono joins only dates next to each other, or across "to", "until", "and" after "between"…) and nothing else
 * chrono could read as a date. Undefined: ask chrono. The corpus test holds this to chrono's reading.
 */
export function severalMentions(window: string, offset: number, how: WindowReading): DateMention[] | undefined {
  if (!mayHoldSeveral(window)) return undefined;
  const found: Found[] = [];
  const each = (pattern: RegExp, read: (m: RegExpExecArray) => DateMention | undefined | null): void => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
      const match = m;
      found.push({ start: m.index, end: m.index + m[0].length, read: () => read(match) });
    }
  };
  for (const form of PLAIN_DATES_ALL) each(form, m => plainDate(m, offset, how.reference, how.futureAt));
  each(WEEKDAY_ALL, m => weekdayAt(m, offset, how.inNewsWeek));
  each(MONTH_ALL, m => monthAt(m, offset, how.reference, how.futureAt));
  each(NEXT_DAY_ALL, m => nextDay(m, offset, how.reference));
  each(MAY_ALL, m => IN_BEFORE.test(window.slice(0, m.index)) || COMMA_AFTER.test(window.slice(m.index + 3)) || mayIsMonth(window, m.index)
    ? monthAt(m, offset, how.reference, how.futureAt) : null);
  each(LOWER_CASE_MONTH_ALL, () => null);
  if (!found.length) return undefined;
  // Longest first where two start together; a match inside another is part of it (chrono keeps the longer).
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) {
      if (f.end <= last.end) continue;
      return undefined;
    }
    if (last && !wordBetween(window.slice(last.end, f.start))) return undefined;
    kept.push(f);
  }
  let rest = '';
  let at = 0;
  for (const f of kept) { rest += window.slice(at, f.start) + ' '; at = f.end; }
  rest += window.slice(at);
  if (ELSEWHERE.test(rest) || ORDINAL.test(window) || !plainNumbers(window, kept.map(f => [f.start, f.end] as const))) return undefined;
  const out: DateMention[] = [];
  for (const f of kept) {
    const m = f.read();
    if (m === undefined) return undefined;
    if (m) out.push(m);
  }
  return out;
}

const CALENDAR_WORD_ALL = new RegExp(`\\b(?:${CALENDAR_WORD})\\b`, 'gi');
const NEXT_DAY = /yesterday|tomorrow/i;
const MAY_OR_VERB = /\b[Mm]ay\b|\bmarch\b/;

/**
 * A quick test, for a window the one-date paths did not read: `severalMentions` may read it only if it names two
 * months or weekdays, or a date only it reads (a test for speed alone: what it reads is what chrono reads).
 */
function mayHoldSeveral(window: string): boolean {
  if (NEXT_DAY.test(window) || MAY_OR_VERB.test(window)) return true;
  CALENDAR_WORD_ALL.lastIndex = 0;
  return CALENDAR_WORD_ALL.exec(window) !== null && CALENDAR_WORD_ALL.exec(window) !== null;
}

/** "yesterday" or "tomorrow": the day before or after the reference date. */
function nextDay(m: RegExpExecArray, offset: number, reference: Date): DateMention {
  const d = new Date(reference.getTime());
  d.setDate(d.getDate() + (m[0].toLowerCase() === 'yesterday' ? -1 : 1));
  const start = offset + m.index;
  return {
    start, end: start + m[0].length, text: m[0], date: { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() }, granularity: 'day',
    statedWeekday: undefined, yearStated: false, relative: true, explicit: false,
  };
}
