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
}

/** Ends of the region the alignment must start or end on (the region's first or last word), rather than anywhere in it. */
export interface Anchors { readonly start?: boolean; readonly end?: boolean }

/**
 * Semi-global word alignment of a pattern against source words `ids[lo..hi)`: the quotation may start and end
 * anywhere in the region (unless anchored); substitutions, insertions, deletions and swaps of neighbours cost 1;
 * gaps are free.
 */
export function align(elements: readonly PatternElement[], ids: Uint32Array, lo: number, hi: number, anchors: Anchors = {}): Alignment {
  const n = elements.length;
  const m = hi - lo;
  const w = m + 1;
  const D = new Uint16Array((n + 1) * w);
  const INF = 0xffff;
  if (anchors.start) for (let j = 1; j <= m; j++) D[j] = Math.min(INF, j);
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
    D[row] = Math.min(INF, D[up] + 1);
    for (let j = 1; j <= m; j++) {
      const s = ids[lo + j - 1];
      let best = D[up + j - 1] + (s === id ? 0 : 1);
      const ins = D[up + j] + 1;
      if (ins < best) best = ins;
      const del = D[row + j - 1] + 1;
      if (del < best) best = del;
      if (prevId >= 0 && j >= 2 && s === prevId && ids[lo + j - 2] === id && id !== prevId) {
        const swap = D[(i - 2) * w + j - 2] + 1;
        if (swap < best) best = swap;
      }
      D[row + j] = Math.min(INF, best);
    }
  }
  // Among the cheapest ends, prefer one where the last quotation word sits on a source word (a substitution
  // rather than an addition): "large-scale ceasefire" reads best against "large-scale shooting".
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
      if (replaced < 0 && D[(n - 1) * w + j - 1] + 1 === best) replaced = j;
    }
    if (replaced > 0) endJ = replaced;
  }
  return backtrace(elements, ids, lo, D, w, endJ, anchors.start ?? false);
}

function backtrace(elements: readonly PatternElement[], ids: Uint32Array, lo: number, D: Uint16Array, w: number, endJ: number, anchoredStart: boolean): Alignment {
  const ops: AlignOp[] = [];
  let i = elements.length;
  let j = endJ;
  let matched = 0;
  const cost = D[i * w + j];
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
      const diag = D[(i - 1) * w + j - 1] + (s === id ? 0 : 1);
      if (diag === here) {
        ops.push(s === id ? { op: 'equal', q: i - 1, s: lo + j - 1 } : { op: 'replace', q: i - 1, s: lo + j - 1 });
        if (s === id) matched++;
        i--; j--;
        continue;
      }
      const prev = i >= 2 ? elements[i - 2] : undefined;
      if (prev && 'word' in prev && j >= 2 && s === prev.word.id && ids[lo + j - 2] === id && D[(i - 2) * w + j - 2] + 1 === here) {
        ops.push({ op: 'swap', q: i - 2, s: lo + j - 2 });
        matched += 2;
        i -= 2; j -= 2;
        continue;
      }
    }
    if (D[(i - 1) * w + j] + 1 === here) {
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
