import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { findingMarkdown } from './findingMarkdown';
import type { FindingsStore } from './findingsStore';

export const DRAFT_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];

/** Hover on a checked quotation or date: the verdict, the source passage and a link that opens it. */
export function registerHover(deps: { store: FindingsStore }): vscode.Disposable {
  return vscode.languages.registerHoverProvider(DRAFT_SELECTOR, {
    provideHover(document, position) {
      const findings = deps.store.at(document, document.offsetAt(position));
      if (!findings.length) return undefined;
      const f = findings[0];
      // The underline's own hover shows its diagnostic's message: the finding's hover does not say it again.
      const shown = vscode.languages.getDiagnostics(document.uri).filter(d => d.source === DIAGNOSTIC_SOURCE);
      const hasDiagnostic = (x: Finding): boolean => shown.some(d => document.offsetAt(d.range.start) === x.start && document.offsetAt(d.range.end) === x.end);
      return new vscode.Hover(findings.map(x => findingMarkdown(x, { withMessage: !hasDiagnostic(x) })),
        new vscode.Range(document.positionAt(f.start), document.positionAt(f.end)));
    },
  });
}
