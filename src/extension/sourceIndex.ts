import * as vscode from 'vscode';
import { datesOf } from '../core/dates/sourceDates';
import { SourceLibrary } from '../core/sources/library';
import { isSourcePath } from '../core/sources/document';
import type { Log } from './log';
import { listSourceFiles, staysInside, watchPatterns } from './sourceFiles';
import { readSettings } from './settings';
import { SETTINGS_SECTION } from './settingsSchema';

const READS_IN_FLIGHT = 32;
/** The longest stretch of indexing work between two turns of the event loop (the extension host stays responsive). */
const SLICE_MS = 12;

/** A pause to call between small pieces of work: it yields to the event loop once SLICE_MS have passed since the last. */
export function slices(ms = SLICE_MS): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < ms) return;
    await new Promise<void>(resolve => setImmediate(resolve));
    last = performance.now();
  };
}

export interface SourceIndexDeps {
  readonly log: Log;
  /** Files checked as drafts: never sources, even when the sources setting names them. */
  readonly drafts?: { has(uri: vscode.Uri): boolean };
  /**
   * Whether the workspace is trusted (default: `workspace.isTrusted`). In restricted mode only sources inside the
   * workspace folders are read, and symbolic links are not followed.
   */
  readonly isTrusted?: () => boolean;
}

/**
 * The workspace's sources: found from the `sourceCheck.sources` setting, read through workspace.fs (so remote and
 * virtual workspaces work), kept current by file watchers. Indexing runs in slices that yield to the event loop, with
 * progress in the status bar; a changed file re-indexes that file only. Fires `onDidChange` after every change to
 * the library, and `onDidLeaveOutDrafts` when the sources setting names drafts, which are left out.
 */
export class SourceIndex implements vscode.Disposable {
  readonly library = new SourceLibrary();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly leftOut = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidLeaveOutDrafts = this.leftOut.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.leftOut];
  private watchers: vscode.Disposable[] = [];
  private loading: Promise<void> = Promise.resolve();
  private pending = new Map<string, 'changed' | 'deleted'>();
  private flushTimer?: ReturnType<typeof setTimeout>;
  private readonly isTrusted: () => boolean;
  /** What `prepare` has prepared: library generation, reference date and dayFirst. */
  private readonly prepared = new Set<string>();

  constructor(private readonly deps: SourceIndexDeps) {
    this.isTrusted = deps.isTrusted ?? (() => vscode.workspace.isTrusted);
    this.disposables.push(vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(`${SETTINGS_SECTION}.sources`)) void this.reload(); }));
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()));
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()));
  }

  /** Resolves when the sources known at the last (re)load have been read. */
  get ready(): Promise<void> {
    return this.loading;
  }

  /** Reads every source again and re-creates the watchers. */
  reload(): Promise<void> {
    this.loading = this.loading.then(() => this.loadAll()).catch(e => this.deps.log.error('indexing failed', e));
    return this.loading;
  }

  /** A file is a source when it sits in the library (drafts are never checked against themselves). */
  isSource(uri: vscode.Uri): boolean {
    return this.library.has(uri.toString());
  }

  /**
   * Builds what a check reads, in slices that yield to the event loop: the word index over all sources (after a
   * change it is built again: 250 ms for 21,000 articles, in steps of a few ms) and the dates of every source against
   * `reference` (the first check of a draft against 2,225 undated articles reads about 30,000 dates, 2 s in one
   * piece). Dates already read are kept per source, so after a change only the changed source is read again.
   */
  async prepare(reference: Date, dayFirst: boolean): Promise<void> {
    const key = `${this.library.generation}/${reference.getTime()}/${dayFirst}`;
    if (this.prepared.has(key)) return;
    const pause = slices();
    await this.library.prepareIndex(pause);
    for (const doc of this.library.documents) {
      datesOf(doc, reference, dayFirst);
      await pause();
    }
    // Typing re-checks with the same key: nothing to prepare then. A few keys are kept (drafts of other dates).
    if (this.prepared.size >= 8) this.prepared.clear();
    this.prepared.add(key);
  }

  /**
   * A source that had no words when it was read (a new, empty file in a sources folder) and is now typed into is a
   * draft: it leaves the library at once, and the journalist is told. Returns whether it left.
   */
  leaveOutIfEmpty(uri: vscode.Uri): boolean {
    const doc = this.library.document(uri.toString());
    if (!doc || doc.text.trim() !== '') return false;
    this.library.remove(uri.toString());
    this.leftOut.fire([uri]);
    this.changed.fire();
    return true;
  }

  private async loadAll(): Promise<void> {
    const started = Date.now();
    const trusted = this.isTrusted();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const patternsOf = new Map(folders.map(folder => [folder, this.readablePatterns(folder, trusted)] as const));
    this.resetWatchers(patternsOf);
    const seen = new Set<string>();
    const drafts: vscode.Uri[] = [];
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Source Check: indexing sources') }, async progress => {
      for (const [folder, patterns] of patternsOf) {
        const uris = (await listSourceFiles(folder.uri, patterns, { restricted: !trusted })).filter(uri => {
          if (!this.deps.drafts?.has(uri)) return true;
          drafts.push(uri);
          return false;
        });
        for (const uri of uris) seen.add(uri.toString());
        // Several reads in flight (through a remote workspace each read is a round trip: one at a time, a
        // 2,000-article folder took 11 s), but sources join the library in a fixed order, so results never depend
        // on which read finished first. Parsing and tokenizing run in slices between turns of the event loop.
        const reads: Array<Promise<Uint8Array | Error> | undefined> = new Array(uris.length);
        const startRead = (i: number): void => {
          if (i < uris.length) reads[i] = Promise.resolve(vscode.workspace.fs.readFile(uris[i])).catch((e: Error) => e);
        };
        for (let i = 0; i < READS_IN_FLIGHT; i++) startRead(i);
        const pause = slices();
        for (let i = 0; i < uris.length; i++) {
          const bytes = await reads[i]!;
          reads[i] = undefined;
          startRead(i + READS_IN_FLIGHT);
          this.add(uris[i], bytes);
          if (i % 100 === 99) progress.report({ message: vscode.l10n.t('{0} of {1}', i + 1, uris.length) });
          await pause();
        }
      }
    });
    for (const doc of this.library.documents) if (!seen.has(doc.path)) this.library.remove(doc.path);
    this.deps.log.info(`indexed ${this.library.size} sources (${this.library.wordCount} words) in ${Date.now() - started} ms`);
    if (drafts.length) this.leftOut.fire(drafts);
    this.changed.fire();
  }

  /** The workspace folder's source patterns; in restricted mode those that lead out of the workspace are left out. */
  private readablePatterns(folder: vscode.WorkspaceFolder, trusted: boolean): string[] {
    const { sources } = readSettings(folder);
    if (trusted) return sources;
    const inside = (vscode.workspace.workspaceFolders ?? []).map(f => f.uri);
    return sources.filter(pattern => {
      const ok = staysInside(folder.uri, pattern, inside);
      if (!ok) this.deps.log.warn(`restricted mode: the source pattern "${pattern}" leads out of the workspace and is not read until the workspace is trusted`);
      return ok;
    });
  }

  private async read(uri: vscode.Uri): Promise<void> {
    this.add(uri, await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch((e: Error) => e));
  }

  private add(uri: vscode.Uri, bytes: Uint8Array | Error): void {
    if (this.deps.drafts?.has(uri)) {
      this.library.remove(uri.toString());
      return;
    }
    try {
      if (bytes instanceof Error) throw bytes;
      const warning = this.library.addFile(uri.toString(), bytes);
      if (warning) this.deps.log.warn(`${uri.fsPath || uri.toString()}: ${warning}`);
      for (const w of this.library.document(uri.toString())?.warnings ?? []) this.deps.log.warn(`${uri.fsPath}: ${w}`);
    } catch (e) {
      this.library.remove(uri.toString());
      this.deps.log.warn(`${uri.toString()}: cannot read: ${(e as Error).message}`);
    }
  }

  private resetWatchers(patternsOf: ReadonlyMap<vscode.WorkspaceFolder, readonly string[]>): void {
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

  /** Batches watcher events: a save that touches many files re-indexes once. */
  private queue(uri: vscode.Uri, what: 'changed' | 'deleted'): void {
    if (what === 'changed' && !isSourcePath(uri.path)) return;
    this.pending.set(uri.toString(), what);
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => { this.loading = this.loading.then(() => this.flush()); }, 100);
  }

  /** Re-indexes the files of a batch of watcher events, each on its own: the rest of the library is kept. */
  private async flush(): Promise<void> {
    const batch = [...this.pending];
    this.pending.clear();
    const pause = slices();
    let changed = false;
    for (const [key, what] of batch) {
      if (what === 'deleted') {
        // A deleted folder arrives as one event: drop every source under it.
        for (const doc of this.library.documents) if (doc.path === key || doc.path.startsWith(key + '/')) changed = this.library.remove(doc.path) || changed;
      } else {
        await this.read(vscode.Uri.parse(key));
        changed = true;
      }
      await pause();
    }
    if (changed) {
      this.deps.log.info(`re-indexed after ${batch.length} file change(s): ${this.library.size} sources`);
      this.changed.fire();
    }
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }
}
