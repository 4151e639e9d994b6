import * as vscode from 'vscode';
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
      return new vscode.Hover(findings.map(findingMarkdown), new vscode.Range(document.positionAt(f.start), document.positionAt(f.end)));
    },
  });
}
