import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { registerDiagnostics } from './diagnostics';
import { DraftChecker } from './draftChecker';
import { registerDraftsNotice } from './draftsNotice';
import { FindingsStore } from './findingsStore';
import { registerHover } from './hover';
import { IgnoreList } from './ignoreList';
import { KnownDrafts } from './knownDrafts';
import { createLog } from './log';
import { registerNoSourcesNotice } from './noSources';
import { SnapshotStore } from './snapshotStore';
import { SourceIndex } from './sourceIndex';
import { registerStatus } from './status';
import { registerStatusBar } from './statusBar';
import { registerSourcesView } from './sourcesView';
import { registerWalkthroughProgress } from './walkthroughProgress';
import type { SourcesTree } from './sourcesTree';

/** What the extension exposes to its integration tests (and to other extensions). */
export interface SourceCheckApi {
  readonly sources: SourceIndex;
  readonly store: FindingsStore;
  readonly checker: DraftChecker;
  readonly ignores: IgnoreList;
  readonly drafts: KnownDrafts;
  readonly status: vscode.LanguageStatusItem;
  readonly statusBar: vscode.StatusBarItem;
  readonly sourcesTree: SourcesTree;
}

export function activate(context: vscode.ExtensionContext): SourceCheckApi {
  const log = createLog();
  const store = new FindingsStore();
  const drafts = new KnownDrafts(context.workspaceState);
  // The index is kept between sessions in the workspace's storage (the global one without a workspace).
  const snapshots = new SnapshotStore(context.storageUri ?? context.globalStorageUri, log);
  const sources = new SourceIndex({ log, drafts, snapshots });
  const ignores = new IgnoreList({ log });
  const checker = new DraftChecker({ sources, store, ignores, log, drafts });
  const status = registerStatus({ sources, store });
  const statusBar = registerStatusBar({ sources, store });
  const sourcesView = registerSourcesView({ sources, ignores });
  context.subscriptions.push(
    log, store, sources, ignores, checker, status, statusBar, sourcesView,
    registerDiagnostics({ store }),
    registerHover({ store }),
    registerCodeActions({ store }),
    registerCommands({ sources, checker, store, ignores, log, drafts }),
    registerNoSourcesNotice({ sources, drafts }),
    registerDraftsNotice({ sources }),
    registerWalkthroughProgress({ sources, store }),
  );
  void sources.reload();
  checker.checkAll();
  return { sources, store, checker, ignores, drafts, status: status.item, statusBar: statusBar.item, sourcesTree: sourcesView.tree };
}

export function deactivate(): void {}
