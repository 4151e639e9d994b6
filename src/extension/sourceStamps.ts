import * as vscode from 'vscode';
import { contentHash } from '../core/snapshot/container';
import type { FileStamp } from '../core/snapshot/fileStamps';
import type { Limiter } from './limiter';

/** A file modified this recently may change again within its timestamp's resolution: its stamp is not trusted. */
const RACY_MS = 3000;

/** Sources indexed so far, of how many, while indexing runs. */
export interface IndexProgress { readonly done: number; readonly total: number }

/**
 * A source file as found: unchanged since it was stamped (nothing), the same contents under a new stamp (the stamp
 * alone), or its bytes (or the read error) and new stamp.
 */
export interface FileState { readonly bytes?: Uint8Array | Error; readonly stamp?: FileStamp }

/**
 * Reads a source file unless its size and modification time are those of `known`; compares contents by hash. The
 * reads (not the stats) wait their turn in `reads`, when given.
 */
export async function readIfChanged(uri: vscode.Uri, known: FileStamp | undefined, reads?: Limiter): Promise<FileState> {
  const stat = known ? await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined) : undefined;
  if (known && stat && stat.size === known.size && stat.mtime === known.mtimeMs) return {};
  const read = (): Promise<Uint8Array | Error> => Promise.resolve(vscode.workspace.fs.readFile(uri)).catch((e: Error) => e);
  const bytes = await (reads ? reads.run(read) : read());
  if (bytes instanceof Error) return { bytes };
  const stamp = await stampOf(uri, bytes, stat);
  // Same contents under a new time (a checkout, a copy): the source as indexed is kept.
  return known && stamp.hash === known.hash ? { stamp } : { bytes, stamp };
}

/** The stamp of a file just read. A recent modification time is left out (NaN): the next load compares hashes. */
export async function stampOf(uri: vscode.Uri, bytes: Uint8Array, stat?: vscode.FileStat): Promise<FileStamp> {
  stat ??= await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  const mtime = stat && Date.now() - stat.mtime >= RACY_MS ? stat.mtime : NaN;
  return { size: stat?.size ?? bytes.length, mtimeMs: mtime, hash: contentHash(bytes) };
}

/** A notification that follows the indexing's progress events and closes when indexing ends (undefined). */
export function showProgressNotification(now: IndexProgress, onDidProgress: vscode.Event<IndexProgress | undefined>): void {
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Source Check: indexing sources') }, progress => new Promise<void>(resolve => {
    let shown = 0;
    const show = (p: IndexProgress): void => {
      const share = p.total ? (100 * p.done) / p.total : 100;
      progress.report({ message: vscode.l10n.t('{0} / {1} sources', p.done.toLocaleString('en-US'), p.total.toLocaleString('en-US')), increment: share - shown });
      shown = share;
    };
    show(now);
    const sub = onDidProgress(p => {
      if (p) { show(p); return; }
      sub.dispose();
      resolve();
    });
  }));
}
