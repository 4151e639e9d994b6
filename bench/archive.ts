import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { ingest } from '../src/archive/ingest';
import { PostgresArchive } from '../src/archive/sql';
import { checkWithArchive } from '../src/core/archive/archiveCheck';
import { quotationKeys } from '../src/core/archive/keys';
import { checkDraft } from '../src/core/check';
import { extractQuotations } from '../src/core/quotes/extract';
import { SourceLibrary } from '../src/core/sources/library';
import { startCluster } from '../test/postgres/cluster';
import { corpusFiles, CORPUS } from './corpus';

/**
 * `npm run bench:archive` (first slice): the corpus ingested into a private PostgreSQL cluster, then the labelled
 * cases' drafts checked against it (empty local sources), beside the in-memory library of the same articles under
 * the archive's rules, measured in the same run. Only the corpus as it is (21k articles): the 1 M-article run is
 * left to do.
 */
async function main(): Promise<void> {
  if (!fs.existsSync(CORPUS)) { console.error(`benchmark corpus not found at ${CORPUS}`); process.exit(2); }
  const cases = path.resolve(CORPUS, '../eval/cases');
  const drafts = fs.readdirSync(cases).sort().map(c => fs.readFileSync(path.join(cases, c, 'draft.md'), 'utf8'));
  const files = corpusFiles(Number(process.env.BENCH_FILES) || Infinity);
  const cluster = await startCluster();
  const pool = new Pool({ connectionString: cluster.url, max: 2 });
  pool.on('error', () => undefined);
  const rows: Array<[string, string]> = [];
  try {
    const t0 = performance.now();
    const summary = await ingest(pool, files);
    const ingestMs = performance.now() - t0;
    rows.push(['ingest', `${files.length} articles, ${(summary.words / 1e6).toFixed(2)} M words in ${(ingestMs / 1000).toFixed(1)} s: ${Math.round(summary.words / (ingestMs / 1000)).toLocaleString('en-US')} words/s (target ≥ 1 M)`]);
    const size = (await pool.query<{ bytes: string }>("SELECT pg_total_relation_size('source_documents') AS bytes")).rows[0].bytes;
    rows.push(['database size', `${(Number(size) / 1024 / 1024).toFixed(0)} MB, ${(Number(size) / summary.words).toFixed(1)} bytes per source word`]);

    const t1 = performance.now();
    const memory = new SourceLibrary();
    for (const f of files) memory.addArchived(f, fs.readFileSync(f));
    void memory.index;
    rows.push(['in-memory library build (same articles)', `${((performance.now() - t1) / 1000).toFixed(1)} s`]);

    const archive = new PostgresArchive(pool);
    const perQuote: number[] = [];
    for (const draft of drafts) {
      for (const q of extractQuotations(draft, { markdown: true })) {
        const keys = quotationKeys([q.text]);
        if (!keys.any.length) continue;
        const t = performance.now();
        await archive.candidates(keys);
        perQuote.push(performance.now() - t);
      }
    }
    const spread = (list: number[]): string => {
      list.sort((a, b) => a - b);
      const pct = (p: number): string => list[Math.min(list.length - 1, Math.floor(list.length * p))].toFixed(1);
      return `median ${pct(0.5)} ms, p90 ${pct(0.9)} ms, max ${pct(1)} ms`;
    };
    rows.push(['candidate queries per quotation', `${perQuote.length} quotations: ${spread(perQuote)} (target ≤ 20 ms at 1 M)`]);

    const local = new SourceLibrary();
    const options = { referenceDate: '2025-06-01' };
    let archiveMs = 0;
    let memoryMs = 0;
    for (const draft of drafts) {
      let t = performance.now();
      await checkWithArchive(local, draft, archive, options);
      archiveMs += performance.now() - t;
      t = performance.now();
      checkDraft(memory, draft, options);
      memoryMs += performance.now() - t;
    }
    rows.push(['per draft, with the archive', `${(archiveMs / drafts.length).toFixed(0)} ms on average (${drafts.length} labelled drafts)`]);
    rows.push(['per draft, in-memory library', `${(memoryMs / drafts.length).toFixed(0)} ms on average`]);
  } finally {
    await pool.end();
    cluster.stop();
  }
  for (const [what, figure] of rows) console.log(`${what.padEnd(42)} ${figure}`);
}

void main();
