import type { TokenRun } from '../index/vocabulary';
import { WordIndex } from '../index/wordIndex';

/** An index and the stories it numbers, in that order. */
export interface IndexedStories<E> { readonly index: WordIndex; readonly entries: E[] }

/**
 * What a library's index is built over, read at each build: its stories in path order, its generation and its
 * vocabulary's size.
 */
export interface IndexedLibrary<E> {
  stories(): E[];
  generation(): number;
  vocabSize(): number;
}

/**
 * The inverted index over a library's stories, rebuilt lazily, on the first search after a change. The last index
 * built is kept after a change: with few changes, the next one is patched from it.
 */
export class LibraryIndex<E extends { readonly run: TokenRun }> {
  private built?: IndexedStories<E>;
  private previous?: IndexedStories<E>;

  constructor(private readonly library: IndexedLibrary<E>) {}

  /** The index built since the last change, if there is one. */
  get ready(): IndexedStories<E> | undefined {
    return this.built;
  }

  /** Takes an index built elsewhere (a snapshot's, another library's) in place of this one; the last one is dropped. */
  take(built: IndexedStories<E> | undefined): void {
    this.built = built;
    this.previous = undefined;
  }

  /** A source was added, replaced or removed. */
  changed(): void {
    if (this.built) this.previous = this.built;
    this.built = undefined;
  }

  /** The index over the stories, built now if they changed since it was built. */
  now(): IndexedStories<E> {
    if (!this.built) {
      const entries = this.library.stories();
      const runs = entries.map(e => e.run);
      this.built = { index: this.patched(entries) ?? new WordIndex(runs, this.library.vocabSize()), entries };
      this.previous = undefined;
    }
    return this.built;
  }

  /** As `now`, but built in steps between which `pause` is awaited (see SourceLibrary.prepareIndex). */
  async prepare(pause: () => Promise<void>): Promise<void> {
    // A few changed sources: patching the last index is quick, no need to build in steps.
    if (!this.built && this.previous) {
      const entries = this.library.stories();
      const index = this.patched(entries);
      if (index) { this.built = { index, entries }; this.previous = undefined; }
    }
    for (let tries = 0; !this.built && tries < 3; tries++) {
      const generation = this.library.generation();
      const entries = this.library.stories();
      const index = await WordIndex.build(entries.map(e => e.run), this.library.vocabSize(), pause);
      // A source added or removed meanwhile: that index is already stale.
      if (this.library.generation() === generation) { this.built = { index, entries }; this.previous = undefined; }
    }
  }

  /** The index patched from the previous one, when only a few sources changed since (see WordIndex.patch). */
  private patched(entries: E[]): WordIndex | undefined {
    const previous = this.previous;
    if (!previous) return undefined;
    const before = new Map(previous.entries.map((e, i) => [e, i]));
    const kept = Int32Array.from(entries, e => before.get(e) ?? -1);
    return WordIndex.patch(previous.index, entries.map(e => e.run), kept, this.library.vocabSize());
  }
}
