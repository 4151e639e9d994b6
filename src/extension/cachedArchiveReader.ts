import type { ArchivedSource, ArchiveReader } from '../core/archive/archiveCheck';
import type { QuotationKeys } from '../core/archive/keys';
import { archiveUri, type ArchivedDocuments } from './archiveDocuments';

/** Answers kept before the cache starts afresh (a long session looks up many quotations). */
const MAX_ANSWERS = 5000;

/**
 * The archive as the editor reads it: each quotation's candidates and each document asked once, so that typing in one
 * paragraph asks the archive only about the quotations that changed. Documents are named by their archive URI
 * (archiveDocuments.ts), and kept for opening. Emptied by whoever owns it when the sources, the setting or the
 * password change.
 */
export class CachedArchiveReader implements ArchiveReader {
  private readonly candidateIds = new Map<string, readonly string[]>();
  private readonly sources = new Map<string, ArchivedSource>();
  private answers = 0;

  constructor(private readonly archive: ArchiveReader, private readonly documents: ArchivedDocuments) {}

  async candidates(keys: QuotationKeys): Promise<readonly string[]> {
    const key = `${keys.trigrams.join(',')}/${keys.any.join(',')}`;
    const known = this.candidateIds.get(key);
    if (known) return known;
    const ids = await this.archive.candidates(keys);
    this.answers++;
    if (this.candidateIds.size >= MAX_ANSWERS) this.candidateIds.clear();
    this.candidateIds.set(key, ids);
    return ids;
  }

  async fetch(ids: readonly string[]): Promise<readonly ArchivedSource[]> {
    if (this.sources.size + ids.length > MAX_ANSWERS) this.sources.clear();
    const missing = ids.filter(id => !this.sources.has(id));
    // One document per query: the reader's answer does not say which id a document had, and an id asked alone is
    // known by its answer. Primary-key look-ups, two at a time (the pool's size).
    await Promise.all(missing.map(async id => {
      const [source] = await this.archive.fetch([id]);
      this.answers++;
      if (!source) return;
      const named = { path: archiveUri(source.path), bytes: source.bytes };
      this.documents.remember(named.path, named.bytes);
      this.sources.set(id, named);
    }));
    return ids.flatMap(id => this.sources.get(id) ?? []);
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
