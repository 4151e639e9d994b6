import type { SourceDocument } from '../sources/document';
import type { SourceLibrary } from '../sources/library';
import { isoDate, keysOf } from './calendar';
import { blockOf, numberedWord, numberedWordCount, numberOfWord } from './datedBlocks';
import { LazyMap, PostingsMap } from '../index/readonlyMaps';
import { knownFor, listOf, type KnownDates, type SourceDate } from './sourceDates';

/** The dates of all sources resolved for one reference date, filed by calendar key, and their sentences by content word. */
export interface ResolvedSourceDates {
  readonly byKey: ReadonlyMap<string, SourceDate[]>;
  /** How many sources the library holds (dated or not). */
  readonly documents: number;
  /** Whether they are a story's own sources (SourceLibrary.ownSources): few, and none from an archive. */
  readonly ownSources: boolean;
  /**
   * When not all are: the dated sources that are (a story's folder checked beside a large one), with their dates'
   * place in `all`; the relaxed rules of own sources hold for these.
   */
  readonly ownDocuments: ReadonlyArray<readonly [SourceDocument, number, number]>;
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
  /** Per sentence, 1 in one of the story's own sources (`ownDocuments`); undefined when there are none of those. */
  readonly own?: Uint8Array;
}

const resolvedCache = new WeakMap<SourceLibrary, CachedTable>();

/**
 * The dates of all sources for one reference date, filed for pairing. Each source's dates and block are kept, so
 * after a change only the changed source is read, and the table is joined again from the blocks in a few linear
 * passes (by word number, a counting sort); the table by calendar key is built only if a check asks for it.
 */
export function resolveSourceDates(library: SourceLibrary, reference: Date, dayFirst: boolean): ResolvedSourceDates {
  return cachedTable(resolvedCache, library, reference, dayFirst, key => {
    const ownSources = library.ownSources;
    return tableOf(library.stories, reference, dayFirst, key, ownSources, d => library.isOwnSource(d));
  });
}

const ownOnlyCache = new WeakMap<SourceLibrary, CachedTable<ResolvedSourceDates | undefined>>();

/**
 * The dates of the story's own sources alone, when they are checked beside a large library (`ownDocuments`), read
 * with the rules of own sources: what the check would say without the library (a local check before an archive's).
 * Undefined when the library has no such sources, or is only they.
 */
export function ownSourceDates(library: SourceLibrary, reference: Date, dayFirst: boolean): ResolvedSourceDates | undefined {
  return cachedTable(ownOnlyCache, library, reference, dayFirst, key => {
    if (library.ownSources) return undefined;
    const own = library.stories.filter((_, d) => library.isOwnSource(d));
    return own.length ? tableOf(own, reference, dayFirst, key, true, () => false) : undefined;
  });
}

interface CachedTable<T = ResolvedSourceDates> { generation: number; collections: number; key: string; value: T }

function cachedTable<T>(cache: WeakMap<SourceLibrary, CachedTable<T>>, library: SourceLibrary, reference: Date, dayFirst: boolean,
  build: (key: string) => T): T {
  const key = `${isoDate(reference)}/${dayFirst}`;
  const cached = cache.get(library);
  if (cached && cached.generation === library.generation && cached.collections === library.collectionsGeneration && cached.key === key) return cached.value;
  const value = build(key);
  cache.set(library, { generation: library.generation, collections: library.collectionsGeneration, key, value });
  return value;
}

/** The table of `docs`' dates; `isOwn(d)` marks the story's own sources among them (when not all are: `ownSources`). */
function tableOf(docs: readonly SourceDocument[], reference: Date, dayFirst: boolean, key: string, ownSources: boolean,
  isOwn: (d: number) => boolean): ResolvedSourceDates {
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
  const words = numberedWordCount();
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
  const byWord = new PostingsMap(numberOfWord, numberedWord, start, positions, counts);
  const byKey = new LazyMap(() => datesByKey(all));
  const byDocument = new LazyMap(() => {
    const map = new Map<SourceDocument, [number, number]>();
    docs.forEach((doc, d) => { if (docStart[d + 1] > docStart[d]) map.set(doc, [docStart[d], docStart[d + 1]]); });
    return map;
  });
  const ownDocuments: Array<[SourceDocument, number, number]> = [];
  let own: Uint8Array | undefined;
  if (!ownSources) {
    for (let d = 0, s0 = 0; d < docs.length; d++) {
      const sentencesOfDoc = parts[d].end - parts[d].first;
      if (docStart[d + 1] > docStart[d] && isOwn(d)) {
        ownDocuments.push([docs[d], docStart[d], docStart[d + 1]]);
        (own ??= new Uint8Array(sentenceCount)).fill(1, s0, s0 + sentencesOfDoc);
      }
      s0 += sentencesOfDoc;
    }
  }
  const sentences: DatedSentences = {
    byWord, firstDate, finest, counts: new Uint16Array(sentenceCount), touched: new Int32Array(sentenceCount), own,
  };
  return { byKey, documents: docs.length, ownSources, ownDocuments, byDocument, all, sentences };
}

function plainDates(known: readonly KnownDates[]): SourceDate[] {
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
