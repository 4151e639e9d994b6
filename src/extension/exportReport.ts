import * as vscode from 'vscode';
import type { SourceRef } from '../core/findings';
import { checkedAtOf, htmlReport, markdownReport, relativeLink } from '../core/report/deskReport';
import { relativeUriPath } from '../core/text/uriPaths';
import type { DraftChecker } from './draftChecker';
import type { FindingsStore } from './findingsStore';
import type { SourceIndex } from './sourceIndex';

export interface ExportReportDeps {
  readonly sources: SourceIndex;
  readonly checker: DraftChecker;
  readonly store: FindingsStore;
}

/**
 * Writes the active draft's verdicts as a report the desk can keep, Markdown or HTML by the file's extension, to the
 * file the journalist picks (or `target`, for tests and keybindings that pass one). Nothing is written unasked.
 */
export async function exportReport(deps: ExportReportDeps, target?: unknown): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !(await deps.checker.check(editor.document))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown or plain-text draft to export its report.'));
    return undefined;
  }
  const draft = editor.document.uri;
  const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(draft, '..', `${baseName(draft.path).replace(/\.[^.]*$/, '')}.source-check.md`),
    filters: { [vscode.l10n.t('Markdown')]: ['md'], HTML: ['html'] },
    saveLabel: vscode.l10n.t('Export Report'),
    title: vscode.l10n.t('Export the Source Check report'),
  });
  if (!uri) return undefined;
  const findings = deps.store.get(draft)?.findings ?? [];
  const options = {
    checkedAt: checkedAtOf(new Date()),
    sources: deps.sources.library.size,
    linkOf: (s: SourceRef) => linkFrom(uri, s),
  };
  const drafts = [{ name: vscode.workspace.asRelativePath(draft), findings }];
  const text = /\.html?$/i.test(uri.path) ? htmlReport(drafts, options) : markdownReport(drafts, options);
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Source Check could not write the report to {0}: {1}', uri.fsPath, (e as Error).message));
    return undefined;
  }
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Source Check: report written to {0}', vscode.workspace.asRelativePath(uri)), 4000);
  return uri;
}

/** A source's link from the report: relative when both are files of one scheme and authority, else the source's URI. */
function linkFrom(report: vscode.Uri, s: SourceRef): string {
  const source = vscode.Uri.parse(s.path);
  if (source.scheme !== report.scheme || source.authority !== report.authority) return `${source.toString()}#L${s.line}`;
  return relativeLink(relativeUriPath(report.path.replace(/\/[^/]*$/, ''), source.path), s.line);
}

function baseName(path: string): string {
  return path.split('/').pop() || 'draft';
}
