import * as vscode from 'vscode';
import { isFlagged, type Finding } from '../core/findings';
import { messageOf } from '../core/findingWords';
import { COMMANDS } from './commandTable';
import type { FindingsStore } from './findingsStore';

interface ReportItem extends vscode.QuickPickItem { readonly finding?: Finding }

const ICONS: Record<Finding['status'], string> = {
  misquote: '$(error)', misattributed: '$(error)', unsourced: '$(warning)', contradicted: '$(error)', inconsistent: '$(error)', unsupported: '$(info)',
  verified: '$(pass)', supported: '$(pass)',
};

/** The report items of a draft's findings: flagged first, then checked, each group in draft order. */
export function reportItems(findings: readonly Finding[]): ReportItem[] {
  const flagged = findings.filter(isFlagged);
  const fine = findings.filter(f => !isFlagged(f));
  const row = (f: Finding): ReportItem => ({
    label: `${ICONS[f.status]} ${f.status}  ${f.kind === 'quote' ? `“${clip(f.text)}”` : clip(f.text)}`,
    description: vscode.l10n.t('line {0}', f.line),
    detail: messageOf(f),
    finding: f,
  });
  return [
    { label: vscode.l10n.t('Flagged: {0}', flagged.length), kind: vscode.QuickPickItemKind.Separator },
    ...flagged.map(row),
    { label: vscode.l10n.t('Verified or supported: {0}', fine.length), kind: vscode.QuickPickItemKind.Separator },
    ...fine.map(row),
  ];
}

/** Every quotation and date of the active draft with its verdict; picking one selects it in the draft. */
export async function showReport(store: FindingsStore, check: (d: vscode.TextDocument) => Promise<boolean>, sourceCount = (): number => 1): Promise<Finding | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !(await check(editor.document))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown or plain-text draft to see its report.'));
    return undefined;
  }
  const findings = store.get(editor.document.uri)?.findings ?? [];
  if (!findings.length) {
    // An empty report says what to do, not an empty list.
    const choose = vscode.l10n.t('Choose Folder…');
    if (!sourceCount()) {
      if (await vscode.window.showInformationMessage(vscode.l10n.t('Nothing to report yet: Source Check needs your source articles first.'), choose) === choose) {
        await vscode.commands.executeCommand(COMMANDS.chooseSourcesFolder.id);
      }
    } else {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to report yet: this draft has no quotation in quotation marks and no date.'));
    }
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(reportItems(findings), {
    title: vscode.l10n.t('Source Check report: {0}', vscode.workspace.asRelativePath(editor.document.uri)),
    matchOnDetail: true,
    placeHolder: vscode.l10n.t('{0} quotations and dates checked; pick one to go to it', findings.length),
  });
  const f = picked?.finding;
  if (!f) return undefined;
  const range = new vscode.Range(editor.document.positionAt(f.start), editor.document.positionAt(f.end));
  const shown = await vscode.window.showTextDocument(editor.document, { selection: new vscode.Selection(range.start, range.end) });
  shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return f;
}

function clip(text: string, max = 70): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
