import { Pool } from 'pg';
import type { ArchiveReader } from '../core/archive/archiveCheck';
import { PostgresArchive } from '../archive/postgresArchive';

/** How long opening a connection may take before the archive counts as unreachable: typing never waits on it. */
const CONNECT_TIMEOUT_MS = 5_000;
/** How long one query may run (server side, and the client's own wait) before the archive counts as failed. */
const QUERY_TIMEOUT_MS = 10_000;

/** An open archive: its reader and the means to close its connections. */
export interface ArchiveConnection {
  readonly reader: ArchiveReader;
  end(): Promise<void>;
}

/**
 * Connects to the archive (lazily: the pool opens a connection on the first query). Node only: the web build leaves
 * this module out (see extension.ts). Without `password` pg reads PGPASSWORD, then PGPASSFILE or ~/.pgpass. Every
 * session is read-only on the server's side too (default_transaction_read_only), whatever the role may do.
 */
export function connectArchive(url: string, password: string | undefined, onError: (e: Error) => void): ArchiveConnection {
  const pool = new Pool({
    connectionString: password === undefined ? url : withPassword(url, password),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: QUERY_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    application_name: 'source-check-editor',
    options: '-c default_transaction_read_only=on',
    max: 2,
  });
  // An idle connection the server drops (a restart) is replaced by the next query, not a crash of the extension host.
  pool.on('error', onError);
  return { reader: new PostgresArchive(pool), end: () => pool.end() };
}

/**
 * The connection string with the password in it, held only by the pool: pg reads a connection string's fields over
 * the `password` option (an empty one included), so the password must travel in it. Never logged nor shown.
 */
function withPassword(url: string, password: string): string {
  const u = new URL(url);
  u.password = encodeURIComponent(password);
  return u.toString();
}

export type ArchiveConnector = typeof connectArchive;
