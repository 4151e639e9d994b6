import type { SourceDocument } from '../sources/document';
import type { SourceLibrary } from '../sources/library';
import { isoDate, keysOf, parseIsoDate } from './calendar';
import { contentWords } from './contentWords';
import { LazyMap, PostingsMap } from '../index/readonlyMaps';
import { extractDatesIn, sentences, type DateMention } from './mentions';

/** A date in a source, with the sentence it stands in. */
export interface SourceDate {
  readonly doc: SourceDocument;
  readonly mention: DateMention;
  readonly sentence: { readonly start: number; readonly end: number; readonly words: ReadonlySet<string> };
}

/** The dates of all sources resolved for one reference date, filed by calendar key, and their sentences by content word. */
export interface ResolvedSourceDates {
  readonly byKey: ReadonlyMap<string, SourceDate[]>;
  /** How many sources the library holds (dated or not). */
  readonly documents: number;
  /** Whether they are a story's own sources (SourceLibrary.ownSources): few, and none from an archive. */
  readonly ownSources: boolean;
  /** Where each dated source's dates stand in `all`: [first, end). */
  readonly byDocument: ReadonlyMap<SourceDocument, readonly [number, number]>;
  readonly all: readonly SourceDate[];
  readonly sentences: DatedSentences;
}

/**
 * The dated sentences of all sources, numbered in order; a sentence's dates stand next to each other in `all`.
 * Typed arrays, because pairing a draft's sentence walks these lists for every date of the draft.
 */
export interface DatedSentences {
  /** Content word -> the sentences that hold it, ascending, and how many dates those sentences hold. */
  readonly byWord: ReadonlyMap<string, { readonly sentences: Int32Array; readonly dates: number }>;
  /** Per sentence: its first date in `all`, and one past its last (the entry after it). */
  readonly firstDate: Int32Array;
  /** Per sentence: the finest precision of its dates: 0 a year, 1 a month of a year, 2 a day. */
  readonly finest: Uint8Array;
  /** One counter per sentence, zero between uses: scratch space for pairing. */
  readonly counts: Uint16Array;
  /** Scratch space for the sentences a pairing touched. */
  readonly touched: Int32Array;
}

/** 0 a year, 1 a month of a year, 2 a day. */
export function precisionOf(d: SourceDate): number {
  return d.mention.date.month === undefined ? 0 : d.mention.date.day === undefined ? 1 : 2;
}

/**
 * Dates of one source kept elsewhere (a snapshot's tables): their block is a range of a block shared with other
 * sources, and their objects are made only when a check reads them.
 */
export interface StoredDates {
  readonly count: number;
  /** The shared block, and the range of its sentences that are this source's. */
  readonly block: DatedBlock;
  readonly dates: () => SourceDate[];
}

/** The dates a source has read under one key (`own/dayFirst` or `YYYY-MM-DD/dayFirst`); most have one key only. */
interface Known {
  readonly key: string;
  list?: SourceDate[];
  readonly stored?: StoredDates;
  readonly next?: Known;
}

const cache = new WeakMap<SourceDocument, Known>();

function knownUnder(doc: SourceDocument, key: string): Known | undefined {
  for (let k = cache.get(doc); k; k = k.next) if (k.key === key) return k;
  return undefined;
}

function listOf(known: Known): SourceDate[] {
  return (known.list ??= known.stored!.dates());
}

/** The source's dates for a check's reference date, read if need be; keys are made once per library, not per source. */
function knownFor(doc: SourceDocument, reference: Date, dayFirst: boolean, ownKey = `own/${dayFirst}`, referenceKey?: string): Known {
  // Dates read against the source's own date (it has one: metadata does not change) need no look at its metadata.
  const mine = knownUnder(doc, ownKey);
  if (mine) return mine;
  const own = doc.meta.date ? parseIsoDate(doc.meta.date) : undefined;
  const key = own ? ownKey : (referenceKey ?? `${isoDate(reference)}/${dayFirst}`);
  let known = knownUnder(doc, key);
  if (!known) cache.set(doc, (known = { key, list: extract(doc, own ?? reference, dayFirst), next: cache.get(doc) }));
  return known;
}

/**
 * Dates of one source. A source with a `date:` resolves its relative dates against it, once; a source without one
 * (say, a pasted article) against the reference date of the check, cached per reference date.
 */
export function datesOf(doc: SourceDocument, reference: Date, dayFirst: boolean): SourceDate[] {
  return listOf(knownFor(doc, reference, dayFirst));
}

/** Whether a source's dates for a check against `reference` are read already (against its own date or that one). */
export function hasDatesFor(reference: Date, dayFirst: boolean): (doc: SourceDocument) => boolean {
  const ownKey = `own/${dayFirst}`;
  const referenceKey = `${isoDate(reference)}/${dayFirst}`;
  return doc => knownUnder(doc, ownKey) !== undefined || knownUnder(doc, referenceKey) !== undefined;
}

/** The dates already read for a source, by key, oldest first (what a snapshot keeps): stored ones as stored. */
export function knownDates(doc: SourceDocument): Array<[string, SourceDate[] | StoredDates]> {
  const out: Array<[string, SourceDate[] | StoredDates]> = [];
  for (let k = cache.get(doc); k; k = k.next) out.unshift([k.key, k.stored ?? k.list!]);
  return out;
}

/** How many keys a source's dates were read under (`knownDates(doc).length`, without making the list). */
export function knownDateCount(doc: SourceDocument): number {
  let n = 0;
  for (let k = cache.get(doc); k; k = k.next) n++;
  return n;
}

/** A source's dates read under `key`, made into objects if they were stored. */
export function datesUnder(doc: SourceDocument, key: string): SourceDate[] | undefined {
  const known = knownUnder(doc, key);
  return known && listOf(known);
}

/** Dates of a source read earlier, under `key` (from a snapshot): `datesOf` returns them without reading the text. */
export function rememberDates(doc: SourceDocument, key: string, dates: StoredDates): void {
  cache.set(doc, { key, stored: dates, next: cache.get(doc) });
}

function extract(doc: SourceDocument, reference: Date, dayFirst: boolean): SourceDate[] {
  const split = sentences(doc.text, doc.bodyStart);
  const mentions = extractDatesIn(doc.text, split, { reference, dayFirst });
  if (!mentions.length) return [];
  const out: SourceDate[] = [];
  let k = 0;
  for (const [s, e] of split) {
    while (k < mentions.length && mentions[k].start < s) k++;
    if (k >= mentions.length) break;
    if (mentions[k].start >= e) continue;
    // One object per sentence: its dates share it (resolveSourceDates groups them by it).
    const sentence = { start: s, end: e, words: contentWords(doc.text, s, e) };
    for (; k < mentions.length && mentions[k].start < e; k++) out.push({ doc, mention: mentions[k], sentence });
  }
  return out;
}

/** Content words of dated sentences, numbered once for the whole process (sources keep their words' numbers). */
const wordNumbers = new Map<string, number>();
const numberedWords: string[] = [];

/** The number of a content word, given on first sight. */
export function wordNumber(word: string): number {
  let n = wordNumbers.get(word);
  if (n === undefined) {
    wordNumbers.set(word, (n = numberedWords.length));
    numberedWords.push(word);
  }
  return n;
}

/** The word of a number given by `wordNumber`. */
export function numberedWord(n: number): string {
  return numberedWords[n];
}

/**
 * One source's dated sentences as the library's table takes them: built once per list of dates, so that after a
 * change only the changed source's block is built, and joining the blocks is a few passes over typed arrays.
 */
export interface DatedBlock {
  /** The block's sentences are [first, end) of these arrays; `base` is the list's first date in `firstDate`. */
  readonly first: number;
  readonly end: number;
  readonly base: number;
  /** Per sentence, its first date (less `base`, in the source's list); one past the last after the last. */
  readonly firstDate: ArrayLike<number>;
  readonly finest: ArrayLike<number>;
  /** Per sentence, its dates that are days, months or years (periods and loose references are not counted). */
  readonly calendarDates: ArrayLike<number>;
  /** Per sentence, where its word numbers start in `words`; the end at the end. */
  readonly wordStart: ArrayLike<number>;
  readonly words: ArrayLike<number>;
}

/** Each dated sentence's word numbers, as `words[wordStart[s]..wordStart[s + 1])` (a snapshot's tables). */
export interface SentenceWords {
  readonly wordStart: ArrayLike<number>;
  readonly words: ArrayLike<number>;
}

const blocks = new WeakMap<readonly SourceDate[], DatedBlock>();

/** A source's block. Plain arrays: thousands of small typed arrays would keep the collector busy. */
function blockOf(dates: readonly SourceDate[]): DatedBlock {
  let block = blocks.get(dates);
  if (block) return block;
  const firstDate: number[] = [];
  const finest: number[] = [];
  const calendarDates: number[] = [];
  const wordStart: number[] = [];
  const words: number[] = [];
  for (let i = 0; i < dates.length;) {
    // One dated sentence at a time: its dates, then its words once (a word's count is of the dates it stands with).
    const sentence = dates[i].sentence;
    let precision = 0;
    // Periods ("the quarter", "today") do not count toward a word's commonness: COMMON_WORD was set on days,
    // months and years, and an archive full of "the quarter" would make the words of dated statements common.
    let calendar = 0;
    firstDate.push(i);
    for (; i < dates.length && dates[i].sentence === sentence; i++) {
      const d = dates[i];
      precision = Math.max(precision, precisionOf(d));
      if (d.mention.date.period === undefined && !d.mention.loose) calendar++;
    }
    finest.push(precision);
    calendarDates.push(calendar);
    wordStart.push(words.length);
    for (const w of sentence.words) words.push(wordNumber(w));
  }
  firstDate.push(dates.length);
  wordStart.push(words.length);
  block = { first: 0, end: finest.length, base: 0, firstDate, finest, calendarDates, wordStart, words };
  blocks.set(dates, block);
  return block;
}

/** The word numbers of each dated sentence of a list of dates (what a snapshot keeps). */
export function sentenceWordsOf(dates: readonly SourceDate[]): SentenceWords {
  return blockOf(dates);
}

const resolvedCache = new WeakMap<SourceLibrary, { generation: number; key: string; value: ResolvedSourceDates }>();

/**
 * The dates of all sources for one reference date, filed for pairing. Each source's dates and block are kept, so
 * after a change only the changed source is read, and the table is joined again from the blocks in a few linear
 * passes (by word number, a counting sort); the table by calendar key is built only if a check asks for it.
 */
export function resolveSourceDates(library: SourceLibrary, reference: Date, dayFirst: boolean): ResolvedSourceDates {
  const key = `${isoDate(reference)}/${dayFirst}`;
  const cached = resolvedCache.get(library);
  if (cached && cached.generation === library.generation && cached.key === key) return cached.value;
  const docs = library.stories;
  const ownKey = `own/${dayFirst}`;
  const known = docs.map(doc => knownFor(doc, reference, dayFirst, ownKey, key));
  const parts = known.map(k => k.stored?.block ?? blockOf(k.list!));
  let sentenceCount = 0;
  let wordCount = 0;
  for (const b of parts) { sentenceCount += b.end - b.first; wordCount += b.wordStart[b.end] - b.wordStart[b.first]; }
  // Where each source's dates start in `all`, and one past the last at the end.
  const docStart = new Int32Array(docs.length + 1);
  const firstDate = new Int32Array(sentenceCount + 1);
  const finest = new Uint8Array(sentenceCount);
  const words = numberedWords.length;
  const start = new Int32Array(words + 1);
  const counts = new Int32Array(words);
  let dateCount = 0;
  for (let d = 0, s0 = 0; d < docs.length; d++) {
    const b = parts[d];
    docStart[d] = dateCount;
    for (let s = b.first; s < b.end; s++, s0++) {
      firstDate[s0] = dateCount + b.firstDate[s] - b.base;
      finest[s0] = b.finest[s];
      for (let k = b.wordStart[s]; k < b.wordStart[s + 1]; k++) {
        start[b.words[k] + 1]++;
        counts[b.words[k]] += b.calendarDates[s];
      }
    }
    dateCount += known[d].stored?.count ?? known[d].list!.length;
  }
  docStart[docs.length] = dateCount;
  firstDate[sentenceCount] = dateCount;
  for (let w = 0; w < words; w++) start[w + 1] += start[w];
  const fill = start.slice(0, words);
  const positions = new Int32Array(wordCount);
  for (let d = 0, s0 = 0; d < docs.length; d++) {
    const b = parts[d];
    for (let s = b.first; s < b.end; s++, s0++) for (let k = b.wordStart[s]; k < b.wordStart[s + 1]; k++) positions[fill[b.words[k]]++] = s0;
  }
  // Lists read in this process are there already: a plain array reads faster than the lazy one.
  const all = known.every(k => k.list) ? plainDates(known) : lazyDates(dateCount, docStart, d => listOf(known[d]));
  const byWord = new PostingsMap(w => wordNumbers.get(w), n => numberedWords[n], start, positions, counts);
  const byKey = new LazyMap(() => datesByKey(all));
  const byDocument = new LazyMap(() => {
    const map = new Map<SourceDocument, [number, number]>();
    docs.forEach((doc, d) => { if (docStart[d + 1] > docStart[d]) map.set(doc, [docStart[d], docStart[d + 1]]); });
    return map;
  });
  const sentences: DatedSentences = {
    byWord, firstDate, finest, counts: new Uint16Array(sentenceCount), touched: new Int32Array(sentenceCount),
  };
  const value = { byKey, documents: docs.length, ownSources: library.ownSources, byDocument, all, sentences };
  resolvedCache.set(library, { generation: library.generation, key, value });
  return value;
}

function plainDates(known: readonly Known[]): SourceDate[] {
  const all: SourceDate[] = [];
  for (const k of known) for (const d of k.list!) all.push(d);
  return all;
}

/**
 * All sources' dates as one read-only array whose entries are made when first read: a check reads the dates of the
 * few sentences it pairs with, and a snapshot's sources need not make the objects of the others.
 */
function lazyDates(length: number, docStart: Int32Array, listOfDoc: (d: number) => readonly SourceDate[]): readonly SourceDate[] {
  const target: SourceDate[] = new Array(length);
  const at = (i: number): SourceDate => {
    let lo = 0;
    let hi = docStart.length - 2;
    // The last source whose dates start at or before i.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (docStart[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    const list = listOfDoc(lo);
    for (let k = 0; k < list.length; k++) target[docStart[lo] + k] = list[k];
    return target[i];
  };
  const indexOf = (p: string | symbol): number => {
    if (typeof p !== 'string') return -1;
    const i = Number(p);
    return Number.isInteger(i) && i >= 0 && i < length && String(i) === p ? i : -1;
  };
  return new Proxy(target, {
    get(t, p, receiver) {
      const i = indexOf(p);
      return i < 0 ? Reflect.get(t, p, receiver) : t[i] ?? at(i);
    },
    has(t, p) {
      return indexOf(p) >= 0 || Reflect.has(t, p);
    },
    set() { return false; },
    deleteProperty() { return false; },
    defineProperty() { return false; },
  });
}

/** Explicit dates by calendar key, in library order. */
function datesByKey(all: readonly SourceDate[]): Map<string, SourceDate[]> {
  const byKey = new Map<string, SourceDate[]>();
  for (const d of all) {
    // "On Tuesday" in another story is weak evidence: bare weekdays only pair with the same statement.
    if (!d.mention.explicit) continue;
    for (const k of keysOf(d.mention.date)) {
      const list = byKey.get(k);
      if (list) list.push(d);
      else byKey.set(k, [d]);
    }
  }
  return byKey;
}
