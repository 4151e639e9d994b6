import type { TokenRun } from '../index/vocabulary';
import type { SourceDocument } from './document';
import { comparePaths } from './pathOrder';

/**
 * A story filed several times under different names (a wire story saved twice, an archive's copies) is one source:
 * each copy would otherwise count as another source holding the same words, and a close wording held by several
 * identical sources would read as common phrasing rather than a misquote of one of them. Two sources are copies when
 * their bytes hash alike (snapshot/container.ts `contentHash`: the bytes and their length) and they were read to the
 * same document: the library keeps no bytes (nor does its snapshot), so the comparison after the hash is of what was
 * read from them, which identical bytes always give alike and which tells apart the rare different files that hash
 * alike. (Identical bytes read as different kinds of file, a page and a text, are two sources.)
 */

/** A library's files in path order, and the stories among them: each copy is filed under its story. */
export interface Filing<E> {
  readonly files: E[];
  /** The files that are not copies, in path order: the documents the index numbers. */
  readonly stories: E[];
  /** The story of each copy, by the copy's path (stories are not listed). */
  readonly storyOf: ReadonlyMap<string, E>;
}

type Filed = { readonly doc: SourceDocument; readonly run: TokenRun };

/**
 * Sources by content hash, kept as they come and go: the few hashes that several sources share are the only places
 * where copies can be, so filing the stories again after a change reads those, not every source.
 */
export class HashBuckets<E extends Filed> {
  private readonly byHash = new Map<string, E[]>();
  private readonly shared = new Set<string>();

  constructor(private readonly hashOf: (doc: SourceDocument) => string | undefined) {}

  add(e: E): void {
    const hash = this.hashOf(e.doc);
    if (hash === undefined) return;
    const same = this.byHash.get(hash);
    if (!same) { this.byHash.set(hash, [e]); return; }
    same.push(e);
    this.shared.add(hash);
  }

  delete(e: E): void {
    const hash = this.hashOf(e.doc);
    const same = hash === undefined ? undefined : this.byHash.get(hash);
    const at = same ? same.indexOf(e) : -1;
    if (at < 0) return;
    same!.splice(at, 1);
    if (!same!.length) this.byHash.delete(hash!);
    else if (same!.length === 1) this.shared.delete(hash!);
  }

  /** The sources of each hash held by more than one. */
  *sharedHashes(): Iterable<readonly E[]> {
    for (const hash of this.shared) yield this.byHash.get(hash)!;
  }
}

/**
 * Files (in path order) as stories and copies, the copies looked for among the sources that share a hash. A story is
 * filed under the smallest path among its local copies, or among its copies from an archive when it has no local
 * one (a local source wins over an archived one): which copy was read first never matters. Files without a hash
 * (documents handed over already read) are each their own story.
 */
export function filedAs<E extends Filed>(files: E[], sharedHashes: Iterable<readonly E[]>, archived: (e: E) => boolean): Filing<E> {
  const storyOf = new Map<string, E>();
  for (const same of sharedHashes) {
    const order = [...same].sort((a, b) => Number(archived(a)) - Number(archived(b)) || comparePaths(a.doc.path, b.doc.path));
    const stories: E[] = [];
    for (const e of order) {
      const story = stories.find(s => sameRead(s, e));
      if (story) storyOf.set(e.doc.path, story);
      else stories.push(e);
    }
  }
  return { files, stories: storyOf.size ? files.filter(e => !storyOf.has(e.doc.path)) : files, storyOf };
}

/** Whether two sources of equal hash were read alike (a snapshot's copy shares its story's word run). */
function sameRead(a: Filed, b: Filed): boolean {
  if (a.run === b.run) return true;
  return a.doc.bodyStart === b.doc.bodyStart && a.doc.text === b.doc.text && JSON.stringify(a.doc.meta) === JSON.stringify(b.doc.meta);
}
