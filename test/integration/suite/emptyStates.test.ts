import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/extension/commandTable';
import { searchItems } from '../../../src/extension/sourcePicker';
import { sourceCheck, untitledDraft, waitUntil } from './helpers';

suite('Empty states', () => {
  test('Search says what to do: choose a sources folder, or try other words', async () => {
    const api = await sourceCheck();
    await api.sources.ready;
    const none = searchItems(0, 'anything', []);
    assert.strictEqual(none.length, 1);
    assert.ok(none[0].choose && /Choose the folder that holds your source articles/.test(none[0].label));
    const nothing = searchItems(api.sources.library.size, 'zzqx wobblefrotz', []);
    assert.deepStrictEqual(nothing.map(i => [i.label, Boolean(i.found), Boolean(i.choose)]), [['No source passage holds these words', false, false]]);
    assert.deepStrictEqual(searchItems(api.sources.library.size, '', []), [], 'before typing: the placeholder speaks');
  });

  test('Report on a draft with nothing to check says so instead of an empty list', async () => {
    await untitledDraft('A draft with no quotation and no date yet.');
    const shown: string[] = [];
    const original = vscode.window.showInformationMessage;
    (vscode.window as { showInformationMessage: unknown }).showInformationMessage = async (message: string) => { shown.push(message); return undefined; };
    try {
      const picked = await vscode.commands.executeCommand(COMMANDS.showReport.id);
      assert.strictEqual(picked, undefined);
      await waitUntil(() => shown.length > 0, 'the empty report message');
      assert.deepStrictEqual(shown, ['Nothing to report yet: this draft has no quotation in quotation marks and no date.']);
    } finally {
      (vscode.window as { showInformationMessage: unknown }).showInformationMessage = original;
    }
  });
});
