// A story filed several times under different names, in a real PostgreSQL archive and in memory: the same findings
// (issue 15), the misquote of the story kept in both (README, "Sources", a story filed twice).
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { ingest } from '../../src/archive/ingest';
import { PostgresArchive } from '../../src/archive/postgresArchive';
import { checkWithArchive } from '../../src/core/archive/archiveCheck';
import { checkDraft, type CheckOptions } from '../../src/core/check';
import { SourceLibrary } from '../../src/core/sources/library';
import { startCluster, type Cluster } from '../postgres/cluster';
import { SHARED } from './helpers';

const OPTIONS: CheckOptions = { referenceDate: '2025-06-01', today: new Date(2025, 5, 1, 12) };
const CASE = path.join(SHARED, 'eval/cases/dates-01');
/** The draft's quotation misquoting its story reuters-107: "are in all full control of these areas." */
const MISQUOTE = 462;
let cluster: Cluster;
let pool: Pool;

before(async () => {
  cluster = await startCluster();
  pool = new Pool({ connectionString: cluster.url, max: 2 });
});

after(async () => {
  await pool?.end();
  cluster?.stop();
});

test('the story with 0, 1, 3 or 8 byte-identical copies: the archive and the library in memory give the same findings, the misquote kept', async () => {
  assert.ok(fs.existsSync(CASE), `the labelled cases are needed at ${CASE}`);
  const draft = fs.readFileSync(path.join(CASE, 'draft.md'), 'utf8');
  let first: string | undefined;
  for (const n of [0, 1, 3, 8]) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-copies-'));
    try {
      for (const f of fs.readdirSync(path.join(CASE, 'sources'))) fs.copyFileSync(path.join(CASE, 'sources', f), path.join(folder, f));
      for (let i = 1; i <= n; i++) fs.copyFileSync(path.join(CASE, 'sources/reuters-107.md'), path.join(folder, `zz-copy-${i}.md`));
      await pool.query('DROP TABLE IF EXISTS source_dates, date_words, date_totals, source_documents');
      await ingest(pool, [folder]);
      // The archive's rules in memory: every source read as fetched from an archive.
      const inMemory = new SourceLibrary();
      for (const f of fs.readdirSync(folder).sort()) inMemory.addArchived(path.join(folder, f), fs.readFileSync(path.join(folder, f)));
      const expected = checkDraft(inMemory, draft, OPTIONS);
      const got = await checkWithArchive(new SourceLibrary(), draft, new PostgresArchive(pool), OPTIONS);
      assert.equal(got.error, undefined);
      assert.equal(JSON.stringify(got.findings), JSON.stringify(expected), `${n} copies: the archive as in memory`);
      const misquote = expected.find(f => f.kind === 'quote' && f.start === MISQUOTE);
      assert.equal(misquote?.status, 'misquote', `${n} copies`);
      assert.equal(misquote?.source?.path, path.join(folder, 'reuters-107.md'), 'named by the smallest path');
      // Apart from the folder's name, the same findings whatever the number of copies.
      const seen = JSON.stringify(expected).split(folder).join('<folder>');
      first ??= seen;
      assert.equal(seen, first, `${n} copies, as with none`);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
});
