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

/** Each source's dates, by the key they were read under (`own/dayFirst` or `YYYY-MM-DD/dayFirst`). */
const cache = new WeakMap<SourceDocument, Map<string, SourceDate[]>>();

/**
 * Dates of one source. A source with a `date:` resolves its relative dates against it, once; a source without one
 * (say, a pasted article) against the reference date of the check, cached per reference date.
 */
export function datesOf(doc: SourceDocument, reference: Date, dayFirst: boolean): SourceDate[] {
  // Dates read against the source's own date (it has one: metadata does not change) need no look at its metadata.
  const mine = cache.get(doc)?.get(`own/${dayFirst}`);
  if (mine) return mine;
  const own = doc.meta.date ? parseIsoDate(doc.meta.date) : undefined;
  const key = own ? `own/${dayFirst}` : `${isoDate(reference)}/${dayFirst}`;
  let byKey = cache.get(doc);
  if (!byKey) cache.set(doc, (byKey = new Map()));
  let found = byKey.get(key);
  if (!found) byKey.set(key, (found = extract(doc, own ?? reference, dayFirst)));
  return found;
}

/** The dates already read for a source, by key (what a snapshot keeps). */
export function knownDates(doc: SourceDocument): ReadonlyMap<string, SourceDate[]> | undefined {
  return cache.get(doc);
}

/** Dates of a source read earlier, under `key` (from a snapshot): `datesOf` returns them without reading the text. */
export function rememberDates(doc: SourceDocument, key: string, dates: SourceDate[], sentenceWords?: SentenceWords): void {
  if (sentenceWords) blockOf(dates, sentenceWords);
  let byKey = cache.get(doc);
  if (!byKey) cache.set(doc, (byKey = new Map()));
  byKey.set(key, dates);
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
interface DatedBlock {
  /** Per sentence, its first date in the source's list; one past the last at the end. */
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

/**
 * A source's block; `known` gives each sentence's word numbers when they are known already (a snapshot), else
 * they are numbered from the sentences' sets. Plain arrays: thousands of small typed arrays would keep the
 * collector busy.
 */
function blockOf(dates: readonly SourceDate[], known?: SentenceWords): DatedBlock {
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
    if (!known) {
      wordStart.push(words.length);
      for (const w of sentence.words) words.push(wordNumber(w));
    }
  }
  firstDate.push(dates.length);
  wordStart.push(words.length);
  block = known ? { firstDate, finest, calendarDates, ...known } : { firstDate, finest, calendarDates, wordStart, words };
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
  const docs = library.documents;
  const lists = docs.map(doc => datesOf(doc, reference, dayFirst));
  const parts = lists.map(dates => blockOf(dates));
  let sentenceCount = 0;
  let wordCount = 0;
  for (const b of parts) { sentenceCount += b.finest.length; wordCount += b.wordStart[b.finest.length] - b.wordStart[0]; }
  const all: SourceDate[] = [];
  const byDocument = new Map<SourceDocument, [number, number]>();
  const firstDate = new Int32Array(sentenceCount + 1);
  const finest = new Uint8Array(sentenceCount);
  const words = numberedWords.length;
  const start = new Int32Array(words + 1);
  const counts = new Int32Array(words);
  for (let d = 0, s0 = 0; d < docs.length; d++) {
    const b = parts[d];
    const dates = lists[d];
    if (dates.length) byDocument.set(docs[d], [all.length, all.length + dates.length]);
    for (let s = 0; s < b.finest.length; s++) {
      firstDate[s0 + s] = all.length + b.firstDate[s];
      finest[s0 + s] = b.finest[s];
      for (let k = b.wordStart[s]; k < b.wordStart[s + 1]; k++) {
        start[b.words[k] + 1]++;
        counts[b.words[k]] += b.calendarDates[s];
      }
    }
    for (const x of dates) all.push(x);
    s0 += b.finest.length;
  }
  firstDate[sentenceCount] = all.length;
  for (let w = 0; w < words; w++) start[w + 1] += start[w];
  const fill = start.slice(0, words);
  const positions = new Int32Array(wordCount);
  for (let d = 0, s0 = 0; d < docs.length; s0 += parts[d].finest.length, d++) {
    const b = parts[d];
    for (let s = 0; s < b.finest.length; s++) for (let k = b.wordStart[s]; k < b.wordStart[s + 1]; k++) positions[fill[b.words[k]]++] = s0 + s;
  }
  const byWord = new PostingsMap(w => wordNumbers.get(w), n => numberedWords[n], start, positions, counts);
  const byKey = new LazyMap(() => datesByKey(all));
  const sentences: DatedSentences = {
    byWord, firstDate, finest, counts: new Uint16Array(sentenceCount), touched: new Int32Array(sentenceCount),
  };
  const value = { byKey, documents: docs.length, ownSources: library.ownSources, byDocument, all, sentences };
  resolvedCache.set(library, { generation: library.generation, key, value });
  return value;
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
