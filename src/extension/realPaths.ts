import { promises as fs } from 'node:fs';
import type * as vscode from 'vscode';

/** A `file:` folder's real path (through its links), under Node; undefined for other schemes or when it cannot be read. */
export function realPathOf(uri: vscode.Uri): Promise<string | undefined> {
  return uri.scheme === 'file' ? fs.realpath(uri.fsPath).catch(() => undefined) : Promise.resolve(undefined);
}
