import type { WordIndex } from '../index/wordIndex';
import type { QuotePattern } from './pattern';

/** A trigram of the quotation starting at quotation word `q`, with its places in the word array. */
export interface Trigram { q: number; bucket: Uint32Array }

/** Rarest trigrams used to place a quotation: enough to survive a few changed words, few enough to stay fast. */
const MAX_GRAMS = 8;
/** Trigrams with at most this many places are checked for the whole quotation before the others are looked up. */
const EARLY_BUCKET = 8;

/** The first trigram of a quotation without gaps with at most EARLY_BUCKET places. */
export function firstRareTrigram(index: WordIndex, pattern: QuotePattern): Trigram | undefined {
  const words = pattern.words;
  for (let q = 0; q + 2 < words.length; q++) {
    const [a, b, c] = [words[q].id, words[q + 1].id, words[q + 2].id];
    if (a < 0 || b < 0 || c < 0) continue;
    const bucket = index.trigramBucket(a, b, c);
    if (bucket.length <= EARLY_BUCKET) return { q, bucket };
  }
  return undefined;
}

/**
 * The quotation's MAX_GRAMS rarest trigrams (none across a gap) with their buckets, rarest first (ties in quotation
 * order): the only ones a search reads.
 */
export function rankedTrigrams(index: WordIndex, pattern: QuotePattern): Trigram[] {
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
