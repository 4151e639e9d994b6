import * as vscode from 'vscode';
import type { FileStamp } from '../core/snapshot/fileStamps';
import { datesRead } from '../core/snapshot/librarySnapshot';
import type { SourceLibrary } from '../core/sources/library';
import type { Log } from './log';
import type { SnapshotStore } from './snapshotStore';

/** The snapshot is written this long after the last change to the library (a burst of saves writes once). */
const SAVE_AFTER_MS = 3000;

/**
 * What the workspace's index keeps between sessions: the snapshot restored once at the first load, each source file's
 * stamp (how it looked when it was read), and the save that follows a change to the library a little later.
 */
export class IndexKeeper implements vscode.Disposable {
  /** How each source file looked when it was read (for the snapshot), by URI. */
  private stamps = new Map<string, FileStamp>();
  private restoredOnce = false;
  /** A source's stamp changed with its contents the same (a new time): worth saving, not re-indexing. */
  private restamped = false;
  private saveTimer?: ReturnType<typeof setTimeout>;
  private savedDates = 0;
  private readonly saved = new vscode.EventEmitter<number>();
  /** Fires with the snapshot's size in bytes after it was written. */
  readonly onDidSave = this.saved.event;

  /** `indexing`: whether indexing runs (a save waits for its end). */
  constructor(private readonly library: SourceLibrary, private readonly store: SnapshotStore | undefined, private readonly log: Log,
    private readonly indexing: () => boolean) {}

  /** Whether the first load has taken the saved index (or found none). */
  get restored(): boolean {
    return this.restoredOnce;
  }

  /** The saved index, once per session, before the first load: its sources are then checked against their files. */
  async restore(): Promise<number> {
    if (this.restoredOnce) return 0;
    this.restoredOnce = true;
    const started = Date.now();
    const snapshot = await this.store?.load();
    if (!snapshot) return 0;
    this.library.adopt(snapshot.library);
    this.stamps = new Map(snapshot.stamps);
    this.savedDates = datesRead(this.library);
    this.log.info(`restored ${this.library.size} sources from the saved index in ${Date.now() - started} ms`);
    return this.library.size;
  }

  stampOf(key: string): FileStamp | undefined {
    return this.stamps.get(key);
  }

  /** Records how a source's file looked when it was read; undefined: it is not known (it will be read again). */
  setStamp(key: string, stamp: FileStamp | undefined): void {
    if (stamp) this.stamps.set(key, stamp);
    else this.stamps.delete(key);
  }

  /** A source's file has a new stamp with the same contents: saved, not read again. */
  restamp(key: string, stamp: FileStamp): void {
    this.stamps.set(key, stamp);
    this.restamped = true;
  }

  /** Forgets every stamp: each source is read again at the next load (Re-index Sources). */
  forgetStamps(): void {
    this.stamps.clear();
  }

  /** After a load: saves when a source was read or removed, a stamp changed, or no snapshot was restored. */
  loaded(read: number, removed: number, restored: number): void {
    if (read || removed || this.restamped || !restored) this.scheduleSave();
    this.restamped = false;
  }

  /** After dates were read: saves when the library holds more than the snapshot did. */
  datesChanged(): void {
    if (datesRead(this.library) > this.savedDates) this.scheduleSave();
  }

  /** Writes the snapshot a little after the last change, when no indexing is running. */
  scheduleSave(): void {
    if (!this.store?.file) return;
    clearTimeout(this.saveTimer);
    // Not chained to the loading: a check never waits for a save. Each saved source carries its own stamp, so even a
    // save between two reads would be valid; while indexing runs, it waits anyway.
    this.saveTimer = setTimeout(() => (this.indexing() ? this.scheduleSave() : void this.save()), SAVE_AFTER_MS);
  }

  /** Writes the snapshot now. Resolves to its size in bytes (0: not written, and why is logged). */
  async save(): Promise<number> {
    clearTimeout(this.saveTimer);
    if (!this.store) return 0;
    try {
      const dates = datesRead(this.library);
      const bytes = await this.store.save(this.library, p => this.stamps.get(p));
      this.savedDates = dates;
      this.log.info(`saved the index of ${this.library.size} sources (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
      this.saved.fire(bytes);
      return bytes;
    } catch (e) {
      this.log.warn(`cannot save the index: ${(e as Error).message}`);
      return 0;
    }
  }

  dispose(): void {
    clearTimeout(this.saveTimer);
    this.saved.dispose();
  }
}
