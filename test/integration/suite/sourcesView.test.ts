import * as assert from 'assert';
import * as vscode from 'vscode';
import { IGNORE_FILE } from '../../../src/core/ignore';
import { SourceLibrary } from '../../../src/core/sources/library';
import { addAsSource, removeSource } from '../../../src/extension/sourceActions';
import { SourceIndex } from '../../../src/extension/sourceIndex';
import { RANGE_SIZE, SourcesTree as Tree } from '../../../src/extension/sourcesTree';
import type { SourceNode, SourcesTree } from '../../../src/extension/sourcesTree';
import { checkedDraft, openDraft, sourceCheck, waitUntil, workspaceRoot } from './helpers';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const SEEDS = ['putin-direct-negotiations-istanbul-may-15.txt', 'putin-proposes-istanbul-talks-translated.txt'];

/** The children of the root section `section` (undefined when the view does not show it). */
async function section(tree: SourcesTree, name: string): Promise<SourceNode[] | undefined> {
  const node = (await tree.getChildren()).find(n => n.kind === 'section' && n.section === name);
  return node && tree.getChildren(node);
}

/** Every source item under the "Indexed sources" section, folder by folder. */
async function sourceItems(tree: SourcesTree): Promise<Array<{ folder: string; node: SourceNode; item: vscode.TreeItem }>> {
  const out: Array<{ folder: string; node: SourceNode; item: vscode.TreeItem }> = [];
  for (const folder of (await section(tree, 'indexed')) ?? []) {
    const label = String(tree.getTreeItem(folder).label);
    for (const node of await tree.getChildren(folder)) out.push({ folder: label, node, item: tree.getTreeItem(node) });
  }
  return out;
}

suite('The Sources view', () => {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('sourceCheck');
  let originalSources: string[] | undefined;

  suiteSetup(async () => {
    originalSources = config().inspect<string[]>('sources')?.workspaceValue;
    await (await sourceCheck()).sources.ready;
  });
  teardown(async () => {
    const { sources } = await sourceCheck();
    await config().update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('sources', originalSources, vscode.ConfigurationTarget.Workspace);
    // The settings write re-indexes only when it changed something: wait for the state, not for an event.
    await waitUntil(async () => { await sources.ready; return sources.library.documents.map(d => d.path.slice(d.path.lastIndexOf('/') + 1)).join() === SEEDS.join(); },
      'the seeds alone indexed again');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('lists the indexed seeds under their folder: the file name when there is no title, the word count, a click opens the file', async () => {
    const { sourcesTree: tree, sources } = await sourceCheck();
    const items = await sourceItems(tree);
    assert.deepStrictEqual(items.map(i => [i.folder, i.item.label]), SEEDS.map(name => ['../seeds', name]));
    for (const { node, item } of items) {
      assert.ok(node.kind === 'source');
      const words = sources.library.wordsIn(node.uri.toString());
      assert.ok(words > 100, `${node.uri.path}: ${words} words`);
      assert.strictEqual(item.description, `${words.toLocaleString('en')} words`);
      assert.strictEqual(item.contextValue, 'sourceCheck.source');
      assert.strictEqual(item.command?.command, 'vscode.open');
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), node.uri.toString());
    }
    assert.strictEqual(await section(tree, 'removed'), undefined, 'nothing removed: no such section');
  });

  test('Remove from Sources records an exclusion (the file stays), the view lists it, and Include Again takes it back', async () => {
    const { sourcesTree: tree, sources } = await sourceCheck();
    const first = (await sourceItems(tree))[0].node;
    assert.ok(first.kind === 'source');
    const entry = await vscode.commands.executeCommand<string>('sourceCheck.removeSource', first);
    assert.strictEqual(entry, `../seeds/${SEEDS[0]}`);
    assert.deepStrictEqual(config().get('exclude'), [entry]);
    assert.ok(!sources.isSource(first.uri), 'no longer a source');
    assert.ok((await vscode.workspace.fs.stat(first.uri)).size > 0, 'the file is untouched');
    assert.deepStrictEqual((await sourceItems(tree)).map(i => i.item.label), [SEEDS[1]]);
    const removed = await section(tree, 'removed');
    assert.ok(removed?.length === 1 && removed[0].kind === 'removed');
    assert.strictEqual(tree.getTreeItem(removed[0]).label, entry);
    assert.strictEqual(tree.getTreeItem(removed[0]).contextValue, 'sourceCheck.removed');

    assert.strictEqual(await vscode.commands.executeCommand('sourceCheck.includeSource', removed[0]), true);
    assert.deepStrictEqual(config().get('exclude'), []);
    assert.ok(sources.isSource(first.uri), 'a source again');
    assert.deepStrictEqual((await sourceItems(tree)).map(i => i.item.label), SEEDS);
    assert.strictEqual(await section(tree, 'removed'), undefined);
  });

  test('the message after Remove from Sources offers Undo, which makes the file a source again', async () => {
    const api = await sourceCheck();
    const first = (await sourceItems(api.sourcesTree))[0].node;
    assert.ok(first.kind === 'source');
    const shown: Array<{ message: string; items: string[] }> = [];
    const answer = async (message: string, ...items: string[]): Promise<string | undefined> => { shown.push({ message, items }); return items[0]; };
    const ui = { showInformationMessage: answer, showWarningMessage: answer } as unknown as typeof vscode.window;
    const back = new Promise<void>(resolve => { const sub = api.sources.onDidChange(() => { if (api.sources.isSource(first.uri)) { sub.dispose(); resolve(); } }); });
    assert.strictEqual(await removeSource({ sources: api.sources, ignores: api.ignores, drafts: api.drafts, ui }, first), `../seeds/${SEEDS[0]}`);
    await back;
    assert.deepStrictEqual(shown, [{ message: `../seeds/${SEEDS[0]} is no longer a source. The file is untouched: it is listed in the setting sourceCheck.exclude, and Undo (or Include Again in the Sources view) uses it again.`, items: ['Undo'] }]);
    assert.deepStrictEqual(config().get('exclude'), []);
  });

  test('a source removed while open in a tab is not checked as a draft; the draft is checked against the sources left', async () => {
    const api = await sourceCheck();
    const first = (await sourceItems(api.sourcesTree))[0].node;
    assert.ok(first.kind === 'source');
    const draft = await openDraft();
    const before = await checkedDraft(draft);
    const source = await vscode.workspace.openTextDocument(first.uri);
    await vscode.window.showTextDocument(source);
    assert.strictEqual(await api.checker.check(source), false, 'a source is not a draft');
    await vscode.commands.executeCommand('sourceCheck.removeSource', first);
    assert.ok(!api.sources.isSource(first.uri), 'no longer a source');
    assert.strictEqual(await api.checker.check(source), false, 'a removed source is not a draft either');
    assert.strictEqual(api.store.get(source.uri), undefined);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(source.uri), []);
    const after = await checkedDraft(draft);
    assert.notStrictEqual(after.map(f => f.status).join(), before.map(f => f.status).join(), 'the draft\'s findings change');
  });

  test('before its first listing (a window re-opened on a saved index), a file the exclude setting names is not a draft', async () => {
    const api = await sourceCheck();
    const seed = vscode.Uri.parse(api.sources.library.documents[0].path);
    await config().update('exclude', [`../seeds/${SEEDS[0]}`], vscode.ConfigurationTarget.Workspace);
    const fresh = new SourceIndex({ log: vscode.window.createOutputChannel('Source Check listing test', { log: true }), drafts: api.drafts });
    try {
      assert.ok(fresh.isSourceFile(seed), 'named by sourceCheck.exclude');
      assert.ok(!fresh.isSourceFile(vscode.Uri.joinPath(workspaceRoot(), 'draft.md')), 'the draft is a draft');
      assert.ok(!fresh.isSourceFile(vscode.Uri.parse(api.sources.library.documents[1].path)), 'neither listed nor excluded: not known yet');
    } finally {
      fresh.dispose();
    }
  });

  test('Remove from Sources on a folder leaves out all its files', async () => {
    const { sourcesTree: tree, sources } = await sourceCheck();
    const folder = (await section(tree, 'indexed'))?.[0];
    assert.ok(folder?.kind === 'folder');
    const seed = await vscode.workspace.openTextDocument(vscode.Uri.parse(sources.library.documents[0].path));
    await vscode.window.showTextDocument(seed);
    assert.strictEqual(await vscode.commands.executeCommand('sourceCheck.removeSource', folder), '../seeds');
    assert.strictEqual(sources.library.size, 0);
    assert.deepStrictEqual(await section(tree, 'indexed'), undefined);
    assert.strictEqual(await (await sourceCheck()).checker.check(seed), false, 'a file of the removed folder, open in a tab, is not a draft');
  });

  test('with no source, nothing removed and nothing ignored, the view is empty (VS Code shows its welcome)', async () => {
    const { sourcesTree: tree, sources } = await sourceCheck();
    const emptied = new Promise<void>(resolve => { const sub = sources.onDidChange(() => { if (!sources.library.size) { sub.dispose(); resolve(); } }); });
    await config().update('sources', ['no-such-folder'], vscode.ConfigurationTarget.Workspace);
    await emptied;
    assert.deepStrictEqual(await tree.getChildren(), []);
  });

  test('Add as Source on a folder adds it to sourceCheck.sources and indexes it, with its title, outlet and date', async () => {
    const { sourcesTree: tree, sources } = await sourceCheck();
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'added-sources');
    const file = vscode.Uri.joinPath(folder, 'statement.md');
    await vscode.workspace.fs.writeFile(file, encode('---\ntitle: Mayor on the flood\noutlet: The Valley Times\ndate: 2025-05-02\n---\nThe mayor said: "The river rose past the old mill before dawn."\n'));
    try {
      assert.deepStrictEqual(await vscode.commands.executeCommand('sourceCheck.addAsSource', folder), ['added-sources']);
      assert.deepStrictEqual(config().get('sources'), [...(originalSources ?? []), 'added-sources']);
      assert.ok(sources.isSource(file));
      const added = (await sourceItems(tree)).find(i => i.folder === 'added-sources');
      assert.strictEqual(added?.item.label, 'Mayor on the flood');
      assert.strictEqual(added?.item.description, `The Valley Times · 2025-05-02 · ${sources.library.wordsIn(file.toString())} words`);
      assert.strictEqual(await vscode.commands.executeCommand('sourceCheck.revealSource', added?.node), true, 'inside the workspace: shown in the Explorer');
      const seed = (await sourceItems(tree)).find(i => i.folder === '../seeds');
      assert.strictEqual(await vscode.commands.executeCommand('sourceCheck.revealSource', seed?.node), false, 'beside the workspace: named in a message instead');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  test('files that could not be read are listed with the reason', async () => {
    const { sourcesTree: tree, sources } = await sourceCheck();
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'binary-sources');
    const file = vscode.Uri.joinPath(folder, 'scan.txt');
    await vscode.workspace.fs.writeFile(file, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0]));
    try {
      assert.deepStrictEqual(await vscode.commands.executeCommand('sourceCheck.addAsSource', folder), ['binary-sources']);
      assert.ok(!sources.isSource(file));
      const skipped = await section(tree, 'skipped');
      const node = skipped?.find(n => n.kind === 'skipped' && n.uri.toString() === file.toString());
      assert.ok(node, 'the binary file is listed as skipped');
      const item = tree.getTreeItem(node);
      assert.strictEqual(item.label, 'scan.txt');
      assert.match(String(item.description), /binary/i);
      assert.strictEqual(item.contextValue, 'sourceCheck.skipped');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  test('a folder holding one source says "1 source"', async () => {
    const library = new SourceLibrary();
    library.addFile('file:///desk/only.txt', encode('Story\nThe council met on Monday.\n'));
    const tree = new Tree({ library, ignored: async () => [] });
    const [indexed] = await tree.getChildren();
    const [folder] = await tree.getChildren(indexed);
    assert.strictEqual(tree.getTreeItem(folder).description, '1 source');
  });

  test('a folder of 21,000 sources is listed in ranges of 1,000, each opened quickly', async () => {
    const library = new SourceLibrary();
    const total = 21_000;
    for (let i = 0; i < total; i++) library.addFile(`file:///archive/${String(i).padStart(5, '0')}.txt`, encode(`Story ${i}\nThe council met on Monday.\n`));
    const tree = new Tree({ library, ignored: async () => [] });
    const started = performance.now();
    const [indexed] = await tree.getChildren();
    const [folder] = await tree.getChildren(indexed);
    assert.strictEqual(tree.getTreeItem(folder).description, '21,000 sources');
    const ranges = await tree.getChildren(folder);
    assert.strictEqual(ranges.length, total / RANGE_SIZE);
    assert.strictEqual(tree.getTreeItem(ranges[1]).label, '1,001–2,000');
    assert.strictEqual(tree.getTreeItem(ranges[1]).description, '01000.txt … 01999.txt');
    const last = await tree.getChildren(ranges[ranges.length - 1]);
    assert.strictEqual(last.length, RANGE_SIZE);
    assert.strictEqual(tree.getTreeItem(last[last.length - 1]).label, 'Story 20999');
    const ms = performance.now() - started;
    console.log(`      21,000 sources: root, folder, ranges and one range's items in ${ms.toFixed(0)} ms`);
    assert.ok(ms < 2000, `${ms} ms`);
    tree.dispose();
  });

  test('Add as Source refuses the folder holding the draft being checked, in one plain message, and writes nothing', async () => {
    const api = await sourceCheck();
    await openDraft();
    const refused = await vscode.commands.executeCommand<string[]>('sourceCheck.addAsSource', workspaceRoot());
    assert.deepStrictEqual(refused, []);
    assert.deepStrictEqual(config().inspect('sources')?.workspaceValue, originalSources);
    const shown: string[] = [];
    const say = async (message: string): Promise<undefined> => { shown.push(message); return undefined; };
    const ui = { showInformationMessage: say, showWarningMessage: say } as unknown as typeof vscode.window;
    assert.deepStrictEqual(await addAsSource({ sources: api.sources, ignores: api.ignores, drafts: api.drafts, ui }, workspaceRoot()), []);
    assert.deepStrictEqual(await addAsSource({ sources: api.sources, ignores: api.ignores, drafts: api.drafts, ui }, vscode.Uri.joinPath(workspaceRoot(), 'draft.md')), []);
    assert.deepStrictEqual(shown, [
      '. is not added as a source: it holds draft.md, a draft you are checking, and a draft is never checked against itself. Put the sources in a folder of their own.',
      'draft.md is not added as a source: it is a draft you are checking, and a draft is never checked against itself.',
    ]);
    assert.deepStrictEqual(config().inspect('sources')?.workspaceValue, originalSources);
  });

  test('Add as Source in restricted mode writes the setting and says that it applies once the workspace is trusted', async () => {
    const api = await sourceCheck();
    const shown: string[] = [];
    const say = async (message: string): Promise<undefined> => { shown.push(message); return undefined; };
    const ui = { showInformationMessage: say, showWarningMessage: say } as unknown as typeof vscode.window;
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'untrusted-sources');
    await vscode.workspace.fs.createDirectory(folder);
    try {
      const deps = { sources: api.sources, ignores: api.ignores, drafts: api.drafts, ui, isTrusted: () => false };
      assert.deepStrictEqual(await addAsSource(deps, folder), ['untrusted-sources']);
      assert.deepStrictEqual(config().inspect('sources')?.workspaceValue, [...(originalSources ?? []), 'untrusted-sources']);
      assert.deepStrictEqual(shown, ['untrusted-sources is added to the workspace\'s sources, which VS Code applies only once you trust this workspace: until then, Source Check reads the sources named in your user settings.']);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  test('Add as Source on a file that is already a source says so and writes nothing', async () => {
    const api = await sourceCheck();
    const shown: string[] = [];
    const say = async (message: string): Promise<undefined> => { shown.push(message); return undefined; };
    const ui = { showInformationMessage: say, showWarningMessage: say } as unknown as typeof vscode.window;
    const seed = api.sources.library.documents[0];
    const entry = `../seeds/${SEEDS[0]}`;
    assert.deepStrictEqual(await addAsSource({ sources: api.sources, ignores: api.ignores, drafts: api.drafts, ui }, vscode.Uri.parse(seed.path)), [entry]);
    assert.deepStrictEqual(shown, [`${entry} is already among the sources.`]);
    assert.deepStrictEqual(config().inspect('sources')?.workspaceValue, originalSources);
  });

  test('the ignored findings are listed, and Un-ignore writes the ignore file and shows the finding again', async () => {
    const { sourcesTree: tree, ignores } = await sourceCheck();
    const ignoreFile = vscode.Uri.joinPath(workspaceRoot(), IGNORE_FILE);
    const doc = await openDraft();
    const flagged = (await checkedDraft(doc)).find(f => f.kind === 'quote' && f.status !== 'verified');
    assert.ok(flagged, 'the sample draft has a flagged quotation');
    try {
      assert.ok(await vscode.commands.executeCommand('sourceCheck.ignoreFinding', doc.uri, flagged));
      assert.ok(!(await checkedDraft(doc)).some(f => f.text === flagged.text), 'ignored');
      const listed = await section(tree, 'ignored');
      assert.ok(listed?.length === 1 && listed[0].kind === 'ignored');
      const item = tree.getTreeItem(listed[0]);
      assert.strictEqual(item.label, `“${flagged.text}”`);
      assert.match(String(item.description), new RegExp(`^${flagged.status} · draft\\.md · \\d{4}-\\d{2}-\\d{2}$`));
      const changed = new Promise<void>(resolve => { const sub = ignores.onDidChange(() => { sub.dispose(); resolve(); }); });
      assert.strictEqual(await vscode.commands.executeCommand('sourceCheck.unignoreFinding', listed[0]), true);
      await changed;
      const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(ignoreFile))) as { version: number; ignored: unknown[] };
      assert.deepStrictEqual(saved, { version: 1, ignored: [] });
      assert.strictEqual(await section(tree, 'ignored'), undefined);
      assert.ok((await checkedDraft(doc)).some(f => f.text === flagged.text && f.status === flagged.status), 'shown again');
    } finally {
      await vscode.workspace.fs.delete(ignoreFile).then(undefined, () => undefined);
    }
  });
});
