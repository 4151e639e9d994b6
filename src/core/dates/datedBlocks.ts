import { precisionOf, type SourceDate } from './sourceDates';
import { wordNumber } from './wordNumbers';

export { numberedWord, numberedWordCount, numberOfWord, wordNumber } from './wordNumbers';

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
export function blockOf(dates: readonly SourceDate[]): DatedBlock {
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
    // Sentences read here carry their words' numbers; others (a test's, a worker's) their set of words.
    const numbers = sentence.wordNumbers;
    if (numbers) for (let k = 0; k < numbers.length; k++) words.push(numbers[k]);
    else for (const w of sentence.words) words.push(wordNumber(w));
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
