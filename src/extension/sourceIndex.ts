import * as vscode from 'vscode';
import { datesOf, hasDatesFor } from '../core/dates/sourceDates';
import type { FileStamp } from '../core/snapshot/fileStamps';
import { SourceLibrary } from '../core/sources/library';
import type { SourceDocument } from '../core/sources/document';
import { IndexKeeper } from './indexKeeper';
import type { Log } from './log';
import type { SnapshotStore } from './snapshotStore';
import { readIfChanged, showProgressNotification, stampOf, type FileState, type IndexProgress } from './sourceStamps';
import { Limiter } from './limiter';
import { listSourceFiles, sourceCollections, staysInside } from './sourceFiles';
import { excluder, folderOfSource, isExcluded } from './sourceExclusions';
import { readSettings } from './settings';
import { SETTINGS_SECTION } from './settingsSchema';
import { slices } from './slices';
import { SourceWatchers, type SourceEvent } from './sourceWatchers';

/** Source files being read at once (each may hold a few MB). */
const READS_IN_FLIGHT = 32;
/**
 * Source files whose stamps are being compared at once: a workspace.fs call waits several ms for its answer even on
 * a local disk, and 21,000 of them one after another would take minutes; many in flight take a second or two.
 */
const FILES_IN_FLIGHT = 512;
/** Indexing that lasts longer than this also shows a notification with its progress. */
const NOTIFY_AFTER_MS = 2000;

export interface SourceIndexDeps {
  readonly log: Log;
  /** Files checked as drafts: never sources, even when the sources setting names them. */
  readonly drafts?: { has(uri: vscode.Uri): boolean };
  /**
   * Whether the workspace is trusted (default: `workspace.isTrusted`). In restricted mode only sources inside the
   * workspace folders are read, and symbolic links are not followed.
   */
  readonly isTrusted?: () => boolean;
  /** Where the index is kept between sessions; none: the sources are read at every start. */
  readonly snapshots?: SnapshotStore;
  /**
   * Reads the sources' dates that are not read yet, `pause` awaited between the sources read on this thread (under
   * Node, a worker thread takes a share of a large library); none: they are read here, in slices.
   */
  readonly readDates?: (docs: readonly SourceDocument[], reference: Date, dayFirst: boolean, pause: () => Promise<void>) => Promise<void>;
}

export type { IndexProgress };

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
  /** Watcher events, batched, re-index their files after whatever indexing is under way. */
  private readonly watchers = new SourceWatchers(batch => { this.loading = this.loading.then(() => this.flush(batch)); });
  private loading: Promise<void> = Promise.resolve();
  /** While the first load checks a restored snapshot's sources against their files: resolves once it is restored. */
  private restoring?: Promise<void>;
  private readonly reads = new Limiter(READS_IN_FLIGHT);
  private readonly isTrusted: () => boolean;
  /** Whether the sources were listed once (a restored index is checked against before it). */
  private listed = false;
  /** Sources the journalist removed in this session (Remove from Sources): not drafts when open in a tab. */
  private readonly removedSources = new Set<string>();
  /** What `prepare` has prepared: library generation, reference date and dayFirst. */
  private readonly prepared = new Set<string>();
  private readonly preparing = new Map<string, Promise<void>>();
  private readonly progressed = new vscode.EventEmitter<IndexProgress | undefined>();
  /** Fires as sources are indexed, and with undefined when indexing ends. */
  readonly onDidProgress = this.progressed.event;
  private current?: IndexProgress;
  /** The saved index: restored at the first load, written again after changes. */
  private readonly keeper: IndexKeeper;
  /** Fires with the snapshot's size in bytes after it was written. */
  readonly onDidSave: vscode.Event<number>;
  /** The last load: sources taken from the saved index, and sources read from their files. */
  lastLoad?: { readonly restored: number; readonly read: number };

  constructor(private readonly deps: SourceIndexDeps) {
    this.isTrusted = deps.isTrusted ?? (() => vscode.workspace.isTrusted);
    this.keeper = new IndexKeeper(this.library, deps.snapshots, deps.log, () => this.current !== undefined);
    this.onDidSave = this.keeper.onDidSave;
    this.disposables.push(this.progressed, this.keeper);
    this.disposables.push(vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(`${SETTINGS_SECTION}.sources`) || e.affectsConfiguration(`${SETTINGS_SECTION}.exclude`)) void this.reload(); }));
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()));
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()));
  }

  /** Sources indexed so far while indexing runs, else undefined. */
  get progress(): IndexProgress | undefined {
    return this.current;
  }

  /** Resolves when the sources known at the last (re)load have been read. */
  get ready(): Promise<void> {
    return this.loading;
  }

  /**
   * Resolves when the library is whole, so that a draft can be checked against it: when the sources known at the
   * last (re)load have been read, or at start, as soon as the saved index is restored. Its sources are then checked
   * against their files while drafts are checked, and if any changed, `onDidChange` fires after they are read again
   * (the drafts are checked again): a verdict from a source that changed while the window was closed stays only until
   * then. A half-built library is never whole: that would call quotations "unsourced".
   */
  get whole(): Promise<void> {
    return this.restoring ?? this.loading;
  }

  /**
   * Finds the sources again and re-creates the watchers: a source whose file still looks as it did when it was
   * read is kept; with `everything`, every source is read again (Re-index Sources).
   */
  reload(options: { everything?: boolean } = {}): Promise<void> {
    let restored = (): void => undefined;
    const restoring = this.keeper.restored ? undefined : new Promise<void>(resolve => { restored = resolve; });
    const loading = this.loading.then(() => {
      if (options.everything) this.keeper.forgetStamps();
      return this.loadAll(restored);
    }).catch(e => this.deps.log.error('indexing failed', e)).finally(() => {
      restored();
      if (this.restoring === restoring) this.restoring = undefined;
    });
    this.restoring = restoring;
    this.loading = loading;
    return loading;
  }

  /** A file is a source when it sits in the library (drafts are never checked against themselves). */
  isSource(uri: vscode.Uri): boolean {
    return this.library.has(uri.toString());
  }

  /** Records the sources of a file or folder that Remove from Sources is about to leave out (see `isSourceFile`). */
  markRemoved(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const doc of this.library.documents) if (doc.path === key || doc.path.startsWith(`${key}/`)) this.removedSources.add(doc.path);
  }

  /**
   * Whether `uri` is one of the sources' files: a source, or a source the journalist removed in this session (Remove
   * from Sources). Neither is a draft: a source removed while open in a tab is not checked (drafts typed into are
   * never sources, removed or not).
   */
  isSourceFile(uri: vscode.Uri): boolean {
    if (this.isSource(uri)) return true;
    // Listed: a source the journalist removed in this session; a draft kept in a folder the exclude setting leaves
    // out ("sources/drafts") is a draft.
    if (this.listed) return this.removedSources.has(uri.toString()) && !this.deps.drafts?.has(uri);
    // Not listed yet: any file the exclude setting names, unless it is a draft typed into.
    const folder = folderOfSource(uri);
    return !!folder && !this.deps.drafts?.has(uri) && isExcluded(folder, uri);
  }

  /**
   * Builds what a check reads, in slices that yield to the event loop: the word index over all sources (after a
   * change it is built again: 250 ms for 21,000 articles, in steps of a few ms) and the dates of every source against
   * `reference` (the first check of a draft against 2,225 undated articles reads about 30,000 dates, 2 s in one
   * piece). Dates already read are kept per source, so after a change only the changed source is read again.
   */
  prepare(reference: Date, dayFirst: boolean): Promise<void> {
    const key = `${this.library.generation}/${reference.getTime()}/${dayFirst}`;
    if (this.prepared.has(key)) return Promise.resolve();
    // Two checks at once (two drafts opened together) share one preparation: the dates are read once, on one worker.
    let running = this.preparing.get(key);
    if (!running) {
      running = this.prepareNow(key, reference, dayFirst).finally(() => this.preparing.delete(key));
      this.preparing.set(key, running);
    }
    return running;
  }

  private async prepareNow(key: string, reference: Date, dayFirst: boolean): Promise<void> {
    const pause = slices();
    await this.library.prepareIndex(pause);
    // Dates a snapshot holds are left in its arrays (made into objects only where a check reads them), and a source
    // whose dates are known costs a look-up: the pauses come after sources read, so that the first check of a
    // re-opened window does not wait behind the checking of its sources' files.
    if (this.deps.readDates) {
      await this.deps.readDates(this.library.stories, reference, dayFirst, pause);
    } else {
      const known = hasDatesFor(reference, dayFirst);
      for (const doc of this.library.stories) {
        if (known(doc)) continue;
        datesOf(doc, reference, dayFirst);
        await pause();
      }
    }
    this.keeper.datesChanged();
    // Typing re-checks with the same key: nothing to prepare then. A few keys are kept (drafts of other dates).
    if (this.prepared.size >= 8) this.prepared.clear();
    this.prepared.add(key);
  }

  /** Builds the word index, if sources changed since it was built, in slices that yield (see `prepare`). */
  prepareIndex(): Promise<void> {
    return this.library.prepareIndex(slices());
  }

  /** How many sources have no dates read against `reference` yet (`prepare` reads them: about 1 ms each). */
  sourcesWithoutDates(reference: Date, dayFirst: boolean): number {
    const known = hasDatesFor(reference, dayFirst);
    let n = 0;
    for (const doc of this.library.stories) if (!known(doc)) n++;
    return n;
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

  /** Finds and reads the sources; `whole` is called once the library can be checked against (see `whole`). */
  private async loadAll(whole: () => void): Promise<void> {
    const started = Date.now();
    const trusted = this.isTrusted();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const patternsOf = new Map(folders.map(folder => [folder, this.readablePatterns(folder, trusted)] as const));
    this.library.setCollections(sourceCollections(patternsOf));
    const restored = await this.keeper.restore();
    if (restored) whole();
    const listing = Date.now();
    this.watchers.reset(patternsOf);
    const drafts: vscode.Uri[] = [];
    const uris: vscode.Uri[] = [];
    for (const [folder, patterns] of patternsOf) {
      const excluded = excluder(folder);
      for (const uri of await listSourceFiles(folder.uri, patterns, { restricted: !trusted })) {
        if (this.deps.drafts?.has(uri)) drafts.push(uri);
        else if (!excluded(uri)) uris.push(uri);
      }
    }
    this.listed = true;
    this.deps.log.info(`listed ${uris.length} source files in ${Date.now() - listing} ms`);
    const seen = new Set(uris.map(u => u.toString()));
    // A restored index's sources are checked against their files while drafts are checked against it: no progress
    // is shown for that (the status would say that drafts wait for indexing), nor a notification.
    const shown = !restored;
    const notice = shown ? setTimeout(() => this.notifyProgress(), NOTIFY_AFTER_MS) : undefined;
    let read = 0;
    const readAll = async (progress?: vscode.Progress<{ message?: string }>): Promise<void> => {
      if (shown) this.report({ done: 0, total: uris.length });
      // Several files in flight (through a remote workspace each call is a round trip: one at a time, a
      // 2,000-article folder took 11 s), but sources join the library in a fixed order, so results never depend
      // on which read finished first. A source whose file looks as it did when the snapshot was written (size and
      // modification time, else its content hash) is not parsed again. Parsing and tokenizing run in slices.
      const jobs: Array<Promise<FileState> | undefined> = new Array(uris.length);
      const start = (i: number): void => {
        if (i < uris.length) jobs[i] = this.fileState(uris[i]);
      };
      for (let i = 0; i < FILES_IN_FLIGHT; i++) start(i);
      const pause = slices();
      for (let i = 0; i < uris.length; i++) {
        const state = await jobs[i]!;
        jobs[i] = undefined;
        start(i + FILES_IN_FLIGHT);
        if (state.bytes) { read++; this.add(uris[i], state.bytes, state.stamp); }
        if ((i & 255) === 255 && progress) {
          this.report({ done: i + 1, total: uris.length });
          progress.report({ message: vscode.l10n.t('{0} of {1}', i + 1, uris.length) });
        }
        await pause();
      }
    };
    try {
      if (shown) await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Source Check: indexing sources') }, readAll);
      else await readAll();
    } finally {
      clearTimeout(notice);
      this.report(undefined);
    }
    let removed = 0;
    for (const doc of this.library.documents) if (!seen.has(doc.path)) { this.library.remove(doc.path); this.keeper.setStamp(doc.path, undefined); removed++; }
    this.deps.log.info(`indexed ${this.library.size} sources (${this.library.wordCount} words) in ${Date.now() - started} ms; ${read} read, the others as saved`);
    this.lastLoad = { restored, read };
    if (drafts.length) this.leftOut.fire(drafts);
    this.changed.fire();
    this.keeper.loaded(read, removed, restored);
  }

  /** A source file's state against its stamp (see sourceStamps.ts); same contents under a new stamp are kept. */
  private async fileState(uri: vscode.Uri): Promise<FileState> {
    const key = uri.toString();
    const state = await readIfChanged(uri, this.library.has(key) ? this.keeper.stampOf(key) : undefined, this.reads);
    if (!state.bytes && state.stamp) { this.keeper.restamp(key, state.stamp); return {}; }
    return state;
  }

  private report(progress: IndexProgress | undefined): void {
    this.current = progress;
    this.progressed.fire(progress);
  }

  /** A notification with the indexing's progress, until it ends (shown when indexing takes a while). */
  private notifyProgress(): void {
    if (this.current) showProgressNotification(this.current, this.onDidProgress);
  }

  /** Writes the snapshot now. Resolves to its size in bytes. */
  save(): Promise<number> {
    return this.keeper.save();
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
    const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch((e: Error) => e);
    this.add(uri, bytes, bytes instanceof Error ? undefined : await stampOf(uri, bytes));
  }

  private add(uri: vscode.Uri, bytes: Uint8Array | Error, stamp?: FileStamp): void {
    this.keeper.setStamp(uri.toString(), undefined);
    if (this.deps.drafts?.has(uri)) {
      this.library.remove(uri.toString());
      return;
    }
    try {
      if (bytes instanceof Error) throw bytes;
      this.keeper.setStamp(uri.toString(), stamp);
      const warning = this.library.addFile(uri.toString(), bytes, stamp?.hash);
      if (warning) this.deps.log.warn(`${uri.fsPath || uri.toString()}: ${warning}`);
      for (const w of this.library.document(uri.toString())?.warnings ?? []) this.deps.log.warn(`${uri.fsPath}: ${w}`);
    } catch (e) {
      this.library.remove(uri.toString());
      this.deps.log.warn(`${uri.toString()}: cannot read: ${(e as Error).message}`);
    }
  }

  /** Re-indexes the files of a batch of watcher events, each on its own: the rest of the library is kept. */
  private async flush(batch: readonly SourceEvent[]): Promise<void> {
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
      this.keeper.scheduleSave();
    }
  }

  dispose(): void {
    for (const d of [this.watchers, ...this.disposables]) d.dispose();
  }
}
