import type * as chrono from 'chrono-node';
import { granularityOf, WEEKDAYS, type CalendarDate } from './calendar';
import type { DateMention } from './mentions';
import { RANGE_YEAR_COUNTED, RELATIVE_PERIOD, YEAR_RANGE } from './newsPeriods';
import { newsYear } from './newsYear';
import { simpleMention } from './simpleDates';
import { speaksOfFuture, startsFrom, tenseOf, type Tense } from './tense';
import { isoValue } from './value';
import { betweenDays, DAY_FIRST_END, listedDays } from './listedDays';
import { LEADING_WORDS, yearRangeEnds } from './yearWindows';

// chrono's results as the engine's date mentions: a date, each end of a range, a year or month counted from the
// reference date, a bare weekday by news convention.

const NAMES_A_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?)(?:day)?\b|\d|\byesterday\b|\btomorrow\b/i;
/** "two months ago", "6 years ago", "a year ago" ("a week ago" and "a few days ago" are vague). */
const NUMBER_AGO = /\b(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?|years?)|an?\s+(?:month|year))\s+ago\b/i;
/** Numbers alone are a date only as 2025-05-15 or 15/05/2025 (one separator kind): "9-15/16 pct" is not. */
const NUMERIC_DATE = /^(?:\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([/.-])\d{1,2}\1\d{2,4})$/;
/** Numbers joined by a word of a range: "5-5/16 to 5-9/16", "1/4 through 3/4". */
const NUMBERS_JOINED = /^[\d/.-]+(?:\s+(?:to|through|until|till|and)\s+[\d/.-]+)+$/i;
const RANGE_WORD = /\s+(?:to|through|until|till|and)\s+/i;
/** A year as news writes one: three or four digits, or two after an apostrophe ("the class of '87"). */
const WRITTEN_YEAR = /\d{3,4}|['’]\d\d\b/;
/** A plain date, then the number or lower-case era chrono took for its year: "March 5, 12 banks", "Nov. 8 be subject". */
const UNWRITTEN_YEAR = /^(.*?\d)(?:st|nd|rd|th)?[,\s/]+(?:\d{1,2}|be|bc|ad|ce|bce)$/;
/** Words that give a year by counting from the reference date ("yesterday, March 5", "a year ago"). */
const COUNTED_YEAR = /\b(?:ago|last|next|this|yesterday|tomorrow|today|after|before|later|earlier)\b/i;
/** A month and a two-digit year ("Dec 86"): kept, unless the number is a decimal's ("Feb 48.7"). */
const MONTH_AND_SHORT_YEAR = /^\p{L}+\.?\s+(?:3[2-9]|[4-9]\d)$/u;
/** A month's day written ("May 5", "5th of May"); "Dec 86" is a month and its year. */
const DAY_OF_MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:3[01]|[12]\d|0?[1-9])\b(?!\d|:)|\b(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
/** A month's name or abbreviation written in lower case: in news, a verb ("may", "march"), not a month. */
export const LOWER_CASE_MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\b/;
const CAPITALISED_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)/;
const MONTH_NAMES = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const WEEKDAY_NAMES = WEEKDAYS.map(w => w.toLowerCase());
const WEEKDAY_PREFIXES = WEEKDAY_NAMES.map(w => w.slice(0, 3));

const BARE_WEEKDAY = /^(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?)(?:day)?(?:['’]s)?$/i;
const DAY_MS = 86400000;
const PREVIOUS = /\bthe\s+(?:previous|preceding)\s+$/i;

/**
 * A bare weekday by news convention: the one in the week around the story's date, on or before it ("the CDC said
 * Friday", in a story dated that Friday), or on or after it when the sentence speaks of what is to come ("will meet
 * Thursday").
 */
export function inNewsWeek(m: DateMention, text: string, reference: Date): DateMention {
  const weekday = WEEKDAY_NAMES.findIndex(w => w.startsWith(m.text.slice(0, 3).toLowerCase()));
  const ref = reference.getDay();
  const ahead = (weekday - ref + 7) % 7;
  const back = (ref - weekday + 7) % 7;
  // The coming one when the words say it is to come ("will meet Thursday", "on Monday will set"); the nearer one when
  // they give only the day a change starts from ("effective Wednesday" in a Thursday story is the day before).
  const future = speaksOfFuture(text, m.start, m.end);
  const coming = future !== false && (ahead < back || !startsFrom(text, m.start)) && !eventBefore(text, m);
  let shift = coming ? ahead : -back;
  // "down 4.5% from the previous Friday": the one before the Friday of the story's week.
  if (PREVIOUS.test(text.slice(Math.max(0, m.start - 16), m.start))) shift = -((ref - weekday + 7) % 7) - 7;
  // "a week ago Tuesday": the Tuesday a week before the last one (on or before the story's day); "a week from Tuesday"
  // the one a week after the coming one. Read alone, it was the Tuesday of the story's week.
  const counted = WEEK_COUNTED.exec(text.slice(Math.max(0, m.start - 24), m.start));
  if (counted) shift = /^ago$/i.test(counted[1]) ? -back - 7 : ahead + 7;
  const d = new Date(reference.getTime() + shift * DAY_MS);
  return { ...m, date: { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() } };
}
const WEEK_COUNTED = /\b(?:a|one)\s+week\s+(ago|from)\s+(?:on\s+)?$/i;

/** A passive's agent before a weekday's event: "left homeless by Thursday's earthquake", "strengthened by Monday's". */
const AGENT_BEFORE = /\b\p{L}+(?:ed|en|wn|lt|pt|ft|ught)\s+by\s+$/u;
const POSSESSIVE = /^['’]s\b/;

/**
 * Whether the weekday names the event that caused what the sentence tells, as a passive's agent ("will be hit by
 * Sunday's storm", "the accord strengthened by Monday's meeting"): the event has come, whatever the words of what is
 * to come before it. ("after Sunday's debut" may be either: "will be looking at ratings after Sunday's debut".)
 */
function eventBefore(text: string, m: DateMention): boolean {
  return (POSSESSIVE.test(text.slice(m.end, m.end + 3)) || /['’]s$/.test(m.text)) && AGENT_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start));
}

/** The mentions one chrono result stands for, `offset` placing it in the text. */
export function mentionsOf(r: chrono.ParsedResult, offset: number, text: string, reference: Date): DateMention[] {
  if (r.tags().has(YEAR_RANGE)) return yearRange(r, offset);
  const unwritten = yearNotWritten(r, offset, text, reference);
  if (unwritten) return unwritten;
  if (r.end) return dateRange(r, offset, text, reference);
  const m = toMention(r, offset, text, reference);
  if (!m) return [];
  return BARE_WEEKDAY.test(m.text) ? [inNewsWeek(m, text, reference)] : betweenDays(m, text) ?? listedDays(m, text) ?? [m];
}

/**
 * A year chrono read from a number of one or two digits ("March 5, 12 banks" as 2012, "March 19/20" as 2020,
 * "15-April 20") or from a lower-case era ("Nov. 8 be subject" as 535 BC), or one far ahead ("1.5400 February 23"),
 * is no year written: a plain date before it is read alone, anything else is no date. Undefined: the year is written
 * (in either end of a range), counted ("yesterday", "a year ago"), or not read.
 */
function yearNotWritten(r: chrono.ParsedResult, offset: number, source: string, reference: Date): DateMention[] | undefined {
  if (!r.start.isCertain('year')) return undefined;
  const { lead, text } = wordsOf(r);
  const at = offset + r.index + lead;
  if ((r.start.get('year') as number) > reference.getFullYear() + 200) return [];
  if (!MONTH_NAMES.test(text) || WRITTEN_YEAR.test(text) || COUNTED_YEAR.test(text)) return undefined;
  if (MONTH_AND_SHORT_YEAR.test(text) && !/^[.,]\d/.test(source.slice(at + text.length))) return undefined;
  const tense = (s: number, e: number, likelyMatters?: boolean): Tense => tenseOf(source, s, e, likelyMatters);
  const pair = DAY_TO_MONTH_DAY.exec(text);
  const month = pair && MONTH_BEFORE.exec(source.slice(Math.max(0, at - 12), at));
  if (pair && month) {
    // "March 15-April 20": the month before the first day, which chrono left out, and a range.
    const s = at - month[0].length;
    const a = simpleMention(source.slice(s, at + pair[1].length), s, reference, tense);
    const b = simpleMention(pair[2], at + text.length - pair[2].length, reference, tense);
    if (a && b) {
      const [from, to] = sameYearAs(a, b);
      const range = `${isoValue(from.date)}/${isoValue(to.date)}`;
      return [{ ...from, range }, { ...to, range }];
    }
  }
  const plain = UNWRITTEN_YEAR.exec(text);
  const m = plain && simpleMention(plain[1], at, reference, tense);
  return m ? [m] : [];
}

/** "15-April 20", "15/May 15": chrono's reading of "March 15-April 20", "April 15/May 15" from the first day on. */
const DAY_TO_MONTH_DAY = /^(\d{1,2})\s*[-/–]\s*(\p{Lu}\p{L}+\.?\s+\d{1,2})$/u;
const MONTH_BEFORE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$/;

/** A result's words: without the leading words chrono takes in ("on", "since") and the punctuation after them. */
function wordsOf(r: Pick<chrono.ParsedResult, 'text'>): { lead: number; text: string } {
  // chrono's weekdays take in the marks around them: "(Monday)", ", on Friday", "4 a.m. EDT Thursday)".
  const mark = MARK_BEFORE.exec(r.text)?.[0].length ?? 0;
  const lead = mark + (LEADING_WORDS.exec(r.text.slice(mark))?.[0].length ?? 0);
  const text = r.text.slice(lead).replace(/[\s,.;:]+$/, '');
  return { lead, text: text.includes('(') ? text : text.replace(/\s*[)）]$/, '') };
}
const MARK_BEFORE = /^[,(（]\s*/;

/** The part of a chrono result that `dateRange` reads as one end of a range. */
type ResultPart = Pick<chrono.ParsedResult, 'index' | 'text' | 'start' | 'tags'>;

const BARE_DAY = /^\d{1,2}$/;
/** What follows a number that is an amount: its decimals or thousands, or a unit. */
const AMOUNT_GOES_ON = /^(?:[.,:/]\d|\s*(?:%|pct\b|per\s*cent\b|percent\b|mln\b|bln\b|million\b|billion\b|dlrs\b|dollars\b|tonnes\b|points?\b|cents?\b))/i;

/** A date of numbers at the start of a range: "1987-04-13", "13/04/1987". */
const NUMERIC_AT_START = /^\d{1,4}([-/.])\d{1,2}\1\d{1,4}\b/;
/** The joining words of a range of dates: "May 5 to May 9", "March 3-5", "Monday through Wednesday". */
const RANGE_JOIN = /\s*(?:[-–—]|\b(?:to|through|until|till|and)\b)\s*/i;

/**
 * A range of dates ("May 5 to May 9, 2025", "March 3-5"): each end a mention of its own, checked on its own, both
 * carrying the range's value. An end without its year takes the other end's.
 */
function dateRange(r: chrono.ParsedResult, offset: number, source: string, reference: Date): DateMention[] {
  const lead = LEADING_WORDS.exec(r.text)?.[0].length ?? 0;
  // The join comes after the start: not in "1987-04-13 and May 19", "13-04-1987 to 19-05-1987".
  const skip = NUMERIC_AT_START.exec(r.text.slice(lead))?.[0].length || 1;
  const join = RANGE_JOIN.exec(r.text.slice(lead + skip));
  const first = toMention(r, offset, source, reference);
  if (!join || !r.end) return first ? [first] : [];
  const at = lead + skip + join.index;
  const startPart: ResultPart = { index: r.index, text: r.text.slice(0, at), start: r.start, tags: () => r.tags() };
  const endPart: ResultPart = { index: r.index + at + join[0].length, text: r.text.slice(at + join[0].length), start: r.end, tags: () => r.tags() };
  const weekday = (m: DateMention | undefined): DateMention | undefined => m && BARE_WEEKDAY.test(m.text) ? inNewsWeek(m, source, reference) : m;
  // "19-21 July", "from 19 to 21 July 2024": the start is a day alone, in the end's month.
  const dayFirst = DAY_FIRST_END.test(endPart.text);
  let start = toMention(startPart, offset, source, reference, dayFirst);
  const end = toMention(endPart, offset, source, reference, true);
  // ... and before its end ("2-1 March 5" is a score).
  if (dayFirst && start && end && BARE_DAY.test(start.text) && !(start.date.day! < end.date.day!)) start = undefined;
  // "Monday and Friday" are two days, each read alone; "between Monday and Friday" is a range.
  const spans = !/and/i.test(join[0]) || /\bbetween\s+$/i.test(source.slice(Math.max(0, offset + r.index - 12), offset + r.index + lead));
  const [a, b] = spans && start && end && BARE_WEEKDAY.test(start.text) && BARE_WEEKDAY.test(end.text)
    ? weekdayRange(start, end, source, reference) : [weekday(start), weekday(end)];
  // "rose on March 3 to 4.151 billion dlrs": a number that goes on is an amount, no end of a range.
  if (a && b && BARE_DAY.test(b.text) && AMOUNT_GOES_ON.test(source.slice(b.end, b.end + 16))) return [a];
  if (!a || !b) return first ? [first] : [];
  const [from, to] = sameYearAs(a, b);
  const range = `${isoValue(from.date)}/${isoValue(to.date)}`;
  return [{ ...from, range }, { ...to, range }];
}


/** A mention at day granularity `days` days after `m`'s date (before it, for a negative count). */
function daysAfter(m: DateMention, days: number): DateMention {
  const d = new Date(m.date.year, (m.date.month ?? 1) - 1, (m.date.day ?? 1) + days, 12);
  return { ...m, date: { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() } };
}

/**
 * A range of bare weekdays ("from Friday to Sunday", "Monday through Wednesday"): the start by news convention, the
 * end the first day of its name after it (read alone, "Sunday" in a Saturday story would be the Sunday before, and
 * "through Wednesday" a deadline); told in the past ("were held Monday through Wednesday", in a Tuesday story), a
 * range that would run on past the story's date is the week before.
 */
function weekdayRange(start: DateMention, end: DateMention, source: string, reference: Date): [DateMention, DateMention] {
  const weekdayOf = (m: DateMention): number => WEEKDAY_NAMES.findIndex(w => w.startsWith(m.text.slice(0, 3).toLowerCase()));
  const a = inNewsWeek(start, source, reference);
  const b = daysAfter({ ...end, date: a.date }, (weekdayOf(end) - weekdayOf(start) + 7) % 7 || 7);
  const dayOf = (m: DateMention): number => Date.UTC(m.date.year, m.date.month! - 1, m.date.day!);
  const ref = Date.UTC(reference.getFullYear(), reference.getMonth(), reference.getDate());
  if (dayOf(a) <= ref && dayOf(b) > ref && PAST_BEFORE.test(source.slice(Math.max(0, start.start - 40), start.start))) return [daysAfter(a, -7), daysAfter(b, -7)];
  return [a, b];
}
/** "was", "were" or "had" before a date, in its clause. */
const PAST_BEFORE = /\b(?:was|were|had)\b[^,;:.!?]*$/i;

/**
 * The ends of a range, the one without its year given the other's (a year later when it comes before it in the
 * year). Neither with its year, each read on its own may run backwards ("from May to September shipment" in a story
 * of March 1987, past tense, read September 1986): the end then follows the start, as chrono's own ranges do (in the
 * corpus, the start's reading was the right one five times in six: "the 1987 quota year (January-December)").
 */
function sameYearAs(a: DateMention, b: DateMention): [DateMention, DateMention] {
  const monthDay = (m: DateMention): number => (m.date.month ?? 1) * 100 + (m.date.day ?? 1);
  const backwards = a.date.year * 10000 + monthDay(a) > b.date.year * 10000 + monthDay(b);
  const monthsNamed = MONTH_NAMES.test(a.text) && MONTH_NAMES.test(b.text);
  // "June 1-15": an end that is a day alone is in its other end's month, so in its year (read apart, each end's
  // tense could give it another).
  if (!a.yearStated && !b.yearStated && BARE_DAY.test(b.text)) return [a, { ...b, date: { ...b.date, year: a.date.year + (monthDay(b) < monthDay(a) ? 1 : 0) } }];
  if (a.yearStated === b.yearStated && !(backwards && !a.yearStated && monthsNamed)) return [a, b];
  if (b.yearStated) {
    const year = b.date.year - (monthDay(a) > monthDay(b) ? 1 : 0);
    return [{ ...a, date: { ...a.date, year } }, b];
  }
  const year = a.date.year + (monthDay(b) < monthDay(a) ? 1 : 0);
  return [a, { ...b, date: { ...b.date, year } }];
}

/** `bareDay`: a number alone may be read, as a day of the month chrono gave it (an end of a range: "March 3-5", "19-21 July"). */
function toMention(r: ResultPart, offset: number, source: string, reference: Date, bareDay = false): DateMention | undefined {
  const { lead, text } = wordsOf(r);
  if (r.tags().has(RELATIVE_PERIOD)) return relativePeriod(r, text, offset + r.index + lead);
  if (!text || !(NAMES_A_DATE.test(text) || NUMBER_AGO.test(text))) return undefined;
  // "prices may fall 5 pct", "they march on May 1": a month written in lower case is a verb, not a month.
  if (LOWER_CASE_MONTH_WORD.test(text) && !CAPITALISED_MONTH.test(text)) return undefined;
  if (/\bago\b/i.test(text) && !NUMBER_AGO.test(text)) return undefined;
  // A number alone is a date only as the end of a range ("March 3-5").
  if (/^[\d\s/.-]+$/.test(text) && !NUMERIC_DATE.test(text) && !(bareDay && /^\d{1,2}$/.test(text))) return undefined;
  // Nor are numbers joined as a range: "from 5-5/16 to 5-9/16" is a price, unless both ends are dates.
  if (NUMBERS_JOINED.test(text) && !text.split(RANGE_WORD).every(end => NUMERIC_DATE.test(end))) return undefined;
  const c = r.start;
  const certain = (k: chrono.Component): boolean => c.isCertain(k);
  const resolved = c.date();
  // A month (and day) without its year, read as news means it (chrono takes the nearest).
  const yearless = certain('month') && !certain('year') && !/\b(?:last|next|this|ago)\b/i.test(text) && !r.tags().has(RELATIVE_PERIOD);
  const start = offset + r.index + lead;
  // "the end of December" is the month (as TimeML marks it), not its last day: "end-December" of a source says it.
  const endOfMonth = END_OF.test(text);
  const year = yearless ? newsYear(reference, resolved.getMonth() + 1, certain('day') && !endOfMonth ? resolved.getDate() : undefined, likely => tenseOf(source, start, start + text.length, likely),
    certain('weekday') ? (c.get('weekday') as number) : undefined) : resolved.getFullYear();
  const month = resolved.getMonth() + 1;
  const day = resolved.getDate();
  const lower = text.toLowerCase();
  const namesWeekday = WEEKDAY_PREFIXES.some(w => lower.includes(w));
  let date: CalendarDate;
  if ((certain('day') && !endOfMonth) || DAY_OF_MONTH.test(text) || (certain('weekday') && namesWeekday) || /\byesterday|tomorrow|days?\s+ago\b/i.test(text)) date = { year, month, day };
  else if (certain('month')) date = { year, month };
  else if (certain('year')) date = { year };
  else return undefined;
  const relative = !certain('year') || /\b(?:ago|last|next|this|yesterday|tomorrow)\b/i.test(text) || r.tags().has(RANGE_YEAR_COUNTED);
  const statedWeekday = namesWeekday && certain('day') && MONTH_NAMES.test(text) && c.get('weekday') !== null ? (c.get('weekday') as number) : undefined;
  return {
    start: offset + r.index + lead,
    end: offset + r.index + lead + text.length,
    text,
    date,
    granularity: granularityOf(date),
    statedWeekday,
    yearStated: certain('year') && /\d{4}/.test(text),
    relative,
    // "6 years ago" is counted from the reference date like "six years ago": it names no year.
    explicit: (/\d/.test(text) || MONTH_NAMES.test(text)) && !NUMBER_AGO.test(text),
  };
}

const END_OF = /^(?:the\s+)?end\s+of\s/i;

/** Each end of a range of years ("2009-2010", "from 1998 to 2001") written in full, as a year of its own. */
function yearRange(r: chrono.ParsedResult, offset: number): DateMention[] {
  const ends = [r.start, r.end].filter((c): c is chrono.ParsedComponents => c !== null && c !== undefined);
  return yearRangeEnds(r.text, offset + r.index, ends.map(c => c.get('year') as number));
}

/** "last year", "next March", "the end of the month": a year or month counted from the reference date. */
function relativePeriod(r: ResultPart, text: string, start: number): DateMention {
  const c = r.start;
  const year = c.get('year') as number;
  const month = c.get('month') as number;
  const date: CalendarDate = !c.isCertain('month') ? { year } : c.isCertain('day') ? { year, month, day: c.get('day') as number } : { year, month };
  // "19 April this year" names a day, "last May" a month; "last year" and "next month" name none.
  return { start, end: start + text.length, text, date, granularity: granularityOf(date), statedWeekday: undefined, yearStated: false, relative: true, explicit: MONTH_NAMES.test(text) };
}
