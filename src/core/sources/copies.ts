import type { TokenRun } from '../index/vocabulary';
import type { SourceDocument } from './document';

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

/**
 * Files (in path order) as stories and copies. A story is filed under the smallest path among its local copies, or
 * among its copies from an archive when it has no local one (a local source wins over an archived one): which copy
 * was read first never matters. Files without a hash (documents handed over already read) are each their own story.
 */
export function filedAs<E extends { readonly doc: SourceDocument; readonly run: TokenRun }>(files: E[], archived: (e: E) => boolean,
  hashOf: (doc: SourceDocument) => string | undefined): Filing<E> {
  const byHash = new Map<string, E[]>();
  const storyOf = new Map<string, E>();
  const file = (e: E): void => {
    const hash = hashOf(e.doc);
    if (hash === undefined) return;
    const same = byHash.get(hash);
    const story = same?.find(s => sameRead(s, e));
    if (story) storyOf.set(e.doc.path, story);
    else if (same) same.push(e);
    else byHash.set(hash, [e]);
  };
  let anyArchived = false;
  for (const e of files) if (archived(e)) anyArchived = true; else file(e);
  if (anyArchived) for (const e of files) if (archived(e)) file(e);
  return { files, stories: storyOf.size ? files.filter(e => !storyOf.has(e.doc.path)) : files, storyOf };
}

/** Whether two sources of equal hash were read alike (a snapshot's copy shares its story's word run). */
function sameRead(a: { readonly doc: SourceDocument; readonly run: TokenRun }, b: { readonly doc: SourceDocument; readonly run: TokenRun }): boolean {
  if (a.run === b.run) return true;
  return a.doc.bodyStart === b.doc.bodyStart && a.doc.text === b.doc.text && JSON.stringify(a.doc.meta) === JSON.stringify(b.doc.meta);
}
