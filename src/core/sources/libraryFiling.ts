import { filedAs, HashBuckets, type Filing } from './copies';
import type { LibraryEntry } from './library';
import { comparePaths, mergedByPath } from './pathOrder';
import { hashOf } from './sourceBytes';

/**
 * A library's entries filed as stories and copies (copies.ts), filed again on the first read after a change. The
 * entries are sorted by path (by UTF-16 code units, not by locale), and documents are numbered in this order, so that
 * ties between sources (which is named first among several holding a quotation) and the path a story is filed under
 * never depend on the order in which the sources were read.
 */
export class LibraryFiling {
  private sorted?: { generation: number; filing: Filing<LibraryEntry>; localStories?: number };
  /** The entries by content hash, kept up to date once made (at the first filing after a snapshot was read). */
  private buckets?: HashBuckets<LibraryEntry>;

  /** The library's entries by path and the paths of those read from an archive, read at each filing. */
  constructor(private readonly entries: ReadonlyMap<string, LibraryEntry>, private readonly archived: ReadonlySet<string>) {}

  /** An entry was added, in place of `old` when it replaced one. */
  added(entry: LibraryEntry, old: LibraryEntry | undefined): void {
    if (this.buckets) {
      if (old) this.buckets.delete(old);
      this.buckets.add(entry);
    }
  }

  removed(old: LibraryEntry): void {
    this.buckets?.delete(old);
  }

  /** Takes a filing made elsewhere (a snapshot's, another library's) as the filing of this generation. */
  take(generation: number, filing: Filing<LibraryEntry>): void {
    this.buckets = undefined;
    this.sorted = { generation, filing };
  }

  /** The filing of the library's entries at this generation. */
  filing(generation: number): Filing<LibraryEntry> {
    if (this.sorted?.generation !== generation) {
      const files = [...this.entries.values()].sort((a, b) => comparePaths(a.doc.path, b.doc.path));
      if (!this.buckets) {
        this.buckets = new HashBuckets(hashOf);
        for (const e of files) this.buckets.add(e);
      }
      this.sorted = { generation, filing: filedAs(files, this.buckets.sharedHashes(), e => this.archived.has(e.doc.path)) };
    }
    return this.sorted.filing;
  }

  /** How many stories were read locally (not from an archive). */
  localStories(generation: number): number {
    const sorted = this.sorted?.generation === generation ? this.sorted : undefined;
    if (sorted?.localStories !== undefined) return sorted.localStories;
    const { stories } = this.filing(generation);
    let n = stories.length;
    if (this.archived.size) for (const e of stories) if (this.archived.has(e.doc.path)) n--;
    this.sorted!.localStories = n;
    return n;
  }
}

/**
 * The filing of a library as it was saved (a snapshot): its stories and its copies, each list in path order, each
 * copy with its story's word run (the same object: that is how it is known for a copy).
 */
export function savedFiling(stories: LibraryEntry[], copies: readonly LibraryEntry[]): Filing<LibraryEntry> {
  const storyOfRun = new Map(stories.map(e => [e.run, e]));
  const storyOf = new Map(copies.map(e => [e.doc.path, storyOfRun.get(e.run) ?? e]));
  return { files: copies.length ? mergedByPath(stories, copies) : stories, stories, storyOf };
}
