import * as vscode from 'vscode';
import type { FindingsStore } from './findingsStore';
import type { SourceIndex } from './sourceIndex';
import { WALKTHROUGH_CONTEXT } from './walkthroughContext';


/** Ticks the walkthrough's "sources" and "draft" steps when they are done, not only when their command is run. */
export function registerWalkthroughProgress(deps: { sources: SourceIndex; store: FindingsStore }): vscode.Disposable {
  let hasSources = false;
  let draftChecked = false;
  const sourcesChanged = (): void => {
    if (hasSources || deps.sources.library.size === 0) return;
    hasSources = true;
    void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT.hasSources, true);
  };
  sourcesChanged();
  return vscode.Disposable.from(
    deps.sources.onDidChange(sourcesChanged),
    deps.store.onDidChange(uri => {
      if (draftChecked || !deps.store.get(uri)?.findings.length) return;
      draftChecked = true;
      void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT.draftChecked, true);
    }),
  );
}
