import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { referenceOf } from '../../../src/core/check';
import type { Finding } from '../../../src/core/findings';
import { DraftChecker } from '../../../src/extension/draftChecker';
import { FindingsStore } from '../../../src/extension/findingsStore';
import { IgnoreList } from '../../../src/extension/ignoreList';
import { SnapshotStore } from '../../../src/extension/snapshotStore';
import { SourceIndex, type IndexProgress } from '../../../src/extension/sourceIndex';
import { sourceCheck, untitledDraft, waitUntil, workspaceRoot } from './helpers';

/** The real news corpus beside the project (read at run time, never copied). */
const BBC = path.resolve(__dirname, '../../../../../shared/corpus/bbc');

/** The tests run the TypeScript output, which has no build hash: they name an engine of their own. */
const ENGINE = 'integration-test';

/** Resolves with the draft's findings once a checker stored them. */
function findingsOf(store: FindingsStore, uri: vscode.Uri): Promise<readonly Finding[]> {
  return new Promise(resolve => {
    const now = store.get(uri);
    if (now) { resolve(now.findings); return; }
    const sub = store.onDidChange(() => {
      const entry = store.get(uri);
      if (entry) { sub.dispose(); resolve(entry.findings); }
    });
  });
}

suite('The index kept on disk', () => {
  test('a re-opened window restores the BBC library from its snapshot, reads no source again, and underlines at once', async function () {
    this.timeout(240000);
    if (!fs.existsSync(BBC)) { this.skip(); return; }
    const api = await sourceCheck();
    const files = fs.readdirSync(BBC, { recursive: true }).filter(f => /\.txt$/i.test(String(f))).length;
    const config = vscode.workspace.getConfiguration('sourceCheck');
    const original = config.inspect<string[]>('sources')?.workspaceValue;
    const storage = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-storage-')));
    const log = vscode.window.createOutputChannel('Source Check snapshot test', { log: true });
    const disposables: vscode.Disposable[] = [log];
    try {
      // The extension's own index reads the new sources too; the figures below are taken once it has settled
      // (indexed, its open drafts checked, its snapshot saved), as a re-opened window would find its host.
      const settled = new Promise<void>(resolve => { const sub = api.sources.onDidSave(() => { sub.dispose(); resolve(); }); });
      await config.update('sources', [path.relative(workspaceRoot().fsPath, BBC)], vscode.ConfigurationTarget.Workspace);
      await waitUntil(async () => { await api.sources.ready; return api.sources.library.size === files; }, `${files} sources indexed`, 120000);
      await settled;
      // The first window: indexes every source, with progress, and saves the index.
      const first = new SourceIndex({ log, snapshots: new SnapshotStore(storage, log, ENGINE) });
      disposables.push(first);
      const seen: Array<IndexProgress | undefined> = [];
      disposables.push(first.onDidProgress(p => seen.push(p)));
      const firstStarted = Date.now();
      await first.reload();
      const firstIndexed = Date.now() - firstStarted;
      assert.strictEqual(first.library.size, files);
      assert.deepStrictEqual([first.lastLoad?.restored, first.lastLoad?.read], [0, files]);
      assert.ok(seen.some(p => p && p.total === files && p.done > 0 && p.done < files), 'progress while indexing');
      assert.strictEqual(seen[seen.length - 1], undefined, 'progress ends when indexing ends');
      assert.strictEqual(first.progress, undefined);
      // A draft was checked in that window (today's drafts: relative dates of undated sources read against today).
      await first.prepare(referenceOf('', false, {}).date, false);
      // A temporary file left by a window that closed while it wrote goes with the next save; a fresh one stays.
      const stale = path.join(storage.fsPath, 'library.snapshot.dead1.tmp');
      const fresh = path.join(storage.fsPath, 'library.snapshot.live1.tmp');
      fs.writeFileSync(stale, 'x');
      fs.writeFileSync(fresh, 'x');
      fs.utimesSync(stale, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
      const bytes = await first.save();
      assert.ok(bytes > 0, 'the index is saved');
      assert.deepStrictEqual([fs.existsSync(stale), fs.existsSync(fresh)], [false, true]);
      fs.rmSync(fresh);

      // The re-opened window: a new index over the same storage, a checker, and a draft quoting a source.
      const article = fs.readFileSync(path.join(BBC, 'business/001.txt'), 'utf8').split('\n').find(l => l.split(' ').length > 20)!;
      const quote = article.split(' ').slice(3, 14).join(' ');
      const started = Date.now();
      const second = new SourceIndex({ log, snapshots: new SnapshotStore(storage, log, ENGINE) });
      const store = new FindingsStore();
      const ignores = new IgnoreList({ log });
      const checker = new DraftChecker({ sources: second, store, ignores, log });
      disposables.push(second, store, ignores, checker);
      let restored = 0;
      void second.reload().then(() => { restored = Date.now() - started; });
      const draft = await untitledDraft(`The report said “${quote}” last year.\n`);
      const findings = await findingsOf(store, draft.uri);
      const firstUnderline = Date.now() - started;
      assert.strictEqual(findings.find(f => f.kind === 'quote')?.status, 'verified', quote);
      assert.deepStrictEqual([second.lastLoad?.restored, second.lastLoad?.read], [files, 0], 'every source came from the snapshot');
      assert.strictEqual(second.library.size, files);
      console.log(`      (${files} sources: first window indexed them in ${firstIndexed} ms and saved ${(bytes / 1024 / 1024).toFixed(1)} MB; `
        + `re-opened, the sources were restored and checked against their files in ${restored} ms, and the first check's findings `
        + `came ${firstUnderline} ms after the index was created, no source read again)`);

      // Re-index Sources reads every source again, snapshot or not.
      await second.reload({ everything: true });
      assert.deepStrictEqual([second.lastLoad?.restored, second.lastLoad?.read], [0, files]);

      // A snapshot that is corrupt is not used: the sources are read again, and the verdict is the same.
      const file = vscode.Uri.joinPath(storage, 'library.snapshot');
      const broken = await vscode.workspace.fs.readFile(file);
      broken[broken.length >> 1] ^= 0xff;
      await vscode.workspace.fs.writeFile(file, broken);
      const third = new SourceIndex({ log, snapshots: new SnapshotStore(storage, log, ENGINE) });
      disposables.push(third);
      await third.reload();
      assert.deepStrictEqual([third.lastLoad?.restored, third.lastLoad?.read], [0, files]);
    } finally {
      for (const d of disposables.reverse()) d.dispose();
      await config.update('sources', original, vscode.ConfigurationTarget.Workspace);
      await waitUntil(async () => { await api.sources.ready; return api.sources.library.size === 2; }, 'the sample sources back', 120000);
      fs.rmSync(storage.fsPath, { recursive: true, force: true });
    }
  });
});
