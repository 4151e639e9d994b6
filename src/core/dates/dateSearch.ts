import type { SourceDocument } from '../sources/document';
import type { ResolvedSourceDates } from './sourceDateTable';
import type { SourceDate } from './sourceDates';

/** The first result `find` gives for `items`, in order. */
export function firstIn<T, R>(items: Iterable<T>, find: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const found = find(item);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first of `items[from..to)` that `test` accepts. */
export function firstInRange<T>(items: readonly T[], [from, to]: readonly [number, number], test: (item: T) => boolean): T | undefined {
  for (let k = from; k < to; k++) if (test(items[k])) return items[k];
  return undefined;
}

/** How many of `words` the sentence of `d` holds. */
export function sharedCount(d: SourceDate, words: ReadonlySet<string>): number {
  let n = 0;
  for (const w of d.sentence.words) if (words.has(w)) n++;
  return n;
}

/** Whether the sentence of `d` holds one of `words`. */
export function sharesWords(d: SourceDate, words: ReadonlySet<string>): boolean {
  for (const w of d.sentence.words) if (words.has(w)) return true;
  return false;
}

/** Whether `doc` is one of the story's own sources checked beside a large library (`ownDocuments`). */
export function isOwnDocument(sources: ResolvedSourceDates, doc: SourceDocument): boolean {
  return sources.ownDocuments.some(([own]) => own === doc);
}
