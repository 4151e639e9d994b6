import { Pool, type ClientBase, type PoolClient } from 'pg';
import type { ArchivedSource, ArchiveReader } from '../core/archive/archiveCheck';
import { wordKey, type QuotationKeys } from '../core/archive/keys';
import { quotationQuery, type KeyDocuments, type QuotationQuery } from '../core/archive/keySelection';
import type { DateCounts, DatedStatement } from '../core/sources/corpus';
import { checkIn, checkOut } from './pooledClient';
import { BEGIN_READ_ONLY, COMMIT, DATE_COUNTS_QUERY, DATE_LOOKUP_QUERY, FETCH_DOCUMENTS, KEY_STATISTICS, LOOKUP_QUERY, ROLLBACK } from './sql';

/** How long the key statistics read from the archive are trusted before they are read again (an ingest renews them). */
const STATISTICS_MAX_AGE_MS = 10 * 60_000;

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
    const { rows } = await this.query<{ id: string; path: string; source: Buffer }>(FETCH_DOCUMENTS, [ids]);
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
    const { rows } = await this.query<{ dates: string | null; keys: number[]; counts: string[] }>(DATE_COUNTS_QUERY, [[...new Set(keys)]]);
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

  /**
   * One statement on a client checked out with its error listener kept (`checkOut`): pg's own pool.query listens to a
   * client's error once, and a server that restarts may send two (the query's, then the connection's), the second
   * uncaught in the extension host.
   */
  private async query<T extends object>(statement: string, parameters?: unknown[]): Promise<{ rows: T[] }> {
    if (!(this.pool instanceof Pool)) return this.pool.query<T>(statement, parameters);
    const client = await checkOut(this.pool);
    try {
      const result = await client.query<T>(statement, parameters);
      checkIn(client);
      return result;
    } catch (e) {
      checkIn(client, true);
      throw e;
    }
  }

  /** One statement in a read-only transaction, without JIT. */
  private async readOnly<T extends object>(statement: string, parameters: unknown[]): Promise<T[]> {
    const client = this.pool instanceof Pool ? await checkOut(this.pool) : this.pool;
    try {
      // The planner cannot tell how few documents a query_int selects, so it prices the statement high enough to
      // compile it (JIT), which costs more than running it (131 ms of 558 for a draft at 213k articles).
      await client.query(BEGIN_READ_ONLY);
      const { rows } = await client.query<T>(statement, parameters);
      await client.query(COMMIT);
      if (client !== this.pool) checkIn(client as PoolClient);
      return rows;
    } catch (e) {
      if (client !== this.pool) checkIn(client as PoolClient, true);
      else await client.query(ROLLBACK).catch(() => undefined);
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
    this.statistics = this.query<{ keys: number[] | null; shares: number[] | null; documents: number; dated: boolean }>(KEY_STATISTICS).then(({ rows }) => {
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
