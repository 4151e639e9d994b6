import * as vscode from 'vscode';
import { changesOf, clip, draftFixes, fixRange, overlaps, withoutOverlaps, type SourceFix } from './codeActions';
import type { DraftChecker } from './draftChecker';
import type { FindingsStore } from './findingsStore';

/**
 * Which fixes to apply without asking: every exact one, all of them, or those with these draft ranges (`start`,
 * `end` of a finding's `fix`). Without it the journalist picks them from a list.
 */
export type FixChoice = 'exact' | 'all' | readonly { readonly start: number; readonly end: number }[];

interface FixItem extends vscode.QuickPickItem { readonly sourceFix: SourceFix }

/**
 * "Apply All Source Fixes in Draft": lists every fix of the active draft (exact ones picked, probable ones not),
 * then applies the accepted ones as one workspace edit (one undo step). A fix that overlaps an earlier accepted one
 * is left out, and a message says so. Resolves to the number of fixes applied (0 when cancelled).
 */
export async function applyFixes(deps: { checker: DraftChecker; store: FindingsStore }, choice?: unknown): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown or plain-text draft to fix it.'));
    return 0;
  }
  const document = editor.document;
  let entry = deps.store.get(document.uri);
  if (!entry || entry.version !== document.version) {
    if (!(await deps.checker.check(document))) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Source Check fixes Markdown and plain-text drafts, not sources.'));
      return 0;
    }
    entry = deps.store.get(document.uri);
  }
  if (!entry || entry.version !== document.version) return 0;
  const fixes = draftFixes(entry.findings);
  if (!fixes.length) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Source Check: nothing to fix'), 4000);
    return 0;
  }
  const chosen = isFixChoice(choice) ? chosenBy(fixes, choice) : await pick(document, fixes);
  if (!chosen?.length) return 0;
  if (document.isClosed || document.version !== entry.version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The draft changed while the fixes were being chosen; nothing was applied. Run the command again.'));
    return 0;
  }
  const { kept, dropped } = withoutOverlaps(chosen);
  if (dropped.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Source Check left out {0} fix(es) that overlap an earlier one: {1}', dropped.length,
      dropped.map(x => x.title).join('; ')));
  }
  const edit = new vscode.WorkspaceEdit();
  for (const x of kept) edit.replace(document.uri, fixRange(document, x.fix), x.fix.text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Source Check could not apply the fixes; the draft is unchanged.'));
    return 0;
  }
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Source Check: {0} fix(es) applied (one undo step)', kept.length), 4000);
  return kept.length;
}

/** A command argument of another shape (none from the palette, a URI from a menu) means: ask. */
function isFixChoice(choice: unknown): choice is FixChoice {
  return choice === 'exact' || choice === 'all' || (Array.isArray(choice) &&
    choice.every(c => typeof c === 'object' && c !== null && typeof c.start === 'number' && typeof c.end === 'number'));
}

function chosenBy(fixes: readonly SourceFix[], choice: FixChoice): SourceFix[] {
  if (choice === 'all') return [...fixes];
  if (choice === 'exact') return fixes.filter(x => x.fix.confidence === 'exact');
  return fixes.filter(x => choice.some(c => c.start === x.fix.start && c.end === x.fix.end));
}

/** The pick list: one item per fix, in draft order; exact fixes picked unless they overlap an earlier picked one. */
function pick(document: vscode.TextDocument, fixes: readonly SourceFix[]): Promise<SourceFix[] | undefined> {
  const picked: SourceFix[] = [];
  const items = fixes.map((x): FixItem => {
    const range = fixRange(document, x.fix);
    if (x.fix.confidence === 'exact' && !picked.some(p => overlaps(p.fix, x.fix))) picked.push(x);
    return {
      label: x.finding.status === 'misquote' && x.finding.diff?.some(d => d.op !== 'equal') ? changesOf(x.finding) : `${clip(document.getText(range), 40)} → ${clip(x.fix.text, 40)}`,
      description: vscode.l10n.t('line {0} · {1} · {2}', range.start.line + 1, x.finding.status, x.fix.confidence),
      detail: x.title,
      sourceFix: x,
    };
  });
  // createQuickPick rather than showQuickPick: the items and their selection reach the workbench with the list
  // itself, so Enter can never accept a list whose items are still on their way.
  const input = vscode.window.createQuickPick<FixItem>();
  input.canSelectMany = true;
  input.matchOnDescription = true;
  input.matchOnDetail = true;
  input.title = vscode.l10n.t('Apply Source Check fixes: {0}', vscode.workspace.asRelativePath(document.uri));
  input.placeholder = vscode.l10n.t('Exact fixes are selected; probable ones (a date read from a paired source sentence) are not. Enter applies the selected fixes.');
  input.items = items;
  input.selectedItems = items.filter(item => picked.includes(item.sourceFix));
  return new Promise(resolve => {
    let accepted: readonly FixItem[] | undefined;
    input.onDidAccept(() => { accepted = input.selectedItems; input.hide(); });
    input.onDidHide(() => {
      input.dispose();
      // In draft order, whatever order the items were checked in.
      const chosen = accepted;
      resolve(chosen && fixes.filter(x => chosen.some(item => item.sourceFix === x)));
    });
    input.show();
  });
}
