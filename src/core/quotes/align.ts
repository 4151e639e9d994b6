import type { PatternElement } from './pattern';

/** One step of a word alignment between a quotation (q: pattern element index) and a source (s: word position). */
export type AlignOp =
  | { op: 'equal'; q: number; s: number }
  | { op: 'replace'; q: number; s: number }
  | { op: 'insert'; q: number }
  | { op: 'delete'; s: number }
  | { op: 'swap'; q: number; s: number }
  | { op: 'gap'; from: number; to: number };

export interface Alignment {
  readonly cost: number;
  readonly ops: AlignOp[];
  /** Source word positions [start, end) covered. */
  readonly start: number;
  readonly end: number;
  readonly matched: number;
  /**
   * For an alignment stretched to the quotation's ends (`anchorEnds`): the cost of the alignment that placed the
   * quotation, which decides whether it is a misquote at all. The stretched one only words the suggestion.
   */
  readonly placedCost?: number;
}

/** The edits that decide a verdict: those of the placing alignment. */
export function verdictCost(a: Alignment): number {
  return a.placedCost ?? a.cost;
}

/** Most cells of an alignment's table (4 bytes each). */
export const MAX_CELLS = 1 << 25;

/** Ends of the region the alignment must start or end on (the region's first or last word), rather than anywhere in it. */
export interface Anchors { readonly start?: boolean; readonly end?: boolean }

/**
 * Semi-global word alignment of a pattern against source words `ids[lo..hi)`: the quotation may start and end
 * anywhere in the region (unless anchored); substitutions, insertions, deletions and swaps of neighbours cost 1;
 * gaps are free. Among the cheapest alignments it takes one that matches the most quotation words: a score is
 * `cost * scale + unmatched words`, so "the refinery in Texas issues" against "the refinery issues in Texas" keeps
 * "issues" rather than trading it for an unrelated word at the same cost.
 */
export function align(elements: readonly PatternElement[], ids: Uint32Array, lo: number, hi: number, anchors: Anchors = {}): Alignment {
  const n = elements.length;
  const m = hi - lo;
  if ((n + 1) * (m + 1) > CHUNKED_ABOVE && !elements.some(el => 'gap' in el)) return alignInChunks(elements, ids, lo, hi, anchors);
  const w = m + 1;
  // A quotation of thousands of pieces joined by ellipses against a long source would need gigabytes: it is not
  // aligned (no match), rather than a crash that loses every other finding.
  if ((n + 1) * w > MAX_CELLS) return { cost: n, ops: [], start: lo, end: lo, matched: 0 };
  const scale = n + 1;
  const miss = scale + 1; // a quotation word replaced or added: one edit, one word unmatched
  const D = table((n + 1) * w);
  const INF = 0xffffffff;
  // Row 0: a free start anywhere in the region, or the cost of the source words left out before an anchored start.
  for (let j = 0; j <= m; j++) D[j] = anchors.start ? j * scale : 0;
  for (let i = 1; i <= n; i++) {
    const el = elements[i - 1];
    const row = i * w;
    const up = (i - 1) * w;
    if ('gap' in el) {
      // Free skip of up to `gap` source words: a sliding minimum over the row above.
      const dq: number[] = [];
      let head = 0;
      for (let j = 0; j <= m; j++) {
        while (dq.length > head && D[up + dq[dq.length - 1]] >= D[up + j]) dq.pop();
        dq.push(j);
        while (dq[head] < j - el.gap) head++;
        D[row + j] = D[up + dq[head]];
      }
      continue;
    }
    const id = el.word.id;
    const prev = i >= 2 ? elements[i - 2] : undefined;
    const prevId = prev && 'word' in prev ? prev.word.id : -2;
    D[row] = Math.min(INF, D[up] + miss);
    for (let j = 1; j <= m; j++) {
      const s = ids[lo + j - 1];
      let best = D[up + j - 1] + (s === id ? 0 : miss);
      const ins = D[up + j] + miss;
      if (ins < best) best = ins;
      const del = D[row + j - 1] + scale;
      if (del < best) best = del;
      if (prevId >= 0 && j >= 2 && s === prevId && ids[lo + j - 2] === id && id !== prevId) {
        const swap = D[(i - 2) * w + j - 2] + scale;
        if (swap < best) best = swap;
      }
      D[row + j] = Math.min(INF, best);
    }
  }
  // Among the cheapest ends, prefer one where the last quotation word sits on a source word (a substitution
  // rather than an addition): "large-scale ceasefire" reads best against "large-scale shooting". Not when the last
  // word stands earlier in the passage: "levels edged 0.1% to up" moved "up", it did not replace "4.7%".
  let endJ = 0;
  for (let j = 1; j <= m; j++) if (D[n * w + j] < D[n * w + endJ]) endJ = j;
  const last = elements[n - 1];
  if (anchors.end) endJ = m;
  else if (last && 'word' in last) {
    const best = D[n * w + endJ];
    let replaced = -1;
    for (let j = Math.max(1, endJ); j <= m; j++) {
      if (D[n * w + j] !== best) continue;
      if (ids[lo + j - 1] === last.word.id && D[(n - 1) * w + j - 1] === best) { replaced = -1; endJ = j; break; }
      if (replaced < 0 && D[(n - 1) * w + j - 1] + miss === best && !standsBefore(ids, lo, lo + j - 1, last.word.id)) replaced = j;
    }
    if (replaced > 0) endJ = replaced;
  }
  return backtrace(elements, ids, lo, D, w, endJ, anchors.start ?? false, scale);
}

/** Tables of up to this many cells (most: a quotation against a few dozen source words) share one scratch table. */
const SCRATCH_CELLS = 1 << 16;
let scratch: Uint32Array | undefined;

/**
 * A table of `cells` cells whose rows the alignment writes before it reads them (row 0 apart): a small one is the
 * scratch table, reused from one alignment to the next (a typed array made for each cost more than the alignment).
 * An alignment is over before the next starts, its backtrace included.
 */
function table(cells: number): Uint32Array {
  if (cells > SCRATCH_CELLS) return new Uint32Array(cells);
  return (scratch ??= new Uint32Array(SCRATCH_CELLS));
}

/** Above this many cells, a quotation without ellipses is aligned a chunk of CHUNK words at a time. */
const CHUNKED_ABOVE = 1 << 22;
const CHUNK = 200;

/**
 * A long quotation (a block quotation of thousands of words) aligned in chunks of CHUNK words, each against the source
 * words from where the one before ended, over at most one and a half times its length: time and memory linear in the quotation
 * (the whole table grows with its square: 40,000 words took gigabytes). Each chunk ends where its own alignment is
 * cheapest, so the whole is an alignment, at most a few edits dearer than the best one at the chunks' seams.
 */
function alignInChunks(elements: readonly PatternElement[], ids: Uint32Array, lo: number, hi: number, anchors: Anchors): Alignment {
  const ops: AlignOp[] = [];
  let cost = 0;
  let matched = 0;
  let from = lo;
  let start = -1;
  for (let q = 0; q < elements.length; q += CHUNK) {
    const chunk = elements.slice(q, q + CHUNK);
    const last = q + CHUNK >= elements.length;
    const to = last ? hi : Math.min(hi, from + chunk.length + (chunk.length >> 1) + 16);
    const a = align(chunk, ids, from, to, { start: q === 0 ? anchors.start : true, end: last ? anchors.end : false });
    cost += a.cost;
    matched += a.matched;
    for (const op of a.ops) ops.push('q' in op ? { ...op, q: op.q + q } : op);
    if (start < 0 && a.ops.some(op => 's' in op)) start = a.start;
    from = Math.max(from, a.end);
  }
  return { cost, ops, start: start < 0 ? from : start, end: from, matched };
}

function standsBefore(ids: Uint32Array, from: number, to: number, id: number): boolean {
  for (let p = from; p < to; p++) if (ids[p] === id) return true;
  return false;
}

function backtrace(elements: readonly PatternElement[], ids: Uint32Array, lo: number, D: Uint32Array, w: number, endJ: number, anchoredStart: boolean,
  scale: number): Alignment {
  const ops: AlignOp[] = [];
  let i = elements.length;
  let j = endJ;
  let matched = 0;
  const cost = Math.floor(D[i * w + j] / scale);
  const miss = scale + 1;
  while (i > 0) {
    const el = elements[i - 1];
    const here = D[i * w + j];
    if ('gap' in el) {
      let k = j;
      while (k > 0 && j - k < el.gap && D[(i - 1) * w + k] !== here) k--;
      if (k < j) ops.push({ op: 'gap', from: lo + k, to: lo + j });
      i--;
      j = k;
      continue;
    }
    const id = el.word.id;
    if (j > 0) {
      const s = ids[lo + j - 1];
      const diag = D[(i - 1) * w + j - 1] + (s === id ? 0 : miss);
      // The first quotation word, equally well replaced or added: added when it stands later in the passage (it
      // moved: “charge one-time” against "one-time charge" did not replace the word before the passage).
      const moved = i === 1 && s !== id && D[j] + miss === here && standsBefore(ids, lo + j, lo + endJ, id);
      if (diag === here && !moved) {
        ops.push(s === id ? { op: 'equal', q: i - 1, s: lo + j - 1 } : { op: 'replace', q: i - 1, s: lo + j - 1 });
        if (s === id) matched++;
        i--; j--;
        continue;
      }
      const prev = i >= 2 ? elements[i - 2] : undefined;
      // A swap only where leaving the source word out costs more: “to loan an” against "to loan to an" dropped a
      // "to", it did not swap "to loan" for "loan to" (which would start the suggestion at "loan").
      const dropped = D[i * w + j - 1] + scale === here;
      if (!dropped && prev && 'word' in prev && j >= 2 && s === prev.word.id && ids[lo + j - 2] === id && D[(i - 2) * w + j - 2] + scale === here) {
        ops.push({ op: 'swap', q: i - 2, s: lo + j - 2 });
        matched += 2;
        i -= 2; j -= 2;
        continue;
      }
    }
    if (D[(i - 1) * w + j] + miss === here) {
      ops.push({ op: 'insert', q: i - 1 });
      i--;
      continue;
    }
    ops.push({ op: 'delete', s: lo + j - 1 });
    j--;
  }
  // Anchored at the region's first word: the source words before the quotation's first one are left out of it.
  for (; anchoredStart && j > 0; j--) ops.push({ op: 'delete', s: lo + j - 1 });
  ops.reverse();
  let start = Infinity;
  let end = -Infinity;
  for (const o of ops) {
    if (!('s' in o)) continue;
    start = Math.min(start, o.s);
    end = Math.max(end, o.op === 'swap' ? o.s + 2 : o.s + 1);
  }
  if (start === Infinity) start = end = lo + j;
  return { cost, ops, start, end, matched };
}
