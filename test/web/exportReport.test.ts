import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commandTable';
import { checkedDraft, openDraft, workspaceRoot } from '../integration/suite/helpers';

suite('Export Report (web worker)', () => {
  test('writes the draft\'s verdicts as Markdown and HTML through vscode.workspace.fs, with links to the sources', async () => {
    const doc = await openDraft();
    const findings = await checkedDraft(doc);
    // Beside the workspace folder, in the scratch copy the harness made: seeds/ is a sibling of reports/.
    const dir = vscode.Uri.joinPath(workspaceRoot(), '..', 'reports');
    const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    try {
      const md = vscode.Uri.joinPath(dir, 'draft report.md');
      const written = await vscode.commands.executeCommand<vscode.Uri>(COMMANDS.exportReport.id, md);
      assert.strictEqual(written?.toString(), md.toString());
      const text = await read(md);
      assert.match(text, /^# Source Check report\n\nChecked \d{4}-\d\d-\d\d \d\d:\d\d against 2 sources: /);
      assert.strictEqual(text.split('\n').filter(l => /^\| \d+ \|/.test(l)).length, findings.length, 'one row per finding');
      assert.match(text, /\*\*Misquote\*\* \| Quote differs from source: 'deep' where the source says 'root'.*\]\(\.\.\/seeds\/putin-direct-negotiations-istanbul-may-15\.txt#L\d+\)/);
      const html = vscode.Uri.joinPath(dir, 'report.html');
      await vscode.commands.executeCommand(COMMANDS.exportReport.id, html);
      const page = await read(html);
      assert.match(page, /^<!DOCTYPE html>/);
      assert.strictEqual((page.match(/<tr[ >]/g) ?? []).length - 1, findings.length);
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
    }
  });
});
