import { granularityOf, type CalendarDate } from './calendar';
import { YEAR_IN_CONTEXT } from './chronoParser';
import type { DateMention } from './mentions';
import { periodMatches, type PeriodMatch } from './newsPeriods';
import { plainNumbers } from './plainNumbers';
import { CALENDAR_WORD } from './simpleDates';

/** Words before a date that are not part of it: "in 1991" is the year 1991. */
export const LEADING_WORDS = /^(?:(?:on|in|since|by|until|till|before|after|from|during|throughout|of|at|around|early|late|for|into|through|due|both|either|and|or|founded|established|incorporated|born|going|dating|dates|date|back|to)\s+|mid-\s*)+/i;

const YEAR = /\b(?:1[6-9]|20)\d\d\b/g;
/**
 * Any word in a window, once its years are left out, that chrono could read as (part of) another date, a range or a
 * time: such windows go to chrono (numbers: see `plainNumbers`).
 */
const OTHER_DATE = new RegExp(`\\b(?:${CALENDAR_WORD}|ago|yesterday|tomorrow|today|tonight|now|noon|midnight|week|weekend|fortnight|days?|hours?|minutes?|o'clock|am|pm|a\\.m|p\\.m|within|later|between|(?:years?|months?|quarters?)\\s+(?:before|earlier)|(?:after|before)\\s+(?:this|last|next))\\b`, 'i');
/** A year next to a dash or slash ("2009-10", "mid-1990"), or two years that chrono could join into a range. */
const JOINED = /\d\s*[-–/]|[-–/]\s*\d/;
const RANGE_WORD = /\b(?:to|through|until|till)\b/i;
const YEAR_IN_CONTEXT_ALL = new RegExp(YEAR_IN_CONTEXT.source, 'gi');

/**
 * The dates of a window whose only dates are years in context ("in 1991", "a 2009 analysis", "last year", "the end
 * of the month"), read without chrono (whose cost is per character and parser) exactly as chrono with our parsers
 * and refiners reads them. Undefined: ask chrono. A test compares the two over the corpus.
 */
export function yearWindowMentions(window: string, offset: number, reference: Date, strict = false): DateMention[] | undefined {
  // The words tested are never part of a year: tested on the whole window, as on the window without its years.
  if (JOINED.test(window)) return undefined;
  let periods: PeriodMatch[] | undefined;
  if (OTHER_DATE.test(window) && !(periods = onlyInPeriods(window, reference))) return undefined;
  const years: Array<[number, number]> = [];
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(window); m; m = YEAR.exec(window)) years.push([m.index, m.index + m[0].length]);
  // A number before a period may start a range with it ("from 23 to 25 June last year"): held to the periods too.
  const found = periods ?? periodMatches(window, reference);
  const dates = found.length ? [...years, ...found.map(p => [p.index, end(p)] as const)] : years;
  if (!plainNumbers(window, dates, strict) || (years.length > 1 && RANGE_WORD.test(window))) return undefined;
  const inContext: PeriodMatch[] = [];
  YEAR_IN_CONTEXT_ALL.lastIndex = 0;
  for (let m = YEAR_IN_CONTEXT_ALL.exec(window); m; m = YEAR_IN_CONTEXT_ALL.exec(window)) {
    inContext.push({ index: m.index, text: m[0], year: Number(m[1]), relative: false });
  }
  // As the refiner does: a period of ours gives way to a year that holds it, and takes the place of those it overlaps.
  const ours = found.filter(a => !inContext.some(r => holds(r, a)));
  const kept = inContext.filter(r => !ours.some(a => overlaps(a, r)));
  const out: DateMention[] = [];
  for (const p of [...kept, ...ours].sort((a, b) => a.index - b.index)) {
    if (p.toYear !== undefined) out.push(...rangeEnds(p, offset));
    else {
      const m = toMention(p, offset);
      if (m) out.push(m);
    }
  }
  return out;
}

const end = (r: PeriodMatch): number => r.index + r.text.length;
const overlaps = (a: PeriodMatch, b: PeriodMatch): boolean => a.index < end(b) && b.index < end(a);
const holds = (a: PeriodMatch, b: PeriodMatch): boolean => a.index <= b.index && end(a) >= end(b) && a.text.length > b.text.length;
/** What a period of ours holding a word of OTHER_DATE holds: "last March", "this May", "March last year", "later this month". */
const MONTH_PERIOD_WORD = /\b(?:[Ll]ast|[Nn]ext|[Tt]his)\s+(?:[A-Z]|year\b|month\b)/;
const OTHER_DATE_ALL = new RegExp(OTHER_DATE.source, 'gi');
/** Words next to a period that chrono's refiners read with it ("the end of February last year"). */
const AROUND_PERIOD = /\b(?:end|beginning|start|middle|mid|early|earlier|late|later|day)\b/i;

/**
 * The window's periods of ours, if every word of OTHER_DATE in the window stands inside one of them ("last March",
 * "next May", "March last year") and nothing around them joins them: our refiner puts those periods in the place of
 * whatever chrono reads inside them, so the window reads as one of years and periods. The corpus test holds this to
 * chrono. Undefined otherwise.
 */
function onlyInPeriods(window: string, reference: Date): PeriodMatch[] | undefined {
  if (!MONTH_PERIOD_WORD.test(window)) return undefined;
  const periods = periodMatches(window, reference);
  if (!periods.length) return undefined;
  OTHER_DATE_ALL.lastIndex = 0;
  for (let m = OTHER_DATE_ALL.exec(window); m; m = OTHER_DATE_ALL.exec(window)) {
    const [from, to] = [m.index, m.index + m[0].length];
    if (!periods.some(p => p.index <= from && to <= end(p))) return undefined;
  }
  let rest = '';
  let at = 0;
  for (const p of periods) {
    rest += window.slice(at, p.index) + ' ';
    at = Math.max(at, end(p));
  }
  rest += window.slice(at);
  return OTHER_DATE.test(rest) || AROUND_PERIOD.test(rest) ? undefined : periods;
}

const MONTH_NAMES = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

function toMention(p: PeriodMatch, offset: number): DateMention {
  const lead = LEADING_WORDS.exec(p.text)?.[0].length ?? 0;
  const text = p.text.slice(lead).replace(/[\s,.;:]+$/, '');
  const start = offset + p.index + lead;
  const date: CalendarDate = p.month === undefined ? { year: p.year } : p.day === undefined ? { year: p.year, month: p.month } : { year: p.year, month: p.month, day: p.day };
  if (p.relative) {
    return { start, end: start + text.length, text, date, granularity: granularityOf(date), statedWeekday: undefined, yearStated: false, relative: true, explicit: MONTH_NAMES.test(text) };
  }
  return { start, end: start + text.length, text, date, granularity: 'year', statedWeekday: undefined, yearStated: true, relative: false, explicit: true };
}

function rangeEnds(p: PeriodMatch, offset: number): DateMention[] {
  return yearRangeEnds(p.text, offset + p.index, [p.year, p.toYear!]);
}

/** Each end of a range of years written in `text` (at `at` in the document), a year mention of its own with the range's value. */
export function yearRangeEnds(text: string, at: number, years: readonly number[]): DateMention[] {
  const out: DateMention[] = [];
  const range = years.join('/');
  let from = 0;
  for (const y of years) {
    const year = String(y);
    const found = text.indexOf(year, from);
    if (found < 0) continue;
    from = found + year.length;
    const start = at + found;
    out.push({ start, end: start + year.length, text: year, date: { year: y }, granularity: 'year', statedWeekday: undefined, yearStated: true, relative: false, explicit: true, range });
  }
  return out;
}
