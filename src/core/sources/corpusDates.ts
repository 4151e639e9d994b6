import { resolveSourceDates, type ResolvedSourceDates } from '../dates/sourceDateTable';
import type { Postings } from '../index/readonlyMaps';
import { MAX_PAIRED_SENTENCES, type CorpusSource, type DateCounts, type DatedStatement, type DateReading } from './corpus';
import type { SourceLibrary } from './library';

/**
 * The library's dates as a check pairs a draft's sentences with them. A library that holds a part of a larger corpus
 * (the documents an archive gave for a check: SourceLibrary.commonDateWords) pairs by that corpus's common words, not
 * its own: the words its dates were paired by in the whole corpus, so that the same sentences pair.
 */
export function datesToPair(library: SourceLibrary, reference: Date, dayFirst: boolean): ResolvedSourceDates {
  const own = resolveSourceDates(library, reference, dayFirst);
  const common = library.commonDateWords;
  if (!common) return own;
  return { ...own, sentences: { ...own.sentences, byWord: new CorpusWords(own.sentences.byWord, common) } };
}

/**
 * A library's words with the commonness a larger corpus gives them: a word the corpus finds too common counts
 * infinitely many dates, one it does not, none (pairing compares the count with the library's limit, at least 250);
 * a word it was not asked about keeps the library's count.
 */
class CorpusWords implements ReadonlyMap<string, Postings> {
  constructor(private readonly own: ReadonlyMap<string, Postings>, private readonly common: (word: string) => boolean | undefined) {}

  get(word: string): Postings | undefined {
    const entry = this.own.get(word);
    const common = entry && this.common(word);
    return entry && common !== undefined ? { sentences: entry.sentences, dates: common ? Infinity : 0 } : entry;
  }

  has(word: string): boolean { return this.own.has(word); }
  get size(): number { return this.own.size; }
  *entries(): MapIterator<[string, Postings]> { for (const [word] of this.own) yield [word, this.get(word)!]; }
  *keys(): MapIterator<string> { yield* this.own.keys(); }
  *values(): MapIterator<Postings> { for (const [, v] of this.entries()) yield v; }
  forEach(fn: (value: Postings, key: string, map: ReadonlyMap<string, Postings>) => void): void { for (const [k, v] of this.entries()) fn(v, k, this); }
  [Symbol.iterator](): MapIterator<[string, Postings]> { return this.entries(); }
}

/** SourceCorpus.dateCounts of a library in memory. */
export function libraryDateCounts(library: SourceLibrary, words: readonly string[], reading: DateReading): DateCounts {
  const { all, sentences } = resolveSourceDates(library, reading.reference, reading.dayFirst);
  return { dates: all.length, wordDates: new Map(words.map(w => [w, sentences.byWord.get(w)?.dates ?? 0])) };
}

/**
 * SourceCorpus.datedSentences of a library in memory: each statement's dated sentences holding at least `least` of its
 * words, the most first (ties in library order: by path, then in text order), at most MAX_PAIRED_SENTENCES; their
 * documents, in path order.
 */
export function libraryDatedSentences(library: SourceLibrary, statements: readonly DatedStatement[], reading: DateReading): CorpusSource[] {
  const { all, sentences } = resolveSourceDates(library, reading.reference, reading.dayFirst);
  const found = new Map<string, { source: CorpusSource; statements: number[] }>();
  statements.forEach((statement, n) => {
    const shared = new Map<number, number>();
    for (const w of statement.words) for (const i of sentences.byWord.get(w)?.sentences ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const best = [...shared].filter(([, k]) => k >= statement.least).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_PAIRED_SENTENCES);
    for (const [i] of best) {
      const doc = all[sentences.firstDate[i]].doc;
      const entry = found.get(doc.path) ?? { source: { path: doc.path, id: doc.path, doc }, statements: [] };
      found.set(doc.path, entry);
      if (!entry.statements.includes(n)) entry.statements.push(n);
    }
  });
  return [...found.values()].sort((a, b) => (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0))
    .map(({ source, statements }) => ({ ...source, statements }));
}
