import type { SourceDate, StoredDates } from '../dates/sourceDates';
import { numberedWord, type DatedBlock } from '../dates/datedBlocks';
import type { SourceDocument } from '../sources/document';
import { SnapshotError } from './container';
import { CalendarDates, M, mentionOf, NONE, type SnapshotDates } from './dateRows';

/** The list of every source without dates (a quarter of an archive's): one, frozen, so that no one adds to it. */
const NO_DATES = Object.freeze([]) as unknown as SourceDate[];

/**
 * A snapshot's dated sentences as one block that the sources' lists share (`words` holds word numbers; `stored`, the
 * rows as stored, with string numbers), and what their objects are made from.
 */
export class SnapshotPart {
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
export class SnapshotList implements StoredDates, DatedBlock {
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
    const text = (): string => doc.text;
    for (let i = 0; i < this.count; i++) {
      const at = (this.base + i) * M;
      out[i] = { doc, mention: mentionOf(part.rows, at, part.str, part.calendar, text), sentence: part.sentence(part.rows[at + 11]) };
    }
    return out;
  }
}

/** A dated sentence read back: its set of words is made when first read (the library's table uses the numbers). */
export class SnapshotSentence {
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
