import type { TokenRun } from './vocabulary';

/** Hash of a word trigram; collisions are harmless because every hit is verified word by word. */
export function trigramHash(a: number, b: number, c: number): number {
  return (Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77) ^ Math.imul(c + 1, 0xc2b2ae3d)) >>> 0;
}

/**
 * All source words laid end to end, with two inverted indexes in compressed-row form:
 * word id -> positions, and hashed word trigram -> positions. Built in linear time by counting sort.
 */
export class WordIndex {
  /** Word id at each global position. */
  readonly ids: Uint32Array;
  /** First global position of each document, plus the total at the end. */
  readonly docStarts: Uint32Array;
  private readonly wordStart: Uint32Array;
  private readonly wordPositions: Uint32Array;
  private readonly gramMask: number;
  private readonly gramStart: Uint32Array;
  private readonly gramPositions: Uint32Array;

  constructor(runs: readonly TokenRun[], vocabSize: number, parts?: IndexParts) {
    if (!parts) {
      const steps = buildParts(runs, vocabSize);
      let step = steps.next();
      while (!step.done) step = steps.next();
      parts = step.value;
    }
    ({ ids: this.ids, docStarts: this.docStarts, wordStart: this.wordStart, wordPositions: this.wordPositions,
      gramMask: this.gramMask, gramStart: this.gramStart, gramPositions: this.gramPositions } = parts);
  }

  /**
   * The same index, built in steps of a few milliseconds with `pause` awaited between them, so that an editor can
   * yield to its event loop while a large library is indexed.
   */
  static async build(runs: readonly TokenRun[], vocabSize: number, pause: () => Promise<void>): Promise<WordIndex> {
    const steps = buildParts(runs, vocabSize);
    let step = steps.next();
    while (!step.done) {
      await pause();
      step = steps.next();
    }
    return new WordIndex(runs, vocabSize, step.value);
  }

  get size(): number {
    return this.ids.length;
  }

  /** The arrays of the index, for a snapshot (`new WordIndex([], 0, parts)` rebuilds it without work). */
  get parts(): IndexParts {
    const { ids, docStarts, wordStart, wordPositions, gramMask, gramStart, gramPositions } = this;
    return { ids, docStarts, wordStart, wordPositions, gramMask, gramStart, gramPositions };
  }

  /** How many times the word occurs. */
  frequency(id: number): number {
    if (id < 0 || id + 1 >= this.wordStart.length) return 0;
    return this.wordStart[id + 1] - this.wordStart[id];
  }

  /** Positions where the word occurs. */
  wordHits(id: number): Uint32Array {
    if (id < 0 || id + 1 >= this.wordStart.length) return EMPTY;
    return this.wordPositions.subarray(this.wordStart[id], this.wordStart[id + 1]);
  }

  /** Positions that may start the trigram (a bucket: check the words). */
  trigramBucket(a: number, b: number, c: number): Uint32Array {
    const h = trigramHash(a, b, c) & this.gramMask;
    return this.gramPositions.subarray(this.gramStart[h], this.gramStart[h + 1]);
  }

  /** Index of the document holding a global position. */
  docOf(pos: number): number {
    let lo = 0;
    let hi = this.docStarts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.docStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

const EMPTY = new Uint32Array(0);

/** The arrays of an index. */
export interface IndexParts {
  readonly ids: Uint32Array;
  readonly docStarts: Uint32Array;
  readonly wordStart: Uint32Array;
  readonly wordPositions: Uint32Array;
  readonly gramMask: number;
  readonly gramStart: Uint32Array;
  readonly gramPositions: Uint32Array;
}

/** Positions handled between two steps of a build (a few milliseconds of work). */
const STEP = 1 << 18;

/** Builds the index's arrays, yielding between steps of STEP positions (the loops themselves are plain functions). */
function* buildParts(runs: readonly TokenRun[], vocabSize: number): Generator<void, IndexParts> {
  const docStarts = new Uint32Array(runs.length + 1);
  let total = 0;
  runs.forEach((r, i) => { docStarts[i] = total; total += r.ids.length; });
  docStarts[runs.length] = total;
  const ids = new Uint32Array(total);
  for (let i = 0, copied = 0; i < runs.length; i++) {
    ids.set(runs[i].ids, docStarts[i]);
    if ((copied += runs[i].ids.length) >= STEP) { copied = 0; yield; }
  }

  const [wordStart, wordPositions] = yield* groupPositions(ids, vocabSize);

  let buckets = 1024;
  while (buckets * 8 < total) buckets <<= 1;
  const gramMask = buckets - 1;
  // A position whose trigram would run past its document's end gets bucket `buckets`, which is left out.
  const grams = new Uint32Array(total).fill(buckets);
  for (let d = 0, hashed = 0; d < runs.length; d++) {
    hashTrigrams(ids, grams, docStarts[d], docStarts[d + 1], gramMask);
    if ((hashed += docStarts[d + 1] - docStarts[d]) >= STEP) { hashed = 0; yield; }
  }
  const [gramStart, gramPositions] = yield* groupPositions(grams, buckets);
  return { ids, docStarts, wordStart, wordPositions, gramMask, gramStart, gramPositions };
}

function hashTrigrams(ids: Uint32Array, grams: Uint32Array, from: number, to: number, mask: number): void {
  for (let p = from; p + 2 < to; p++) grams[p] = trigramHash(ids[p], ids[p + 1], ids[p + 2]) & mask;
}

/** Positions 0..n-1 grouped by key by counting sort, as [start offset per key, positions]; keys >= `keys` are left out. */
function* groupPositions(keyAt: Uint32Array, keys: number): Generator<void, [Uint32Array, Uint32Array]> {
  const n = keyAt.length;
  const start = new Uint32Array(keys + 2);
  for (let from = 0; from < n; from += STEP) {
    countKeys(keyAt, start, from, Math.min(n, from + STEP));
    yield;
  }
  for (let k = 0; k < keys; k++) start[k + 1] += start[k];
  const fill = start.slice(0, keys + 1);
  const positions = new Uint32Array(start[keys]);
  for (let from = 0; from < n; from += STEP) {
    placePositions(keyAt, fill, positions, keys, from, Math.min(n, from + STEP));
    yield;
  }
  return [start.subarray(0, keys + 1), positions];
}

function countKeys(keyAt: Uint32Array, start: Uint32Array, from: number, to: number): void {
  for (let p = from; p < to; p++) start[keyAt[p] + 1]++;
}

function placePositions(keyAt: Uint32Array, fill: Uint32Array, positions: Uint32Array, keys: number, from: number, to: number): void {
  for (let p = from; p < to; p++) {
    const k = keyAt[p];
    if (k < keys) positions[fill[k]++] = p;
  }
}
