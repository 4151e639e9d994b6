import { isoWeekOf } from './calendar';
import type { DateMention } from './mentions';
import { mention, readBefore, wordsBefore, yearAfter, yearOfPeriod, type ScanState } from './periodWords';
import { quarter, yearEarlier } from './quarterMentions';
import { forEachMatchWithin } from './sentences';
import { speaksOfFuture } from './tense';
import { vagueReference } from './vagueReferences';
import { decade, followingMonth, followingYear, yearBefore, spokenYear, yearOfAccounts } from './yearReferences';

/**
 * Dates that chrono does not read, found by one scan for their head word and read from the words around it: quarters
 * and halves ("the third quarter", "third-quarter", "the year-ago quarter", "the first half of 2013"), seasons ("last
 * summer"), decades ("the 1990s"), weeks ("last week", "the weekend"), "today", "a year earlier" and, when asked for,
 * vague references ("now", "recently", "the future": TimeML's PRESENT_REF, PAST_REF, FUTURE_REF, never checked).
 */
export function periodMentions(text: string, within: ReadonlyArray<readonly [number, number]>, reference: Date, vague: boolean): DateMention[] {
  const periods = new PeriodReader(text, reference);
  forEachMatchWithin(vague ? HEAD_OR_VAGUE : HEAD, text, within, (m, s, e) => periods.read(m[0], m.index, s, e));
  return periods.found;
}

/** The periods read from head words given in text order (by `periodMentions`, or by a scan that also finds other words). */
export class PeriodReader {
  readonly found: DateMention[] = [];
  private readonly state: ScanState;

  constructor(text: string, reference: Date) {
    this.state = { text, reference };
  }

  /** Reads the head word `word` at `at`, in the sentence [from, to). */
  read(word: string, at: number, from: number, to: number): void {
    const found = readHead(this.state, word, at, from, to);
    if (!found) return;
    const out = this.found;
    const last = out[out.length - 1];
    if (last && found.start < last.end) {
      // Overlapping readings ("year-earlier" inside "the year-earlier quarter"): the longer one.
      if (found.end - found.start > last.end - last.start) out[out.length - 1] = found;
    } else out.push(found);
  }
}

// Plain words only: lookarounds here would cost the scan more than the few extra calls of readHead.
export const HEAD_WORDS = 'thanksgiving|christmas|halloween|quarter|half|spring|summer|autumn|fall|winter|week(?:end)?|today|year|(?:1[0-9]|20)?\\d0s|nineteen|two[\\s-]+thousand|month';

export const VAGUE_WORDS = 'now|currently|current|recently|recent|future|past|lately|nowadays|days|present|term';

const HEAD = new RegExp(`\\b(?:${HEAD_WORDS})\\b`, 'gi');

const HEAD_OR_VAGUE = new RegExp(`\\b(?:${HEAD_WORDS}|${VAGUE_WORDS})\\b`, 'gi');

function readHead(state: ScanState, head: string, at: number, from: number, to: number): DateMention | undefined {
  const word = head.toLowerCase();
  const end = at + head.length;
  switch (word) {
    case 'quarter': return quarter(state, at, end, from, to);
    case 'half': return half(state, at, end, from, to);
    case 'spring': case 'summer': case 'autumn': case 'fall': case 'winter': return season(state, word, at, end, from, to);
    case 'week': case 'weekend': return week(state, word, at, end, from);
    case 'today': return today(state, at, end, from);
    case 'thanksgiving': case 'christmas': case 'halloween': return holiday(state, word, at, end, from);
    case 'year': return yearEarlier(state, at, end, from, to) ?? yearOfAccounts(state, at, end, from) ?? followingYear(state, at, end, from)
      ?? yearBefore(state, at, end, from);
    case 'nineteen': return spokenYear(state, at, from);
    case 'month': return followingMonth(state, at, end, from);
    default:
      if (word.startsWith('two')) return spokenYear(state, at, from);
      if (/\d0s$/.test(word)) return decade(state, at, end, from);
      return vagueReference(state, word, at, end, from, to);
  }
}

// ---- periods --------------------------------------------------------------------------------------------------------

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
