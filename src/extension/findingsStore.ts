import * as vscode from 'vscode';
import type { Finding } from '../core/findings';

export interface DraftFindings {
  readonly uri: vscode.Uri;
  /** The document version the findings were computed for. */
  readonly version: number;
  readonly findings: readonly Finding[];
}

/** The latest findings of each open draft; renderers (diagnostics, hover, code actions, status) read from here. */
export class FindingsStore implements vscode.Disposable {
  private readonly byUri = new Map<string, DraftFindings>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  get(uri: vscode.Uri): DraftFindings | undefined {
    return this.byUri.get(uri.toString());
  }

  set(entry: DraftFindings): void {
    this.byUri.set(entry.uri.toString(), entry);
    this.changed.fire(entry.uri);
  }

  delete(uri: vscode.Uri): void {
    if (this.byUri.delete(uri.toString())) this.changed.fire(uri);
  }

  /** Findings of `document` whose range touches `offset`. */
  at(document: vscode.TextDocument, offset: number): Finding[] {
    const entry = this.get(document.uri);
    if (!entry || entry.version !== document.version) return [];
    return entry.findings.filter(f => f.start <= offset && offset <= f.end);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
