import * as vscode from 'vscode';
import { isFlagged } from '../core/findings';
import { COMMANDS } from './commandTable';
import type { FindingsStore } from './findingsStore';
import { DRAFT_SELECTOR } from './hover';
import type { SourceIndex } from './sourceIndex';

/**
 * A status bar item of its own, beside the language status item: the sources indexed and the active draft's flagged
 * count; a click opens the report (or, with no sources, the folder picker). Shown while a draft is the active editor.
 */
export function registerStatusBar(deps: { sources: SourceIndex; store: FindingsStore }): vscode.Disposable & { readonly item: vscode.StatusBarItem } {
  const item = vscode.window.createStatusBarItem('sourceCheck.statusBar', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Source Check';
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !vscode.languages.match(DRAFT_SELECTOR, editor.document)) { item.hide(); return; }
    const indexing = deps.sources.progress;
    const sources = deps.sources.library.size;
    const entry = deps.store.get(editor.document.uri);
    const flagged = entry?.findings.filter(isFlagged).length ?? 0;
    if (indexing) {
      item.text = vscode.l10n.t('$(sync~spin) Source Check: indexing {0} / {1}', indexing.done.toLocaleString('en-US'), indexing.total.toLocaleString('en-US'));
      item.tooltip = vscode.l10n.t('Drafts are checked when indexing ends.');
      item.command = COMMANDS.showOutput.id;
      item.backgroundColor = undefined;
    } else if (sources === 0) {
      item.text = vscode.l10n.t('$(book) Source Check: no sources');
      item.tooltip = vscode.l10n.t('Choose the folder that holds your source articles.');
      item.command = COMMANDS.chooseSourcesFolder.id;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      const count = sources.toLocaleString('en-US');
      // A draft with no date of its own has its dates read against today: said where the journalist looks, not only
      // in each date's hover (the command line warns too).
      const today = entry?.findings.find(f => f.kind === 'date' && f.reference?.from === 'today')?.reference?.date;
      // A source (or a file removed from the sources) open to be read is not a draft: it is never checked.
      const uri = editor.document.uri;
      const source = deps.sources.isSource(uri) ? 'source' : deps.sources.isSourceFile(uri) ? 'removed' : undefined;
      item.text = entry
        ? vscode.l10n.t('$(book) {0} · $(warning) {1} flagged', count, flagged) + (today ? vscode.l10n.t(' · $(calendar) no date') : '')
        : source === 'source' ? vscode.l10n.t('$(book) {0} · this is a source', count)
          : source === 'removed' ? vscode.l10n.t('$(book) {0} · removed from the sources', count)
            : vscode.l10n.t('$(book) {0} · not checked yet', count);
      const indexed = sources === 1 ? vscode.l10n.t('1 source indexed') : vscode.l10n.t('{0} sources indexed', count);
      item.tooltip = entry
        ? vscode.l10n.t('{0}; {1} of the draft\'s {2} quotations and dates flagged. Click for the report.', indexed, flagged, entry.findings.length)
          + (today ? ` ${vscode.l10n.t('The draft has no date of its own (front matter date:, or the sourceCheck.referenceDate setting): its dates are read against today, {0}.', today)}` : '')
        : source === 'source' ? vscode.l10n.t('{0}. This file is one of them: drafts are checked against it, it is not checked itself.', indexed)
          : source === 'removed' ? vscode.l10n.t('{0}. This file was removed from the sources (sourceCheck.exclude): it is neither used nor checked as a draft.', indexed)
            : vscode.l10n.t('{0}. Click for the report.', indexed);
      item.command = COMMANDS.showReport.id;
      item.backgroundColor = undefined;
    }
    item.show();
  };
  update();
  const subs = vscode.Disposable.from(item, deps.sources.onDidChange(update), deps.sources.onDidProgress(update),
    deps.store.onDidChange(update), vscode.window.onDidChangeActiveTextEditor(update));
  return Object.assign(subs, { item });
}
