import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/extension/commandTable';
import { checkedDraft, openDraft } from './helpers';

suite('Export Report', () => {
  test('writes the draft\'s verdicts as Markdown or HTML to the file given, with links to the sources', async () => {
    const doc = await openDraft();
    const findings = await checkedDraft(doc);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-report-'));
    try {
      const md = vscode.Uri.file(path.join(dir, 'draft report.md'));
      const written = await vscode.commands.executeCommand<vscode.Uri>(COMMANDS.exportReport.id, md);
      assert.strictEqual(written?.toString(), md.toString());
      const text = fs.readFileSync(md.fsPath, 'utf8');
      assert.match(text, /^# Source Check report\n\nChecked \d{4}-\d\d-\d\d \d\d:\d\d against \d+ sources: /);
      assert.strictEqual(text.split('\n').filter(l => /^\| \d+ \|/.test(l)).length, findings.length, 'one row per finding');
      assert.match(text, /\*\*Misquote\*\* \| Quote differs from source: 'deep' where the source says 'root'.*\]\((?:\.\.\/)+.*seeds\/putin-direct-negotiations-istanbul-may-15\.txt#L\d+\)/);
      const html = vscode.Uri.file(path.join(dir, 'report.html'));
      await vscode.commands.executeCommand(COMMANDS.exportReport.id, html);
      const page = fs.readFileSync(html.fsPath, 'utf8');
      assert.match(page, /^<!DOCTYPE html>/);
      assert.strictEqual((page.match(/<tr[ >]/g) ?? []).length - 1, findings.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
