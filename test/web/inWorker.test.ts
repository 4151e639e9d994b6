import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../integration/suite/helpers';

// First in each web run: every other test there counts only if the extension is really in a web worker.
suite('In the browser: a web worker', () => {
  test('the extension runs its browser entry in a web worker, with no Node API', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    await ext.activate();
    // A web extension runs beside the UI (kind UI), not in the remote Node host (kind Workspace).
    assert.strictEqual(ext.extensionKind, vscode.ExtensionKind.UI);
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    assert.strictEqual(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no Node `process` in a web worker');
    assert.strictEqual(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a worker global scope');
  });
});
