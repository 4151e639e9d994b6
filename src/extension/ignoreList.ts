import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import { IGNORE_FILE, isIgnored, parseIgnoreFile, withIgnored, type ParsedIgnoreFile } from '../core/ignore';
import type { Log } from './log';

/**
 * The ignore decisions of each workspace folder, read from `.source-check-ignore.json` at its root (a file meant to
 * be committed and shared) and kept current by a watcher. The file is written only when the journalist picks
 * "Ignore", and never over a file that cannot be parsed.
 */
export class IgnoreList implements vscode.Disposable {
  private readonly byFolder = new Map<string, ParsedIgnoreFile | undefined>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${IGNORE_FILE}`);
    const reread = (): void => { this.byFolder.clear(); this.changed.fire(); };
    this.disposables.push(watcher, watcher.onDidCreate(reread), watcher.onDidChange(reread), watcher.onDidDelete(reread),
      vscode.workspace.onDidChangeWorkspaceFolders(reread));
  }

  /** Filters out the ignored findings of `draft`. */
  async filter(draft: vscode.Uri, findings: readonly Finding[]): Promise<Finding[]> {
    const place = this.place(draft);
    const file = place ? await this.read(place.folder) : undefined;
    if (!place || !file?.ok || !file.entries.length) return [...findings];
    return findings.filter(f => !isIgnored(file.entries, f, place.relative));
  }

  /** Records the decision to ignore `finding` in `draft`; returns the file written. */
  async add(draft: vscode.Uri, finding: Finding): Promise<vscode.Uri> {
    const place = this.place(draft);
    if (!place) throw new Error(vscode.l10n.t('Ignoring needs the draft to be in a workspace folder, where {0} is kept.', IGNORE_FILE));
    this.byFolder.delete(place.folder.toString());
    const current = await this.read(place.folder);
    const text = withIgnored(current, finding, place.relative, new Date().toISOString().slice(0, 10));
    const uri = vscode.Uri.joinPath(place.folder, IGNORE_FILE);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    this.byFolder.delete(place.folder.toString());
    this.changed.fire();
    return uri;
  }

  private place(draft: vscode.Uri): { folder: vscode.Uri; relative: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(draft);
    if (!folder) return undefined;
    return { folder: folder.uri, relative: vscode.workspace.asRelativePath(draft, false) };
  }

  private async read(folder: vscode.Uri): Promise<ParsedIgnoreFile | undefined> {
    const key = folder.toString();
    if (this.byFolder.has(key)) return this.byFolder.get(key);
    let parsed: ParsedIgnoreFile | undefined;
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, IGNORE_FILE));
      parsed = parseIgnoreFile(new TextDecoder().decode(bytes));
      if (!parsed.ok) this.log.warn(parsed.error);
    } catch {
      parsed = undefined;
    }
    this.byFolder.set(key, parsed);
    return parsed;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
