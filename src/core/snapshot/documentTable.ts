import type { DocumentExtras, DocumentSource } from './snapshotDocument';
import type { Section } from './container';

/**
 * Columns of a document row: text [start, end) in the texts blob, its encoding, bodyStart, extras [start, end), size,
 * mtime, number of warnings (the library's warnings are listed without decoding every document's extras).
 */
export const D = 9;
export const UTF8 = 0;
export const UTF16 = 1;

/** Strings in a NUL-separated blob (an empty blob holds none). */
export function countOf(blob: Section): number {
  const bytes = new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
  if (!bytes.length) return 0;
  let n = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) n++;
  return n;
}

/** Where the documents' texts and extras lie in a snapshot, decoded on demand. */
export class DocumentStore implements DocumentSource {
  private readonly utf8 = new TextDecoder();
  constructor(private readonly rows: Float64Array, private readonly texts: Uint8Array, private readonly extras: Uint8Array,
    readonly hash: (d: number) => string | undefined) {}

  text(d: number): string {
    const raw = this.texts.subarray(this.rows[d * D], this.rows[d * D + 1]);
    return this.rows[d * D + 2] === UTF8 ? this.utf8.decode(raw) : utf16(raw);
  }

  stored(d: number): { text: Uint8Array; utf8: boolean; extras: Uint8Array } {
    const at = d * D;
    return { text: this.texts.subarray(this.rows[at], this.rows[at + 1]), utf8: this.rows[at + 2] === UTF8, extras: this.extras.subarray(this.rows[at + 4], this.rows[at + 5]) };
  }

  hasWarnings(d: number): boolean {
    return this.rows[d * D + 8] > 0;
  }

  extrasOf(d: number): DocumentExtras {
    return JSON.parse(this.utf8.decode(this.extras.subarray(this.rows[d * D + 4], this.rows[d * D + 5])));
  }
}

export function utf16Bytes(text: string): Uint8Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return new Uint8Array(units.buffer);
}

export function utf16(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.slice().buffer);
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

export function concat<T extends Uint8Array | Uint32Array>(parts: readonly T[], Type: { new(n: number): T }): T {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Type(n);
  let at = 0;
  for (const p of parts) {
    out.set(p as never, at);
    at += p.length;
  }
  return out;
}
