import * as vscode from 'vscode';
import { ArchivedLibraries, checkWithArchive, type ArchiveReader } from '../core/archive/archiveCheck';
import type { CheckOptions } from '../core/check';
import { leftOpen, type Finding } from '../core/findings';
import type { SourceLibrary } from '../core/sources/library';
import { readArchiveAddress } from './archiveAddress';
import type { ArchiveConnection, ArchiveConnector } from './archiveConnection';
import { archiveUri, type ArchivedDocuments } from './archiveDocuments';
import { ArchiveVerdicts } from './archiveVerdicts';
import { CachedArchiveReader } from './cachedArchiveReader';
import type { Log } from './log';
import { readSettings } from './settings';
import { SETTINGS_SECTION } from './settingsSchema';

export interface ArchiveLookupsDeps {
  readonly log: Log;
  readonly secrets: vscode.SecretStorage;
  readonly documents: ArchivedDocuments;
  /** Opens a connection; absent in the web build, where the archive cannot be reached. */
  readonly connect?: ArchiveConnector;
}

/** One check's look-up in the archive, for whoever waits on it (the integration tests). */
export interface ArchiveOutcome {
  readonly uri: vscode.Uri;
  readonly version: number;
  /** settled: the archive's verdicts were stored; failed: the local ones stand; superseded: a newer check took over. */
  readonly state: 'settled' | 'failed' | 'superseded';
  readonly fromArchive: readonly string[];
}

/** What a draft's check hands over for the archive to settle. */
export interface ArchiveRequest {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly library: SourceLibrary;
  readonly text: string;
  readonly options: CheckOptions;
  /** The local verdicts, already stored. */
  readonly local: readonly Finding[];
  /** Whether this check is still the draft's latest (a generation counter and the document's version). */
  readonly isCurrent: () => boolean;
  /** Stores the verdicts with the archive's in place of the local ones. */
  readonly store: (findings: Finding[]) => Promise<void>;
}

/** The key of the archive's password in SecretStorage: bound to the connection string, sent to no other server. */
export function passwordKey(url: string): string {
  return `sourceCheck.archive.password ${url}`;
}

class Superseded extends Error {}

/**
 * The archive in the editor: the quotations and dates that a draft's local sources leave unsettled are looked up in it
 * after the local verdicts are shown, never holding up typing. A look-up that a newer check overtakes is dropped. A
 * connection that fails or times out gives one message, and the local verdicts stand, until a look-up succeeds again
 * or the setting or password changes.
 */
export class ArchiveLookups implements vscode.Disposable {
  private session?: { connection: ArchiveConnection; reader: CachedArchiveReader };
  private opening?: Promise<CachedArchiveReader>;
  /** The archive failed and the journalist was told: later failures go to the log at trace level only. */
  private failing = false;
  /** Counts failed look-ups: a look-up begun before the last failure says nothing of whether the archive came back. */
  private failures = 0;
  /** The refused setting value the journalist was told about (kept in memory only, never logged). */
  private toldRefused?: string;
  private readonly finished = new vscode.EventEmitter<ArchiveOutcome>();
  readonly onDidFinish = this.finished.event;
  private readonly reported = new vscode.EventEmitter<string>();
  /** Fires with each message shown to the journalist about the archive. */
  readonly onDidReport = this.reported.event;
  private readonly changedState = new vscode.EventEmitter<void>();
  /** Fires when the archive is set or unset, fails, or can be read again (for the status item). */
  readonly onDidChangeState = this.changedState.event;
  private readonly disposables: vscode.Disposable[];
  private readonly verdicts = new ArchiveVerdicts();
  /** The local sources and the documents of the last look-up in one library, used again while both are the same. */
  private readonly libraries = new ArchivedLibraries();
  /** Counts resets (setting, password): a look-up begun before one answers for an archive no longer set. */
  private epoch = 0;

  constructor(private readonly deps: ArchiveLookupsDeps) {
    this.disposables = [
      this.finished, this.reported, this.changedState,
      vscode.workspace.onDidChangeConfiguration(e => {
        if (!e.affectsConfiguration(`${SETTINGS_SECTION}.archive`)) return;
        this.reset();
        this.tellIfRefused();
      }),
      deps.secrets.onDidChange(e => { if (e.key.startsWith(passwordKey(''))) this.reset(); }),
    ];
    this.tellIfRefused();
  }

  /** The archive's address when one is set, valid, and reachable from this build. */
  get address(): { url: string; label: string } | undefined {
    const address = readArchiveAddress(readSettings().archive);
    return address?.ok && this.deps.connect ? address : undefined;
  }

  /** The archive in use, and whether its last look-up failed: what the status item shows. */
  get state(): { readonly label: string; readonly failing: boolean } | undefined {
    const address = this.address;
    return address && { label: address.label, failing: this.failing };
  }

  /**
   * Whether the archive has anything to settle: a quotation the local sources leave unsourced, or a date they leave
   * unsupported (checkWithArchive looks up both; a loose date they give no finding is asked about with them).
   */
  wants(local: readonly Finding[], librarySize: number): boolean {
    return !!this.address && (librarySize === 0 || local.some(leftOpen));
  }

  /** Looks up what the local check left unsettled, then stores the verdicts if the check is still the latest. */
  async settle(request: ArchiveRequest): Promise<void> {
    const outcome = (state: ArchiveOutcome['state'], fromArchive: readonly string[] = []): void =>
      this.finished.fire({ uri: request.uri, version: request.version, state, fromArchive });
    const epoch = this.epoch;
    const failuresBefore = this.failures;
    let result;
    let reached = false;
    try {
      // This look-up's own answers from the archive: another's, answered meanwhile, say nothing of this one.
      const tally = { answers: 0 };
      const reader = (await this.reader()).view(tally);
      const current = <T>(ask: () => Promise<T>): Promise<T> => (request.isCurrent() ? ask() : Promise.reject(new Superseded()));
      const { lookUp, dateCounts, datedSentences } = reader;
      const guarded: ArchiveReader = {
        candidates: keys => current(() => reader.candidates(keys)),
        fetch: ids => current(() => reader.fetch(ids)),
        ...(lookUp && { lookUp: quotations => current(() => lookUp(quotations)) }),
        ...(dateCounts && datedSentences && {
          dateCounts: (words, reading) => current(() => dateCounts(words, reading)),
          datedSentences: (statements, reading) => current(() => datedSentences(statements, reading)),
        }),
      };
      result = await checkWithArchive(request.library, request.text, guarded, request.options, { localFindings: request.local, libraries: this.libraries });
      reached = tally.answers > 0;
    } catch (e) {
      result = { findings: [...request.local], fromArchive: [], error: `the archive could not be read (${(e as Error).message})` };
    }
    if (!request.isCurrent() || epoch !== this.epoch) return outcome('superseded');
    if (result.error) {
      this.fail(result.error);
      // The local verdicts, without what an earlier look-up settled (carryOver).
      this.verdicts.clear();
      await request.store([...request.local]);
      return outcome('failed');
    }
    // Answered from the cache alone, or by a server that failed another look-up since this one began (a second draft's,
    // answered just before the server stopped), the look-up says nothing of whether the archive can be read again.
    if (reached && this.failures === failuresBefore) this.recovered();
    this.verdicts.record(request.uri.toString(), request.text, request.options.markdown ?? true, request.local, result.findings);
    // With no local sources the editor shows no verdicts (one notice instead): the archive's are shown when it held some.
    if (request.library.size || result.fromArchive.length) await request.store(result.findings);
    if (!request.isCurrent()) return outcome('superseded');
    outcome('settled', result.fromArchive);
  }

  /**
   * The local verdicts to show while the archive is asked: the quotations it settled at the draft's last look-up, in
   * an unchanged paragraph, as it settled them (see ArchiveVerdicts).
   */
  carryOver(draft: vscode.Uri, text: string, markdown: boolean, local: readonly Finding[]): Finding[] {
    return this.address ? this.verdicts.carryOver(draft.toString(), text, markdown, local) : [...local];
  }

  /** The draft was closed. */
  forget(draft: vscode.Uri): void {
    this.verdicts.forget(draft.toString());
  }

  private async reader(): Promise<CachedArchiveReader> {
    if (this.session) return this.session.reader;
    if (!this.opening) {
      // Cleared when settled, so that a failure to open (the keychain unavailable) is not the answer for ever.
      const opening: Promise<CachedArchiveReader> = this.open().finally(() => { if (this.opening === opening) this.opening = undefined; });
      this.opening = opening;
    }
    return this.opening;
  }

  private async open(): Promise<CachedArchiveReader> {
    const address = this.address;
    if (!address || !this.deps.connect) throw new Error('no archive is set');
    const epoch = this.epoch;
    const password = await this.deps.secrets.get(passwordKey(address.url));
    if (epoch !== this.epoch) throw new Superseded();
    const connection = this.deps.connect(address.url, password, e => this.deps.log.warn(`archive connection lost: ${e.message}`));
    const documents = this.deps.documents;
    const reader = new CachedArchiveReader(connection.reader, { remember: (name, bytes) => documents.remember(name, bytes), nameOf: archiveUri });
    this.session = { connection, reader };
    this.deps.log.info(`archive: ${address.label}${password === undefined ? '' : ' (password from SecretStorage)'}`);
    return reader;
  }

  /** Forgets what the archive answered (the local sources were re-indexed, or the archive may have changed). */
  forgetAnswers(): void {
    this.session?.reader.clear();
    this.verdicts.clear();
    this.libraries.clear();
  }

  /** Closes the connection: the next look-up opens one with the current setting and password. */
  private reset(): void {
    const session = this.session;
    this.session = undefined;
    this.opening = undefined;
    this.epoch++;
    this.failing = false;
    this.verdicts.clear();
    this.libraries.clear();
    this.changedState.fire();
    if (session) session.connection.end().catch(e => this.deps.log.trace(`closing the archive connection: ${(e as Error).message}`));
  }

  private fail(error: string): void {
    this.failures++;
    if (this.failing) {
      this.deps.log.trace(`archive: ${error}`);
      return;
    }
    this.failing = true;
    this.changedState.fire();
    const label = this.address?.label ?? '';
    const reason = /could not be read \((.*)\)/s.exec(error)?.[1] ?? error;
    this.deps.log.warn(`archive ${label} could not be read (${reason}): the findings are the local sources' alone`);
    this.tell(vscode.l10n.t('Source Check could not read the archive {0} ({1}): until it can, a draft that needs it is checked against the local sources only. The archive is tried again at each check.', label, reason));
  }

  private recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.changedState.fire();
    this.deps.log.info('archive: read again');
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Source Check: the archive can be read again'), 4000);
  }

  private tellIfRefused(): void {
    const setting = readSettings().archive;
    const address = readArchiveAddress(setting);
    if (address && !address.ok && this.toldRefused !== setting) {
      this.toldRefused = setting;
      this.deps.log.warn(`the setting sourceCheck.archive is not used: ${address.reason}`);
      this.tell(vscode.l10n.t('Source Check does not use the setting sourceCheck.archive: {0}.', address.reason));
    } else if (address?.ok && !this.deps.connect) {
      this.deps.log.info('the archive (sourceCheck.archive) cannot be reached from VS Code for the Web: drafts are checked against the local sources');
    }
  }

  private tell(message: string): void {
    this.reported.fire(message);
    void vscode.window.showWarningMessage(message);
  }

  dispose(): void {
    this.reset();
    for (const d of this.disposables) d.dispose();
  }
}
