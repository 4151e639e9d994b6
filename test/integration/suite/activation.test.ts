import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/extension/commandTable';
import type { Finding } from '../../../src/core/findings';
import { draftUri, openDraft, sourceCheck, waitForDiagnostics } from './helpers';

suite('Activation and commands', () => {
  test('activates on a Markdown draft of the sample workspace and indexes the seed articles', async () => {
    await openDraft();
    const api = await sourceCheck();
    await api.sources.ready;
    assert.strictEqual(api.sources.library.size, 2);
    assert.ok(api.sources.library.documents.every(d => path.basename(path.dirname(vscode.Uri.parse(d.path).fsPath)) === 'seeds'));
  });

  test('every command of the command table is registered', async () => {
    await sourceCheck();
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of Object.values(COMMANDS)) assert.ok(all.has(c.id), `${c.id} is not registered`);
  });

  test('Check Current Draft runs the real checking pipeline on the active draft', async () => {
    await openDraft();
    const findings = await vscode.commands.executeCommand<Finding[]>(COMMANDS.checkCurrentDraft.id);
    assert.ok(findings && findings.length > 5, 'the draft has quotations');
    const large = findings.find(f => f.text === 'large-scale ceasefire');
    assert.strictEqual(large?.status, 'misquote');
    assert.strictEqual(large?.suggestion, 'large-scale shooting');
  });

  test('a misquote is underlined with source "Source Check" and a linked code', async () => {
    const doc = await openDraft();
    const diagnostics = await waitForDiagnostics(doc.uri, ds => ds.some(d => d.message.startsWith('Quote differs from source')));
    const d = diagnostics.find(x => doc.getText(x.range) === 'large-scale ceasefire');
    assert.ok(d, 'diagnostic on “large-scale ceasefire”');
    assert.strictEqual(d.source, 'Source Check');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual((d.code as { value: string }).value, 'misquote');
    assert.ok(d.relatedInformation?.[0].location.uri.path.endsWith('.txt'));
    assert.strictEqual(draftUri().toString(), doc.uri.toString());
  });
});
