import * as vscode from 'vscode';
import type { IgnoreList } from './ignoreList';
import { SETTINGS_SECTION } from './settingsSchema';
import type { SourceIndex } from './sourceIndex';
import { SourcesTree } from './sourcesTree';

export const SOURCES_VIEW_ID = 'sourceCheck.sources';

export interface SourcesViewDeps {
  readonly sources: SourceIndex;
  readonly ignores: IgnoreList;
}

/**
 * The Sources view in the Explorer: refreshed when the index changes, when the ignore file changes and when
 * `sourceCheck.exclude` changes; while indexing, its message shows the progress. Empty once indexing has ended, it
 * shows its welcome (package.json `viewsWelcome`) with a button to choose the sources folder.
 */
export function registerSourcesView(deps: SourcesViewDeps): vscode.Disposable & { readonly tree: SourcesTree; readonly view: vscode.TreeView<unknown> } {
  const tree = new SourcesTree({ library: deps.sources.library, ignored: () => deps.ignores.entries() });
  const view = vscode.window.createTreeView(SOURCES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const showProgress = (): void => {
    const p = deps.sources.progress;
    view.message = p ? vscode.l10n.t('Indexing {0} / {1} sources', p.done.toLocaleString('en'), p.total.toLocaleString('en')) : undefined;
  };
  showProgress();
  const disposable = vscode.Disposable.from(
    tree, view,
    deps.sources.onDidChange(() => {
      // The welcome ("no sources yet") waits for the first indexing to end: an empty view while indexing is not empty.
      void vscode.commands.executeCommand('setContext', 'sourceCheck.sourcesLoaded', true);
      tree.refresh();
    }),
    deps.sources.onDidProgress(showProgress),
    deps.ignores.onDidChange(() => tree.refresh()),
    vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(`${SETTINGS_SECTION}.exclude`)) tree.refresh(); }),
  );
  return Object.assign(disposable, { tree, view: view as vscode.TreeView<unknown> });
}
