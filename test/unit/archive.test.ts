// The archive against a real PostgreSQL server: a private cluster (test/postgres/cluster.ts) on 127.0.0.1, started
// here and stopped at the end.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, Pool } from 'pg';
import { ingest } from '../../src/archive/ingest';
import { createSchema, writeDocuments, type DocumentRow } from '../../src/archive/ingestWrites';
import { PostgresArchive } from '../../src/archive/postgresArchive';
import { checkWithArchive, type ArchiveReader } from '../../src/core/archive/archiveCheck';
import { quotationKeys } from '../../src/core/archive/keys';
import { extractQuotations } from '../../src/core/quotes/extract';
import { checkDraft, type CheckOptions } from '../../src/core/check';
import { SourceLibrary } from '../../src/core/sources/library';
import { startCluster, type Cluster } from '../postgres/cluster';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';
import { ROOT, SHARED } from './helpers';

const OPTIONS: CheckOptions = { referenceDate: '2025-06-01', today: new Date(2025, 5, 1, 12) };
let cluster: Cluster;
let pool: Pool;
const poolErrors: Error[] = [];

before(async () => {
  cluster = await startCluster();
  pool = new Pool({ connectionString: cluster.url, max: 2 });
  // An idle connection the server ends (a restart) is reported here, and the pool replaces it.
  pool.on('error', e => poolErrors.push(e));
});

after(async () => {
  await pool?.end();
  cluster?.stop();
});

async function emptyArchive(): Promise<void> {
  await pool.query('DROP TABLE IF EXISTS source_dates, date_words, date_totals, source_documents');
}

/** The same sources as an in-memory library of archived documents: the archive's rules, no story's own sources. */
function archivedInMemory(files: readonly string[]): SourceLibrary {
  const lib = new SourceLibrary();
  for (const f of files) lib.addArchived(f, fs.readFileSync(f));
  return lib;
}

function quotes(findings: readonly { kind: string }[]): string {
  return JSON.stringify(findings.filter(f => f.kind === 'quote'));
}

function dates(findings: readonly { kind: string }[]): string {
  return JSON.stringify(findings.filter(f => f.kind === 'date'));
}

test('the labelled cases give the same findings, quotations and dates, against the archive as against the same sources in memory', async t => {
  const cases = path.join(SHARED, 'eval/cases');
  assert.ok(fs.existsSync(cases), `the labelled cases are needed at ${cases}`);
  const compared = { quote: 0, date: 0, settledDates: 0, settledByQuotationsAlone: 0 };
  for (const name of fs.readdirSync(cases).sort()) {
    const dir = path.join(cases, name);
    const draft = fs.readFileSync(path.join(dir, 'draft.md'), 'utf8');
    const files = fs.readdirSync(path.join(dir, 'sources')).sort().map(f => path.join(dir, 'sources', f));
    await emptyArchive();
    await ingest(pool, [path.join(dir, 'sources')]);
    const inMemory = archivedInMemory(files);
    const expected = checkDraft(inMemory, draft, OPTIONS);
    const got = await checkWithArchive(new SourceLibrary(), draft, new PostgresArchive(pool), OPTIONS);
    assert.equal(got.error, undefined, name);
    assert.equal(quotes(got.findings), quotes(expected), name);
    assert.equal(dates(got.findings), dates(expected), name);
    // The same library in memory read as a corpus, through the same interface: the same findings.
    const asCorpus = await checkWithArchive(new SourceLibrary(), draft, inMemory, OPTIONS);
    assert.equal(JSON.stringify(asCorpus.findings), JSON.stringify(expected), `${name}, the library in memory as a corpus`);
    for (const f of expected) compared[f.kind as 'quote' | 'date']++;
    compared.settledDates += expected.filter(f => f.kind === 'date' && f.status !== 'unsupported').length;
    // Without the date look-up, only the documents fetched for quotations settle dates (as the first version did).
    const archive = new PostgresArchive(pool);
    const quotationsOnly: ArchiveReader = { candidates: k => archive.candidates(k), fetch: ids => archive.fetch(ids), lookUp: q => archive.lookUp(q) };
    const settledByQuotations = (await checkWithArchive(new SourceLibrary(), draft, quotationsOnly, OPTIONS)).findings;
    compared.settledByQuotationsAlone += settledByQuotations.filter(f => f.kind === 'date' && f.status !== 'unsupported').length;
  }
  t.diagnostic(JSON.stringify(compared));
  assert.ok(compared.quote > 50, `only ${compared.quote} quotations compared`);
  assert.ok(compared.date > 40 && compared.settledDates > 30, `only ${compared.date} dates compared, ${compared.settledDates} settled`);
  assert.ok(compared.settledDates >= compared.settledByQuotationsAlone + 10,
    `the date look-up settles ${compared.settledDates} dates, the quotations' documents alone ${compared.settledByQuotationsAlone}`);
});

test('a date is paired by the words the whole archive finds common, as in memory, not by those of the documents fetched', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-archive-'));
  try {
    // Hundreds of harbour council budget dates make those words too common to pair a statement by (more than 250 dates).
    const notices = 300;
    for (let i = 0; i < notices; i++) {
      fs.writeFileSync(path.join(folder, `notice-${String(i).padStart(3, '0')}.md`),
        `---\ndate: 2024-04-0${1 + (i % 9)}\n---\nThe harbour council approved budget item ${i} on May ${1 + (i % 28)}, 2024.\n`);
    }
    fs.writeFileSync(path.join(folder, 'ferry.md'), '---\ndate: 2024-05-20\n---\nThe ferry timetable for the islands changes on June 3, 2024.\n');
    // The quotation fetches a notice: the check with the documents fetched holds sentences sharing the common words.
    const draft = '---\ndate: 2024-06-01\n---\nThe harbour council approved budget item 12 on June 9, 2024.\n\n' +
      'Its minutes say it "approved budget item 7" then.\n';
    const files = fs.readdirSync(folder).sort().map(f => path.join(folder, f));
    const verdict = (findings: readonly { kind: string; status: string }[]): string | undefined => findings.find(f => f.kind === 'date')?.status;
    await emptyArchive();
    await ingest(pool, [folder]);
    const inMemory = checkDraft(archivedInMemory(files), draft, OPTIONS);
    assert.equal(verdict(inMemory), 'unsupported', 'in the whole archive, the statement shares only common words with the notices');
    const got = await checkWithArchive(new SourceLibrary(), draft, new PostgresArchive(pool), OPTIONS);
    assert.equal(got.error, undefined);
    assert.ok(got.fromArchive.some(p => p.endsWith('notice-007.md')), got.fromArchive.join(', '));
    assert.equal(dates(got.findings), dates(inMemory));
    // The same notices without the hundreds: their words pair the statement, and a notice's date contradicts it.
    const few = files.filter(f => !/notice-(?!00[0-9])/.test(path.basename(f)));
    await emptyArchive();
    await ingest(pool, few);
    const fewInMemory = checkDraft(archivedInMemory(few), draft, OPTIONS);
    assert.equal(verdict(fewInMemory), 'contradicted');
    assert.equal(dates((await checkWithArchive(new SourceLibrary(), draft, new PostgresArchive(pool), OPTIONS)).findings), dates(fewInMemory));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a range the local sources leave unsupported, whose ends the archive settles apart, gives the findings of its ends', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-archive-'));
  try {
    const filing = path.join(folder, 'filing.md');
    fs.writeFileSync(filing, '---\ndate: 1987-03-12\n---\nIndustrial Equity said it bought Calmat common shares from Feb 17, the filing said.\n');
    const draft = '---\ndate: 1987-03-20\n---\nIndustrial Equity said it bought Calmat common shares between Feb 17 and March 9, the filing said.\n';
    await emptyArchive();
    await ingest(pool, [folder]);
    const local = checkDraft(new SourceLibrary(), draft, OPTIONS);
    assert.deepEqual(local.map(f => [f.text, f.status]), [['Feb 17 and March 9', 'unsupported']], 'one range, unsupported, locally');
    const inMemory = checkDraft(archivedInMemory([filing]), draft, OPTIONS);
    assert.deepEqual(inMemory.map(f => [f.text, f.status]), [['Feb 17', 'supported'], ['March 9', 'unsupported']]);
    const got = await checkWithArchive(new SourceLibrary(), draft, new PostgresArchive(pool), OPTIONS);
    assert.equal(JSON.stringify(got.findings), JSON.stringify(inMemory));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('an archive ingested before dates were stored: quotations are looked up, dates not; the next ingest reads its documents again', async () => {
  const dir = path.join(SHARED, 'eval/cases/dates-06');
  const draft = fs.readFileSync(path.join(dir, 'draft.md'), 'utf8');
  const files = fs.readdirSync(path.join(dir, 'sources')).sort().map(f => path.join(dir, 'sources', f));
  await emptyArchive();
  await ingest(pool, [path.join(dir, 'sources')]);
  // As the first version left it: no dated sentences, no counts, no column saying they were read.
  await pool.query('DROP TABLE source_dates, date_words, date_totals; ALTER TABLE source_documents DROP COLUMN dates_read');
  const expected = checkDraft(archivedInMemory(files), draft, OPTIONS);
  const before = await checkWithArchive(new SourceLibrary(), draft, new PostgresArchive(pool), OPTIONS);
  assert.equal(before.error, undefined);
  assert.equal(quotes(before.findings), quotes(expected));
  assert.notEqual(dates(before.findings), dates(expected), 'the dates the quotations\' documents do not settle stay unsupported');
  const again = await ingest(pool, [path.join(dir, 'sources')]);
  assert.deepEqual([again.added, again.unchanged], [files.length, 0], 'every document stored again, with its dated sentences');
  const after = await checkWithArchive(new SourceLibrary(), draft, new PostgresArchive(pool), OPTIONS);
  assert.equal(JSON.stringify(after.findings), JSON.stringify(expected));
  assert.deepEqual([(await ingest(pool, [path.join(dir, 'sources')])).unchanged], [files.length], 'then a re-run skips them');
});

test('an archive whose dated sentences were read before the date lines: the next ingest reads its documents again', async () => {
  const dir = path.join(SHARED, 'eval/cases/dates-06');
  const files = fs.readdirSync(path.join(dir, 'sources'));
  await emptyArchive();
  await ingest(pool, [path.join(dir, 'sources')]);
  assert.deepEqual([(await ingest(pool, [path.join(dir, 'sources')])).unchanged], [files.length], 'read as this version reads: skipped');
  // As an ingest before the mark left it.
  await pool.query('DROP TABLE archive_marks');
  const again = await ingest(pool, [path.join(dir, 'sources')]);
  assert.deepEqual([again.added, again.unchanged], [files.length, 0], 'every document stored again, its dated sentences read anew');
  assert.deepEqual([(await ingest(pool, [path.join(dir, 'sources')])).unchanged], [files.length], 'then a re-run skips them');
});

test('the draft\'s look-up names each document\'s id and the quotations it was found for, as asked one by one', async () => {
  const cases = path.join(SHARED, 'eval/cases/quotes-01');
  const draft = fs.readFileSync(path.join(cases, 'draft.md'), 'utf8');
  await emptyArchive();
  await ingest(pool, [path.join(cases, 'sources')]);
  const archive = new PostgresArchive(pool);
  const keys = extractQuotations(draft, { markdown: true }).map(q => quotationKeys([q.text])).filter(k => k.any.length);
  assert.ok(keys.length > 3);
  const all = await archive.lookUp(keys);
  const byId = new Map(all.map(d => [d.id, d]));
  for (const [i, k] of keys.entries()) {
    const alone = await archive.lookUp([k]);
    assert.deepEqual(alone.map(d => d.quotations), alone.map(() => [0]));
    assert.deepEqual(all.filter(d => d.quotations?.includes(i)).map(d => d.id), alone.map(d => d.id), `quotation ${i}`);
    assert.deepEqual(alone.map(d => byId.get(d.id)?.path), alone.map(d => d.path));
  }
  const fetched = await archive.fetch(all.map(d => d.id as string));
  assert.deepEqual(fetched.map(d => [d.id, d.path]), all.map(d => [d.id, d.path]));
});

test('an archived source is never one of the story\'s own sources: a short changed quotation needs evidence', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-archive-'));
  try {
    fs.writeFileSync(path.join(folder, 'other.txt'), 'Weather report.\n\nThe forecast said: "we will never develop the coast," and nothing else.\n');
    await emptyArchive();
    await ingest(pool, [folder]);
    const draft = 'The minister spoke.\n\n"We will never negotiate the coast," she said.\n';
    const local = new SourceLibrary();
    local.addFile(path.join(folder, 'other.txt'), fs.readFileSync(path.join(folder, 'other.txt')));
    assert.equal(checkDraft(local, draft, OPTIONS)[0].status, 'misquote', 'as a story\'s own source, the passage is the original');
    const got = await checkWithArchive(new SourceLibrary(), draft, new PostgresArchive(pool), OPTIONS);
    assert.deepEqual(got.fromArchive, [path.join(folder, 'other.txt')], 'the archive was asked, and the document fetched');
    assert.equal(got.findings[0].status, 'unsourced', 'from the archive, the same passage is not called the original');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('ingest: a re-run skips unchanged files, a changed one is replaced, a bad one reported and skipped', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-archive-'));
  try {
    fs.writeFileSync(path.join(folder, 'a.txt'), 'Alpha said: "the harbour opens in May."\n');
    fs.writeFileSync(path.join(folder, 'b.md'), '---\ntitle: Bravo\noutlet: Wire\ndate: 2025-05-02\n---\nBravo said: "the bridge closes."\n');
    fs.writeFileSync(path.join(folder, 'bad.txt'), Buffer.from([0, 1, 2, 0, 255, 0, 0, 0]));
    await emptyArchive();
    const lines: string[] = [];
    const first = await ingest(pool, [folder], { report: l => lines.push(l) });
    const counts = (s: { added: number; unchanged: number; skipped: number }): number[] => [s.added, s.unchanged, s.skipped];
    assert.deepEqual(counts(first), [2, 0, 1]);
    const index = async (): Promise<unknown> => (await pool.query("SELECT to_regclass('source_documents_keys') AS i")).rows[0].i;
    assert.equal(await index(), 'source_documents_keys', 'the search index is built after the first ingest');
    assert.ok(lines.some(l => l.startsWith(`warning: ${path.join(folder, 'bad.txt')}: `)), lines.join('\n'));
    assert.ok(lines.some(l => l.startsWith('3 / 3 files: 2 added, 0 unchanged, 1 skipped')), lines.join('\n'));
    const { rows } = await pool.query('SELECT title, outlet, published FROM source_documents WHERE path = $1', [path.join(folder, 'b.md')]);
    assert.deepEqual(rows, [{ title: 'Bravo', outlet: 'Wire', published: '2025-05-02' }]);
    fs.writeFileSync(path.join(folder, 'a.txt'), 'Alpha said: "the harbour opens in June."\n');
    const second = await ingest(pool, [folder]);
    assert.deepEqual(counts(second), [1, 1, 1]);
    // An interrupted first ingest leaves the rows without the index: the ingest that resumes it builds it.
    await pool.query('DROP INDEX source_documents_keys');
    fs.writeFileSync(path.join(folder, 'c.txt'), 'Charlie said: "the tunnel opens."\n');
    assert.deepEqual(counts(await ingest(pool, [folder])), [1, 2, 1]);
    assert.equal(await index(), 'source_documents_keys');
    const count = await pool.query<{ n: string }>('SELECT count(*) AS n FROM source_documents');
    assert.equal(count.rows[0].n, '3');
    const stored = await pool.query<{ source: Buffer }>('SELECT source FROM source_documents WHERE path = $1', [path.join(folder, 'a.txt')]);
    assert.match(stored.rows[0].source.toString('utf8'), /June/);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

/** The date counts as stored, and as a count of all the dated sentences gives them. */
async function dateCounts(): Promise<{ stored: unknown; counted: unknown }> {
  const words = 'SELECT key::text, dates::text, sentences::text FROM date_words w ORDER BY w.key';
  const counted = "SELECT k::text AS key, sum(calendar)::text AS dates, count(*)::text AS sentences FROM source_dates, unnest(words) k GROUP BY k ORDER BY k";
  const totals = 'SELECT dates::text, fresh FROM date_totals';
  return {
    stored: { words: (await pool.query(words)).rows, totals: (await pool.query(totals)).rows },
    counted: { words: (await pool.query(counted)).rows, totals: (await pool.query("SELECT coalesce(sum(dates), 0)::text AS dates, true AS fresh FROM source_dates")).rows },
  };
}

test('the date counts of a filled archive are kept by each batch: a replaced or removed document counted out, a new one in', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-archive-'));
  try {
    const write = (name: string, text: string): void => fs.writeFileSync(path.join(folder, name), text);
    write('a.txt', 'On May 4, 2024, the council said the harbour would open in June 2025. The mayor agreed on Tuesday.\n');
    write('b.txt', 'The bridge closed in March 2023 and the harbour reopened in 2024, the council said.\n');
    write('c.txt', 'The tunnel opened on 12 January 2022, the mayor said.\n');
    await emptyArchive();
    await ingest(pool, [folder], { reference: new Date(2025, 5, 1, 12) });
    const first = await dateCounts();
    assert.deepEqual(first.stored, first.counted);
    assert.ok((first.stored as { words: unknown[] }).words.length > 5, 'the sources have dated sentences');
    // Directly, without the end of an ingest: a replaced, a removed and a new document.
    const one = (name: string, text: string, dates: DocumentRow['dates']): DocumentRow =>
      ({ path: name, contentHash: Buffer.alloc(32, 3), words: 5, source: Buffer.from(text), keys: new Int32Array(0), dates });
    const [aKeys, bKeys] = (await pool.query<{ words: number[] }>('SELECT s.words FROM source_dates s JOIN source_documents d ON d.id = s.document ORDER BY d.path, s.sentence')).rows.map(r => r.words);
    await writeDocuments(pool, [one(path.join(folder, 'a.txt'), 'replaced', [{ sentence: 0, dates: 2, calendar: 1, words: [...aKeys.slice(1), 42] }]),
      one('new.txt', 'new', [{ sentence: 3, dates: 1, calendar: 1, words: bKeys }, { sentence: 9, dates: 1, calendar: 0, words: [42, 44] }])],
    [path.join(folder, 'a.txt'), path.join(folder, 'c.txt')]);
    const direct = await dateCounts();
    assert.deepEqual(direct.stored, direct.counted);
    assert.notDeepEqual(direct.stored, first.stored);
    // Through the ingest: a file changed, one gone bad, one added.
    write('b.txt', 'The bridge closed in April 2023, the council said.\n');
    write('c.txt', Buffer.from([0, 1, 2, 0, 255, 0, 0, 0]).toString('latin1'));
    write('d.txt', 'In 2021 the ferry stopped; on Friday the ferry returned, the council said.\n');
    await ingest(pool, [folder], { reference: new Date(2025, 5, 1, 12) });
    const last = await dateCounts();
    assert.deepEqual(last.stored, last.counted);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('the binary COPY stores each field as written: text with NUL left out, NULLs, empty and long key arrays, dated sentences', async () => {
  await emptyArchive();
  await createSchema(pool);
  const keys = Int32Array.from({ length: 5000 }, (_, i) => (i - 2500) * 858_993);
  const bytes = Buffer.from([0, 1, 2, 255, 92, 9, 10]);
  await writeDocuments(pool, [
    { path: 'dir/été\tab.txt', contentHash: Buffer.alloc(32, 7), title: 'A\u0000B — “quoted”', outlet: undefined, published: '2025-05-02', words: 5000, source: bytes, keys,
      dates: [{ sentence: 12, dates: 3, calendar: 2, words: [-2147483648, 0, 2147483646] }, { sentence: 40, dates: 1, calendar: 0, words: [] }] },
    { path: 'empty.md', contentHash: Buffer.alloc(32, 1), words: 0, source: Buffer.alloc(0), keys: new Int32Array(0), dates: [] },
  ], []);
  const docs = await pool.query('SELECT path, content_hash, title, outlet, published, words, source, keys, dates_read FROM source_documents ORDER BY path');
  assert.deepEqual(docs.rows, [
    { path: 'dir/été\tab.txt', content_hash: Buffer.alloc(32, 7), title: 'AB — “quoted”', outlet: null, published: '2025-05-02', words: 5000, source: bytes, keys: [...keys], dates_read: true },
    { path: 'empty.md', content_hash: Buffer.alloc(32, 1), title: null, outlet: null, published: null, words: 0, source: Buffer.alloc(0), keys: [], dates_read: true },
  ]);
  const sentences = await pool.query(`SELECT d.path, s.sentence, s.dates, s.calendar, s.words FROM source_dates s JOIN source_documents d ON d.id = s.document ORDER BY s.sentence`);
  assert.deepEqual(sentences.rows, [
    { path: 'dir/été\tab.txt', sentence: 12, dates: 3, calendar: 2, words: [-2147483648, 0, 2147483646] },
    { path: 'dir/été\tab.txt', sentence: 40, dates: 1, calendar: 0, words: [] },
  ]);
});

test('a connection killed mid-check gives one clear error and the local verdicts; a restarted server is read again', async () => {
  const cases = path.join(SHARED, 'eval/cases/quotes-01');
  const draft = fs.readFileSync(path.join(cases, 'draft.md'), 'utf8');
  await emptyArchive();
  await ingest(pool, [path.join(cases, 'sources')]);
  const local = new SourceLibrary();
  local.addFile('/local/note.txt', new TextEncoder().encode('An unrelated note about the weather.\n'));
  const client = new Client({ connectionString: cluster.url });
  const clientErrors: Error[] = [];
  client.on('error', e => clientErrors.push(e));
  await client.connect();
  const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const archive = new PostgresArchive(client);
  let asked = 0;
  // After the first answer, the server ends the connection: the next query fails.
  const killing: ArchiveReader = {
    candidates: async keys => {
      const ids = await archive.candidates(keys);
      if (++asked === 1) await pool.query('SELECT pg_terminate_backend($1)', [pid]);
      return ids;
    },
    fetch: ids => archive.fetch(ids),
  };
  const got = await checkWithArchive(local, draft, killing, OPTIONS);
  assert.match(got.error ?? '', /^the archive could not be read \(.+\): the findings are the local sources' alone$/);
  assert.deepEqual(got.findings, checkDraft(local, draft, OPTIONS));
  assert.deepEqual(got.fromArchive, []);
  await client.end().catch(() => undefined);

  // The same with the draft's look-up in one round trip: the statistics read, then the connection killed.
  const second = new Client({ connectionString: cluster.url });
  second.on('error', e => clientErrors.push(e));
  await second.connect();
  const secondPid = (await second.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const batched = new PostgresArchive(second);
  const killedBatch: ArchiveReader = {
    candidates: keys => batched.candidates(keys),
    fetch: ids => batched.fetch(ids),
    lookUp: async quotations => {
      await batched.lookUp(quotations.slice(0, 1));
      await pool.query('SELECT pg_terminate_backend($1)', [secondPid]);
      return batched.lookUp(quotations);
    },
  };
  const gotBatch = await checkWithArchive(local, draft, killedBatch, OPTIONS);
  assert.match(gotBatch.error ?? '', /^the archive could not be read \(.+\): the findings are the local sources' alone$/);
  assert.deepEqual(gotBatch.findings, checkDraft(local, draft, OPTIONS));
  await second.end().catch(() => undefined);

  const before = await checkWithArchive(local, draft, new PostgresArchive(pool), OPTIONS);
  assert.equal(before.error, undefined);
  assert.ok(before.fromArchive.length > 0);
  cluster.restart();
  const again = await checkWithArchive(local, draft, new PostgresArchive(pool), OPTIONS);
  // The pool's idle connections died with the server: the first query after the restart may fail, once, clearly.
  const settled = again.error ? await checkWithArchive(local, draft, new PostgresArchive(pool), OPTIONS) : again;
  assert.equal(settled.error, undefined);
  assert.deepEqual(settled.findings, before.findings);
});

test('with local sources: what they settle stays theirs; a quotation they leave unsourced is verified from the archive', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-archive-'));
  try {
    const archived = path.join(folder, 'archived-interview.txt');
    fs.writeFileSync(archived, 'Interview.\n\nThe governor said: "the reservoir will be full by the autumn of next year."\n');
    await emptyArchive();
    await ingest(pool, [folder, path.join(SHARED, 'eval/cases/quotes-01/sources')]);
    const seeds = path.join(ROOT, 'seeds');
    const local = new SourceLibrary();
    for (const f of fs.readdirSync(seeds).sort()) local.addFile(path.join(seeds, f), fs.readFileSync(path.join(seeds, f)));
    const example = fs.readFileSync(path.join(seeds, '..', 'examples', 'draft.md'), 'utf8');
    const draft = `${example}\n\nThe governor said the "reservoir will be full by the autumn of next year".\n`;
    const alone = checkDraft(local, draft, OPTIONS);
    const got = await checkWithArchive(local, draft, new PostgresArchive(pool), OPTIONS);
    assert.equal(got.error, undefined);
    const added = got.findings.find(f => f.text === 'reservoir will be full by the autumn of next year');
    assert.equal(added?.status, 'verified');
    assert.equal(added?.source?.path, archived);
    const rest = (list: readonly { text: string; status: string }[]): unknown[] => list.filter(f => f !== added && f.status !== 'unsourced' && f.status !== 'unsupported');
    assert.deepEqual(rest(got.findings), rest(alone), 'the local sources\' verdicts are kept');
    assert.ok(alone.some(f => f.status === 'misquote'), 'the example has local misquotes to keep');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void): NodeJS.WriteStream => new Writable({ write(chunk, _enc, cb) { f(String(chunk)); cb(); } }) as unknown as NodeJS.WriteStream;
  const code = await main(argv, sink(s => { out += s; }), sink(s => { err += s; }));
  return { code, out, err };
}

test('the CLI: archive ingest (usage errors in one line, progress on stderr), then check --archive', async () => {
  for (const argv of [['archive'], ['archive', 'ingest', 'x'], ['archive', 'ingest', '--db', cluster.url], ['archive', 'store']]) {
    const r = await cli(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
  }
  await emptyArchive();
  const cases = path.join(SHARED, 'eval/cases/quotes-01');
  const ingested = await cli('archive', 'ingest', '--db', cluster.url, path.join(cases, 'sources'));
  assert.equal(ingested.code, 0, ingested.err);
  assert.match(ingested.out, /^archive: \d+ stored, 0 unchanged, 0 skipped/);
  assert.match(ingested.err, /archive: \d+ \/ \d+ files: /);
  const emptyLocal = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-local-'));
  try {
    fs.writeFileSync(path.join(emptyLocal, 'note.txt'), 'An unrelated note about the weather.\n');
    const draft = path.join(cases, 'draft.md');
    const withArchive = await cli('check', draft, '--sources', emptyLocal, '--archive', cluster.url, '--no-cache', '-f', 'json', '--reference-date', '2025-06-01');
    const without = await cli('check', draft, '--sources', emptyLocal, '--no-cache', '-f', 'json', '--reference-date', '2025-06-01');
    const verified = (r: { out: string }): number => (JSON.parse(r.out) as { files: { findings: { status: string }[] }[] }).files[0].findings.filter(f => f.status === 'verified').length;
    assert.equal(withArchive.err, '');
    assert.ok(verified(withArchive) > verified(without), `${verified(withArchive)} verified with the archive, ${verified(without)} without`);
    const down = await cli('check', draft, '--sources', emptyLocal, '--archive', 'postgres://postgres@127.0.0.1:1/none', '--no-cache', '-f', 'json', '--reference-date', '2025-06-01');
    assert.equal(down.err.trim().split('\n').length, 1, down.err);
    assert.match(down.err, /^source-check: warning: the archive could not be read \(.*ECONNREFUSED.*\)/);
    assert.equal(down.out, without.out);
  } finally {
    fs.rmSync(emptyLocal, { recursive: true, force: true });
  }
});
