import { monthOfName } from './calendar';
import type { DateMention } from './mentions';
import { newsYear } from './newsYear';
import { mention, readBefore, wordsBefore, yearAfter, yearOfPeriod, type ScanState } from './periodWords';
import { speaksOfFuture } from './tense';

// Quarters ("the third quarter", "third-quarter", "the quarter ended July 31") and what is counted from them ("a year
// ago", "the year-ago period", "last year" in a comparison of results).

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
  const q = quarterBefore({ text, reference }, m.start, true);
  if (!q) return undefined;
  return { ...m, date: { year: q.year - 1, period: `Q${q.quarter}` }, granularity: 'quarter', loose: true };
}

/**
 * The last quarter named by its ordinal in the `QUARTER_CONTEXT` characters before `at` that ended before the story's
 * quarter (read from the text alone, so a sentence reads the same whichever sentences are read with it). "The year-ago
 * period" of a results story compares with the quarter reported, not with a forecast's "fourth quarter" or "third
 * quarter of 1990"; a quarter not yet over is taken only when no other is named. `latest`, for a comparison a year
 * back ("a year ago", "the year-earlier period"): of the quarters over, the latest, which is the one a results story
 * reports ("third-quarter net rose … After a flat second quarter … the year-earlier period" is the third's); else the
 * last named ("that quarter").
 */
export function quarterBefore(state: ScanState, at: number, latest = false): { year: number; quarter: number } | undefined {
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
    if (!found || !ended(found, current) || (ended(named, current) && (!latest || index(named) >= index(found)))) found = named;
  }
  return found;
}

const index = (q: { year: number; quarter: number }): number => q.year * 4 + q.quarter - 1;

function ended(q: { year: number; quarter: number }, current: number): boolean {
  return q.year * 4 + q.quarter - 1 < current;
}

/** Not a time of year: "a quarter of the staff", "quarter-point", "the quarter-final", "quarter century". */
const NOT_A_QUARTER_AFTER = /^(?:-\s*|\s+)(?:point|mile|final|finals|hour|century|pound|pounder|inch|note|horse|back|backs|deck|master)\b|^\s+of\s+(?:a|an|all|its|their|his|her|those|these|them|us|\d(?!\d{3}\b))/i;

const FINAL_BEFORE = /\bfinal\s+$/i;

/**
 * "of the year" after a year the sentence has just written ("sales fell in 2023, with the steepest drop in the final
 * quarter of the year"): that year, not the story's.
 */
function yearOfTheYear(text: string, at: number, end: number, afterEnd: number): number | undefined {
  if (!OF_THE_YEAR.test(text.slice(end, afterEnd))) return undefined;
  const before = text.slice(Math.max(0, at - 120), at);
  const sentence = before.slice(before.search(/[.!?]\s+[^.!?]*$/) + 1);
  const years = [...sentence.matchAll(WRITTEN_YEAR)];
  return years.length ? Number(years[years.length - 1][1]) : undefined;
}
const OF_THE_YEAR = /^\s+of\s+the\s+year$/i;
const WRITTEN_YEAR = /(?<![\p{L}\p{N}.,])((?:1[6-9]|20)\d\d)(?![\p{L}\p{N}]|[.,]\d)/gu;

const A_YEAR_LATER = /^\s+(?:a|one)\s+year\s+(?:ago|earlier|before)\b/i;

export function quarter(state: ScanState, at: number, end: number, from: number, to: number): DateMention | undefined {
  const { text, reference } = state;
  if (NOT_A_QUARTER_AFTER.test(text.slice(end, end + 24))) return undefined;
  const b = readBefore(text, at, from);
  const after = yearAfter(text, end, to);
  let stop = after.end;
  let shift = b.shift + after.shift;
  const yearAgo = A_YEAR_LATER.exec(text.slice(stop, stop + 24));
  if (yearAgo) { shift -= 1; stop += yearAgo[0].length; }
  const year = b.year ?? after.year ?? yearOfTheYear(text, at, end, after.end);
  // "the final quarter of the year", "the final quarter of 1986": the fourth (alone, "the final quarter" may be the
  // last one reported, or a match's).
  const ordinal = b.ordinal ?? (FINAL_BEFORE.test(text.slice(Math.max(from, at - 8), at)) && (year !== undefined || after.end > end) ? 4 : undefined);
  let y: number, q: number;
  if (ordinal !== undefined) {
    q = ordinal;
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
  const m = mention(b.start, stop, text, { year: y, period: `Q${q}` }, year === undefined, ordinal !== undefined);
  return ordinal === undefined && year === undefined ? { ...m, loose: true } : m;
}

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const YEAR = '((?:1[6-9]|20)\\d\\d)';
/** "ended July 31[, 1986]", "ended 31 July[,] [1986]", "ended 1986-07-31" (after "end(ed|ing)", an "on" allowed). */
const ENDED_ON = new RegExp(`^\\s+end(ed|ing)\\s+(?:on\\s+)?(?:${MONTH}\\s+([0-3]?\\d)\\b(?:,?\\s+${YEAR}\\b)?|([0-3]?\\d)\\s+${MONTH}(?:,?\\s+${YEAR}\\b)?(?![\\p{L}\\p{N}])|${YEAR}-([01]\\d)-([0-3]\\d)\\b)`, 'iu');

/**
 * "the quarter ended July 31": the calendar quarter that holds most of the three months up to that day (May to July:
 * the second), in the year stated, else of the latest such day on or before the story's date ("ending": the nearest).
 */
function quarterEnded(text: string, end: number, reference: Date): { year: number; quarter: number; endYear: number } | undefined {
  const m = ENDED_ON.exec(text.slice(end, end + 40));
  if (!m) return undefined;
  const month = m[2] ? monthOfName(m[2])! : m[6] ? monthOfName(m[6])! : Number(m[9]);
  const day = Number(m[3] ?? m[5] ?? m[10]);
  const written = m[4] ?? m[7] ?? m[8];
  if (month < 1 || month > 12) return undefined;
  if (day < 1 || day > 31) return undefined;
  // The last full month of the quarter: the month it ends in, or the one before when it ends early in a month.
  const lastFull = day >= 15 ? month : month - 1;
  const middle = lastFull - 1;
  // "ended July 31" has passed; "ending July 31" is the nearest July 31, before or after the story.
  const endYear = written ? Number(written) : m[1].toLowerCase() === 'ed' ? newsYear(reference, month, day, 'past') : nearestYear(reference, month, day);
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

/** "a year earlier", "a year ago", "year-earlier", "the year-ago period": a year back, or the quarter just spoken of. */
export function yearEarlier(state: ScanState, at: number, end: number, from: number, to: number): DateMention | undefined {
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
  const q = quarterBefore(state, start, true);
  // Read as the quarter a year before the one spoken of: a loose reading, so only a contradiction counts.
  if (q) return { ...mention(start, stop, text, { year: q.year - 1, period: `Q${q.quarter}` }, true, false), loose: true };
  return mention(start, stop, text, { year: reference.getFullYear() - 1 }, true, false);
}
