import { MAX_PAIRED_SENTENCES } from '../core/sources/corpus';

/**
 * All the SQL of the archive. One table: a row per source document with its metadata, the file's bytes (parsed again
 * by the same code as a local source when a check fetches it, so verdicts, offsets and titles are the same; the text is
 * not stored besides: the check reads only the bytes), a content hash (a re-run of the ingest skips unchanged files)
 * and its search keys (hashed word trigrams and content words, src/core/archive/keys.ts) in an int4 array under a GIN
 * index (intarray's gin__int_ops), so that a quotation's candidates cost a few index scans.
 */
/** The reading of documents' dated sentences the ingest stores (see archive_marks below). */
export const DATED_SENTENCES = 4;

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
-- How the stored dated sentences were read (DATED_SENTENCES); the documents of an older reading are read again by the
-- next ingest, as those of the first version are. 2: a lede dated only by its story's date line is a dated sentence;
-- 3: content words are stored as their stems (dates/contentWords.ts stemOf).
CREATE TABLE IF NOT EXISTS archive_marks (name text PRIMARY KEY, value integer NOT NULL);
UPDATE source_documents SET dates_read = false
  WHERE dates_read AND COALESCE((SELECT value FROM archive_marks WHERE name = 'dated sentences'), 1) < ${DATED_SENTENCES};
INSERT INTO archive_marks VALUES ('dated sentences', ${DATED_SENTENCES})
  ON CONFLICT (name) DO UPDATE SET value = GREATEST(archive_marks.value, EXCLUDED.value);
`;

/** The search indexes, built after the rows when an ingest starts on an empty archive. */
export const KEYS_INDEX = 'CREATE INDEX IF NOT EXISTS source_documents_keys ON source_documents USING gin (keys gin__int_ops)';
export const DATES_INDEX = 'CREATE INDEX IF NOT EXISTS source_dates_words ON source_dates USING gin (words gin__int_ops)';
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
export const COUNT_OUT = `WITH old AS (
  SELECT k, sum(s.calendar) AS dates, count(*) AS sentences FROM source_documents d JOIN source_dates s ON s.document = d.id, unnest(s.words) k
  WHERE d.path = ANY($1::text[]) GROUP BY k
), emptied AS (
  DELETE FROM date_words w USING old WHERE w.key = old.k AND w.sentences = old.sentences
)
UPDATE date_words w SET dates = w.dates - old.dates, sentences = w.sentences - old.sentences FROM old WHERE w.key = old.k AND w.sentences <> old.sentences`;
export const TOTAL_OUT = `UPDATE date_totals SET dates = dates - (
  SELECT coalesce(sum(s.dates), 0) FROM source_documents d JOIN source_dates s ON s.document = d.id WHERE d.path = ANY($1::text[]))`;
/** ...and its new sentences counted in (per word key, its days, months and years and its sentences; then the dates). */
export const COUNT_IN = `INSERT INTO date_words SELECT * FROM unnest($1::int4[], $2::int8[], $3::int4[])
ON CONFLICT (key) DO UPDATE SET dates = date_words.dates + excluded.dates, sentences = date_words.sentences + excluded.sentences`;
export const TOTAL_IN = 'UPDATE date_totals SET dates = dates + $1::int8';
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
export const KEY_STATISTICS = `SELECT s.most_common_elems::text::int4[] AS keys, s.most_common_elem_freqs AS shares, c.reltuples AS documents,
    CASE WHEN to_regclass('date_totals') IS NULL THEN false ELSE has_table_privilege('date_totals', 'SELECT')
      AND has_table_privilege('date_words', 'SELECT') AND has_table_privilege('source_dates', 'SELECT') END AS dated
  FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'source_documents' AND s.attname = 'keys'
  WHERE c.oid = 'source_documents'::regclass`;

/** The documents of these ids ($1), by path. */
export const FETCH_DOCUMENTS = 'SELECT id, path, source FROM source_documents WHERE id = ANY($1::int8[]) ORDER BY path';
/** A look-up's transaction: read-only, without JIT (see PostgresArchive.readOnly). */
export const BEGIN_READ_ONLY = 'BEGIN READ ONLY; SET LOCAL jit = off';
export const BEGIN = 'BEGIN';
export const COMMIT = 'COMMIT';
export const ROLLBACK = 'ROLLBACK';

export const ARCHIVE_EMPTY = 'SELECT NOT EXISTS (SELECT 1 FROM source_documents) AS empty';
/** Before a first ingest: the search indexes dropped and the date counts marked stale. */
export const DROP_SEARCH_INDEXES = 'DROP INDEX IF EXISTS source_documents_keys; DROP INDEX IF EXISTS source_dates_words; UPDATE date_totals SET fresh = false';
/** After an ingest: which search indexes exist, and whether the date counts are stale. */
export const INGEST_STATE = `SELECT to_regclass('source_documents_keys') IS NOT NULL AS keys,
    to_regclass('source_dates_words') IS NOT NULL AS dates, NOT coalesce((SELECT bool_and(fresh) FROM date_totals), false) AS stale`;
export const CLEAN_KEYS_PENDING_LIST = "SELECT gin_clean_pending_list('source_documents_keys'::regclass)";
export const ANALYZE_DOCUMENTS = 'ANALYZE source_documents';
export const CLEAN_DATES_PENDING_LIST = "SELECT gin_clean_pending_list('source_dates_words'::regclass)";
/** DATE_COUNTS in a transaction of its own. */
export const RECOUNT_DATES = `BEGIN; ${DATE_COUNTS} COMMIT;`;
export const ANALYZE_DATES = 'ANALYZE source_dates, date_words';
export const SET_BUILD_MEMORY = `SET maintenance_work_mem = '${BUILD_MEMORY}'`;

export const STORED_HASHES = 'SELECT path, content_hash, dates_read FROM source_documents WHERE path = ANY($1::text[])';
export const SET_PENDING_LIST = `SET LOCAL gin_pending_list_limit = '${PENDING_LIST}'`;
export const LOCK_DATE_TOTALS = 'SELECT fresh FROM date_totals FOR UPDATE';
export const DELETE_DOCUMENTS = 'DELETE FROM source_documents WHERE path = ANY($1::text[])';
/** The date counts stale until the ingest ends (finishIngest). */
export const MARK_DATE_COUNTS_STALE = 'DELETE FROM date_totals; INSERT INTO date_totals VALUES (0, false)';
export const COPY_DOCUMENTS = 'COPY source_documents (path, content_hash, title, outlet, published, words, source, keys, dates_read) FROM STDIN (FORMAT binary)';
export const DOCUMENT_IDS = 'SELECT id, path FROM source_documents WHERE path = ANY($1::text[])';
export const COPY_DATES = 'COPY source_dates (document, sentence, dates, calendar, words) FROM STDIN (FORMAT binary)';
