import * as chrono from 'chrono-node';
import { WEEKDAYS } from './calendar';
import { caseless } from './caselessPattern';
import { mayIsMonth } from './namesNotDates';
import { newsPeriods } from './newsPeriods';

const WEEKDAY_NAMES = WEEKDAYS.map(w => w.toLowerCase());

/**
 * chrono-node extended for news text: "on Thursday (15)" / "last Sunday (4)" (weekday with the day of the month in
 * brackets), bare years in context ("in 1991", "since 2022"), and years and months counted from the reference date
 * ("last year", "next March", "earlier this month", "the end of the year").
 */
export function newsChrono(dayFirst: boolean): chrono.Chrono {
  const parser = (dayFirst ? chrono.en.GB : chrono.casual).clone();
  // Day first is for numbers (05/04/2025 is 5 April): "March 11" stays the 11th, where chrono's British reading
  // makes it March 2011 (its middle-endian parser skips a two-digit day, and the month-and-year one takes it).
  if (dayFirst) parser.parsers = parser.parsers.map(p => p.constructor.name === 'ENMonthNameMiddleEndianParser' ? middleEndian(p) : p);
  // Times of day ("at 10:30", "tonight") are never checked, and their patterns were the costliest to run.
  parser.parsers = parser.parsers.filter(p => !TIME_PARSERS.has(p.constructor.name));
  parser.parsers = parser.parsers.map(p => SLOW_TO_COMPILE.has(p.constructor.name) ? withCaselessPattern(p) : p);
  // Time zones belong to times, which are not read ("In 2002 S&N…" is no Sierra-time date).
  parser.refiners = parser.refiners.filter(r => !TIME_ZONE_REFINERS.has(r.constructor.name))
    .map(r => r.constructor.name === 'ENUnlikelyFormatFilter' ? mayAsMonth(r) : r.constructor.name === 'UnlikelyFormatFilter' ? bracketedYears(r) : r);
  parser.parsers.unshift(weekdayWithDayOfMonth, yearInContext);
  // Before chrono joins two dates into a range, vague ones are left out: "the week to Wednesday February 25" is
  // February 25, not a range from a week after the reference date.
  const ranges = parser.refiners.findIndex(r => r.constructor.name === 'ENMergeDateRangeRefiner');
  if (ranges >= 0) parser.refiners.splice(ranges, 0, vagueLeftOut, betweenRanges(parser.refiners[ranges] as unknown as RangeMerger));
  parser.refiners.push(newsPeriods);
  return parser;
}

/**
 * chrono keeps a bare "May" only after "in" (it is a verb, or a name: "Theresa May"): "since May", "until May", "late
 * May", "the end of May" and "May's figures" are the month too. Read as one, after a word of time that a name never
 * follows ("backed by May", "a blow for May" and "May's cabinet" stay out). Names are left out again later
 * (`namesNotDates`).
 */
function mayAsMonth(filter: chrono.Refiner): chrono.Refiner {
  return alsoKeeping(filter, (text, r) => r.text === 'May' && mayIsMonth(text, r.index));
}

/** chrono's filter of bare numbers, which keeps a year alone in brackets ("Wheels (1971)", read by `yearInContext`). */
function bracketedYears(filter: chrono.Refiner): chrono.Refiner {
  return alsoKeeping(filter, (text, r) => /^(?:1[6-9]|20)\d\d$/.test(r.text) && text[r.index - 1] === '(' && text[r.index + 4] === ')'
    && !CLOCK_BEFORE.test(text.slice(Math.max(0, r.index - 24), r.index - 1)));
}

/** A time of day right before a bracket: "at 4:30 pm (1630)" is a time, no year. */
const CLOCK_BEFORE = /\d(?::\d\d)?\s*(?:[ap]\.?m\.?|hours?|hrs|gmt|bst|edt|est|local\s+time)?\s*$/i;

/** One of chrono's filters, which also keeps the results `keep` accepts. */
function alsoKeeping(filter: chrono.Refiner, keep: (text: string, r: chrono.ParsingResult) => boolean): chrono.Refiner {
  return {
    refine: (context, results) => {
      const kept = filter.refine(context, results);
      if (kept.length === results.length) return kept;
      const keptSet = new Set(kept);
      return results.filter(r => keptSet.has(r) || keep(context.text, r));
    },
  };
}

/** chrono's parser of "March 11" and "March 11, 2025", made as its casual English reads them (no year-like day skipped). */
function middleEndian(british: chrono.Parser): chrono.Parser {
  const Parser = british.constructor as new (shouldSkipYearLikeDate: boolean) => chrono.Parser;
  return new Parser(false);
}

/**
 * What a text holds that some parsers need in order to match at all, each tested by a substring that every match of
 * those parsers contains: a digit, a month's or a weekday's name (or its abbreviation), the words after a span ("two
 * days ago", "a week later"), chrono's casual days, the words of its relative dates ("last week").
 */
const FEATURES: readonly RegExp[] = [
  /\d/,
  /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  /sun|mon|tue|wed|thu|fri|sat/i,
  /ago|before|earlier/i,
  /later|after|from\s*now|henceforth|forward|out/i,
  /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|last\s*night/i,
  /this|last|past|next|after/i,
];
const [DIGIT, MONTH, WEEKDAY, AGO, LATER, CASUAL, RELATIVE] = FEATURES.map((_, i) => 1 << i);
/** Every feature: the parser with all its parsers. */
export const ALL_FEATURES = (1 << FEATURES.length) - 1;

/** The features of `text` (see FEATURES), as bits. */
export function featuresOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < FEATURES.length; i++) if (FEATURES[i].test(text)) bits |= 1 << i;
  return bits;
}

/** The features each parser needs (all of them) to match; a parser not listed here always runs. */
const NEEDS: Record<string, number> = {
  ENYearMonthDayParser: DIGIT, ISOFormatParser: DIGIT, SlashDateFormatParser: DIGIT, ENSlashMonthFormatParser: DIGIT,
  ENMonthNameLittleEndianParser: MONTH, ENMonthNameMiddleEndianParser: MONTH, ENMonthNameParser: MONTH, ENYearMonthNameParser: DIGIT | MONTH,
  ENWeekdayParser: WEEKDAY, ENTimeUnitAgoFormatParser: AGO, ENTimeUnitLaterFormatParser: LATER, ENCasualDateParser: CASUAL,
  ENRelativeDateFormatParser: RELATIVE,
};

const subsets = new Map<string, chrono.Chrono>();

/**
 * `newsChrono` without the parsers that cannot match a text of these features: the same results (a parser that
 * cannot match adds none, and the others keep their order), at a fraction of the cost, which is per parser and
 * character.
 */
export function newsChronoFor(dayFirst: boolean, features: number): chrono.Chrono {
  const key = `${dayFirst}/${features}`;
  let parser = subsets.get(key);
  if (!parser) {
    const all = newsChrono(dayFirst);
    const needs = (p: chrono.Parser): number => OURS.get(p) ?? NEEDS[p.constructor.name] ?? 0;
    subsets.set(key, (parser = new chrono.Chrono({ parsers: all.parsers.filter(p => (needs(p) & features) === needs(p)), refiners: all.refiners })));
  }
  return parser;
}

/** Words that make a result a specific date (as the extraction asks); "now", "in the week", "today" have none. */
const SPECIFIC = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat|yesterday|tomorrow|ago\b)/i;

/** A time counted from an event, not from the story, left alone by the date it counts from: "two years later", "£75m after". */
const COUNTED_FROM_EVENT = /\b(?:later|after|from now)$/i;

const vagueLeftOut: chrono.Refiner = { refine: (_, results) => results.filter(r => SPECIFIC.test(r.text) && !COUNTED_FROM_EVENT.test(r.text.trimEnd())) };

/** chrono's own merge of two dates into a range ("March 3 to March 9"): the ends take each other's missing parts. */
interface RangeMerger {
  mergeResults(textBetween: string, from: chrono.ParsingResult, to: chrono.ParsingResult): chrono.ParsingResult;
}

/** "between" just before a date: "between Feb 17 and March 9" is a range, "on Feb 17 and March 9" two dates. */
const BETWEEN_BEFORE = /\bbetween\s+$/i;
/** An end of a range names a month, a weekday or a year ("5-5/16 and 5-9/16 pct" are prices). */
const RANGE_END = /\p{L}{3}|\b(?:1[6-9]|20)\d\d\b/u;
/**
 * "between July 1986 and February this year": the end is read later (newsPeriods, after the ranges), and would take
 * the place of the range: such ends stay dates of their own.
 */
const YEAR_COUNTED_AFTER = /^\s*(?:last|this|next)\s+year\b/i;

/**
 * "between Feb 17 and March 9", "between January 1985 and March 1986": a range, merged as chrono merges "from … to
 * …" (which it reads itself; "and" alone joins two dates of a list, so only after "between").
 */
function betweenRanges(merger: RangeMerger): chrono.Refiner {
  return {
    refine: (context, results) => {
      const out: chrono.ParsingResult[] = [];
      for (let i = 0; i < results.length; i++) {
        const a = results[i];
        const b = results[i + 1];
        if (b && !a.end && !b.end) {
          const between = context.text.slice(a.index + a.text.length, b.index);
          if (/^\s*and\s*$/i.test(between) && BETWEEN_BEFORE.test(context.text.slice(Math.max(0, a.index - 12), a.index))
            && RANGE_END.test(a.text) && RANGE_END.test(b.text) && !YEAR_COUNTED_AFTER.test(context.text.slice(b.index + b.text.length, b.index + b.text.length + 16))) {
            out.push(merger.mergeResults(between, a, b));
            i++;
            continue;
          }
        }
        out.push(a);
      }
      return out;
    },
  };
}

/**
 * Parsers whose patterns V8 took about 200 ms each to compile (case-insensitive, a time unit repeated up to eleven
 * times), paid on the first check of a process: read by the same pattern written without the `i` flag (`caseless`).
 */
const SLOW_TO_COMPILE = new Set(['ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser']);
const caselessParsers = new Map<chrono.Parser, chrono.Parser>();

/** `parser` matching by its pattern made caseless, once per parser (all the parser subsets share it). */
function withCaselessPattern(parser: chrono.Parser): chrono.Parser {
  let caselessParser = caselessParsers.get(parser);
  if (caselessParser) return caselessParser;
  let original: RegExp | undefined;
  let rewritten: RegExp | undefined;
  caselessParser = {
    pattern: context => {
      const pattern = parser.pattern(context);
      if (pattern !== original) rewritten = caseless((original = pattern));
      return rewritten!;
    },
    extract: (context, match) => parser.extract(context, match),
  };
  caselessParsers.set(parser, caselessParser);
  OURS.set(caselessParser, NEEDS[parser.constructor.name] ?? 0);
  return caselessParser;
}

/** Times of day and spans ("within 3 days", "for 1986 qtr" read as 1,986 quarters, "the last 10 days of March"): no date to check. */
const TIME_PARSERS = new Set(['ENTimeExpressionParser', 'ENCasualTimeParser', 'ENTimeUnitWithinFormatParser', 'ENTimeUnitCasualRelativeFormatParser', 'ENEndOfCurrentMonthParser']);
const TIME_ZONE_REFINERS = new Set(['ExtractTimezoneAbbrRefiner', 'ExtractTimezoneOffsetRefiner']);

const weekdayWithDayOfMonth: chrono.Parser = {
  pattern: () => /\b(last\s+|next\s+|this\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\s*\((\d{1,2})\)/i,
  extract: (context, match) => {
    const weekday = WEEKDAY_NAMES.indexOf(match[2].toLowerCase());
    const day = Number(match[3]);
    const found = nearestMonthWith(context.reference.instant, weekday, day, (match[1] ?? '').trim().toLowerCase());
    if (!found) return null;
    return context.createParsingComponents({ year: found.getFullYear(), month: found.getMonth() + 1, day, weekday });
  },
};

/** The date nearest `ref` that is day `day` of its month and falls on `weekday` ("last": before, "next": after). */
function nearestMonthWith(ref: Date, weekday: number, day: number, direction: string): Date | undefined {
  if (day < 1 || day > 31) return undefined;
  let best: Date | undefined;
  for (let offset = -7; offset <= 7; offset++) {
    const d = new Date(ref.getFullYear(), ref.getMonth() + offset, day, 12);
    if (d.getDate() !== day || d.getDay() !== weekday) continue;
    if (direction === 'last' && d.getTime() > ref.getTime()) continue;
    if (direction === 'next' && d.getTime() < ref.getTime()) continue;
    if (!best || Math.abs(d.getTime() - ref.getTime()) < Math.abs(best.getTime() - ref.getTime())) best = d;
  }
  return best;
}

/**
 * A year after a word that makes it a time, or alone in brackets: "in 1991", "since 2022", "fiscal 1989", "calendar
 * 1987", "founded 1962", "Wheels (1971)", "going back to 1975" (not "in 2000 shares"; not "the year was 1979", which
 * may be a count); never a decade's "the 1980's". After a comparison, "as early as", or before "'s" or "levels", a
 * number may be a count, a time, a price or a name's as well as a year ("higher than 1870", "as late as 1700 on
 * Friday", "Flight 1907's crew", "back to 1800 levels"): no year (reviews 32, 32b, 32c).
 */
export const YEAR_IN_CONTEXT = new RegExp(String.raw`\b(?:(?:in|since|by|until|till|before|after|from|during|throughout|early|late|mid-|of|around|for|into|through|fiscal|calendar|due)\s+(?:both\s+|either\s+)?|(?:founded|established|incorporated|born)\s+|(?:going|dating|dates|date)\s+back\s+to\s+|mid-|(?<=(?<!\d(?::\d\d)?\s*(?:[ap]\.?m\.?|hours?|hrs|gmt|bst|edt|est|local\s+time)?\s*)\())((?:1[6-9]|20)\d\d)(?:(?<=\(\d{4})(?=\)(?!\s*(?:ltd|limited|inc|plc|co|corp|llc)\b))|(?<!\(\d{4}))\b(?![-/.,]\d|(?<=0)['’]s\b|\s*(?:pct|percent|per\s+cent|%|mln|bln|million|billion|tonnes|dlrs|dollars|shares|people|troops|barrels|bags|units|jobs|gmt|utc|bst|est|edt|cet|cest|hrs|local\s+time)\b)`, 'i');

const yearInContext: chrono.Parser = {
  pattern: () => YEAR_IN_CONTEXT,
  extract: (context, match) => context.createParsingComponents({ year: Number(match[1]) }),
};

const OURS = new Map<chrono.Parser, number>([[weekdayWithDayOfMonth, DIGIT | WEEKDAY], [yearInContext, DIGIT]]);
