import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import { IGNORE_FILE, isIgnored, parseIgnoreFile, withIgnored, withoutIgnored, type IgnoreEntry, type ParsedIgnoreFile } from '../core/ignore';
import type { Log } from './log';

/** What the ignore list needs from the editor, replaceable in tests (a failing disk, a message that is clicked). */
export interface IgnoreListDeps {
  readonly log: Log;
  readonly fs?: Pick<vscode.FileSystem, 'readFile' | 'writeFile'>;
  readonly ui?: { showWarningMessage(message: string, ...items: string[]): Thenable<string | undefined> };
}

/** The ignore file of a folder as read: absent (not found, and only then), or parsed (maybe broken). */
type ReadFile = { absent: true } | { absent: false; parsed: ParsedIgnoreFile };

/**
 * The ignore decisions of each workspace folder, read from `.source-check-ignore.json` at its root (a file meant to
 * be committed and shared) and kept current by a watcher and by edits of the open file. Only a file that is not
 * found counts as absent: one that cannot be read or parsed is shown to the journalist (once, with a button that
 * opens it) and never written. Decisions are written one at a time, each over the file as it is then, and through
 * the open document when the file is open in an editor (so the user's unsaved edits are kept and undo works).
 */
export class IgnoreList implements vscode.Disposable {
  private readonly byFolder = new Map<string, ReadFile>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The write in progress: the next one starts when it ends, whatever its outcome. */
  private writing: Promise<unknown> = Promise.resolve();
  /** Problems already shown, by file and message, so a broken file is reported once, not at every check. */
  private readonly reported = new Set<string>();
  private readonly fs: Pick<vscode.FileSystem, 'readFile' | 'writeFile'>;
  private readonly ui: NonNullable<IgnoreListDeps['ui']>;
  private readonly log: Log;

  constructor(deps: IgnoreListDeps) {
    this.log = deps.log;
    this.fs = deps.fs ?? vscode.workspace.fs;
    this.ui = deps.ui ?? vscode.window;
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${IGNORE_FILE}`);
    const reread = (): void => { this.byFolder.clear(); this.changed.fire(); };
    const isIgnoreFile = (d: vscode.TextDocument): boolean => d.uri.path.endsWith(`/${IGNORE_FILE}`);
    this.disposables.push(watcher, watcher.onDidCreate(reread), watcher.onDidChange(reread), watcher.onDidDelete(reread),
      vscode.workspace.onDidChangeWorkspaceFolders(reread),
      vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length && isIgnoreFile(e.document)) reread(); }),
      vscode.workspace.onDidCloseTextDocument(d => { if (isIgnoreFile(d)) reread(); }));
  }

  /** Filters out the ignored findings of `draft` (none when the file cannot be used: the journalist is told why). */
  async filter(draft: vscode.Uri, findings: readonly Finding[]): Promise<Finding[]> {
    const place = this.place(draft);
    const file = place ? await this.read(place.folder) : undefined;
    if (!place || !file || file.absent || !file.parsed.ok || !file.parsed.entries.length) return [...findings];
    const { entries } = file.parsed;
    return findings.filter(f => !isIgnored(entries, f, place.relative));
  }

  /**
   * Records the decision to ignore `finding` in `draft`; resolves to the file written. Calls are serialized: each
   * reads the file as the previous one left it, so two quick Ignores both land.
   */
  add(draft: vscode.Uri, finding: Finding): Promise<vscode.Uri> {
    return this.serialized(async () => {
      const place = this.place(draft);
      if (!place) throw new Error(vscode.l10n.t('Ignoring needs the draft to be in a workspace folder, where {0} is kept.', IGNORE_FILE));
      const uri = vscode.Uri.joinPath(place.folder, IGNORE_FILE);
      await this.edit(place.folder, current => withIgnored(current, finding, place.relative, new Date().toISOString().slice(0, 10)));
      return uri;
    });
  }

  /**
   * Takes a decision out of the folder's ignore file (un-ignore), through the same serialized path as `add`: the
   * finding is shown again. Resolves to false when the file no longer holds the entry (nothing is written).
   */
  remove(folder: vscode.Uri, entry: IgnoreEntry): Promise<boolean> {
    return this.serialized(() => this.edit(folder, current => withoutIgnored(current, entry)));
  }

  /** Every decision recorded in the workspace folders' ignore files (a file that cannot be used lists none). */
  async entries(): Promise<Array<{ folder: vscode.Uri; entry: IgnoreEntry }>> {
    const out: Array<{ folder: vscode.Uri; entry: IgnoreEntry }> = [];
    for (const { uri: folder } of vscode.workspace.workspaceFolders ?? []) {
      const file = await this.read(folder);
      if (!file.absent && file.parsed.ok) for (const entry of file.parsed.entries) out.push({ folder, entry });
    }
    return out;
  }

  /** Runs writes one at a time: each reads the file as the previous one left it, whatever its outcome. */
  private serialized<T>(write: () => Promise<T>): Promise<T> {
    const done = this.writing.then(write);
    this.writing = done.catch(() => undefined);
    return done;
  }

  /** Writes the folder's ignore file as `change` makes it from its current contents (undefined: nothing to write). */
  private async edit(folder: vscode.Uri, change: (current: ParsedIgnoreFile | undefined) => string | undefined): Promise<boolean> {
    const uri = vscode.Uri.joinPath(folder, IGNORE_FILE);
    // The file as it is now: the open document (unsaved edits included), else the file itself.
    const open = openDocument(uri);
    const current = open ? { absent: false as const, parsed: parseIgnoreFile(open.getText()) } : await this.readFile(uri);
    if (!current.absent && !current.parsed.ok) throw new Error(current.parsed.error);
    const text = change(current.absent ? undefined : current.parsed);
    if (text === undefined) return false;
    if (open) {
      if (open.getText() !== text) {
        const wasDirty = open.isDirty;
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), text);
        if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('the editor refused the edit of {0}', IGNORE_FILE));
        // Saved when it held no unsaved edits of the journalist's (the desk reads the file); else left to them.
        if (!wasDirty && !(await open.save())) {
          throw new Error(vscode.l10n.t('the change is in the open {0}, which could not be saved', IGNORE_FILE));
        }
      }
    } else {
      await this.fs.writeFile(uri, new TextEncoder().encode(text));
    }
    this.byFolder.delete(folder.toString());
    this.changed.fire();
    return true;
  }

  private place(draft: vscode.Uri): { folder: vscode.Uri; relative: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(draft);
    if (!folder) return undefined;
    return { folder: folder.uri, relative: vscode.workspace.asRelativePath(draft, false) };
  }

  private async read(folder: vscode.Uri): Promise<ReadFile> {
    const key = folder.toString();
    const known = this.byFolder.get(key);
    if (known) return known;
    const uri = vscode.Uri.joinPath(folder, IGNORE_FILE);
    let file: ReadFile | undefined;
    const open = openDocument(uri);
    if (open) {
      const parsed = parseIgnoreFile(open.getText());
      // A document being edited may be half-written: until it parses, the saved file holds the decisions.
      if (parsed.ok || !open.isDirty) file = { absent: false, parsed };
    }
    file ??= await this.readFile(uri);
    this.byFolder.set(key, file);
    if (!file.absent && !file.parsed.ok) this.report(uri, file.parsed.error);
    else for (const k of [...this.reported]) if (k.startsWith(`${uri.toString()}\u0000`)) this.reported.delete(k);
    return file;
  }

  private async readFile(uri: vscode.Uri): Promise<ReadFile> {
    try {
      return { absent: false, parsed: parseIgnoreFile(new TextDecoder().decode(await this.fs.readFile(uri))) };
    } catch (e) {
      return isNotFound(e)
        ? { absent: true }
        : { absent: false, parsed: { ok: false, error: vscode.l10n.t('{0} cannot be read: {1}', IGNORE_FILE, (e as Error).message) } };
    }
  }

  /** Tells the journalist, once per file and problem, that the decisions recorded in it are not applied. */
  private report(uri: vscode.Uri, error: string): void {
    this.log.warn(`${uri.fsPath || uri.toString()}: ${error}`);
    const key = `${uri.toString()}\u0000${error}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const openIt = vscode.l10n.t('Open File');
    void Promise.resolve(this.ui.showWarningMessage(
      vscode.l10n.t('Source Check cannot use the shared ignore file: {0}. Findings ignored there are shown again, and Ignore will not write to it until it is fixed.', error),
      openIt,
    )).then(answer => answer === openIt ? vscode.window.showTextDocument(uri) : undefined)
      .then(undefined, e => this.log.warn(`cannot open ${uri.toString()}: ${(e as Error).message}`));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The ignore file's document when the journalist has it open: in an editor tab, or holding unsaved edits. (VS Code
 * keeps a closed editor's document around for a while; such a document is the file's, and the file is read.)
 */
function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === key && !d.isClosed);
  if (!doc || doc.isDirty) return doc;
  const inTab = vscode.window.tabGroups.all.some(g => g.tabs.some(t => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
  return inTab ? doc : undefined;
}

/** Only "not found" means there is no file: any other error (no permission, a folder, a disk error) is a problem. */
function isNotFound(e: unknown): boolean {
  const { code, name } = (e ?? {}) as { code?: unknown; name?: unknown };
  return code === 'FileNotFound' || code === 'ENOENT' || (typeof name === 'string' && name.startsWith('EntryNotFound'));
}
