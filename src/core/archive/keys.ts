import { isContentWord } from '../dates/contentWords';
import { forEachWord } from '../text/words';

/**
 * The search keys an archive stores for a document and looks a quotation up by: hashed word trigrams (odd keys) and
 * hashed content words (even keys), as signed 32-bit integers (PostgreSQL's int4). Hashes of the normalised words
 * themselves, not of a library's word ids, so that they mean the same in every process. A collision only fetches one
 * document too many: the alignment, run on the fetched text, decides.
 */
export interface QuotationKeys {
  /** Keys of the quotation's word trigrams: a document holding it word for word holds them all. */
  readonly trigrams: readonly number[];
  /** The trigram keys and the keys of its content words: a misquoted source holds some of them. */
  readonly any: readonly number[];
  /**
   * Keys of two content words at most two apart in the quotation (the first of each pair the earlier): a short or
   * heavily changed quotation keeps such a pair even when it keeps no trigram (as the in-memory search's word pairs).
   */
  readonly pairs?: ReadonlyArray<readonly [number, number]>;
  /** The quoted words the keys were made of (an ellipsis between pieces): what a corpus in memory searches by. */
  readonly text?: string;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv(text: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

const TRIGRAM_SEED = 0x2c1b3c6d;

/** The key of one normalised word: even. */
export function wordKey(norm: string): number {
  return fnv(norm) & ~1;
}

/** The key of three consecutive normalised words: odd. */
export function trigramKey(a: string, b: string, c: string): number {
  // FNV of `a\0b\0c`, hashed piece by piece rather than joined (the ingest hashes every trigram of the archive).
  return fnv(c, Math.imul(fnv(b, Math.imul(fnv(a, TRIGRAM_SEED), FNV_PRIME)), FNV_PRIME)) | 1;
}

/** Where documentKeys gathers a document's keys before sorting them (grown as needed, reused). */
let gathered = new Int32Array(1 << 14);

/**
 * The keys of a document's words `text[from..]` (every trigram and every content word, each once, sorted), and its word
 * count. Gathered in one typed array, sorted and deduplicated in place (a Set of numbers cost twice as much: the ingest
 * computes the keys of every word of the archive).
 */
export function documentKeys(text: string, from = 0): { keys: Int32Array; words: number } {
  let n = 0;
  let words = 0;
  let a = '';
  let b = '';
  forEachWord(text, from, text.length, norm => {
    if (n + 2 > gathered.length) {
      const grown = new Int32Array(gathered.length * 2);
      grown.set(gathered);
      gathered = grown;
    }
    if (words >= 2) gathered[n++] = trigramKey(a, b, norm);
    if (isContentWord(norm)) gathered[n++] = wordKey(norm);
    a = b;
    b = norm;
    words++;
  });
  const sorted = gathered.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  return { keys: sorted.slice(0, distinct), words };
}

/**
 * The keys to look a quotation up by (its words as `buildPattern` reads them; pieces split at an ellipsis give no
 * trigram across the gap, which a document need not hold).
 */
export function quotationKeys(pieces: readonly string[], text = pieces.join(' … ')): QuotationKeys {
  const trigrams = new Set<number>();
  const any = new Set<number>();
  const pairs = new Map<string, [number, number]>();
  for (const piece of pieces) {
    const words: string[] = [];
    forEachWord(piece, 0, piece.length, norm => words.push(norm));
    for (let i = 0; i + 2 < words.length; i++) trigrams.add(trigramKey(words[i], words[i + 1], words[i + 2]));
    for (let i = 0; i < words.length; i++) {
      if (!isContentWord(words[i])) continue;
      any.add(wordKey(words[i]));
      for (let j = i + 1; j <= i + 2 && j < words.length; j++) {
        if (!isContentWord(words[j]) || words[j] === words[i]) continue;
        const pair: [number, number] = [wordKey(words[i]), wordKey(words[j])];
        pairs.set(pair.join(), pair);
      }
    }
  }
  for (const t of trigrams) any.add(t);
  return { trigrams: [...trigrams].sort((a, b) => a - b), any: [...any].sort((a, b) => a - b), pairs: [...pairs.values()], text };
}
