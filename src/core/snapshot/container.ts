/**
 * The snapshot file's frame: a header naming the format version and the engine that wrote it, then named sections
 * of bytes, each 8-byte aligned so that typed arrays can view them in place (no copy, no per-element decoding), and
 * a checksum of everything after the header. Pure: bytes in, bytes out.
 */

/** "SRCCHKSN": the first 8 bytes of every snapshot. */
const MAGIC = [0x53, 0x52, 0x43, 0x43, 0x48, 0x4b, 0x53, 0x4e];
/** Bumped whenever the layout of any section changes. */
export const FORMAT_VERSION = 2;

/** A snapshot that is not to be trusted: another version or engine, truncated, corrupt. Never a crash. */
export class SnapshotError extends Error {}

export type Section = Uint8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float64Array | Int8Array;

interface SectionEntry { name: string; offset: number; length: number }

/**
 * Layout: magic (8) | version u32 | header length u32 | checksum 2×u32 | header JSON (engine, sections) padded to 8 |
 * body. The checksum covers the header and the body, so a truncated, torn or flipped file is detected before use.
 */
export function writeSnapshot(engine: string, sections: ReadonlyMap<string, Section>): Uint8Array {
  const table: SectionEntry[] = [];
  let size = 0;
  for (const [name, data] of sections) {
    table.push({ name, offset: size, length: data.byteLength });
    size = align8(size + data.byteLength);
  }
  const header = new TextEncoder().encode(JSON.stringify({ engine, size, sections: table }));
  const bodyStart = align8(HEADER_AT + header.length);
  const out = new Uint8Array(bodyStart + size);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, FORMAT_VERSION, true);
  view.setUint32(12, header.length, true);
  out.set(header, HEADER_AT);
  for (const entry of table) {
    const data = sections.get(entry.name)!;
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), bodyStart + entry.offset);
  }
  const [a, b] = checksum(out.subarray(HEADER_AT));
  view.setUint32(16, a, true);
  view.setUint32(20, b, true);
  return out;
}

/** Where the header JSON starts, after the fixed fields. */
const HEADER_AT = 24;

/** The sections of a snapshot, as views into `bytes`; throws SnapshotError unless it is whole and ours. */
export class SnapshotReader {
  private readonly table = new Map<string, SectionEntry>();
  private readonly body: Uint8Array;

  constructor(bytes: Uint8Array, engine: string) {
    if (bytes.length < HEADER_AT || MAGIC.some((b, i) => bytes[i] !== b)) throw new SnapshotError('not a Source Check snapshot');
    // Typed views need 8-byte aligned offsets: copy once if the buffer was handed over unaligned.
    if (bytes.byteOffset % 8) bytes = bytes.slice();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const version = view.getUint32(8, true);
    if (version !== FORMAT_VERSION) throw new SnapshotError(`snapshot format ${version}, this build reads ${FORMAT_VERSION}`);
    const headerLength = view.getUint32(12, true);
    const start = align8(HEADER_AT + headerLength);
    if (start > bytes.length || (bytes.length - start) % 8) throw new SnapshotError('snapshot truncated');
    const [a, b] = checksum(bytes.subarray(HEADER_AT));
    if (view.getUint32(16, true) !== a || view.getUint32(20, true) !== b) throw new SnapshotError('snapshot checksum mismatch (truncated, corrupt, or torn by another writer)');
    let header: { engine?: unknown; size?: unknown; sections?: unknown };
    try {
      header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER_AT, HEADER_AT + headerLength)));
    } catch {
      throw new SnapshotError('snapshot header unreadable');
    }
    if (header.engine !== engine) throw new SnapshotError('snapshot written by another engine build');
    if (typeof header.size !== 'number' || start + header.size !== bytes.length) throw new SnapshotError('snapshot truncated or overlong');
    this.body = bytes.subarray(start);
    if (!Array.isArray(header.sections)) throw new SnapshotError('snapshot section table missing');
    for (const e of header.sections as SectionEntry[]) {
      if (typeof e?.name !== 'string' || !Number.isInteger(e.offset) || !Number.isInteger(e.length) || e.offset < 0 || e.length < 0 || e.offset % 8 || e.offset + e.length > header.size) {
        throw new SnapshotError('snapshot section table broken');
      }
      this.table.set(e.name, e);
    }
  }

  bytes(name: string): Uint8Array {
    const e = this.table.get(name);
    if (!e) throw new SnapshotError(`snapshot section ${name} missing`);
    return this.body.subarray(e.offset, e.offset + e.length);
  }

  u32(name: string): Uint32Array { return this.view(name, Uint32Array); }
  i32(name: string): Int32Array { return this.view(name, Int32Array); }
  f64(name: string): Float64Array { return this.view(name, Float64Array); }
  i16(name: string): Int16Array { return this.view(name, Int16Array); }
  i8(name: string): Int8Array { return this.view(name, Int8Array); }

  private view<T>(name: string, Type: { new(buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number }): T {
    const b = this.bytes(name);
    if (b.byteLength % Type.BYTES_PER_ELEMENT) throw new SnapshotError(`snapshot section ${name} has a broken length`);
    return new Type(b.buffer, b.byteOffset, b.byteLength / Type.BYTES_PER_ELEMENT);
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/**
 * Two lanes of 32-bit multiply-xor over the words of `region` (a multiple of 8 bytes, 4-byte aligned): about 40 ms
 * over 100 MB. Each step is a bijection, so any one changed word changes the sum. Not cryptographic: it catches
 * truncation, torn writes and flipped bits, not a forger.
 */
export function checksum(region: Uint8Array): [number, number] {
  const words = new Uint32Array(region.buffer, region.byteOffset, region.byteLength >> 2);
  let a = 0x811c9dc5 ^ words.length;
  let b = 0x9e3779b9;
  for (let i = 0; i + 1 < words.length; i += 2) {
    a = Math.imul(a ^ words[i], 0x01000193);
    b = Math.imul(b ^ words[i + 1], 0x85ebca77);
  }
  return [a >>> 0, b >>> 0];
}

/**
 * A content hash of a source file's bytes and their length: the stamp a file is compared by when its size or
 * modification time changed, and what tells byte-identical sources (sources/copies.ts). Two lanes mixed a 4-byte
 * word at a time (each step a bijection of the lane, so one changed word always changes it): about 250 MB/s of CPU,
 * where a byte at a time took three times as long over the 21k-article corpus. Not cryptographic.
 */
export function contentHash(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  const n = bytes.length;
  const words = n & ~3;
  let i = 0;
  for (; i < words; i += 4) {
    const w = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ w, 0x85ebca77) ^ (b >>> 15);
  }
  for (; i < n; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x85ebca77) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}${n.toString(16)}`;
}
