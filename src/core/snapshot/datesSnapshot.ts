import type { CalendarDate, Granularity } from '../dates/calendar';
import type { DateMention } from '../dates/mentions';
import { knownDates, rememberDates, type SourceDate, type StoredDates } from '../dates/sourceDates';
import { numberedWord, sentenceWordsOf, wordNumber, type DatedBlock } from '../dates/datedBlocks';
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
    for (const [, dates] of knownDates(doc)) if (dates instanceof SnapshotList) copyFrom ??= dates.part.stored.strings;
    if (copyFrom) break;
  }
  for (const str of copyFrom ?? []) strings.id(str);
  const tables = new IntRows();
  const mentions = new IntRows();
  const sentences = new IntRows();
  const words = new IntRows();
  docs.forEach((doc, d) => {
    const known = knownDates(doc);
    const undated = known.map(([k]) => k).filter(k => !k.startsWith('own/'));
    const keep = new Set(undated.slice(-REFERENCES_KEPT));
    for (const [key, dates] of known) {
      if (!key.startsWith('own/') && !keep.has(key)) continue;
      if (dates instanceof SnapshotList && dates.part.stored.strings === copyFrom) {
        tables.push(d, strings.id(key), mentions.length / M, mentions.length / M + dates.count);
        copyRows(dates, mentions, sentences, words);
        continue;
      }
      if (!Array.isArray(dates)) throw new Error('dates stored in another snapshot');
      tables.push(d, strings.id(key), mentions.length / M, mentions.length / M + dates.length);
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

interface SnapshotDates { readonly strings: readonly string[]; readonly rows: Int32Array; readonly sentences: Int32Array; readonly words: Int32Array }

/** Copies a table's rows, its sentences and their words as they were stored (the strings keep their numbers). */
function copyRows({ part: { stored: part }, base: from, count }: SnapshotList, mentions: IntRows, sentences: IntRows, words: IntRows): void {
  const to = from + count;
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
 * Gives each document its dates back (`datesOf` then returns them without reading the text). The library's table of
 * dated sentences is joined from the snapshot's arrays; date objects are made only for the sources a check reads:
 * equal calendar dates share one frozen object, and sources without dates share one empty list.
 */
export function decodeDates(reader: SnapshotReader, docs: readonly SourceDocument[], stringCount: number): void {
  const strings = decodeStrings(reader.bytes('dateStrings'), stringCount);
  const tables = reader.i32('dateTables');
  const rows = reader.i32('dateMentions');
  const sentenceRows = reader.i32('dateSentences');
  const words = reader.i32('dateWords');
  const str = stringOf(strings);
  // The words as word numbers, each string numbered once.
  const numbers = new Int32Array(strings.length).fill(-1);
  const numbered = new Int32Array(words.length);
  for (let k = 0; k < words.length; k++) {
    const i = words[k];
    numbered[k] = numbers[i] >= 0 ? numbers[i] : (numbers[i] = wordNumber(str(i)));
  }
  const sentenceCount = sentenceRows.length / 4;
  const mentionCount = rows.length / M;
  if (!Number.isInteger(sentenceCount) || !Number.isInteger(mentionCount)) throw new SnapshotError('snapshot date rows broken');
  const part = new SnapshotPart({ strings, rows, sentences: sentenceRows, words }, str, sentenceCount, mentionCount, numbered);
  // Tables follow each other in the rows, each from a new sentence on, and a sentence's dates stand together.
  let sentence = -1;
  for (let t = 0, next = 0; t + 4 <= tables.length; t += 4) {
    const doc = docs[tables[t]];
    const from = tables[t + 2];
    const to = tables[t + 3];
    if (!doc || from !== next || to > mentionCount || from > to) throw new SnapshotError('snapshot date table out of range');
    const first = sentence + 1;
    for (let i = from; i < to; i++) {
      const s = rows[i * M + 11];
      if (s === sentence + 1) part.newSentence(++sentence, i);
      else if (i === from || s !== sentence) throw new SnapshotError('snapshot sentence out of order');
      part.addDate(sentence, rows, i * M);
    }
    rememberDates(doc, str(tables[t + 1]), new SnapshotList(part, doc, first, sentence + 1, from, to - from));
    next = to;
  }
  part.close(sentence + 1);
}

function stringOf(strings: readonly string[]): (i: number) => string {
  return i => {
    const s = strings[i];
    if (s === undefined) throw new SnapshotError('snapshot date string out of range');
    return s;
  };
}

/**
 * A snapshot's dated sentences as one block that the sources' lists share (`words` holds word numbers; `stored`, the
 * rows as stored, with string numbers), and what their objects are made from.
 */
class SnapshotPart {
  readonly firstDate: Int32Array;
  readonly finest: Uint8Array;
  readonly calendarDates: Uint16Array;
  readonly wordStart: Int32Array;
  readonly calendar: CalendarDates;
  private sentenceObjects?: Array<SnapshotSentence | undefined>;

  constructor(readonly stored: SnapshotDates, readonly str: (i: number) => string, readonly sentenceCount: number,
    mentionCount: number, readonly words: Int32Array) {
    this.firstDate = new Int32Array(sentenceCount + 1).fill(mentionCount);
    this.finest = new Uint8Array(sentenceCount);
    this.calendarDates = new Uint16Array(sentenceCount);
    this.wordStart = new Int32Array(sentenceCount + 1);
    this.calendar = new CalendarDates(str);
  }

  get rows(): Int32Array { return this.stored.rows; }

  newSentence(s: number, firstRow: number): void {
    const { sentences } = this.stored;
    if (s >= this.sentenceCount) throw new SnapshotError('snapshot sentence out of range');
    const wFrom = sentences[s * 4 + 2];
    // A sentence's words follow the previous sentence's.
    if (wFrom !== this.wordStart[s] || sentences[s * 4 + 3] < wFrom || sentences[s * 4 + 3] > this.words.length) throw new SnapshotError('snapshot sentence words out of range');
    this.wordStart[s + 1] = sentences[s * 4 + 3];
    this.firstDate[s] = firstRow;
  }

  addDate(s: number, rows: Int32Array, at: number): void {
    const precision = rows[at + 4] === NONE ? 0 : rows[at + 5] === NONE ? 1 : 2;
    if (precision > this.finest[s]) this.finest[s] = precision;
    // As blockOf counts: days, months and years, not periods or loose references.
    if (rows[at + 6] === NONE && !(rows[at + 9] & 16)) this.calendarDates[s]++;
  }

  close(sentences: number): void {
    if (sentences !== this.sentenceCount) throw new SnapshotError('snapshot holds sentences without dates');
  }

  sentence(s: number): SnapshotSentence {
    const objects = (this.sentenceObjects ??= new Array(this.sentenceCount));
    const rows = this.stored.sentences;
    return (objects[s] ??= new SnapshotSentence(rows[s * 4], rows[s * 4 + 1], this.words, this.wordStart[s], this.wordStart[s + 1]));
  }
}

/** One source's dates in a snapshot: its range of the shared block, made into objects when first read. */
class SnapshotList implements StoredDates, DatedBlock {
  constructor(readonly part: SnapshotPart, private readonly doc: SourceDocument, readonly first: number, readonly end: number,
    readonly base: number, readonly count: number) {}

  get block(): DatedBlock { return this; }
  get firstDate(): Int32Array { return this.part.firstDate; }
  get finest(): Uint8Array { return this.part.finest; }
  get calendarDates(): Uint16Array { return this.part.calendarDates; }
  get wordStart(): Int32Array { return this.part.wordStart; }
  get words(): Int32Array { return this.part.words; }

  dates(): SourceDate[] {
    if (!this.count) return NO_DATES;
    const { part, doc } = this;
    const out: SourceDate[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const at = (this.base + i) * M;
      out[i] = { doc, mention: mentionOf(part.rows, at, part.str, part.calendar), sentence: part.sentence(part.rows[at + 11]) };
    }
    return out;
  }
}

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
