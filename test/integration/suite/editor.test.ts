import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/extension/commandTable';
import { FIX_ALL_KIND } from '../../../src/extension/codeActions';
import { checkedDraft, hoverAt, waitForDiagnostics, openDraft, sourceCheck, untitledDraft, waitUntil } from './helpers';

const DRAFT = [
  '---', 'date: 2025-05-11', '---', '',
  'Peskov said Putin backs a “large-scale ceasefire”, but that “there are many questions.”',
  '',
  'On May 9, Trump wrote that sanctions would follow.',
].join('\n');

suite('Hover, quick fixes and the fix-all action', () => {
  test('hover on a misquote shows the verdict, the diff, the source passage and a link to it', async () => {
    const doc = await openDraft();
    await checkedDraft(doc);
    const hover = await hoverAt(doc, 'large-scale ceasefire');
    const md = hover.contents[0] as vscode.MarkdownString;
    assert.match(md.value, /\*\*Misquote\*\*/);
    assert.match(md.value, /~~ceasefire~~ \*\*shooting\*\*/, 'word diff');
    assert.match(md.value, /\*\*large\\-scale shooting\*\*/, 'matched words marked in the passage');
    assert.match(md.value, /\]\(command:sourceCheck\.openSource\?/);
    assert.deepStrictEqual(md.isTrusted, { enabledCommands: [COMMANDS.openSource.id] });
    assert.ok(!md.supportHtml);
  });

  test('hover on a contradicted date shows the source’s date and passage', async () => {
    const doc = await untitledDraft(DRAFT);
    await checkedDraft(doc);
    const md = (await hoverAt(doc, 'May 9')).contents[0] as vscode.MarkdownString;
    assert.match(md.value, /\*\*Contradicted date\*\*/);
    assert.match(md.value, /Source date: \*\*May 8\*\*/);
    assert.match(md.value, /\*\*(?:last )?Thursday \\\(8\\\)\*\*/, `the source’s own words for the date, marked in its passage: ${md.value}`);
    assert.match(md.value, /draft’s date/);
  });

  test('diagnostics are cleared when the draft closes', async () => {
    const doc = await untitledDraft(DRAFT);
    await waitForDiagnostics(doc.uri, ds => ds.some(d => d.message.startsWith('Misquote')));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForDiagnostics(doc.uri, ds => ds.length === 0);
  });

  test('the hover link opens the original source at the passage, selected', async () => {
    const doc = await openDraft();
    await checkedDraft(doc);
    const md = (await hoverAt(doc, 'large-scale ceasefire')).contents[0] as vscode.MarkdownString;
    const link = /\(command:sourceCheck\.openSource\?([^ )]+)/.exec(md.value);
    assert.ok(link, 'command link');
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(COMMANDS.openSource.id, ...args);
    assert.ok(editor.document.uri.path.endsWith('.txt'));
    assert.strictEqual(editor.document.getText(editor.selection), 'large-scale shooting');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
  });

  test('“Replace with the source’s wording” is the preferred fix, one edit, undone in one step', async () => {
    const doc = await untitledDraft(DRAFT);
    await checkedDraft(doc);
    const range = rangeOf(doc, 'large-scale ceasefire');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range);
    const fix = actions.find(a => a.title.startsWith('Replace with the source’s wording'));
    assert.ok(fix?.edit && fix.isPreferred, `fix offered: ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(actions.some(a => a.title.startsWith('Ignore')), 'Ignore offered too');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().includes('a “large-scale shooting”'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), DRAFT);
  });

  test('“Use the source’s date” fixes a contradicted date', async () => {
    const doc = await untitledDraft(DRAFT);
    await checkedDraft(doc);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, rangeOf(doc, 'May 9'));
    const fix = actions.find(a => a.title.startsWith('Use the source’s date'));
    assert.ok(fix?.edit && fix.isPreferred, `fix offered: ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().includes('On May 8, Trump wrote'));
  });

  test('the fix-all source action applies every fix as one undoable edit', async () => {
    const doc = await untitledDraft(DRAFT);
    await checkedDraft(doc);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), FIX_ALL_KIND.value);
    const all = actions.find(a => a.kind?.value === FIX_ALL_KIND.value);
    assert.ok(all?.edit, `fix-all offered: ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.ok(doc.getText().includes('“large-scale shooting”') && doc.getText().includes('On May 8,'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), DRAFT);
  });

  test('the Apply All Source Fixes command does the same from the palette', async () => {
    const doc = await untitledDraft(DRAFT);
    await checkedDraft(doc);
    assert.strictEqual(await vscode.commands.executeCommand<number>(COMMANDS.fixAll.id), 2);
    assert.ok(doc.getText().includes('“large-scale shooting”') && doc.getText().includes('On May 8,'));
  });
});

suite('Untrusted source text', () => {
  test('a source holding a command link and HTML renders as inert, escaped text in the hover', async () => {
    const api = await sourceCheck();
    const seeds = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '..', 'seeds');
    const hostile = vscode.Uri.joinPath(seeds, 'hostile-press-release.txt');
    const before = api.sources.library.size;
    await vscode.workspace.fs.writeFile(hostile, new TextEncoder().encode(
      'The mayor said "we will [click here](command:workbench.action.quit) <img src=x onerror=alert(1)> **act now**" on Tuesday.\n'));
    try {
      await waitUntil(() => api.sources.library.size === before + 1, 'the watcher indexes the new source');
      const doc = await untitledDraft('The mayor promised that “we will click here command workbench action quit” soon.');
      await checkedDraft(doc);
      const md = (await hoverAt(doc, 'we will click here')).contents[0] as vscode.MarkdownString;
      assert.match(md.value, /\*\*Verified quotation\*\*/);
      assert.ok(!md.value.includes('](command:workbench'), 'no live link to a foreign command');
      assert.ok(md.value.includes('\\[click here\\]\\(command\\:workbench\\.action\\.quit'), md.value);
      assert.ok(!/(^|[^\\])<img/.test(md.value) && md.value.includes('\\<img src\\=x'), 'HTML escaped');
      assert.ok(!md.value.includes('**act now**'), 'source emphasis escaped');
      assert.deepStrictEqual(md.isTrusted, { enabledCommands: [COMMANDS.openSource.id] });
    } finally {
      await vscode.workspace.fs.delete(hostile);
      await waitUntil(() => api.sources.library.size === before, 'the watcher drops the deleted source');
    }
  });
});

function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `“${text}” in the draft`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}
