import { ASCII_WORD, continueWord, nextWordStart, normalizeWord, wordEnd } from '../text/words';

/**
 * Interns lower-cased words as small integers, shared by sources and drafts.
 *
 * Indexing millions of words is dominated by this step, so it is an open-addressing table hashed while the
 * tokenizer scans: a word already known costs no string allocation. Word boundaries are exactly those of
 * `forEachWord` (runs of letters, marks and digits; see `words.ts`); a unit test holds the two together.
 */
export class Vocabulary {
  private words: string[] = [];
  private hashes: Uint32Array = new Uint32Array(1024);
  private slots: Int32Array = new Int32Array(2048).fill(-1);

  /** A vocabulary from the arrays of `parts()` (a snapshot): nothing is hashed again. */
  static fromParts(words: string[], hashes: Uint32Array, slots: Int32Array): Vocabulary {
    const v = new Vocabulary();
    v.words = words;
    v.hashes = hashes;
    v.slots = slots;
    return v;
  }

  /** The words, their hashes (one per word) and the open-addressing table, for a snapshot. */
  parts(): { words: readonly string[]; hashes: Uint32Array; slots: Int32Array } {
    return { words: this.words, hashes: this.hashes.subarray(0, this.words.length), slots: this.slots };
  }

  idOf(norm: string): number {
    const h = hashString(norm);
    const found = this.find(norm, h);
    return found >= 0 ? found : this.insert(norm, h);
  }

  /** Id of a word already seen, or -1: a word no source holds. */
  lookup(norm: string): number {
    return this.find(norm, hashString(norm));
  }

  /** Every word, indexed by id. */
  get all(): readonly string[] {
    return this.words;
  }

  word(id: number): string {
    return this.words[id] ?? '';
  }

  get size(): number {
    return this.words.length;
  }

  /** Id of the ASCII word `text[start..end)`, lower-cased, whose hash the tokenizer computed while scanning. */
  internAscii(text: string, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s];
      if (id < 0) break;
      if (this.hashes[id] !== h) continue;
      const w = this.words[id];
      if (w.length !== len) continue;
      let same = true;
      for (let i = 0; i < len; i++) {
        if (w.charCodeAt(i) !== ASCII_WORD[text.charCodeAt(start + i)]) { same = false; break; }
      }
      if (same) return id;
    }
    return this.insert(text.slice(start, end).toLowerCase(), h);
  }

  private find(norm: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s];
      if (id < 0) return -1;
      if (this.hashes[id] === h && this.words[id] === norm) return id;
    }
  }

  private insert(norm: string, h: number): number {
    const id = this.words.length;
    this.words.push(norm);
    if (id >= this.hashes.length) {
      const grown = new Uint32Array(Math.max(1024, this.hashes.length * 2));
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    if (this.words.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id, h);
    return id;
  }

  private place(id: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] >= 0) s = (s + 1) & mask;
    this.slots[s] = id;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    for (let id = 0; id < this.words.length; id++) this.place(id, this.hashes[id]);
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashString(norm: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < norm.length; i++) h = Math.imul(h ^ norm.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** The words of one text as ids, with their offsets when asked for. */
export interface TokenRun {
  readonly ids: Uint32Array;
  /** Offset of every CHECKPOINT-th word: a word's offsets are found by scanning at most CHECKPOINT - 1 words. */
  readonly checkpoints: Uint32Array;
  readonly starts?: Uint32Array;
  readonly ends?: Uint32Array;
}

export const CHECKPOINT_SHIFT = 4;
const CHECKPOINT_MASK = (1 << CHECKPOINT_SHIFT) - 1;

/** Scratch space reused across calls: the run keeps exact-size copies only. */
let scratchIds = new Uint32Array(1 << 16);
let scratchStarts = new Uint32Array(1 << 16);
let scratchEnds = new Uint32Array(1 << 16);

/**
 * Interns the words of `text[from..]`. Offsets of every word are kept only when asked for (tests); an index keeps
 * a checkpoint every 16 words instead, since a finding needs the offsets of a few words of a few sources.
 */
export function tokenizeInto(vocab: Vocabulary, text: string, from = 0, withOffsets = false): TokenRun {
  let n = 0;
  const len = text.length;
  let i = from;
  while ((i = nextWordStart(text, i, len)) < len) {
    const start = i;
    let c = text.charCodeAt(i);
    let h = FNV_OFFSET;
    let ascii = c < 128;
    if (ascii) {
      // ASCII letters and digits are hashed as they are read; a word that goes on past them is read by `continueWord`.
      do {
        h = Math.imul(h ^ ASCII_WORD[c], FNV_PRIME);
        i++;
      } while (i < len && (c = text.charCodeAt(i)) < 128 && ASCII_WORD[c] !== 0);
      if (i < len && c >= 128) {
        const end = continueWord(text, i);
        if (end > i) { ascii = false; i = end; }
      }
    } else i = wordEnd(text, start);
    if (n === scratchIds.length) growScratch();
    scratchIds[n] = ascii ? vocab.internAscii(text, start, i, h >>> 0) : vocab.idOf(normalizeWord(text.slice(start, i)));
    scratchStarts[n] = start;
    scratchEnds[n] = i;
    n++;
  }
  const ids = scratchIds.slice(0, n);
  const checkpoints = new Uint32Array((n + CHECKPOINT_MASK) >> CHECKPOINT_SHIFT);
  for (let k = 0; k < checkpoints.length; k++) checkpoints[k] = scratchStarts[k << CHECKPOINT_SHIFT];
  return withOffsets ? { ids, checkpoints, starts: scratchStarts.slice(0, n), ends: scratchEnds.slice(0, n) } : { ids, checkpoints };
}

/** [start, end) of word number `local` of a run over `text`, found from the nearest checkpoint. */
export function wordOffsets(text: string, run: TokenRun, local: number): [number, number] {
  let start = nextWordStart(text, run.checkpoints[local >> CHECKPOINT_SHIFT], text.length);
  for (let skip = local & CHECKPOINT_MASK; skip > 0 && start < text.length; skip--) start = nextWordStart(text, wordEnd(text, start), text.length);
  return [start, wordEnd(text, start)];
}

/** [start, end) offsets of `count` consecutive words of a run from word number `local`, in one scan. */
export function spanOffsets(text: string, run: TokenRun, local: number, count: number): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let [start, end] = wordOffsets(text, run, local);
  for (let k = 0; k < count && start < text.length; k++) {
    if (k) end = wordEnd(text, (start = nextWordStart(text, end, text.length)));
    starts.push(start);
    ends.push(end);
  }
  return { starts, ends };
}

function growScratch(): void {
  const grow = (a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
    const b = new Uint32Array(a.length * 2);
    b.set(a);
    return b;
  };
  scratchIds = grow(scratchIds);
  scratchStarts = grow(scratchStarts);
  scratchEnds = grow(scratchEnds);
}
