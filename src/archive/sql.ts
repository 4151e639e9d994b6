import { Pool, type ClientBase, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BinaryRows } from './binaryCopy';
import type { ArchivedSource, ArchiveReader } from '../core/archive/archiveCheck';
import { wordKey, type QuotationKeys } from '../core/archive/keys';
import { quotationQuery, type KeyDocuments, type QuotationQuery } from '../core/archive/keySelection';
import { MAX_PAIRED_SENTENCES, type DateCounts, type DatedStatement } from '../core/sources/corpus';

/**
 * All the SQL of the archive. One table: a row per source document with its metadata, the file's bytes (parsed again
 * by the same code as a local source when a check fetches it, so verdicts, offsets and titles are the same; the text is
 * not stored besides: the check reads only the bytes), a content hash (a re-run of the ingest skips unchanged files)
 * and its search keys (hashed word trigrams and content words, src/core/archive/keys.ts) in an int4 array under a GIN
 * index (intarray's gin__int_ops), so that a quotation's candidates cost a few index scans.
 */
export const SCHEMA = `
CREATE EXTENSION IF NOT EXISTS intarray;
CREATE TABLE IF NOT EXISTS source_documents (
  id bigserial PRIMARY KEY,
  path text NOT NULL UNIQUE,
  content_hash bytea NOT NULL,
  title text,
  outlet text,
  published text,
  words integer NOT NULL,
  source bytea NOT NULL,
  keys integer[] NOT NULL
);
-- The first version stored the text twice (as bytes and as text).
ALTER TABLE source_documents DROP COLUMN IF EXISTS text;
-- The most common keys, with the share of documents holding each, as ANALYZE finds them: the look-up does not select
-- candidates by a common key. 1,000 gives 10,000 keys, down to about 0.15% of the documents.
ALTER TABLE source_documents ALTER COLUMN keys SET STATISTICS 1000;
-- Whether the document's dated sentences are stored (an archive of the first version has none: the ingest reads its
-- documents again).
ALTER TABLE source_documents ADD COLUMN IF NOT EXISTS dates_read boolean NOT NULL DEFAULT false;
-- Each dated sentence of a document: where it starts in the document's text, how many dates it holds (all, and days,
-- months and years), and the keys of its content words (src/core/archive/keys.ts: wordKey), under a GIN index.
CREATE TABLE IF NOT EXISTS source_dates (
  document bigint NOT NULL REFERENCES source_documents (id) ON DELETE CASCADE,
  sentence integer NOT NULL,
  dates smallint NOT NULL,
  calendar smallint NOT NULL,
  words integer[] NOT NULL,
  PRIMARY KEY (document, sentence)
);
-- Per content word of the dated sentences: how many days, months and years stand with it, and in how many sentences
-- (what makes a word too common to pair statements by, and which words a look-up walks); and the archive's number of
-- dates. Filled from source_dates at the end of an ingest; \`fresh\` is false from the first write until then.
CREATE TABLE IF NOT EXISTS date_words (key integer PRIMARY KEY, dates bigint NOT NULL, sentences integer NOT NULL);
CREATE TABLE IF NOT EXISTS date_totals (dates bigint NOT NULL, fresh boolean NOT NULL);
`;

/** The search indexes, built after the rows when an ingest starts on an empty archive. */
const KEYS_INDEX = 'CREATE INDEX IF NOT EXISTS source_documents_keys ON source_documents USING gin (keys gin__int_ops)';
const DATES_INDEX = 'CREATE INDEX IF NOT EXISTS source_dates_words ON source_dates USING gin (words gin__int_ops)';
/**
 * The date counts, made again from all the dated sentences: after a first ingest (one pass is cheaper than counting
 * batch by batch), or one that left them stale.
 */
const DATE_COUNTS = `TRUNCATE date_words, date_totals;
INSERT INTO date_words SELECT k, sum(calendar), count(*) FROM source_dates, unnest(words) k GROUP BY k;
INSERT INTO date_totals SELECT coalesce(sum(dates), 0), true FROM source_dates;`;
/**
 * Into an archive whose counts are fresh, a batch counts its changes in the same transaction: the dated sentences of
 * the documents it removes ($1: their paths) counted out, before they go (a word no sentence holds any more is
 * removed, as a recount would leave it out)...
 */
const COUNT_OUT = `WITH old AS (
  SELECT k, sum(s.calendar) AS dates, count(*) AS sentences FROM source_documents d JOIN source_dates s ON s.document = d.id, unnest(s.words) k
  WHERE d.path = ANY($1::text[]) GROUP BY k
), emptied AS (
  DELETE FROM date_words w USING old WHERE w.key = old.k AND w.sentences = old.sentences
)
UPDATE date_words w SET dates = w.dates - old.dates, sentences = w.sentences - old.sentences FROM old WHERE w.key = old.k AND w.sentences <> old.sentences`;
const TOTAL_OUT = `UPDATE date_totals SET dates = dates - (
  SELECT coalesce(sum(s.dates), 0) FROM source_documents d JOIN source_dates s ON s.document = d.id WHERE d.path = ANY($1::text[]))`;
/** ...and its new sentences counted in (per word key, its days, months and years and its sentences; then the dates). */
const COUNT_IN = `INSERT INTO date_words SELECT * FROM unnest($1::int4[], $2::int8[], $3::int4[])
ON CONFLICT (key) DO UPDATE SET dates = date_words.dates + excluded.dates, sentences = date_words.sentences + excluded.sentences`;
const TOTAL_IN = 'UPDATE date_totals SET dates = dates + $1::int8';
/** Memory for building the index in one pass (a session setting of the ingest; the server's default is 64 MB). */
const BUILD_MEMORY = '1GB';
/** GIN's pending list of an ingest into a filled archive: merged into the index in large batches, not every 4 MB. */
const PENDING_LIST = '256MB';

/** Bytes handed to a COPY stream at a time. */
const COPY_CHUNK = 1 << 20;

/** Documents listed as holding a quotation word for word (more is a common phrase: the check names at most 10). */
export const VERBATIM_LIMIT = 16;
/** Documents holding the most of a quotation's keys, fetched to find a close wording. */
export const NEAR_LIMIT = 16;

/**
 * The look-up of a draft's quotations in one statement. $1 and $2 have a row per quotation: its verbatim query and its
 * keys (an int4[] literal); $3 and $4 a row per close-wording clause: the clause and the quotation's row number
 * (quotationQuery in src/core/archive/keySelection.ts). Each query is its own GIN index scan. For each quotation: the
 * verbatim holders by path, and the close wordings sharing the most keys with it; identical documents (the same
 * content hash: a wire story filed twice) count once. Then the documents found, by path, each with the row numbers of
 * the quotations it was found for (so that a cache can keep each quotation's answer: src/extension/cachedArchiveReader.ts).
 * Copies are set aside on the narrow columns the clause's own scan reads (id, content hash, path: once per clause, then
 * once per quotation), and only the documents left have their keys read again, by id, to count the keys they share:
 * at 1 M articles a clause selects hundreds of rows, most of them copies, and fetching each by id with its keys and
 * sorting those wide rows cost most of a draft's look-up (and spilled to disk).
 */
export const LOOKUP_QUERY = `WITH q AS (
  SELECT verbatim, rank::int4[] AS rank, n FROM unnest($1::query_int[], $2::text[]) WITH ORDINALITY AS q(verbatim, rank, n)
), verbatim AS (
  SELECT q.n, v.id FROM q CROSS JOIN LATERAL (
    SELECT id FROM (
      SELECT DISTINCT ON (content_hash) id, path FROM source_documents WHERE keys @@ q.verbatim ORDER BY content_hash, path
    ) d ORDER BY path LIMIT ${VERBATIM_LIMIT}) v
), near AS (
  SELECT DISTINCT ON (c.n, d.content_hash) c.n, d.id, d.path FROM unnest($3::query_int[], $4::int8[]) AS c(clause, n)
  CROSS JOIN LATERAL (
    SELECT DISTINCT ON (content_hash) id, content_hash, path FROM source_documents WHERE keys @@ c.clause ORDER BY content_hash, path
  ) d ORDER BY c.n, d.content_hash, d.path
), ranked AS (
  SELECT n, id, row_number() OVER (PARTITION BY n ORDER BY shared DESC, path) AS place FROM (
    SELECT near.n, near.id, near.path, (SELECT icount(s.keys & q.rank) FROM source_documents s WHERE s.id = near.id) AS shared
    FROM near JOIN q ON q.n = near.n) d
), chosen AS (
  SELECT n, id FROM verbatim UNION SELECT n, id FROM ranked WHERE place <= ${NEAR_LIMIT}
)
SELECT id, path, source, ARRAY(SELECT n::int4 FROM chosen c WHERE c.id = s.id ORDER BY n) AS quotations
FROM source_documents s WHERE id = ANY(ARRAY(SELECT DISTINCT id FROM chosen)) ORDER BY path`;

/**
 * How the archive's dates are spread over words ($1: the words' keys): its number of dates, and per key the days,
 * months and years standing in its dated sentences holding it.
 */
export const DATE_COUNTS_QUERY = `SELECT (SELECT dates FROM date_totals LIMIT 1) AS dates,
  ARRAY(SELECT key FROM date_words WHERE key = ANY($1::int4[]) ORDER BY key) AS keys,
  ARRAY(SELECT dates FROM date_words WHERE key = ANY($1::int4[]) ORDER BY key) AS counts`;

/**
 * The look-up of a draft's dated statements in one statement. $1 and $2 have a row per statement: the keys of the
 * words it may pair by (an int4[] literal) and how many of them a sentence must hold. A sentence holding that many
 * holds one of the (words − least + 1) held by the fewest sentences: only those words' postings are read (one GIN
 * index scan a statement), the others are counted on the sentences found. For each statement, the sentences holding the
 * most of its words, ties by path then in text order, at most ${MAX_PAIRED_SENTENCES} (the paths read only for the
 * sentences ranked within that many); then their documents, by path, each with the statements it was found for.
 */
export const DATE_LOOKUP_QUERY = `WITH s AS (
  SELECT words::int4[] AS words, least, n FROM unnest($1::text[], $2::int4[]) WITH ORDINALITY AS s(words, least, n)
), walked AS (
  SELECT s.n, s.words, s.least, ARRAY(
    SELECT w.key FROM date_words w WHERE w.key = ANY(s.words) ORDER BY w.sentences, w.key LIMIT greatest(0, cardinality(s.words) - s.least + 1)
  ) AS walk FROM s
), found AS (
  SELECT w.n, d.document, d.sentence, d.shared, rank() OVER (PARTITION BY w.n ORDER BY d.shared DESC) AS r
  FROM walked w CROSS JOIN LATERAL (
    SELECT document, sentence, icount(words & w.words) AS shared FROM source_dates WHERE words && w.walk
  ) d WHERE d.shared >= w.least
), paired AS (
  SELECT n, document FROM (
    SELECT f.n, f.document, row_number() OVER (PARTITION BY f.n ORDER BY f.shared DESC, doc.path COLLATE "C", f.sentence) AS place
    FROM found f JOIN source_documents doc ON doc.id = f.document WHERE f.r <= ${MAX_PAIRED_SENTENCES}
  ) p WHERE place <= ${MAX_PAIRED_SENTENCES}
)
SELECT id, path, source, ARRAY(SELECT DISTINCT n::int4 FROM paired p WHERE p.document = s.id ORDER BY 1) AS statements
FROM source_documents s WHERE id = ANY(ARRAY(SELECT DISTINCT document FROM paired)) ORDER BY path`;

/** The statistics ANALYZE keeps on the keys: the most common ones with the share of documents holding each. */
const KEY_STATISTICS = `SELECT s.most_common_elems::text::int4[] AS keys, s.most_common_elem_freqs AS shares, c.reltuples AS documents,
    CASE WHEN to_regclass('date_totals') IS NULL THEN false ELSE has_table_privilege('date_totals', 'SELECT')
      AND has_table_privilege('date_words', 'SELECT') AND has_table_privilege('source_dates', 'SELECT') END AS dated
  FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'source_documents' AND s.attname = 'keys'
  WHERE c.oid = 'source_documents'::regclass`;
/** How long the key statistics read from the archive are trusted before they are read again (an ingest renews them). */
const STATISTICS_MAX_AGE_MS = 10 * 60_000;

export async function createSchema(pool: Pool | PoolClient): Promise<void> {
  await pool.query(SCHEMA);
}

/** A row of LOOKUP_QUERY. */
interface FoundRow {
  readonly id: string;
  readonly path: string;
  readonly source: Buffer;
  readonly quotations: number[];
}

/** A row of DATE_LOOKUP_QUERY. */
interface DatedRow {
  readonly id: string;
  readonly path: string;
  readonly source: Buffer;
  readonly statements: number[];
}

interface KeyStatistics {
  readonly documents: KeyDocuments;
  readonly total: number;
  readonly read: number;
  /**
   * Whether the archive stores dated sentences that this role may read (an archive ingested by the first version does
   * not store them; a role granted only source_documents cannot read them): without them, dates are not looked up.
   */
  readonly dated: boolean;
}

/** Reads the archive for a check: never writes. */
export class PostgresArchive implements ArchiveReader {
  private statistics?: Promise<KeyStatistics>;

  constructor(private readonly pool: Pool | ClientBase) {}

  async candidates(keys: QuotationKeys): Promise<readonly string[]> {
    return (await this.find([keys])).map(r => r.id);
  }

  async fetch(ids: readonly string[]): Promise<readonly ArchivedSource[]> {
    const { rows } = await this.pool.query<{ id: string; path: string; source: Buffer }>(
      'SELECT id, path, source FROM source_documents WHERE id = ANY($1::int8[]) ORDER BY path', [ids]);
    return rows.map(r => ({ path: r.path, bytes: r.source, id: r.id }));
  }

  async lookUp(quotations: readonly QuotationKeys[]): Promise<readonly ArchivedSource[]> {
    // The statement numbers the quotations from 1.
    return (await this.find(quotations)).map(r => ({ path: r.path, bytes: r.source, id: r.id, quotations: r.quotations.map(n => n - 1) }));
  }

  /** The queries of these quotations as the archive's statistics choose their keys (for the benchmark and EXPLAIN). */
  async queries(quotations: readonly QuotationKeys[]): Promise<QuotationQuery[]> {
    const { documents, total } = await this.keyStatistics();
    return quotations.map(keys => quotationQuery(keys, documents, total));
  }

  /** Undefined when the archive stores no dated sentences this role may read. */
  async dateCounts(words: readonly string[]): Promise<DateCounts | undefined> {
    if (!(await this.keyStatistics()).dated) return undefined;
    const keys = words.map(wordKey);
    const { rows } = await this.pool.query<{ dates: string | null; keys: number[]; counts: string[] }>(DATE_COUNTS_QUERY, [[...new Set(keys)]]);
    const count = new Map(rows[0].keys.map((k, i) => [k, Number(rows[0].counts[i])]));
    return { dates: Number(rows[0].dates ?? 0), wordDates: new Map(words.map((w, i) => [w, count.get(keys[i]) ?? 0])) };
  }

  async datedSentences(statements: readonly DatedStatement[]): Promise<readonly ArchivedSource[]> {
    if (!statements.length || !(await this.keyStatistics()).dated) return [];
    const rows = await this.readOnly<DatedRow>(DATE_LOOKUP_QUERY, dateLookUpParameters(statements));
    // The statement numbers the statements from 1.
    return rows.map(r => ({ path: r.path, bytes: r.source, id: r.id, statements: r.statements.map(n => n - 1) }));
  }

  private async find(quotations: readonly QuotationKeys[]): Promise<FoundRow[]> {
    const queries = await this.queries(quotations);
    if (!queries.some(q => q.verbatim || q.near.length)) return [];
    return this.readOnly<FoundRow>(LOOKUP_QUERY, lookUpParameters(queries));
  }

  /** One statement in a read-only transaction, without JIT. */
  private async readOnly<T extends object>(statement: string, parameters: unknown[]): Promise<T[]> {
    const client = this.pool instanceof Pool ? await checkOut(this.pool) : this.pool;
    try {
      // The planner cannot tell how few documents a query_int selects, so it prices the statement high enough to
      // compile it (JIT), which costs more than running it (131 ms of 558 for a draft at 213k articles).
      await client.query('BEGIN READ ONLY; SET LOCAL jit = off');
      const { rows } = await client.query<T>(statement, parameters);
      await client.query('COMMIT');
      if (client !== this.pool) checkIn(client as PoolClient);
      return rows;
    } catch (e) {
      if (client !== this.pool) checkIn(client as PoolClient, true);
      else await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  private keyStatistics(): Promise<KeyStatistics> {
    const cached = this.statistics;
    if (cached) {
      // A failed read is not kept: the next check asks again.
      return cached.then(s => (Date.now() - s.read > STATISTICS_MAX_AGE_MS ? this.readStatistics() : s), () => this.readStatistics());
    }
    return this.readStatistics();
  }

  private readStatistics(): Promise<KeyStatistics> {
    this.statistics = this.pool.query<{ keys: number[] | null; shares: number[] | null; documents: number; dated: boolean }>(KEY_STATISTICS).then(({ rows }) => {
      const total = Math.max(0, rows[0]?.documents ?? 0);
      const keys = rows[0]?.keys ?? [];
      const shares = rows[0]?.shares ?? [];
      const share = new Map(keys.map((k, i) => [k, shares[i]]));
      // After the shares of the listed keys come the least and greatest of them: a key not listed is rarer.
      const unlisted = keys.length ? shares[keys.length] * total : 0;
      const documents = (key: number): number => {
        const s = share.get(key);
        return s === undefined ? unlisted : s * total;
      };
      return { documents, total, read: Date.now(), dated: rows[0]?.dated ?? false };
    });
    return this.statistics;
  }
}

/** The parameters of LOOKUP_QUERY. */
export function lookUpParameters(queries: readonly QuotationQuery[]): unknown[] {
  const clauses: string[] = [];
  const owners: number[] = [];
  queries.forEach((q, i) => { for (const c of q.near) { clauses.push(c); owners.push(i + 1); } });
  return [queries.map(q => q.verbatim ?? null), queries.map(q => `{${q.rank.join(',')}}`), clauses, owners];
}

/** The parameters of DATE_LOOKUP_QUERY: the statements' words as keys (sorted, once each), and `least`. */
export function dateLookUpParameters(statements: readonly DatedStatement[]): unknown[] {
  return [statements.map(s => `{${[...new Set(s.words.map(wordKey))].sort((a, b) => a - b).join(',')}}`), statements.map(s => s.least)];
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
  const { rows } = await pool.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM source_documents) AS empty');
  // The date counts too are made at the end, in one pass, rather than batch by batch.
  if (rows[0].empty) await pool.query('DROP INDEX IF EXISTS source_documents_keys; DROP INDEX IF EXISTS source_dates_words; UPDATE date_totals SET fresh = false');
}

/**
 * A client checked out of the pool. While checked out, pg emits a connection's errors (the server restarted or
 * stopped) on the client, not the pool, and an error event nobody listens to crashes the process (the extension
 * host): the query in flight rejects with that error anyway, so the event itself is only listened to.
 */
async function checkOut(pool: Pool): Promise<PoolClient> {
  const client = await pool.connect();
  client.on('error', ignoreClientError);
  return client;
}

/** Back to the pool (or closed, when `destroy`), no longer listened to. */
function checkIn(client: PoolClient, destroy = false): void {
  client.removeListener('error', ignoreClientError);
  client.release(destroy);
}

function ignoreClientError(): void {
  // The query that was running rejects with this error; see checkOut.
}

/**
 * After an ingest: the search indexes built if missing (with memory to do it in one pass), or else their pending lists
 * (where COPY leaves new entries) merged into them; the date counts made again if they are stale (a first ingest, or
 * one into an archive left so by an interrupted first ingest: writeDocuments keeps fresh counts fresh); the tables'
 * statistics renewed: the look-up's choice of keys reads them, and
 * without them the planner costs the pending list as a full read and scans the whole table.
 */
export async function finishIngest(pool: Pool, changed: boolean): Promise<void> {
  const { rows } = await pool.query<{ keys: boolean; dates: boolean; stale: boolean }>(`SELECT to_regclass('source_documents_keys') IS NOT NULL AS keys,
    to_regclass('source_dates_words') IS NOT NULL AS dates, NOT coalesce((SELECT bool_and(fresh) FROM date_totals), false) AS stale`);
  const { keys, dates, stale } = rows[0];
  if (keys && dates && !stale && !changed) return;
  // The two tables on two connections: the dates' part runs beside the GIN index of the keys, which takes the longest.
  await Promise.all([
    withBuildMemory(pool, async client => {
      if (keys) await client.query("SELECT gin_clean_pending_list('source_documents_keys'::regclass)");
      else await client.query(KEYS_INDEX);
      await client.query('ANALYZE source_documents');
    }),
    withBuildMemory(pool, async client => {
      if (dates) await client.query("SELECT gin_clean_pending_list('source_dates_words'::regclass)");
      else await client.query(DATES_INDEX);
      if (stale) await client.query(`BEGIN; ${DATE_COUNTS} COMMIT;`);
      await client.query('ANALYZE source_dates, date_words');
    }),
  ]);
}

/** Runs `work` on a connection of its own with memory to build an index in one pass; the connection is closed after. */
async function withBuildMemory(pool: Pool, work: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await checkOut(pool);
  try {
    await client.query(`SET maintenance_work_mem = '${BUILD_MEMORY}'`);
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
    'SELECT path, content_hash, dates_read FROM source_documents WHERE path = ANY($1::text[])', [paths]);
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
    await client.query('BEGIN');
    await client.query(`SET LOCAL gin_pending_list_limit = '${PENDING_LIST}'`);
    const totals = await client.query<{ fresh: boolean }>('SELECT fresh FROM date_totals FOR UPDATE');
    const fresh = totals.rows.length === 1 && totals.rows[0].fresh;
    if (gone.length) {
      if (fresh) { await client.query(COUNT_OUT, [gone]); await client.query(TOTAL_OUT, [gone]); }
      await client.query('DELETE FROM source_documents WHERE path = ANY($1::text[])', [gone]);
    }
    await copyDocuments(client, rows);
    await copyDates(client, rows);
    if (fresh) await countIn(client, rows);
    // The date counts are stale until the ingest ends (finishIngest), even if it is interrupted.
    else await client.query('DELETE FROM date_totals; INSERT INTO date_totals VALUES (0, false)');
    await client.query('COMMIT');
    checkIn(client);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
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

/** Writes the rows with one COPY (binary format: src/archive/binaryCopy.ts). */
async function copyDocuments(client: PoolClient, rows: readonly DocumentRow[]): Promise<void> {
  if (!rows.length) return;
  await copyRows(client, 'COPY source_documents (path, content_hash, title, outlet, published, words, source, keys, dates_read) FROM STDIN (FORMAT binary)',
    rows, (out, r) => out.row(9).text(r.path).bytea(r.contentHash).text(r.title).text(r.outlet).text(r.published).int4(r.words).bytea(r.source)
      .int4Array(r.keys).bool(true));
}

/** Writes the rows' dated sentences with one COPY, under the ids their documents were given. */
async function copyDates(client: PoolClient, rows: readonly DocumentRow[]): Promise<void> {
  const dated = rows.filter(r => r.dates.length);
  if (!dated.length) return;
  const ids = await client.query<{ id: string; path: string }>('SELECT id, path FROM source_documents WHERE path = ANY($1::text[])', [dated.map(r => r.path)]);
  const idOf = new Map(ids.rows.map(r => [r.path, r.id]));
  await copyRows(client, 'COPY source_dates (document, sentence, dates, calendar, words) FROM STDIN (FORMAT binary)', dated, (out, r) => {
    const id = idOf.get(r.path) as string;
    for (const d of r.dates) out.row(5).int8(id).int4(d.sentence).int2(d.dates).int2(d.calendar).int4Array(d.words);
  });
}

/** Streams the rows to a binary COPY, a megabyte or so at a time. */
async function copyRows<T>(client: PoolClient, statement: string, rows: readonly T[], write: (out: BinaryRows, row: T) => void): Promise<void> {
  const stream = client.query(copyFrom(statement));
  const done = new Promise<void>((resolve, reject) => { stream.on('finish', resolve); stream.on('error', reject); });
  done.catch(() => undefined); // awaited below; a failure while writing ends the wait for 'drain' too
  const out = new BinaryRows();
  for (let i = 0; i <= rows.length; i++) {
    if (i < rows.length) write(out, rows[i]);
    else out.end();
    if ((out.size >= COPY_CHUNK || i === rows.length) && !stream.write(out.take())) await Promise.race([new Promise(resolve => stream.once('drain', resolve)), done]);
  }
  stream.end();
  await done;
}
