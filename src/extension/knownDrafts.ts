import * as vscode from 'vscode';
import { isDraft } from './drafts';

const KEY = 'sourceCheck.knownDrafts';
/** Enough for a desk's drafts; the oldest are forgotten first. */
const MAX_KNOWN = 2000;

/**
 * The files the journalist writes as drafts in this workspace, remembered across sessions (workspace state): a draft
 * they typed into, and a draft open in an editor when they chose a sources folder holding it. A draft is never its
 * own source: when the sources setting comes to name one (say, Choose Folder… on the workspace root), the source
 * index leaves it out. A source opened to be read is not a draft. Untitled drafts are not files and are not kept.
 */
export class KnownDrafts {
  private readonly known: Set<string>;

  constructor(private readonly state?: vscode.Memento) {
    this.known = new Set(state?.get<string[]>(KEY, []) ?? []);
  }

  has(uri: vscode.Uri): boolean {
    return this.known.has(uri.toString());
  }

  /** Records the drafts open in editor tabs under `folder`: Markdown and plain-text documents that are not sources. */
  addOpenDrafts(folder: vscode.Uri, isSourceFile: (uri: vscode.Uri) => boolean): void {
    const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        if (!(tab.input instanceof vscode.TabInputText)) continue;
        const uri = tab.input.uri;
        const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
        if (doc && isDraft(doc, isSourceFile) && uri.scheme === folder.scheme && uri.authority === folder.authority && uri.path.startsWith(prefix)) this.add(uri);
      }
    }
  }

  /** Records `uri` as a draft (a file the journalist is writing). */
  add(uri: vscode.Uri): void {
    if (uri.scheme === 'untitled' || this.known.has(uri.toString())) return;
    this.known.add(uri.toString());
    while (this.known.size > MAX_KNOWN) this.known.delete(this.known.values().next().value!);
    void this.state?.update(KEY, [...this.known]);
  }
}
