import * as vscode from 'vscode';
import { unreadDraftDate } from '../core/check';
import { isoDate } from '../core/dates/calendar';
import { isFlagged } from '../core/findings';
import type { ArchiveLookups } from './archiveLookups';
import { COMMANDS } from './commandTable';
import type { FindingsStore } from './findingsStore';
import { DRAFT_SELECTOR } from './hover';
import { readSettings } from './settings';
import type { SourceIndex } from './sourceIndex';

/** A language status item on drafts: how many sources are indexed, and the draft's verified and flagged counts. */
export function registerStatus(deps: { sources: SourceIndex; store: FindingsStore; archive?: ArchiveLookups }): vscode.Disposable & { readonly item: vscode.LanguageStatusItem } {
  const item = vscode.languages.createLanguageStatusItem('sourceCheck.status', DRAFT_SELECTOR);
  item.name = 'Source Check';
  const update = (): void => {
    const indexing = deps.sources.progress;
    if (indexing) {
      // Drafts are checked when indexing ends: a half-built library would call quotations "unsourced".
      item.text = vscode.l10n.t('$(sync~spin) Indexing {0} / {1} sources', indexing.done.toLocaleString('en-US'), indexing.total.toLocaleString('en-US'));
      item.detail = vscode.l10n.t('drafts are checked when indexing ends');
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.busy = true;
      item.command = { command: COMMANDS.showOutput.id, title: vscode.l10n.t('Log') };
      return;
    }
    item.busy = false;
    const sources = deps.sources.library.size;
    item.text = sources === 1 ? vscode.l10n.t('$(book) 1 source') : vscode.l10n.t('$(book) {0} sources', sources);
    const editor = vscode.window.activeTextEditor;
    const entry = editor ? deps.store.get(editor.document.uri) : undefined;
    const findings = entry?.findings ?? [];
    const flagged = findings.filter(isFlagged).length;
    const uri = editor?.document.uri;
    item.detail = entry ? vscode.l10n.t('{0} verified or supported, {1} flagged', findings.length - flagged, flagged)
      : uri && deps.sources.isSource(uri) ? vscode.l10n.t('this file is a source, not a draft: it is not checked')
        : uri && deps.sources.isSourceFile(uri) ? vscode.l10n.t('this file was removed from the sources: it is not checked')
          : vscode.l10n.t('not checked yet');
    const archive = deps.archive?.state;
    if (archive) item.detail += archive.failing ? vscode.l10n.t('; the archive {0} cannot be read', archive.label) : vscode.l10n.t('; and the archive {0}', archive.label);
    const unreadDate = entry && editor ? unreadableDate(editor.document) : undefined;
    if (unreadDate) item.detail += `; ${unreadDate}`;
    item.severity = sources === 0 || flagged || archive?.failing || unreadDate ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = sources === 0
      ? { command: COMMANDS.chooseSourcesFolder.id, title: vscode.l10n.t('Choose Folder') }
      : { command: COMMANDS.showReport.id, title: vscode.l10n.t('Report') };
  };
  update();
  const subs = vscode.Disposable.from(item, deps.sources.onDidChange(update), deps.sources.onDidProgress(update), deps.store.onDidChange(update), vscode.window.onDidChangeActiveTextEditor(update),
    ...(deps.archive ? [deps.archive.onDidChangeState(update)] : []));
  return Object.assign(subs, { item });
}

/**
 * Why a draft's `date:` front matter is no day, and the day its dates were read against instead (the command line
 * warns the same way): never a silent fallback to today.
 */
function unreadableDate(document: vscode.TextDocument): string | undefined {
  const settings = readSettings(document);
  const options = { markdown: document.languageId === 'markdown', referenceDate: settings.referenceDate || undefined, dayFirst: settings.dayFirst };
  const unread = unreadDraftDate(document.getText(), options);
  return unread && vscode.l10n.t('{0}: its dates are read against {1}', unread.error, isoDate(unread.reference.date));
}
