import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import { isFlagged } from '../core/findings';
import { COMMANDS } from './commandTable';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { FindingsStore } from './findingsStore';
import { DRAFT_SELECTOR } from './hover';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('sourceCheck');

/** The fix a finding offers: the source's wording, the source's date, or the weekday the date falls on. */
export function fixTitle(f: Finding): string | undefined {
  if (!f.suggestion) return undefined;
  if (f.status === 'misquote') return vscode.l10n.t('Replace with the source’s wording: “{0}”', clip(f.suggestion));
  if (f.status === 'contradicted') return vscode.l10n.t('Use the source’s date: {0}', f.suggestion);
  if (f.status === 'inconsistent') return vscode.l10n.t('Correct the weekday: {0}', f.suggestion);
  return undefined;
}

/** One workspace edit (one undo step) applying every fix of a draft's findings. */
export function fixAllEdit(document: vscode.TextDocument, findings: readonly Finding[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const f of findings) if (fixTitle(f)) edit.replace(document.uri, rangeOf(document, f), f.suggestion!);
  return edit;
}

/** Quick fixes on flagged findings (the fix, preferred, and Ignore) and a fix-all source action. */
export function registerCodeActions(deps: { store: FindingsStore }): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(DRAFT_SELECTOR, {
    provideCodeActions(document, range, context) {
      const entry = deps.store.get(document.uri);
      if (!entry || entry.version !== document.version) return [];
      const actions: vscode.CodeAction[] = [];
      const only = context.only;
      if (!only || only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only)) {
        const fixable = entry.findings.filter(f => fixTitle(f));
        if (fixable.length) {
          const all = new vscode.CodeAction(vscode.l10n.t('Apply all Source Check fixes ({0})', fixable.length), FIX_ALL_KIND);
          all.edit = fixAllEdit(document, fixable);
          actions.push(all);
        }
      }
      if (only && !only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(only)) return actions;
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      for (const f of entry.findings) {
        if (!isFlagged(f) || f.end < start || f.start > end) continue;
        const diagnostics = context.diagnostics.filter(d => d.source === DIAGNOSTIC_SOURCE && d.range.isEqual(rangeOf(document, f)));
        const title = fixTitle(f);
        if (title) {
          const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
          fix.edit = new vscode.WorkspaceEdit();
          fix.edit.replace(document.uri, rangeOf(document, f), f.suggestion!);
          fix.isPreferred = f.status === 'misquote' || f.status === 'contradicted';
          fix.diagnostics = diagnostics;
          actions.push(fix);
        }
        const ignore = new vscode.CodeAction(vscode.l10n.t('Ignore “{0}” (recorded in the shared ignore file)', clip(f.text, 40)), vscode.CodeActionKind.QuickFix);
        ignore.command = { command: COMMANDS.ignoreFinding.id, title: ignore.title, arguments: [document.uri, f] };
        ignore.diagnostics = diagnostics;
        actions.push(ignore);
      }
      return actions;
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] });
}

function rangeOf(document: vscode.TextDocument, f: Finding): vscode.Range {
  return new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
}

function clip(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
