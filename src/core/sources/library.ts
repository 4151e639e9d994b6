import type { QuotationKeys } from '../archive/keys';
import type { WordIndex } from '../index/wordIndex';
import { contentHash } from '../snapshot/container';
import { spanOffsets, tokenizeInto, Vocabulary, wordOffsets, type TokenRun } from '../index/vocabulary';
import { findQuote } from '../quotes/match';
import { buildPattern } from '../quotes/pattern';
import type { Filing } from './copies';
import type { CorpusSource, DateCounts, DatedStatement, DateReading, SourceCorpus } from './corpus';
import { libraryDateCounts, libraryDatedSentences } from './corpusDates';
import type { SourceDocument } from './document';
import { LibraryFiling, savedFiling } from './libraryFiling';
import { LibraryIndex } from './libraryIndex';
import { OwnStories } from './ownSources';
import { readSourceBytes } from './sourceBytes';
import { noteWordRun } from './wordRuns';

export interface SourceWarning { path: string; message: string }

/**
 * A library of at most this many sources is a story's own set of sources, not an archive: every source in it is
 * about the draft's story (the same-statement rules of quotations and dates relax there).
 */
export const OWN_SOURCES = 64;

export interface LibraryEntry { readonly doc: SourceDocument; readonly run: TokenRun }
type Entry = LibraryEntry;

/** The offsets in `doc.text` of consecutive source words, the first at global position `from`. */
export interface SourceSpan {
  readonly doc: SourceDocument;
  readonly from: number;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/**
 * The indexed sources. Documents are tokenized when added; the inverted index over all of them is
 * rebuilt lazily, on the first search after a change.
 */
export class SourceLibrary implements SourceCorpus {
  private words: Vocabulary;
  private readonly entries = new Map<string, Entry>();
  private readonly skipped = new Map<string, string>();
  /** Paths of the sources read from an archive (see `addArchived`): never the story's own sources. */
  private readonly archived = new Set<string>();
  private readonly filed = new LibraryFiling(this.entries, this.archived);
  private readonly owned = new OwnStories(this.filed, this.archived, OWN_SOURCES);
  private readonly indexed = new LibraryIndex<Entry>({
    stories: () => this.filing().stories,
    generation: () => this.changes,
    vocabSize: () => this.words.size,
  });
  private changes = 0;

  /**
   * Set when the library holds a part of a larger corpus (the documents an archive gave for a check): whether a word is
   * too common in that corpus to pair a draft's dated sentence with a source's, undefined for a word it was not asked
   * about (src/core/sources/corpusDates.ts).
   */
  commonDateWords?: (word: string) => boolean | undefined;

  constructor(vocab = new Vocabulary()) {
    this.words = vocab;
  }

  get vocab(): Vocabulary {
    return this.words;
  }

  /**
   * Takes the sources of another library (read from a snapshot) in place of its own, so that whoever holds this
   * library sees them; its generation changes, so caches derived from it are dropped.
   */
  adopt(other: SourceLibrary): void {
    this.words = other.words;
    this.entries.clear();
    for (const [path, e] of other.entries) { this.entries.set(path, e); noteWordRun(e.doc, this.words, e.run); }
    this.skipped.clear();
    for (const [path, w] of other.skipped) this.skipped.set(path, w);
    this.changes = Math.max(this.changes, other.changes) + 1;
    const filing = other.filing();
    this.filed.take(this.changes, filing);
    const built = other.indexed.ready;
    this.indexed.take(built && { index: built.index, entries: filing.stories });
  }

  /**
   * A library as it was saved (a snapshot): the stories in path order, numbered as `index` numbers them, and their
   * index, and the copies, each with its story's word run (the same object: that is how it is known for a copy);
   * nothing is tokenized or indexed again.
   */
  static restore(vocab: Vocabulary, entries: readonly LibraryEntry[], index: WordIndex, skipped: ReadonlyMap<string, string> = new Map(),
    copies: readonly LibraryEntry[] = []): SourceLibrary {
    const lib = new SourceLibrary(vocab);
    for (const e of entries) { lib.entries.set(e.doc.path, e); noteWordRun(e.doc, vocab, e.run); }
    for (const e of copies) { lib.entries.set(e.doc.path, e); noteWordRun(e.doc, vocab, e.run); }
    for (const [path, warning] of skipped) lib.skipped.set(path, warning);
    const stories = [...entries];
    lib.filed.take(0, savedFiling(stories, copies));
    lib.indexed.take({ index, entries: stories });
    return lib;
  }

  /**
   * The stories in path order and the index over them (built now if needed), the copies (sources byte-identical to a
   * story, not indexed), and the files skipped, for a snapshot.
   */
  snapshotParts(): { entries: readonly LibraryEntry[]; copies: readonly LibraryEntry[]; index: WordIndex; skipped: ReadonlyMap<string, string> } {
    const { index, entries } = this.indexed.now();
    const { files, storyOf } = this.filing();
    return { entries, copies: storyOf.size ? files.filter(e => storyOf.has(e.doc.path)) : [], index, skipped: this.skipped };
  }

  /** Changes with every added, replaced or removed source: a key for caches derived from the library. */
  get generation(): number {
    return this.changes;
  }

  /**
   * Adds or replaces a source from its bytes; returns the warning when the file was skipped. `hash` is
   * `contentHash(bytes)` when the caller has it already (a file stamp); it tells byte-identical sources apart.
   */
  addFile(path: string, bytes: Uint8Array, hash = contentHash(bytes)): string | undefined {
    const parsed = readSourceBytes(path, bytes, hash);
    if (!parsed.ok) {
      this.remove(path);
      this.skipped.set(path, parsed.warning);
      return parsed.warning;
    }
    this.addDocument(parsed.doc);
    return undefined;
  }

  /**
   * Adds a source fetched from an archive: checked like any other, but never one of the story's own sources, so the
   * same-statement rules that a small set of sources relaxes (OWN_SOURCES) stay strict for it.
   */
  addArchived(path: string, bytes: Uint8Array): string | undefined {
    const warning = this.addFile(path, bytes);
    if (!warning) this.archived.add(path);
    return warning;
  }

  /** Adds a document read from an archive already parsed (a library in memory read as a corpus): as `addArchived`. */
  addArchivedDocument(doc: SourceDocument): void {
    this.addDocument(doc);
    this.archived.add(doc.path);
  }

  /** Whether the source at `path` came from an archive. */
  isArchived(path: string): boolean {
    return this.archived.has(path);
  }

  /**
   * Whether the relaxed rules of a story's own sources apply to every source: no source came from an archive, and
   * there are at most OWN_SOURCES of them (the sources gathered for one story), in one collection.
   */
  get ownSources(): boolean {
    const own = this.ownStories();
    return own !== undefined && own.every(o => o === 1);
  }

  /**
   * Whether document `doc` (its index number) is one of the story's own sources: read locally (not from an archive),
   * in a collection of at most OWN_SOURCES local sources (copies counted once); a story with a copy in such a
   * collection is one.
   */
  isOwnSource(doc: number): boolean {
    const own = this.ownStories();
    return own !== undefined && own[doc] === 1;
  }

  /**
   * The collection each local source was listed in (the folder a `--sources` argument or a pattern of the settings
   * names), by path. A journalist's folder of a story's sources checked beside the newsroom's folder of thousands is
   * two collections: the story's sources keep the relaxed rules of own sources, the large folder is read as an
   * archive is. Without collections, all local sources are one.
   */
  setCollections(collectionOf: (path: string) => string): void {
    this.owned.setCollections(collectionOf);
  }

  /** Changes with every `setCollections`: with `generation`, a key for caches of which sources are own. */
  get collectionsGeneration(): number {
    return this.owned.collectionsGeneration;
  }

  /** Per story, 1 when it is one of the story's own sources; undefined when none is. */
  private ownStories(): Uint8Array | undefined {
    return this.owned.stories(this.changes);
  }

  /** Records a file that was not read (not a regular file, too large, unreadable), with the reason. */
  skip(path: string, warning: string): void {
    this.remove(path);
    this.skipped.set(path, warning);
  }

  addDocument(doc: SourceDocument): void {
    this.skipped.delete(doc.path);
    const old = this.entries.get(doc.path);
    const entry = { doc, run: tokenizeInto(this.vocab, doc.text, doc.bodyStart) };
    noteWordRun(doc, this.vocab, entry.run);
    this.entries.set(doc.path, entry);
    this.filed.added(entry, old);
    this.invalidate();
  }

  remove(path: string): boolean {
    this.skipped.delete(path);
    this.archived.delete(path);
    const old = this.entries.get(path);
    if (!old) return false;
    this.entries.delete(path);
    this.filed.removed(old);
    this.invalidate();
    return true;
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every source file's document in path order, whatever the order they were added in; copies of a story included. */
  get documents(): SourceDocument[] {
    return this.filing().files.map(e => e.doc);
  }

  /**
   * The stories in path order, as the index numbers them: the documents every verdict reads. Sources whose bytes are
   * identical are one story, filed under the smallest path among the local ones (sources/copies.ts).
   */
  get stories(): SourceDocument[] {
    return this.filing().stories.map(e => e.doc);
  }

  /** The path of the story a source is filed as: its own path unless it is a copy; undefined when not in the library. */
  storyOf(path: string): string | undefined {
    if (!this.entries.has(path)) return undefined;
    return this.filing().storyOf.get(path)?.doc.path ?? path;
  }

  /** The other paths a story is also filed under (its byte-identical copies), in path order. */
  copiesOf(path: string): string[] {
    const { storyOf, files } = this.filing();
    if (!storyOf.size) return [];
    const story = storyOf.get(path)?.doc.path ?? path;
    return files.filter(e => e.doc.path !== path && (storyOf.get(e.doc.path)?.doc.path ?? e.doc.path) === story).map(e => e.doc.path);
  }

  document(path: string): SourceDocument | undefined {
    return this.entries.get(path)?.doc;
  }

  /** Files that were skipped or read with a fallback, with the reason. */
  get warnings(): SourceWarning[] {
    const out: SourceWarning[] = [...this.skipped].map(([path, message]) => ({ path, message }));
    for (const { doc } of this.entries.values()) for (const message of doc.warnings) out.push({ path: doc.path, message });
    return out;
  }

  /** The number of words indexed in one source (0 when it is not in the library). */
  wordsIn(path: string): number {
    return this.entries.get(path)?.run.ids.length ?? 0;
  }

  get wordCount(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.run.ids.length;
    return n;
  }

  /** The index over all sources, built now if sources changed since the last call. */
  get index(): WordIndex {
    return this.indexed.now().index;
  }

  /**
   * Builds the index over all sources now, if sources changed since it was built, in steps between which `pause`
   * is awaited (an editor yields to its event loop there); the searches that follow find it built.
   */
  async prepareIndex(pause: () => Promise<void>): Promise<void> {
    await this.indexed.prepare(pause);
  }

  // The library read as a corpus (SourceCorpus): what an archive answers from its tables, answered from memory; ids are
  // paths. Its own checks do not ask these: they read the index itself.

  async candidates(keys: QuotationKeys): Promise<readonly string[]> {
    if (keys.text === undefined) return [];
    const entries = this.filing().stories;
    const docs = new Set(findQuote(this, buildPattern(this.vocab, keys.text, 0)).map(m => m.doc));
    return [...docs].sort((a, b) => a - b).map(d => entries[d].doc.path);
  }

  async fetch(ids: readonly string[]): Promise<readonly CorpusSource[]> {
    return ids.flatMap(id => {
      const doc = this.document(id);
      return doc ? [{ path: doc.path, id, doc }] : [];
    });
  }

  async dateCounts(words: readonly string[], reading: DateReading): Promise<DateCounts> {
    return libraryDateCounts(this, words, reading);
  }

  async datedSentences(statements: readonly DatedStatement[], reading: DateReading): Promise<readonly CorpusSource[]> {
    return libraryDatedSentences(this, statements, reading);
  }

  /** Document and word offsets of a global word position. */
  locate(pos: number): { doc: SourceDocument; start: number; end: number } {
    const { index, entries } = this.indexed.now();
    const d = index.docOf(pos);
    const { doc, run } = entries[d];
    const [start, end] = wordOffsets(doc.text, run, pos - index.docStarts[d]);
    return { doc, start, end };
  }

  /**
   * Offsets of the words at global positions [from, to), all in one document: one scan, where `locate` per word
   * would scan from a checkpoint each time.
   */
  locateSpan(from: number, to: number): SourceSpan {
    const { index, entries } = this.indexed.now();
    const d = index.docOf(from);
    const { doc, run } = entries[d];
    const { starts, ends } = spanOffsets(doc.text, run, from - index.docStarts[d], Math.max(1, to - from));
    return { doc, from, starts, ends };
  }

  /** The entries in path order, and the stories among them (libraryFiling.ts). */
  private filing(): Filing<Entry> {
    return this.filed.filing(this.changes);
  }

  private invalidate(): void {
    this.indexed.changed();
    this.changes++;
  }
}
