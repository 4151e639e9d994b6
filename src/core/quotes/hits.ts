import type { SourceLibrary } from '../sources/library';
import { nearPairHits } from './pairHits';
import type { QuotePattern } from './pattern';
import type { Trigram } from './trigrams';

/** Quotation words q to q + len - 1 found at word position `pos` of the library. */
export interface Hit { pos: number; q: number; len: number }

/** Trigram buckets longer than this are too common to help find a quotation ("one of the"). */
const COMMON_BUCKET = 4000;
/**
 * After the rarest trigram, commoner ones are read only while the positions read stay within this budget: one hit
 * already places the alignment, and more trigrams only rank candidate places (each read is a cache miss).
 */
const GRAM_BUDGET = 300;
/** Above this many positions in the rarest trigram's bucket, the two rarest are intersected first. */
export const INTERSECT_ABOVE = 64;

/** Word positions where parts of the quotation occur: trigrams first, single rare words for short or garbled quotes. */
export function collectHits(library: SourceLibrary, pattern: QuotePattern, grams: readonly Trigram[]): Hit[] {
  const index = library.index;
  const ids = index.ids;
  const hits: Hit[] = [];
  if (grams.length >= 2 && grams[0].bucket.length > INTERSECT_ABOVE && intersectRarest(ids, pattern, grams, hits)) return hits;
  let budget = 0;
  let used = 0;
  let stopped = false;
  for (const g of grams) {
    if (g.bucket.length > COMMON_BUCKET && budget > 0) break;
    if (used >= 1 && budget + g.bucket.length > GRAM_BUDGET) { stopped = true; break; }
    used++;
    const [a, b, c] = [pattern.words[g.q].id, pattern.words[g.q + 1].id, pattern.words[g.q + 2].id];
    for (const p of g.bucket) if (ids[p] === a && ids[p + 1] === b && ids[p + 2] === c) hits.push({ pos: p, q: g.q, len: 3 });
    budget += g.bucket.length;
  }
  // Too little trigram support, with every usable trigram read: heavily changed, short, or from nowhere.
  const trigramSupport = distinctWords(hits, pattern.words.length);
  if (!hits.length || (trigramSupport < 2 && !stopped)) nearPairHits(library, pattern, hits);
  return hits;
}

/**
 * Quotations made of common phrases: the two rarest trigrams' buckets are walked together, in order, for places
 * where both stand at their distance in the quotation. Reading sorted lists in order is far cheaper than checking
 * each position of one against the word array (a cache miss each). False when they never stand together.
 */
function intersectRarest(ids: Uint32Array, pattern: QuotePattern, grams: readonly Trigram[], hits: Hit[]): boolean {
  const w = pattern.words;
  const holds = (g: { q: number }, p: number): boolean => ids[p] === w[g.q].id && ids[p + 1] === w[g.q + 1].id && ids[p + 2] === w[g.q + 2].id;
  const [g1, g2] = grams;
  const bases: number[] = [];
  walkTogether(g1.bucket, g2.bucket, g2.q - g1.q, (p, target) => {
    if (holds(g1, p) && holds(g2, target)) {
      bases.push(p);
      hits.push({ pos: p, q: g1.q, len: 3 }, { pos: target, q: g2.q, len: 3 });
    }
  });
  if (!bases.length) return false;
  // The commoner trigrams, read the same way against the places found, rank the places that hold more of them.
  const sorted = Uint32Array.from(bases);
  for (let k = 2; k < grams.length; k++) {
    const g = grams[k];
    walkTogether(sorted, g.bucket, g.q - g1.q, (_, target) => { if (holds(g, target)) hits.push({ pos: target, q: g.q, len: 3 }); });
  }
  return true;
}

/** Calls `found(p, p + d)` for each p of sorted `a` such that p + d is in sorted `b`, reading both lists in order. */
function walkTogether(a: ArrayLike<number>, b: ArrayLike<number>, d: number, found: (p: number, target: number) => void): void {
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const target = a[i] + d;
    while (j < b.length && b[j] < target) j++;
    if (j === b.length) return;
    if (b[j] === target) found(a[i], target);
  }
}

/** How many quotation words (of `words`) the hits start at. */
function distinctWords(hits: readonly Hit[], words: number): number {
  const seen = new Uint8Array(words);
  let n = 0;
  for (const h of hits) {
    if (seen[h.q]) continue;
    seen[h.q] = 1;
    n++;
  }
  return n;
}
