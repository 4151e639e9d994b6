import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { ingest } from '../src/archive/ingest';
import { LOOKUP_QUERY, lookUpParameters, PostgresArchive } from '../src/archive/sql';
import { checkWithArchive } from '../src/core/archive/archiveCheck';
import { quotationKeys, type QuotationKeys } from '../src/core/archive/keys';
import { checkDraft } from '../src/core/check';
import type { Finding } from '../src/core/findings';
import { extractQuotations } from '../src/core/quotes/extract';
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
    await measureArchive(pool, drafts, memory, `${files.length.toLocaleString('en-US')} articles`, say);

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
    await pool.query('DROP TABLE IF EXISTS source_documents').catch(() => undefined);
    await pool.end();
    cluster.stop();
  }
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
}

async function reportSize(pool: Pool, say: (what: string, figure: string) => void, words: number): Promise<void> {
  const { rows } = await pool.query<{ total: string; index: string }>(
    "SELECT pg_total_relation_size('source_documents') AS total, pg_relation_size('source_documents_keys') AS index");
  const total = Number(rows[0].total);
  say('database size', `${(total / 2 ** 20).toFixed(0)} MB (the search index ${(Number(rows[0].index) / 2 ** 20).toFixed(0)} MB), ${(total / words).toFixed(1)} bytes per source word`);
}

/** The archive filled with copies of its rows under new names, the index built once after, the statistics renewed. */
async function replicate(pool: Pool, replicas: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SET maintenance_work_mem = '4GB'");
    await client.query('DROP INDEX source_documents_keys');
    await client.query(`INSERT INTO source_documents (path, content_hash, title, outlet, published, words, source, keys)
      SELECT regexp_replace(path, '([^/]+)$', 'replica-' || lpad(r::text, 2, '0') || '-\\1'), content_hash, title, outlet, published, words, source, keys
      FROM source_documents, generate_series(1, $1::int) AS r`, [replicas - 1]);
    await client.query('CREATE INDEX source_documents_keys ON source_documents USING gin (keys gin__int_ops)');
    await client.query('ANALYZE source_documents');
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
 * fetched), a one-quotation draft checked end to end, and each labelled draft; and whether the quotation findings are
 * those of the in-memory library (status, source passage, suggestion).
 */
async function measureArchive(pool: Pool, drafts: readonly Draft[], memory: SourceLibrary, scale: string,
  say: (what: string, figure: string) => void): Promise<void> {
  const archive = new PostgresArchive(pool);
  const empty = new SourceLibrary();
  await archive.lookUp(drafts[0].quotations.map(q => q.keys)); // statistics read, connections open
  const lookUps: number[] = [];
  const oneQuote: number[] = [];
  const perDraft: number[] = [];
  let same = 0;
  const differ: string[] = [];
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
    const expected = checkDraft(memory, d.text, OPTIONS).filter(f => f.kind === 'quote');
    const at = new Map(got.findings.filter(f => f.kind === 'quote').map(f => [f.start, f]));
    for (const f of expected) {
      const g = at.get(f.start);
      if (g && verdictOf(g) === verdictOf(f)) same++;
      else differ.push(`${d.name}: "${f.text.slice(0, 40)}" ${f.status} in memory, ${g?.status ?? 'missing'} from the archive`);
    }
  }
  say(`archive at ${scale}: look-up per quotation`, `${lookUps.length} quotations: ${spread(lookUps)} (target ≤ 20 ms at 1 M)`);
  say('  one-quote draft checked end to end', spread(oneQuote));
  say('  per draft', `${drafts.length} drafts: ${spread(perDraft)} (target ≤ 1 s at 1 M)`);
  say('  quotation findings as in memory', `${same} of ${same + differ.length} (status, source passage, suggestion)`);
  for (const line of differ.slice(0, 10)) say('    differs', line);
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
  client.release(true);
  const file = path.resolve(__dirname, 'archive-plans.txt');
  fs.writeFileSync(file, out.join('\n'));
  console.log(`query plans written to ${file}`);
}

void main().catch(e => { console.error(e); process.exitCode = 1; });
