import * as vscode from 'vscode';
import { checkDraft } from '../core/check';
import { CheckMemo } from '../core/memo';
import { isDraft } from './drafts';
import type { FindingsStore } from './findingsStore';
import type { IgnoreList } from './ignoreList';
import type { Log } from './log';
import { onDidChangeSettings, readSettings } from './settings';
import type { SourceIndex } from './sourceIndex';

export interface DraftCheckerDeps {
  readonly sources: SourceIndex;
  readonly ignores: IgnoreList;
  readonly store: FindingsStore;
  readonly log: Log;
}

/**
 * Checks open drafts as they change: debounced per document, and a generation counter per document so that a
 * check that finishes late never overwrites the result of a newer one.
 */
export class DraftChecker implements vscode.Disposable {
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The latest check of each document, which an older one hands over to. */
  private readonly inflight = new Map<string, Promise<boolean>>();
  /** Findings of unchanged quotations and sentences per draft, so typing re-checks only what changed. */
  private readonly memos = new Map<string, CheckMemo>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: DraftCheckerDeps) {
    const { sources } = deps;
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument(d => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length) this.schedule(e.document); }),
      vscode.workspace.onDidCloseTextDocument(d => this.forget(d.uri)),
      sources.onDidChange(() => this.checkAll()),
      deps.ignores.onDidChange(() => this.checkAll()),
      onDidChangeSettings(() => this.checkAll()),
    );
  }

  /** Checks every open draft again (after the sources or settings changed). */
  checkAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /**
   * Checks a document now and stores the result. Resolves to false when it is not a draft (or was closed); when a
   * newer check of the same document starts meanwhile, resolves with that one's outcome, whose result is stored.
   */
  check(document: vscode.TextDocument): Promise<boolean> {
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const run = this.run(document, key, generation);
    this.inflight.set(key, run);
    return run;
  }

  private async run(document: vscode.TextDocument, key: string, generation: number): Promise<boolean> {
    const superseded = (): Promise<boolean> | undefined =>
      this.generations.get(key) !== generation ? this.inflight.get(key) ?? Promise.resolve(false) : undefined;
    await this.deps.sources.ready;
    if (document.isClosed) return false;
    const newer = superseded();
    if (newer) return newer;
    if (!isDraft(document, uri => this.deps.sources.isSource(uri))) {
      this.deps.store.delete(document.uri);
      return false;
    }
    const version = document.version;
    const started = performance.now();
    let memo = this.memos.get(key);
    if (!memo) this.memos.set(key, (memo = new CheckMemo()));
    const settings = readSettings(document);
    const options = { markdown: document.languageId === 'markdown', referenceDate: settings.referenceDate || undefined, dayFirst: settings.dayFirst };
    // With no sources every quotation would be "unsourced": one notice says so instead (see noSources.ts).
    const library = this.deps.sources.library;
    const all = library.size ? checkDraft(library, document.getText(), options, memo) : [];
    const findings = await this.deps.ignores.filter(document.uri, all);
    if (document.isClosed) return false;
    const newest = superseded();
    if (newest) return newest;
    this.deps.log.trace(`checked ${document.uri.fsPath}: ${findings.length} findings in ${(performance.now() - started).toFixed(1)} ms`);
    this.deps.store.set({ uri: document.uri, version, findings });
    return true;
  }

  private schedule(document: vscode.TextDocument, delay = readSettings(document).debounceMs): void {
    if (document.languageId !== 'markdown' && document.languageId !== 'plaintext') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.check(document).catch(e => this.deps.log.error(`checking ${document.uri.fsPath} failed`, e));
    }, delay));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.memos.delete(key);
    this.inflight.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.deps.store.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
