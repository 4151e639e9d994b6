import { CHECKPOINT_SHIFT, Vocabulary, type TokenRun } from '../index/vocabulary';
import { WordIndex } from '../index/wordIndex';
import type { SourceDocument } from '../sources/document';
import { SourceLibrary, type LibraryEntry } from '../sources/library';
import { SnapshotError, SnapshotReader } from './container';
import { decodeDates } from './datesRestore';
import { countOf, D, DocumentStore } from './documentTable';
import { SnapshotStamps, type FileStamp } from './fileStamps';
import { SnapshotDocument } from './snapshotDocument';
import { decodeStrings } from './strings';

export interface LoadedSnapshot {
  readonly library: SourceLibrary;
  readonly stamps: ReadonlyMap<string, FileStamp>;
}

/**
 * The library a snapshot holds, ready to check with: the arrays are views into `bytes` (which it keeps), texts and
 * metadata are decoded when first read. Throws SnapshotError for anything but a whole snapshot of this engine.
 */
export function decodeLibrary(bytes: Uint8Array, engine: string): LoadedSnapshot {
  try {
    return decode(bytes, engine);
  } catch (e) {
    // A broken snapshot that passed the checksum (never written by us) must still never crash the caller.
    if (e instanceof SnapshotError) throw e;
    throw new SnapshotError(`snapshot unreadable: ${(e as Error).message}`);
  }
}

function decode(bytes: Uint8Array, engine: string): LoadedSnapshot {
  const reader = new SnapshotReader(bytes, engine);
  const [count, vocabSize, gramMask, dateStringCount, storyCount] = reader.f64('counts');
  const paths = decodeStrings(reader.bytes('paths'), count);
  const hashes = reader.bytes('hashes');
  if (countOf(hashes) !== count) throw new SnapshotError('snapshot hash table broken');
  const stamps = new SnapshotStamps(paths, rows(reader, count), hashes);
  const texts = reader.bytes('texts');
  const extrasBlob = reader.bytes('extras');
  const ids = reader.u32('ids');
  const docStarts = reader.u32('docStarts');
  const checkpoints = reader.u32('checkpoints');
  const storyOf = reader.u32('storyOf');
  const storyFiles = reader.u32('storyFiles');
  const table = reader.f64('documents');
  if (!(storyCount <= count) || storyOf.length !== count || storyFiles.length !== storyCount || docStarts.length !== storyCount + 1
    || docStarts[storyCount] !== ids.length) throw new SnapshotError('snapshot document table broken');
  const contentHashes = reader.bytes('contentHashes');
  let hashList: string[] | undefined;
  const store = new DocumentStore(table, texts, extrasBlob, d => (hashList ??= decodeStrings(contentHashes, count))[d] || undefined);
  const document = (f: number): SnapshotDocument => {
    const at = f * D;
    if (!(table[at] <= table[at + 1] && table[at + 1] <= texts.length && table[at + 4] <= table[at + 5] && table[at + 5] <= extrasBlob.length)) throw new SnapshotError('snapshot document out of range');
    return new SnapshotDocument(paths[f], table[at + 3], store, f);
  };
  const entries: LibraryEntry[] = [];
  let checkpointAt = 0;
  for (let s = 0; s < storyCount; s++) {
    const f = storyFiles[s];
    // Stories are numbered in path order, as the index numbers them.
    if (f >= count || storyOf[f] !== s || (s > 0 && f <= storyFiles[s - 1])) throw new SnapshotError('snapshot story table broken');
    const marks = (docStarts[s + 1] - docStarts[s] + (1 << CHECKPOINT_SHIFT) - 1) >> CHECKPOINT_SHIFT;
    if (docStarts[s + 1] < docStarts[s] || checkpointAt + marks > checkpoints.length) throw new SnapshotError('snapshot word runs broken');
    entries.push({ doc: document(f), run: new SnapshotRun(ids, docStarts[s], docStarts[s + 1], checkpoints, checkpointAt, checkpointAt + marks) });
    checkpointAt += marks;
  }
  const copies: LibraryEntry[] = [];
  for (let f = 0; f < count; f++) {
    if (storyOf[f] >= storyCount) throw new SnapshotError('snapshot story table broken');
    if (storyFiles[storyOf[f]] !== f) copies.push({ doc: document(f), run: entries[storyOf[f]].run });
  }
  const words = decodeStrings(reader.bytes('vocabWords'), vocabSize);
  const vocabHashes = reader.u32('vocabHashes');
  const slots = reader.i32('vocabSlots');
  if (vocabHashes.length !== vocabSize || slots.length < vocabSize * 2 || (slots.length & (slots.length - 1)) !== 0) throw new SnapshotError('snapshot vocabulary broken');
  const vocab = Vocabulary.fromParts(words, vocabHashes, slots);
  const wordStart = reader.u32('wordStart');
  const gramStart = reader.u32('gramStart');
  if (wordStart.length > vocabSize + 1 || gramStart.length !== gramMask + 2) throw new SnapshotError('snapshot postings broken');
  const index = new WordIndex([], 0, {
    ids, docStarts, wordStart, wordPositions: reader.u32('wordPositions'), gramMask, gramStart, gramPositions: reader.u32('gramPositions'),
  });
  decodeDates(reader, entries.map(e => e.doc as SourceDocument), dateStringCount);
  return { library: SourceLibrary.restore(vocab, entries, index, undefined, copies), stamps };
}

/** The document table, one row of D columns per file. */
function rows(reader: SnapshotReader, count: number): Float64Array {
  const table = reader.f64('documents');
  if (table.length !== count * D) throw new SnapshotError('snapshot document table broken');
  return table;
}

/** A document's words in the snapshot's arrays: the views are made when first read (most never are). */
class SnapshotRun implements TokenRun {
  private idsView?: Uint32Array;
  private checkpointsView?: Uint32Array;
  constructor(private readonly allIds: Uint32Array, private readonly from: number, private readonly to: number,
    private readonly allCheckpoints: Uint32Array, private readonly markFrom: number, private readonly markTo: number) {}
  get ids(): Uint32Array { return (this.idsView ??= this.allIds.subarray(this.from, this.to)); }
  get checkpoints(): Uint32Array { return (this.checkpointsView ??= this.allCheckpoints.subarray(this.markFrom, this.markTo)); }
}
