import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerDiagnostics } from './diagnostics';
import { DraftChecker } from './draftChecker';
import { FindingsStore } from './findingsStore';
import { createLog } from './log';
import { SourceIndex } from './sourceIndex';

/** What the extension exposes to its integration tests (and to other extensions). */
export interface SourceCheckApi {
  readonly sources: SourceIndex;
  readonly store: FindingsStore;
  readonly checker: DraftChecker;
}

export function activate(context: vscode.ExtensionContext): SourceCheckApi {
  const log = createLog();
  const store = new FindingsStore();
  const sources = new SourceIndex(log);
  const checker = new DraftChecker({ sources, store, log });
  context.subscriptions.push(
    log, store, sources, checker,
    registerDiagnostics({ store }),
    registerCommands({ sources, checker, store, log }),
  );
  void sources.reload();
  checker.checkAll();
  return { sources, store, checker };
}

export function deactivate(): void {}
