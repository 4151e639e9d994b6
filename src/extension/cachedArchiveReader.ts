import type { ArchivedSource, ArchiveReader } from '../core/archive/archiveCheck';
import type { QuotationKeys } from '../core/archive/keys';
import type { DateCounts, DatedStatement, DateReading } from '../core/sources/corpus';
import { comparePaths } from '../core/sources/pathOrder';

/** Answers kept before the cache starts afresh (a long session looks up many quotations). */
const MAX_ANSWERS = 5000;

/** Where the documents fetched are kept for opening, and the name each takes in findings (archiveDocuments.ts). */
export interface FetchedDocuments {
  remember(name: string, bytes: Uint8Array): void;
  nameOf(path: string): string;
}

/** Answers counted for a look-up (see `CachedArchiveReader.view`). */
export interface Tally { answers: number }

interface Kept {
  readonly source: ArchivedSource;
  /** The path the archive gave (the order of its answers). */
  readonly path: string;
}

/**
 * The archive as the editor reads it: each quotation's candidates and each document asked once, so that typing in one
 * paragraph asks the archive only about the quotations that changed, and a draft's new quotations cost one round trip
 * when the archive looks up a draft at once (`lookUp`). Documents are named by `documents.nameOf` and kept for opening.
 * Emptied by whoever owns it when the sources, the setting or the password change.
 */
export class CachedArchiveReader implements ArchiveReader {
  private readonly candidateIds = new Map<string, readonly string[]>();
  private readonly sources = new Map<string, Kept>();
  /** Answers from the archive itself (not from the cache), over all look-ups. */
  private readonly total: Tally = { answers: 0 };
  /** Each date statement's documents (by id), as the archive answered. */
  private readonly statementIds = new Map<string, readonly string[]>();
  /** The archive's date counts: its number of dates, and each word's, for the reading they were asked under. */
  private dateTotals?: { reading: string; dates: number; words: Map<string, number> };
  /** Present when the archive has it (checkWithArchive then asks once a draft). */
  readonly lookUp?: (quotations: readonly QuotationKeys[]) => Promise<readonly ArchivedSource[]>;
  /** Present when the archive looks dates up (both or neither). */
  readonly dateCounts?: (words: readonly string[], reading: DateReading) => Promise<DateCounts | undefined>;
  readonly datedSentences?: (statements: readonly DatedStatement[], reading: DateReading) => Promise<readonly ArchivedSource[]>;

  constructor(private readonly archive: ArchiveReader, private readonly documents: FetchedDocuments) {
    const view = this.view(this.total);
    this.lookUp = view.lookUp;
    this.dateCounts = view.dateCounts;
    this.datedSentences = view.datedSentences;
  }

  /**
   * The same reader, counting in `tally` the answers that came from the archive itself: whether one look-up reached
   * it, whatever other look-ups were answered meanwhile.
   */
  view(tally: Tally): ArchiveReader {
    const lookUp = this.archive.lookUp?.bind(this.archive);
    const dateCounts = this.archive.dateCounts?.bind(this.archive);
    const datedSentences = this.archive.datedSentences?.bind(this.archive);
    return {
      candidates: keys => this.candidatesCounted(keys, tally),
      fetch: ids => this.fetchCounted(ids, tally),
      ...(lookUp && { lookUp: (quotations: readonly QuotationKeys[]) => this.lookUpCached(quotations, lookUp, tally) }),
      ...(dateCounts && datedSentences && {
        dateCounts: (words: readonly string[], reading: DateReading) => this.dateCountsCached(words, reading, dateCounts, tally),
        datedSentences: (statements: readonly DatedStatement[], reading: DateReading) => this.datedSentencesCached(statements, reading, datedSentences, tally),
      }),
    };
  }

  private answer(tally: Tally): void {
    this.total.answers++;
    if (tally !== this.total) tally.answers++;
  }

  candidates(keys: QuotationKeys): Promise<readonly string[]> {
    return this.candidatesCounted(keys, this.total);
  }

  fetch(ids: readonly string[]): Promise<readonly ArchivedSource[]> {
    return this.fetchCounted(ids, this.total);
  }

  private async candidatesCounted(keys: QuotationKeys, tally: Tally): Promise<readonly string[]> {
    const known = this.candidateIds.get(keyOf(keys));
    if (known) return known;
    const ids = await this.archive.candidates(keys);
    this.answer(tally);
    this.keepAnswer(keys, ids);
    return ids;
  }

  private async fetchCounted(ids: readonly string[], tally: Tally): Promise<readonly ArchivedSource[]> {
    this.makeRoom(ids.length);
    const missing = ids.filter(id => !this.sources.has(id));
    const answer = missing.length ? await this.archive.fetch(missing) : [];
    if (missing.length) this.answer(tally);
    if (answer.every(s => s.id !== undefined)) for (const source of answer) this.keep(source.id as string, source);
    else {
      // A reader that does not give ids is asked one document per query: an id asked alone is known by its answer.
      await Promise.all(missing.map(async id => {
        const [source] = await this.archive.fetch([id]);
        this.answer(tally);
        if (source) this.keep(id, source);
      }));
    }
    return byPath(ids.flatMap(id => this.sources.get(id) ?? []));
  }

  /**
   * The quotations whose answer and documents are kept are answered here; the rest go to the archive in one call.
   * An answer without its documents' ids and quotations is passed on, kept for opening only.
   */
  private async lookUpCached(quotations: readonly QuotationKeys[],
    lookUp: (quotations: readonly QuotationKeys[]) => Promise<readonly ArchivedSource[]>, tally: Tally): Promise<readonly ArchivedSource[]> {
    const found = new Map<string, Kept>();
    const asked: QuotationKeys[] = [];
    for (const keys of quotations) {
      const ids = this.candidateIds.get(keyOf(keys));
      const kept = ids?.map(id => this.sources.get(id));
      if (ids && kept?.every(k => k)) ids.forEach((id, i) => found.set(id, kept[i] as Kept));
      else asked.push(keys);
    }
    if (asked.length) {
      const answer = await lookUp(asked);
      this.answer(tally);
      this.makeRoom(answer.length);
      const unattributed: Kept[] = [];
      const ids: string[][] = asked.map(() => []);
      for (const source of answer) {
        if (source.id === undefined || !source.quotations) {
          unattributed.push(this.keepOpen(source));
          continue;
        }
        for (const i of source.quotations) ids[i]?.push(source.id);
        found.set(source.id, this.keep(source.id, source));
      }
      if (unattributed.length) return byPath([...found.values(), ...unattributed]);
      asked.forEach((keys, i) => this.keepAnswer(keys, ids[i]));
    }
    return byPath([...found.values()]);
  }

  /** Each word's count asked once (per reading of dates); the total comes with any answer. */
  private async dateCountsCached(words: readonly string[], reading: DateReading,
    dateCounts: (words: readonly string[], reading: DateReading) => Promise<DateCounts | undefined>, tally: Tally): Promise<DateCounts | undefined> {
    const key = readingKey(reading);
    if (this.dateTotals?.reading !== key || this.dateTotals.words.size >= MAX_ANSWERS) this.dateTotals = undefined;
    const known = this.dateTotals;
    const missing = known ? words.filter(w => !known.words.has(w)) : words;
    if (known && !missing.length) return { dates: known.dates, wordDates: new Map(words.map(w => [w, known.words.get(w) ?? 0])) };
    const answer = await dateCounts(missing, reading);
    this.answer(tally);
    // An archive that looks no dates up: nothing to keep (it is asked again, and may have been ingested meanwhile).
    if (!answer) return undefined;
    // A new total means the archive changed: the counts kept before are of another archive.
    const kept = known && known.dates === answer.dates ? known : { reading: key, dates: answer.dates, words: new Map<string, number>() };
    for (const w of missing) kept.words.set(w, answer.wordDates.get(w) ?? 0);
    this.dateTotals = kept;
    return { dates: kept.dates, wordDates: new Map(words.map(w => [w, kept.words.get(w) ?? 0])) };
  }

  /** As `lookUpCached`, for date statements: those answered before are answered here, the rest asked at once. */
  private async datedSentencesCached(statements: readonly DatedStatement[], reading: DateReading,
    datedSentences: (statements: readonly DatedStatement[], reading: DateReading) => Promise<readonly ArchivedSource[]>, tally: Tally): Promise<readonly ArchivedSource[]> {
    const found = new Map<string, Kept>();
    const asked: DatedStatement[] = [];
    const keys: string[] = [];
    for (const statement of statements) {
      const key = `${readingKey(reading)}/${statement.least}/${statement.words.join(' ')}`;
      const ids = this.statementIds.get(key);
      const kept = ids?.map(id => this.sources.get(id));
      if (ids && kept?.every(k => k)) ids.forEach((id, i) => found.set(id, kept[i] as Kept));
      else { asked.push(statement); keys.push(key); }
    }
    if (asked.length) {
      const answer = await datedSentences(asked, reading);
      this.answer(tally);
      this.makeRoom(answer.length);
      const ids: string[][] = asked.map(() => []);
      let attributed = true;
      for (const source of answer) {
        if (source.id === undefined || !source.statements) { attributed = false; found.set(`?${source.path}`, this.keepOpen(source)); continue; }
        for (const i of source.statements) ids[i]?.push(source.id);
        found.set(source.id, this.keep(source.id, source));
      }
      if (attributed) {
        if (this.statementIds.size >= MAX_ANSWERS) this.statementIds.clear();
        keys.forEach((key, i) => this.statementIds.set(key, ids[i]));
      }
    }
    return byPath([...found.values()]);
  }

  private keepAnswer(keys: QuotationKeys, ids: readonly string[]): void {
    if (this.candidateIds.size >= MAX_ANSWERS) this.candidateIds.clear();
    this.candidateIds.set(keyOf(keys), ids);
  }

  /** Starts the documents afresh when `n` more would pass the bound (before a batch, so that none of it is lost). */
  private makeRoom(n: number): void {
    if (this.sources.size + n > MAX_ANSWERS) this.sources.clear();
  }

  private keep(id: string, source: ArchivedSource): Kept {
    const kept = this.keepOpen(source, id);
    this.sources.set(id, kept);
    return kept;
  }

  /** The document under its name in findings, kept for opening. */
  private keepOpen(source: ArchivedSource, id = source.id): Kept {
    const name = this.documents.nameOf(source.path);
    // An archive gives bytes; a library in memory read as an archive (tests) gives its documents, kept as they are.
    if (!('bytes' in source)) return { source: { path: source.path, doc: source.doc, ...(id === undefined ? {} : { id }) }, path: source.path };
    this.documents.remember(name, source.bytes);
    return { source: { path: name, bytes: source.bytes, ...(id === undefined ? {} : { id }) }, path: source.path };
  }

  /** How many answers came from the archive itself (not from the cache): whether it was reached. */
  get answered(): number {
    return this.total.answers;
  }

  clear(): void {
    this.candidateIds.clear();
    this.sources.clear();
    this.statementIds.clear();
    this.dateTotals = undefined;
  }
}

function readingKey(reading: DateReading): string {
  return `${reading.reference.getTime()}/${reading.dayFirst}`;
}

function keyOf(keys: QuotationKeys): string {
  return `${keys.trigrams.join(',')}/${keys.any.join(',')}`;
}

/** In the archive's order (by path), as without the cache. */
function byPath(kept: readonly Kept[]): ArchivedSource[] {
  return [...kept].sort((a, b) => comparePaths(a.path, b.path)).map(k => k.source);
}
