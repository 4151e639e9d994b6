import * as assert from 'assert';
import * as vscode from 'vscode';
import { checkedDraft, sourceCheck, waitForDiagnostics, workspaceRoot } from '../suite/helpers';

// test/runTest.ts opens `workspace/` (draft.md, sources/inside.txt, and a workspace setting naming ../outside) next to
// `outside/outside.txt`, untrusted, with the user setting `sourceCheck.sources: ["sources/**", "../outside/**"]`.
suite('Restricted mode, in a workspace VS Code does not trust', () => {
  test('VS Code runs the window in restricted mode, and the extension is active in it', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the workspace is not trusted');
    const api = await sourceCheck();
    assert.ok(vscode.extensions.getExtension('source-check.source-check')?.isActive);
    await api.sources.ready;
  });

  test('sources outside the workspace are not read (the user setting names them, the workspace setting is not applied)', async () => {
    const api = await sourceCheck();
    await api.sources.ready;
    const names = api.sources.library.documents.map(d => d.path.split('/').slice(-2).join('/'));
    assert.deepStrictEqual(names, ['sources/inside.txt']);
    const inspected = vscode.workspace.getConfiguration('sourceCheck').inspect<string[]>('sources');
    assert.deepStrictEqual(vscode.workspace.getConfiguration('sourceCheck').get('sources'), inspected?.globalValue,
      'VS Code applies only the user value of a restricted setting');
  });

  test('a draft is checked against the sources inside: its underlines appear, the outside source is not used', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'draft.md'));
    await vscode.window.showTextDocument(doc);
    const findings = await checkedDraft(doc);
    const status = (words: string): string | undefined => findings.find(f => f.kind === 'quote' && f.text.includes(words))?.status;
    assert.strictEqual(status('every harbour'), 'verified', 'the source inside the workspace holds it');
    assert.strictEqual(status('talks in Geneva'), 'unsourced', 'only the source outside the workspace holds it');
    const diagnostics = await waitForDiagnostics(doc.uri, ds => ds.some(d => d.range.start.line === 2));
    assert.ok(diagnostics.every(d => d.range.start.line === 2 || d.severity === vscode.DiagnosticSeverity.Hint),
      'the only flagged quotation is the one the outside source holds');
  });
});
