import * as vscode from 'vscode';
import * as assert from 'assert';
import type { Finding } from '../../../src/core/findings';
import type { SourceCheckApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'source-check.source-check';

export async function sourceCheck(): Promise<SourceCheckApi> {
  const ext = vscode.extensions.getExtension<SourceCheckApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  return ext.activate();
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the examples/ folder open');
  return folder.uri;
}

export function draftUri(name = 'draft.md'): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function openDraft(name = 'draft.md'): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(draftUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Resolves with the diagnostics of `uri` once `ready` accepts them (waits on events, never on sleeps). */
export function waitForDiagnostics(uri: vscode.Uri, ready: (ds: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 15000): Promise<readonly vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (ready(current)) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`diagnostics not ready: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(d => d.message))}`)); }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (!e.uris.some(u => u.toString() === uri.toString())) return;
      const ds = vscode.languages.getDiagnostics(uri);
      if (ready(ds)) { clearTimeout(timer); sub.dispose(); resolve(ds); }
    });
  });
}

/** A new untitled draft with `content`, shown in an editor. */
export async function untitledDraft(content: string, language = 'markdown'): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Checks the draft now (as the debounced checker would) and returns its findings. */
export async function checkedDraft(doc: vscode.TextDocument): Promise<readonly Finding[]> {
  const api = await sourceCheck();
  await api.sources.ready;
  // A check the editor starts meanwhile (on open or change) supersedes ours and hands its result over.
  assert.ok(await api.checker.check(doc), 'the document is checked as a draft');
  assert.strictEqual(api.store.get(doc.uri)?.version, doc.version);
  return api.store.get(doc.uri)?.findings ?? [];
}

/** The Source Check hover in the middle of the first occurrence of `text`. */
export async function hoverAt(doc: vscode.TextDocument, text: string): Promise<vscode.Hover> {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `“${text}” in the document`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + Math.floor(text.length / 2)));
  const ours = hovers.find(h => h.contents.some(c => c instanceof vscode.MarkdownString && c.value.includes('Source Check')));
  assert.ok(ours, `a Source Check hover on “${text}”`);
  return ours;
}

/** Waits until `ready()` holds, checking every 50 ms (for effects that have no event of their own). */
export async function waitUntil(ready: () => boolean | Promise<boolean>, what: string, timeoutMs = 15000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > until) throw new Error(`timed out waiting: ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}
