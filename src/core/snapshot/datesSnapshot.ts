import type { CalendarDate, Granularity } from '../dates/calendar';
import type { DateMention } from '../dates/mentions';
import { knownDates, numberedWord, rememberDates, sentenceWordsOf, wordNumber, type SourceDate } from '../dates/sourceDates';
import type { SourceDocument } from '../sources/document';
import { SnapshotError, type Section, type SnapshotReader } from './container';
import { decodeStrings, StringTable } from './strings';

/** Reference dates kept per undated source besides its own dates: the drafts of a desk share a few dates. */
const REFERENCES_KEPT = 3;

const MENTION_KEYS = new Set(['start', 'end', 'text', 'date', 'granularity', 'statedWeekday', 'yearStated', 'relative', 'explicit', 'loose', 'range']);
const DATE_KEYS = new Set(['year', 'month', 'day', 'period']);
/** Columns of a mention row. */
const M = 12;
const NONE = -1;

/**
 * The sources' dates as read so far (each source's own, and an undated source's for the last few reference dates),
 * in rows of integers and one string table. A field of DateMention this code does not know is an error, not a
 * silent loss: the snapshot is then not written.
 */
export function encodeDates(docs: readonly SourceDocument[]): Map<string, Section> {
  const strings = new StringTable();
  // Dates read back from a snapshot are copied as rows; their snapshot's strings keep their numbers in this one.
  let copyFrom: readonly string[] | undefined;
  for (const doc of docs) {
    for (const dates of knownDates(doc)?.values() ?? []) {
      copyFrom ??= stored.get(dates)?.part.strings;
      if (copyFrom) break;
    }
    if (copyFrom) break;
  }
  for (const str of copyFrom ?? []) strings.id(str);
  const tables = new IntRows();
  const mentions = new IntRows();
  const sentences = new IntRows();
  const words = new IntRows();
  docs.forEach((doc, d) => {
    const known = knownDates(doc);
    if (!known) return;
    const undated = [...known.keys()].filter(k => !k.startsWith('own/'));
    const keep = new Set(undated.slice(-REFERENCES_KEPT));
    for (const [key, dates] of known) {
      if (!key.startsWith('own/') && !keep.has(key)) continue;
      tables.push(d, strings.id(key), mentions.length / M, mentions.length / M + dates.length);
      const copy = stored.get(dates);
      if (copy && copy.part.strings === copyFrom) { copyRows(copy, mentions, sentences, words); continue; }
      let last: SourceDate['sentence'] | undefined;
      const known = sentenceWordsOf(dates);
      let s = -1;
      for (const { mention: m, sentence } of dates) {
        if (sentence !== last) {
          s++;
          const [from, to] = [known.wordStart[s], known.wordStart[s + 1]];
          sentences.push(sentence.start, sentence.end, words.length, words.length + to - from);
          for (let k = from; k < to; k++) words.push(strings.id(numberedWord(known.words[k])));
          last = sentence;
        }
        mentions.push(...mentionRow(m, strings), sentences.length / 4 - 1);
      }
    }
  });
  return new Map<string, Section>([
    ['dateStrings', strings.encode()],
    ['dateTables', tables.array()],
    ['dateMentions', mentions.array()],
    ['dateSentences', sentences.array()],
    ['dateWords', words.array()],
  ]);
}

/** Where a list of dates stands in the snapshot it was read from. */
interface StoredDates { readonly part: SnapshotDates; readonly from: number; readonly to: number }
interface SnapshotDates { readonly strings: readonly string[]; readonly rows: Int32Array; readonly sentences: Int32Array; readonly words: Int32Array }

const stored = new WeakMap<readonly SourceDate[], StoredDates>();

/** Copies a table's rows, its sentences and their words as they were stored (the strings keep their numbers). */
function copyRows({ part, from, to }: StoredDates, mentions: IntRows, sentences: IntRows, words: IntRows): void {
  if (from === to) return;
  const firstSentence = part.rows[from * M + 11];
  const sentenceBase = sentences.length / 4;
  for (let s = firstSentence; s <= part.rows[(to - 1) * M + 11]; s++) {
    const wFrom = part.sentences[s * 4 + 2];
    const wTo = part.sentences[s * 4 + 3];
    sentences.push(part.sentences[s * 4], part.sentences[s * 4 + 1], words.length, words.length + wTo - wFrom);
    words.pushRange(part.words, wFrom, wTo);
  }
  const at = mentions.length;
  mentions.pushRange(part.rows, from * M, to * M);
  // The sentence column points into this snapshot's sentences now.
  mentions.shiftColumn(at, M, 11, sentenceBase - firstSentence);
}

/** A growing list of 32-bit integers, copied from typed arrays in blocks (a snapshot copies most of its rows). */
class IntRows {
  private data = new Int32Array(1024);
  length = 0;

  push(...values: number[]): void {
    if (this.length + values.length > this.data.length) this.grow(values.length);
    for (const v of values) this.data[this.length++] = v;
  }

  pushRange(from: Int32Array, start: number, end: number): void {
    if (this.length + end - start > this.data.length) this.grow(end - start);
    this.data.set(from.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** Adds `delta` to column `column` of the rows of width `width` from `at` on. */
  shiftColumn(at: number, width: number, column: number, delta: number): void {
    for (let i = at + column; i < this.length; i += width) this.data[i] += delta;
  }

  array(): Int32Array {
    return this.data.slice(0, this.length);
  }

  private grow(more: number): void {
    const data = new Int32Array(Math.max(this.data.length * 2, this.length + more));
    data.set(this.data.subarray(0, this.length));
    this.data = data;
  }
}

function mentionRow(m: DateMention, strings: StringTable): number[] {
  for (const k of Object.keys(m)) if (!MENTION_KEYS.has(k)) throw new Error(`the snapshot does not know the date field ${k}`);
  for (const k of Object.keys(m.date)) if (!DATE_KEYS.has(k)) throw new Error(`the snapshot does not know the calendar field ${k}`);
  const opt = (v: string | undefined): number => (v === undefined ? NONE : strings.id(v));
  const flags = (m.yearStated ? 1 : 0) | (m.relative ? 2 : 0) | (m.explicit ? 4 : 0) | ('loose' in m ? 8 : 0) | (m.loose ? 16 : 0);
  return [m.start, m.end, strings.id(m.text), m.date.year, m.date.month ?? NONE, m.date.day ?? NONE, opt(m.date.period),
    strings.id(m.granularity), m.statedWeekday ?? NONE, flags, opt(m.range)];
}

/** The list of every source without dates (a quarter of an archive's): one, frozen, so that no one adds to it. */
const NO_DATES = Object.freeze([]) as unknown as SourceDate[];

/**
 * Gives each document its dates back (`datesOf` then returns them without reading the text). Objects are made only
 * where the dates' readers need them: equal calendar dates share one frozen object, and sources without dates share
 * one empty list.
 */
export function decodeDates(reader: SnapshotReader, docs: readonly SourceDocument[], stringCount: number): void {
  const strings = decodeStrings(reader.bytes('dateStrings'), stringCount);
  const tables = reader.i32('dateTables');
  const rows = reader.i32('dateMentions');
  const sentenceRows = reader.i32('dateSentences');
  const words = reader.i32('dateWords');
  const str = (i: number): string => {
    const s = strings[i];
    if (s === undefined) throw new SnapshotError('snapshot date string out of range');
    return s;
  };
  // The words as word numbers, each string numbered once.
  const numbers = new Int32Array(strings.length).fill(-1);
  const numbered = new Int32Array(words.length);
  for (let k = 0; k < words.length; k++) {
    const i = words[k];
    numbered[k] = numbers[i] >= 0 ? numbers[i] : (numbers[i] = wordNumber(str(i)));
  }
  const part: SnapshotDates = { strings, rows, sentences: sentenceRows, words };
  const sentenceCount = sentenceRows.length / 4;
  const sentences: Array<SnapshotSentence | undefined> = new Array(sentenceCount);
  const calendar = new CalendarDates(str);
  for (let t = 0; t + 4 <= tables.length; t += 4) {
    const doc = docs[tables[t]];
    const from = tables[t + 2];
    const to = tables[t + 3];
    if (!doc || from < 0 || to * M > rows.length || from > to) throw new SnapshotError('snapshot date table out of range');
    const key = str(tables[t + 1]);
    if (from === to) { rememberDates(doc, key, NO_DATES, NO_SENTENCES); continue; }
    const dates: SourceDate[] = new Array(to - from);
    const wordStart: number[] = [];
    let last: SnapshotSentence | undefined;
    let row = -1;
    for (let i = from; i < to; i++) {
      row = rows[i * M + 11];
      if (row < 0 || row >= sentenceCount) throw new SnapshotError('snapshot sentence out of range');
      let sentence = sentences[row];
      if (!sentence) {
        const wFrom = sentenceRows[row * 4 + 2];
        const wTo = sentenceRows[row * 4 + 3];
        if (wTo > words.length || wFrom < 0 || wFrom > wTo) throw new SnapshotError('snapshot sentence out of range');
        sentences[row] = sentence = new SnapshotSentence(sentenceRows[row * 4], sentenceRows[row * 4 + 1], numbered, wFrom, wTo);
      }
      if (sentence !== last) { wordStart.push(sentenceRows[row * 4 + 2]); last = sentence; }
      dates[i - from] = { doc, mention: mentionOf(rows, i * M, str, calendar), sentence };
    }
    wordStart.push(sentenceRows[row * 4 + 3]);
    rememberDates(doc, key, dates, { wordStart, words: numbered });
    stored.set(dates, { part, from, to });
  }
}

const NO_SENTENCES: { wordStart: readonly number[]; words: Int32Array } = { wordStart: Object.freeze([0]), words: new Int32Array(0) };

/** Calendar dates read back, one frozen object per distinct date (an archive names the same days again and again). */
class CalendarDates {
  private readonly known = new Map<number, CalendarDate>();
  constructor(private readonly str: (i: number) => string) {}

  of(year: number, month: number, day: number, period: number): CalendarDate {
    // Years 0-4095, month 1-12, day 1-31 (or NONE) and one of the first 255 strings as period pack into one small
    // integer (a fast map key); anything else is made afresh, never shared wrongly.
    const plain = year >= 0 && year < 4096 && month >= NONE && month <= 12 && day >= NONE && day <= 31 && period >= NONE && period < 255;
    const key = plain ? (((((year << 4) | (month + 1)) << 6) | (day + 1)) << 8) | (period + 1) : -1;
    let date = plain ? this.known.get(key) : undefined;
    if (date) return date;
    const d: { year: number; month?: number; day?: number; period?: string } = { year };
    if (month !== NONE) d.month = month;
    if (day !== NONE) d.day = day;
    if (period !== NONE) d.period = this.str(period);
    date = Object.freeze(d);
    if (plain) this.known.set(key, date);
    return date;
  }
}

/** A dated sentence read back: its set of words is made when first read (the library's table uses the numbers). */
class SnapshotSentence {
  private set?: Set<string>;
  constructor(readonly start: number, readonly end: number, private readonly numbers: Int32Array, private readonly from: number, private readonly to: number) {}
  get words(): ReadonlySet<string> {
    if (!this.set) {
      this.set = new Set();
      for (let k = this.from; k < this.to; k++) this.set.add(numberedWord(this.numbers[k]));
    }
    return this.set;
  }
}

/** A mention with exactly the fields it was written with (an absent optional field stays absent). */
function mentionOf(rows: Int32Array, at: number, str: (i: number) => string, calendar: CalendarDates): DateMention {
  const flags = rows[at + 9];
  const m: { -readonly [K in keyof DateMention]: DateMention[K] } = {
    start: rows[at], end: rows[at + 1], text: str(rows[at + 2]), date: calendar.of(rows[at + 3], rows[at + 4], rows[at + 5], rows[at + 6]),
    granularity: str(rows[at + 7]) as Granularity, yearStated: (flags & 1) !== 0, relative: (flags & 2) !== 0, explicit: (flags & 4) !== 0,
  };
  if (rows[at + 8] !== NONE) m.statedWeekday = rows[at + 8];
  if (flags & 8) m.loose = (flags & 16) !== 0;
  if (rows[at + 10] !== NONE) m.range = str(rows[at + 10]);
  return m;
}
