import { Pool, type ClientBase, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ArchivedSource, ArchiveReader } from '../core/archive/archiveCheck';
import type { QuotationKeys } from '../core/archive/keys';
import { quotationQuery, type KeyDocuments, type QuotationQuery } from '../core/archive/keySelection';

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
`;

/** The search index, built after the rows when an ingest starts on an empty archive. */
const KEYS_INDEX = 'CREATE INDEX IF NOT EXISTS source_documents_keys ON source_documents USING gin (keys gin__int_ops)';
/** Memory for building the index in one pass (a session setting of the ingest; the server's default is 64 MB). */
const BUILD_MEMORY = '1GB';
/** GIN's pending list of an ingest into a filled archive: merged into the index in large batches, not every 4 MB. */
const PENDING_LIST = '256MB';

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
 */
export const LOOKUP_QUERY = `WITH q AS (
  SELECT verbatim, rank::int4[] AS rank, n FROM unnest($1::query_int[], $2::text[]) WITH ORDINALITY AS q(verbatim, rank, n)
), verbatim AS (
  SELECT q.n, v.id FROM q CROSS JOIN LATERAL (
    SELECT id FROM (
      SELECT DISTINCT ON (content_hash) id, path FROM source_documents WHERE keys @@ q.verbatim ORDER BY content_hash, path
    ) d ORDER BY path LIMIT ${VERBATIM_LIMIT}) v
), near AS (
  SELECT DISTINCT c.n, d.id FROM unnest($3::query_int[], $4::int8[]) AS c(clause, n)
  CROSS JOIN LATERAL (SELECT id FROM source_documents WHERE keys @@ c.clause) d
), ranked AS (
  SELECT n, id, row_number() OVER (PARTITION BY n ORDER BY icount(keys & rank) DESC, path) AS place FROM (
    SELECT DISTINCT ON (near.n, s.content_hash) near.n, s.id, s.path, s.keys, q.rank
    FROM near JOIN q ON q.n = near.n JOIN source_documents s ON s.id = near.id
    ORDER BY near.n, s.content_hash, s.path) d
), chosen AS (
  SELECT n, id FROM verbatim UNION SELECT n, id FROM ranked WHERE place <= ${NEAR_LIMIT}
)
SELECT id, path, source, ARRAY(SELECT n::int4 FROM chosen c WHERE c.id = s.id ORDER BY n) AS quotations
FROM source_documents s WHERE id = ANY(ARRAY(SELECT DISTINCT id FROM chosen)) ORDER BY path`;

/** The statistics ANALYZE keeps on the keys: the most common ones with the share of documents holding each. */
const KEY_STATISTICS = `SELECT s.most_common_elems::text::int4[] AS keys, s.most_common_elem_freqs AS shares, c.reltuples AS documents
  FROM pg_stats s JOIN pg_class c ON c.oid = 'source_documents'::regclass
  WHERE s.schemaname = current_schema() AND s.tablename = 'source_documents' AND s.attname = 'keys'`;
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

interface KeyStatistics {
  readonly documents: KeyDocuments;
  readonly total: number;
  readonly read: number;
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

  private async find(quotations: readonly QuotationKeys[]): Promise<FoundRow[]> {
    const queries = await this.queries(quotations);
    if (!queries.some(q => q.verbatim || q.near.length)) return [];
    const client = this.pool instanceof Pool ? await checkOut(this.pool) : this.pool;
    try {
      // The planner cannot tell how few documents a query_int selects, so it prices the statement high enough to
      // compile it (JIT), which costs more than running it (131 ms of 558 for a draft at 213k articles).
      await client.query('BEGIN READ ONLY; SET LOCAL jit = off');
      const { rows } = await client.query<FoundRow>(LOOKUP_QUERY, lookUpParameters(queries));
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
    this.statistics = this.pool.query<{ keys: number[] | null; shares: number[] | null; documents: number }>(KEY_STATISTICS).then(({ rows }) => {
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
      return { documents, total, read: Date.now() };
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
}

/**
 * Before an ingest: into an empty archive, the rows go in without the search index (built at the end, in one pass:
 * GIN's insertion row by row costs several times more). An archive left without its index by an interrupted first
 * ingest stays so until the ingest that resumes it finishes.
 */
export async function beginIngest(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM source_documents) AS empty');
  if (rows[0].empty) await pool.query('DROP INDEX IF EXISTS source_documents_keys');
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
 * After an ingest: the search index built if missing (with memory to do it in one pass), or else its pending list
 * (where COPY leaves new entries) merged into it, and the table's statistics renewed: the look-up's choice of keys
 * reads them, and without them the planner costs the pending list as a full read and scans the whole table.
 */
export async function finishIngest(pool: Pool, changed: boolean): Promise<void> {
  const client = await checkOut(pool);
  try {
    const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('source_documents_keys') IS NOT NULL AS present");
    if (rows[0].present && !changed) return;
    await client.query(`SET maintenance_work_mem = '${BUILD_MEMORY}'`);
    if (rows[0].present) await client.query("SELECT gin_clean_pending_list('source_documents_keys'::regclass)");
    else await client.query(KEYS_INDEX);
    await client.query('ANALYZE source_documents');
  } finally {
    checkIn(client, true);
  }
}

/** The content hashes stored for these paths. */
export async function storedHashes(pool: Pool, paths: readonly string[]): Promise<Map<string, Buffer>> {
  const { rows } = await pool.query<{ path: string; content_hash: Buffer }>(
    'SELECT path, content_hash FROM source_documents WHERE path = ANY($1::text[])', [paths]);
  return new Map(rows.map(r => [r.path, r.content_hash]));
}

/** One transaction: the documents of these paths removed (replaced or gone bad), the rows written with one COPY. */
export async function writeDocuments(pool: Pool, rows: readonly DocumentRow[], gone: readonly string[]): Promise<void> {
  if (!rows.length && !gone.length) return;
  const client = await checkOut(pool);
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL gin_pending_list_limit = '${PENDING_LIST}'`);
    if (gone.length) await client.query('DELETE FROM source_documents WHERE path = ANY($1::text[])', [gone]);
    await copyDocuments(client, rows);
    await client.query('COMMIT');
    checkIn(client);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    checkIn(client, true);
    throw e;
  }
}

/** Writes the rows with one COPY (text format). */
async function copyDocuments(client: PoolClient, rows: readonly DocumentRow[]): Promise<void> {
  if (!rows.length) return;
  const stream = client.query(copyFrom('COPY source_documents (path, content_hash, title, outlet, published, words, source, keys) FROM STDIN'));
  const done = new Promise<void>((resolve, reject) => { stream.on('finish', resolve); stream.on('error', reject); });
  for (const r of rows) {
    const line = [copyText(r.path), byteaText(r.contentHash), optional(r.title), optional(r.outlet), optional(r.published),
      String(r.words), byteaText(r.source), `{${r.keys.join(',')}}`].join('\t') + '\n';
    if (!stream.write(line)) await new Promise(resolve => stream.once('drain', resolve));
  }
  stream.end();
  await done;
}

function optional(value: string | undefined): string {
  return value === undefined ? '\\N' : copyText(value);
}

/** A value in COPY's text format: backslash, tab and line breaks escaped; NUL, which text cannot hold, left out. */
function copyText(value: string): string {
  return value.replace(/\u0000/g, '').replace(/[\\\t\n\r]/g, c => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Bytes as bytea hex input, its backslash escaped for COPY. */
function byteaText(bytes: Uint8Array): string {
  return '\\\\x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
