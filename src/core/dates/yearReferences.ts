import { monthOfName } from './calendar';
import type { DateMention } from './mentions';
import { newsYear } from './newsYear';
import { mention, wordsBefore, type ScanState } from './periodWords';
import { quarterBefore } from './quarterMentions';
import { spokenYearAt } from './spokenYears';

// Years and decades read from the words around them: decades ("the 1990s"), spoken years ("nineteen ninety-six"), the
// year or month after one stated before ("the following year"), and the year of accounts ("by year-end").

const FULL_MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/**
 * A decade written "80s" without its apostrophe is one only where nothing else reads so: after "of the" (not a count's:
 * "two of the 60s"), "since", "during", "throughout", "until" or "till the" ("the despair of the 80s", "for most of the
 * 90s"), as a sentence's opening time ("In the 90s, she…"), or after "on", "for", "like" or "about the" before the noun
 * it dates ("her work on the 70s horror classic"). "In the 80s" or "reached the 80s" may be a level ("temperatures
 * reached the 80s", "out in the 90s", "support in the mid-40s"), an age or a price (review47 H3, review48 M2).
 */
const BARE_DECADE_BEFORE = /(?:(?<!\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+)\bof|\bsince|\bduring|\bthroughout|\buntil|\btill)\s+the\s+(?:(?:early|late)\s+|mid-)?$|(?:^|[.!?]['"”’]*\s+|\n\s*)in\s+the\s+(?:(?:early|late)\s+|mid-)?$/i;
/** Right after the decade: its comma when it opens the sentence, or the noun it dates ("the 60s stop-motion series"). */
const BARE_DECADE_AFTER = /^(?:,|\s+(?!(?:and|or|but|as|on|in|at|to|for|with|by|from|of|today|yesterday|this|last|next|when|while|before|after|mph|kph|km|kmh|f|c|fahrenheit|celsius|centigrade|degrees|pct|percent|per|points?|runs?|mark|range|bracket|level|zone|area|region)\b)[\p{L}][\p{L}-]*)/iu;
/** A sentence's opening "In the 80s": a time, when a comma or the noun it dates follows. */
const OPENS_SENTENCE_IN = /(?:^|[.!?]['"”’]*\s+|\n\s*)in\s+the\s+(?:(?:early|late)\s+|mid-)?$/i;

/** Whether a decade written "80s" (no apostrophe) at `text[at..end)` is read as one (BARE_DECADE_BEFORE, _AFTER). */
function bareDecade(text: string, at: number, end: number, from: number): boolean {
  const before = text.slice(Math.max(from, at - 40), at);
  const after = text.slice(end, end + 24);
  if (OPENS_SENTENCE_IN.test(before)) return after.startsWith(',') || BARE_DECADE_AFTER.test(after);
  if (BARE_DECADE_BEFORE.test(before)) return true;
  // "her work on the 70s horror classic"; not after a verb ("reached the 80s across the capital", "hit the 90s again").
  return /\b(?:on|for|like|about)\s+the\s+(?:(?:early|late)\s+|mid-)?$/i.test(before) && /^\s+\p{Ll}/u.test(after) && BARE_DECADE_AFTER.test(after);
}

export function decade(state: ScanState, at: number, end: number, from: number): DateMention | undefined {
  const { text, reference } = state;
  const digits = text.slice(at, end).replace(/\D/g, '');
  // "the ’80s"; without the apostrophe, only where nothing else reads so (`bareDecade`).
  const apostrophe = text[at - 1] === "'" || text[at - 1] === '’';
  if (digits.length === 2 && !apostrophe && !bareDecade(text, at, end, from)) return undefined;
  if (apostrophe) at--;
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

/** "nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand", "the nineteen eighties". */
export function spokenYear(state: ScanState, at: number, from: number): DateMention | undefined {
  const { text } = state;
  const spoken = spokenYearAt(text, at);
  if (!spoken) return undefined;
  const words = wordsBefore(text, at, from, 2);
  if (spoken.decade) {
    const start = words[0] && /^the$/i.test(words[0].text) ? words[0].start : at;
    return mention(start, spoken.end, text, { year: spoken.year, period: 'X' }, false, true);
  }
  const month = words[0] && FULL_MONTH.test(words[0].text) ? monthOfName(words[0].text) : undefined;
  if (month !== undefined) {
    return mention(words[0].start, spoken.end, text, { year: spoken.year, month }, false, true);
  }
  const start = words[0] && words[1] && /^year$/i.test(words[0].text) && /^the$/i.test(words[1].text) ? words[1].start : at;
  return mention(start, spoken.end, text, { year: spoken.year }, false, true);
}

/** A year stated as a date ("in 1995", "May 22, 1995") in the text before "the following year". */
const STATED_YEAR = /(?:\b(?:in|of|since|during|for|fiscal)\s+|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+)((?:1[6-9]|20)\d\d)\b/gi;

/** How far back "the following year" looks for the year it follows: a paragraph. */
const FOLLOWING_CONTEXT = 500;

/**
 * "the following year" after a stated year ("On May 22, 1995, he was made a general, and the following year…"): the
 * year after it, a loose reading (reported only when a source contradicts it).
 */
export function followingYear(state: ScanState, at: number, end: number, from: number): DateMention | undefined {
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

/**
 * "in 1985, up from 4 mln the year before", "the previous year", "the prior year": the year before the last one stated
 * before it, a loose reading. "the year before" only where its clause ends: "the year before the election" is of
 * another event.
 */
export function yearBefore(state: ScanState, at: number, end: number, from: number): DateMention | undefined {
  const { text } = state;
  const words = wordsBefore(text, at, from, 2);
  const w0 = words[0]?.text.toLowerCase();
  let start: number;
  let stop = end;
  if (w0 && PREVIOUS.test(w0) && words[1]?.text.toLowerCase() === 'the') start = words[1].start;
  else if (w0 === 'the') {
    const before = BEFORE_ENDS.exec(text.slice(end, end + 12));
    if (!before) return undefined;
    start = words[0].start;
    stop = end + before[0].length;
  } else return undefined;
  // "in the fourth quarter of 1986 from 4.1 mln in the same quarter of the previous year": that quarter, a year back.
  const same = SAME_PERIOD_BEFORE.exec(text.slice(Math.max(from, start - 30), start));
  const q = same && quarterBefore(state, start - same[0].length, true);
  if (same && q) return { ...mention(start - same[0].length, stop, text, { year: q.year - 1, period: `Q${q.quarter}` }, true, false), loose: true };
  // The year of the figures the sentence compares: stated in the same sentence, not a year of another event ("The
  // company, founded in 1950, said … from 9 mln the previous year" is no 1949; review32 M9).
  const stated = text.slice(sentenceStartBefore(text, start, FOLLOWING_CONTEXT), start);
  let year: number | undefined;
  STATED_YEAR.lastIndex = 0;
  for (let m = STATED_YEAR.exec(stated); m; m = STATED_YEAR.exec(stated)) {
    year = OTHER_EVENT_BEFORE.test(stated.slice(Math.max(0, m.index - 24), m.index + m[0].length - 4)) ? undefined : Number(m[1]);
  }
  if (year === undefined) return undefined;
  return { ...mention(start, stop, text, { year: year - 1 }, true, false), loose: true };
}

/** A year of an event of its own: a founding, a birth, a start ("founded in 1950", "since 1984", "joined in 1970"). */
const OTHER_EVENT_BEFORE = /\b(?:founded|established|incorporated|born|built|opened|formed|joined|set\s+up|since)\s+(?:in\s+)?$/i;

/** Where the sentence holding `at` starts, read back at most `reach` characters. */
function sentenceStartBefore(text: string, at: number, reach: number): number {
  const from = Math.max(0, at - reach);
  // Read on past `at` by two characters: a sentence's end is known by the capital after it.
  const before = text.slice(from, at + 2);
  let start = 0;
  for (const m of before.matchAll(/[.!?]["”’]?\s+(?=["“]?\p{Lu})|\n\s*\n/gu)) if (from + m.index! + m[0].length <= at) start = m.index! + m[0].length;
  return from + start;
}

const PREVIOUS = /^(?:previous|prior|preceding)$/;
const SAME_PERIOD_BEFORE = /\bthe\s+same\s+(?:quarter|period)\s+(?:of|in)\s+$/i;
const BEFORE_ENDS = /^\s+before(?=\s*(?:[.,;:)]|$))/;

/** A month named in the text before "the following month", with its year when stated. */
const STATED_MONTH = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+\d{1,2}\b)?(?:,?\s+((?:1[6-9]|20)\d\d)\b)?/g;

/**
 * "In March, shareholders urged a sale. The following month, the company put itself up for sale": the month after
 * the last one named (in the year stated with it, else read as news means it), a loose reading.
 */
export function followingMonth(state: ScanState, at: number, end: number, from: number): DateMention | undefined {
  const { text, reference } = state;
  const words = wordsBefore(text, at, from, 2);
  if (words[0]?.text.toLowerCase() !== 'following' || words[1]?.text.toLowerCase() !== 'the') return undefined;
  const before = text.slice(Math.max(0, words[1].start - FOLLOWING_CONTEXT), words[1].start);
  let named: RegExpExecArray | undefined;
  STATED_MONTH.lastIndex = 0;
  for (let m = STATED_MONTH.exec(before); m; m = STATED_MONTH.exec(before)) named = m;
  if (!named) return undefined;
  const month = monthOfName(named[1])!;
  const year = named[2] ? Number(named[2]) : newsYear(reference, month, undefined, false);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return { ...mention(words[1].start, end, text, next, true, false), loose: true };
}

/**
 * The document's year as accounts and plans name it: "by year-end", "at year end", "by year's end", "the full year",
 * "the fiscal year", "the current fiscal year".
 */
export function yearOfAccounts(state: ScanState, at: number, end: number, from: number): DateMention | undefined {
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
