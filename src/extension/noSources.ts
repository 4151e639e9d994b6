import * as vscode from 'vscode';
import { relativeUriPath } from '../core/text/uriPaths';
import { readSettings } from './settings';
import { SETTINGS_SECTION } from './settingsSchema';
import type { KnownDrafts } from './knownDrafts';
import type { SourceIndex } from './sourceIndex';

/** The dialogs used here, replaceable in tests (a real dialog cannot be clicked by a test). */
export interface NoSourcesUi {
  showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined>;
  showOpenDialog(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined>;
}

/** What choosing a folder needs: the dialogs, and the sources and drafts, so that open drafts stay drafts. */
export interface ChooseFolderDeps {
  readonly ui?: NoSourcesUi;
  readonly sources?: SourceIndex;
  readonly drafts?: KnownDrafts;
}

/**
 * Asks the journalist for a sources folder and adds it to `sourceCheck.sources` of the workspace folder (relative
 * to it). The setting is written only after the folder was chosen. The drafts open in editors under the folder are
 * recorded as drafts first: they are left out of the sources (a draft is never its own source), and the journalist is
 * told. Resolves to the pattern added.
 */
export async function chooseSourcesFolder(deps: ChooseFolderDeps = {}): Promise<string | undefined> {
  const ui = deps.ui ?? vscode.window;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: Source Check looks for sources in the workspace.'));
    return undefined;
  }
  const chosen = (await ui.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: folder.uri,
    openLabel: vscode.l10n.t('Use as Sources'), title: vscode.l10n.t('Folder of source articles, transcripts and press releases'),
  }))?.[0];
  if (!chosen) return undefined;
  const relative = chosen.scheme === folder.uri.scheme && chosen.authority === folder.uri.authority
    ? relativeUriPath(folder.uri.path, chosen.path) || '.'
    : undefined;
  if (relative === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Choose a folder on the same machine as the workspace.'));
    return undefined;
  }
  const sources = deps.sources;
  deps.drafts?.addOpenDrafts(chosen, uri => sources?.isSourceFile(uri) ?? false);
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri);
  const current = readSettings(folder.uri).sources;
  if (!current.includes(relative)) await config.update('sources', [...current, relative], vscode.ConfigurationTarget.WorkspaceFolder);
  return relative;
}

/**
 * One unobtrusive message when indexing finds no sources (not an error per quotation), with a button to choose a
 * folder. Shown once per session, and again only after sources were found and then lost.
 */
export function registerNoSourcesNotice(deps: { sources: SourceIndex; ui?: NoSourcesUi; drafts?: KnownDrafts }): vscode.Disposable {
  const ui = deps.ui ?? vscode.window;
  let shown = false;
  return deps.sources.onDidChange(async () => {
    if (deps.sources.library.size > 0) { shown = false; return; }
    if (shown || !vscode.workspace.workspaceFolders?.length) return;
    shown = true;
    const choose = vscode.l10n.t('Choose Folder…');
    // Plain words: the journalist needs to know what to do, not which globs matched nothing.
    const message = vscode.workspace.isTrusted
      ? vscode.l10n.t('Source Check needs your source articles: choose the folder that holds them.')
      : vscode.l10n.t('Source Check needs your source articles: choose the folder inside this workspace that holds them (in restricted mode, folders outside it are not read).');
    const answer = await ui.showInformationMessage(message, choose);
    if (answer !== choose) return;
    try {
      await chooseSourcesFolder({ ui, sources: deps.sources, drafts: deps.drafts });
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Source Check could not save the sources folder: {0}', (e as Error).message));
    }
  });
}
