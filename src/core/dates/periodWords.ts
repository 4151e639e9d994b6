import { granularityOf, type CalendarDate } from './calendar';
import type { DateMention } from './mentions';
import { spokenYearAt } from './spokenYears';
import type { Future } from './tense';

// The words around a period's head word ("the year-ago third quarter", "the first half of 2013"), read back and forth,
// and the mention a period makes.

/** The text scanned for periods and the date it is read against. */
export interface ScanState {
  readonly text: string;
  readonly reference: Date;
}

export interface Word { readonly text: string; readonly start: number }

/** Up to `max` words before `at` (nearest first), within the sentence and separated only by spaces or hyphens. */
export function wordsBefore(text: string, at: number, from: number, max: number): Word[] {
  const out: Word[] = [];
  let i = at;
  while (out.length < max) {
    let j = i;
    while (j > from && (text[j - 1] === ' ' || text[j - 1] === '-' || text[j - 1] === '\u00a0')) j--;
    if (j === i || j <= from) break;
    let s = j;
    while (s > from && isWordCharAt(text, s - 1) && j - s < 24) s--;
    if (s === j) break;
    out.push({ text: text.slice(s, j), start: s });
    i = s;
  }
  return out;
}

/** Whether `text[i]` is a letter, a digit or an apostrophe, ASCII told apart without a regular expression. */
function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 128) return WORD_CHAR.test(text[i]);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39;
}
const WORD_CHAR = /[\p{L}\p{N}'’]/u;

const YEAR_WORD = /^(?:1[6-9]|20)\d\d$/;
const YEAR_POSSESSIVE = /^((?:1[6-9]|20)\d\d)['’]s$/;
const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const DETERMINER = new Set(['the', 'this', 'that', 'its', 'their', 'his', 'her', 'our', 'a']);

/** What the words before a period's head say: its ordinal, a year, how far back or ahead, where its span starts. */
export interface Before {
  start: number;
  ordinal?: number;
  year?: number;
  /** Years added: "year-ago", "last year's" -1, "next year's" +1. */
  shift: number;
  which?: 'this' | 'last' | 'next' | 'the';
  determined: boolean;
  edge?: 'early' | 'late';
}

/** Reads the modifiers of a quarter, half or season back from its head word. */
export function readBefore(text: string, at: number, from: number): Before {
  const words = wordsBefore(text, at, from, 6);
  const r: Before = { start: at, shift: 0, determined: false };
  for (let k = 0; k < words.length; k++) {
    const w = words[k].text.toLowerCase();
    const next = words[k + 1]?.text.toLowerCase();
    if (r.ordinal === undefined && r.start === at && ORDINAL[w] !== undefined) r.ordinal = ORDINAL[w];
    else if (YEAR_WORD.test(w) && r.year === undefined) r.year = Number(w);
    else if (YEAR_POSSESSIVE.test(w) && r.year === undefined) r.year = Number(YEAR_POSSESSIVE.exec(w)![1]);
    else if ((w === "year's" || w === 'year’s') && (next === 'this' || next === 'last' || next === 'next')) {
      r.shift += next === 'last' ? -1 : next === 'next' ? 1 : 0;
      r.start = words[k + 1].start;
      k++;
      continue;
    } else if ((w === 'ago' || w === 'earlier') && next === 'year') {
      r.shift -= 1;
      r.start = words[k + 1].start;
      k++;
      continue;
    } else if (w === 'fiscal' || w === 'calendar' || w === 'flat' || w === 'comparable' || w === 'same' || w === 'latest' || w === 'current' || w === 'previous' || w === 'prior' || w === 'past' || w === 'coming' || w === 'final' || w === 'strong' || w === 'weak' || w === 'disappointing' || w === 'record') {
      if (w === 'current') r.which = 'this';
      else if (w === 'previous' || w === 'prior' || w === 'latest') r.which = 'last';
      else if (w === 'coming') r.which = 'next';
    } else if (w === 'early' || w === 'late' || w === 'mid') {
      r.edge = w === 'mid' ? undefined : w;
    } else if (w === 'this' || w === 'last' || w === 'next') {
      r.which ??= w;
      r.determined = true;
    } else if (DETERMINER.has(w)) {
      r.determined = true;
      r.which ??= w === 'a' ? undefined : 'the';
      r.start = words[k].start;
      break;
    } else break;
    r.start = words[k].start;
  }
  return r;
}

/**
 * "of 2013", "of this year", "of fiscal 1990", "of the year 2013", "2013" right after a period's head: its year; not
 * "of last year's" or "of the year's" ("the final quarter of last year's final" is a match's).
 */
const OF_YEAR = /^(?:\s+of)?\s+(?:fiscal\s+|the\s+year\s+)?((?:1[6-9]|20)\d\d)(?![\p{L}\p{N}]|[.,]\d)|^\s+of\s+(?:the|this|(last|next))\s+year\b(?!['’]s)/iu;

export function yearAfter(text: string, end: number, to: number): { year?: number; shift: number; end: number } {
  const m = OF_YEAR.exec(text.slice(end, Math.min(to, end + 24)));
  if (!m) return spokenYearAfter(text, end, to) ?? { shift: 0, end };
  if (m[1]) return { year: Number(m[1]), shift: 0, end: end + m[0].length };
  return { shift: m[2] ? (/last/i.test(m[2]) ? -1 : 1) : 0, end: end + m[0].length };
}

/** "the winter of nineteen ninety-four": a spoken year after a period's head. */
function spokenYearAfter(text: string, end: number, to: number): { year: number; shift: number; end: number } | undefined {
  const of = /^\s+of\s+(?=[nt])/i.exec(text.slice(end, end + 8));
  if (!of) return undefined;
  const spoken = spokenYearAt(text, end + of[0].length);
  if (!spoken || spoken.decade || spoken.end > to) return undefined;
  return { year: spoken.year, shift: 0, end: spoken.end };
}

const MONTHS_AHEAD_STILL_THIS_YEAR = 4;

/** The year of a period of the reference's year that starts in `firstMonth`: the year before when it starts well ahead. */
export function yearOfPeriod(reference: Date, firstMonth: number, future: Future): number {
  const y = reference.getFullYear();
  return !future && firstMonth - (reference.getMonth() + 1) > MONTHS_AHEAD_STILL_THIS_YEAR ? y - 1 : y;
}

export function mention(start: number, end: number, text: string, date: CalendarDate, relative: boolean, explicit: boolean): DateMention {
  return { start, end, text: text.slice(start, end), date, granularity: granularityOf(date), statedWeekday: undefined, yearStated: !relative, relative, explicit };
}
