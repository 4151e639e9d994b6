import { checkDraft, type CheckOptions } from '../check';
import type { Finding } from '../findings';
import { extractQuotations, type Quotation } from '../quotes/extract';
import { withoutLinkSyntax } from '../quotes/links';
import { Vocabulary } from '../index/vocabulary';
import { SourceLibrary } from '../sources/library';
import { maskNonProse } from '../text/markdownMask';
import { quotationKeys, type QuotationKeys } from './keys';

/** A source as an archive stores it: its path (its name in findings) and the bytes of its file. */
export interface ArchivedSource {
  readonly path: string;
  readonly bytes: Uint8Array;
  /** Its id in the archive (as `candidates` gives it), when the reader says: what a cache keeps it by. */
  readonly id?: string;
  /**
   * From `lookUp`: the places, in the quotations asked, of those this document was found for. With it, a cache can
   * keep each quotation's answer.
   */
  readonly quotations?: readonly number[];
}

/**
 * An archive of sources too large to hold in memory (a newsroom's stories in PostgreSQL: src/archive/sql.ts). A check
 * only reads it.
 */
export interface ArchiveReader {
  /** The ids of the few documents that may hold a quotation, or a close wording of it (one or two indexed queries). */
  candidates(keys: QuotationKeys): Promise<readonly string[]>;
  /** The documents of these ids (those that still exist). */
  fetch(ids: readonly string[]): Promise<readonly ArchivedSource[]>;
  /**
   * The documents that may hold any of a draft's quotations, or a close wording of one, in one round trip. Optional:
   * without it, `candidates` is asked for each quotation, then `fetch` once.
   */
  lookUp?(quotations: readonly QuotationKeys[]): Promise<readonly ArchivedSource[]>;
}

export interface ArchiveCheck {
  readonly findings: Finding[];
  /** Paths of the sources fetched from the archive (the findings may name them). */
  readonly fromArchive: readonly string[];
  /** Why the archive could not be read: the findings are then the local sources' alone. */
  readonly error?: string;
}

/**
 * A draft checked against its local sources and an archive. The local sources are checked first; the quotations they
 * leave unsourced are looked up in the archive, the documents that may hold them fetched, and the draft checked against
 * the local sources and those documents together; that check's verdicts replace the local ones only where the local
 * sources settled nothing (an unsourced quotation, an unsupported date). A fetched document is never one of the
 * story's own sources (SourceLibrary.addArchived): the archive's rules stay strict. A local source wins over an
 * archived one of the same path. When the archive fails, the local verdicts stand, with the error.
 */
export async function checkWithArchive(local: SourceLibrary, draft: string, archive: ArchiveReader,
  options: CheckOptions = {}): Promise<ArchiveCheck> {
  const localFindings = checkDraft(local, draft, options);
  const settled = new Set(localFindings.filter(f => f.kind === 'quote' && !unsettled(f)).map(f => f.start));
  const markdown = options.markdown ?? true;
  const quotations = extractQuotations(draft, { markdown, masked: maskNonProse(draft, markdown) }).filter(q => !settled.has(q.start));
  let fetched: readonly ArchivedSource[];
  try {
    const keys = quotations.map(q => quotationKeys(piecesOf(q))).filter(k => k.any.length);
    fetched = archive.lookUp ? (keys.length ? await archive.lookUp(keys) : []) : await candidatesThenFetch(archive, keys);
  } catch (e) {
    return { findings: localFindings, fromArchive: [], error: `the archive could not be read (${(e as Error).message}): the findings are the local sources' alone` };
  }
  if (!fetched.length) return { findings: localFindings, fromArchive: [] };
  const { library, fromArchive } = withArchived(local, fetched);
  return { findings: settle(localFindings, checkDraft(library, draft, options)), fromArchive };
}

/**
 * The local sources and the fetched ones in one library, the local one unchanged. The local sources are taken as
 * they were read and indexed (their words numbered in a copy of the local vocabulary, which the fetched documents
 * extend; the index patched with them): reading a large local library again would cost seconds a check.
 */
export function withArchived(local: SourceLibrary, fetched: readonly ArchivedSource[]): { library: SourceLibrary; fromArchive: string[] } {
  const { entries, index } = local.snapshotParts();
  const { words, hashes, slots } = local.vocab.parts();
  const library = SourceLibrary.restore(Vocabulary.fromParts([...words], hashes.slice(), slots.slice()), entries, index);
  const fromArchive: string[] = [];
  for (const source of fetched) {
    if (library.has(source.path)) continue;
    if (library.addArchived(source.path, source.bytes) === undefined) fromArchive.push(source.path);
  }
  return { library, fromArchive };
}

async function candidatesThenFetch(archive: ArchiveReader, quotations: readonly QuotationKeys[]): Promise<readonly ArchivedSource[]> {
  const ids = new Set<string>();
  for (const keys of quotations) for (const id of await archive.candidates(keys)) ids.add(id);
  return ids.size ? archive.fetch([...ids].sort()) : [];
}

/** A quotation no local source holds, or a date none gives: what the archive is asked about. */
function unsettled(f: Finding): boolean {
  return f.status === 'unsourced' || f.status === 'unsupported';
}

/**
 * The local findings, each one they leave unsettled replaced by the finding of the check with the archive at the same
 * place: what the local sources settle stays as they settle it (their own-sources rules included), whatever the
 * archive holds.
 */
function settle(localFindings: readonly Finding[], withArchive: readonly Finding[]): Finding[] {
  const at = new Map(withArchive.map(f => [`${f.kind}/${f.start}/${f.end}`, f]));
  return localFindings.map(f => (unsettled(f) && at.get(`${f.kind}/${f.start}/${f.end}`)) || f);
}

/** A quotation's quoted words, split where an ellipsis or editorial brackets stand for words the source may not hold. */
function piecesOf(q: Quotation): string[] {
  return withoutLinkSyntax(q.text, q.links).split(/\.\s*\.\s*\.|…|\[[^\]]*\]/);
}
