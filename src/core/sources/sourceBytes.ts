import { decodeSource } from './decode';
import { parseSource, type ParsedSource, type SourceDocument } from './document';

const pages = new WeakMap<SourceDocument, string>();
/** The content hash of the bytes a document was read from (see `hashOf`). */
const hashes = new WeakMap<SourceDocument, string>();

/**
 * Reads a source from its bytes, recording what the library keeps of them beside the document: their content hash
 * (`hash`, snapshot/container.ts `contentHash`) and, for an HTML source, the decoded page.
 */
export function readSourceBytes(path: string, bytes: Uint8Array, hash: string): ParsedSource {
  const parsed = parseSource(path, bytes);
  if (!parsed.ok) return parsed;
  if (/\.html?$/i.test(path)) {
    // A page's offsets map back through its markup: a snapshot keeps the page to map them again.
    const page = decodeSource(bytes, undefined, { html: true });
    if (page.ok) pages.set(parsed.doc, page.text);
  }
  hashes.set(parsed.doc, hash);
  return parsed;
}

/**
 * The content hash (snapshot/container.ts `contentHash`) of the file a document was read from: recorded when the
 * library read its bytes, or given by the document (a snapshot's, `contentHash`); undefined for a document handed over
 * already parsed, which is never taken for a copy.
 */
export function hashOf(doc: SourceDocument): string | undefined {
  return hashes.get(doc) ?? (doc as { readonly contentHash?: string }).contentHash;
}

/** The decoded page an HTML source was read from (kept for snapshots), undefined for other sources. */
export function pageOf(doc: SourceDocument): string | undefined {
  return pages.get(doc);
}
