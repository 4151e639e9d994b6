import * as vscode from 'vscode';
import { isFlagged, type Finding } from '../core/findings';
import { SourceSearch } from '../core/search/sourceSearch';
import { applyFixes } from './applyFixes';
import { clearArchivePassword, setArchivePassword } from './archivePassword';
import { COMMANDS, type CommandName } from './commandTable';
import type { DraftChecker } from './draftChecker';
import type { FindingsStore } from './findingsStore';
import type { IgnoreList } from './ignoreList';
import type { KnownDrafts } from './knownDrafts';
import type { Log } from './log';
import { chooseSourcesFolder } from './noSources';
import { openSourcePlace } from './openSource';
import { exportReport } from './exportReport';
import { showReport } from './report';
import { addAsSource, includeSource, removeSource, revealSource, unignoreFinding } from './sourceActions';
import { pickFromSources } from './sourcePicker';
import type { SourceIndex } from './sourceIndex';

export interface CommandDeps {
  readonly sources: SourceIndex;
  readonly checker: DraftChecker;
  readonly store: FindingsStore;
  readonly ignores: IgnoreList;
  readonly log: Log;
  readonly drafts?: KnownDrafts;
  /** Where the archive's password is kept (VS Code's SecretStorage). */
  readonly secrets: vscode.SecretStorage;
}

type Handlers = { [K in CommandName]: (...args: never[]) => unknown };

/** Registers a handler for every command of the command table (the type makes a missing one a compile error). */
export function registerCommands(deps: CommandDeps): vscode.Disposable {
  // One search for the session: it keeps its sorted vocabulary until the sources change.
  const search = new SourceSearch(deps.sources.library);
  const handlers: Handlers = {
    checkCurrentDraft: () => checkCurrentDraft(deps),
    searchSources: (query?: string) => pickFromSources(deps.sources, search, 'open', typeof query === 'string' ? query : ''),
    insertQuote: (query?: string) => pickFromSources(deps.sources, search, 'insert', typeof query === 'string' ? query : ''),
    showReport: () => showReport(deps.store, d => deps.checker.check(d), () => deps.sources.library.size),
    exportReport: (target?: unknown) => exportReport(deps, target),
    openSourceAtCursor: () => openSourceAtCursor(deps),
    fixAll: (choice?: unknown) => applyFixes(deps, choice),
    reindexSources: async () => {
      await deps.sources.reload({ everything: true });
      const n = deps.sources.library.size;
      void vscode.window.setStatusBarMessage(n === 1 ? vscode.l10n.t('Source Check: 1 source indexed') : vscode.l10n.t('Source Check: {0} sources indexed', n), 4000);
      return n;
    },
    chooseSourcesFolder: () => chooseSourcesFolder({ sources: deps.sources, drafts: deps.drafts }),
    showOutput: () => deps.log.show(),
    setArchivePassword: () => setArchivePassword(deps.secrets),
    clearArchivePassword: () => clearArchivePassword(deps.secrets),
    openSource: (place: unknown) => openSourcePlace(place),
    ignoreFinding: (uri: unknown, finding: unknown) => ignoreFinding(deps, uri, finding),
    addAsSource: (target?: unknown, selected?: unknown) => addAsSource(deps, target, selected),
    revealSource: (node: unknown) => revealSource(node),
    removeSource: (node: unknown) => removeSource(deps, node),
    includeSource: (node: unknown) => includeSource(deps, node),
    unignoreFinding: (node: unknown) => unignoreFinding(deps, node),
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

async function openSourceAtCursor(deps: CommandDeps): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  const f = editor && deps.store.at(editor.document, editor.document.offsetAt(editor.selection.active)).find(x => x.source);
  if (!f?.source) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a checked quotation or date that has a source.'));
    return undefined;
  }
  return openSourcePlace(f.source);
}

async function ignoreFinding(deps: CommandDeps, uri: unknown, finding: unknown): Promise<boolean> {
  if (!(uri instanceof vscode.Uri) || !finding || typeof finding !== 'object') return false;
  try {
    const file = await deps.ignores.add(uri, finding as Finding);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Source Check: ignored, recorded in {0}', vscode.workspace.asRelativePath(file)), 4000);
    return true;
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Source Check could not record the decision: {0}', (e as Error).message));
    return false;
  }
}
