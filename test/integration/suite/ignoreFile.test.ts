import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Finding } from '../../../src/core/findings';
import { IGNORE_FILE } from '../../../src/core/ignore';
import { IgnoreList, type IgnoreListDeps } from '../../../src/extension/ignoreList';
import { workspaceRoot } from './helpers';

const finding = (text: string): Finding => ({ kind: 'quote', status: 'unsourced', start: 0, end: text.length, line: 1, column: 1, text, message: '' });

/** A message box that records what it was asked and answers with `answer`. */
function fakeUi(answer?: string): NonNullable<IgnoreListDeps['ui']> & { shown: Array<{ message: string; items: string[] }> } {
  const shown: Array<{ message: string; items: string[] }> = [];
  return { shown, showWarningMessage: (message: string, ...items: string[]) => { shown.push({ message, items }); return Promise.resolve(answer); } };
}

suite('The shared ignore file', () => {
  let log: vscode.LogOutputChannel;
  const lists: IgnoreList[] = [];
  const ignoreFile = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), IGNORE_FILE);
  const draft = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'ignored-draft.md');
  const list = (deps: Partial<IgnoreListDeps> = {}): IgnoreList => {
    const made = new IgnoreList({ log, ui: fakeUi(), ...deps });
    lists.push(made);
    return made;
  };
  const onDisk = async (): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(ignoreFile()));
  const write = (text: string): Thenable<void> => vscode.workspace.fs.writeFile(ignoreFile(), new TextEncoder().encode(text));
  /** The ignore file's document once it holds `text` (a document kept from an earlier test catches up with the disk). */
  const documentHolding = async (text: string): Promise<vscode.TextDocument> => {
    const doc = await vscode.workspace.openTextDocument(ignoreFile());
    if (doc.getText() === text) return doc;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { sub.dispose(); reject(new Error(`the document still holds ${doc.getText()}`)); }, 10000);
      const sub = vscode.workspace.onDidChangeTextDocument(e => {
        if (e.document === doc && doc.getText() === text) { clearTimeout(timer); sub.dispose(); resolve(doc); }
      });
    });
  };

  suiteSetup(() => { log = vscode.window.createOutputChannel('Source Check ignore tests', { log: true }); });
  suiteTeardown(() => log.dispose());
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const d of vscode.workspace.textDocuments) {
      if (d.uri.toString() === ignoreFile().toString() && d.isDirty) {
        await vscode.window.showTextDocument(d);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
    for (const l of lists.splice(0)) l.dispose();
    await vscode.workspace.fs.delete(ignoreFile()).then(undefined, () => undefined);
  });

  test('two quick Ignores both land in the file', async () => {
    const ignores = list();
    await Promise.all([ignores.add(draft(), finding('the first quick one')), ignores.add(draft(), finding('the second quick one')),
      ignores.add(draft(), finding('the third quick one'))]);
    const saved = JSON.parse(await onDisk()) as { ignored: Array<{ text: string }> };
    assert.deepStrictEqual(saved.ignored.map(e => e.text), ['the first quick one', 'the second quick one', 'the third quick one']);
  });

  test('a file that cannot be read (other than not found) is never overwritten, and the journalist is told', async () => {
    const writes: vscode.Uri[] = [];
    const ui = fakeUi();
    const ignores = list({
      ui,
      fs: {
        readFile: uri => Promise.reject(vscode.FileSystemError.NoPermissions(uri)),
        writeFile: uri => { writes.push(uri); return Promise.resolve(); },
      },
    });
    const all = [finding('kept because the file could not be read')];
    assert.deepStrictEqual(await ignores.filter(draft(), all), all, 'nothing is filtered by a file that was not read');
    await assert.rejects(ignores.add(draft(), finding('not recorded')), /cannot be read/);
    assert.deepStrictEqual(writes, [], 'the shared file is not written over');
    assert.strictEqual(ui.shown.length, 1, `one warning: ${JSON.stringify(ui.shown)}`);
    assert.match(ui.shown[0].message, /cannot use the shared ignore file/);
  });

  test('a broken file: one warning with “Open File”, which opens it; its findings show; Ignore leaves it as it is', async () => {
    const broken = '{ "version": 1, "ignored": [ { "kind": "quote", "text": "half written" ';
    await write(broken);
    const ui = fakeUi('Open File');
    const ignores = list({ ui });
    const all = [finding('half written')];
    const opened = new Promise<vscode.TextEditor | undefined>(resolve => {
      const sub = vscode.window.onDidChangeActiveTextEditor(e => {
        if (e?.document.uri.toString() === ignoreFile().toString()) { sub.dispose(); resolve(e); }
      });
    });
    assert.deepStrictEqual(await ignores.filter(draft(), all), all);
    assert.deepStrictEqual(await ignores.filter(draft(), all), all);
    assert.strictEqual(ui.shown.length, 1, 'shown once, not at every check');
    assert.match(ui.shown[0].message, /not valid JSON/);
    assert.deepStrictEqual(ui.shown[0].items, ['Open File']);
    assert.ok(await opened, 'the action opens the file');
    await assert.rejects(ignores.add(draft(), finding('another')), /not valid JSON/);
    assert.strictEqual(await onDisk(), broken, 'never overwritten');
  });

  test('a file that starts with a UTF-8 byte-order mark is read', async () => {
    await write(`\uFEFF${JSON.stringify({ version: 1, ignored: [{ kind: 'quote', text: 'behind a mark', draft: 'ignored-draft.md' }] })}`);
    const ui = fakeUi();
    const ignores = list({ ui });
    assert.deepStrictEqual(await ignores.filter(draft(), [finding('behind a mark'), finding('not ignored')]), [finding('not ignored')]);
    assert.deepStrictEqual(ui.shown, []);
  });

  test('an open ignore file is written through its document: the journalist’s unsaved edits are kept and left unsaved', async () => {
    const saved = `${JSON.stringify({ version: 1, ignored: [{ kind: 'quote', text: 'on disk' }] }, null, 2)}\n`;
    await write(saved);
    const doc = await documentHolding(saved);
    const editor = await vscode.window.showTextDocument(doc);
    const typed = `${JSON.stringify({ version: 1, ignored: [{ kind: 'quote', text: 'on disk' }, { kind: 'quote', text: 'typed, not saved' }] }, null, 2)}\n`;
    assert.ok(await editor.edit(b => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), typed)));
    assert.ok(doc.isDirty);
    const ignores = list();
    assert.deepStrictEqual(await ignores.filter(draft(), [finding('typed, not saved')]), [], 'the open document’s text is what counts');
    await ignores.add(draft(), finding('through the document'));
    const inEditor = JSON.parse(doc.getText()) as { ignored: Array<{ text: string }> };
    assert.deepStrictEqual(inEditor.ignored.map(e => e.text), ['on disk', 'typed, not saved', 'through the document']);
    assert.ok(doc.isDirty, 'not saved behind the journalist’s back');
    assert.ok(!(await onDisk()).includes('through the document'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), typed, 'one undo takes the decision back');
  });

  test('an ignore file half-written in an editor: the saved decisions hold, no warning while typing, and Ignore says why it waits', async () => {
    const saved = `${JSON.stringify({ version: 1, ignored: [{ kind: 'quote', text: 'saved decision' }] }, null, 2)}\n`;
    await write(saved);
    const doc = await documentHolding(saved);
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.edit(b => b.insert(doc.positionAt(saved.lastIndexOf(']')), ', { "kind": "quote", "te')));
    const ui = fakeUi();
    const ignores = list({ ui });
    assert.deepStrictEqual(await ignores.filter(draft(), [finding('saved decision')]), [], 'the saved file’s decisions apply');
    assert.deepStrictEqual(ui.shown, [], 'no warning about a file being typed');
    await assert.rejects(ignores.add(draft(), finding('while typing')), /not valid JSON/);
    assert.strictEqual(await onDisk(), saved);
  });

  test('an open ignore file without unsaved edits is written through its document and saved', async () => {
    const saved = `${JSON.stringify({ version: 1, ignored: [] }, null, 2)}\n`;
    await write(saved);
    const doc = await documentHolding(saved);
    await vscode.window.showTextDocument(doc);
    const ignores = list();
    const versionBefore = doc.version;
    await ignores.add(draft(), finding('saved with the document'));
    assert.ok(doc.version > versionBefore, 'the document was edited');
    assert.ok(!doc.isDirty, 'and saved');
    assert.strictEqual(await onDisk(), doc.getText(), 'the file on disk is the document');
    assert.ok(doc.getText().includes('saved with the document'));
  });
});
