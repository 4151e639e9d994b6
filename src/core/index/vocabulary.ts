import { forEachWord } from '../text/words';

/** Interns lower-cased words as small integers, shared by sources and drafts. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];

  idOf(norm: string): number {
    let id = this.ids.get(norm);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(norm, id);
      this.words.push(norm);
    }
    return id;
  }

  /** Id of a word already seen, or -1: a word no source holds. */
  lookup(norm: string): number {
    return this.ids.get(norm) ?? -1;
  }

  word(id: number): string {
    return this.words[id] ?? '';
  }

  get size(): number {
    return this.words.length;
  }
}

/** The words of one text as ids with their offsets. */
export interface TokenRun {
  readonly ids: Uint32Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

export function tokenizeInto(vocab: Vocabulary, text: string, from = 0): TokenRun {
  let cap = Math.max(16, (text.length - from) >> 2);
  let ids = new Uint32Array(cap);
  let starts = new Uint32Array(cap);
  let ends = new Uint32Array(cap);
  let n = 0;
  forEachWord(text, from, text.length, (norm, start, end) => {
    if (n === cap) {
      cap *= 2;
      ids = grow(ids, cap);
      starts = grow(starts, cap);
      ends = grow(ends, cap);
    }
    ids[n] = vocab.idOf(norm);
    starts[n] = start;
    ends[n] = end;
    n++;
  });
  return { ids: ids.subarray(0, n), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

function grow(a: Uint32Array, cap: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(cap);
  b.set(a);
  return b;
}
