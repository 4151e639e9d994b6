import type { SourceDocument } from '../sources/document';
import type { SourceMeta } from '../sources/frontMatter';
import { fileOffsetOf, htmlToText } from '../sources/html';
import { LineMap } from '../text/lines';

/** What a snapshot keeps of a document besides its text: metadata (whatever fields it has), warnings, an HTML page. */
export interface DocumentExtras {
  readonly meta: SourceMeta;
  readonly warnings: readonly string[];
  /** The decoded page of an HTML source, to map text offsets back to the file. */
  readonly page?: string;
}

const NO_WARNINGS: readonly string[] = Object.freeze([]);

/** The texts and extras of a snapshot's documents, by number. */
export interface DocumentSource {
  text(d: number): string;
  /** The text as stored (UTF-8 or UTF-16) and the extras' JSON bytes: a new snapshot copies them as they are. */
  stored(d: number): { text: Uint8Array; utf8: boolean; extras: Uint8Array };
  hasWarnings(d: number): boolean;
  extrasOf(d: number): DocumentExtras;
  /** `contentHash` of the file's bytes, undefined when the library had none. */
  hash(d: number): string | undefined;
}

/**
 * A source read back from a snapshot. Its text is decoded on first use (a check reads the texts of the few
 * sources it points at), and so are its metadata and, for a page, the map of its offsets.
 */
export class SnapshotDocument implements SourceDocument {
  private decodedText?: string;
  private decodedExtras?: DocumentExtras;
  private lines?: LineMap;
  private pageOffsets?: (offset: number) => number;

  constructor(
    readonly path: string,
    readonly bodyStart: number,
    private readonly source: DocumentSource,
    private readonly number: number,
  ) {}

  /** The bytes this document was stored as, to be written again without decoding them. */
  stored(): { text: Uint8Array; utf8: boolean; extras: Uint8Array } {
    return this.source.stored(this.number);
  }

  /** `contentHash` of the bytes it was read from: byte-identical sources are one story (sources/copies.ts). */
  get contentHash(): string | undefined {
    return this.source.hash(this.number);
  }

  get text(): string {
    return (this.decodedText ??= this.source.text(this.number));
  }

  get meta(): SourceMeta {
    return this.extras.meta;
  }

  get warnings(): readonly string[] {
    return this.source.hasWarnings(this.number) ? this.extras.warnings : NO_WARNINGS;
  }

  fileOffset(textOffset: number): number {
    const page = this.extras.page;
    if (page === undefined) return textOffset;
    if (!this.pageOffsets) {
      const { segments } = htmlToText(page);
      this.pageOffsets = o => fileOffsetOf(segments, o);
    }
    return this.pageOffsets(textOffset);
  }

  position(textOffset: number): { line: number; column: number } {
    const page = this.extras.page;
    this.lines ??= new LineMap(page ?? this.text);
    return this.lines.position(page === undefined ? textOffset : this.fileOffset(textOffset));
  }

  private get extras(): DocumentExtras {
    return (this.decodedExtras ??= this.source.extrasOf(this.number));
  }
}
