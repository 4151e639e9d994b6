import type { SourceLibrary } from '../sources/library';
import { align, verdictCost, type Alignment } from './align';
import { anchorEnds } from './anchor';
import { bestClusters } from './clusters';
import { docOf } from './docOf';
import { collectHits, INTERSECT_ABOVE } from './hits';
import type { QuotePattern } from './pattern';
import { firstRareTrigram, rankedTrigrams } from './trigrams';
import { MAX_SOURCES, singleWordPlaces, verbatimAt, verbatimPlaces } from './verbatimPlaces';

const CLUSTERS_TO_ALIGN = 3;

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
  // Words after an ellipsis may stand far beyond the hits that placed the quotation, and words before one far before
  // them (hits after an ellipsis place its start too late by the words it leaves out).
  const gapRoom = pattern.elements.reduce((sum, el) => sum + ('gap' in el ? el.gap : 0), 0);
  for (const c of clusters) {
    if (matches.length >= CLUSTERS_TO_ALIGN && c.score < clusters[0].score) break;
    const doc = docOf(index, c.anchor);
    const lo = Math.max(index.docStarts[doc], c.lo - 3 - gapRoom);
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
