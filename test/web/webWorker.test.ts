import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commandTable';
import type { Finding } from '../../src/core/findings';
import { openDraft, sourceCheck, waitForDiagnostics } from '../integration/suite/helpers';

suite('In the browser (web worker extension host)', () => {
  test('activates on a Markdown draft and indexes the workspace\'s sources through vscode.workspace.fs', async () => {
    await openDraft();
    const api = await sourceCheck();
    await api.sources.ready;
    assert.deepStrictEqual(api.sources.library.documents.map(d => vscode.Uri.parse(d.path).path.split('/').slice(-2).join('/')).sort(),
      ['seeds/putin-direct-negotiations-istanbul-may-15.txt', 'seeds/putin-proposes-istanbul-talks-translated.txt']);
    assert.ok(api.sources.library.documents.every(d => vscode.Uri.parse(d.path).scheme === vscode.workspace.workspaceFolders?.[0].uri.scheme));
  });

  test('Check Current Draft finds the misquote, and the editor underlines it with a linked code', async () => {
    const doc = await openDraft();
    const findings = await vscode.commands.executeCommand<Finding[]>(COMMANDS.checkCurrentDraft.id);
    const large = findings?.find(f => f.text === 'large-scale ceasefire');
    assert.strictEqual(large?.status, 'misquote');
    assert.strictEqual(large?.suggestion, 'large-scale shooting');
    const diagnostics = await waitForDiagnostics(doc.uri, ds => ds.some(d => doc.getText(d.range) === 'large-scale ceasefire'));
    const d = diagnostics.find(x => doc.getText(x.range) === 'large-scale ceasefire');
    assert.strictEqual(d?.source, 'Source Check');
    assert.match(d.message, /^Quote differs from source: /);
    assert.strictEqual((d.code as { value: string }).value, 'misquote');
    assert.ok(d.relatedInformation?.[0].location.uri.path.endsWith('.txt'));
  });
});
