import * as vscode from 'vscode';
import { relativeUriPath } from '../core/text/uriPaths';
import { globToRegExp, isGlob } from '../core/sources/glob';
import { readSettings } from './settings';
import { SETTINGS_SECTION } from './settingsSchema';

function normalize(raw: string): string {
  return raw.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

function within(uri: vscode.Uri, target: vscode.Uri): boolean {
  return uri.scheme === target.scheme && uri.authority === target.authority
    && (uri.path === target.path || uri.path.startsWith(target.path.endsWith('/') ? target.path : `${target.path}/`));
}

/** Whether an entry of `sourceCheck.exclude` (a file, a folder or a glob, relative to `folder`) names `uri`. */
export function excludes(folder: vscode.Uri, entry: string, uri: vscode.Uri): boolean {
  const pattern = normalize(entry);
  if (!pattern) return false;
  if (isGlob(pattern)) return uri.scheme === folder.scheme && globToRegExp(vscode.Uri.joinPath(folder, pattern).path).test(uri.path);
  return within(uri, vscode.Uri.joinPath(folder, pattern));
}

/** Whether the workspace folder's `sourceCheck.exclude` setting leaves a file out (the setting read once). */
export function excluder(folder: vscode.WorkspaceFolder): (uri: vscode.Uri) => boolean {
  const entries = readSettings(folder).exclude;
  return uri => entries.some(entry => excludes(folder.uri, entry, uri));
}

export function isExcluded(folder: vscode.WorkspaceFolder, uri: vscode.Uri): boolean {
  return excluder(folder)(uri);
}

/** `uri` relative to the workspace folder, as the settings write paths (`../seeds/a.txt` beside it). */
export function settingPath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority) return undefined;
  return relativeUriPath(folder.uri.path, uri.path) || '.';
}

/** The workspace folder whose sources hold `uri` (a source may lie beside the folder, as `../seeds` does). */
export function folderOfSource(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
}

/** Records `uri` (a source file or folder) in the folder's `sourceCheck.exclude`; resolves to the entry written. */
export async function exclude(folder: vscode.WorkspaceFolder, uri: vscode.Uri): Promise<string | undefined> {
  const entry = settingPath(folder, uri);
  if (entry === undefined) return undefined;
  const current = readSettings(folder).exclude;
  if (!current.includes(entry)) await write(folder, [...current, entry]);
  return entry;
}

/** Takes `entry` out of the folder's `sourceCheck.exclude`: its files are sources again. */
export async function include(folder: vscode.WorkspaceFolder, entry: string): Promise<boolean> {
  const current = readSettings(folder).exclude;
  if (!current.includes(entry)) return false;
  await write(folder, current.filter(e => e !== entry));
  return true;
}

function write(folder: vscode.WorkspaceFolder, entries: string[]): Thenable<void> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri);
  return config.update('exclude', entries, vscode.ConfigurationTarget.WorkspaceFolder);
}
