// The archive in the editor against a real PostgreSQL server: a private cluster (test/postgres/cluster.ts) on
// 127.0.0.1, started by this suite inside the extension host, filled with the ingest, named by sourceCheck.archive,
// stopped at the end (the last test stops it mid-session).
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Client, Pool } from 'pg';
import { ingest } from '../../../src/archive/ingest';
import type { ArchiveReader } from '../../../src/core/archive/archiveCheck';
import { checkDraft } from '../../../src/core/check';
import type { Finding } from '../../../src/core/findings';
import { SourceLibrary } from '../../../src/core/sources/library';
import { connectArchive } from '../../../src/extension/archiveConnection';
import { ArchivedDocuments } from '../../../src/extension/archiveDocuments';
import { ArchiveLookups, passwordKey, type ArchiveOutcome } from '../../../src/extension/archiveLookups';
import { COMMANDS } from '../../../src/extension/commandTable';
import type { SourceCheckApi } from '../../../src/extension/extension';
import { startCluster, type Cluster } from '../../postgres/cluster';
import { checkedDraft, hoverAt, sourceCheck, untitledDraft, waitUntil } from './helpers';

/** A source that only the archive holds (the workspace's own sources are about other news). */
const ARCHIVED = 'Harbour news.\n\nThe lighthouse keeper said: "Every lantern on the northern pier will be relit before the winter storms," on Monday.\n';
const QUOTED = 'every lantern on the northern pier will be relit before the winter storms';
/** A dated statement that only the archive holds. */
const ARCHIVED_DATE = 'Ferry news.\n\nThe island ferry timetable for the lagoon changes on June 3, 2025, the operator said.\n';
const DATED_DRAFT = 'The island ferry timetable for the lagoon changes on June 3, 2025, the operator said.\n';
/** One quotation only the archive holds, one the workspace's seeds hold. */
const DRAFT = `The keeper said “${QUOTED}” on Monday.\n\nPeskov said Putin backs a “large-scale ceasefire”.\n`;

let cluster: Cluster | undefined;
/** A role that must give a password (scram-sha-256), unlike the cluster's own superuser (trust). */
const DESK_PASSWORD = 'desk-archive-pw';

/** Adds the role `desk`, which may read the archive and must authenticate with DESK_PASSWORD; waits for the reload. */
async function addPasswordRole(c: Cluster): Promise<string> {
  const hba = path.join(c.folder, 'data/pg_hba.conf');
  fs.writeFileSync(hba, `host all desk 127.0.0.1/32 scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`);
  const loadTime = async (): Promise<string> => {
    const client = new Client({ connectionString: c.url });
    await client.connect();
    try { return String((await client.query<{ t: Date }>('SELECT pg_conf_load_time() AS t')).rows[0].t.getTime()); } finally { await client.end(); }
  };
  const before = await loadTime();
  const admin = new Client({ connectionString: c.url });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE desk LOGIN PASSWORD '${DESK_PASSWORD}'`);
    await admin.query('GRANT SELECT ON source_documents, source_dates, date_words, date_totals TO desk');
    await admin.query('SELECT pg_reload_conf()');
  } finally {
    await admin.end();
  }
  // The server re-reads its configuration on a signal, shortly after: new sessions show the new load time.
  await waitUntil(async () => (await loadTime()) !== before, 'the server reloaded pg_hba.conf');
  return c.url.replace('postgres@', 'desk@');
}

/** A SecretStorage in memory, for an ArchiveLookups of the test's own. */
function memorySecrets(): vscode.SecretStorage & { readonly emitter: vscode.EventEmitter<vscode.SecretStorageChangeEvent> } {
  const values = new Map<string, string>();
  const emitter = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  return {
    emitter,
    onDidChange: emitter.event,
    get: async key => values.get(key),
    store: async (key, value) => { values.set(key, value); emitter.fire({ key }); },
    delete: async key => { values.delete(key); emitter.fire({ key }); },
  };
}

/** The draft, checked with the suite's archive, once the archive's verdicts are stored. */
async function settledDraft(api: SourceCheckApi): Promise<vscode.TextDocument> {
  await archiveSetting(cluster!.url);
  const doc = await untitledDraft(DRAFT);
  const settled = lookedUp(api, doc);
  await checkedDraft(doc);
  assert.strictEqual((await settled).state, 'settled');
  return doc;
}

/** Appends a quotation the archive was never asked about, so the next check must reach the server. */
async function appendQuotation(doc: vscode.TextDocument, words: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(doc);
  assert.ok(await editor.edit(b => b.insert(doc.positionAt(doc.getText().length), `\nShe said “${words}”.\n`)));
}

function archiveSetting(value: string | undefined): Thenable<void> {
  return vscode.workspace.getConfiguration('sourceCheck').update('archive', value, vscode.ConfigurationTarget.Global);
}

/** The outcome of the archive look-up for the draft's current version (a superseded one is not the answer). */
function lookedUp(api: SourceCheckApi, doc: vscode.TextDocument): Promise<ArchiveOutcome> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no archive look-up finished for version ${doc.version}`)); }, 30000);
    const sub = api.archive.onDidFinish(o => {
      if (o.uri.toString() !== doc.uri.toString() || o.version !== doc.version || o.state === 'superseded') return;
      clearTimeout(timer);
      sub.dispose();
      resolve(o);
    });
  });
}

/**
 * The first findings stored for the draft's next version: the local check's, before the archive answers (call it
 * before the edit).
 */
function firstStoredAfterEdit(api: SourceCheckApi, doc: vscode.TextDocument): Promise<readonly Finding[]> {
  return new Promise(resolve => {
    const sub = api.store.onDidChange(uri => {
      const entry = api.store.get(uri);
      if (uri.toString() !== doc.uri.toString() || entry?.version !== doc.version) return;
      sub.dispose();
      resolve(entry.findings);
    });
  });
}

function nextReport(api: SourceCheckApi): Promise<string> {
  return new Promise(resolve => { const sub = api.archive.onDidReport(m => { sub.dispose(); resolve(m); }); });
}

function quoteOf(findings: readonly Finding[], text: string): Finding {
  const f = findings.find(x => x.kind === 'quote' && x.text.includes(text));
  assert.ok(f, `a finding for “${text}”: ${JSON.stringify(findings.map(x => [x.text, x.status]))}`);
  return f;
}

function findingsOf(api: SourceCheckApi, doc: vscode.TextDocument): readonly Finding[] {
  const entry = api.store.get(doc.uri);
  assert.strictEqual(entry?.version, doc.version, 'findings of the current version');
  return entry.findings;
}

suite('The archive (PostgreSQL) in the editor', function () {
  // Starting a cluster (initdb, pg_ctl) takes seconds on this shared machine.
  this.timeout(120000);

  suiteSetup(async () => {
    cluster = await startCluster();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-archived-'));
    fs.writeFileSync(path.join(folder, 'lighthouse.txt'), ARCHIVED);
    fs.writeFileSync(path.join(folder, 'ferry.txt'), ARCHIVED_DATE);
    const pool = new Pool({ connectionString: cluster.url, max: 1 });
    try {
      await ingest(pool, [folder], { name: file => path.relative(folder, file) });
    } finally {
      await pool.end();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  suiteTeardown(async () => {
    await archiveSetting(undefined);
    cluster?.stop();
  });

  test('a quotation only the archive holds is verified, its hover says it came from the archive, and its link opens the text read-only', async () => {
    const api = await sourceCheck();
    await archiveSetting(cluster!.url);
    const doc = await untitledDraft(DRAFT);
    // (The editor's own check on opening may have asked the archive already: the local verdict is the engine's.)
    assert.strictEqual(quoteOf(checkDraft(api.sources.library, DRAFT), 'northern pier').status, 'unsourced', 'the local sources alone do not hold it');
    const done = lookedUp(api, doc);
    await checkedDraft(doc);
    const outcome = await done;
    assert.strictEqual(outcome.state, 'settled');
    assert.deepStrictEqual(outcome.fromArchive, ['source-check-archive:/lighthouse.txt']);
    const findings = findingsOf(api, doc);
    const archived = quoteOf(findings, 'northern pier');
    assert.strictEqual(archived.status, 'verified');
    assert.strictEqual(archived.source?.path, 'source-check-archive:/lighthouse.txt');
    const local2 = quoteOf(findings, 'large-scale ceasefire');
    assert.strictEqual(local2.status, 'misquote', 'what the local sources settle stays as they settle it');
    assert.ok(local2.source?.path.startsWith('file:'), local2.source?.path);

    assert.match(api.status.detail ?? '', /; and the archive postgres@127\.0\.0\.1:\d+\/postgres$/, 'the status names the archive');
    const md = (await hoverAt(doc, 'northern pier')).contents[0] as vscode.MarkdownString;
    assert.match(md.value, /from the archive/);
    assert.doesNotMatch(((await hoverAt(doc, 'large-scale ceasefire')).contents[0] as vscode.MarkdownString).value, /from the archive/);
    const link = /\(command:sourceCheck\.openSource\?([^ )]+)/.exec(md.value);
    assert.ok(link, 'command link');
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(COMMANDS.openSource.id, ...args);
    assert.strictEqual(editor.document.uri.scheme, 'source-check-archive');
    assert.strictEqual(editor.document.getText(), ARCHIVED);
    assert.strictEqual(editor.document.getText(editor.selection), 'Every lantern on the northern pier will be relit before the winter storms');
    assert.strictEqual(api.store.get(editor.document.uri), undefined, 'an archived source is never checked as a draft');
    // Shown by a content provider, not a file system: the editor opens it read-only and nothing can save it.
    assert.notStrictEqual(vscode.workspace.fs.isWritableFileSystem('source-check-archive'), true);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a date the local sources leave unsupported is looked up in the archive: supported there, from the archive', async () => {
    const api = await sourceCheck();
    await archiveSetting(cluster!.url);
    const dateOf = (findings: readonly Finding[]): Finding | undefined => findings.find(f => f.kind === 'date');
    assert.strictEqual(dateOf(checkDraft(api.sources.library, DATED_DRAFT))?.status, 'unsupported', 'the local sources alone do not give it');
    const doc = await untitledDraft(DATED_DRAFT);
    const done = lookedUp(api, doc);
    await checkedDraft(doc);
    const outcome = await done;
    assert.strictEqual(outcome.state, 'settled');
    assert.deepStrictEqual(outcome.fromArchive, ['source-check-archive:/ferry.txt']);
    const date = dateOf(findingsOf(api, doc));
    assert.strictEqual(date?.status, 'supported');
    assert.strictEqual(date?.source?.path, 'source-check-archive:/ferry.txt');
    assert.match(((await hoverAt(doc, 'June 3, 2025')).contents[0] as vscode.MarkdownString).value, /from the archive/);
  });

  test('typing elsewhere in the draft keeps the archive’s verdict shown while the archive is asked again', async () => {
    const api = await sourceCheck();
    const doc = await settledDraft(api);
    const settled = quoteOf(findingsOf(api, doc), 'northern pier');
    const firstStored = firstStoredAfterEdit(api, doc);
    const again = lookedUp(api, doc);
    await appendQuotation(doc, 'the ceasefire talks will go on');
    const local = await firstStored;
    const carried = quoteOf(local, 'northern pier');
    assert.strictEqual(carried.status, 'verified', 'not flashed back to unsourced');
    assert.deepStrictEqual([carried.start, carried.end, carried.line], [settled.start, settled.end, settled.line], 'in place');
    assert.strictEqual((await again).state, 'settled');
    assert.deepStrictEqual(quoteOf(findingsOf(api, doc), 'northern pier'), carried, 'the archive confirms what was shown');
  });

  test('typing elsewhere keeps a date the archive supported shown as supported while the archive is asked again', async () => {
    const api = await sourceCheck();
    await archiveSetting(cluster!.url);
    const dateOf = (findings: readonly Finding[]): Finding => {
      const f = findings.find(x => x.kind === 'date' && x.text.includes('June 3'));
      assert.ok(f, `a date finding: ${JSON.stringify(findings.map(x => [x.text, x.status]))}`);
      return f;
    };
    const doc = await untitledDraft(DATED_DRAFT);
    const first = lookedUp(api, doc);
    await checkedDraft(doc);
    assert.strictEqual((await first).state, 'settled');
    const settled = dateOf(findingsOf(api, doc));
    assert.strictEqual(settled.status, 'supported');
    const firstStored = firstStoredAfterEdit(api, doc);
    const again = lookedUp(api, doc);
    await appendQuotation(doc, 'the new timetable suits the island schools');
    const carried = dateOf(await firstStored);
    assert.strictEqual(carried.status, 'supported', 'not flashed back to unsupported');
    assert.strictEqual(carried.source?.path, 'source-check-archive:/ferry.txt');
    assert.deepStrictEqual([carried.start, carried.end, carried.line], [settled.start, settled.end, settled.line], 'in place');
    assert.strictEqual((await again).state, 'settled');
    assert.deepStrictEqual(dateOf(findingsOf(api, doc)), carried, 'the archive confirms what was shown');
  });

  test('a password in the setting is refused: one message that does not repeat it, and nothing is looked up', async () => {
    const api = await sourceCheck();
    const secret = 'hunter2-not-used';
    const reported = nextReport(api);
    await archiveSetting(cluster!.url.replace('postgres@', `postgres:${secret}@`));
    const message = await reported;
    assert.match(message, /holds a password/);
    assert.ok(!message.includes(secret), message);
    assert.strictEqual(api.archive.address, undefined, 'no archive is used');
    const doc = await untitledDraft(DRAFT);
    const findings = await checkedDraft(doc);
    assert.strictEqual(quoteOf(findings, 'northern pier').status, 'unsourced', 'the local verdict');
    assert.strictEqual(api.archive.wants(findings, api.sources.library.size), false);
    await archiveSetting(cluster!.url);
  });

  test('the archive is read again after a server restart', async () => {
    const api = await sourceCheck();
    const doc = await settledDraft(api);
    cluster!.restart();
    // A quotation not looked up before: the archive is asked again, on connections opened after the restart.
    const editor = vscode.window.activeTextEditor!;
    const again = lookedUp(api, doc);
    assert.ok(await editor.edit(b => b.insert(doc.positionAt(doc.getText().length), '\nShe said “the winter storms came early to the northern pier”.\n')));
    assert.strictEqual((await again).state, 'settled');
    assert.strictEqual(quoteOf(findingsOf(api, doc), 'every lantern').status, 'verified');
  });

  test('the password comes from PGPASSWORD or a password file (PGPASSFILE, ~/.pgpass), never from the setting', async () => {
    const api = await sourceCheck();
    const desk = await addPasswordRole(cluster!);
    const saved = { PGPASSWORD: process.env.PGPASSWORD, PGPASSFILE: process.env.PGPASSFILE };
    const passFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-pgpass-'));
    try {
      delete process.env.PGPASSWORD;
      process.env.PGPASSFILE = path.join(passFolder, 'none');
      const reported = nextReport(api);
      await archiveSetting(desk);
      const doc = await untitledDraft(DRAFT);
      const first = lookedUp(api, doc);
      await checkedDraft(doc);
      assert.strictEqual((await first).state, 'failed', 'no password anywhere: the server refuses');
      assert.match(await reported, /could not read the archive desk@/);
      assert.strictEqual(quoteOf(findingsOf(api, doc), 'northern pier').status, 'unsourced');

      process.env.PGPASSWORD = DESK_PASSWORD;
      const second = lookedUp(api, doc);
      await appendQuotation(doc, 'the pier lanterns were old');
      assert.strictEqual((await second).state, 'settled', 'PGPASSWORD');
      assert.strictEqual(quoteOf(findingsOf(api, doc), 'northern pier').status, 'verified');

      delete process.env.PGPASSWORD;
      const passFile = path.join(passFolder, 'pgpass');
      fs.writeFileSync(passFile, `127.0.0.1:${cluster!.port}:*:desk:${DESK_PASSWORD}\n`, { mode: 0o600 });
      process.env.PGPASSFILE = passFile;
      // Another spelling of the same archive: a new connection, which must find the password in the file.
      const third = lookedUp(api, doc);
      await archiveSetting(desk.replace('postgres://', 'postgresql://'));
      await appendQuotation(doc, 'the storms broke two lanterns');
      assert.strictEqual((await third).state, 'settled', 'PGPASSFILE');
    } finally {
      for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
      fs.rmSync(passFolder, { recursive: true, force: true });
      await archiveSetting(cluster!.url);
    }
  });

  test('a password kept in SecretStorage is sent to the archive it was stored for, and to no other', async () => {
    const desk = cluster!.url.replace('postgres@', 'desk@');
    const saved = { PGPASSWORD: process.env.PGPASSWORD, PGPASSFILE: process.env.PGPASSFILE };
    const log = vscode.window.createOutputChannel('Source Check archive test', { log: true });
    const secrets = memorySecrets();
    const lookups = new ArchiveLookups({ log, secrets, documents: new ArchivedDocuments(), connect: connectArchive });
    const settle = async (): Promise<{ outcome: ArchiveOutcome; stored?: Finding[] }> => {
      let stored: Finding[] | undefined;
      const outcome = new Promise<ArchiveOutcome>(resolve => { const sub = lookups.onDidFinish(o => { sub.dispose(); resolve(o); }); });
      await lookups.settle({
        uri: vscode.Uri.parse('untitled:secret-draft'), version: 1, library: new SourceLibrary(), text: DRAFT, options: {}, local: [],
        isCurrent: () => true, store: async findings => { stored = findings; },
      });
      return { outcome: await outcome, stored };
    };
    try {
      delete process.env.PGPASSWORD;
      process.env.PGPASSFILE = path.join(os.tmpdir(), 'source-check-no-such-pgpass');
      await archiveSetting(desk);
      await secrets.store(passwordKey(desk.replace('127.0.0.1', 'localhost')), DESK_PASSWORD);
      assert.strictEqual((await settle()).outcome.state, 'failed', 'a password stored for another connection string is not sent');
      await secrets.store(passwordKey(desk), DESK_PASSWORD);
      const { outcome, stored } = await settle();
      assert.strictEqual(outcome.state, 'settled');
      assert.strictEqual(quoteOf(stored ?? [], 'northern pier').status, 'verified');
    } finally {
      lookups.dispose();
      log.dispose();
      secrets.emitter.dispose();
      for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
      await archiveSetting(cluster!.url);
    }
  });

  test('Set Archive Password… dismissed stores nothing; Clear Archive Password says when none was stored', async () => {
    await sourceCheck();
    await archiveSetting(cluster!.url);
    let settled = false;
    const set = Promise.resolve(vscode.commands.executeCommand<boolean>(COMMANDS.setArchivePassword.id)).finally(() => { settled = true; });
    await waitUntil(async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return settled;
    }, 'the password box dismissed');
    assert.strictEqual(await set, false);
    assert.strictEqual(await vscode.commands.executeCommand<boolean>(COMMANDS.clearArchivePassword.id), false);
  });

  test('a server that never answers times out: one message, and the local verdicts are shown meanwhile', async () => {
    const api = await sourceCheck();
    const sockets: net.Socket[] = [];
    const silent = net.createServer(socket => { sockets.push(socket); });
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
    const reports: string[] = [];
    const sub = api.archive.onDidReport(m => reports.push(m));
    try {
      await archiveSetting(`postgres://desk@127.0.0.1:${(silent.address() as net.AddressInfo).port}/archive`);
      const doc = await untitledDraft(DRAFT);
      const outcome = lookedUp(api, doc);
      const local = await checkedDraft(doc);
      assert.strictEqual(quoteOf(local, 'northern pier').status, 'unsourced', 'the local verdict, shown before the archive answers');
      assert.strictEqual((await outcome).state, 'failed');
      assert.strictEqual(reports.length, 1, JSON.stringify(reports));
      assert.match(reports[0], /timeout|timed out/i);
      assert.strictEqual(quoteOf(findingsOf(api, doc), 'northern pier').status, 'unsourced');
    } finally {
      sub.dispose();
      for (const s of sockets) s.destroy();
      await new Promise(resolve => silent.close(resolve));
      await archiveSetting(cluster!.url);
    }
  });

  test('a look-up the server answered before it stopped, ending after another draft’s failed, is not the archive back: still one message', async () => {
    await archiveSetting(cluster!.url);
    const log = vscode.window.createOutputChannel('Source Check archive race test', { log: true });
    // The server as each query finds it: answering only when released, refusing, or answering at once.
    let server: 'slow' | 'down' | 'up' = 'slow';
    let release!: () => void;
    const released = new Promise<void>(resolve => { release = resolve; });
    let asked!: () => void;
    const slowQueryAsked = new Promise<void>(resolve => { asked = resolve; });
    const answer = async (): Promise<never[]> => {
      const state = server;
      if (state === 'down') throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      if (state === 'slow') { asked(); await released; }
      return [];
    };
    const reader: ArchiveReader = { candidates: answer, fetch: answer };
    const lookups = new ArchiveLookups({
      log, secrets: memorySecrets(), documents: new ArchivedDocuments(), connect: () => ({ reader, end: async () => undefined }),
    });
    const reports: string[] = [];
    const outcomes = new Map<string, ArchiveOutcome['state']>();
    const subs = [lookups.onDidReport(m => reports.push(m)), lookups.onDidFinish(o => outcomes.set(o.uri.path, o.state))];
    const settle = async (name: string): Promise<ArchiveOutcome['state'] | undefined> => {
      await lookups.settle({
        // One quotation, new to the archive's cache: one query.
        uri: vscode.Uri.parse(`untitled:${name}`), version: 1, library: new SourceLibrary(), text: `She said “the ${name} ferry sailed at dawn”.\n`,
        options: {}, local: [], isCurrent: () => true, store: async () => undefined,
      });
      return outcomes.get(name);
    };
    try {
      const answeredBeforeTheStop = settle('first-draft');
      await slowQueryAsked;
      server = 'down';
      assert.strictEqual(await settle('second-draft'), 'failed');
      release();
      assert.strictEqual(await answeredBeforeTheStop, 'settled');
      assert.strictEqual(lookups.state?.failing, true, 'an answer to a query sent before the failure is not a recovery');
      assert.strictEqual(await settle('third-draft'), 'failed');
      assert.strictEqual(reports.length, 1, `one message for one outage: ${JSON.stringify(reports)}`);

      server = 'up';
      assert.strictEqual(await settle('fourth-draft'), 'settled');
      assert.strictEqual(lookups.state?.failing, false, 'a look-up begun after the failure and answered is the archive back');
      server = 'down';
      assert.strictEqual(await settle('fifth-draft'), 'failed');
      assert.strictEqual(reports.length, 2, 'a new outage is told');
    } finally {
      release();
      for (const sub of subs) sub.dispose();
      lookups.dispose();
      log.dispose();
    }
  });

  test('the server stopped mid-session: one message, the local verdicts stand, and checking goes on', async () => {
    const api = await sourceCheck();
    const doc = await settledDraft(api);
    assert.strictEqual(quoteOf(findingsOf(api, doc), 'northern pier').status, 'verified');
    const reports: string[] = [];
    const sub = api.archive.onDidReport(m => reports.push(m));
    try {
      cluster!.stop();
      const editor = vscode.window.activeTextEditor!;
      for (const n of ['first', 'second', 'third']) {
        // Each edit adds a quotation the archive was never asked about, so each check must reach the server.
        const outcome = lookedUp(api, doc);
        assert.ok(await editor.edit(b => b.insert(doc.positionAt(doc.getText().length), `\nShe said “the ${n} harbour report was never published”.\n`)));
        assert.strictEqual((await outcome).state, 'failed', n);
        const findings = findingsOf(api, doc);
        assert.strictEqual(quoteOf(findings, 'northern pier').status, 'unsourced', `${n}: the local verdict stands`);
        assert.strictEqual(quoteOf(findings, 'large-scale ceasefire').status, 'misquote', n);
      }
      // Another setting changed meanwhile is not a new archive: no second message.
      await vscode.workspace.getConfiguration('sourceCheck').update('showVerified', false, vscode.ConfigurationTarget.Global);
      try {
        const outcome = lookedUp(api, doc);
        await appendQuotation(doc, 'the fourth harbour report was lost');
        assert.strictEqual((await outcome).state, 'failed', 'after another setting changed');
      } finally {
        await vscode.workspace.getConfiguration('sourceCheck').update('showVerified', undefined, vscode.ConfigurationTarget.Global);
      }
      assert.strictEqual(reports.length, 1, `one message, not one per check: ${JSON.stringify(reports)}`);
      assert.match(api.status.detail ?? '', /the archive .* cannot be read$/, 'the status says so too');
      assert.match(reports[0], /could not read the archive .*local sources only/s);
    } finally {
      sub.dispose();
    }
  });
});
