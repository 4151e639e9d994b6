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

  /**
   * The index over `runs` made from `old` when few documents changed: `kept[d]` is the old number of document `d`
   * when its run is the one `old` indexed, else -1 (changed or added); old documents not kept are dropped. The
   * postings are copied, shifted, with the changed documents' own merged in: linear, but no counting sort of the
   * whole library. Undefined when a full build is the better way (many changes, another trigram table size).
   */
  static patch(old: WordIndex, runs: readonly TokenRun[], kept: Int32Array, vocabSize: number): WordIndex | undefined {
    const added: number[] = [];
    for (let d = 0; d < runs.length; d++) if (kept[d] < 0) added.push(d);
    const dropped = old.docStarts.length - 1 - (runs.length - added.length);
    if ((added.length + dropped) * 8 > runs.length) return undefined;
    const docStarts = new Uint32Array(runs.length + 1);
    let total = 0;
    runs.forEach((r, i) => { docStarts[i] = total; total += r.ids.length; });
    docStarts[runs.length] = total;
    if (bucketsFor(total) !== old.gramMask + 1) return undefined;
    const ids = new Uint32Array(total);
    for (let d = 0; d < runs.length; d++) ids.set(runs[d].ids, docStarts[d]);
    // Where old positions go: runs of old documents with one shift (NaN: dropped), few when few documents changed.
    const oldDocs = old.docStarts.length - 1;
    const shift = new Float64Array(oldDocs).fill(NaN);
    for (let d = 0; d < runs.length; d++) if (kept[d] >= 0) shift[kept[d]] = docStarts[d] - old.docStarts[kept[d]];
    const segments: Segments = { start: [], shift: [] };
    for (let o = 0; o < oldDocs; o++) {
      const last = segments.shift.length - 1;
      if (last >= 0 && (segments.shift[last] === shift[o] || (shift[o] !== shift[o] && segments.shift[last] !== segments.shift[last]))) continue;
      segments.start.push(old.docStarts[o]);
      segments.shift.push(shift[o]);
    }
    // The changed documents' words and trigrams, as (key, position) pairs sorted by key then position.
    const mask = old.gramMask;
    const words: number[] = [];
    const grams: number[] = [];
    for (const d of added) {
      for (let p = docStarts[d]; p < docStarts[d + 1]; p++) {
        words.push(ids[p], p);
        if (p + 2 < docStarts[d + 1]) grams.push(trigramHash(ids[p], ids[p + 1], ids[p + 2]) & mask, p);
      }
    }
    const [wordStart, wordPositions] = mergePostings(old.wordStart, old.wordPositions, segments, pairsByKey(words), vocabSize, total);
    const [gramStart, gramPositions] = mergePostings(old.gramStart, old.gramPositions, segments, pairsByKey(grams), mask + 1, total);
    return new WordIndex(runs, vocabSize, { ids, docStarts, wordStart, wordPositions, gramMask: mask, gramStart, gramPositions });
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

  const buckets = bucketsFor(total);
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

/** Trigram buckets for an index of `total` positions: a power of two, about one per 8 positions. */
function bucketsFor(total: number): number {
  let buckets = 1024;
  while (buckets * 8 < total) buckets <<= 1;
  return buckets;
}

/** Runs of old positions with one shift: `shift[i]` applies from `start[i]` to the next start. */
interface Segments { readonly start: number[]; readonly shift: number[] }

/** (key, position) pairs sorted by key, then position. */
function pairsByKey(flat: number[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * Postings of `keys` keys: the old ones shifted (a dropped position's shift is NaN) with `extra` (sorted) merged in,
 * each key's positions ascending.
 */
function mergePostings(oldStart: Uint32Array, oldPositions: Uint32Array, segments: Segments, extra: ReadonlyArray<[number, number]>, keys: number, total: number): [Uint32Array, Uint32Array] {
  const start = new Uint32Array(keys + 1);
  const positions = new Uint32Array(total);
  const segStart = Float64Array.from(segments.start);
  const segShift = Float64Array.from(segments.shift);
  const segs = segStart.length;
  let n = 0;
  let e = 0;
  for (let k = 0; k < keys; k++) {
    start[k] = n;
    const from = k + 1 < oldStart.length ? oldStart[k] : 0;
    const to = k + 1 < oldStart.length ? oldStart[k + 1] : 0;
    // A key's positions ascend: each run of them in one segment is copied with its shift (no lookup table: random
    // reads into one the size of the library cost more than the counting sort this replaces).
    if (e >= extra.length || extra[e][0] !== k) {
      let i = from;
      for (let seg = 0; seg < segs && i < to; seg++) {
        const end = seg + 1 < segs ? segStart[seg + 1] : Infinity;
        const shift = segShift[seg];
        if (shift !== shift) { while (i < to && oldPositions[i] < end) i++; continue; } // NaN: a dropped document
        while (i < to && oldPositions[i] < end) positions[n++] = oldPositions[i++] + shift;
      }
      continue;
    }
    let seg = 0;
    for (let i = from; i < to; i++) {
      const old = oldPositions[i];
      while (seg + 1 < segs && segStart[seg + 1] <= old) seg++;
      const shift = segShift[seg];
      if (shift !== shift) continue;
      const p = old + shift;
      while (e < extra.length && extra[e][0] === k && extra[e][1] < p) positions[n++] = extra[e++][1];
      positions[n++] = p;
    }
    while (e < extra.length && extra[e][0] === k) positions[n++] = extra[e++][1];
  }
  start[keys] = n;
  return [start, positions.subarray(0, n)];
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
