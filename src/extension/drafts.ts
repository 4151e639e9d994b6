import * as vscode from 'vscode';
import { ARCHIVE_SCHEME } from './archiveDocuments';

/** Drafts are Markdown and plain-text documents that are not themselves sources. */
export function isDraft(document: vscode.TextDocument, isSource: (uri: vscode.Uri) => boolean): boolean {
  return (document.languageId === 'markdown' || document.languageId === 'plaintext') && !isSource(document.uri)
    && document.uri.scheme !== 'output' && document.uri.scheme !== 'git' && document.uri.scheme !== ARCHIVE_SCHEME;
}
