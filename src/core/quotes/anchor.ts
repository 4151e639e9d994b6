import { align, type Alignment } from './align';
import type { QuotePattern } from './pattern';

/** Share of the quotation's words that may differ from the source for it still to be the same quotation, misquoted. */
export const MAX_CHANGE_RATIO = 0.4;

/** Edits a quotation of `words` words may have and still be a misquote of a passage. */
export function changeBudget(words: number): number {
  return Math.max(1, words * MAX_CHANGE_RATIO);
}

/**
 * The alignment stretched so that it runs from the source word the quotation's first word stands for to the one its
 * last word stands for. The cheapest alignment may start inside the quotation: against "Our proposal, as they say,
 * is on the table", "Our proposal is on the table" costs 2 by replacing "our proposal" with "they say" and 3 by
 * leaving out "as they say", and the cheaper one would make a suggestion that drops the journalist's first words.
 * When the first (last) word stands unmatched and the same word stands in the source just before (after) the
 * alignment, the alignment anchored there is taken if it stays within the quotation's change budget.
 */
export function anchorEnds(pattern: QuotePattern, ids: Uint32Array, a: Alignment, docLo: number, docHi: number): Alignment {
  if (a.cost === 0 || pattern.hasGaps) return a;
  const words = pattern.words;
  const budget = changeBudget(words.length);
  const reach = Math.ceil(budget);
  const first = words[0].id;
  const last = words[words.length - 1].id;
  let lo = a.start;
  let hi = a.end;
  if (!matches(a, 0) && first >= 0) {
    for (let p = a.start - 1; p >= Math.max(docLo, a.start - reach); p--) if (ids[p] === first) { lo = p; break; }
  }
  if (!matches(a, words.length - 1) && last >= 0) {
    for (let p = a.end; p < Math.min(docHi, a.end + reach); p++) if (ids[p] === last) { hi = p + 1; break; }
  }
  if (lo === a.start && hi === a.end) return a;
  const anchored = align(pattern.elements, ids, lo, hi, { start: lo < a.start, end: hi > a.end });
  return anchored.cost <= budget && anchored.matched > a.matched ? anchored : a;
}

/** Whether quotation word `q` stands on the same source word in the alignment. */
function matches(a: Alignment, q: number): boolean {
  for (const op of a.ops) {
    if (op.op === 'equal' && op.q === q) return true;
    if (op.op === 'swap' && (op.q === q || op.q + 1 === q)) return true;
  }
  return false;
}
