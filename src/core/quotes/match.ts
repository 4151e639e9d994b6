import type { SourceLibrary } from '../sources/library';
import { align, verdictCost, type AlignOp, type Alignment } from './align';
import { anchorEnds } from './anchor';
import type { WordIndex } from '../index/wordIndex';
import type { QuotePattern } from './pattern';

/** Trigram buckets longer than this are too common to help find a quotation ("one of the"). */
const COMMON_BUCKET = 4000;
const CLUSTERS_TO_ALIGN = 3;
/** Rarest trigrams used to place a quotation: enough to survive a few changed words, few enough to stay fast. */
const MAX_GRAMS = 8;
/**
 * After the rarest trigram, commoner ones are read only while the positions read stay within this budget: one hit
 * already places the alignment, and more trigrams only rank candidate places (each read is a cache miss).
 */
const GRAM_BUDGET = 300;
/** Above this many positions in the rarest trigram's bucket, the two rarest are intersected first. */
const INTERSECT_ABOVE = 64;
const MAX_SOURCES = 10;

export interface QuoteMatch {
  readonly alignment: Alignment;
  readonly doc: number;
}

/** Where a quotation stands, or nearly stands, in the library: best first; several when it is verbatim in several. */
export function findQuote(library: SourceLibrary, pattern: QuotePattern, options: { verbatimFirst?: boolean } = {}): QuoteMatch[] {
  const index = library.index;
  if (!pattern.words.length || !index.size) return [];
  if (pattern.words.length === 1) return singleWordPlaces(index, pattern.words[0].id);
  const verbatimFirst = options.verbatimFirst !== false && !pattern.hasGaps;
  // Every verbatim occurrence holds every trigram of the quotation: the places of the first rare one, in quotation
  // order, are checked before the others are looked up (one read of the trigram table each). None there: none at all.
  const early = verbatimFirst ? firstRareTrigram(index, pattern) : undefined;
  if (early) {
    const verbatim = verbatimPlaces(pattern, index, early);
    if (verbatim.length) return verbatim;
  }
  const grams = rankedTrigrams(index, pattern);
  if (verbatimFirst && !early && grams.length && grams[0].bucket.length <= INTERSECT_ABOVE) {
    const verbatim = verbatimPlaces(pattern, index, grams[0]);
    if (verbatim.length) return verbatim;
  }
  const hits = collectHits(library, pattern, grams);
  if (!hits.length) return [];
  const clusters = bestClusters(hits, pattern.hasGaps ? pattern.words.length + 400 : 4, pattern.words.length, index, CLUSTERS_TO_ALIGN * 4);
  const matches: QuoteMatch[] = [];
  const n = pattern.words.length;
  // Words after an ellipsis may stand far beyond the hits that placed the quotation.
  const gapRoom = pattern.elements.reduce((sum, el) => sum + ('gap' in el ? el.gap : 0), 0);
  for (const c of clusters) {
    if (matches.length >= CLUSTERS_TO_ALIGN && c.score < clusters[0].score) break;
    const doc = index.docOf(c.anchor);
    const lo = Math.max(index.docStarts[doc], c.lo - 3);
    const hi = Math.min(index.docStarts[doc + 1], c.hi + 3 + gapRoom);
    if (hi <= lo) continue;
    const alignment = (!pattern.hasGaps && verbatimAt(pattern, index.ids, c.lo, lo, hi))
      || anchorEnds(pattern, index.ids, align(pattern.elements, index.ids, lo, hi), index.docStarts[doc], index.docStarts[doc + 1]);
    if (alignment.matched === 0) continue;
    if (matches.some(m => m.alignment.start === alignment.start && m.alignment.end === alignment.end)) continue;
    matches.push({ alignment, doc });
    if (matches.length >= CLUSTERS_TO_ALIGN + MAX_SOURCES) break;
    if (alignment.cost === 0 && n >= 3 && matches.filter(m => m.alignment.cost === 0).length >= MAX_SOURCES) break;
  }
  matches.sort((a, b) => verdictCost(a.alignment) - verdictCost(b.alignment) || b.alignment.matched - a.alignment.matched || a.alignment.start - b.alignment.start);
  return matches;
}

/**
 * The alignment of a quotation that stands word for word at `start` (inside [lo, hi)), without the alignment's
 * dynamic programming: most quotations are verbatim, and this is what the full alignment would find.
 */
function verbatimAt(pattern: QuotePattern, ids: Uint32Array, start: number, lo: number, hi: number): Alignment | undefined {
  const words = pattern.words;
  if (start < lo || start + words.length > hi) return undefined;
  for (let q = 0; q < words.length; q++) if (ids[start + q] !== words[q].id) return undefined;
  return new VerbatimAlignment(start, words.length);
}

/**
 * A quotation word for word at `start`: its edits (every word equal) are made when read, which a verified quotation's
 * holders never are (only a misquote's suggestion and difference read them).
 */
class VerbatimAlignment implements Alignment {
  readonly cost = 0;
  readonly end: number;
  private equal?: AlignOp[];
  constructor(readonly start: number, readonly matched: number) {
    this.end = start + matched;
  }
  get ops(): AlignOp[] {
    return (this.equal ??= Array.from({ length: this.matched }, (_, q) => ({ op: 'equal' as const, q, s: this.start + q })));
  }
}

/**
 * Every verbatim occurrence holds each trigram of the quotation: when one of a rare trigram's few places holds the
 * whole quotation, those places are all there is to find, and no other trigram needs reading (each read of the word
 * array is a cache miss). Best first as in the full search: by position, at most MAX_SOURCES.
 */
function verbatimPlaces(pattern: QuotePattern, index: WordIndex, gram: Trigram): QuoteMatch[] {
  const out: QuoteMatch[] = [];
  const { ids, docStarts } = index;
  for (const p of gram.bucket) {
    const start = p - gram.q;
    if (start < 0 || (out.length && out[out.length - 1].alignment.end > start)) continue;
    // The words first: most places of a bucket hold other words; the document is looked up for a match only.
    if (!holdsAt(pattern, ids, start)) continue;
    const doc = index.docOf(start);
    const alignment = verbatimAt(pattern, ids, start, docStarts[doc], docStarts[doc + 1]);
    if (!alignment) continue;
    out.push({ alignment, doc });
    if (out.length >= MAX_SOURCES) break;
  }
  return out;
}

/** Whether the quotation's words stand at `start` of the word array, one after the other. */
function holdsAt(pattern: QuotePattern, ids: Uint32Array, start: number): boolean {
  const words = pattern.words;
  if (start + words.length > ids.length) return false;
  for (let q = 0; q < words.length; q++) if (ids[start + q] !== words[q].id) return false;
  return true;
}

/** Trigrams with at most this many places are checked for the whole quotation before the others are looked up. */
const EARLY_BUCKET = 8;

/** The first trigram of a quotation without gaps with at most EARLY_BUCKET places. */
function firstRareTrigram(index: WordIndex, pattern: QuotePattern): Trigram | undefined {
  const words = pattern.words;
  for (let q = 0; q + 2 < words.length; q++) {
    const [a, b, c] = [words[q].id, words[q + 1].id, words[q + 2].id];
    if (a < 0 || b < 0 || c < 0) continue;
    const bucket = index.trigramBucket(a, b, c);
    if (bucket.length <= EARLY_BUCKET) return { q, bucket };
  }
  return undefined;
}

/** A one-word quotation ("massive") has no trigram or pair to place it: its places are the word's, one per source. */
function singleWordPlaces(index: WordIndex, id: number): QuoteMatch[] {
  if (id < 0) return [];
  const out: QuoteMatch[] = [];
  for (const pos of index.wordHits(id)) {
    const doc = index.docOf(pos);
    if (out.length && out[out.length - 1].doc === doc) continue;
    out.push({ alignment: { cost: 0, ops: [{ op: 'equal', q: 0, s: pos }], start: pos, end: pos + 1, matched: 1 }, doc });
    if (out.length >= MAX_SOURCES) break;
  }
  return out;
}

interface Hit { pos: number; q: number; len: number }
interface Trigram { q: number; bucket: Uint32Array }
interface Cluster { lo: number; hi: number; anchor: number; score: number }

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

/**
 * The quotation's MAX_GRAMS rarest trigrams (none across a gap) with their buckets, rarest first (ties in quotation
 * order): the only ones a search reads.
 */
function rankedTrigrams(index: WordIndex, pattern: QuotePattern): Trigram[] {
  const grams: Trigram[] = [];
  // The last two words of the current run of words (a gap ends a run), as vocabulary ids.
  let a = -1;
  let b = -1;
  let run = 0;
  let q = 0;
  for (const el of pattern.elements) {
    if ('gap' in el) { run = 0; continue; }
    const c = el.word.id;
    if (++run >= 3 && a >= 0 && b >= 0 && c >= 0) {
      const bucket = index.trigramBucket(a, b, c);
      // Kept sorted by bucket length, a new trigram after those as rare as it: a stable sort's first MAX_GRAMS.
      if (grams.length < MAX_GRAMS || bucket.length < grams[grams.length - 1].bucket.length) {
        let at = grams.length < MAX_GRAMS ? grams.length : MAX_GRAMS - 1;
        while (at > 0 && grams[at - 1].bucket.length > bucket.length) at--;
        if (grams.length === MAX_GRAMS) grams.pop();
        grams.splice(at, 0, { q: q - 2, bucket });
      }
    }
    a = b;
    b = c;
    q++;
  }
  return grams;
}

/** Word positions where parts of the quotation occur: trigrams first, single rare words for short or garbled quotes. */
function collectHits(library: SourceLibrary, pattern: QuotePattern, grams: readonly Trigram[]): Hit[] {
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
function nearPairHits(library: SourceLibrary, pattern: QuotePattern, hits: Hit[]): void {
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
function bestClusters(hits: Hit[], tolerance: number, words: number, index: WordIndex, k: number): Cluster[] {
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
          const doc = index.docOf(first.pos);
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
