import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { ingest } from '../src/archive/ingest';
import { dateLookUpParameters, lookUpParameters, PostgresArchive } from '../src/archive/postgresArchive';
import { DATE_COUNTS_QUERY, DATE_LOOKUP_QUERY, LOOKUP_QUERY } from '../src/archive/sql';
import { checkWithArchive } from '../src/core/archive/archiveCheck';
import { quotationKeys, wordKey, type QuotationKeys } from '../src/core/archive/keys';
import { checkDraft } from '../src/core/check';
import type { Finding } from '../src/core/findings';
import { extractQuotations } from '../src/core/quotes/extract';
import type { DatedStatement } from '../src/core/sources/corpus';
import { SourceLibrary } from '../src/core/sources/library';
import { startCluster } from '../test/postgres/cluster';
import { corpusFiles, CORPUS } from './corpus';

/**
 * `npm run bench:archive`: the corpus (21k articles) ingested into a private PostgreSQL cluster, the labelled cases'
 * drafts checked against it (empty local sources) beside the in-memory library of the same articles under the
 * archive's rules, in the same run; then the archive filled to 1 M articles with copies of the corpus's rows under new
 * names (computed once by the real ingest, copied in SQL: the ingest rate is the real ingest's) and measured again.
 * BENCH_REPLICAS (default 47: 21,268 x 47 = 999,596 articles; 0 skips the fill) and BENCH_FILES limit the run.
 * The query plans at the largest scale are written to out/bench/archive-plans.txt.
 */
const REPLICAS = process.env.BENCH_REPLICAS === undefined ? 47 : Number(process.env.BENCH_REPLICAS);
const OPTIONS = { referenceDate: '2025-06-01' };

interface Draft { readonly name: string; readonly text: string; readonly quotations: ReadonlyArray<{ readonly text: string; readonly keys: QuotationKeys }> }

async function main(): Promise<void> {
  if (!fs.existsSync(CORPUS)) { console.error(`benchmark corpus not found at ${CORPUS}`); process.exit(2); }
  const cases = path.resolve(CORPUS, '../eval/cases');
  const drafts: Draft[] = fs.readdirSync(cases).sort().map(name => {
    const text = fs.readFileSync(path.join(cases, name, 'draft.md'), 'utf8');
    const quotations = extractQuotations(text, { markdown: true }).map(q => ({ text: q.text, keys: quotationKeys([q.text]) })).filter(q => q.keys.any.length);
    return { name, text, quotations };
  });
  const files = corpusFiles(Number(process.env.BENCH_FILES) || Infinity);
  const cluster = await startCluster({ shared_buffers: '2GB', max_wal_size: '16GB', checkpoint_timeout: '30min', wal_level: 'minimal', max_wal_senders: '0' });
  const pool = new Pool({ connectionString: cluster.url, max: 2 });
  pool.on('error', () => undefined);
  const say = (what: string, figure: string): void => console.log(`${what.padEnd(44)} ${figure}`);
  say('machine', `${os.cpus().length} cores, load average at start ${os.loadavg().map(l => l.toFixed(1)).join(' ')}`);
  try {
    const c0 = cluster.cpuSeconds();
    const u0 = process.cpuUsage();
    const t0 = performance.now();
    const summary = await ingest(pool, files);
    const seconds = (performance.now() - t0) / 1000;
    const nodeCpu = cpuSince(u0);
    const { prepare, write, finish } = summary.timings;
    say('ingest (real, distinct articles)', `${files.length} articles, ${(summary.words / 1e6).toFixed(2)} M words in ${seconds.toFixed(1)} s: ${Math.round(summary.words / seconds).toLocaleString('en-US')} words/s (target ≥ 1 M)`);
    say('  where the time went (wall)', `prepare ${(prepare / 1000).toFixed(1)} s, waiting on writes ${(write / 1000).toFixed(1)} s, index + statistics ${(finish / 1000).toFixed(1)} s`);
    say('  CPU', `this process ${nodeCpu.toFixed(1)} s, the server ${(cluster.cpuSeconds() - c0).toFixed(1)} s`);
    await reportSize(pool, say, summary.words);

    const t1 = performance.now();
    const memory = new SourceLibrary();
    for (const f of files) memory.addArchived(f, fs.readFileSync(f));
    void memory.index;
    say('in-memory library build (same articles)', `${((performance.now() - t1) / 1000).toFixed(1)} s`);
    const inMemory = measureInMemory(memory, drafts);
    say('in-memory: per quotation (one-quote draft)', inMemory.perQuote);
    say('in-memory: per draft', inMemory.perDraft);
    await measureArchive(pool, drafts, memory, `${files.length.toLocaleString('en-US')} articles`, say, true);

    if (REPLICAS > 1) {
      const f0 = performance.now();
      const fc = cluster.cpuSeconds();
      await replicate(pool, REPLICAS);
      const count = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM source_documents')).rows[0].n);
      say(`fill to ${count.toLocaleString('en-US')} articles`, `the ${files.length.toLocaleString('en-US')} ingested rows copied ${REPLICAS - 1} times under new names (replica-NN-<file>) in SQL, index built and analysed: ${((performance.now() - f0) / 1000).toFixed(0)} s, server CPU ${(cluster.cpuSeconds() - fc).toFixed(0)} s (not an ingest rate)`);
      await reportSize(pool, say, summary.words * REPLICAS);
      await measureArchive(pool, drafts, memory, `${count.toLocaleString('en-US')} articles`, say);
    }
    await writePlans(pool, drafts, memory);
    say('load average at end', os.loadavg().map(l => l.toFixed(1)).join(' '));
  } finally {
    await pool.query('DROP TABLE IF EXISTS source_dates, date_words, date_totals, source_documents').catch(() => undefined);
    await pool.end();
    cluster.stop();
  }
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
}

async function reportSize(pool: Pool, say: (what: string, figure: string) => void, words: number): Promise<void> {
  const { rows } = await pool.query<{ total: string; index: string; dates: string; datesIndex: string; sentences: string }>(
    `SELECT pg_total_relation_size('source_documents') + pg_total_relation_size('source_dates') + pg_total_relation_size('date_words') AS total,
      pg_relation_size('source_documents_keys') AS index, pg_total_relation_size('source_dates') + pg_total_relation_size('date_words') AS dates,
      pg_relation_size('source_dates_words') AS "datesIndex", (SELECT count(*) FROM source_dates) AS sentences`);
  const total = Number(rows[0].total);
  const mb = (bytes: string | number): string => `${(Number(bytes) / 2 ** 20).toFixed(0)} MB`;
  say('database size', `${mb(total)} (the search index ${mb(rows[0].index)}; the dated sentences ${mb(rows[0].dates)}: ${Number(rows[0].sentences).toLocaleString('en-US')} sentences, their index ${mb(rows[0].datesIndex)}), ${(total / words).toFixed(1)} bytes per source word`);
}

/** The archive filled with copies of its rows under new names, the index built once after, the statistics renewed. */
async function replicate(pool: Pool, replicas: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SET maintenance_work_mem = '4GB'");
    await client.query('DROP INDEX source_documents_keys; DROP INDEX source_dates_words');
    await client.query('CREATE TEMPORARY TABLE originals AS SELECT id, path FROM source_documents');
    await client.query(`INSERT INTO source_documents (path, content_hash, title, outlet, published, words, source, keys, dates_read)
      SELECT regexp_replace(path, '([^/]+)$', 'replica-' || lpad(r::text, 2, '0') || '-\\1'), content_hash, title, outlet, published, words, source, keys, dates_read
      FROM source_documents, generate_series(1, $1::int) AS r`, [replicas - 1]);
    // Each copy's dated sentences, under the copy's id (found by its name).
    await client.query(`INSERT INTO source_dates (document, sentence, dates, calendar, words)
      SELECT c.id, d.sentence, d.dates, d.calendar, d.words FROM originals o JOIN source_dates d ON d.document = o.id
      CROSS JOIN generate_series(1, $1::int) AS r
      JOIN source_documents c ON c.path = regexp_replace(o.path, '([^/]+)$', 'replica-' || lpad(r::text, 2, '0') || '-\\1')`, [replicas - 1]);
    await client.query('CREATE INDEX source_documents_keys ON source_documents USING gin (keys gin__int_ops)');
    await client.query('CREATE INDEX source_dates_words ON source_dates USING gin (words gin__int_ops)');
    await client.query(`TRUNCATE date_words, date_totals;
      INSERT INTO date_words SELECT k, sum(calendar), count(*) FROM source_dates, unnest(words) k GROUP BY k;
      INSERT INTO date_totals SELECT coalesce(sum(dates), 0), true FROM source_dates;`);
    await client.query('ANALYZE source_documents, source_dates, date_words');
  } finally {
    client.release(true);
  }
}

function spread(list: number[]): string {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (p: number): string => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(1);
  return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`;
}

function oneQuoteDraft(text: string): string {
  return `The minister spoke.\n\n"${text}," she said.\n`;
}

function measureInMemory(memory: SourceLibrary, drafts: readonly Draft[]): { perQuote: string; perDraft: string } {
  const perQuote: number[] = [];
  const perDraft: number[] = [];
  checkDraft(memory, drafts[0].text, OPTIONS); // the library's lazy parts built
  for (const d of drafts) {
    for (const q of d.quotations) {
      const t = performance.now();
      checkDraft(memory, oneQuoteDraft(q.text), OPTIONS);
      perQuote.push(performance.now() - t);
    }
    const t = performance.now();
    checkDraft(memory, d.text, OPTIONS);
    perDraft.push(performance.now() - t);
  }
  return { perQuote: `${perQuote.length} quotations: ${spread(perQuote)}`, perDraft: `${drafts.length} drafts: ${spread(perDraft)}` };
}

/**
 * Latency of the archive at its current size: the look-up round trip of one quotation (its queries and the documents
 * fetched), a one-quotation draft checked end to end, and each labelled draft (its quotations and dates); and whether
 * the quotation findings are those of the in-memory library (status, source passage, suggestion), and the date
 * findings when the archive holds the same sources.
 */
async function measureArchive(pool: Pool, drafts: readonly Draft[], memory: SourceLibrary, scale: string,
  say: (what: string, figure: string) => void, sameSources = false): Promise<void> {
  const archive = new PostgresArchive(pool);
  const empty = new SourceLibrary();
  await archive.lookUp(drafts[0].quotations.map(q => q.keys)); // statistics read, connections open
  const lookUps: number[] = [];
  const oneQuote: number[] = [];
  const perDraft: number[] = [];
  let same = 0;
  const differ: string[] = [];
  const dates = { same: 0, settled: 0, differ: [] as string[] };
  for (const d of drafts) {
    for (const q of d.quotations) {
      let t = performance.now();
      await archive.lookUp([q.keys]);
      lookUps.push(performance.now() - t);
      t = performance.now();
      await checkWithArchive(empty, oneQuoteDraft(q.text), archive, OPTIONS);
      oneQuote.push(performance.now() - t);
    }
    const t = performance.now();
    const got = await checkWithArchive(empty, d.text, archive, OPTIONS);
    perDraft.push(performance.now() - t);
    if (got.error) throw new Error(got.error);
    const all = checkDraft(memory, d.text, OPTIONS);
    const expected = all.filter(f => f.kind === 'quote');
    const at = new Map(got.findings.filter(f => f.kind === 'quote').map(f => [f.start, f]));
    for (const f of expected) {
      const g = at.get(f.start);
      if (g && verdictOf(g) === verdictOf(f)) same++;
      else differ.push(`${d.name}: "${f.text.slice(0, 40)}" ${f.status} in memory, ${g?.status ?? 'missing'} from the archive`);
    }
    const gotDates = got.findings.filter(f => f.kind === 'date');
    const expectedDates = all.filter(f => f.kind === 'date');
    const dateAt = new Map(gotDates.map(f => [`${f.start}/${f.end}`, f]));
    for (const f of expectedDates) {
      const g = dateAt.get(`${f.start}/${f.end}`);
      if (g && verdictOf(g) === verdictOf(f)) dates.same++;
      else dates.differ.push(`${d.name}: "${f.text}" ${f.status} in memory (${f.source?.path ?? '–'}), ${g?.status ?? 'missing'} from the archive (${g?.source?.path ?? '–'})`);
      if (f.status !== 'unsupported') dates.settled++;
    }
    for (const g of gotDates) if (!expectedDates.some(f => f.start === g.start && f.end === g.end)) dates.differ.push(`${d.name}: "${g.text}" ${g.status} from the archive, no finding in memory`);
  }
  say(`archive at ${scale}: look-up per quotation`, `${lookUps.length} quotations: ${spread(lookUps)} (target ≤ 20 ms at 1 M)`);
  say('  one-quote draft checked end to end', spread(oneQuote));
  say('  per draft', `${drafts.length} drafts: ${spread(perDraft)} (target ≤ 1 s at 1 M)`);
  say('  quotation findings as in memory', `${same} of ${same + differ.length} (status, source passage, suggestion)`);
  for (const line of differ.slice(0, 10)) say('    differs', line);
  // Copies of a story count once for a quotation (by content hash), but a date's sentences in them count each: the
  // in-memory library, which holds no copies, is compared on dates only at the same sources.
  if (!sameSources) return;
  say('  date findings as in memory', `${dates.same} of ${dates.same + dates.differ.length} (${dates.settled} supported, contradicted or inconsistent in memory)`);
  for (const line of dates.differ.slice(0, 10)) say('    differs', line);
}

function verdictOf(f: Finding): string {
  return JSON.stringify([f.status, f.source?.path, f.source?.start, f.source?.end, f.suggestion]);
}

/** EXPLAIN (ANALYZE, BUFFERS) of the look-up: a whole draft's, and one misquoted quotation's. */
async function writePlans(pool: Pool, drafts: readonly Draft[], memory: SourceLibrary): Promise<void> {
  const archive = new PostgresArchive(pool);
  const count = (await pool.query<{ n: string }>('SELECT count(*) AS n FROM source_documents')).rows[0].n;
  const draft = drafts.find(d => d.name === 'quotes-03') ?? drafts[0];
  const out: string[] = [`-- ${count} documents`];
  const client = await pool.connect();
  await client.query('SET jit = off'); // as the look-up runs
  const explain = async (title: string, keys: readonly QuotationKeys[]): Promise<void> => {
    const queries = await archive.queries(keys);
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${LOOKUP_QUERY}`, lookUpParameters(queries));
    out.push(`-- ${title}`, `-- verbatim: ${queries.map(q => q.verbatim ?? '–').join(' ; ')}`, `-- close-wording clauses: ${queries.reduce((n, q) => n + q.near.length, 0)}`,
      ...rows.map(r => r['QUERY PLAN']), '');
  };
  await explain(`the draft of ${draft.name} (${draft.quotations.length} quotations)`, draft.quotations.map(q => q.keys));
  const misquote = checkDraft(memory, draft.text, OPTIONS).find(f => f.kind === 'quote' && f.status === 'misquote');
  const one = misquote ? quotationKeys([misquote.text]) : draft.quotations[0].keys;
  await explain(`one quotation of it (misquoted in memory): "${misquote?.text ?? draft.quotations[0].text}"`, [one]);
  // The date look-up of a draft of dates: the statements checkWithArchive asks about, recorded on their way.
  const dated = drafts.find(d => d.name === 'dates-06') ?? drafts[0];
  const asked: DatedStatement[] = [];
  const words: string[] = [];
  const recording = Object.assign(Object.create(archive) as PostgresArchive, {
    dateCounts: (w: readonly string[]) => { words.push(...w); return archive.dateCounts(w); },
    datedSentences: (statements: readonly DatedStatement[]) => { asked.push(...statements); return archive.datedSentences(statements); },
  });
  await checkWithArchive(new SourceLibrary(), dated.text, recording, OPTIONS);
  const counts = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${DATE_COUNTS_QUERY}`, [[...new Set(words.map(wordKey))]]);
  out.push(`-- the date counts of the draft of ${dated.name}: ${words.length} words`, ...counts.rows.map(r => r['QUERY PLAN']), '');
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${DATE_LOOKUP_QUERY}`, dateLookUpParameters(asked));
  out.push(`-- the date look-up of the draft of ${dated.name}: ${asked.length} statements, ${asked.map(a => `${a.words.length} words, least ${a.least}`).join('; ')}`,
    ...rows.map(r => r['QUERY PLAN']), '');
  client.release(true);
  const file = path.resolve(__dirname, 'archive-plans.txt');
  fs.writeFileSync(file, out.join('\n'));
  console.log(`query plans written to ${file}`);
}

void main().catch(e => { console.error(e); process.exitCode = 1; });
