import { align, verdictCost, type Alignment } from './align';
import type { QuotePattern } from './pattern';

/** Share of the quotation's words that may differ from the source for it still to be the same quotation, misquoted. */
const MAX_CHANGE_RATIO = 0.4;

/** Edits a quotation of `words` words may have and still be a misquote of a passage. */
export function changeBudget(words: number): number {
  return Math.max(1, words * MAX_CHANGE_RATIO);
}

/** Edits a stretched alignment may add to the one that placed the quotation. */
const STRETCH_EDITS = 2;

/**
 * The alignment stretched so that the suggestion holds every source word the quotation's words stand for. The
 * cheapest alignment may start or end inside the quotation: against "Our proposal, as they say, is on the table",
 * "Our proposal is on the table" costs 2 by replacing "our proposal" with "they say" and 3 by leaving out "as they
 * say", and the cheaper one would make a suggestion that drops the journalist's first words; "0.2% knocked off"
 * against "knocked 0.2% off" would lose "knocked". When a quotation word the alignment leaves unmatched stands in the
 * source just before (after) it, the alignment anchored there is taken if its source range holds more of the
 * quotation's words, for at most STRETCH_EDITS more edits. Whether the quotation is a misquote at all is still decided by the cost of
 * the alignment that placed it (`placedCost`).
 */
export function anchorEnds(pattern: QuotePattern, ids: Uint32Array, a: Alignment, docLo: number, docHi: number): Alignment {
  if (a.cost === 0 || pattern.hasGaps) return a;
  const words = pattern.words;
  // Only a misquote's suggestion is worded from the alignment: one too far from the quotation is left as it is.
  if (a.cost > changeBudget(words.length) || a.matched < words.length / 2) return a;
  const reach = Math.ceil(changeBudget(words.length)) + STRETCH_EDITS;
  const unmatched = new Set<number>();
  const matchedQ = new Set<number>();
  for (const op of a.ops) {
    if (op.op === 'equal') matchedQ.add(op.q);
    else if (op.op === 'swap') { matchedQ.add(op.q); matchedQ.add(op.q + 1); }
  }
  words.forEach((w, q) => { if (!matchedQ.has(q) && w.id >= 0) unmatched.add(w.id); });
  if (!unmatched.size) return a;
  let lo = a.start;
  let hi = a.end;
  const nearestBefore = new Set<number>();
  for (let p = a.start - 1; p >= Math.max(docLo, a.start - reach); p--) {
    if (unmatched.has(ids[p]) && !nearestBefore.has(ids[p])) { nearestBefore.add(ids[p]); lo = p; }
  }
  const nearestAfter = new Set<number>();
  for (let p = a.end; p < Math.min(docHi, a.end + reach); p++) {
    if (unmatched.has(ids[p]) && !nearestAfter.has(ids[p])) { nearestAfter.add(ids[p]); hi = p + 1; }
  }
  // A word may stand on both sides ("in"): each side alone, and both, are tried; the one holding most words wins.
  const ranges: Array<[number, number]> = [];
  if (lo < a.start) ranges.push([lo, a.end]);
  if (hi > a.end) ranges.push([a.start, hi]);
  if (lo < a.start && hi > a.end) ranges.push([lo, hi]);
  let best = a;
  let bestCovered = covered(pattern, ids, a);
  for (const [from, to] of ranges) {
    const anchored = align(pattern.elements, ids, from, to, { start: from < a.start, end: to > a.end });
    if (anchored.cost > a.cost + STRETCH_EDITS) continue;
    const n = covered(pattern, ids, anchored);
    if (n > bestCovered || (n === bestCovered && best !== a && anchored.cost < best.cost)) { best = anchored; bestCovered = n; }
  }
  return best === a ? a : { ...best, placedCost: verdictCost(a) };
}

/** How many of the quotation's words stand in the alignment's source range (matched or moved), each as often as it stands. */
function covered(pattern: QuotePattern, ids: Uint32Array, a: Alignment): number {
  const inRange = new Map<number, number>();
  for (let p = a.start; p < a.end; p++) inRange.set(ids[p], (inRange.get(ids[p]) ?? 0) + 1);
  let n = 0;
  for (const w of pattern.words) {
    const left = inRange.get(w.id) ?? 0;
    if (left > 0) { n++; inRange.set(w.id, left - 1); }
  }
  return n;
}
