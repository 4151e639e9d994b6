import type { QuotationKeys } from '../archive/keys';
import type { SourceDocument } from './document';

/**
 * A source as a corpus gives it: its path (its name in findings) and its file's bytes (an archive: parsed by the same
 * code as a local source) or the document already read (a library in memory).
 */
export type CorpusSource = {
  readonly path: string;
  /** Its id in the corpus (as `candidates` gives it), when the corpus says: what a cache keeps it by. */
  readonly id?: string;
  /**
   * From `lookUp`: the places, in the quotations asked, of those this document was found for. With it, a cache can
   * keep each quotation's answer.
   */
  readonly quotations?: readonly number[];
  /** From `datedSentences`: the places, in the statements asked, of those this document was found for. */
  readonly statements?: readonly number[];
} & ({ readonly bytes: Uint8Array } | { readonly doc: SourceDocument });

/** A sentence of a draft that holds dates, as a corpus is asked about it. */
export interface DatedStatement {
  /**
   * Its content words that may pair it with a source sentence: the corpus counts a source sentence's share of them.
   * (The words too common to pair are left out by the asker: see DateCounts.)
   */
  readonly words: readonly string[];
  /** How many of them a source sentence must hold to say the same thing. */
  readonly least: number;
}

/** How a corpus's dates are spread over words: what makes a word too common to pair statements (dates/pairing.ts). */
export interface DateCounts {
  /** How many dates the corpus's sources hold (periods and loose references included). */
  readonly dates: number;
  /** Per word asked: how many days, months and years stand in the corpus's dated sentences holding it. */
  readonly wordDates: ReadonlyMap<string, number>;
}

/** What a date look-up reads a corpus's dates against: the check's reference date and reading of numeric dates. */
export interface DateReading {
  readonly reference: Date;
  readonly dayFirst: boolean;
}

/**
 * A body of sources a check reads: the sources in memory (SourceLibrary) or an archive too large for memory (a
 * newsroom's stories in PostgreSQL: src/archive/sql.ts). Both answer the same questions (the candidate places of a
 * quotation, a document's text, the dated sentences that say what a draft's sentence says), so that a draft checked
 * against the documents a corpus gives is checked by the same verdict code whatever holds them
 * (src/core/archive/archiveCheck.ts). A check only reads a corpus.
 */
export interface SourceCorpus {
  /** The ids of the few documents that may hold a quotation, or a close wording of it. */
  candidates(keys: QuotationKeys): Promise<readonly string[]>;
  /** The documents of these ids (those that still exist). */
  fetch(ids: readonly string[]): Promise<readonly CorpusSource[]>;
  /**
   * The documents that may hold any of a draft's quotations, or a close wording of one, in one round trip. Optional:
   * without it, `candidates` is asked for each quotation, then `fetch` once.
   */
  lookUp?(quotations: readonly QuotationKeys[]): Promise<readonly CorpusSource[]>;
  /**
   * How the corpus's dates are spread over these words. Optional, with `datedSentences`: a corpus without them (or
   * whose answer is undefined: an archive that stores no dated sentences) settles a date only with the documents
   * fetched for quotations.
   */
  dateCounts?(words: readonly string[], reading: DateReading): Promise<DateCounts | undefined>;
  /**
   * For each statement, the documents of its best dated sentences: those holding the most of its words (at least
   * `least`), at most MAX_PAIRED_SENTENCES, ties in path order, then in text order. The check pairs the statement with
   * the sentences of those documents, as it would with the whole corpus.
   */
  datedSentences?(statements: readonly DatedStatement[], reading: DateReading): Promise<readonly CorpusSource[]>;
}

/** The dated sentences a draft's sentence is paired with, at most (dates/pairing.ts: MAX_PAIRED). */
export const MAX_PAIRED_SENTENCES = 8;
