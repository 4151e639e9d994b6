import * as vscode from 'vscode';
import type { SourceLibrary } from '../core/sources/library';
import { BUNDLED_ENGINE } from '../core/snapshot/engine';
import type { FileStamp } from '../core/snapshot/fileStamps';
import { decodeLibrary, type LoadedSnapshot } from '../core/snapshot/libraryRestore';
import { encodeLibrary } from '../core/snapshot/librarySnapshot';
import type { Log } from './log';

const FILE = 'library.snapshot';
const STALE_TEMP_MS = 3600_000;

/**
 * The workspace's index kept on disk, in the extension's storage folder (`ExtensionContext.storageUri`, or
 * `globalStorageUri` without a workspace), read and written through workspace.fs. A snapshot of another version or
 * build, truncated or corrupt, is not used (the sources are read again) and is replaced by the next save.
 */
export class SnapshotStore {
  /** `read` reads a file whole: workspace.fs unless the extension host has a faster way (see wholeFile.ts). */
  constructor(private readonly folder: vscode.Uri | undefined, private readonly log: Log, private readonly engine = BUNDLED_ENGINE,
    private readonly read: (file: vscode.Uri) => Thenable<Uint8Array> = file => vscode.workspace.fs.readFile(file)) {}

  /** The snapshot's file, when snapshots are kept (a build without an engine key keeps none). */
  get file(): vscode.Uri | undefined {
    return this.folder && this.engine ? vscode.Uri.joinPath(this.folder, FILE) : undefined;
  }

  async load(): Promise<LoadedSnapshot | undefined> {
    const file = this.file;
    if (!file || !this.engine) return undefined;
    const started = performance.now();
    let bytes: Uint8Array;
    try {
      bytes = await this.read(file);
    } catch {
      return undefined;
    }
    const read = performance.now();
    try {
      const loaded = decodeLibrary(bytes, this.engine);
      this.log.info(`read the saved index (${(bytes.length / 1024 / 1024).toFixed(1)} MB) in ${(read - started).toFixed(0)} ms, decoded it in ${(performance.now() - read).toFixed(0)} ms${bytes.byteOffset % 8 ? ' (copied first: the buffer was not 8-byte aligned)' : ''}`);
      return loaded;
    } catch (e) {
      this.log.info(`the saved index is not used (${(e as Error).message}): the sources are read again`);
      return undefined;
    }
  }

  /** Writes the snapshot to a temporary file, then renames it over the old one: a reader sees one or the other. */
  async save(library: SourceLibrary, stampOf: (path: string) => FileStamp | undefined): Promise<number> {
    const file = this.file;
    if (!file || !this.folder || !this.engine) return 0;
    const bytes = encodeLibrary(library, stampOf, this.engine);
    const temp = vscode.Uri.joinPath(this.folder, `${FILE}.${Math.random().toString(36).slice(2)}.tmp`);
    await vscode.workspace.fs.createDirectory(this.folder);
    try {
      await vscode.workspace.fs.writeFile(temp, bytes);
      await vscode.workspace.fs.rename(temp, file, { overwrite: true });
    } catch (e) {
      await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
      throw e;
    }
    await this.removeStaleTemps();
    return bytes.length;
  }

  /** Temporary files left by a window that closed while it wrote (an hour old: no writer is still at them). */
  private async removeStaleTemps(): Promise<void> {
    const folder = this.folder!;
    const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(folder)).catch(() => [] as [string, vscode.FileType][]);
    for (const [name] of entries) {
      if (!name.startsWith(`${FILE}.`) || !name.endsWith('.tmp')) continue;
      const uri = vscode.Uri.joinPath(folder, name);
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
      if (stat && Date.now() - stat.mtime > STALE_TEMP_MS) await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
    }
  }
}
