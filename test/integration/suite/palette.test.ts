import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Finding } from '../../../src/core/findings';
import { IGNORE_FILE } from '../../../src/core/ignore';
import { COMMANDS } from '../../../src/extension/commandTable';
import { registerNoSourcesNotice } from '../../../src/extension/noSources';
import { checkedDraft, openDraft, sourceCheck, untitledDraft, waitForDiagnostics, waitUntil, workspaceRoot } from './helpers';

/**
 * Runs a command that opens a QuickPick and accepts its selected (first) item: accepting is repeated until the command
 * settles (an accept before the pick shows, or with nothing selected, does nothing), no fixed wait.
 */
async function acceptFirst<T>(command: string, ...args: unknown[]): Promise<T> {
  let settled = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(() => { settled = true; });
  await waitUntil(async () => {
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return settled;
  }, `${command}: its pick accepted`);
  return result;
}

suite('Command palette', () => {
  test('Search Sources finds a passage as you type and Enter opens it, selected', async () => {
    await openDraft();
    const outcome = await acceptFirst<string>(COMMANDS.searchSources.id, 'ball is now in the cou');
    assert.strictEqual(outcome, 'opened');
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.includes('/seeds/'));
    assert.match(editor.document.getText(editor.selection), /^The ball is now in the court of the Ukrainian authorities/);
  });

  test('Insert Quote from Sources inserts the exact wording with its attribution, as one edit', async () => {
    const doc = await untitledDraft('Putin wants to ');
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(doc.positionAt(15), doc.positionAt(15));
    const outcome = await acceptFirst<string>(COMMANDS.insertQuote.id, 'root causes of the conflict');
    assert.strictEqual(outcome, 'inserted');
    assert.match(doc.getText(), /^Putin wants to “eliminate the root causes of the conflict” \(.+\)$/);
    const findings = await checkedDraft(doc);
    assert.strictEqual(findings.find(f => f.kind === 'quote')?.status, 'verified', 'the inserted quotation verifies');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), 'Putin wants to ');
  });

  test('Insert Quote from Sources uses the draft\'s straight quotation marks in a draft that uses them', async () => {
    const doc = await untitledDraft('The Kremlin said: "Talks are possible." Putin wants to ');
    const editor = vscode.window.activeTextEditor!;
    const end = doc.getText().length;
    editor.selection = new vscode.Selection(doc.positionAt(end), doc.positionAt(end));
    assert.strictEqual(await acceptFirst<string>(COMMANDS.insertQuote.id, 'root causes of the conflict'), 'inserted');
    assert.match(doc.getText(), /Putin wants to "eliminate the root causes of the conflict" \(.+\)$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Show Report lists every quotation and date with its verdict; picking one selects it in the draft', async () => {
    const doc = await openDraft();
    const findings = await checkedDraft(doc);
    const picked = await acceptFirst<Finding>(COMMANDS.showReport.id);
    assert.ok(picked, 'a finding was picked');
    assert.ok(findings.some(f => f.start === picked.start && f.status === picked.status));
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), doc.uri.toString());
    assert.strictEqual(doc.offsetAt(editor.selection.start), picked.start);
    assert.strictEqual(doc.offsetAt(editor.selection.end), picked.end);
  });

  test('Re-index Sources reads every source again', async () => {
    assert.strictEqual(await vscode.commands.executeCommand<number>(COMMANDS.reindexSources.id), 2);
  });

  test('Open Source at Cursor opens the source of the quotation under the cursor', async () => {
    const doc = await openDraft();
    await checkedDraft(doc);
    const at = doc.getText().indexOf('We are determined to start serious negotiations');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(doc.positionAt(at + 5), doc.positionAt(at + 5));
    const opened = await vscode.commands.executeCommand<vscode.TextEditor>(COMMANDS.openSourceAtCursor.id);
    assert.ok(opened.document.uri.path.includes('/seeds/'));
    assert.match(opened.document.getText(opened.selection), /determined to start serious negotiations/i);
  });
});

suite('Ignore, status and settings', () => {
  test('Ignore records the decision in the shared workspace file and the underline goes', async () => {
    const root = workspaceRoot();
    const uri = vscode.Uri.joinPath(root, 'ignore-me.md');
    const ignoreFile = vscode.Uri.joinPath(root, IGNORE_FILE);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('He promised “a golden age of bananas” to the crowd.\n'));
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await waitForDiagnostics(uri, ds => ds.some(d => d.message.startsWith('No source has this quotation')));
      const at = doc.getText().indexOf('a golden age');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 3)));
      const ignore = actions.find(a => a.title.startsWith('Ignore'));
      assert.ok(ignore?.command, 'Ignore offered');
      assert.strictEqual(await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? [])), true);
      const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(ignoreFile)));
      assert.deepStrictEqual(saved.ignored.map((e: { text: string; draft: string }) => [e.text, e.draft]), [['a golden age of bananas', 'ignore-me.md']]);
      await waitForDiagnostics(uri, ds => !ds.some(d => d.message.startsWith('No source has this quotation')));
    } finally {
      await vscode.workspace.fs.delete(uri);
      await vscode.workspace.fs.delete(ignoreFile).then(undefined, () => undefined);
    }
  });

  test('the language status item shows the sources and the draft’s counts', async () => {
    const api = await sourceCheck();
    const doc = await openDraft();
    const findings = await checkedDraft(doc);
    await waitUntil(() => api.status.text.includes('2 sources'), 'status text');
    const flagged = findings.filter(f => !['verified', 'supported'].includes(f.status)).length;
    assert.strictEqual(api.status.detail, `${findings.length - flagged} verified or supported, ${flagged} flagged`);
    assert.strictEqual(api.status.command?.command, COMMANDS.showReport.id);
  });

  test('a draft whose date: is no day says so in the language status item, with the day its dates were read against', async () => {
    const api = await sourceCheck();
    const doc = await untitledDraft('---\ndate: 2025-13-45\n---\nPutin spoke to Erdogan last Sunday.\n');
    await checkedDraft(doc);
    await waitUntil(() => (api.status.detail ?? '').includes('is not a day of the calendar'), `status detail: ${api.status.detail}`);
    assert.match(api.status.detail ?? '', /; date: "2025-13-45" is not a day of the calendar: its dates are read against \d{4}-\d{2}-\d{2}$/);
    assert.strictEqual(api.status.severity, vscode.LanguageStatusSeverity.Warning);
  });

  test('settings apply without a reload: severity and the reference date', async () => {
    const config = vscode.workspace.getConfiguration('sourceCheck');
    const doc = await untitledDraft('Putin spoke to Erdogan last Sunday. Peskov backs a “large-scale ceasefire”.', 'plaintext');
    try {
      await config.update('referenceDate', '2025-05-11', vscode.ConfigurationTarget.Workspace);
      await config.update('severity', { misquote: 'warning' }, vscode.ConfigurationTarget.Workspace);
      const ds = await waitForDiagnostics(doc.uri, d => d.some(x => x.message.startsWith('Quote differs from source') && x.severity === vscode.DiagnosticSeverity.Warning));
      assert.ok(ds.some(d => d.message.startsWith('Date found in source') && doc.getText(d.range) === 'last Sunday'), 'last Sunday read against 2025-05-11 (May 4)');
      await config.update('referenceDate', '2025-07-01', vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(doc.uri, d => d.some(x => x.message.startsWith('No source gives last Sunday') && doc.getText(x.range) === 'last Sunday'));
    } finally {
      await config.update('referenceDate', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('with no sources found, one message offers a folder picker, and the chosen folder is indexed', async () => {
    const api = await sourceCheck();
    const config = vscode.workspace.getConfiguration('sourceCheck');
    const original = config.inspect<string[]>('sources')?.workspaceValue;
    const seeds = vscode.Uri.joinPath(workspaceRoot(), '..', 'seeds');
    const messages: string[] = [];
    const notice = registerNoSourcesNotice({
      sources: api.sources,
      ui: {
        showInformationMessage: async (message: string, ...items: string[]) => { messages.push(message); return items[0]; },
        showOpenDialog: async () => [seeds],
      },
    });
    try {
      const draft = await untitledDraft('He said “we will never accept a ceasefire on these terms” and left.');
      await config.update('sources', ['no-such-folder'], vscode.ConfigurationTarget.Workspace);
      await waitUntil(() => messages.length === 1, 'the no-sources message');
      await checkedDraft(draft);
      assert.deepStrictEqual(vscode.languages.getDiagnostics(draft.uri), [], 'no underline per quotation while there are no sources');
      assert.strictEqual(messages[0], 'Source Check needs your source articles: choose the folder that holds them.');
      await waitUntil(() => api.sources.library.size === 2, 'the chosen folder indexed');
      assert.deepStrictEqual(vscode.workspace.getConfiguration('sourceCheck').get('sources'), ['no-such-folder', '../seeds']);
      assert.strictEqual(messages.length, 1, 'one message, not one per quotation');
    } finally {
      notice.dispose();
      await config.update('sources', original, vscode.ConfigurationTarget.Workspace);
      await waitUntil(() => api.sources.library.size === 2, 'sources restored');
    }
  });

  test('the walkthrough is contributed and opens', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'source-check.source-check#sourceCheck.gettingStarted', false);
    const ext = vscode.extensions.getExtension('source-check.source-check')!;
    const walkthroughs = ext.packageJSON.contributes.walkthroughs as Array<{ id: string; steps: Array<{ completionEvents?: string[] }> }>;
    assert.strictEqual(walkthroughs[0].id, 'sourceCheck.gettingStarted');
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthroughs[0].steps) for (const e of step.completionEvents ?? []) {
      if (e.startsWith('onCommand:')) assert.ok(commands.has(e.slice('onCommand:'.length)), e);
    }
  });
});
