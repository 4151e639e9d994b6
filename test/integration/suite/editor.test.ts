import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/extension/commandTable';
import type { Finding } from '../../../src/core/findings';
import { checkedDraft, hoverAt, waitForDiagnostics, openDraft, sourceCheck, untitledDraft, waitUntil } from './helpers';

const DRAFT = [
  '---', 'date: 2025-05-11', '---', '',
  'Peskov said Putin backs a “large-scale ceasefire”, but that “there are many questions.”',
  '',
  'On May 9, Trump wrote that sanctions would follow.',
].join('\n');

suite('Hover, quick fixes and Apply All', () => {
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
    await waitForDiagnostics(doc.uri, ds => ds.some(d => d.message.startsWith('Quote differs from source')));
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
    // Read-only: a keystroke meant for the draft does not replace the selected passage of the source.
    const before = editor.document.getText();
    await vscode.commands.executeCommand('type', { text: 'z' });
    assert.strictEqual(editor.document.getText(), before);
    assert.strictEqual(editor.document.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.files.resetActiveEditorReadonlyInSession');
  });

  test('“Replace with the source’s wording” is the preferred fix, one edit, undone in one step', async () => {
    const doc = await untitledDraft(DRAFT);
    await checkedDraft(doc);
    const range = rangeOf(doc, 'large-scale ceasefire');
    const actions = await codeActionsAt(doc, range);
    const fix = actions.find(a => a.title.startsWith('Replace with the source’s wording'));
    assert.ok(fix?.edit && fix.isPreferred, `fix offered: ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(actions.some(a => a.title.startsWith('Ignore')), 'Ignore offered too');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().includes('a “large-scale shooting”'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), DRAFT);
  });

  test('“Use the source’s date” is offered on a contradicted date, never preferred (a date from a paired sentence is probable)', async () => {
    const doc = await untitledDraft(DRAFT);
    await checkedDraft(doc);
    const actions = await codeActionsAt(doc, rangeOf(doc, 'May 9'));
    const fix = actions.find(a => a.title.startsWith('Use the source’s date'));
    assert.ok(fix?.edit, `fix offered: ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(!fix.isPreferred, 'a probable fix is not preferred');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().includes('On May 8, Trump wrote'));
  });

  test('the Ignore action names the quotation without the comma that ends it before its attribution', async () => {
    const doc = await untitledDraft('Kremlin spokesman Dmitry Peskov said: “There are few questions,” and left.\n');
    const findings = await checkedDraft(doc);
    assert.strictEqual(findings.find(f => f.kind === 'quote')?.text, 'There are few questions,');
    await waitForDiagnostics(doc.uri, ds => ds.some(d => d.message.startsWith('Quote differs from source')));
    const actions = await codeActionsAt(doc, rangeOf(doc, 'few questions'));
    const api = await sourceCheck();
    const entry = api.store.get(doc.uri);
    assert.ok(actions.some(a => a.title === 'Ignore “There are few questions” (recorded in the shared ignore file)'),
      `${actions.map(a => a.title).join(' | ')} / doc v${doc.version}, store v${entry?.version}: ${JSON.stringify(entry?.findings.map(f => [f.status, f.ignored, f.start, f.end]))}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('no fix-all source action: "source.fixAll" on save never rewrites a quotation', async () => {
    const doc = await untitledDraft(DRAFT);
    await checkedDraft(doc);
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    for (const kind of [vscode.CodeActionKind.SourceFixAll.value, vscode.CodeActionKind.Source.value]) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, kind);
      const ours = actions.filter(a => /source check|source’s/i.test(a.title) || a.kind?.value.includes('sourceCheck'));
      assert.deepStrictEqual(ours.map(a => a.title), [], `${kind} offers no Source Check action`);
    }
    assert.strictEqual(doc.getText(), DRAFT);
  });

  test('Apply All from the palette lists the fixes, exact ones picked: accepting applies the misquote’s fix only', async () => {
    const doc = await untitledDraft(DRAFT);
    await checkedDraft(doc);
    assert.strictEqual(await applyAllAnswering('workbench.action.acceptSelectedQuickOpenItem'), 1);
    assert.ok(doc.getText().includes('“large-scale shooting”'), 'the exact fix is applied');
    assert.ok(doc.getText().includes('On May 9,'), 'the probable date fix is not, unless picked');
  });

  test('Apply All cancelled: nothing is applied', async () => {
    const doc = await untitledDraft(DRAFT);
    await checkedDraft(doc);
    assert.strictEqual(await applyAllAnswering('workbench.action.closeQuickOpen'), 0);
    assert.strictEqual(doc.getText(), DRAFT);
  });

  test('Apply All applies exactly the accepted fixes, as one undo step', async () => {
    const doc = await untitledDraft(DRAFT);
    const findings = await checkedDraft(doc);
    const date = findings.find(f => f.status === 'contradicted')?.fix;
    assert.ok(date, 'the contradicted date carries a fix');
    assert.strictEqual(await vscode.commands.executeCommand<number>(COMMANDS.fixAll.id, [date]), 1);
    assert.ok(doc.getText().includes('On May 8,') && doc.getText().includes('“large-scale ceasefire”'), 'only the date, as accepted');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), DRAFT);

    await checkedDraft(doc);
    assert.strictEqual(await vscode.commands.executeCommand<number>(COMMANDS.fixAll.id, 'all'), 2);
    assert.ok(doc.getText().includes('“large-scale shooting”') && doc.getText().includes('On May 8,'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), DRAFT, 'one undo step takes back every fix');
  });

  test('overlapping fixes: the light bulb offers one, Apply All applies the earlier and leaves the other out', async () => {
    const text = 'Trump said “talks open on May 9 in Istanbul” at the summit.';
    const doc = await untitledDraft(text);
    await checkedDraft(doc);
    const quote = spanOf(doc, 'talks open on May 9 in Istanbul');
    const date = spanOf(doc, 'May 9');
    const misquote: Finding = {
      kind: 'quote', status: 'misquote', ...quote, line: 1, column: quote.start + 1, text: 'talks open on May 9 in Istanbul',
      message: 'Misquote (hand-made)', suggestion: 'talks open on May 15 in Istanbul', fix: { ...quote, text: 'talks open on May 15 in Istanbul', confidence: 'exact' },
    };
    const contradicted: Finding = {
      kind: 'date', status: 'contradicted', ...date, line: 1, column: date.start + 1, text: 'May 9',
      message: 'Contradicted (hand-made)', suggestion: 'May 8', fix: { ...date, text: 'May 8', confidence: 'probable' },
    };
    await withFindings(doc, [misquote, contradicted]);
    const titles = (await codeActionsAt(doc, rangeOf(doc, 'May 9'))).map(a => a.title);
    assert.ok(titles.some(t => t.startsWith('Replace with the source’s wording')), titles.join(' | '));
    assert.ok(!titles.some(t => t.startsWith('Use the source’s date')), `the overlapping date fix is not offered with it: ${titles.join(' | ')}`);
    assert.strictEqual(await vscode.commands.executeCommand<number>(COMMANDS.fixAll.id, 'all'), 1, 'the overlapping one is left out, not the whole edit');
    assert.strictEqual(doc.getText(), 'Trump said “talks open on May 15 in Istanbul” at the summit.');
  });

  test('a misattributed quotation: an error, a hover with both speakers and the source sentence, and an exact fix on the speaker', async () => {
    const text = 'Zelensky said that “there are many questions.”';
    const doc = await untitledDraft(text);
    const verified = (await checkedDraft(doc)).find(f => f.kind === 'quote');
    assert.ok(verified?.status === 'verified' && verified.source, 'the quotation stands in a seed');
    const speaker = spanOf(doc, 'Zelensky');
    const misattributed: Finding = {
      ...verified, status: 'misattributed', message: 'Misattributed: the draft gives these words to Zelensky; the source, to Dmitry Peskov.',
      speakers: { draft: 'Zelensky', source: 'Dmitry Peskov' }, fix: { ...speaker, text: 'Dmitry Peskov', confidence: 'exact' },
    };
    await withFindings(doc, [misattributed]);
    const diagnostics = await waitForDiagnostics(doc.uri, ds => ds.some(d => codeOf(d) === 'misattributed'));
    const diagnostic = diagnostics.find(d => codeOf(d) === 'misattributed')!;
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error, 'severity error by default');
    assert.match(diagnostic.relatedInformation?.[0].message ?? '', /Dmitry Peskov/);

    const md = (await hoverAt(doc, 'many questions')).contents[0] as vscode.MarkdownString;
    assert.match(md.value, /\*\*Misattributed quotation\*\*/);
    assert.match(md.value, /\*\*Zelensky\*\*.*\*\*Dmitry Peskov\*\*/);
    assert.match(md.value, /Peskov said/, `the source sentence: ${md.value}`);
    assert.ok(!md.value.includes('Misattributed: the draft gives'), 'the speakers say what the message says, once');

    const actions = await codeActionsAt(doc, rangeOf(doc, 'many questions'));
    const fix = actions.find(a => a.title === 'Attribute to the source’s speaker: Dmitry Peskov');
    assert.ok(fix?.edit && fix.isPreferred, `fix offered: ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.getText(), 'Dmitry Peskov said that “there are many questions.”');
  });

  test('the engine calls words a seed gives to Putin misattributed when the draft gives them to Zelensky, and the fix names Putin in full', async () => {
    const quote = '“Still, we are offering Kyiv the chance to restart direct discussions without any conditions,”';
    const doc = await untitledDraft(`${quote} said Volodymyr Zelensky.\n\n${quote} Putin said.`);
    const findings = (await checkedDraft(doc)).filter(f => f.kind === 'quote');
    assert.deepStrictEqual(findings.map(f => f.status), ['misattributed', 'verified'], 'the same words, given to the source’s speaker, verify');
    assert.deepStrictEqual(findings[0].speakers, { draft: 'Volodymyr Zelensky', source: 'Vladimir Putin' });
    await waitForDiagnostics(doc.uri, ds => ds.some(d => codeOf(d) === 'misattributed'));
    const actions = await codeActionsAt(doc, rangeOf(doc, 'restart direct'));
    const fix = actions.find(a => a.title === 'Attribute to the source’s speaker: Vladimir Putin');
    assert.ok(fix?.edit && fix.isPreferred, `fix offered: ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().startsWith(`${quote} said Vladimir Putin.`));
  });
});

/** Runs Apply All from the palette (no argument) and answers its pick list with a workbench command. */
async function applyAllAnswering(answer: 'workbench.action.acceptSelectedQuickOpenItem' | 'workbench.action.closeQuickOpen'): Promise<number> {
  let settled = false;
  const applied = Promise.resolve(vscode.commands.executeCommand<number>(COMMANDS.fixAll.id)).finally(() => { settled = true; });
  // The pick list opens when the command has read the findings; answering before that does nothing.
  await waitUntil(async () => {
    if (!settled) await vscode.commands.executeCommand(answer);
    return settled;
  }, 'the Apply All pick list answered');
  return applied;
}

/** Replaces the draft's findings with hand-made ones (for statuses and overlaps the sample sources do not produce). */
async function withFindings(doc: vscode.TextDocument, findings: readonly Finding[]): Promise<void> {
  const api = await sourceCheck();
  api.store.set({ uri: doc.uri, version: doc.version, findings });
}

function codeActionsAt(doc: vscode.TextDocument, range: vscode.Range): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range);
}

function codeOf(d: vscode.Diagnostic): unknown {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function spanOf(doc: vscode.TextDocument, text: string): { start: number; end: number } {
  const start = doc.getText().indexOf(text);
  assert.ok(start >= 0, `“${text}” in the draft`);
  return { start, end: start + text.length };
}

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
