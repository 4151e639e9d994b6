import * as assert from 'assert';
import * as vscode from 'vscode';
import { checkDraft } from '../../../src/core/check';
import { DraftChecker } from '../../../src/extension/draftChecker';
import { registerDraftsNotice } from '../../../src/extension/draftsNotice';
import { FindingsStore } from '../../../src/extension/findingsStore';
import { IgnoreList } from '../../../src/extension/ignoreList';
import { registerNoSourcesNotice } from '../../../src/extension/noSources';
import { SourceIndex } from '../../../src/extension/sourceIndex';
import { checkedDraft, sourceCheck, untitledDraft, waitUntil, workspaceRoot } from './helpers';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

suite('A draft is never its own source', () => {
  test('Choose Folder… on the workspace root leaves the open draft out of the sources, says so once, and the draft is still checked', async () => {
    const api = await sourceCheck();
    const root = workspaceRoot();
    const config = vscode.workspace.getConfiguration('sourceCheck');
    const original = config.inspect<string[]>('sources')?.workspaceValue;
    const draftUri = vscode.Uri.joinPath(root, 'root-draft.md');
    const sourceUri = vscode.Uri.joinPath(root, 'root-source.txt');
    await vscode.workspace.fs.writeFile(draftUri, encode('The mayor said that “the river rose past the old mill before dawn” on Monday.\n'));
    await vscode.workspace.fs.writeFile(sourceUri, encode('The mayor said: "The river rose past the old mill before dawn," and left.\n'));
    const shown: string[] = [];
    const ui = {
      showInformationMessage: async (message: string, ...items: string[]) => { shown.push(message); return items[0]; },
      showOpenDialog: async () => [root],
    };
    const notices = [registerNoSourcesNotice({ sources: api.sources, ui, drafts: api.drafts }), registerDraftsNotice({ sources: api.sources, ui })];
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const doc = await vscode.workspace.openTextDocument(draftUri);
      await vscode.window.showTextDocument(doc);
      await config.update('sources', ['no-such-folder'], vscode.ConfigurationTarget.Workspace);
      await waitUntil(() => shown.some(m => /needs your source articles/.test(m)), 'the no-sources message, answered with the workspace root');
      await waitUntil(async () => { await api.sources.ready; return api.sources.isSource(sourceUri); }, 'the root indexed');
      assert.ok(!api.sources.isSource(draftUri), 'the draft is not a source');
      const told = shown.filter(m => m.includes('root-draft.md'));
      assert.deepStrictEqual(told, ['Source Check does not use root-draft.md as a source: it is a draft you are checking, and a draft is never checked against itself.']);
      const quote = (await checkedDraft(doc)).find(f => f.kind === 'quote');
      assert.strictEqual(quote?.status, 'verified', 'the draft is checked, against the root’s source');
      assert.ok(quote.source?.path.endsWith('root-source.txt'));
      await api.sources.reload();
      assert.strictEqual(shown.filter(m => m.includes('root-draft.md')).length, 1, 'told once');
    } finally {
      for (const n of notices) n.dispose();
      await config.update('sources', original, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(draftUri);
      await vscode.workspace.fs.delete(sourceUri);
      await waitUntil(async () => { await api.sources.ready; return api.sources.library.size === 2; }, 'the sample sources back');
    }
  });

  test('a draft typed into stays a draft when the sources setting comes to name its folder', async () => {
    const api = await sourceCheck();
    const root = workspaceRoot();
    const config = vscode.workspace.getConfiguration('sourceCheck');
    const original = config.inspect<string[]>('sources')?.workspaceValue;
    const draftUri = vscode.Uri.joinPath(root, 'typed-draft.md');
    await vscode.workspace.fs.writeFile(draftUri, encode('A first line.\n'));
    try {
      const doc = await vscode.workspace.openTextDocument(draftUri);
      const editor = await vscode.window.showTextDocument(doc);
      assert.ok(await editor.edit(b => b.insert(doc.positionAt(doc.getText().length), 'He said “we will see” later.\n')));
      await config.update('sources', ['.'], vscode.ConfigurationTarget.Workspace);
      await api.sources.reload();
      assert.ok(!api.sources.isSource(draftUri), 'typed into: a draft');
      assert.ok(await api.checker.check(doc), 'checked as a draft');
    } finally {
      await config.update('sources', original, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(draftUri);
      await waitUntil(async () => { await api.sources.ready; return api.sources.library.size === 2; }, 'the sample sources back');
    }
  });

  test('a new, empty file in a sources folder becomes a draft when typed into, and is told once', async () => {
    const api = await sourceCheck();
    const root = workspaceRoot();
    const config = vscode.workspace.getConfiguration('sourceCheck');
    const original = config.inspect<string[]>('sources')?.workspaceValue;
    const draftUri = vscode.Uri.joinPath(root, 'new-draft.md');
    const shown: string[] = [];
    const notice = registerDraftsNotice({ sources: api.sources, ui: { showInformationMessage: async (m: string) => { shown.push(m); return undefined; } } });
    try {
      await config.update('sources', ['.'], vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.writeFile(draftUri, new Uint8Array());
      await waitUntil(async () => { await api.sources.ready; return api.sources.isSource(draftUri); }, 'the empty file indexed as a source');
      const doc = await vscode.workspace.openTextDocument(draftUri);
      const editor = await vscode.window.showTextDocument(doc);
      assert.ok(await editor.edit(b => b.insert(new vscode.Position(0, 0), 'Peskov said “there are many questions.”\n')));
      assert.ok(!api.sources.isSource(draftUri), 'typed into: a draft at once');
      assert.ok(await api.checker.check(doc), 'checked as a draft');
      // Only this test's draft: the notice registered here may also hear of an earlier test's draft still on disk.
      const aboutThisDraft = (): string[] => shown.filter(m => m.includes('new-draft.md'));
      assert.deepStrictEqual(aboutThisDraft(), ['Source Check does not use new-draft.md as a source: it is a draft you are checking, and a draft is never checked against itself.']);
      await doc.save();
      await api.sources.reload();
      assert.ok(!api.sources.isSource(draftUri), 'saved and re-read: still a draft');
      assert.strictEqual(aboutThisDraft().length, 1, 'told once');
    } finally {
      notice.dispose();
      await config.update('sources', original, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(draftUri);
      await waitUntil(async () => { await api.sources.ready; return api.sources.library.size === 2; }, 'the sample sources back');
    }
  });
});

suite('Restricted mode (workspace trust)', () => {
  test('the manifest declares untrusted-workspace support, with the sources and archive settings restricted, and virtual-workspace support', () => {
    const ext = vscode.extensions.getExtension('source-check.source-check')!;
    const capabilities = ext.packageJSON.capabilities as {
      untrustedWorkspaces: { supported: unknown; restrictedConfigurations: string[]; description: string };
      virtualWorkspaces: { supported: unknown; description: string };
    };
    assert.strictEqual(capabilities.untrustedWorkspaces.supported, 'limited');
    // An untrusted workspace could otherwise point the archive (and PGPASSWORD with it) at a server of its choosing.
    assert.deepStrictEqual(capabilities.untrustedWorkspaces.restrictedConfigurations, ['sourceCheck.sources', 'sourceCheck.archive']);
    assert.strictEqual(capabilities.virtualWorkspaces.supported, true);
  });

  // This window is trusted; the restricted-mode run (test/integration/restricted/) opens a real untrusted one. Here
  // both modes are compared over the same setting: a source index told the workspace is not trusted, and one told it is.
  test('an untrusted workspace reads only the sources inside it, and drafts are checked against them', async () => {
    const api = await sourceCheck();
    const root = workspaceRoot();
    const config = vscode.workspace.getConfiguration('sourceCheck');
    const original = config.inspect<string[]>('sources')?.workspaceValue;
    const inside = vscode.Uri.joinPath(root, 'restricted-sources', 'inside.txt');
    await vscode.workspace.fs.writeFile(inside, encode('The minister said: "Every harbour will reopen by the spring," on Friday.\n'));
    const log = vscode.window.createOutputChannel('Source Check restricted test', { log: true });
    const restricted = new SourceIndex({ log, isTrusted: () => false });
    const trusted = new SourceIndex({ log, isTrusted: () => true });
    const store = new FindingsStore();
    const ignores = new IgnoreList({ log });
    const checker = new DraftChecker({ sources: restricted, store, ignores, log });
    try {
      await config.update('sources', ['../seeds', 'restricted-sources/**', 'restricted-sources/../../seeds'], vscode.ConfigurationTarget.Workspace);
      await Promise.all([restricted.reload(), trusted.reload()]);
      const names = (index: SourceIndex): string[] => index.library.documents.map(d => d.path.split('/').slice(-2).join('/')).sort();
      assert.deepStrictEqual(names(restricted), ['restricted-sources/inside.txt'], 'only the source inside the workspace');
      assert.strictEqual(names(trusted).length, 3, `trusted: the seeds too (${names(trusted).join(', ')})`);
      const doc = await untitledDraft('The minister promised that “every harbour will reopen by the spring” this year.');
      assert.ok(await checker.check(doc));
      const quote = store.get(doc.uri)?.findings.find(f => f.kind === 'quote');
      assert.strictEqual(quote?.status, 'verified');
      assert.strictEqual(checkDraft(restricted.library, 'Peskov said “there are many questions.”').find(f => f.kind === 'quote')?.status, 'unsourced',
        'the seeds outside the workspace are not read');
    } finally {
      for (const d of [checker, ignores, store, restricted, trusted, log]) d.dispose();
      await config.update('sources', original, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, 'restricted-sources'), { recursive: true });
      await waitUntil(async () => { await api.sources.ready; return api.sources.library.size === 2; }, 'the sample sources back');
    }
  });
});
