import * as vscode from 'vscode';
import { utf8Length } from '../core/text/uriPaths';
import { checkDraft, referenceOf, type CheckOptions } from '../core/check';
import { CheckMemo } from '../core/memo';
import { MAX_SOURCE_BYTES } from '../core/sources/decode';
import type { ArchiveLookups } from './archiveLookups';
import { isDraft } from './drafts';
import type { KnownDrafts } from './knownDrafts';
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
  /** Records the drafts typed into, so that the sources never take them in. */
  readonly drafts?: KnownDrafts;
  /** The message shown once for a draft too large to check (replaceable in tests). */
  readonly ui?: { showInformationMessage(message: string): Thenable<unknown> };
  /** The size limit of a draft, MAX_DRAFT_BYTES unless a test sets a smaller one. */
  readonly maxDraftBytes?: number;
  /** The archive, asked about what the local sources leave unsettled once their verdicts are shown. */
  readonly archive?: ArchiveLookups;
}

/**
 * A draft's first check shows its quotations' verdicts before its dates' when the dates of more sources than this
 * must be read for it first (about 1 ms each).
 */
const QUOTATIONS_FIRST_AFTER = 200;

/** A draft larger than this (in UTF-8 bytes) is not checked, as in the CLI: one message says so. */
export const MAX_DRAFT_BYTES = MAX_SOURCE_BYTES;

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
  /** Drafts already told they are too large, until they are closed. */
  private readonly toldTooLarge = new Set<string>();

  constructor(private readonly deps: DraftCheckerDeps) {
    const { sources } = deps;
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument(d => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (!e.contentChanges.length) return;
        // A draft typed into is the journalist's: it stays a draft if the sources setting comes to name it. So is a
        // new, empty file of a sources folder typed into.
        if (isDraft(e.document, uri => sources.isSourceFile(uri)) || (sources.isSource(e.document.uri) && deps.drafts && sources.leaveOutIfEmpty(e.document.uri))) deps.drafts?.add(e.document.uri);
        this.schedule(e.document);
      }),
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
    await this.deps.sources.whole;
    if (document.isClosed) return false;
    const newer = superseded();
    if (newer) return newer;
    if (!isDraft(document, uri => this.deps.sources.isSourceFile(uri))) {
      this.deps.store.delete(document.uri);
      return false;
    }
    if (this.tooLarge(document, key)) return false;
    const started = performance.now();
    const settings = readSettings(document);
    const markdown = document.languageId === 'markdown';
    const options = { markdown, referenceDate: settings.referenceDate || undefined, dayFirst: settings.dayFirst };
    const library = this.deps.sources.library;
    // The word index and the sources' dates are built before the check, in slices that yield (the first check
    // against a large library would otherwise hold the extension host for seconds).
    if (library.size) {
      const reference = referenceOf(document.getText(), markdown, options).date;
      await this.deps.sources.prepareIndex();
      if (!this.deps.store.get(document.uri) && this.deps.sources.sourcesWithoutDates(reference, settings.dayFirst) > QUOTATIONS_FIRST_AFTER) {
        const early = await this.quotationsFirst(document, key, options);
        if (early) return early;
      }
      await this.deps.sources.prepare(reference, settings.dayFirst);
    }
    const prepared = performance.now();
    if (document.isClosed) return false;
    const overtaken = superseded();
    if (overtaken) return overtaken;
    const version = document.version;
    const text = document.getText();
    let memo = this.memos.get(key);
    if (!memo) this.memos.set(key, (memo = new CheckMemo()));
    // With no sources every quotation would be "unsourced": one notice says so instead (see noSources.ts).
    const all = library.size ? checkDraft(library, text, options, memo) : [];
    const archive = this.deps.archive;
    const shown = archive ? archive.carryOver(document.uri, text, markdown, all) : all;
    const findings = await this.deps.ignores.filter(document.uri, shown);
    if (document.isClosed) return false;
    const newest = superseded();
    if (newest) return newest;
    this.deps.log.trace(`checked ${document.uri.fsPath}: ${findings.length} findings in ${(performance.now() - started).toFixed(1)} ms (${(prepared - started).toFixed(1)} ms preparing the word index and the sources' dates)`);
    this.deps.store.set({ uri: document.uri, version, findings });
    if (archive?.wants(all, library.size)) {
      // Not awaited: the local verdicts are shown now, the archive's replace them when they come, unless overtaken.
      const current = (): boolean => this.generations.get(key) === generation && !document.isClosed && document.version === version;
      archive.settle({
        uri: document.uri, version, library, text, options, local: all, isCurrent: current,
        store: async settled => {
          const shown = await this.deps.ignores.filter(document.uri, settled);
          if (current()) this.deps.store.set({ uri: document.uri, version, findings: shown });
        },
      }).catch(e => this.deps.log.error(`looking up ${document.uri.fsPath} in the archive failed`, e));
    }
    return true;
  }

  /**
   * A draft's first check when the sources' dates must be read for its date first (a window re-opened another day:
   * seconds for thousands of undated sources): its quotations' verdicts are shown now, which do not depend on dates
   * (the full check finds the same), and the dates' join them when read. Resolves to a newer check's outcome if
   * one started meanwhile, else undefined.
   */
  private async quotationsFirst(document: vscode.TextDocument, key: string, options: CheckOptions): Promise<Promise<boolean> | undefined> {
    const generation = this.generations.get(key);
    const version = document.version;
    const text = document.getText();
    let memo = this.memos.get(key);
    if (!memo) this.memos.set(key, (memo = new CheckMemo()));
    const quotes = checkDraft(this.deps.sources.library, text, { ...options, quotesOnly: true }, memo);
    const shown = this.deps.archive ? this.deps.archive.carryOver(document.uri, text, options.markdown ?? true, quotes) : quotes;
    const findings = await this.deps.ignores.filter(document.uri, shown);
    if (document.isClosed) return Promise.resolve(false);
    if (this.generations.get(key) !== generation) return this.inflight.get(key) ?? Promise.resolve(false);
    this.deps.log.trace(`checked the quotations of ${document.uri.fsPath} first: ${findings.length} findings`);
    this.deps.store.set({ uri: document.uri, version, findings });
    return undefined;
  }

  /** Whether the draft is over the size limit; if so its findings go and the journalist is told once. */
  private tooLarge(document: vscode.TextDocument, key: string): boolean {
    const limit = this.deps.maxDraftBytes ?? MAX_DRAFT_BYTES;
    const bytes = utf8Length(document.getText());
    if (bytes <= limit) { this.toldTooLarge.delete(key); return false; }
    this.deps.store.delete(document.uri);
    this.memos.delete(key);
    if (!this.toldTooLarge.has(key)) {
      this.toldTooLarge.add(key);
      const name = document.uri.path.split('/').pop() || document.uri.toString();
      void (this.deps.ui ?? vscode.window).showInformationMessage(vscode.l10n.t(
        'Source Check does not check {0}: it is {1} MB, over the {2} MB limit for a draft.', name,
        (bytes / 1024 / 1024).toFixed(1), Number((limit / 1024 / 1024).toFixed(3))));
    }
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
    this.toldTooLarge.delete(key);
    this.inflight.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.deps.archive?.forget(uri);
    this.deps.store.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
