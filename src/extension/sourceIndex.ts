import * as vscode from 'vscode';
import { SourceLibrary } from '../core/sources/library';
import { isSourcePath } from '../core/sources/document';
import type { Log } from './log';
import { listSourceFiles, watchPatterns } from './sourceFiles';
import { readSettings } from './settings';
import { SETTINGS_SECTION } from './settingsSchema';

const READS_IN_FLIGHT = 32;

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => { while (next < items.length) await work(items[next++]); };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The workspace's sources: found from the `sourceCheck.sources` setting, read through workspace.fs (so remote and
 * virtual workspaces work), kept current by file watchers. Fires `onDidChange` after every change to the library.
 */
export class SourceIndex implements vscode.Disposable {
  readonly library = new SourceLibrary();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watchers: vscode.Disposable[] = [];
  private loading: Promise<void> = Promise.resolve();
  private pending = new Map<string, 'changed' | 'deleted'>();
  private flushTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly log: Log) {
    this.disposables.push(vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(`${SETTINGS_SECTION}.sources`)) void this.reload(); }));
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()));
  }

  /** Resolves when the sources known at the last (re)load have been read. */
  get ready(): Promise<void> {
    return this.loading;
  }

  /** Reads every source again and re-creates the watchers. */
  reload(): Promise<void> {
    this.loading = this.loading.then(() => this.loadAll()).catch(e => this.log.error('indexing failed', e));
    return this.loading;
  }

  /** A file is a source when it sits in the library (drafts are never checked against themselves). */
  isSource(uri: vscode.Uri): boolean {
    return this.library.has(uri.toString());
  }

  private async loadAll(): Promise<void> {
    const started = Date.now();
    this.resetWatchers();
    const seen = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const { sources } = readSettings(folder);
      const uris = await listSourceFiles(folder.uri, sources);
      for (const uri of uris) seen.add(uri.toString());
      // Several reads in flight (through a remote workspace each read is a round trip: one at a time, a
      // 2,000-article folder took 11 s), but sources join the library in a fixed order, so results never depend
      // on which read finished first.
      const fetched: Array<Uint8Array | Error | undefined> = new Array(uris.length);
      let added = 0;
      await inParallel(uris.map((_, i) => i), READS_IN_FLIGHT, async i => {
        fetched[i] = await Promise.resolve(vscode.workspace.fs.readFile(uris[i])).catch((e: Error) => e);
        for (; added < uris.length && fetched[added] !== undefined; added++) {
          this.add(uris[added], fetched[added]!);
          fetched[added] = undefined;
        }
      });
    }
    for (const doc of this.library.documents) if (!seen.has(doc.path)) this.library.remove(doc.path);
    this.log.info(`indexed ${this.library.size} sources (${this.library.wordCount} words) in ${Date.now() - started} ms`);
    this.changed.fire();
  }

  private async read(uri: vscode.Uri): Promise<void> {
    this.add(uri, await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch((e: Error) => e));
  }

  private add(uri: vscode.Uri, bytes: Uint8Array | Error): void {
    try {
      if (bytes instanceof Error) throw bytes;
      const warning = this.library.addFile(uri.toString(), bytes);
      if (warning) this.log.warn(`${uri.fsPath || uri.toString()}: ${warning}`);
      for (const w of this.library.document(uri.toString())?.warnings ?? []) this.log.warn(`${uri.fsPath}: ${w}`);
    } catch (e) {
      this.library.remove(uri.toString());
      this.log.warn(`${uri.toString()}: cannot read: ${(e as Error).message}`);
    }
  }

  private resetWatchers(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of watchPatterns(folder.uri, readSettings(folder).sources)) {
        const watcher = vscode.workspace.createFileSystemWatcher(pattern);
        watcher.onDidCreate(uri => this.queue(uri, 'changed'));
        watcher.onDidChange(uri => this.queue(uri, 'changed'));
        watcher.onDidDelete(uri => this.queue(uri, 'deleted'));
        this.watchers.push(watcher);
      }
    }
  }

  /** Batches watcher events: a save that touches many files re-indexes once. */
  private queue(uri: vscode.Uri, what: 'changed' | 'deleted'): void {
    if (what === 'changed' && !isSourcePath(uri.path)) return;
    this.pending.set(uri.toString(), what);
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => { this.loading = this.loading.then(() => this.flush()); }, 100);
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending];
    this.pending.clear();
    let changed = false;
    for (const [key, what] of batch) {
      if (what === 'deleted') {
        // A deleted folder arrives as one event: drop every source under it.
        for (const doc of this.library.documents) if (doc.path === key || doc.path.startsWith(key + '/')) changed = this.library.remove(doc.path) || changed;
      } else {
        await this.read(vscode.Uri.parse(key));
        changed = true;
      }
    }
    if (changed) {
      this.log.info(`re-indexed after ${batch.length} file change(s): ${this.library.size} sources`);
      this.changed.fire();
    }
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }
}
