import * as vscode from 'vscode';
import { decodeSource } from '../core/sources/decode';

/** The scheme of a source fetched from the archive: not a file on disk, opened read-only from what was fetched. */
export const ARCHIVE_SCHEME = 'source-check-archive';

/** Documents kept for opening: more than a session's checks fetch, and a bound on the memory they hold. */
const KEPT = 500;

/** The name a source fetched from the archive takes in findings: a URI of its own scheme, its archive path. */
export function archiveUri(path: string): string {
  return vscode.Uri.from({ scheme: ARCHIVE_SCHEME, path: `/${path.replace(/^\/+/, '')}` }).toString();
}

export function isArchiveUri(name: string): boolean {
  return name.startsWith(`${ARCHIVE_SCHEME}:`);
}

/** The bytes of the documents fetched from the archive, by their URI, for opening them at a passage. */
export class ArchivedDocuments {
  private readonly bytes = new Map<string, Uint8Array>();

  remember(uri: string, bytes: Uint8Array): void {
    this.bytes.delete(uri);
    this.bytes.set(uri, bytes);
    // The oldest go first (a Map iterates in insertion order).
    for (const old of this.bytes.keys()) {
      if (this.bytes.size <= KEPT) break;
      this.bytes.delete(old);
    }
  }

  /** The document's text as the check read it (the file's text, so a passage's line and column fall in place). */
  text(uri: vscode.Uri): string | undefined {
    const bytes = this.bytes.get(uri.toString());
    if (!bytes) return undefined;
    const decoded = decodeSource(bytes, undefined, { html: /\.html?$/i.test(uri.path) });
    return decoded.ok ? decoded.text : undefined;
  }
}

/** Opens the archive's documents read-only (a TextDocumentContentProvider: the editor cannot save them). */
export function registerArchiveDocuments(deps: { documents: ArchivedDocuments }): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(ARCHIVE_SCHEME, {
    provideTextDocumentContent(uri) {
      return deps.documents.text(uri) ?? vscode.l10n.t('This archive source is no longer held in memory: check the draft again, then open it from the hover.');
    },
  });
}
