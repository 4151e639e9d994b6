import type { Pool, PoolClient } from 'pg';
import { copyDates, copyDocuments } from './documentCopy';
import { checkIn, checkOut } from './pooledClient';
import {
  ANALYZE_DATES, ANALYZE_DOCUMENTS, ARCHIVE_EMPTY, BEGIN, CLEAN_DATES_PENDING_LIST, CLEAN_KEYS_PENDING_LIST, COMMIT, COUNT_IN, COUNT_OUT, DATES_INDEX,
  DELETE_DOCUMENTS, DROP_SEARCH_INDEXES, INGEST_STATE, KEYS_INDEX, LOCK_DATE_TOTALS, MARK_DATE_COUNTS_STALE, RECOUNT_DATES, ROLLBACK, SCHEMA,
  SET_BUILD_MEMORY, SET_PENDING_LIST, STORED_HASHES, TOTAL_IN, TOTAL_OUT,
} from './sql';

export async function createSchema(pool: Pool | PoolClient): Promise<void> {
  await pool.query(SCHEMA);
}

/** A dated sentence of a document to store. */
export interface DateRow {
  /** Where it starts in the document's text. */
  readonly sentence: number;
  readonly dates: number;
  /** Its days, months and years (not periods, not loose references). */
  readonly calendar: number;
  /** The keys of its content words, once each. */
  readonly words: readonly number[];
}

/** A document to store, as the ingest prepared it. */
export interface DocumentRow {
  readonly path: string;
  readonly contentHash: Buffer;
  readonly title?: string;
  readonly outlet?: string;
  readonly published?: string;
  readonly words: number;
  readonly source: Uint8Array;
  readonly keys: Int32Array;
  readonly dates: readonly DateRow[];
}

/**
 * Before an ingest: into an empty archive, the rows go in without the search index (built at the end, in one pass:
 * GIN's insertion row by row costs several times more). An archive left without its index by an interrupted first
 * ingest stays so until the ingest that resumes it finishes.
 */
export async function beginIngest(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ empty: boolean }>(ARCHIVE_EMPTY);
  // The date counts too are made at the end, in one pass, rather than batch by batch.
  if (rows[0].empty) await pool.query(DROP_SEARCH_INDEXES);
}

/**
 * After an ingest: the search indexes built if missing (with memory to do it in one pass), or else their pending lists
 * (where COPY leaves new entries) merged into them; the date counts made again if they are stale (a first ingest, or
 * one into an archive left so by an interrupted first ingest: writeDocuments keeps fresh counts fresh); the tables'
 * statistics renewed: the look-up's choice of keys reads them, and
 * without them the planner costs the pending list as a full read and scans the whole table.
 */
export async function finishIngest(pool: Pool, changed: boolean): Promise<void> {
  const { rows } = await pool.query<{ keys: boolean; dates: boolean; stale: boolean }>(INGEST_STATE);
  const { keys, dates, stale } = rows[0];
  if (keys && dates && !stale && !changed) return;
  // The two tables on two connections: the dates' part runs beside the GIN index of the keys, which takes the longest.
  await Promise.all([
    withBuildMemory(pool, async client => {
      if (keys) await client.query(CLEAN_KEYS_PENDING_LIST);
      else await client.query(KEYS_INDEX);
      await client.query(ANALYZE_DOCUMENTS);
    }),
    withBuildMemory(pool, async client => {
      if (dates) await client.query(CLEAN_DATES_PENDING_LIST);
      else await client.query(DATES_INDEX);
      if (stale) await client.query(RECOUNT_DATES);
      await client.query(ANALYZE_DATES);
    }),
  ]);
}

/** Runs `work` on a connection of its own with memory to build an index in one pass; the connection is closed after. */
async function withBuildMemory(pool: Pool, work: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await checkOut(pool);
  try {
    await client.query(SET_BUILD_MEMORY);
    await work(client);
  } finally {
    checkIn(client, true);
  }
}

/**
 * The content hashes stored for these paths; undefined for a document stored without its dated sentences (by the first
 * version): stored again.
 */
export async function storedHashes(pool: Pool, paths: readonly string[]): Promise<Map<string, Buffer | undefined>> {
  const { rows } = await pool.query<{ path: string; content_hash: Buffer; dates_read: boolean }>(
    STORED_HASHES, [paths]);
  return new Map(rows.map(r => [r.path, r.dates_read ? r.content_hash : undefined]));
}

/**
 * One transaction: the documents of these paths removed (replaced or gone bad), the rows written with one COPY. The
 * date counts, if fresh, are kept so (their changes counted in and out); else they stay stale until the ingest ends.
 */
export async function writeDocuments(pool: Pool, rows: readonly DocumentRow[], gone: readonly string[]): Promise<void> {
  if (!rows.length && !gone.length) return;
  const client = await checkOut(pool);
  try {
    await client.query(BEGIN);
    await client.query(SET_PENDING_LIST);
    const totals = await client.query<{ fresh: boolean }>(LOCK_DATE_TOTALS);
    const fresh = totals.rows.length === 1 && totals.rows[0].fresh;
    if (gone.length) {
      if (fresh) { await client.query(COUNT_OUT, [gone]); await client.query(TOTAL_OUT, [gone]); }
      await client.query(DELETE_DOCUMENTS, [gone]);
    }
    await copyDocuments(client, rows);
    await copyDates(client, rows);
    if (fresh) await countIn(client, rows);
    // The date counts are stale until the ingest ends (finishIngest), even if it is interrupted.
    else await client.query(MARK_DATE_COUNTS_STALE);
    await client.query(COMMIT);
    checkIn(client);
  } catch (e) {
    await client.query(ROLLBACK).catch(() => undefined);
    checkIn(client, true);
    throw e;
  }
}

/** The rows' dated sentences counted into the fresh date counts. */
async function countIn(client: PoolClient, rows: readonly DocumentRow[]): Promise<void> {
  const words = new Map<number, { dates: number; sentences: number }>();
  let dates = 0;
  for (const r of rows) {
    for (const d of r.dates) {
      dates += d.dates;
      for (const k of d.words) {
        const w = words.get(k);
        if (w) { w.dates += d.calendar; w.sentences++; } else words.set(k, { dates: d.calendar, sentences: 1 });
      }
    }
  }
  if (!words.size && !dates) return;
  const keys = [...words.keys()];
  await client.query(COUNT_IN, [keys, keys.map(k => words.get(k)?.dates), keys.map(k => words.get(k)?.sentences)]);
  await client.query(TOTAL_IN, [dates]);
}
