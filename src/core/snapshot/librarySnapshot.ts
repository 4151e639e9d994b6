import { knownDateCount } from '../dates/sourceDates';
import { CHECKPOINT_SHIFT, Vocabulary, type TokenRun } from '../index/vocabulary';
import { WordIndex } from '../index/wordIndex';
import type { SourceDocument } from '../sources/document';
import { SourceLibrary, type LibraryEntry } from '../sources/library';
import { hashOf, pageOf } from '../sources/sourceBytes';
import { SnapshotError, SnapshotReader, writeSnapshot, type Section } from './container';
import { decodeDates, encodeDates } from './datesSnapshot';
import { SnapshotDocument, type DocumentExtras, type DocumentSource } from './snapshotDocument';
import { decodeStrings, encodeStrings } from './strings';

/** How a source file looked when it was read: a snapshot's entry is trusted only while the file still looks so. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  /** `contentHash` of its bytes: when size or time changed, equal contents still keep the entry. */
  readonly hash: string;
}

/**
 * Columns of a document row: text [start, end) in the texts blob, its encoding, bodyStart, extras [start, end), size,
 * mtime, number of warnings (the library's warnings are listed without decoding every document's extras).
 */
const D = 9;
const UTF8 = 0;
const UTF16 = 1;

/**
 * The library as bytes: documents (text, metadata, warnings), vocabulary, word and trigram postings, and the
 * sources' dates read so far, with each source file's stamp. The index and the dates are the stories' (a copy of a
 * story, a byte-identical source under another name, is a row pointing at its story's text and words: see
 * sources/copies.ts). Sources without a stamp are left out (they are read again next time), and so are the copies of
 * a story left out. Pure: no file is touched.
 */
export function encodeLibrary(library: SourceLibrary, stampOf: (path: string) => FileStamp | undefined, engine: string): Uint8Array {
  const { entries: all, copies: allCopies, index } = library.snapshotParts();
  const entries = all.filter(e => stampOf(e.doc.path));
  const storyNumber = new Map(entries.map((e, s) => [e.doc.path, s]));
  const copies = allCopies.filter(e => stampOf(e.doc.path) && storyNumber.has(library.storyOf(e.doc.path)!));
  const files = copies.length ? [...entries, ...copies].sort((a, b) => (a.doc.path < b.doc.path ? -1 : a.doc.path > b.doc.path ? 1 : 0)) : entries;
  // An index over the stamped stories only: rebuilt when some are left out (rare: a source read meanwhile).
  const parts = entries.length === all.length ? index.parts : new WordIndex(entries.map(e => e.run), library.vocab.size).parts;
  const encoder = new TextEncoder();
  const texts: Uint8Array[] = [];
  const extras: Uint8Array[] = [];
  // Per story: text [start, end), encoding, extras [start, end).
  const stored: [number, number, number, number, number][] = [];
  let textBytes = 0;
  let extraBytes = 0;
  for (const { doc } of entries) {
    const kept = doc instanceof SnapshotDocument ? doc.stored() : undefined;
    // A text not yet read from an earlier snapshot is copied as stored. A lone surrogate (from a page's numeric
    // entity) would not survive UTF-8: such a text is kept as UTF-16.
    const utf8 = kept ? kept.utf8 : (doc.text as unknown as { isWellFormed(): boolean }).isWellFormed();
    const bytes = kept ? kept.text : utf8 ? encoder.encode(doc.text) : utf16Bytes(doc.text);
    const extra = kept?.extras ?? encoder.encode(JSON.stringify({ meta: doc.meta, warnings: doc.warnings, page: pageOf(doc) } satisfies DocumentExtras));
    stored.push([textBytes, textBytes + bytes.length, utf8 ? UTF8 : UTF16, extraBytes, extraBytes + extra.length]);
    texts.push(bytes);
    extras.push(extra);
    textBytes += bytes.length;
    extraBytes += extra.length;
  }
  const rows = new Float64Array(files.length * D);
  const storyOf = new Uint32Array(files.length);
  const storyFiles = new Uint32Array(entries.length);
  files.forEach(({ doc }, f) => {
    const s = storyNumber.get(library.storyOf(doc.path)!)!;
    if (entries[s].doc === doc) storyFiles[s] = f;
    storyOf[f] = s;
    const [textStart, textEnd, encoding, extraStart, extraEnd] = stored[s];
    const stamp = stampOf(doc.path)!;
    const story = entries[s].doc;
    rows.set([textStart, textEnd, encoding, story.bodyStart, extraStart, extraEnd, stamp.size, stamp.mtimeMs, story.warnings.length], f * D);
  });
  const vocab = library.vocab.parts();
  const checkpoints = concat(entries.map(e => e.run.checkpoints), Uint32Array);
  const dates = encodeDates(entries.map(e => e.doc));
  const sections = new Map<string, Section>([
    ['counts', new Float64Array([files.length, vocab.words.length, parts.gramMask, countOf(dates.get('dateStrings')!), entries.length])],
    ['paths', encodeStrings(files.map(e => e.doc.path))],
    ['hashes', encodeStrings(files.map(e => stampOf(e.doc.path)!.hash))],
    // The library's own hash of each file (what tells copies: sources/copies.ts), empty for a document without one.
    ['contentHashes', encodeStrings(files.map(e => hashOf(e.doc) ?? ''))],
    ['documents', rows],
    ['storyOf', storyOf],
    ['storyFiles', storyFiles],
    ['texts', concat(texts, Uint8Array)],
    ['extras', concat(extras, Uint8Array)],
    ['checkpoints', checkpoints],
    ['vocabWords', encodeStrings(vocab.words)],
    ['vocabHashes', vocab.hashes],
    ['vocabSlots', vocab.slots],
    ['ids', parts.ids],
    ['docStarts', parts.docStarts],
    ['wordStart', parts.wordStart],
    ['wordPositions', parts.wordPositions],
    ['gramStart', parts.gramStart],
    ['gramPositions', parts.gramPositions],
    ...dates,
  ]);
  return writeSnapshot(engine, sections);
}

/** Strings in a NUL-separated blob (an empty blob holds none). */
function countOf(blob: Section): number {
  const bytes = new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
  if (!bytes.length) return 0;
  let n = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) n++;
  return n;
}

/** How many sets of dates the sources have read: a check that read new ones makes a snapshot worth writing again. */
export function datesRead(library: SourceLibrary): number {
  let n = 0;
  for (const doc of library.documents) n += knownDateCount(doc);
  return n;
}

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

/**
 * The file stamps of a snapshot, read from its document table when asked: a check looks each source up once, in
 * path order, so a lookup first tries the entry after the last one found. Content hashes are decoded on first use
 * (only a source whose size or time changed, or a new snapshot, needs them).
 */
class SnapshotStamps implements ReadonlyMap<string, FileStamp> {
  private next = 0;
  private hashList?: string[];
  constructor(private readonly paths: readonly string[], private readonly rows: Float64Array, private readonly hashBlob: Uint8Array) {}

  get size(): number { return this.paths.length; }

  get(path: string): FileStamp | undefined {
    const d = this.indexOf(path);
    return d < 0 ? undefined : this.stampAt(d);
  }

  has(path: string): boolean { return this.indexOf(path) >= 0; }

  forEach(f: (stamp: FileStamp, path: string, map: ReadonlyMap<string, FileStamp>) => void): void {
    for (let d = 0; d < this.paths.length; d++) f(this.stampAt(d), this.paths[d], this);
  }

  *entries(): MapIterator<[string, FileStamp]> {
    for (let d = 0; d < this.paths.length; d++) yield [this.paths[d], this.stampAt(d)];
  }

  *keys(): MapIterator<string> { yield* this.paths; }

  *values(): MapIterator<FileStamp> {
    for (let d = 0; d < this.paths.length; d++) yield this.stampAt(d);
  }

  [Symbol.iterator](): MapIterator<[string, FileStamp]> { return this.entries(); }

  private stampAt(d: number): FileStamp {
    this.hashList ??= decodeStrings(this.hashBlob, this.paths.length);
    return { size: this.rows[d * D + 6], mtimeMs: this.rows[d * D + 7], hash: this.hashList[d] };
  }

  /** The path's entry (paths are in the library's order: ascending by code unit), or -1. */
  private indexOf(path: string): number {
    const { paths } = this;
    if (paths[this.next] === path) return this.next++;
    let lo = 0;
    let hi = paths.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (paths[mid] === path) { this.next = mid + 1; return mid; }
      if (paths[mid] < path) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** Where the documents' texts and extras lie in a snapshot, decoded on demand. */
class DocumentStore implements DocumentSource {
  private readonly utf8 = new TextDecoder();
  constructor(private readonly rows: Float64Array, private readonly texts: Uint8Array, private readonly extras: Uint8Array,
    readonly hash: (d: number) => string | undefined) {}

  text(d: number): string {
    const raw = this.texts.subarray(this.rows[d * D], this.rows[d * D + 1]);
    return this.rows[d * D + 2] === UTF8 ? this.utf8.decode(raw) : utf16(raw);
  }

  stored(d: number): { text: Uint8Array; utf8: boolean; extras: Uint8Array } {
    const at = d * D;
    return { text: this.texts.subarray(this.rows[at], this.rows[at + 1]), utf8: this.rows[at + 2] === UTF8, extras: this.extras.subarray(this.rows[at + 4], this.rows[at + 5]) };
  }

  hasWarnings(d: number): boolean {
    return this.rows[d * D + 8] > 0;
  }

  extrasOf(d: number): DocumentExtras {
    return JSON.parse(this.utf8.decode(this.extras.subarray(this.rows[d * D + 4], this.rows[d * D + 5])));
  }
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

function utf16Bytes(text: string): Uint8Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return new Uint8Array(units.buffer);
}

function utf16(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.slice().buffer);
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

function concat<T extends Uint8Array | Uint32Array>(parts: readonly T[], Type: { new(n: number): T }): T {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Type(n);
  let at = 0;
  for (const p of parts) {
    out.set(p as never, at);
    at += p.length;
  }
  return out;
}
