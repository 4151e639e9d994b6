export type QuoteStatus = 'verified' | 'misquote' | 'misattributed' | 'unsourced';
export type DateStatus = 'supported' | 'contradicted' | 'unsupported' | 'inconsistent';
export type FindingStatus = QuoteStatus | DateStatus;
export type FindingKind = 'quote' | 'date';

/** A place in a source: offsets are into the original file's text (UTF-16), lines and columns 1-based. */
export interface SourceRef {
  readonly path: string;
  readonly title?: string;
  readonly outlet?: string;
  readonly date?: string;
  readonly url?: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The matched words exactly as the source prints them. */
  readonly text: string;
  /** The sentence around them, for context. */
  readonly passage: string;
}

/**
 * How sure a fix is. `exact`: the source's own wording of the same statement (a misquote with a same-statement
 * source), the weekday its date falls on, or the speaker the source names: safe to prefer. `probable`: read from a
 * source sentence that pairs with the draft's (a contradicted date): offered, never preferred.
 */
export type FixConfidence = 'exact' | 'probable';

export interface Fix {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly confidence: FixConfidence;
}

/** A word-level difference between the draft and the source. */
export interface DiffPart {
  readonly op: 'equal' | 'insert' | 'delete' | 'replace';
  /** Words in the draft (equal, insert, replace). */
  readonly draft?: string;
  /** Words in the source (equal, delete, replace). */
  readonly source?: string;
}

export interface Finding {
  readonly kind: FindingKind;
  readonly status: FindingStatus;
  /** Offsets into the draft's text (front matter included), UTF-16 code units, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly message: string;
  /** The best source; for a verified quotation held by several sources, `sources` lists them all. */
  readonly source?: SourceRef;
  readonly sources?: readonly SourceRef[];
  /** Replacement text for the draft range: the source's exact wording, or the source's date. */
  readonly suggestion?: string;
  /**
   * The edit that fixes the finding, in draft offsets: for a misquote or a date the finding's own range and the
   * suggestion; for a misattributed quotation the draft's speaker, replaced by the source's.
   */
  readonly fix?: Fix;
  /**
   * For a misquote (or an unsourced quotation's nearest passage): the evidence that the source passage is the same
   * statement as the draft's (see `quotes/evidence.ts`).
   */
  readonly sameStatement?: 'speaker' | 'story' | 'context' | 'long' | 'own sources';
  /** For a misattributed quotation: who the draft says said it, and who the source says did. */
  readonly speakers?: { readonly draft: string; readonly source: string };
  readonly diff?: readonly DiffPart[];
  /** A finding of little weight (a single scare-quoted word): shown as a hint, never an error. */
  readonly minor?: boolean;
  /** Set by a front end when the shared ignore file records a decision to ignore this finding: not flagged. */
  readonly ignored?: boolean;
  /**
   * For dates: the calendar value the draft's date was read as, ISO at its granularity (`2025-05-15`, `2025-05`,
   * `2025`); for a range reported as one finding (both ends unsupported), the range's value (`2009/2010`).
   */
  readonly value?: string;
  /** For dates: read against the reference date ("yesterday", "last Sunday", "May 9" without its year). */
  readonly relative?: boolean;
  /**
   * For each end of a range of dates reported on its own ("May 5 to May 9", "2009-2010": an end supported or
   * contradicted): the whole range's value (`2009/2010`). A range reported as one finding has no `range`.
   */
  readonly range?: string;
  /** For dates: the reference date relative expressions were resolved against, and where it came from. */
  readonly reference?: { readonly date: string; readonly from: 'draft' | 'setting' | 'today' | 'source' };
  /**
   * For a contradicted date: the source's date is the one date of the source sentence most like the draft's
   * statement, in one of the story's own sources, with no rule to say it is the same event: shown, never a fix.
   */
  readonly closestSentence?: boolean;
}

/**
 * A finding from the fields every finding of a kind shares and those of its verdict. (`{ ...base, ... }` takes
 * microseconds in V8 when it adds properties; this is what a draft's hundreds of findings are built with.)
 */
export function finding(base: Omit<Finding, 'status' | 'message'>, verdict: Pick<Finding, 'status' | 'message'> & Partial<Finding>): Finding {
  return Object.assign({}, base, verdict);
}

export const FLAGGING_STATUSES: ReadonlySet<FindingStatus> = new Set(['misquote', 'misattributed', 'unsourced', 'contradicted', 'unsupported', 'inconsistent']);

/**
 * A verdict the local sources leave open, which a larger library (the archive) may settle: a quotation none holds, a
 * date none gives. A date the story's own source contradicts, if only by its sentence most like the statement, is not
 * open: an archive's story of another affair giving the draft's date does not outweigh it.
 */
export function leftOpen(f: Finding): boolean {
  return f.status === 'unsourced' || f.status === 'unsupported';
}

export function isFlagged(f: Finding): boolean {
  return FLAGGING_STATUSES.has(f.status) && !f.ignored;
}

/**
 * Whether a finding fails a pipeline (the CLI's exit status 1): flagged, and not a hint (`minor`: a single
 * scare-quoted word or a title of a work no source holds). The editor still shows hints, as hints.
 */
export function failsCheck(f: Finding): boolean {
  return isFlagged(f) && !f.minor;
}
