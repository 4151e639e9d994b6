import { rememberDates } from '../dates/sourceDates';
import { wordNumber } from '../dates/datedBlocks';
import type { SourceDocument } from '../sources/document';
import { SnapshotError, type SnapshotReader } from './container';
import { M } from './dateRows';
import { SnapshotList, SnapshotPart } from './lazyDates';
import { decodeStrings } from './strings';

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
