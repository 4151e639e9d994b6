import { knownDateCount } from '../dates/sourceDates';
import { WordIndex } from '../index/wordIndex';
import type { SourceLibrary } from '../sources/library';
import { mergedByPath } from '../sources/pathOrder';
import { hashOf, pageOf } from '../sources/sourceBytes';
import { writeSnapshot, type Section } from './container';
import { encodeDates } from './datesSnapshot';
import { concat, countOf, D, UTF16, UTF8, utf16Bytes } from './documentTable';
import type { FileStamp } from './fileStamps';
import { SnapshotDocument, type DocumentExtras } from './snapshotDocument';
import { encodeStrings } from './strings';

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
  const files = copies.length ? mergedByPath(entries, copies) : entries;
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

/** How many sets of dates the sources have read: a check that read new ones makes a snapshot worth writing again. */
export function datesRead(library: SourceLibrary): number {
  let n = 0;
  for (const doc of library.documents) n += knownDateCount(doc);
  return n;
}
