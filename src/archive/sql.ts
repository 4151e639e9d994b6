import type { ClientBase, Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ArchivedSource, ArchiveReader } from '../core/archive/archiveCheck';
import type { QuotationKeys } from '../core/archive/keys';

/**
 * All the SQL of the archive. One table: a row per source document with its metadata, the file's bytes (re-read by
 * the same parser as a local source, so verdicts are the same), its indexed text, a content hash (a re-run of the
 * ingest skips unchanged files) and its search keys (hashed word trigrams and content words, src/core/archive/keys.ts)
 * in an int4 array under a GIN index (intarray's gin__int_ops), so that a quotation's candidates cost two index scans.
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
  text text NOT NULL,
  keys integer[] NOT NULL
);
CREATE INDEX IF NOT EXISTS source_documents_keys ON source_documents USING gin (keys gin__int_ops);
`;

/** Documents listed as holding a quotation word for word (more is a common phrase: the check names at most 10). */
export const VERBATIM_LIMIT = 16;
/** Documents holding the most of a quotation's keys, fetched to find a close wording. */
export const NEAR_LIMIT = 16;

/** The two candidate queries, kept here for EXPLAIN ANALYZE in the README and the benchmark. */
export const VERBATIM_QUERY = `SELECT id FROM source_documents WHERE keys @> $1::int4[] ORDER BY path LIMIT ${VERBATIM_LIMIT}`;
export const NEAR_QUERY = `SELECT id FROM source_documents WHERE keys && $1::int4[]
  ORDER BY icount(keys & $1::int4[]) DESC, path LIMIT ${NEAR_LIMIT}`;

export async function createSchema(pool: Pool | PoolClient): Promise<void> {
  await pool.query(SCHEMA);
}

/** Reads the archive for a check: never writes. */
export class PostgresArchive implements ArchiveReader {
  constructor(private readonly pool: Pool | ClientBase) {}

  async candidates(keys: QuotationKeys): Promise<readonly string[]> {
    const ids = new Set<string>();
    if (keys.trigrams.length) for (const r of (await this.pool.query<{ id: string }>(VERBATIM_QUERY, [keys.trigrams])).rows) ids.add(r.id);
    for (const r of (await this.pool.query<{ id: string }>(NEAR_QUERY, [keys.any])).rows) ids.add(r.id);
    return [...ids];
  }

  async fetch(ids: readonly string[]): Promise<readonly ArchivedSource[]> {
    const { rows } = await this.pool.query<{ path: string; source: Buffer }>(
      'SELECT path, source FROM source_documents WHERE id = ANY($1::int8[]) ORDER BY path', [ids]);
    return rows.map(r => ({ path: r.path, bytes: r.source }));
  }
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
  readonly text: string;
  readonly keys: Int32Array;
}

/**
 * After an ingest: the GIN index's pending list (where COPY leaves new entries) merged into the index, and the table's
 * statistics renewed. Without this the planner costs the pending list as a full read and scans the whole table.
 */
export async function finishIngest(pool: Pool): Promise<void> {
  await pool.query("SELECT gin_clean_pending_list('source_documents_keys'::regclass)");
  await pool.query('ANALYZE source_documents');
}

/** The content hashes stored for these paths. */
export async function storedHashes(client: PoolClient, paths: readonly string[]): Promise<Map<string, Buffer>> {
  const { rows } = await client.query<{ path: string; content_hash: Buffer }>(
    'SELECT path, content_hash FROM source_documents WHERE path = ANY($1::text[])', [paths]);
  return new Map(rows.map(r => [r.path, r.content_hash]));
}

export async function deleteDocuments(client: PoolClient, paths: readonly string[]): Promise<void> {
  if (paths.length) await client.query('DELETE FROM source_documents WHERE path = ANY($1::text[])', [paths]);
}

/** Writes the rows with one COPY (text format). */
export async function copyDocuments(client: PoolClient, rows: readonly DocumentRow[]): Promise<void> {
  if (!rows.length) return;
  const stream = client.query(copyFrom('COPY source_documents (path, content_hash, title, outlet, published, words, source, text, keys) FROM STDIN'));
  const done = new Promise<void>((resolve, reject) => { stream.on('finish', resolve); stream.on('error', reject); });
  for (const r of rows) {
    const line = [copyText(r.path), byteaText(r.contentHash), optional(r.title), optional(r.outlet), optional(r.published),
      String(r.words), byteaText(r.source), copyText(r.text), `{${r.keys.join(',')}}`].join('\t') + '\n';
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
