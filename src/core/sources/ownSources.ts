import type { Filing } from './copies';
import type { LibraryEntry } from './library';

/**
 * Per story, 1 when it is one of the story's own sources by its collection (SourceLibrary.setCollections), undefined
 * when none is: the stories of the collections of at most `limit`, while those small collections hold at most
 * `limit` stories together (an archive laid out in day folders of fifty is many small collections, and an archive
 * all the same). Stories count once however many copies they have; a story with a copy in a small collection is own;
 * archived sources belong to no collection.
 */
export function ownByCollection(filing: Filing<LibraryEntry>, archived: ReadonlySet<string>, collectionOf: (path: string) => string,
  limit: number): Uint8Array | undefined {
  const { files, stories, storyOf } = filing;
  const number = new Map(stories.map((e, i) => [e.doc.path, i]));
  const members = new Map<string, Set<number>>();
  for (const e of files) {
    if (archived.has(e.doc.path)) continue;
    const c = collectionOf(e.doc.path);
    let set = members.get(c);
    if (!set) members.set(c, (set = new Set()));
    set.add(number.get(storyOf.get(e.doc.path)?.doc.path ?? e.doc.path)!);
  }
  const small = [...members.values()].filter(set => set.size <= limit);
  if (!small.length || small.reduce((n, set) => n + set.size, 0) > limit) return undefined;
  const own = new Uint8Array(stories.length);
  for (const set of small) for (const d of set) own[d] = 1;
  return own;
}
