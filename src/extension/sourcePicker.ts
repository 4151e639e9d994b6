import * as vscode from 'vscode';
import type { SourceRef } from '../core/findings';
import type { SearchItem, SourceSearch } from '../core/search/sourceSearch';
import { COMMANDS } from './commandTable';
import { openSourcePlace } from './openSource';
import type { SourceIndex } from './sourceIndex';

/** A found passage, or an empty state's item: choosing the sources folder, or a hint that nothing matched. */
export interface PickItem extends vscode.QuickPickItem { readonly found?: SearchItem; readonly choose?: true }

const INSERT_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: vscode.l10n.t('Insert as a quotation with its attribution') };

/**
 * The quotation and its attribution as inserted into a draft: “…” (Outlet, Title, date), in the draft's quotation
 * marks: straight ones ("…") in a draft that uses more of them than curly ones. A source with no title (no front
 * matter, page title or headline) is named by its file name: the provenance is kept for the writer to word.
 */
export function quotationWithAttribution(item: SearchItem, draft = ''): string {
  const text = item.text.replace(/^["“”'‘’«»\s]+|["“”'‘’«»\s]+$/g, '');
  const who = [item.source.outlet, item.source.title ?? fileName(item.source), item.source.date].filter(Boolean).join(', ');
  const [open, close] = usesStraightQuotes(draft) ? ['"', '"'] : ['“', '”'];
  return `${open}${text}${close}${who ? ` (${who})` : ''}`;
}

function usesStraightQuotes(draft: string): boolean {
  const straight = draft.match(/"/g)?.length ?? 0;
  const curly = draft.match(/[“”]/g)?.length ?? 0;
  return straight > curly;
}

/**
 * The palette's source search: a QuickPick whose items come from the core search on every keystroke (VS Code's
 * own filtering is off: the items always show). Enter opens the passage, or inserts it for "Insert Quote"; the
 * button on each item inserts it. Resolves when the pick closes, with what was done.
 */
export function pickFromSources(sources: SourceIndex, search: SourceSearch, mode: 'open' | 'insert', initial = ''): Promise<'opened' | 'inserted' | undefined> {
  const target = vscode.window.activeTextEditor;
  const pick = vscode.window.createQuickPick<PickItem>();
  pick.title = mode === 'open' ? vscode.l10n.t('Search Sources') : vscode.l10n.t('Insert Quote from Sources');
  pick.placeholder = sources.library.size
    ? (sources.library.size === 1 ? vscode.l10n.t('Type words of a quotation or sentence (1 source)')
      : vscode.l10n.t('Type words of a quotation or sentence ({0} sources)', sources.library.size))
    : vscode.l10n.t('No sources indexed: choose a sources folder first');
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  const update = (): void => {
    pick.items = searchItems(sources.library.size, pick.value, search.search(pick.value, 50));
  };
  const insert = async (item: SearchItem): Promise<boolean> => {
    const editor = target && !target.document.isClosed ? target : vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a draft to insert the quotation into.'));
      return false;
    }
    return editor.edit(b => b.replace(editor.selection, quotationWithAttribution(item, editor.document.getText())));
  };
  return new Promise(resolve => {
    let outcome: 'opened' | 'inserted' | undefined;
    let acting = false;
    pick.onDidChangeValue(update);
    pick.onDidAccept(async () => {
      if (pick.selectedItems[0]?.choose) {
        acting = true;
        pick.hide();
        await vscode.commands.executeCommand(COMMANDS.chooseSourcesFolder.id);
        resolve(undefined);
        return;
      }
      const item = pick.selectedItems[0]?.found;
      if (!item) return;
      acting = true;
      pick.hide();
      if (mode === 'insert') outcome = (await insert(item)) ? 'inserted' : undefined;
      else outcome = (await openSourcePlace(item.source)) ? 'opened' : undefined;
      resolve(outcome);
    });
    pick.onDidTriggerItemButton(async e => {
      if (!e.item.found) return;
      acting = true;
      pick.hide();
      outcome = (await insert(e.item.found)) ? 'inserted' : undefined;
      resolve(outcome);
    });
    pick.onDidHide(() => { pick.dispose(); if (!acting) resolve(undefined); });
    pick.value = initial;
    update();
    pick.show();
  });
}

function describe(ref: SourceRef): string {
  return [ref.title ?? fileName(ref), ref.outlet, ref.date].filter(Boolean).join(' · ');
}

function fileName(ref: SourceRef): string {
  return decodeURIComponent(ref.path.split('/').pop() ?? ref.path);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The pick's items: the passages found, or an empty state that says what to do (choose a sources folder; other words). */
export function searchItems(sourceCount: number, value: string, results: readonly SearchItem[]): PickItem[] {
  if (!sourceCount) {
    return [{ label: vscode.l10n.t('$(folder-opened) Choose the folder that holds your source articles…'), alwaysShow: true, choose: true }];
  }
  if (!results.length && value.trim()) {
    return [{ label: vscode.l10n.t('No source passage holds these words'), detail: vscode.l10n.t('Try fewer or other words: the last one may be unfinished, any one may carry a typo.'), alwaysShow: true }];
  }
  return results.map(found => ({
    label: found.kind === 'quotation' ? `“${clip(found.text, 160)}”` : clip(found.text, 160),
    description: describe(found.source),
    detail: `${found.kind === 'quotation' ? vscode.l10n.t('quotation') : vscode.l10n.t('sentence')} · ${fileName(found.source)}:${found.source.line}`,
    alwaysShow: true,
    buttons: [INSERT_BUTTON],
    found,
  }));
}
