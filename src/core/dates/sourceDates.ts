import type { SourceDocument } from '../sources/document';
import type { SourceLibrary } from '../sources/library';
import { isoDate, keysOf, parseIsoDate } from './calendar';
import { contentWords } from './contentWords';
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
export function rememberDates(doc: SourceDocument, key: string, dates: SourceDate[]): void {
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

const resolvedCache = new WeakMap<SourceLibrary, { generation: number; key: string; value: ResolvedSourceDates }>();

export function resolveSourceDates(library: SourceLibrary, reference: Date, dayFirst: boolean): ResolvedSourceDates {
  const key = `${isoDate(reference)}/${dayFirst}`;
  const cached = resolvedCache.get(library);
  if (cached && cached.generation === library.generation && cached.key === key) return cached.value;
  const byKey = new Map<string, SourceDate[]>();
  const all: SourceDate[] = [];
  const wordLists = new Map<string, { sentences: number[]; dates: number }>();
  const firstDate: number[] = [];
  const finest: number[] = [];
  const docs = library.documents;
  const byDocument = new Map<SourceDocument, [number, number]>();
  for (const doc of docs) {
    const own = datesOf(doc, reference, dayFirst);
    if (own.length) byDocument.set(doc, [all.length, all.length + own.length]);
    for (let i = 0; i < own.length;) {
      // One dated sentence at a time: its dates, then its words once (a word's count is of the dates it stands with).
      const sentence = own[i].sentence;
      let j = i;
      let precision = 0;
      // Periods ("the quarter", "today") do not count toward a word's commonness: COMMON_WORD was set on days,
      // months and years, and an archive full of "the quarter" would make the words of dated statements common.
      let calendarDates = 0;
      firstDate.push(all.length);
      for (; j < own.length && own[j].sentence === sentence; j++) {
        const d = own[j];
        // "On Tuesday" in another story is weak evidence: bare weekdays only pair with the same statement.
        if (d.mention.explicit) {
          for (const k of keysOf(d.mention.date)) {
            const list = byKey.get(k);
            if (list) list.push(d);
            else byKey.set(k, [d]);
          }
        }
        precision = Math.max(precision, precisionOf(d));
        if (d.mention.date.period === undefined && !d.mention.loose) calendarDates++;
        all.push(d);
      }
      const n = firstDate.length - 1;
      finest.push(precision);
      for (const w of sentence.words) {
        let entry = wordLists.get(w);
        if (!entry) wordLists.set(w, (entry = { sentences: [], dates: 0 }));
        entry.sentences.push(n);
        entry.dates += calendarDates;
      }
      i = j;
    }
  }
  firstDate.push(all.length);
  const byWord = new Map<string, { sentences: Int32Array; dates: number }>();
  for (const [w, e] of wordLists) byWord.set(w, { sentences: new Int32Array(e.sentences), dates: e.dates });
  const count = finest.length;
  const sentences: DatedSentences = {
    byWord, firstDate: new Int32Array(firstDate), finest: new Uint8Array(finest),
    counts: new Uint16Array(count), touched: new Int32Array(count),
  };
  const value = { byKey, documents: docs.length, byDocument, all, sentences };
  resolvedCache.set(library, { generation: library.generation, key, value });
  return value;
}
