import type { ArchivedSource, ArchiveReader } from '../core/archive/archiveCheck';
import type { QuotationKeys } from '../core/archive/keys';

/** Answers kept before the cache starts afresh (a long session looks up many quotations). */
const MAX_ANSWERS = 5000;

/** Where the documents fetched are kept for opening, and the name each takes in findings (archiveDocuments.ts). */
export interface FetchedDocuments {
  remember(name: string, bytes: Uint8Array): void;
  nameOf(path: string): string;
}

interface Kept {
  readonly source: ArchivedSource;
  /** The path the archive gave (the order of its answers). */
  readonly path: string;
}

/**
 * The archive as the editor reads it: each quotation's candidates and each document asked once, so that typing in one
 * paragraph asks the archive only about the quotations that changed, and a draft's new quotations cost one round trip
 * when the archive looks up a draft at once (`lookUp`). Documents are named by `documents.nameOf` and kept for opening.
 * Emptied by whoever owns it when the sources, the setting or the password change.
 */
export class CachedArchiveReader implements ArchiveReader {
  private readonly candidateIds = new Map<string, readonly string[]>();
  private readonly sources = new Map<string, Kept>();
  private answers = 0;
  /** Present when the archive has it (checkWithArchive then asks once a draft). */
  readonly lookUp?: (quotations: readonly QuotationKeys[]) => Promise<readonly ArchivedSource[]>;

  constructor(private readonly archive: ArchiveReader, private readonly documents: FetchedDocuments) {
    const lookUp = archive.lookUp?.bind(archive);
    if (lookUp) this.lookUp = quotations => this.lookUpCached(quotations, lookUp);
  }

  async candidates(keys: QuotationKeys): Promise<readonly string[]> {
    const known = this.candidateIds.get(keyOf(keys));
    if (known) return known;
    const ids = await this.archive.candidates(keys);
    this.answers++;
    this.keepAnswer(keys, ids);
    return ids;
  }

  async fetch(ids: readonly string[]): Promise<readonly ArchivedSource[]> {
    this.makeRoom(ids.length);
    const missing = ids.filter(id => !this.sources.has(id));
    const answer = missing.length ? await this.archive.fetch(missing) : [];
    if (missing.length) this.answers++;
    if (answer.every(s => s.id !== undefined)) for (const source of answer) this.keep(source.id as string, source);
    else {
      // A reader that does not give ids is asked one document per query: an id asked alone is known by its answer.
      await Promise.all(missing.map(async id => {
        const [source] = await this.archive.fetch([id]);
        this.answers++;
        if (source) this.keep(id, source);
      }));
    }
    return byPath(ids.flatMap(id => this.sources.get(id) ?? []));
  }

  /**
   * The quotations whose answer and documents are kept are answered here; the rest go to the archive in one call.
   * An answer without its documents' ids and quotations is passed on, kept for opening only.
   */
  private async lookUpCached(quotations: readonly QuotationKeys[],
    lookUp: (quotations: readonly QuotationKeys[]) => Promise<readonly ArchivedSource[]>): Promise<readonly ArchivedSource[]> {
    const found = new Map<string, Kept>();
    const asked: QuotationKeys[] = [];
    for (const keys of quotations) {
      const ids = this.candidateIds.get(keyOf(keys));
      const kept = ids?.map(id => this.sources.get(id));
      if (ids && kept?.every(k => k)) ids.forEach((id, i) => found.set(id, kept[i] as Kept));
      else asked.push(keys);
    }
    if (asked.length) {
      const answer = await lookUp(asked);
      this.answers++;
      this.makeRoom(answer.length);
      const unattributed: Kept[] = [];
      const ids: string[][] = asked.map(() => []);
      for (const source of answer) {
        if (source.id === undefined || !source.quotations) {
          unattributed.push(this.keepOpen(source));
          continue;
        }
        for (const i of source.quotations) ids[i]?.push(source.id);
        found.set(source.id, this.keep(source.id, source));
      }
      if (unattributed.length) return byPath([...found.values(), ...unattributed]);
      asked.forEach((keys, i) => this.keepAnswer(keys, ids[i]));
    }
    return byPath([...found.values()]);
  }

  private keepAnswer(keys: QuotationKeys, ids: readonly string[]): void {
    if (this.candidateIds.size >= MAX_ANSWERS) this.candidateIds.clear();
    this.candidateIds.set(keyOf(keys), ids);
  }

  /** Starts the documents afresh when `n` more would pass the bound (before a batch, so that none of it is lost). */
  private makeRoom(n: number): void {
    if (this.sources.size + n > MAX_ANSWERS) this.sources.clear();
  }

  private keep(id: string, source: ArchivedSource): Kept {
    const kept = this.keepOpen(source, id);
    this.sources.set(id, kept);
    return kept;
  }

  /** The document under its name in findings, kept for opening. */
  private keepOpen(source: ArchivedSource, id = source.id): Kept {
    const name = this.documents.nameOf(source.path);
    this.documents.remember(name, source.bytes);
    return { source: { path: name, bytes: source.bytes, ...(id === undefined ? {} : { id }) }, path: source.path };
  }

  /** How many answers came from the archive itself (not from the cache): whether it was reached. */
  get answered(): number {
    return this.answers;
  }

  clear(): void {
    this.candidateIds.clear();
    this.sources.clear();
  }
}

function keyOf(keys: QuotationKeys): string {
  return `${keys.trigrams.join(',')}/${keys.any.join(',')}`;
}

/** In the archive's order (by path), as without the cache. */
function byPath(kept: readonly Kept[]): ArchivedSource[] {
  return [...kept].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map(k => k.source);
}
