import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { documentKeys } from '../core/archive/keys';
import { parseSource } from '../core/sources/document';
import { findSourceFiles, readSourceFile } from '../core/sources/nodeFiles';
import { copyDocuments, createSchema, deleteDocuments, finishIngest, storedHashes, type DocumentRow } from './sql';

export interface IngestOptions {
  /** The name a file is stored under (its path in findings): by default the path as found. */
  readonly name?: (file: string) => string;
  /** Files per transaction (one COPY each). */
  readonly batch?: number;
  /** Progress and skipped files, one line each. */
  readonly report?: (line: string) => void;
  readonly cwd?: string;
}

export interface IngestSummary {
  readonly added: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly words: number;
}

/**
 * Stores the sources the patterns name in the archive, in batches of one transaction and one COPY each. A file whose
 * content hash is stored already is skipped (a re-run resumes); a changed one is replaced; a bad one (unreadable, over
 * the size limit, not text) is reported, skipped, and removed from the archive if an earlier version was stored.
 */
export async function ingest(pool: Pool, patterns: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const name = options.name ?? ((file: string) => file);
  const report = options.report ?? (() => undefined);
  const batchSize = options.batch ?? 500;
  const files = await findSourceFiles(patterns, options.cwd);
  await createSchema(pool);
  const totals = { added: 0, unchanged: 0, skipped: 0, words: 0 };
  const started = Date.now();
  for (let i = 0; i < files.length; i += batchSize) {
    const batch = files.slice(i, i + batchSize);
    const client = await pool.connect();
    try {
      const stored = await storedHashes(client, batch.map(name));
      const rows: DocumentRow[] = [];
      const gone: string[] = [];
      for (const file of batch) {
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
        rows.push({ path, contentHash, title: doc.meta.title, outlet: doc.meta.outlet, published: doc.meta.date, words, source: read.bytes, text: doc.text, keys });
        totals.words += words;
      }
      await client.query('BEGIN');
      await deleteDocuments(client, gone);
      await copyDocuments(client, rows);
      await client.query('COMMIT');
      totals.added += rows.length;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    report(`${Math.min(i + batchSize, files.length)} / ${files.length} files: ${totals.added} added, ${totals.unchanged} unchanged, ${totals.skipped} skipped (${Math.round(totals.words / seconds)} words/s)`);
  }
  if (totals.added) await finishIngest(pool);
  return totals;
}
