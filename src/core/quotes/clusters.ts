import type { WordIndex } from '../index/wordIndex';
import { docOf } from './docOf';
import type { Hit } from './hits';

/** Hits that place the quotation alike: from the earliest placement `lo` to the end `hi` of the latest, the first hit's position, the quote words covered. */
export interface Cluster { lo: number; hi: number; anchor: number; score: number }

/** Index numbers of hits below this fit beside a placement in a double's 53 bits (word positions are below 2^32). */
const KEYED_SORT_BELOW = 1 << 21;

/** Keys of a few thousand hits, reused (a typed array made per quotation costs more than the sort). */
const SORT_SCRATCH = new Float64Array(4096);

/**
 * Sorts hits by the placement they imply (position less quotation word), ties in their order: a typed sort of
 * placement and index packed into one number, without a comparator function called for every comparison.
 */
function sortByPlacement(hits: Hit[]): void {
  if (hits.length >= KEYED_SORT_BELOW) { hits.sort((a, b) => a.pos - a.q - (b.pos - b.q)); return; }
  const keys = hits.length <= SORT_SCRATCH.length ? SORT_SCRATCH.subarray(0, hits.length) : new Float64Array(hits.length);
  for (let i = 0; i < hits.length; i++) keys[i] = (hits[i].pos - hits[i].q) * KEYED_SORT_BELOW + i;
  keys.sort();
  const copy = hits.slice();
  for (let i = 0; i < hits.length; i++) {
    const key = keys[i];
    hits[i] = copy[key - Math.floor(key / KEYED_SORT_BELOW) * KEYED_SORT_BELOW];
  }
}

/**
 * Groups hits that imply the same placement of the quotation (a cluster's score is how many quote words it covers),
 * and keeps the first `k` of a stable sort of the groups by score (highest first), then by placement: found as the
 * groups come, without the full sort, and a group is made an object only when it is kept.
 */
export function bestClusters(hits: Hit[], tolerance: number, words: number, index: WordIndex, k: number): Cluster[] {
  sortByPlacement(hits);
  const out: Cluster[] = [];
  const seen = new Int32Array(words).fill(-1);
  let g = 0;
  while (g < hits.length) {
    const first = hits[g];
    // The document's bounds are looked up (a binary search) only when a second hit may join: most groups of a
    // quotation placed by scattered word pairs hold one hit.
    let docStart = -1;
    let docEnd = -1;
    let lo = first.pos - first.q;
    let last = lo;
    let score = 0;
    let h = g;
    for (; h < hits.length; h++) {
      const hit = hits[h];
      const est = hit.pos - hit.q;
      if (h > g) {
        if (est - last > tolerance) break;
        if (docStart < 0) {
          const doc = docOf(index, first.pos);
          docStart = index.docStarts[doc];
          docEnd = index.docStarts[doc + 1];
        }
        if (hit.pos < docStart || hit.pos >= docEnd) break;
      }
      for (let w = hit.q; w < hit.q + hit.len; w++) {
        if (seen[w] !== g) { seen[w] = g; score++; }
      }
      lo = Math.min(lo, est);
      last = est;
    }
    g = h;
    if (out.length === k && !isBetter(score, lo, out[k - 1])) continue;
    let at = out.length === k ? k - 1 : out.length;
    while (at > 0 && isBetter(score, lo, out[at - 1])) at--;
    if (out.length === k) out.pop();
    out.splice(at, 0, { lo, hi: last + words, anchor: first.pos, score });
  }
  return out;
}

/** Whether a group of this score placed at `lo` ranks before cluster `c`: a group as good as `c` comes after it. */
function isBetter(score: number, lo: number, c: Cluster): boolean {
  return score > c.score || (score === c.score && lo < c.lo);
}
