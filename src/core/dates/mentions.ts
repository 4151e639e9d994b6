import type * as chrono from 'chrono-node';
import { granularityOf, WEEKDAYS, type CalendarDate, type Granularity } from './calendar';
import { newsChrono } from './chronoParser';
import { RELATIVE_PERIOD, YEAR_RANGE } from './newsPeriods';
import { lastYearAsQuarter, periodMentions } from './periodMentions';
import { newsYear } from './newsYear';
import { isoValue } from './value';
import { simpleMention } from './simpleDates';
import { LEADING_WORDS, yearWindowMentions } from './yearWindows';
import { abbreviationBefore } from './abbreviations';
import { speaksOfFuture } from './tense';

/** A date written in a text, resolved to the calendar. */
export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly date: CalendarDate;
  readonly granularity: Granularity;
  /** The weekday the text names (0 = Sunday), when it names one next to a full date. */
  readonly statedWeekday?: number;
  readonly yearStated: boolean;
  /** Resolved against the reference date ("yesterday", "last Sunday", "two months ago", a date without its year). */
  readonly relative: boolean;
  /** Names a month, a year or a day number; "on Tuesday" or "yesterday" alone does not. */
  readonly explicit: boolean;
  /**
   * A loose reference to the time around the story ("today", which may mean our time; "this week", "the current
   * quarter", "by year-end"): checked only against a source that contradicts it, never reported unsupported.
   */
  readonly loose?: boolean;
  /** For each end of a range ("May 5 to May 9", "2009-2010"): the whole range's value, `2025-05-05/2025-05-09`. */
  readonly range?: string;
}

export interface MentionOptions {
  readonly reference: Date;
  readonly dayFirst?: boolean;
  /** Send every window to chrono, even plain "March 3" ones (for the test that compares the two). */
  readonly chronoOnly?: boolean;
  /** Also return vague references ("now", "recently": granularity `vague`), which are never checked. */
  readonly vague?: boolean;
}

/** Cheap pre-filter: only sentences with one of these can hold a date worth checking, so chrono sees little text. */
const MAYBE_DATE = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|yesterday|tomorrow|ago|(?:last|next)\s+(?:year|month)|(?:(?:earl(?:y|ier)|later?)\s+)?this\s+(?:year|month)|(?:end|beginning|start|middle)\s+of\s+(?:the|this|last|next)\s+(?:year|month)|(?:1[6-9]|20)\d\d|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})\b/i;
const NAMES_A_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?)(?:day)?\b|\d|\byesterday\b|\btomorrow\b/i;
/** "two months ago", "6 years ago", "a year ago" ("a week ago" and "a few days ago" are vague). */
const NUMBER_AGO = /\b(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?|years?)|an?\s+(?:month|year))\s+ago\b/i;
/** Numbers alone are a date only as 2025-05-15 or 15/05/2025 (one separator kind): "9-15/16 pct" is not. */
const NUMERIC_DATE = /^(?:\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([/.-])\d{1,2}\1\d{2,4})$/;
const DAY_OF_MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b(?!\d|:)|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const MONTH_NAMES = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const WEEKDAY_NAMES = WEEKDAYS.map(w => w.toLowerCase());

const parsers = new Map<boolean, chrono.Chrono>();
function parserFor(dayFirst: boolean): chrono.Chrono {
  let p = parsers.get(dayFirst);
  if (!p) parsers.set(dayFirst, (p = newsChrono(dayFirst)));
  return p;
}

/** Every specific date in `text[from..to)`; vague references ("recently", "now") only when asked for. */
export function extractDates(text: string, options: MentionOptions, from = 0, to = text.length): DateMention[] {
  return extractDatesIn(text, sentences(text, from, to), options);
}

/**
 * Every specific date in the given sentences of `text` (in order, as `sentences` splits them), in one scan of the
 * text for likely dates and one chrono call: chrono's cost is mostly per call, and a scan per sentence would read
 * on to the next likely date each time.
 */
export function extractDatesIn(text: string, within: ReadonlyArray<readonly [number, number]>, options: MentionOptions): DateMention[] {
  const all = withPeriods(chronoDates(text, within, options), periodMentions(text, within, options.reference, options.vague ?? false));
  return all.map(m => (m.relative && m.granularity === 'year' && lastYearAsQuarter(text, m, options.reference)) || m);
}

/**
 * The dates chrono reads and the periods read apart, in text order: a period replaces the dates it holds ("the
 * third quarter of 1989" holds "1989"; "a year ago" read as a quarter replaces chrono's year); a period that
 * overlaps a date without holding it gives way.
 */
function withPeriods(dates: DateMention[], periods: DateMention[]): DateMention[] {
  if (!periods.length) return dates;
  const out: DateMention[] = [];
  let i = 0;
  for (const p of periods) {
    while (i < dates.length && dates[i].end <= p.start) out.push(dates[i++]);
    let j = i;
    while (j < dates.length && dates[j].start < p.end && dates[j].start >= p.start && dates[j].end <= p.end) j++;
    if (j < dates.length && dates[j].start < p.end) continue; // overlaps a date it does not hold
    i = j;
    out.push(p);
  }
  while (i < dates.length) out.push(dates[i++]);
  return out;
}

function chronoDates(text: string, within: ReadonlyArray<readonly [number, number]>, options: MentionOptions): DateMention[] {
  const windows: Array<[number, number]> = [];
  const likely: Array<[number, number]> = [];
  let m: RegExpExecArray | null = null;
  for (const [s, e] of within) {
    if (!m || m.index < s) {
      MAYBE_DATE_ALL.lastIndex = s;
      m = MAYBE_DATE_ALL.exec(text);
      if (!m) break;
    }
    likely.length = 0;
    for (; m && m.index < e; m = MAYBE_DATE_ALL.exec(text)) likely.push([m.index, m.index + m[0].length]);
    if (likely.length) windows.push(...dateWindows(text, s, e, likely));
    if (!m) break;
  }
  if (!windows.length) return [];
  const out: DateMention[] = [];
  // Plain "March 3" windows need no chrono; the others go to one chrono call, joined by a separator no parser or
  // refiner reads across (chrono's cost is mostly per call, not per character).
  const hard: Array<[number, number]> = [];
  for (const [s, e] of windows) {
    const window = text.slice(s, e);
    const simple = options.chronoOnly ? undefined : simpleMention(window, s, options.reference, at => speaksOfFuture(text, at));
    const years = simple || options.chronoOnly ? undefined : yearWindowMentions(window, s, options.reference);
    if (simple) out.push(simple);
    else if (years) out.push(...years);
    else hard.push([s, e]);
  }
  if (!hard.length) return out;
  const simpleCount = out.length;
  // Batches of windows, each one chrono call: the per-call cost is spread over a batch, and chrono's refiners, which
  // compare each result with the earlier ones, never see more than a batch's results.
  for (let first = 0; first < hard.length;) {
    let last = first;
    let chars = 0;
    while (last < hard.length && (last === first || chars + hard[last][1] - hard[last][0] <= BATCH_CHARS)) {
      chars += hard[last][1] - hard[last][0] + WINDOW_SEPARATOR.length;
      last++;
    }
    parseBatch(text, hard.slice(first, last), options, out);
    first = last;
  }
  return simpleCount && out.length > simpleCount ? out.sort((a, b) => a.start - b.start) : out;
}

const WINDOW_SEPARATOR = '\n\n¶¶\n\n';
/** Characters of windows per chrono call. */
const BATCH_CHARS = 4000;

/** One chrono call over some windows of `text`, joined by a separator no parser or refiner reads across. */
function parseBatch(text: string, windows: ReadonlyArray<[number, number]>, options: MentionOptions, out: DateMention[]): void {
  const at: number[] = [];
  const joined: string[] = [];
  let length = 0;
  for (const [s, e] of windows) {
    at.push(length);
    joined.push(text.slice(s, e));
    length += e - s + WINDOW_SEPARATOR.length;
  }
  let w = 0;
  for (const r of parserFor(options.dayFirst ?? false).parse(joined.join(WINDOW_SEPARATOR), options.reference)) {
    while (w + 1 < at.length && at[w + 1] <= r.index) w++;
    while (w > 0 && at[w] > r.index) w--;
    const [s, e] = windows[w];
    // chrono's text may take in trailing white space (of the separator); anything more crossed into another window.
    if (r.index + r.text.trimEnd().length > at[w] + (e - s)) continue;
    if (r.tags().has(YEAR_RANGE)) out.push(...yearRange(r, s - at[w]));
    else if (r.end) out.push(...dateRange(r, s - at[w], text, options.reference));
    else {
      const m = toMention(r, s - at[w], text, options.reference);
      if (m) out.push(BARE_WEEKDAY.test(m.text) ? inNewsWeek(m, text, options.reference) : m);
    }
  }
}

const BARE_WEEKDAY = /^(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?)(?:day)?(?:['’]s)?$/i;
const DAY_MS = 86400000;

/**
 * A bare weekday by news convention: the one in the week around the story's date, on or before it ("the CDC said
 * Friday", in a story dated that Friday), or on or after it when the sentence speaks of what is to come ("will meet
 * Thursday").
 */
function inNewsWeek(m: DateMention, text: string, reference: Date): DateMention {
  const weekday = WEEKDAY_NAMES.findIndex(w => w.startsWith(m.text.slice(0, 3).toLowerCase()));
  const ref = reference.getDay();
  const shift = speaksOfFuture(text, m.start) ? (weekday - ref + 7) % 7 : -((ref - weekday + 7) % 7);
  const d = new Date(reference.getTime() + shift * DAY_MS);
  return { ...m, date: { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() } };
}

const MAYBE_DATE_ALL = new RegExp(MAYBE_DATE.source, 'gi');
/** Characters of context kept on each side of a word that may start or end a date ("two months ago", "in 1991"). */
const WINDOW = 16;
/** Windows merge up to this many characters: a run of likely dates ("May,May,May…") is read in pieces, not whole. */
const MAX_WINDOW = 512;

/**
 * The parts of a sentence chrono needs to see: each word the pre-filter found in it (`likely`, found by one scan of
 * the whole text: a scan per sentence would read on to the next match each time), with enough context on both sides
 * for the longest date expressions, cut at spaces and merged where they overlap. chrono's cost grows with the
 * text it scans, and most of a sentence holds no date.
 */
function dateWindows(text: string, from: number, to: number, likely: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [ms, me] of likely) {
    let s = Math.max(from, ms - WINDOW);
    let e = Math.min(to, me + WINDOW);
    // Cut at a space, but never read more than WINDOW more characters looking for one ("May,May,May…").
    const floor = Math.max(from, s - WINDOW);
    const ceiling = Math.min(to, e + WINDOW);
    while (s > floor && !/\s/.test(text[s - 1])) s--;
    while (e < ceiling && !/\s/.test(text[e])) e++;
    const last = out[out.length - 1];
    if (last && s <= last[1] && e - last[0] <= MAX_WINDOW) last[1] = Math.max(last[1], e);
    else if (last && s < last[1]) out.push([last[1], Math.max(last[1], e)]);
    else out.push([s, e]);
  }
  return out;
}

/** The part of a chrono result that `dateRange` reads as one end of a range. */
type ResultPart = Pick<chrono.ParsedResult, 'index' | 'text' | 'start' | 'tags'>;

/** The joining words of a range of dates: "May 5 to May 9", "March 3-5", "Monday through Wednesday". */
const RANGE_JOIN = /\s*(?:[-–—]|\b(?:to|through|until|till|and)\b)\s*/i;

/**
 * A range of dates ("May 5 to May 9, 2025", "March 3-5"): each end a mention of its own, checked on its own, both
 * carrying the range's value. An end without its year takes the other end's.
 */
function dateRange(r: chrono.ParsedResult, offset: number, source: string, reference: Date): DateMention[] {
  const lead = LEADING_WORDS.exec(r.text)?.[0].length ?? 0;
  const join = RANGE_JOIN.exec(r.text.slice(lead + 1));
  const first = toMention(r, offset, source, reference);
  if (!join || !r.end) return first ? [first] : [];
  const at = lead + 1 + join.index;
  const startPart: ResultPart = { index: r.index, text: r.text.slice(0, at), start: r.start, tags: () => r.tags() };
  const endPart: ResultPart = { index: r.index + at + join[0].length, text: r.text.slice(at + join[0].length), start: r.end, tags: () => r.tags() };
  const weekday = (m: DateMention | undefined): DateMention | undefined => m && BARE_WEEKDAY.test(m.text) ? inNewsWeek(m, source, reference) : m;
  const a = weekday(toMention(startPart, offset, source, reference));
  const b = weekday(toMention(endPart, offset, source, reference, true));
  if (!a || !b) return first ? [first] : [];
  const [from, to] = sameYearAs(a, b);
  const range = `${isoValue(from.date)}/${isoValue(to.date)}`;
  return [{ ...from, range }, { ...to, range }];
}

/** The ends of a range, the one without its year given the other's (a year later when it comes before it in the year). */
function sameYearAs(a: DateMention, b: DateMention): [DateMention, DateMention] {
  const monthDay = (m: DateMention): number => (m.date.month ?? 1) * 100 + (m.date.day ?? 1);
  if (a.yearStated === b.yearStated) return [a, b];
  if (b.yearStated) {
    const year = b.date.year - (monthDay(a) > monthDay(b) ? 1 : 0);
    return [{ ...a, date: { ...a.date, year } }, b];
  }
  const year = a.date.year + (monthDay(b) < monthDay(a) ? 1 : 0);
  return [a, { ...b, date: { ...b.date, year } }];
}

function toMention(r: ResultPart, offset: number, source: string, reference: Date, rangeEnd = false): DateMention | undefined {
  const lead = LEADING_WORDS.exec(r.text)?.[0].length ?? 0;
  const text = r.text.slice(lead).replace(/[\s,.;:]+$/, '');
  if (r.tags().has(RELATIVE_PERIOD)) return relativePeriod(r, text, offset + r.index + lead);
  if (!text || !(NAMES_A_DATE.test(text) || NUMBER_AGO.test(text))) return undefined;
  if (/\bago\b/i.test(text) && !NUMBER_AGO.test(text)) return undefined;
  // A number alone is a date only as the end of a range ("March 3-5").
  if (/^[\d\s/.-]+$/.test(text) && !NUMERIC_DATE.test(text) && !(rangeEnd && /^\d{1,2}$/.test(text))) return undefined;
  const c = r.start;
  const certain = (k: chrono.Component): boolean => c.isCertain(k);
  const resolved = c.date();
  // A month (and day) without its year, read as news means it (chrono takes the nearest).
  const yearless = certain('month') && !certain('year') && !/\b(?:last|next|this|ago)\b/i.test(text) && !r.tags().has(RELATIVE_PERIOD);
  const start = offset + r.index + lead;
  const year = yearless ? newsYear(reference, resolved.getMonth() + 1, certain('day') ? resolved.getDate() : undefined, speaksOfFuture(source, start),
    certain('weekday') ? (c.get('weekday') as number) : undefined) : resolved.getFullYear();
  const month = resolved.getMonth() + 1;
  const day = resolved.getDate();
  const namesWeekday = WEEKDAY_NAMES.some(w => text.toLowerCase().includes(w.slice(0, 3)));
  let date: CalendarDate;
  if (certain('day') || DAY_OF_MONTH.test(text) || (certain('weekday') && namesWeekday) || /\byesterday|tomorrow|days?\s+ago\b/i.test(text)) date = { year, month, day };
  else if (certain('month')) date = { year, month };
  else if (certain('year')) date = { year };
  else return undefined;
  const relative = !certain('year') || /\b(?:ago|last|next|this|yesterday|tomorrow)\b/i.test(text);
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

/** Each end of a range of years ("2009-2010", "from 1998 to 2001") written in full, as a year of its own. */
function yearRange(r: chrono.ParsedResult, offset: number): DateMention[] {
  const out: DateMention[] = [];
  const ends = [r.start, r.end].filter((c): c is chrono.ParsedComponents => c !== null && c !== undefined);
  const range = ends.map(c => String(c.get('year'))).join('/');
  let from = 0;
  for (const c of ends) {
    const year = String(c.get('year'));
    const at = r.text.indexOf(year, from);
    if (at < 0) continue;
    from = at + year.length;
    const start = offset + r.index + at;
    const date: CalendarDate = { year: Number(year) };
    out.push({ start, end: start + year.length, text: year, date, granularity: 'year', statedWeekday: undefined, yearStated: true, relative: false, explicit: true, range });
  }
  return out;
}

/** "last year", "next March", "the end of the month": a year or month counted from the reference date. */
function relativePeriod(r: ResultPart, text: string, start: number): DateMention {
  const c = r.start;
  const year = c.get('year') as number;
  const date: CalendarDate = c.isCertain('month') ? { year, month: c.get('month') as number } : { year };
  // "last May" names a month; "last year" and "next month" name none.
  return { start, end: start + text.length, text, date, granularity: granularityOf(date), statedWeekday: undefined, yearStated: false, relative: true, explicit: MONTH_NAMES.test(text) };
}

/**
 * [start, end) of the sentences of `text[from..to)`: split after . ! ? before a capital, and at line breaks, but not
 * after an abbreviation that news writes before a name or a day ("Dr. Jhung", "Feb. 28", "U.S. officials").
 */
export function sentences(text: string, from = 0, to = text.length): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const boundary = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])|\n\s*/g;
  boundary.lastIndex = from;
  let start = from;
  for (let m = boundary.exec(text); m && m.index < to; m = boundary.exec(text)) {
    if (m[0].length > 1 && m[0][0] === '.' && !m[0].includes('\n') && abbreviationBefore(text, m.index, start)) continue;
    const end = m.index + (m[0].startsWith('\n') ? 0 : m[0].trimEnd().length);
    if (end > start) out.push([start, end]);
    start = m.index + m[0].length;
  }
  if (to > start) out.push([start, to]);
  return out;
}
