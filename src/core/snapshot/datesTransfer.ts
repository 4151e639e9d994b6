import { hasDatesFor, knownFor } from '../dates/sourceDates';
import type { SourceDocument } from '../sources/document';
import { SnapshotReader, writeSnapshot } from './container';
import { encodeDates } from './datesSnapshot';
import { decodeDates } from './datesRestore';
import { countOf } from './documentTable';

/**
 * What a second thread needs to read sources' dates: their texts, where their bodies start and their own dates, and
 * the check's reference date. Plain data, so that it crosses to a worker by structured clone.
 */
export interface DatesJob {
  readonly texts: readonly string[];
  readonly bodyStarts: readonly number[];
  readonly ownDates: ReadonlyArray<string | undefined>;
  /** The reference date's time value, for the sources without a date of their own. */
  readonly reference: number;
  readonly dayFirst: boolean;
}

/** The frame's engine key: a job's answer goes back to the build that asked for it, in the same process. */
const TRANSFER = 'dates-transfer';

/** The sources of `docs` whose dates against `reference` are not read yet. */
export function withoutDates(docs: readonly SourceDocument[], reference: Date, dayFirst: boolean): SourceDocument[] {
  const known = hasDatesFor(reference, dayFirst);
  return docs.filter(doc => !known(doc));
}

export function datesJobOf(docs: readonly SourceDocument[], reference: Date, dayFirst: boolean): DatesJob {
  return {
    texts: docs.map(d => d.text), bodyStarts: docs.map(d => d.bodyStart), ownDates: docs.map(d => d.meta.date),
    reference: reference.getTime(), dayFirst,
  };
}

/** Reads a job's dates as `datesOf` reads them, and frames them as a snapshot's date sections (checksummed). */
export function readDatesJob(job: DatesJob): Uint8Array {
  const reference = new Date(job.reference);
  const docs = job.texts.map((text, i): SourceDocument => ({
    path: '', text, bodyStart: job.bodyStarts[i], meta: { date: job.ownDates[i] }, warnings: [],
    fileOffset: offset => offset, position: () => ({ line: 1, column: 1 }),
  }));
  for (const doc of docs) knownFor(doc, reference, job.dayFirst);
  const sections = encodeDates(docs);
  sections.set('counts', new Float64Array([countOf(sections.get('dateStrings')!)]));
  return writeSnapshot(TRANSFER, sections);
}

/**
 * Gives `docs` (the job's sources, in its order) the dates a job read: kept in the answer's arrays as a snapshot's
 * are, made into objects when a check reads them. A broken answer throws SnapshotError (checksummed, in the same
 * process, it takes a bug of the worker: the sources adopted before the broken table keep their dates, the others
 * are read by the caller).
 */
export function adoptDates(docs: readonly SourceDocument[], answer: Uint8Array): void {
  const reader = new SnapshotReader(answer, TRANSFER);
  const [stringCount] = reader.f64('counts');
  decodeDates(reader, docs, stringCount);
}
