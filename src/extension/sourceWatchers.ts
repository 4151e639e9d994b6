import * as vscode from 'vscode';
import { isSourcePath } from '../core/sources/document';
import { folderOfSource, isExcluded } from './sourceExclusions';
import { watchPatterns } from './sourceFiles';

/** A watcher event on a source file: the file's URI (as a string) and what happened to it. */
export type SourceEvent = [key: string, what: 'changed' | 'deleted'];

/**
 * File watchers over the source patterns of each workspace folder, their events batched: a save that touches many
 * files hands one batch to `onBatch`. Files that are not sources, or are excluded, are left out.
 */
export class SourceWatchers implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private readonly pending = new Map<string, 'changed' | 'deleted'>();
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly onBatch: (batch: SourceEvent[]) => void) {}

  /** Watches these patterns instead of the previous ones. */
  reset(patternsOf: ReadonlyMap<vscode.WorkspaceFolder, readonly string[]>): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const [folder, patterns] of patternsOf) {
      for (const pattern of watchPatterns(folder.uri, patterns)) {
        const watcher = vscode.workspace.createFileSystemWatcher(pattern);
        watcher.onDidCreate(uri => this.queue(uri, 'changed'));
        watcher.onDidChange(uri => this.queue(uri, 'changed'));
        watcher.onDidDelete(uri => this.queue(uri, 'deleted'));
        this.watchers.push(watcher);
      }
    }
  }

  private queue(uri: vscode.Uri, what: 'changed' | 'deleted'): void {
    if (what === 'changed' && !isSourcePath(uri.path)) return;
    const folder = folderOfSource(uri);
    if (what === 'changed' && folder && isExcluded(folder, uri)) return;
    this.pending.set(uri.toString(), what);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const batch = [...this.pending];
      this.pending.clear();
      this.onBatch(batch);
    }, 100);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers) w.dispose();
  }
}
