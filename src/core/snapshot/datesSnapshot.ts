import { knownDates, type SourceDate } from '../dates/sourceDates';
import { numberedWord, numberedWordCount, sentenceWordsOf } from '../dates/datedBlocks';
import type { SourceDocument } from '../sources/document';
import type { Section } from './container';
import { M, writeMentionRow } from './dateRows';
import { IntRows } from './intRows';
import { SnapshotList } from './lazyDates';
import { StringTable } from './strings';

/** Reference dates kept per undated source besides its own dates: the drafts of a desk share a few dates. */
const REFERENCES_KEPT = 3;

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
  // Content words by their number in this process, each looked up in the string table once.
  const wordIds = new Int32Array(numberedWordCount()).fill(-1);
  const wordId = (n: number): number => (n < wordIds.length ? (wordIds[n] >= 0 ? wordIds[n] : (wordIds[n] = strings.id(numberedWord(n)))) : strings.id(numberedWord(n)));
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
      // Dates kept in other arrays (a second thread's answer beside a snapshot's) are written as objects.
      const list = Array.isArray(dates) ? dates : dates.dates();
      tables.push(d, strings.id(key), mentions.length / M, mentions.length / M + list.length);
      let last: SourceDate['sentence'] | undefined;
      const known = sentenceWordsOf(list);
      let s = -1;
      for (const { mention: m, sentence } of list) {
        if (sentence !== last) {
          s++;
          const [from, to] = [known.wordStart[s], known.wordStart[s + 1]];
          sentences.push(sentence.start, sentence.end, words.length, words.length + to - from);
          for (let k = from; k < to; k++) words.push(wordId(known.words[k]));
          last = sentence;
        }
        writeMentionRow(m, doc.text, strings, mentions, sentences.length / 4 - 1);
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
