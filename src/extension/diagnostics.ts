import * as vscode from 'vscode';
import { isFlagged, type Finding, type SourceRef } from '../core/findings';
import { fileName, messageOf } from '../core/findingWords';
import { isArchiveUri } from './archiveDocuments';
import { statusDocs } from './docsLinks';
import type { FindingsStore } from './findingsStore';
import { readSettings } from './settings';
import type { SeverityName, Settings } from './settingsSchema';

export const DIAGNOSTIC_SOURCE = 'Source Check';

const SEVERITY: Record<Exclude<SeverityName, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Renders the findings of each draft as diagnostics; cleared when the draft closes. */
export function registerDiagnostics(deps: { store: FindingsStore }): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('source-check');
  const render = (uri: vscode.Uri): void => {
    const entry = deps.store.get(uri);
    const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (!entry || !document || document.version !== entry.version) {
      if (!entry) collection.delete(uri);
      return;
    }
    const settings = readSettings(document);
    collection.set(uri, entry.findings.flatMap(f => toDiagnostic(document, f, settings) ?? []));
  };
  return vscode.Disposable.from(collection, deps.store.onDidChange(render));
}

export function toDiagnostic(document: vscode.TextDocument, f: Finding, settings: Settings): vscode.Diagnostic | undefined {
  const flagged = isFlagged(f);
  let severity: SeverityName = flagged ? settings.severity[f.status as keyof Settings['severity']] : settings.showVerified ? 'hint' : 'off';
  if (f.minor && severity !== 'off') severity = 'hint';
  if (severity === 'off') return undefined;
  const range = new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
  const diagnostic = new vscode.Diagnostic(range, messageOf(f), SEVERITY[severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: f.status, target: statusDocs(f.status) };
  const refs = f.sources?.length ? f.sources : f.source ? [f.source] : [];
  if (refs.length) diagnostic.relatedInformation = refs.slice(0, 5).map(r => new vscode.DiagnosticRelatedInformation(sourceLocation(r), relatedMessage(f, r)));
  return diagnostic;
}

export function sourceLocation(ref: SourceRef): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(ref.path), new vscode.Range(ref.line - 1, ref.column - 1, ref.endLine - 1, ref.endColumn - 1));
}

function relatedMessage(f: Finding, r: SourceRef): string {
  const where = (r.title ?? decodeURIComponent(fileName(r.path))) + (isArchiveUri(r.path) ? ' (from the archive)' : '');
  if (f.status === 'unsourced') return `Nearest passage, in ${where}`;
  if (f.status === 'misattributed' && f.speakers) return `Source: ${where}, where ${f.speakers.source} says it`;
  return `Source: ${where}`;
}
