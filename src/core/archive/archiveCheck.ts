import { checkDraft, referenceOf, withLineFeeds, type CheckOptions } from '../check';
import { leftOpen, type Finding } from '../findings';
import { extractQuotations, type Quotation } from '../quotes/extract';
import { withoutLinkSyntax } from '../quotes/links';
import { Vocabulary } from '../index/vocabulary';
import type { CorpusSource, DateReading, SourceCorpus } from '../sources/corpus';
import { SourceLibrary } from '../sources/library';
import { maskNonProse } from '../text/markdownMask';
import { dateQuestions } from './dateQuestions';
import { quotationKeys, type QuotationKeys } from './keys';

/** A source as an archive gives it (a corpus's source: src/core/sources/corpus.ts). */
export type ArchivedSource = CorpusSource;

/** An archive of sources too large to hold in memory (a newsroom's stories in PostgreSQL: src/archive/sql.ts), read as a corpus. */
export type ArchiveReader = SourceCorpus;

export interface ArchiveCheck {
  readonly findings: Finding[];
  /** Paths of the sources fetched from the archive (the findings may name them). */
  readonly fromArchive: readonly string[];
  /** Why the archive could not be read: the findings are then the local sources' alone. */
  readonly error?: string;
}

/** What a caller that checks the same draft again and again (an editor, at every pause in typing) already has. */
export interface ArchiveCheckReuse {
  /** The draft's findings against the local library, with the same options: not computed again. */
  readonly localFindings?: readonly Finding[];
  /** The library of the last check with the archive, used again when nothing it was made from changed. */
  readonly libraries?: ArchivedLibraries;
}

/**
 * A draft checked against its local sources and an archive (any SourceCorpus). The local sources are checked first;
 * the quotations they leave unsourced are looked up in the archive, and the sentences of the dates they leave
 * unsupported (the archive's dated sentences that share the most of their words); the documents found are fetched, and
 * the draft checked against the local sources and those documents together, by the same verdict code, the dates paired
 * by the words the archive and the local sources together find common; that check's verdicts replace the local ones
 * only where the local sources settled nothing (an unsourced quotation, an unsupported date). A fetched document is
 * never one of the story's own sources (SourceLibrary.addArchived): the archive's rules stay strict. A local source
 * wins over an archived one of the same path. When the archive fails, the local verdicts stand, with the error.
 */
export async function checkWithArchive(local: SourceLibrary, written: string, archive: SourceCorpus,
  options: CheckOptions = {}, again: ArchiveCheckReuse = {}): Promise<ArchiveCheck> {
  // An old Mac draft's lone carriage returns read as line feeds, as checkDraft reads them (offsets kept).
  const draft = withLineFeeds(written);
  const localFindings = again.localFindings ? [...again.localFindings] : checkDraft(local, written, options);
  const settled = new Set(localFindings.filter(f => f.kind === 'quote' && !leftOpen(f)).map(f => f.start));
  const markdown = options.markdown ?? true;
  const masked = maskNonProse(draft, markdown);
  const quotations = extractQuotations(draft, { markdown, masked }).filter(q => !settled.has(q.start));
  const reading: DateReading = { reference: referenceOf(draft, markdown, options).date, dayFirst: options.dayFirst ?? false };
  let fetched: readonly CorpusSource[];
  let common: ((word: string) => boolean | undefined) | undefined;
  try {
    const keys = quotations.map(q => quotationKeys(piecesOf(q), withoutLinkSyntax(q.text, q.links))).filter(k => k.any.length);
    const forQuotations = archive.lookUp ? (keys.length ? await archive.lookUp(keys) : []) : await candidatesThenFetch(archive, keys);
    const dates = options.quotesOnly ? undefined : await dateQuestions(local, draft, masked, localFindings, reading, archive);
    common = dates?.common;
    fetched = [...forQuotations, ...(dates?.sources ?? [])];
  } catch (e) {
    return { findings: localFindings, fromArchive: [], error: `the archive could not be read (${(e as Error).message}): the findings are the local sources' alone` };
  }
  if (!fetched.length) return { findings: localFindings, fromArchive: [] };
  const { library, fromArchive } = again.libraries ? again.libraries.with(local, fetched) : withArchived(local, fetched);
  library.commonDateWords = common;
  return { findings: settle(localFindings, checkDraft(library, written, options)), fromArchive };
}

/**
 * The local sources and the fetched ones in one library, the local one unchanged. The local sources are taken as
 * they were read and indexed (their words numbered in a copy of the local vocabulary, which the fetched documents
 * extend; the index patched with them): reading a large local library again would cost seconds a check. A document
 * fetched twice (for a quotation and for a date) is added once; a byte-identical copy of another source, local or
 * fetched, under another name is filed under that story by the library (sources/copies.ts), as the archive's
 * quotation look-up sets copies aside, and is not listed as fetched.
 */
export function withArchived(local: SourceLibrary, fetched: readonly CorpusSource[]): { library: SourceLibrary; fromArchive: string[] } {
  const { entries, copies, index } = local.snapshotParts();
  const { words, hashes, slots } = local.vocab.parts();
  const library = SourceLibrary.restore(Vocabulary.fromParts([...words], hashes.slice(), slots.slice()), entries, index, undefined, copies);
  const added: string[] = [];
  for (const source of fetched) {
    if (library.has(source.path)) continue;
    if ('doc' in source) library.addArchivedDocument(source.doc);
    else if (library.addArchived(source.path, source.bytes) !== undefined) continue;
    added.push(source.path);
  }
  return { library, fromArchive: added.filter(path => library.storyOf(path) === path) };
}

/**
 * The library `withArchived` made last, used again while the local library (the same one, unchanged) and the documents
 * fetched (the same ones, in the same order) are: the archive's answers for a draft that changed elsewhere are the
 * same, and copying the local vocabulary and patching the local index with the fetched documents costs tens of
 * milliseconds for a few thousand local sources, hundreds for twenty thousand, at every check. The library's dates,
 * read for a check, are then read once. Holds one such library (about the local library's index in memory).
 */
export class ArchivedLibraries {
  private last?: { local: SourceLibrary; generation: number; fetched: readonly CorpusSource[]; made: ReturnType<typeof withArchived> };

  with(local: SourceLibrary, fetched: readonly CorpusSource[]): ReturnType<typeof withArchived> {
    const last = this.last;
    if (last && last.local === local && last.generation === local.generation && sameSources(last.fetched, fetched)) return last.made;
    const made = withArchived(local, fetched);
    this.last = { local, generation: local.generation, fetched, made };
    return made;
  }

  clear(): void {
    this.last = undefined;
  }
}

/** The same documents in the same order: the same objects (a cache's), or the same bytes under the same path. */
function sameSources(a: readonly CorpusSource[], b: readonly CorpusSource[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i] || (s.path === b[i].path && contentOf(s) === contentOf(b[i])));
}

function contentOf(source: CorpusSource): Uint8Array | object {
  return 'doc' in source ? source.doc : source.bytes;
}

async function candidatesThenFetch(archive: SourceCorpus, quotations: readonly QuotationKeys[]): Promise<readonly CorpusSource[]> {
  const ids = new Set<string>();
  for (const keys of quotations) for (const id of await archive.candidates(keys)) ids.add(id);
  return ids.size ? archive.fetch([...ids].sort()) : [];
}


/**
 * The local findings, each one they leave unsettled replaced by the finding of the check with the archive at the same
 * place, or dropped where that check gives none there (a date inside a quotation the archive sources; a range whose
 * ends it settles apart); and that check's findings where the local sources gave none and that overlap none kept (a
 * loose date the archive supports or contradicts, the ends of such a range): what the local sources settle stays as
 * they settle it (their own-sources rules included), whatever the archive holds.
 */
function settle(localFindings: readonly Finding[], withArchive: readonly Finding[]): Finding[] {
  const place = (f: Finding): string => `${f.kind}/${f.start}/${f.end}`;
  const at = new Map(withArchive.map(f => [place(f), f]));
  const kept = localFindings.flatMap(f => (leftOpen(f) ? at.get(place(f)) ?? [] : [f]));
  const local = new Set(localFindings.map(place));
  const added = withArchive.filter(f => !local.has(place(f)) && !kept.some(k => k.start < f.end && f.start < k.end));
  return added.length ? [...kept, ...added].sort((a, b) => a.start - b.start || a.end - b.end) : kept;
}

/** A quotation's quoted words, split where an ellipsis or editorial brackets stand for words the source may not hold. */
function piecesOf(q: Quotation): string[] {
  return withoutLinkSyntax(q.text, q.links).split(/\.\s*\.\s*\.|…|\[[^\]]*\]/);
}
