import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BinaryRows } from './binaryCopy';
import type { DocumentRow } from './ingestWrites';
import { COPY_DATES, COPY_DOCUMENTS, DOCUMENT_IDS } from './sql';

/** Bytes handed to a COPY stream at a time. */
const COPY_CHUNK = 1 << 20;

/** Writes the rows with one COPY (binary format: src/archive/binaryCopy.ts). */
export async function copyDocuments(client: PoolClient, rows: readonly DocumentRow[]): Promise<void> {
  if (!rows.length) return;
  await copyRows(client, COPY_DOCUMENTS,
    rows, (out, r) => out.row(9).text(r.path).bytea(r.contentHash).text(r.title).text(r.outlet).text(r.published).int4(r.words).bytea(r.source)
      .int4Array(r.keys).bool(true));
}

/** Writes the rows' dated sentences with one COPY, under the ids their documents were given. */
export async function copyDates(client: PoolClient, rows: readonly DocumentRow[]): Promise<void> {
  const dated = rows.filter(r => r.dates.length);
  if (!dated.length) return;
  const ids = await client.query<{ id: string; path: string }>(DOCUMENT_IDS, [dated.map(r => r.path)]);
  const idOf = new Map(ids.rows.map(r => [r.path, r.id]));
  await copyRows(client, COPY_DATES, dated, (out, r) => {
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
