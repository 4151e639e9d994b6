import { granularityOf, isoWeekOf, type CalendarDate } from './calendar';
import type { DateMention } from './mentions';
import { readBefore, wordsBefore, yearAfter, type ScanState } from './periodWords';
import { newsYear } from './newsYear';
import { forEachMatchWithin } from './sentences';
import { spokenYearAt } from './spokenYears';
import { speaksOfFuture, type Future } from './tense';
import { vagueReference } from './vagueReferences';

/**
 * Dates that chrono does not read, found by one scan for their head word and read from the words around it: quarters
 * and halves ("the third quarter", "third-quarter", "the year-ago quarter", "the first half of 2013"), seasons ("last
 * summer"), decades ("the 1990s"), weeks ("last week", "the weekend"), "today", "a year earlier" and, when asked for,
 * vague references ("now", "recently", "the future": TimeML's PRESENT_REF, PAST_REF, FUTURE_REF, never checked).
 */
export function periodMentions(text: string, within: ReadonlyArray<readonly [number, number]>, reference: Date, vague: boolean): DateMention[] {
  const head = vague ? HEAD_OR_VAGUE : HEAD;
  const state: ScanState = { text, reference };
  const out: DateMention[] = [];
  forEachMatchWithin(head, text, within, (m, s, e) => {
    const found = readHead(state, m, s, e);
    if (!found) return;
    const last = out[out.length - 1];
    if (last && found.start < last.end) {
      // Overlapping readings ("year-earlier" inside "the year-earlier quarter"): the longer one.
      if (found.end - found.start > last.end - last.start) out[out.length - 1] = found;
    } else out.push(found);
  });
  return out;
}


/** How far back "the quarter" or "a year ago" looks for the quarter they speak of. */
export const QUARTER_CONTEXT = 1000;
const NAMED_QUARTER = /(?<![\p{L}\p{N}])(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?![\p{L}\p{N}])/giu;

/**
 * "last year" in a comparison of results after a named quarter ("compared with a loss of $3 million last year",
 * "from last year's $1.55 billion"): that quarter a year before, as a loose reading; undefined elsewhere.
 */
export function lastYearAsQuarter(text: string, m: DateMention, reference: Date): DateMention | undefined {
  if (!/^last year$/i.test(m.text)) return undefined;
  const before = text.slice(Math.max(0, m.start - 60), m.start);
  if (!/\b(?:compared with|compared to|from|versus|vs\.?|against|period)\b[^.;]*$/i.test(before)) return undefined;
  const q = quarterBefore({ text, reference }, m.start);
  if (!q) return undefined;
  return { ...m, date: { year: q.year - 1, period: `Q${q.quarter}` }, granularity: 'quarter', loose: true };
}

/**
 * The last quarter named by its ordinal in the `QUARTER_CONTEXT` characters before `at` that ended before the story's
 * quarter (read from the text alone, so a sentence reads the same whichever sentences are read with it). "The year-ago
 * period" of a results story compares with the quarter reported, not with a forecast's "fourth quarter" or "third
 * quarter of 1990"; a quarter not yet over is taken only when no other is named.
 */
function quarterBefore(state: ScanState, at: number): { year: number; quarter: number } | undefined {
  const from = Math.max(0, at - QUARTER_CONTEXT);
  const window = state.text.slice(from, at);
  const current = state.reference.getFullYear() * 4 + Math.floor(state.reference.getMonth() / 3);
  let found: { year: number; quarter: number } | undefined;
  NAMED_QUARTER.lastIndex = 0;
  for (let m = NAMED_QUARTER.exec(window); m; m = NAMED_QUARTER.exec(window)) {
    const head = from + m.index + m[0].length - 'quarter'.length;
    const q = quarter(state, head, head + 'quarter'.length, from, at);
    if (!q || q.date.period === undefined) continue;
    const named = { year: q.date.year, quarter: Number(q.date.period[1]) };
    if (!found || ended(named, current) || !ended(found, current)) found = named;
  }
  return found;
}

function ended(q: { year: number; quarter: number }, current: number): boolean {
  return q.year * 4 + q.quarter - 1 < current;
}

// Plain words only: lookarounds here would cost the scan more than the few extra calls of readHead.
const HEAD_WORDS = 'thanksgiving|christmas|halloween|quarter|half|spring|summer|autumn|fall|winter|week(?:end)?|today|year|(?:1[0-9]|20)?\\d0s|nineteen|two[\\s-]+thousand|month';
const VAGUE_WORDS = 'now|currently|current|recently|recent|future|past|lately|nowadays|days|present|term';
const HEAD = new RegExp(`\\b(?:${HEAD_WORDS})\\b`, 'gi');
const HEAD_OR_VAGUE = new RegExp(`\\b(?:${HEAD_WORDS}|${VAGUE_WORDS})\\b`, 'gi');

function readHead(state: ScanState, m: RegExpExecArray, from: number, to: number): DateMention | undefined {
  const word = m[0].toLowerCase();
  const at = m.index;
  const end = at + m[0].length;
  switch (word) {
    case 'quarter': return quarter(state, at, end, from, to);
    case 'half': return half(state, at, end, from, to);
    case 'spring': case 'summer': case 'autumn': case 'fall': case 'winter': return season(state, word, at, end, from, to);
    case 'week': case 'weekend': return week(state, word, at, end, from);
    case 'today': return today(state, at, end, from);
    case 'thanksgiving': case 'christmas': case 'halloween': return holiday(state, word, at, end, from);
    case 'year': return yearEarlier(state, at, end, from, to) ?? yearOfAccounts(state, at, end, from) ?? followingYear(state, at, end, from);
    case 'nineteen': return spokenYear(state, at, from);
    case 'month': return followingMonth(state, at, end, from);
    default:
      if (word.startsWith('two')) return spokenYear(state, at, from);
      if (/\d0s$/.test(word)) return decade(state, at, end, from);
      return vagueReference(state, word, at, end, from, to);
  }
}

// ---- periods --------------------------------------------------------------------------------------------------------

const MONTHS_AHEAD_STILL_THIS_YEAR = 4;

/** The year of a period of the reference's year that starts in `firstMonth`: the year before when it starts well ahead. */
function yearOfPeriod(reference: Date, firstMonth: number, future: Future): number {
  const y = reference.getFullYear();
  return !future && firstMonth - (reference.getMonth() + 1) > MONTHS_AHEAD_STILL_THIS_YEAR ? y - 1 : y;
}

function mention(start: number, end: number, text: string, date: CalendarDate, relative: boolean, explicit: boolean): DateMention {
  return { start, end, text: text.slice(start, end), date, granularity: granularityOf(date), statedWeekday: undefined, yearStated: !relative, relative, explicit };
}

/** Not a time of year: "a quarter of the staff", "quarter-point", "the quarter-final", "quarter century". */
const NOT_A_QUARTER_AFTER = /^(?:-\s*|\s+)(?:point|mile|final|finals|hour|century|pound|pounder|inch|note|horse|back|backs|deck|master)\b|^\s+of\s+(?:a|an|all|its|their|his|her|those|these|them|us|\d(?!\d{3}\b))/i;
const A_YEAR_LATER = /^\s+(?:a|one)\s+year\s+(?:ago|earlier|before)\b/i;

function quarter(state: ScanState, at: number, end: number, from: number, to: number): DateMention | undefined {
  const { text, reference } = state;
  if (NOT_A_QUARTER_AFTER.test(text.slice(end, end + 24))) return undefined;
  const b = readBefore(text, at, from);
  const after = yearAfter(text, end, to);
  let stop = after.end;
  let shift = b.shift + after.shift;
  const yearAgo = A_YEAR_LATER.exec(text.slice(stop, stop + 24));
  if (yearAgo) { shift -= 1; stop += yearAgo[0].length; }
  const year = b.year ?? after.year;
  let y: number, q: number;
  if (b.ordinal !== undefined) {
    q = b.ordinal;
    // "the second quarter ended Oct. 31" (a fiscal quarter): the year it ended in.
    const ended = year === undefined ? quarterEnded(text, end, reference) : undefined;
    // The end date carries the year: "last year's first quarter ended April 30" is the one ended April 30 last year.
    if (ended) shift = 0;
    y = year ?? ended?.endYear ?? yearOfPeriod(reference, (q - 1) * 3 + 1, speaksOfFuture(text, b.start));
  } else {
    // "the quarter", "the latest quarter", "last year's quarter"; never "a quarter" or "a quarter of the staff".
    if (b.which === undefined && shift === 0) return undefined;
    if (/^\s+of\s+the\b(?!\s+year)/i.test(text.slice(end, end + 16))) return undefined;
    const current = { year: reference.getFullYear(), quarter: Math.floor(reference.getMonth() / 3) + 1 };
    const step = b.which === 'this' ? 0 : b.which === 'next' ? 1 : b.which === 'last' ? -1 : undefined;
    const base = step !== undefined ? addQuarters(current, step) : quarterEnded(text, end, reference) ?? quarterBefore(state, b.start) ?? addQuarters(current, -1);
    q = base.quarter;
    y = year ?? base.year;
  }
  y += shift;
  const m = mention(b.start, stop, text, { year: y, period: `Q${q}` }, year === undefined, b.ordinal !== undefined);
  return b.ordinal === undefined && year === undefined ? { ...m, loose: true } : m;
}

const ENDED_ON = /^\s+end(ed|ing)\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+([0-3]?\d)\b(?:,?\s+((?:1[6-9]|20)\d\d)\b)?/i;
const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * "the quarter ended July 31": the calendar quarter that holds most of the three months up to that day (May to July:
 * the second), in the year stated, else of the latest such day on or before the story's date ("ending": the nearest).
 */
function quarterEnded(text: string, end: number, reference: Date): { year: number; quarter: number; endYear: number } | undefined {
  const m = ENDED_ON.exec(text.slice(end, end + 32));
  if (!m) return undefined;
  const month = MONTH_ABBREVIATIONS.indexOf(m[2].toLowerCase()) + 1;
  const day = Number(m[3]);
  if (day < 1 || day > 31) return undefined;
  // The last full month of the quarter: the month it ends in, or the one before when it ends early in a month.
  const lastFull = day >= 15 ? month : month - 1;
  const middle = lastFull - 1;
  // "ended July 31" has passed; "ending July 31" is the nearest July 31, before or after the story.
  const endYear = m[4] ? Number(m[4]) : m[1].toLowerCase() === 'ed' ? newsYear(reference, month, day, 'past') : nearestYear(reference, month, day);
  const index = endYear * 12 + middle - 1;
  return { year: Math.floor(index / 12), quarter: Math.floor((((index % 12) + 12) % 12) / 3) + 1, endYear };
}

function nearestYear(reference: Date, month: number, day: number): number {
  const y = reference.getFullYear();
  const at = reference.getTime();
  return [y - 1, y, y + 1].reduce((best, c) => Math.abs(new Date(c, month - 1, day, 12).getTime() - at) < Math.abs(new Date(best, month - 1, day, 12).getTime() - at) ? c : best);
}

function addQuarters(p: { year: number; quarter: number }, n: number): { year: number; quarter: number } {
  const index = p.year * 4 + p.quarter - 1 + n;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

const HALF_ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, last: 2, latter: 2 };
/** "first-half profit": a half of the reporting year, named before what it measures. */
const REPORTED = /^\s+(?:profits?|earnings|results|sales|revenues?|loss(?:es)?|net|income|growth|output|figures|dividend)\b/i;

function half(state: ScanState, at: number, end: number, from: number, to: number): DateMention | undefined {
  const { text, reference } = state;
  const words = wordsBefore(text, at, from, 1);
  const ordinal = words[0] && HALF_ORDINAL[words[0].text.toLowerCase()];
  if (!ordinal) return undefined;
  const hyphenated = text[at - 1] === '-';
  const b = readBefore(text, words[0].start, from);
  const after = yearAfter(text, end, to);
  const year = b.year ?? after.year;
  const yearSaid = year !== undefined || after.end > end || b.shift !== 0;
  if (!yearSaid && !(hyphenated && REPORTED.test(text.slice(end, end + 16)))) return undefined;
  const y = (year ?? yearOfPeriod(reference, ordinal === 1 ? 1 : 7, speaksOfFuture(text, b.start))) + b.shift + after.shift;
  return mention(b.start, after.end, text, { year: y, period: `H${ordinal}` }, year === undefined, true);
}

const SEASON: Record<string, { code: string; firstMonth: number }> = {
  spring: { code: 'SP', firstMonth: 3 }, summer: { code: 'SU', firstMonth: 6 }, autumn: { code: 'FA', firstMonth: 9 },
  fall: { code: 'FA', firstMonth: 9 }, winter: { code: 'WI', firstMonth: 12 },
};
/** After "the summer", a word that makes it a thing of summer ("the winter storm"), not a time. */
const SEASON_AS_TIME_AFTER = /^(?:\s*(?:[,.;:)!?"”]|$)|\s+(?:of|and|or|when|before|after|as|in|to|for|with|while|that|,)\b)/i;

function season(state: ScanState, word: string, at: number, end: number, from: number, to: number): DateMention | undefined {
  const { text, reference } = state;
  const { code, firstMonth } = SEASON[word];
  const b = readBefore(text, at, from);
  const after = yearAfter(text, end, to);
  const year = b.year ?? after.year;
  const named = b.which === 'this' || b.which === 'last' || b.which === 'next' || b.edge !== undefined;
  if (year === undefined && !named) {
    if (word === 'fall' || b.which !== 'the' || !SEASON_AS_TIME_AFTER.test(text.slice(end, end + 12))) return undefined;
  }
  if (word === 'fall' && year === undefined && b.which !== 'this' && b.which !== 'last' && b.which !== 'next' && b.edge === undefined) return undefined;
  let y: number;
  if (year !== undefined) y = year;
  else {
    const refYear = reference.getFullYear();
    const refSeasonStart = seasonStart(reference);
    const start = (yy: number): number => yy * 12 + firstMonth;
    if (b.which === 'last') y = start(refYear) >= refSeasonStart ? refYear - 1 : refYear;
    else if (b.which === 'next') y = start(refYear) > refSeasonStart ? refYear : refYear + 1;
    else if (b.which === 'this') y = refYear;
    else y = yearOfPeriod(reference, firstMonth, speaksOfFuture(text, b.start));
  }
  y += b.shift + after.shift;
  return mention(b.start, after.end, text, { year: y, period: code }, year === undefined, true);
}

/** The start of the reference's season as year * 12 + month (December's winter belongs to its year). */
function seasonStart(reference: Date): number {
  const month = reference.getMonth() + 1;
  const y = reference.getFullYear();
  if (month >= 12) return y * 12 + 12;
  if (month <= 2) return (y - 1) * 12 + 12;
  return y * 12 + (month >= 9 ? 9 : month >= 6 ? 6 : 3);
}

function decade(state: ScanState, at: number, end: number, from: number): DateMention | undefined {
  const { text, reference } = state;
  const digits = text.slice(at, end).replace(/\D/g, '');
  // "the ’80s"; "in their 80s" is an age.
  if (digits.length === 2 && !(text[at - 1] === "'" || text[at - 1] === '’')) return undefined;
  if (digits.length === 2) at--;
  let year: number;
  if (digits.length === 4) year = Number(digits.slice(0, 3)) * 10;
  else {
    const n = Number(digits[0]) * 10;
    year = 2000 + n <= reference.getFullYear() ? 2000 + n : 1900 + n;
  }
  let start = at;
  const words = wordsBefore(text, at, from, 2);
  if (words[0] && /^(?:early|mid|late)$/i.test(words[0].text)) start = words[0].start;
  const det = words[start === at ? 0 : 1];
  if (det && /^the$/i.test(det.text)) start = det.start;
  return mention(start, end, text, { year, period: 'X' }, false, true);
}

const MONTH_WORD = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/** "nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand", "the nineteen eighties". */
function spokenYear(state: ScanState, at: number, from: number): DateMention | undefined {
  const { text } = state;
  const spoken = spokenYearAt(text, at);
  if (!spoken) return undefined;
  const words = wordsBefore(text, at, from, 2);
  if (spoken.decade) {
    const start = words[0] && /^the$/i.test(words[0].text) ? words[0].start : at;
    return mention(start, spoken.end, text, { year: spoken.year, period: 'X' }, false, true);
  }
  if (words[0] && MONTH_WORD.test(words[0].text)) {
    const month = MONTHS_IN_ORDER.indexOf(words[0].text.toLowerCase()) + 1;
    return mention(words[0].start, spoken.end, text, { year: spoken.year, month }, false, true);
  }
  const start = words[0] && words[1] && /^year$/i.test(words[0].text) && /^the$/i.test(words[1].text) ? words[1].start : at;
  return mention(start, spoken.end, text, { year: spoken.year }, false, true);
}

const MONTHS_IN_ORDER = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const WEEK_LEAD = /^(?:earl(?:y|ier)|later?|mid)$/i;

function week(state: ScanState, word: string, at: number, end: number, from: number): DateMention | undefined {
  const { text, reference } = state;
  const words = wordsBefore(text, at, from, 3);
  let k = 0;
  let which = words[0]?.text.toLowerCase();
  // "this past weekend", "this past week": the one just gone.
  if (which === 'past' && words[1]?.text.toLowerCase() === 'this') { which = 'last'; k = 1; }
  if (which !== 'this' && which !== 'last' && which !== 'next' && !(which === 'the' && word === 'weekend')) return undefined;
  // "This Week", a programme's name.
  if (text[at] === 'W') return undefined;
  // "for the last week", "over the next week": a span of seven days, not a calendar week (as "the last year").
  if ((which === 'last' || which === 'next') && /^the$/i.test(words[k + 1]?.text ?? '')) return undefined;
  let start = words[k].start;
  if (words[k + 1] && WEEK_LEAD.test(words[k + 1].text) && which !== 'the') start = words[k + 1].start;
  const refDay = Math.round(Date.UTC(reference.getFullYear(), reference.getMonth(), reference.getDate()) / 86400000);
  const weekday = (reference.getDay() + 6) % 7; // Monday 0
  let shift: number;
  if (word === 'week') shift = which === 'last' ? -1 : which === 'next' ? 1 : 0;
  else if (which === 'this') shift = 0;
  else if (which === 'next') shift = weekday >= 4 ? 1 : 0;
  else if (which === 'last') shift = weekday >= 5 ? 0 : -1;
  else shift = weekday >= 5 ? 0 : speaksOfFuture(text, start) ? 0 : -1;
  const w = isoWeekOf(refDay + shift * 7);
  const period = `W${String(w.week).padStart(2, '0')}${word === 'weekend' ? '-WE' : ''}`;
  return { ...mention(start, end, text, { year: w.year, period }, true, false), loose: true };
}

function today(state: ScanState, at: number, end: number, from: number): DateMention | undefined {
  const { text, reference } = state;
  // "USA Today", "VOA Today", "the Today programme"; "today's world" is our time, not a day.
  if (text[at] === 'T' && /[\p{L}\p{N},;:]\s*$/u.test(text.slice(Math.max(from, at - 3), at))) return undefined;
  if (/^['’]s\b/.test(text.slice(end, end + 3))) return undefined;
  const date = { year: reference.getFullYear(), month: reference.getMonth() + 1, day: reference.getDate() };
  return { ...mention(at, end, text, date, true, false), loose: true };
}

/** The day of a holiday in a year: Thanksgiving (the fourth Thursday of November), Christmas, Halloween. */
const HOLIDAYS: Record<string, (year: number) => { month: number; day: number }> = {
  thanksgiving: y => ({ month: 11, day: 22 + ((11 - new Date(Date.UTC(y, 10, 1)).getUTCDay()) % 7) }),
  christmas: () => ({ month: 12, day: 25 }),
  halloween: () => ({ month: 10, day: 31 }),
};

/** "Thanksgiving Day", "on Christmas", "last Thanksgiving", "Christmas Eve": the one before the story, or the next one. */
function holiday(state: ScanState, word: string, at: number, end: number, from: number): DateMention | undefined {
  const { text, reference } = state;
  if (text[at] !== word[0].toUpperCase()) return undefined;
  const after = /^\s+(Day|Eve)\b/.exec(text.slice(end, end + 5));
  const before = wordsBefore(text, at, from, 1)[0];
  const w = before?.text.toLowerCase();
  if (!after && !(w && /^(?:on|at|before|after|since|until|by|last|this|next|over)$/.test(w))) return undefined;
  const eve = after?.[1] === 'Eve' ? 1 : 0;
  const ref = Date.UTC(reference.getFullYear(), reference.getMonth(), reference.getDate());
  const dayIn = (y: number): number => { const h = HOLIDAYS[word](y); return Date.UTC(y, h.month - 1, h.day - eve); };
  let y = reference.getFullYear();
  const future = w === 'next' || (w !== 'last' && speaksOfFuture(text, at));
  if (future ? dayIn(y) < ref : dayIn(y) > ref) y += future ? 1 : -1;
  const d = new Date(dayIn(y));
  const start = w === 'last' || w === 'this' || w === 'next' ? before.start : at;
  const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  return mention(start, after ? end + after[0].length : end, text, date, true, false);
}

/** "a year earlier", "a year ago", "year-earlier", "the year-ago period": a year back, or the quarter just spoken of. */
function yearEarlier(state: ScanState, at: number, end: number, from: number, to: number): DateMention | undefined {
  const { text, reference } = state;
  const after = /^(?:\s+|-)(ago|earlier|before)\b/i.exec(text.slice(end, Math.min(to, end + 10)));
  if (!after) return undefined;
  const words = wordsBefore(text, at, from, 1);
  const hyphen = text[end] === '-';
  let start: number;
  if (hyphen) start = at;
  else if (words[0] && /^(?:a|one)$/i.test(words[0].text) && text[at - 1] !== '-') start = words[0].start;
  else return undefined;
  // "the year-ago period" is that period; "year-earlier profit" names no period of its own.
  let stop = end + after[0].length;
  if (hyphen) {
    const period = /^\s+(period|quarter)\b/i.exec(text.slice(stop, stop + 12));
    if (period?.[1].toLowerCase() === 'quarter') return undefined; // the quarter reads it
    if (period) stop += period[0].length;
    const the = wordsBefore(text, at, from, 1)[0];
    if (the && /^the$/i.test(the.text) && period) start = the.start;
  }
  const q = quarterBefore(state, start);
  // Read as the quarter a year before the one spoken of: a loose reading, so only a contradiction counts.
  if (q) return { ...mention(start, stop, text, { year: q.year - 1, period: `Q${q.quarter}` }, true, false), loose: true };
  return mention(start, stop, text, { year: reference.getFullYear() - 1 }, true, false);
}


/**
 * The document's year as accounts and plans name it: "by year-end", "at year end", "by year's end", "the full year",
 * "the fiscal year", "the current fiscal year".
 */
/** A year stated as a date ("in 1995", "May 22, 1995") in the text before "the following year". */
const STATED_YEAR = /(?:\b(?:in|of|since|during)\s+|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+)((?:1[6-9]|20)\d\d)\b/gi;
/** How far back "the following year" looks for the year it follows: a paragraph. */
const FOLLOWING_CONTEXT = 500;

/**
 * "the following year" after a stated year ("On May 22, 1995, he was made a general, and the following year…"): the
 * year after it, a loose reading (reported only when a source contradicts it).
 */
function followingYear(state: ScanState, at: number, end: number, from: number): DateMention | undefined {
  const { text } = state;
  const words = wordsBefore(text, at, from, 2);
  if (words[0]?.text.toLowerCase() !== 'following' || words[1]?.text.toLowerCase() !== 'the') return undefined;
  const before = text.slice(Math.max(0, words[1].start - FOLLOWING_CONTEXT), words[1].start);
  let year: number | undefined;
  STATED_YEAR.lastIndex = 0;
  for (let m = STATED_YEAR.exec(before); m; m = STATED_YEAR.exec(before)) year = Number(m[1]);
  if (year === undefined) return undefined;
  return { ...mention(words[1].start, end, text, { year: year + 1 }, true, false), loose: true };
}

/** A month named in the text before "the following month", with its year when stated. */
const STATED_MONTH = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+\d{1,2}\b)?(?:,?\s+((?:1[6-9]|20)\d\d)\b)?/g;

/**
 * "In March, shareholders urged a sale. The following month, the company put itself up for sale": the month after
 * the last one named (in the year stated with it, else read as news means it), a loose reading.
 */
function followingMonth(state: ScanState, at: number, end: number, from: number): DateMention | undefined {
  const { text, reference } = state;
  const words = wordsBefore(text, at, from, 2);
  if (words[0]?.text.toLowerCase() !== 'following' || words[1]?.text.toLowerCase() !== 'the') return undefined;
  const before = text.slice(Math.max(0, words[1].start - FOLLOWING_CONTEXT), words[1].start);
  let named: RegExpExecArray | undefined;
  STATED_MONTH.lastIndex = 0;
  for (let m = STATED_MONTH.exec(before); m; m = STATED_MONTH.exec(before)) named = m;
  if (!named) return undefined;
  const month = MONTHS_IN_ORDER.indexOf(named[1].toLowerCase()) + 1;
  const year = named[2] ? Number(named[2]) : newsYear(reference, month, undefined, false);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return { ...mention(words[1].start, end, text, next, true, false), loose: true };
}

function yearOfAccounts(state: ScanState, at: number, end: number, from: number): DateMention | undefined {
  const { text, reference } = state;
  const date = { year: reference.getFullYear() };
  const endAfter = /^(?:['’]s\s+|[-\s])end\b/i.exec(text.slice(end, end + 8));
  const words = wordsBefore(text, at, from, 3);
  const w0 = words[0]?.text.toLowerCase();
  if (endAfter && w0 && /^(?:by|at|around|before|until|through|the)$/.test(w0)) {
    const start = w0 === 'the' ? words[0].start : at;
    return { ...mention(start, end + endAfter[0].length, text, date, true, false), loose: true };
  }
  // "the full year", "the fiscal year", "the current fiscal year"; "the year" alone is too often no date.
  let k = 0;
  if (w0 === 'fiscal') k++;
  if (words[k]?.text.toLowerCase() === 'full' || words[k]?.text.toLowerCase() === 'current') k++;
  if (k === 0 || words[k]?.text.toLowerCase() !== 'the') return undefined;
  return { ...mention(words[k].start, end, text, date, true, false), loose: true };
}
