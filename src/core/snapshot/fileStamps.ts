import { decodeStrings } from './strings';
import { D } from './documentTable';

/** How a source file looked when it was read: a snapshot's entry is trusted only while the file still looks so. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  /** `contentHash` of its bytes: when size or time changed, equal contents still keep the entry. */
  readonly hash: string;
}

/**
 * The file stamps of a snapshot, read from its document table when asked: a check looks each source up once, in
 * path order, so a lookup first tries the entry after the last one found. Content hashes are decoded on first use
 * (only a source whose size or time changed, or a new snapshot, needs them).
 */
export class SnapshotStamps implements ReadonlyMap<string, FileStamp> {
  private next = 0;
  private hashList?: string[];
  constructor(private readonly paths: readonly string[], private readonly rows: Float64Array, private readonly hashBlob: Uint8Array) {}

  get size(): number { return this.paths.length; }

  get(path: string): FileStamp | undefined {
    const d = this.indexOf(path);
    return d < 0 ? undefined : this.stampAt(d);
  }

  has(path: string): boolean { return this.indexOf(path) >= 0; }

  forEach(f: (stamp: FileStamp, path: string, map: ReadonlyMap<string, FileStamp>) => void): void {
    for (let d = 0; d < this.paths.length; d++) f(this.stampAt(d), this.paths[d], this);
  }

  *entries(): MapIterator<[string, FileStamp]> {
    for (let d = 0; d < this.paths.length; d++) yield [this.paths[d], this.stampAt(d)];
  }

  *keys(): MapIterator<string> { yield* this.paths; }

  *values(): MapIterator<FileStamp> {
    for (let d = 0; d < this.paths.length; d++) yield this.stampAt(d);
  }

  [Symbol.iterator](): MapIterator<[string, FileStamp]> { return this.entries(); }

  private stampAt(d: number): FileStamp {
    this.hashList ??= decodeStrings(this.hashBlob, this.paths.length);
    return { size: this.rows[d * D + 6], mtimeMs: this.rows[d * D + 7], hash: this.hashList[d] };
  }

  /** The path's entry (paths are in the library's order: ascending by code unit), or -1. */
  private indexOf(path: string): number {
    const { paths } = this;
    if (paths[this.next] === path) return this.next++;
    let lo = 0;
    let hi = paths.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (paths[mid] === path) { this.next = mid + 1; return mid; }
      if (paths[mid] < path) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
