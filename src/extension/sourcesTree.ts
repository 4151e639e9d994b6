import * as vscode from 'vscode';
import type { IgnoreEntry } from '../core/ignore';
import type { SourceDocument } from '../core/sources/document';
import type { SourceLibrary } from '../core/sources/library';
import { settingPath } from './sourceExclusions';
import { readSettings } from './settings';

/** A folder holding more sources than this lists them in ranges of this many (the tree stays quick to open). */
export const RANGE_SIZE = 1000;

export type SourceNode =
  | { readonly kind: 'section'; readonly section: 'indexed' | 'skipped' | 'removed' | 'ignored'; readonly count: number }
  | { readonly kind: 'folder'; readonly uri: vscode.Uri; readonly paths: readonly string[] }
  | { readonly kind: 'range'; readonly uri: vscode.Uri; readonly paths: readonly string[]; readonly from: number }
  | { readonly kind: 'source'; readonly uri: vscode.Uri; readonly doc: SourceDocument; readonly words: number }
  | { readonly kind: 'skipped'; readonly uri: vscode.Uri; readonly message: string; readonly read: boolean }
  | { readonly kind: 'removed'; readonly folder: vscode.WorkspaceFolder; readonly entry: string }
  | { readonly kind: 'ignored'; readonly folder: vscode.Uri; readonly entry: IgnoreEntry };

export interface SourcesTreeDeps {
  readonly library: SourceLibrary;
  /** The ignore file's decisions, listed in their own section. */
  readonly ignored: () => Promise<Array<{ folder: vscode.Uri; entry: IgnoreEntry }>>;
}

/**
 * What the Sources view shows: the indexed sources by folder (a folder of thousands in ranges of RANGE_SIZE), the
 * files skipped or read with a warning and why, the entries of `sourceCheck.exclude`, and the ignored findings.
 * Items are made only for the nodes VS Code asks for; the grouping is computed once per library generation.
 */
export class SourcesTree implements vscode.TreeDataProvider<SourceNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups?: { generation: number; folders: Array<{ uri: vscode.Uri; paths: string[] }> };

  constructor(private readonly deps: SourcesTreeDeps) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: SourceNode): Promise<SourceNode[]> {
    if (!node) return this.sections();
    switch (node.kind) {
      case 'section': return this.sectionChildren(node.section);
      case 'folder': return this.listed(node.uri, node.paths);
      case 'range': return node.paths.map(p => this.source(p)).filter(n => !!n);
      default: return [];
    }
  }

  getTreeItem(node: SourceNode): vscode.TreeItem {
    switch (node.kind) {
      case 'section': return sectionItem(node.section, node.count);
      case 'folder': {
        const item = new vscode.TreeItem(relativeLabel(node.uri), vscode.TreeItemCollapsibleState.Collapsed);
        item.description = node.paths.length === 1 ? vscode.l10n.t('1 source') : vscode.l10n.t('{0} sources', node.paths.length.toLocaleString('en'));
        item.iconPath = vscode.ThemeIcon.Folder;
        item.resourceUri = node.uri;
        item.contextValue = 'sourceCheck.sourceFolder';
        return item;
      }
      case 'range': {
        const to = node.from + node.paths.length - 1;
        const item = new vscode.TreeItem(`${(node.from + 1).toLocaleString('en')}–${(to + 1).toLocaleString('en')}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${fileName(node.paths[0])} … ${fileName(node.paths[node.paths.length - 1])}`;
        return item;
      }
      case 'source': return sourceItem(node);
      case 'skipped': {
        const item = new vscode.TreeItem(fileName(node.uri));
        item.description = node.message;
        item.tooltip = `${node.uri.fsPath || node.uri.toString()}\n${node.read ? vscode.l10n.t('Read, with a warning') : vscode.l10n.t('Not indexed')}: ${node.message}`;
        item.iconPath = new vscode.ThemeIcon(node.read ? 'warning' : 'circle-slash');
        item.resourceUri = node.uri;
        item.contextValue = node.read ? 'sourceCheck.source' : 'sourceCheck.skipped';
        return item;
      }
      case 'removed': {
        const item = new vscode.TreeItem(node.entry);
        item.description = vscode.l10n.t('left out by sourceCheck.exclude');
        item.tooltip = vscode.l10n.t('Left out of the sources by the setting sourceCheck.exclude of {0}; the file is untouched. Include Again uses it again.', node.folder.name);
        item.iconPath = new vscode.ThemeIcon('circle-slash');
        item.contextValue = 'sourceCheck.removed';
        return item;
      }
      case 'ignored': {
        const item = new vscode.TreeItem(node.entry.kind === 'quote' ? `“${node.entry.text}”` : node.entry.text);
        item.description = [node.entry.status, node.entry.draft ?? vscode.l10n.t('every draft'), node.entry.added].filter(Boolean).join(' · ');
        item.tooltip = vscode.l10n.t('Ignored {0} in {1}{2}', node.entry.kind === 'quote' ? vscode.l10n.t('quotation') : vscode.l10n.t('date'),
          node.entry.draft ?? vscode.l10n.t('every draft'), node.entry.note ? ` — ${node.entry.note}` : '');
        item.iconPath = new vscode.ThemeIcon('eye-closed');
        item.contextValue = 'sourceCheck.ignored';
        return item;
      }
    }
  }

  private async sections(): Promise<SourceNode[]> {
    const library = this.deps.library;
    const out: SourceNode[] = [];
    if (library.size) out.push({ kind: 'section', section: 'indexed', count: library.size });
    const warnings = library.warnings.length;
    if (warnings) out.push({ kind: 'section', section: 'skipped', count: warnings });
    const removed = this.removed().length;
    if (removed) out.push({ kind: 'section', section: 'removed', count: removed });
    const ignored = (await this.deps.ignored()).length;
    if (ignored) out.push({ kind: 'section', section: 'ignored', count: ignored });
    return out;
  }

  private async sectionChildren(section: 'indexed' | 'skipped' | 'removed' | 'ignored'): Promise<SourceNode[]> {
    switch (section) {
      case 'indexed': return this.folders().map(f => ({ kind: 'folder', uri: f.uri, paths: f.paths }));
      case 'skipped': return this.deps.library.warnings.map(w => ({ kind: 'skipped', uri: vscode.Uri.parse(w.path), message: w.message, read: this.deps.library.has(w.path) }));
      case 'removed': return this.removed();
      case 'ignored': return (await this.deps.ignored()).map(({ folder, entry }) => ({ kind: 'ignored', folder, entry }));
    }
  }

  private removed(): SourceNode[] {
    return (vscode.workspace.workspaceFolders ?? []).flatMap(folder => readSettings(folder).exclude.map(entry => ({ kind: 'removed' as const, folder, entry })));
  }

  /** A folder's sources, or its ranges when it holds more than RANGE_SIZE. */
  private listed(uri: vscode.Uri, paths: readonly string[]): SourceNode[] {
    if (paths.length <= RANGE_SIZE) return paths.map(p => this.source(p)).filter(n => !!n);
    const out: SourceNode[] = [];
    for (let from = 0; from < paths.length; from += RANGE_SIZE) out.push({ kind: 'range', uri, paths: paths.slice(from, from + RANGE_SIZE), from });
    return out;
  }

  private source(path: string): SourceNode | undefined {
    const doc = this.deps.library.document(path);
    return doc && { kind: 'source', uri: vscode.Uri.parse(path), doc, words: this.deps.library.wordsIn(path) };
  }

  /** The sources grouped by the folder that holds them, in path order. */
  private folders(): Array<{ uri: vscode.Uri; paths: string[] }> {
    const library = this.deps.library;
    if (this.groups?.generation !== library.generation) {
      const byFolder = new Map<string, string[]>();
      for (const doc of library.documents) {
        const dir = doc.path.slice(0, doc.path.lastIndexOf('/'));
        const list = byFolder.get(dir);
        if (list) list.push(doc.path);
        else byFolder.set(dir, [doc.path]);
      }
      this.groups = { generation: library.generation, folders: [...byFolder].map(([dir, paths]) => ({ uri: vscode.Uri.parse(dir), paths })) };
    }
    return this.groups.folders;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function sectionItem(section: 'indexed' | 'skipped' | 'removed' | 'ignored', count: number): vscode.TreeItem {
  const n = count.toLocaleString('en');
  const labels = {
    indexed: vscode.l10n.t('Indexed sources ({0})', n),
    skipped: vscode.l10n.t('Skipped or read with a warning ({0})', n),
    removed: vscode.l10n.t('Removed from the sources ({0})', n),
    ignored: vscode.l10n.t('Ignored findings ({0})', n),
  };
  const item = new vscode.TreeItem(labels[section], section === 'indexed' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `section:${section}`;
  item.contextValue = `sourceCheck.section.${section}`;
  return item;
}

function sourceItem(node: Extract<SourceNode, { kind: 'source' }>): vscode.TreeItem {
  const { doc } = node;
  const item = new vscode.TreeItem(doc.meta.title ?? fileName(node.uri));
  item.description = [doc.meta.outlet, doc.meta.date, vscode.l10n.t('{0} words', node.words.toLocaleString('en'))].filter(Boolean).join(' · ');
  item.tooltip = [doc.meta.title, node.uri.fsPath || node.uri.toString(), ...doc.warnings].filter(Boolean).join('\n');
  item.resourceUri = node.uri;
  item.contextValue = 'sourceCheck.source';
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Source'), arguments: [node.uri, { preview: true }] };
  return item;
}

/** The file name of a source, given its URI or its URI as a string (as the library keys sources). */
function fileName(source: vscode.Uri | string): string {
  const { path } = typeof source === 'string' ? vscode.Uri.parse(source) : source;
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A folder's path relative to the workspace folder (`../seeds`), or its full path when on another machine. */
function relativeLabel(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  return (folder && settingPath(folder, uri)) ?? (uri.fsPath || uri.toString());
}
