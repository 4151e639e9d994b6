import * as vscode from 'vscode';
import { isFlagged, type Finding } from '../core/findings';
import { COMMANDS, type CommandName } from './commandTable';
import type { DraftChecker } from './draftChecker';
import type { FindingsStore } from './findingsStore';
import type { Log } from './log';
import type { SourceIndex } from './sourceIndex';

export interface CommandDeps {
  readonly sources: SourceIndex;
  readonly checker: DraftChecker;
  readonly store: FindingsStore;
  readonly log: Log;
}

type Handlers = { [K in CommandName]: (...args: never[]) => unknown };

/** Registers a handler for every command of the command table (the type makes a missing one a compile error). */
export function registerCommands(deps: CommandDeps, extra: Partial<Handlers> = {}): vscode.Disposable {
  const handlers: Handlers = {
    checkCurrentDraft: () => checkCurrentDraft(deps),
    reindexSources: async () => {
      await deps.sources.reload();
      const n = deps.sources.library.size;
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Source Check: {0} sources indexed', n), 4000);
      return n;
    },
    showOutput: () => deps.log.show(),
    ...extra,
  };
  return vscode.Disposable.from(
    ...Object.entries(handlers).map(([name, handler]) => vscode.commands.registerCommand(COMMANDS[name as CommandName].id, handler)),
  );
}

async function checkCurrentDraft(deps: CommandDeps): Promise<readonly Finding[] | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown or plain-text draft to check it.'));
    return undefined;
  }
  if (!(await deps.checker.check(editor.document))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Source Check checks Markdown and plain-text drafts, not sources.'));
    return undefined;
  }
  const findings = deps.store.get(editor.document.uri)?.findings ?? [];
  const flagged = findings.filter(isFlagged).length;
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Source Check: {0} checked, {1} flagged', findings.length, flagged), 4000);
  return findings;
}
