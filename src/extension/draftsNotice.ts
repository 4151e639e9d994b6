import * as vscode from 'vscode';
import type { SourceIndex } from './sourceIndex';

/** The message boxes used here, replaceable in tests. */
export interface DraftsNoticeUi {
  showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined>;
}

/**
 * Tells the journalist, once per draft and session, that a draft the sources setting names (say, after Choose
 * Folder… on the workspace root) is left out of the sources: a draft is never checked against itself.
 */
export function registerDraftsNotice(deps: { sources: SourceIndex; ui?: DraftsNoticeUi }): vscode.Disposable {
  const ui = deps.ui ?? vscode.window;
  const told = new Set<string>();
  return deps.sources.onDidLeaveOutDrafts(drafts => {
    const fresh = drafts.filter(d => !told.has(d.toString()));
    if (!fresh.length) return;
    for (const d of fresh) told.add(d.toString());
    const names = fresh.slice(0, 3).map(d => vscode.workspace.asRelativePath(d, false));
    const more = fresh.length > 3 ? vscode.l10n.t(' and {0} more', fresh.length - 3) : '';
    const message = fresh.length === 1
      ? vscode.l10n.t('Source Check does not use {0} as a source: it is a draft you are checking, and a draft is never checked against itself.', names[0])
      : vscode.l10n.t('Source Check does not use {0}{1} as sources: they are drafts you are checking, and a draft is never checked against itself.', names.join(', '), more);
    void ui.showInformationMessage(message);
  });
}
