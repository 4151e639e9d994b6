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

/** The key of one normalised word: even. */
export function wordKey(norm: string): number {
  return fnv(norm) & ~1;
}

/** The key of three consecutive normalised words: odd. */
export function trigramKey(a: string, b: string, c: string): number {
  return fnv(`${a}\u0000${b}\u0000${c}`, 0x2c1b3c6d) | 1;
}

/** The keys of a document's words `text[from..]` (every trigram and every content word, each once, sorted), and its word count. */
export function documentKeys(text: string, from = 0): { keys: Int32Array; words: number } {
  const keys = new Set<number>();
  const words: string[] = [];
  forEachWord(text, from, text.length, norm => {
    words.push(norm);
    const n = words.length;
    if (n >= 3) keys.add(trigramKey(words[n - 3], words[n - 2], words[n - 1]));
    if (isContentWord(norm)) keys.add(wordKey(norm));
  });
  return { keys: Int32Array.from(keys).sort(), words: words.length };
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
