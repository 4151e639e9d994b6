import * as path from 'path';
import { Pool } from 'pg';
import { ingest } from '../archive/ingest';
import { SourceInputError } from '../core/sources/nodeFiles';
import { UsageError } from './args';

export const ARCHIVE_USAGE = `Usage: source-check archive ingest --db <postgres-url> <folder|file|glob>...

Stores the sources in a PostgreSQL archive (the schema is created when missing), in batches with COPY. A re-run skips
the files stored unchanged, so an interrupted ingest resumes. Sources are stored under their path relative to the
current folder. The password comes from PGPASSWORD or ~/.pgpass, not the URL.`;

/** How long a connection may take to open before the archive counts as unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;
/** How long one query may run (server side, and the client's wait) before the archive counts as failed. */
const QUERY_TIMEOUT_MS = 30_000;

/** A pool on the archive: an idle connection that the server drops is replaced, not a crash. */
export function archivePool(url: string, onError: (e: Error) => void): Pool {
  const pool = new Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, statement_timeout: QUERY_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS, max: 2 });
  pool.on('error', onError);
  return pool;
}

/** `source-check archive ingest --db <url> <sources>...` */
export async function archiveCommand(argv: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'help' || argv.includes('-h') || argv.includes('--help')) { out.write(ARCHIVE_USAGE + '\n'); return 0; }
  if (sub !== 'ingest') throw new UsageError(sub ? `unknown archive command “${sub}”: the command is “archive ingest”` : 'archive needs a command: archive ingest');
  let db: string | undefined;
  const patterns: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--db' || arg.startsWith('--db=')) {
      db = arg === '--db' ? rest[++i] : arg.slice('--db='.length);
      if (!db?.trim() || db.startsWith('-')) throw new UsageError('--db needs a PostgreSQL connection URL');
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option “${arg}”`);
    else patterns.push(arg);
  }
  if (!db) throw new UsageError('archive ingest needs --db <postgres-url>');
  if (!patterns.length) throw new UsageError('archive ingest needs the sources to store: a folder, file or glob');
  const pool = archivePool(db, e => err.write(`source-check: archive connection lost: ${e.message}\n`));
  try {
    const cwd = process.cwd();
    const summary = await ingest(pool, patterns, {
      name: file => path.relative(cwd, file).split(path.sep).join('/'),
      report: line => err.write(`source-check: archive: ${line}\n`),
    });
    out.write(`archive: ${summary.added} stored, ${summary.unchanged} unchanged, ${summary.skipped} skipped (${summary.words.toLocaleString('en-US')} words stored)\n`);
    return 0;
  } catch (e) {
    // Sources not found are an input error (main reports it); a bug in the ingest is not the archive's fault.
    if (e instanceof SourceInputError || e instanceof TypeError || e instanceof RangeError) throw e;
    err.write(`source-check: the archive could not be written: ${(e as Error).message}\n`);
    return 2;
  } finally {
    await pool.end();
  }
}
