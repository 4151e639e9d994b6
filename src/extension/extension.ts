import * as vscode from 'vscode';
import type { ArchiveConnector } from './archiveConnection';
import { ArchivedDocuments, registerArchiveDocuments } from './archiveDocuments';
import { ArchiveLookups } from './archiveLookups';
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
import { SourceIndex, type SourceIndexDeps } from './sourceIndex';
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
  readonly archive: ArchiveLookups;
}

/** Defined (true) by the web build (scripts/build.mjs), where PostgreSQL cannot be reached: the archive is absent. */
declare const SOURCE_CHECK_WEB: boolean | undefined;

/**
 * The archive's connector under Node, loading `pg` on the first connection (not at activation); in the web build the
 * branch is dead code and `pg` is never bundled.
 */
function archiveConnector(): ArchiveConnector | undefined {
  if (typeof SOURCE_CHECK_WEB === 'undefined' || !SOURCE_CHECK_WEB) {
    return (url, password, onError) =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would bundle pg into the web build
      (require('./archiveConnection') as typeof import('./archiveConnection')).connectArchive(url, password, onError);
  }
  return undefined;
}

/** Under Node, the snapshot is read in one request (see wholeFile.ts); the web build reads it through workspace.fs. */
function snapshotReader(): ((file: vscode.Uri) => Thenable<Uint8Array>) | undefined {
  if (typeof SOURCE_CHECK_WEB === 'undefined' || !SOURCE_CHECK_WEB) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would put node:fs into the web build
    return file => (require('./wholeFile') as typeof import('./wholeFile')).readWholeFile(file);
  }
  return undefined;
}

/** Under Node, a large library's dates are read on two threads (src/node/parallelDates.ts); in the web build, in slices. */
function datesReader(): SourceIndexDeps['readDates'] {
  if (typeof SOURCE_CHECK_WEB === 'undefined' || !SOURCE_CHECK_WEB) {
    return (docs, reference, dayFirst, pause) =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would put worker_threads into the web build
      (require('../node/parallelDates') as typeof import('../node/parallelDates')).readDatesInParallel(docs, reference, dayFirst, { pause });
  }
  return undefined;
}

export function activate(context: vscode.ExtensionContext): SourceCheckApi {
  const log = createLog();
  const store = new FindingsStore();
  const drafts = new KnownDrafts(context.workspaceState);
  // The index is kept between sessions in the workspace's storage (the global one without a workspace).
  const snapshots = new SnapshotStore(context.storageUri ?? context.globalStorageUri, log, undefined, snapshotReader());
  const sources = new SourceIndex({ log, drafts, snapshots, readDates: datesReader() });
  const ignores = new IgnoreList({ log });
  const archivedDocuments = new ArchivedDocuments();
  const archive = new ArchiveLookups({ log, secrets: context.secrets, documents: archivedDocuments, connect: archiveConnector() });
  const checker = new DraftChecker({ sources, store, ignores, log, drafts, archive });
  const status = registerStatus({ sources, store, archive });
  const statusBar = registerStatusBar({ sources, store });
  const sourcesView = registerSourcesView({ sources, ignores });
  context.subscriptions.push(
    log, store, sources, ignores, archive, checker, status, statusBar, sourcesView,
    registerArchiveDocuments({ documents: archivedDocuments }),
    sources.onDidChange(() => archive.forgetAnswers()),
    registerDiagnostics({ store }),
    registerHover({ store }),
    registerCodeActions({ store }),
    registerCommands({ sources, checker, store, ignores, log, drafts, secrets: context.secrets }),
    registerNoSourcesNotice({ sources, drafts }),
    registerDraftsNotice({ sources }),
    registerWalkthroughProgress({ sources, store }),
  );
  void sources.reload();
  checker.checkAll();
  return { sources, store, checker, ignores, drafts, status: status.item, statusBar: statusBar.item, sourcesTree: sourcesView.tree, archive };
}

export function deactivate(): void {}
