import * as vscode from 'vscode';
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
