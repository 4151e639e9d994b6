import type { SourceLibrary } from '../sources/library';
import { align, type Alignment } from './align';
import type { QuotePattern } from './pattern';

/** Trigram buckets longer than this are too common to help find a quotation ("one of the"). */
const COMMON_BUCKET = 4000;
/** Words more frequent than this are not used alone to find a short quotation. */
const COMMON_WORD = 20000;
/** Most single-word hits gathered for one quotation. */
const RARE_WORD_HITS = 3000;
const CLUSTERS_TO_ALIGN = 3;
/** Rarest trigrams used to place a quotation: enough to survive a few changed words, few enough to stay fast. */
const MAX_GRAMS = 8;
const MAX_SOURCES = 10;

export interface QuoteMatch {
  readonly alignment: Alignment;
  readonly doc: number;
}

/** Where a quotation stands, or nearly stands, in the library: best first; several when it is verbatim in several. */
export function findQuote(library: SourceLibrary, pattern: QuotePattern): QuoteMatch[] {
  const index = library.index;
  if (!pattern.words.length || !index.size) return [];
  const hits = collectHits(library, pattern);
  if (!hits.length) return [];
  const clusters = cluster(hits, pattern.hasGaps ? pattern.words.length + 400 : 4, pattern.words.length, p => index.docOf(p));
  clusters.sort((a, b) => b.score - a.score || a.lo - b.lo);
  const matches: QuoteMatch[] = [];
  const n = pattern.words.length;
  // Words after an ellipsis may stand far beyond the hits that placed the quotation.
  const gapRoom = pattern.elements.reduce((sum, el) => sum + ('gap' in el ? el.gap : 0), 0);
  for (const c of clusters.slice(0, CLUSTERS_TO_ALIGN * 4)) {
    if (matches.length >= CLUSTERS_TO_ALIGN && c.score < clusters[0].score) break;
    const doc = index.docOf(c.anchor);
    const lo = Math.max(index.docStarts[doc], c.lo - 3);
    const hi = Math.min(index.docStarts[doc + 1], c.hi + 3 + gapRoom);
    if (hi <= lo) continue;
    const alignment = align(pattern.elements, index.ids, lo, hi);
    if (alignment.matched === 0) continue;
    if (matches.some(m => m.alignment.start === alignment.start && m.alignment.end === alignment.end)) continue;
    matches.push({ alignment, doc });
    if (matches.length >= CLUSTERS_TO_ALIGN + MAX_SOURCES) break;
    if (alignment.cost === 0 && n >= 3 && matches.filter(m => m.alignment.cost === 0).length >= MAX_SOURCES) break;
  }
  matches.sort((a, b) => a.alignment.cost - b.alignment.cost || b.alignment.matched - a.alignment.matched || a.alignment.start - b.alignment.start);
  return matches;
}

interface Hit { pos: number; q: number; len: number }
interface Cluster { lo: number; hi: number; anchor: number; score: number }

/** Word positions where parts of the quotation occur: trigrams first, single rare words for short or garbled quotes. */
function collectHits(library: SourceLibrary, pattern: QuotePattern): Hit[] {
  const index = library.index;
  const ids = index.ids;
  const hits: Hit[] = [];
  const runs = wordRuns(pattern);
  const grams: Array<{ q: number; bucket: Uint32Array }> = [];
  for (const run of runs) {
    for (let k = 0; k + 2 < run.length; k++) {
      const [a, b, c] = [run[k].id, run[k + 1].id, run[k + 2].id];
      if (a < 0 || b < 0 || c < 0) continue;
      grams.push({ q: run[k].q, bucket: index.trigramBucket(a, b, c) });
    }
  }
  grams.sort((x, y) => x.bucket.length - y.bucket.length);
  let budget = 0;
  for (const g of grams.slice(0, MAX_GRAMS)) {
    if (g.bucket.length > COMMON_BUCKET && budget > 0) break;
    const [a, b, c] = [pattern.words[g.q].id, pattern.words[g.q + 1].id, pattern.words[g.q + 2].id];
    for (const p of g.bucket) if (ids[p] === a && ids[p + 1] === b && ids[p + 2] === c) hits.push({ pos: p, q: g.q, len: 3 });
    budget += g.bucket.length;
  }
  const trigramSupport = new Set(hits.map(h => h.q)).size;
  if (trigramSupport < 2) {
    // Short or heavily changed quotations: anchor on the rarest words instead.
    const words = pattern.words.map((w, q) => ({ q, id: w.id, hits: w.id >= 0 ? index.wordHits(w.id) : undefined }))
      .filter(w => w.hits && w.hits.length && w.hits.length <= COMMON_WORD)
      .sort((x, y) => x.hits!.length - y.hits!.length)
      .slice(0, 3);
    let taken = 0;
    for (const w of words) {
      if (taken && taken + w.hits!.length > RARE_WORD_HITS) break;
      for (const p of w.hits!) hits.push({ pos: p, q: w.q, len: 1 });
      taken += w.hits!.length;
    }
  }
  return hits;
}

function wordRuns(pattern: QuotePattern): Array<Array<{ id: number; q: number }>> {
  const runs: Array<Array<{ id: number; q: number }>> = [[]];
  let q = 0;
  for (const el of pattern.elements) {
    if ('gap' in el) runs.push([]);
    else runs[runs.length - 1].push({ id: el.word.id, q: q++ });
  }
  return runs.filter(r => r.length);
}

/** Groups hits that imply the same placement of the quotation; a cluster's score is how many quote words it covers. */
function cluster(hits: Hit[], tolerance: number, words: number, docOf: (pos: number) => number): Cluster[] {
  const keyed = hits.map(h => ({ h, est: h.pos - h.q, doc: docOf(h.pos) })).sort((a, b) => a.doc - b.doc || a.est - b.est);
  const out: Cluster[] = [];
  let group: typeof keyed = [];
  const flush = (): void => {
    if (!group.length) return;
    const covered = new Set<number>();
    let lo = Infinity;
    let hi = -Infinity;
    for (const { h } of group) {
      for (let k = 0; k < h.len; k++) covered.add(h.q + k);
      lo = Math.min(lo, h.pos - h.q);
      hi = Math.max(hi, h.pos - h.q + words);
    }
    out.push({ lo, hi, anchor: group[0].h.pos, score: covered.size });
    group = [];
  };
  for (const k of keyed) {
    const last = group[group.length - 1];
    if (last && (k.doc !== last.doc || k.est - last.est > tolerance)) flush();
    group.push(k);
  }
  flush();
  return out;
}
