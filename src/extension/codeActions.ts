import * as vscode from 'vscode';
import type { Finding, Fix } from '../core/findings';
import { isFlagged } from '../core/findings';
import { COMMANDS } from './commandTable';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { FindingsStore } from './findingsStore';
import { DRAFT_SELECTOR } from './hover';

/** A flagged finding's fix and what the light bulb and the Apply All list call it. */
export interface SourceFix {
  readonly finding: Finding;
  readonly fix: Fix;
  readonly title: string;
}

/** The title of a finding's fix: the source's wording, speaker or date, or the weekday the date falls on. */
export function fixTitle(f: Finding): string | undefined {
  const fix = f.fix;
  if (!fix) return undefined;
  switch (f.status) {
    case 'misquote': return f.diff?.some(d => d.op !== 'equal')
      ? vscode.l10n.t('Replace with the source’s wording: {0}', changesOf(f))
      : vscode.l10n.t('Replace with the source’s wording: “{0}”', clip(fix.text));
    case 'misattributed': return vscode.l10n.t('Attribute to the source’s speaker: {0}', clip(fix.text));
    case 'contradicted': return vscode.l10n.t('Use the source’s date: {0}', fix.text);
    case 'inconsistent': return vscode.l10n.t('Correct the weekday: {0}', fix.text);
    default: return undefined;
  }
}

/** The fixes of a draft's flagged findings in draft order: by start, and of two starting together the wider first. */
export function draftFixes(findings: readonly Finding[]): SourceFix[] {
  const fixes: SourceFix[] = [];
  for (const finding of findings) {
    const title = isFlagged(finding) ? fixTitle(finding) : undefined;
    if (title && finding.fix) fixes.push({ finding, fix: finding.fix, title });
  }
  return fixes.sort((a, b) => a.fix.start - b.fix.start || b.fix.end - a.fix.end);
}

export function overlaps(a: Fix, b: Fix): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
}

/**
 * Splits fixes, taken in the order given, into those kept and those that overlap an earlier kept one. VS Code
 * rejects a whole workspace edit when two of its edits overlap, so only the kept ones may go into one edit.
 */
export function withoutOverlaps<T extends { readonly fix: Fix }>(fixes: readonly T[]): { kept: T[]; dropped: T[] } {
  const kept: T[] = [];
  const dropped: T[] = [];
  for (const f of fixes) (kept.some(k => overlaps(k.fix, f.fix)) ? dropped : kept).push(f);
  return { kept, dropped };
}

export function fixRange(document: vscode.TextDocument, fix: Fix): vscode.Range {
  return new vscode.Range(document.positionAt(fix.start), document.positionAt(fix.end));
}

/**
 * Quick fixes on flagged findings: the finding's fix (preferred only when exact) and Ignore. Of fixes that overlap,
 * only the first in draft order is offered. There is no fix-all source action: fixing stays explicit, never on save.
 */
export function registerCodeActions(deps: { store: FindingsStore }): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(DRAFT_SELECTOR, {
    provideCodeActions(document, range, context) {
      const entry = deps.store.get(document.uri);
      if (!entry || entry.version !== document.version) return [];
      const only = context.only;
      if (only && !only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(only)) return [];
      const offered = new Map(withoutOverlaps(draftFixes(entry.findings)).kept.map(x => [x.finding, x]));
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      const touches = (from: number, to: number): boolean => from <= end && start <= to;
      const actions: vscode.CodeAction[] = [];
      for (const f of entry.findings) {
        if (!isFlagged(f) || !(touches(f.start, f.end) || (f.fix && touches(f.fix.start, f.fix.end)))) continue;
        const findingRange = new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
        const diagnostics = context.diagnostics.filter(d => d.source === DIAGNOSTIC_SOURCE && d.range.isEqual(findingRange));
        const sourceFix = offered.get(f);
        if (sourceFix) {
          const action = new vscode.CodeAction(sourceFix.title, vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, fixRange(document, sourceFix.fix), sourceFix.fix.text);
          action.isPreferred = sourceFix.fix.confidence === 'exact';
          action.diagnostics = diagnostics;
          actions.push(action);
        }
        const ignore = new vscode.CodeAction(vscode.l10n.t('Ignore “{0}” (recorded in the shared ignore file)', clip(withoutTrailingComma(f.text), 40)), vscode.CodeActionKind.QuickFix);
        ignore.command = { command: COMMANDS.ignoreFinding.id, title: ignore.title, arguments: [document.uri, f] };
        ignore.diagnostics = diagnostics;
        actions.push(ignore);
      }
      return actions;
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}

/**
 * What a misquote's fix changes, from its diff, at most two changes: “agreed” → “devised”; + “the”; − “very” (the
 * wording itself, cut to fit a menu, hid the change: "…adhere to the program as de…").
 */
export function changesOf(f: Finding): string {
  const changes = (f.diff ?? []).filter(d => d.op !== 'equal').map(d =>
    d.op === 'replace' ? `“${clip(d.draft ?? '', 30)}” → “${clip(d.source ?? '', 30)}”`
      : d.op === 'insert' ? `− “${clip(d.draft ?? '', 30)}”` : `+ “${clip(d.source ?? '', 30)}”`);
  const more = changes.length > 2 ? vscode.l10n.t(' and {0} more', changes.length - 2) : '';
  return `${changes.slice(0, 2).join('; ')}${more}`;
}

/** A quotation as a label names it: without the comma (semicolon, colon) that ends it before its attribution. */
export function withoutTrailingComma(text: string): string {
  return text.replace(/[\s,;:]+$/u, '');
}

export function clip(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
