import * as vscode from 'vscode';
import type { SourceRef } from '../core/findings';

/** Where a source passage is: what the hover link and the palette pass to the openSource command. */
export type SourcePlace = Pick<SourceRef, 'path' | 'line' | 'column' | 'endLine' | 'endColumn'>;

/**
 * Opens the original source at the passage, with the passage selected, read-only for this session: a keystroke meant
 * for the draft would replace the selected passage, and where files save themselves (VS Code for the Web) the source
 * would be changed on disk (the journalist can make it writable again from the editor's title). Arguments are
 * checked, not trusted.
 */
export async function openSourcePlace(place: unknown): Promise<vscode.TextEditor | undefined> {
  if (!isPlace(place)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Source Check: cannot open that source passage.'));
    return undefined;
  }
  const uri = vscode.Uri.parse(place.path);
  const selection = new vscode.Selection(place.line - 1, place.column - 1, place.endLine - 1, place.endColumn - 1);
  const editor = await vscode.window.showTextDocument(uri, { selection, preview: true });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  // A source the journalist already has unsaved edits in is theirs to edit; any other opens read-only.
  if (!editor.document.isDirty) await vscode.commands.executeCommand(READONLY_IN_SESSION);
  return editor;
}

/** VS Code's own command (1.79 and later): the active editor read-only until the window closes. */
const READONLY_IN_SESSION = 'workbench.action.files.setActiveEditorReadonlyInSession';

function isPlace(p: unknown): p is SourcePlace {
  if (!p || typeof p !== 'object') return false;
  const o = p as Record<string, unknown>;
  const pos = (k: string): boolean => Number.isInteger(o[k]) && (o[k] as number) >= 1;
  return typeof o.path === 'string' && /^[a-z][\w+.-]*:/i.test(o.path) && pos('line') && pos('column') && pos('endLine') && pos('endColumn');
}
