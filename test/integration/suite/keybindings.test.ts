import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

interface Binding { key?: string; mac?: string; command?: string }

/** A key chord in one spelling: modifiers sorted ("ctrl+alt+shift+s" and "ctrl+shift+alt+s" are one chord). */
const chord = (key: string): string => key.toLowerCase().split(' ').map(part => {
  const keys = part.split('+');
  return [...keys.slice(0, -1).sort(), keys[keys.length - 1]].join('+');
}).join(' ');

suite('Keybindings', () => {
  test('our keybindings clash with no default keybinding of VS Code', async () => {
    const ours = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.keybindings as Binding[]);
    assert.ok(ours.length >= 2);
    // The Default Keyboard Shortcuts (JSON) document: every keybinding VS Code and its built-in extensions define.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    const defaults = JSON.parse(doc.getText().replace(/^\s*\/\/.*$/gm, '')) as Binding[];
    assert.ok(defaults.length > 500, `${defaults.length} default keybindings read`);
    const others = defaults.filter(b => b.key && !b.command?.replace(/^-/, '').startsWith('sourceCheck.'));
    for (const b of ours) {
      const clash = others.filter(d => chord(d.key!) === chord(b.key!));
      assert.deepStrictEqual(clash.map(d => d.command), [], `${b.key} for ${b.command}`);
    }
  });
});
