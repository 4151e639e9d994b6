import * as vscode from 'vscode';
import { isSourcePath, SOURCE_EXTENSIONS } from '../core/sources/document';
import { isDraft } from './drafts';
import type { IgnoreList } from './ignoreList';
import type { KnownDrafts } from './knownDrafts';
import { readSettings } from './settings';
import { SETTINGS_SECTION } from './settingsSchema';
import { exclude, folderOfSource, include, isExcluded, settingPath } from './sourceExclusions';
import type { SourceIndex } from './sourceIndex';
import type { SourceNode } from './sourcesTree';

export interface SourceActionDeps {
  readonly sources: SourceIndex;
  readonly ignores: IgnoreList;
  readonly drafts?: KnownDrafts;
  /** Whether the workspace is trusted (default: `workspace.isTrusted`); replaceable in tests. */
  readonly isTrusted?: () => boolean;
  /** Messages, replaceable in tests (a test cannot click a notification's button). */
  readonly ui?: Pick<typeof vscode.window, 'showInformationMessage' | 'showWarningMessage'>;
}

function nameOf(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** The file or folder a Sources view item stands for. */
function uriOf(node: unknown): vscode.Uri | undefined {
  if (node instanceof vscode.Uri) return node;
  const n = node as Partial<SourceNode> | undefined;
  return n && (n.kind === 'source' || n.kind === 'folder' || n.kind === 'skipped') ? n.uri : undefined;
}

/** Shows a source file or folder in the Explorer; one outside the workspace folders is named instead. */
export async function revealSource(node: unknown): Promise<boolean> {
  const uri = uriOf(node);
  if (!uri) return false;
  if (!vscode.workspace.getWorkspaceFolder(uri)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is outside the workspace folders, so the Explorer cannot show it. It is at {1}.', nameOf(uri), uri.fsPath || uri.toString()));
    return false;
  }
  await vscode.commands.executeCommand('revealInExplorer', uri);
  return true;
}

/**
 * Leaves a source file or folder out of the sources: it is recorded in the workspace folder's `sourceCheck.exclude`
 * (the file is never touched) and the index drops it. The message offers Undo; the view's "Removed" section too.
 */
export async function removeSource(deps: SourceActionDeps, node: unknown): Promise<string | undefined> {
  const uri = uriOf(node);
  const folder = uri && folderOfSource(uri);
  if (!uri || !folder) return undefined;
  const entry = settingPath(folder, uri);
  if (entry === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Source Check can only leave out files on the same machine as the workspace.'));
    return undefined;
  }
  if (readSettings(folder).exclude.includes(entry)) return entry;
  deps.sources.markRemoved(uri);
  await exclude(folder, uri);
  // The index read again with the settings just written, after any indexing under way (waiting for its next change
  // could take an earlier one for it, and the source was not yet listed).
  await deps.sources.reload();
  const undo = vscode.l10n.t('Undo');
  const ui = deps.ui ?? vscode.window;
  void Promise.resolve(ui.showInformationMessage(
    vscode.l10n.t('{0} is no longer a source. The file is untouched: it is listed in the setting sourceCheck.exclude, and Undo (or Include Again in the Sources view) uses it again.', entry),
    undo,
  )).then(answer => (answer === undo ? include(folder, entry) : undefined));
  return entry;
}

/** Takes an entry out of `sourceCheck.exclude` (a "Removed" item of the Sources view): its files are sources again. */
export async function includeSource(deps: SourceActionDeps, node: unknown): Promise<boolean> {
  const n = node as SourceNode | undefined;
  if (n?.kind !== 'removed') return false;
  if (!(await include(n.folder, n.entry))) return false;
  await deps.sources.reload();
  return true;
}

/** Un-ignores an "Ignored findings" item of the Sources view: the finding is shown again. */
export async function unignoreFinding(deps: SourceActionDeps, node: unknown): Promise<boolean> {
  const n = node as SourceNode | undefined;
  if (n?.kind !== 'ignored') return false;
  try {
    const removed = await deps.ignores.remove(n.folder, n.entry);
    if (!removed) void vscode.window.showInformationMessage(vscode.l10n.t('That decision is no longer in the ignore file.'));
    return removed;
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Source Check could not change the ignore file: {0}', (e as Error).message));
    return false;
  }
}

/** The drafts being checked (open drafts, and files remembered as drafts) at `uri` or under it. */
function draftsAt(deps: SourceActionDeps, uri: vscode.Uri): vscode.Uri[] {
  const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
  return vscode.workspace.textDocuments
    .filter(d => !d.isClosed && d.uri.scheme === uri.scheme && d.uri.authority === uri.authority && (d.uri.path === uri.path || d.uri.path.startsWith(prefix)))
    .filter(d => deps.drafts?.has(d.uri) || isDraft(d, u => deps.sources.isSourceFile(u)))
    .map(d => d.uri);
}

/**
 * Adds a file or folder (the Explorer's or an editor's context menu) to the workspace folder's `sourceCheck.sources`
 * and re-indexes. Refused, with one plain message, when it is or holds a draft being checked. Resolves to the entry
 * added (or already there).
 */
export async function addAsSource(deps: SourceActionDeps, target: unknown, selected?: unknown): Promise<string[]> {
  const uris = Array.isArray(selected) && selected.every(u => u instanceof vscode.Uri) && selected.length ? selected as vscode.Uri[]
    : target instanceof vscode.Uri ? [target] : vscode.window.activeTextEditor ? [vscode.window.activeTextEditor.document.uri] : [];
  const ui = deps.ui ?? vscode.window;
  const added: string[] = [];
  for (const uri of uris) {
    const entry = await addOne(deps, ui, uri);
    if (entry) added.push(entry);
  }
  return added;
}

async function addOne(deps: SourceActionDeps, ui: NonNullable<SourceActionDeps['ui']>, uri: vscode.Uri): Promise<string | undefined> {
  const folder = folderOfSource(uri);
  if (!folder) {
    void ui.showInformationMessage(vscode.l10n.t('Open a folder first: Source Check keeps its sources in the workspace settings.'));
    return undefined;
  }
  const entry = settingPath(folder, uri);
  if (entry === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Source Check can only add files on the same machine as the workspace.'));
    return undefined;
  }
  const drafts = draftsAt(deps, uri);
  if (drafts.length) {
    const draft = nameOf(drafts[0]);
    void ui.showWarningMessage(drafts[0].toString() === uri.toString()
      ? vscode.l10n.t('{0} is not added as a source: it is a draft you are checking, and a draft is never checked against itself.', draft)
      : vscode.l10n.t('{0} is not added as a source: it holds {1}, a draft you are checking, and a draft is never checked against itself. Put the sources in a folder of their own.', entry, draft));
    return undefined;
  }
  const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  if (stat && !(stat.type & vscode.FileType.Directory) && !isSourcePath(uri.path)) {
    void ui.showWarningMessage(vscode.l10n.t('{0} is not added as a source: Source Check reads {1} files.', entry, SOURCE_EXTENSIONS.join(', ')));
    return undefined;
  }
  const current = readSettings(folder).sources;
  const excludedEntry = readSettings(folder).exclude.includes(entry);
  if ((current.includes(entry) || deps.sources.isSource(uri)) && !excludedEntry) {
    void ui.showInformationMessage(vscode.l10n.t('{0} is already among the sources.', entry));
    return entry;
  }
  const trusted = (deps.isTrusted ?? (() => vscode.workspace.isTrusted))();
  if (excludedEntry) await include(folder, entry);
  if (!current.includes(entry)) {
    await vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).update('sources', [...current, entry], vscode.ConfigurationTarget.WorkspaceFolder);
  }
  if (!trusted) {
    // sourceCheck.sources is a restricted setting: VS Code applies the workspace's value only once it is trusted.
    void ui.showWarningMessage(vscode.l10n.t('{0} is added to the workspace\'s sources, which VS Code applies only once you trust this workspace: until then, Source Check reads the sources named in your user settings.', entry));
    return entry;
  }
  await deps.sources.reload();
  if (isExcluded(folder, uri)) {
    void ui.showWarningMessage(vscode.l10n.t('{0} is added to the sources, but the setting sourceCheck.exclude still leaves it out.', entry));
  } else {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Source Check: {0} added, {1} sources indexed', entry, deps.sources.library.size), 4000);
  }
  return entry;
}
