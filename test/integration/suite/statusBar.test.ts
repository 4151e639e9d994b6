import * as assert from 'assert';
import * as vscode from 'vscode';
import { isFlagged } from '../../../src/core/findings';
import { COMMANDS } from '../../../src/extension/commandTable';
import { checkedDraft, openDraft, sourceCheck, untitledDraft, waitUntil } from './helpers';

suite('Status bar', () => {
  test('an item of its own shows the sources and the draft\'s flagged count, and opens the report', async () => {
    const api = await sourceCheck();
    const doc = await openDraft();
    const findings = await checkedDraft(doc);
    const flagged = findings.filter(isFlagged).length;
    assert.ok(flagged > 0, 'the sample draft has flagged findings');
    const expected = `$(book) ${api.sources.library.size} · $(warning) ${flagged} flagged`;
    await waitUntil(() => api.statusBar.text === expected, `status bar text ${JSON.stringify(api.statusBar.text)} to be ${expected}`);
    assert.strictEqual(api.statusBar.command, COMMANDS.showReport.id);
    assert.match(String(api.statusBar.tooltip), /Click for the report/);
  });

  test('a draft with no date of its own says so: its dates are read against today', async () => {
    const api = await sourceCheck();
    const doc = await untitledDraft('Putin proposed talks in Istanbul on May 15, 2025, the Kremlin said on Saturday.\n');
    const findings = await checkedDraft(doc);
    assert.ok(findings.some(f => f.kind === 'date' && f.reference?.from === 'today'), 'dates read against today');
    await waitUntil(() => api.statusBar.text.endsWith(' · $(calendar) no date'), `status bar text ${JSON.stringify(api.statusBar.text)} to say the draft has no date`);
    assert.match(String(api.statusBar.tooltip), /no date of its own .* read against today/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('on a source file the items say it is a source, not a draft waiting to be checked', async () => {
    const api = await sourceCheck();
    const seed = await vscode.workspace.openTextDocument(vscode.Uri.parse(api.sources.library.documents[0].path));
    await vscode.window.showTextDocument(seed);
    const expected = `$(book) ${api.sources.library.size} · this is a source`;
    await waitUntil(() => api.statusBar.text === expected, `status bar text ${JSON.stringify(api.statusBar.text)} to be ${expected}`);
    assert.match(String(api.statusBar.tooltip), /This file is one of them: drafts are checked against it, it is not checked itself\./);
    assert.strictEqual(api.status.detail, 'this file is a source, not a draft: it is not checked');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
