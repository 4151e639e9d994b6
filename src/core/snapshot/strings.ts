import { SnapshotError } from './container';

/** Strings kept once each, numbered in order of first use, saved as one UTF-8 blob (NUL-separated). */
export class StringTable {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      if (s.includes('\0')) throw new Error('a snapshot string holds a NUL character');
      this.ids.set(s, (id = this.list.length));
      this.list.push(s);
    }
    return id;
  }

  encode(): Uint8Array {
    return encodeStrings(this.list);
  }
}

export function encodeStrings(list: readonly string[]): Uint8Array {
  return new TextEncoder().encode(list.join('\0'));
}

/** The strings of a blob; `count` is how many there must be (a check against a broken blob). */
export function decodeStrings(bytes: Uint8Array, count: number): string[] {
  if (count === 0) return [];
  const list = new TextDecoder().decode(bytes).split('\0');
  if (list.length !== count) throw new SnapshotError(`snapshot string table holds ${list.length} strings, not ${count}`);
  return list;
}
