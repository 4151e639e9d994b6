import type { AlignOp, Alignment } from './align';
import type { WordIndex } from '../index/wordIndex';
import { docOf } from './docOf';
import type { QuoteMatch } from './match';
import type { QuotePattern } from './pattern';
import type { Trigram } from './trigrams';

export const MAX_SOURCES = 10;

/**
 * The alignment of a quotation that stands word for word at `start` (inside [lo, hi)), without the alignment's
 * dynamic programming: most quotations are verbatim, and this is what the full alignment would find.
 */
export function verbatimAt(pattern: QuotePattern, ids: Uint32Array, start: number, lo: number, hi: number): Alignment | undefined {
  if (start < lo || start + pattern.words.length > hi || !holdsAt(pattern, ids, start)) return undefined;
  return new VerbatimAlignment(start, pattern.words.length);
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
export function verbatimPlaces(pattern: QuotePattern, index: WordIndex, gram: Trigram): QuoteMatch[] {
  const out: QuoteMatch[] = [];
  const { ids, docStarts } = index;
  for (const p of gram.bucket) {
    const start = p - gram.q;
    if (start < 0 || (out.length && out[out.length - 1].alignment.end > start)) continue;
    // The words first: most places of a bucket hold other words; the document is looked up for a match only.
    if (!holdsAt(pattern, ids, start)) continue;
    const doc = docOf(index, start);
    // docOf gives start >= docStarts[doc]: only the document's end is left to check.
    if (start + pattern.words.length > docStarts[doc + 1]) continue;
    out.push({ alignment: new VerbatimAlignment(start, pattern.words.length), doc });
    if (out.length >= MAX_SOURCES) break;
  }
  return out;
}

/**
 * The first place in `ids[lo..hi)` where a pattern without gaps stands word for word, or -1: the place its alignment
 * against that region would find at no cost (the first of the cheapest ends), without the alignment's table.
 */
export function firstVerbatimIn(pattern: QuotePattern, ids: Uint32Array, lo: number, hi: number): number {
  for (let start = lo; start + pattern.words.length <= hi; start++) if (holdsAt(pattern, ids, start)) return start;
  return -1;
}

/** Whether the quotation's words stand at `start` of the word array, one after the other. */
function holdsAt(pattern: QuotePattern, ids: Uint32Array, start: number): boolean {
  const words = pattern.words;
  if (start + words.length > ids.length) return false;
  for (let q = 0; q < words.length; q++) if (ids[start + q] !== words[q].id) return false;
  return true;
}

/** A one-word quotation ("massive") has no trigram or pair to place it: its places are the word's, one per source. */
export function singleWordPlaces(index: WordIndex, id: number): QuoteMatch[] {
  if (id < 0) return [];
  const out: QuoteMatch[] = [];
  for (const pos of index.wordHits(id)) {
    const doc = docOf(index, pos);
    if (out.length && out[out.length - 1].doc === doc) continue;
    out.push({ alignment: { cost: 0, ops: [{ op: 'equal', q: 0, s: pos }], start: pos, end: pos + 1, matched: 1 }, doc });
    if (out.length >= MAX_SOURCES) break;
  }
  return out;
}
