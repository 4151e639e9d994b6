import type { Filing } from './copies';
import type { LibraryEntry } from './library';
import type { LibraryFiling } from './libraryFiling';

/**
 * Which of a library's stories are the story's own sources (SourceLibrary.ownSources, isOwnSource), kept while the
 * library's generation stays: all local stories while there are at most `limit` (OWN_SOURCES) of them, or those of the small
 * collections (`setCollections`). Archived sources are never own.
 */
export class OwnStories {
  private collectionOf?: (path: string) => string;
  private collectionsSet = 0;
  private cached?: { generation: number; stories: Uint8Array | undefined };

  constructor(private readonly filed: LibraryFiling, private readonly archived: ReadonlySet<string>, private readonly limit: number) {}

  setCollections(collectionOf: (path: string) => string): void {
    this.collectionOf = collectionOf;
    this.cached = undefined;
    this.collectionsSet++;
  }

  get collectionsGeneration(): number {
    return this.collectionsSet;
  }

  /** Per story of the library at `generation`, 1 when it is one of the story's own sources; undefined when none is. */
  stories(generation: number): Uint8Array | undefined {
    if (this.cached?.generation === generation) return this.cached.stories;
    const filing = this.filed.filing(generation);
    let result: Uint8Array | undefined;
    if (!this.collectionOf) {
      if (this.filed.localStories(generation) <= this.limit) result = Uint8Array.from(filing.stories, e => (this.archived.has(e.doc.path) ? 0 : 1));
    } else {
      result = ownByCollection(filing, this.archived, this.collectionOf, this.limit);
    }
    this.cached = { generation, stories: result };
    return result;
  }
}

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
