import * as assert from 'assert';
import * as vscode from 'vscode';
import { checkedDraft, hoverAt, untitledDraft, waitForDiagnostics } from './helpers';

const DRAFT = [
  '---', 'date: 2025-05-11', '---', '',
  'Peskov said Putin backs a “large-scale ceasefire”, but that “there are many questions.”',
  '',
  'On May 9, Trump wrote that sanctions would follow.',
  '',
  'The talks are due to open on Friday, May 15, 2025.',
].join('\n');

const codeOf = (d: vscode.Diagnostic): unknown => typeof d.code === 'object' ? d.code.value : d.code;
/** A hover's text with Markdown escapes taken out. */
const unescaped = (md: vscode.MarkdownString): string => md.value.replace(/\\(.)/g, '$1');

suite('Plain words in the Problems panel and the hover', () => {
  test('the Problems panel leads with the difference; the hover opens with the source link and does not repeat the message', async () => {
    const doc = await untitledDraft(DRAFT);
    await checkedDraft(doc);
    const ds = await waitForDiagnostics(doc.uri, x => x.some(d => codeOf(d) === 'misquote') && x.some(d => codeOf(d) === 'inconsistent'));
    const message = (status: string): string | undefined => ds.find(d => codeOf(d) === status)?.message;
    assert.strictEqual(message('misquote'), 'Quote differs from source: \'ceasefire\' where the source says \'shooting\'');
    assert.strictEqual(message('contradicted'), 'Date differs from source: the source says last Thursday (8), that is May 8 — the draft says May 9');
    assert.strictEqual(message('inconsistent'), 'Wrong weekday: May 15, 2025 is a Thursday');

    const md = (await hoverAt(doc, 'large-scale ceasefire')).contents[0] as vscode.MarkdownString;
    const blocks = md.value.split('\n\n');
    assert.match(blocks[1], /^\[Open the source passage\]\(command:sourceCheck\.openSource\?/, `the link comes first: ${md.value}`);
    assert.ok(!md.value.includes('Quote differs from source'), 'the underline’s hover shows the message; this one does not repeat it');
    assert.match(md.value, /~~ceasefire~~ \*\*shooting\*\*/, 'the diff');
  });

  test('“Read as … against …” only on relative dates; the weekday fix is a corrected weekday, not a source date', async () => {
    const doc = await untitledDraft(DRAFT);
    await checkedDraft(doc);
    await waitForDiagnostics(doc.uri, x => x.some(d => codeOf(d) === 'inconsistent'));
    const relative = unescaped((await hoverAt(doc, 'May 9')).contents[0] as vscode.MarkdownString);
    assert.match(relative, /Read as Friday, May 9, 2025, against 2025-05-11 \(the draft’s date\)/, relative);
    assert.match(relative, /Source date: \*\*May 8\*\*/);
    const weekday = unescaped((await hoverAt(doc, 'Friday, May 15, 2025')).contents[0] as vscode.MarkdownString);
    assert.match(weekday, /Correct weekday: \*\*Thursday, May 15, 2025\*\*/, weekday);
    assert.ok(!weekday.includes('Source date') && !weekday.includes('Read as'), weekday);
  });

  test('a finding with no underline (verified quotations hidden) says its message in the hover', async () => {
    const config = vscode.workspace.getConfiguration('sourceCheck');
    const original = config.inspect<boolean>('showVerified')?.workspaceValue;
    try {
      await config.update('showVerified', false, vscode.ConfigurationTarget.Workspace);
      const doc = await untitledDraft(DRAFT);
      await checkedDraft(doc);
      await waitForDiagnostics(doc.uri, x => x.length > 0 && !x.some(d => codeOf(d) === 'verified'));
      const md = unescaped((await hoverAt(doc, 'many questions')).contents[0] as vscode.MarkdownString);
      assert.match(md, /Quote found in source: putin/, md);
    } finally {
      await config.update('showVerified', original, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
