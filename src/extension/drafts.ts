import * as vscode from 'vscode';
import { ARCHIVE_SCHEME } from './archiveDocuments';

/**
 * Drafts are Markdown and plain-text documents that are not sources' files (`isSourceFile`: a source, or a file of the
 * sources the journalist removed from them).
 */
export function isDraft(document: vscode.TextDocument, isSourceFile: (uri: vscode.Uri) => boolean): boolean {
  return (document.languageId === 'markdown' || document.languageId === 'plaintext') && !isSourceFile(document.uri)
    && document.uri.scheme !== 'output' && document.uri.scheme !== 'git' && document.uri.scheme !== ARCHIVE_SCHEME;
}
