import type { WordIndex } from '../index/wordIndex';

/** Positions per entry of the coarse table: a few documents start within so many words. */
const BLOCK_SHIFT = 8;

/** Per index, the document holding the first position of each block (`WordIndex.docOf` of it). */
const blocks = new WeakMap<WordIndex, Int32Array>();

/**
 * `index.docOf(pos)`, found from the document of pos's block on, not by a binary search over every document's start
 * (the searches of a quotation's places read a dozen scattered entries of that table each, most of them cache misses).
 */
export function docOf(index: WordIndex, pos: number): number {
  const starts = index.docStarts;
  const table = blocks.get(index) ?? blockTable(index);
  const block = pos >> BLOCK_SHIFT;
  if (block >= table.length) return index.docOf(pos);
  let d = table[block];
  // The last document (of the docOf range: all but the end entry) that starts at or before pos, as docOf gives it.
  while (d + 1 <= starts.length - 2 && starts[d + 1] <= pos) d++;
  return d;
}

function blockTable(index: WordIndex): Int32Array {
  const starts = index.docStarts;
  const table = new Int32Array((index.size >> BLOCK_SHIFT) + 1);
  let d = 0;
  for (let b = 0; b < table.length; b++) {
    const pos = b << BLOCK_SHIFT;
    while (d + 1 <= starts.length - 2 && starts[d + 1] <= pos) d++;
    table[b] = d;
  }
  blocks.set(index, table);
  return table;
}
