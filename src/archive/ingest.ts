import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { documentKeys, wordKey } from '../core/archive/keys';
import { datesOf } from '../core/dates/sourceDates';
import { parseSource, type SourceDocument } from '../core/sources/document';
import { findSourceCollections, readSourceFile } from '../core/sources/nodeFiles';
import { beginIngest, createSchema, finishIngest, storedHashes, writeDocuments, type DateRow, type DocumentRow } from './ingestWrites';

export interface IngestOptions {
  /** The name a file is stored under (its path in findings): by default the path as found. */
  readonly name?: (file: string) => string;
  /** Files per transaction (one COPY each). */
  readonly batch?: number;
  /** Progress and skipped files, one line each. */
  readonly report?: (line: string) => void;
  readonly cwd?: string;
  /**
   * What the dates of a source without a date of its own are read against (a check reads them against its draft's
   * date: only the calendar values differ, which the archive does not store). Defaults to today.
   */
  readonly reference?: Date;
}

export interface IngestSummary {
  readonly added: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly words: number;
  /** Where the time went, in milliseconds (the first two overlap: a batch is written while the next is prepared). */
  readonly timings: {
    /** Reading, parsing and computing keys in this process. */
    readonly prepare: number;
    /** Waiting for the database to store a batch. */
    readonly write: number;
    /** After the last batch: the index built or its pending entries merged, and the statistics renewed. */
    readonly finish: number;
  };
}

/** A batch read and parsed: the rows to store and the stored paths to remove. */
interface Batch {
  readonly rows: DocumentRow[];
  readonly gone: string[];
  readonly files: number;
}

/**
 * Stores the sources the patterns name in the archive, in batches of one transaction and one COPY each; a batch is
 * written while the next is read and parsed. A file whose content hash is stored already is skipped (a re-run
 * resumes); a changed one is replaced; a bad one (unreadable, over the size limit, not text) is reported, skipped, and
 * removed from the archive if an earlier version was stored. Into an empty archive, the rows go in without the search
 * index, which is built once at the end (far cheaper than GIN's insertions row by row).
 */
export async function ingest(pool: Pool, patterns: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const name = options.name ?? ((file: string) => file);
  const report = options.report ?? (() => undefined);
  const batchSize = options.batch ?? 2000;
  const today = new Date();
  const reference = options.reference ?? new Date(today.getFullYear(), today.getMonth(), today.getDate(), 12);
  const listing = await findSourceCollections(patterns, options.cwd);
  const { files } = listing;
  // A folder that could not be listed is said, as a file that could not be read is: its stories are not in the archive.
  for (const folder of listing.unread) report(`warning: ${folder.path}: ${folder.warning}`);
  await createSchema(pool);
  await beginIngest(pool);
  const totals = { added: 0, unchanged: 0, skipped: 0, words: 0 };
  const timings = { prepare: 0, write: 0, finish: 0 };
  const started = Date.now();
  let done = 0;
  let removed = false;
  let writing: Promise<void> = Promise.resolve();
  try {
    for (let i = 0; i < files.length; i += batchSize) {
      const t0 = Date.now();
      const batch = await prepare(pool, files.slice(i, i + batchSize), name, report, totals, reference);
      timings.prepare += Date.now() - t0;
      const { unchanged, skipped } = totals;
      const t1 = Date.now();
      await writing;
      timings.write += Date.now() - t1;
      writing = writeDocuments(pool, batch.rows, batch.gone).then(() => {
        totals.added += batch.rows.length;
        removed ||= batch.gone.length > 0;
        done += batch.files;
        const seconds = Math.max(0.001, (Date.now() - started) / 1000);
        report(`${done} / ${files.length} files: ${totals.added} added, ${unchanged} unchanged, ${skipped} skipped (${Math.round(totals.words / seconds)} words/s)`);
      });
      // Awaited at the next batch or below; a failure meanwhile must not count as unhandled.
      writing.catch(() => undefined);
    }
  } finally {
    const t1 = Date.now();
    await writing;
    timings.write += Date.now() - t1;
  }
  const t2 = Date.now();
  await finishIngest(pool, totals.added > 0 || removed);
  timings.finish = Date.now() - t2;
  return { ...totals, timings };
}

async function prepare(pool: Pool, files: readonly string[], name: (file: string) => string, report: (line: string) => void,
  totals: { unchanged: number; skipped: number; words: number }, reference: Date): Promise<Batch> {
  const stored = await storedHashes(pool, files.map(name));
  const rows: DocumentRow[] = [];
  const gone: string[] = [];
  for (const file of files) {
    const path = name(file);
    const read = await readSourceFile(file);
    if ('warning' in read) { report(`warning: ${path}: ${read.warning}`); totals.skipped++; if (stored.has(path)) gone.push(path); continue; }
    const contentHash = createHash('sha256').update(read.bytes).digest();
    if (stored.get(path)?.equals(contentHash)) { totals.unchanged++; continue; }
    const parsed = parseSource(path, read.bytes);
    if (!parsed.ok) { report(`warning: ${path}: ${parsed.warning}`); totals.skipped++; if (stored.has(path)) gone.push(path); continue; }
    const { doc } = parsed;
    for (const w of doc.warnings) report(`warning: ${path}: ${w}`);
    const { keys, words } = documentKeys(doc.text, doc.bodyStart);
    if (stored.has(path)) gone.push(path);
    rows.push({ path, contentHash, title: doc.meta.title, outlet: doc.meta.outlet, published: doc.meta.date, words, source: read.bytes, keys,
      dates: datedSentences(doc, reference) });
    totals.words += words;
  }
  return { rows, gone, files: files.length };
}

/**
 * A document's dated sentences as the archive stores them: read by the same code as a local source's
 * (dates/sourceDates.ts), their content words as keys.
 */
function datedSentences(doc: SourceDocument, reference: Date): DateRow[] {
  const out: DateRow[] = [];
  const dates = datesOf(doc, reference, false);
  for (let i = 0; i < dates.length;) {
    const sentence = dates[i].sentence;
    let count = 0;
    let calendar = 0;
    for (; i < dates.length && dates[i].sentence === sentence; i++, count++) {
      const { mention } = dates[i];
      if (mention.date.period === undefined && !mention.loose) calendar++;
    }
    out.push({ sentence: sentence.start, dates: count, calendar, words: [...new Set([...sentence.words].map(wordKey))].sort((a, b) => a - b) });
  }
  return out;
}
