import type { SourceLibrary } from '../sources/library';
import type { Hit } from './hits';
import type { QuotePattern } from './pattern';

/** How far apart (in source words) two quote words may stand and still anchor the quotation together. */
const PAIR_REACH = 3;
/** Word pairs whose rarer word is commoner than this ("of the") do not anchor a quotation. */
const COMMON_PAIR_WORD = 2000;
const MAX_PAIRS = 8;
/** Enough placements to find the source; more only slows a quotation made of common words. */
const MAX_PAIR_HITS = 2000;
/** Positions of rarer words walked for one quotation, after the rarest pair. */
const PAIR_BUDGET = 1000;

/**
 * Short or heavily changed quotations: two quote words at most two apart in the quotation, found at most
 * PAIR_REACH apart in a source (so a changed, dropped, added or swapped word between them still counts).
 * A misquote keeps at least half its words within an edit budget of 40%, so it always keeps such a pair;
 * requiring the pair, rather than one rare word, is what keeps a quotation from nowhere cheap.
 */
export function nearPairHits(library: SourceLibrary, pattern: QuotePattern, hits: Hit[]): void {
  const index = library.index;
  const ids = index.ids;
  const words = pattern.words;
  const pairs: Array<{ rare: number; other: number; count: number }> = [];
  for (let q = 0; q < words.length; q++) {
    for (let d = 1; d <= 2 && q + d < words.length; d++) {
      const fa = index.frequency(words[q].id);
      const fb = index.frequency(words[q + d].id);
      const [rare, other, count] = fa <= fb ? [q, q + d, fa] : [q + d, q, fb];
      if (count && count <= COMMON_PAIR_WORD) pairs.push({ rare, other, count });
    }
  }
  pairs.sort((x, y) => x.count - y.count);
  let budget = 0;
  for (const { rare, other, count } of pairs.slice(0, MAX_PAIRS)) {
    if (budget && budget + count > PAIR_BUDGET) break;
    budget += count;
    const list = index.wordHits(words[rare].id);
    const want = words[other].id;
    for (let k = 0; k < list.length && hits.length < MAX_PAIR_HITS; k++) {
      const p = list[k];
      // The neighbourhood is one cache line of the word array: cheaper than searching the other word's positions.
      for (let t = Math.max(0, p - PAIR_REACH), end = Math.min(ids.length, p + PAIR_REACH + 1); t < end; t++) {
        if (ids[t] === want && t !== p) {
          hits.push({ pos: p, q: rare, len: 1 }, { pos: t, q: other, len: 1 });
          break;
        }
      }
    }
  }
}
