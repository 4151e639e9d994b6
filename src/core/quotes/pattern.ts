import type { Vocabulary } from '../index/vocabulary';
import { forEachWord } from '../text/words';

export interface PatternWord {
  /** Vocabulary id, or -1 for a word that no source holds. */
  readonly id: number;
  readonly norm: string;
  /** Offsets in the draft. */
  readonly start: number;
  readonly end: number;
}

/** A quotation as a sequence of words and gaps: an ellipsis (any omitted words) or an editorial [insertion]. */
export type PatternElement = { readonly word: PatternWord } | { readonly gap: number };

export interface QuotePattern {
  readonly elements: readonly PatternElement[];
  readonly words: readonly PatternWord[];
  readonly hasGaps: boolean;
}

/** Longest run of source words an ellipsis may stand for. */
export const ELLIPSIS_SPAN = 400;
/** Longest run of source words an editorial insertion in square brackets may replace. */
export const BRACKET_SPAN = 8;

const MARKERS = /\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|\.\s?\.\s?\.|…|\[[^\]]*\]/g;

/** Splits a quotation's text (at `offset` in the draft) into words and gaps. */
export function buildPattern(vocab: Vocabulary, text: string, offset: number): QuotePattern {
  const elements: PatternElement[] = [];
  const words: PatternWord[] = [];
  let gaps = false;
  let last = 0;
  const addWord = (norm: string, start: number, end: number): void => {
    const word = { id: vocab.lookup(norm), norm, start: start + offset, end: end + offset };
    elements.push({ word });
    words.push(word);
  };
  const addGap = (span: number): void => {
    const prev = elements[elements.length - 1];
    if (prev && 'gap' in prev) elements[elements.length - 1] = { gap: Math.max(prev.gap, span) };
    else elements.push({ gap: span });
    gaps = true;
  };
  // exec on one regular expression, not matchAll (which copies it for every quotation).
  MARKERS.lastIndex = 0;
  for (let m = MARKERS.exec(text); m; m = MARKERS.exec(text)) {
    forEachWord(text, last, m.index, addWord);
    const isEllipsis = !m[0].startsWith('[') || /^\[\s*(?:\.|…)/.test(m[0]);
    addGap(isEllipsis ? ELLIPSIS_SPAN : BRACKET_SPAN);
    last = m.index + m[0].length;
  }
  forEachWord(text, last, text.length, addWord);
  if (!gaps) return { elements, words, hasGaps: false };
  while (elements.length && 'gap' in elements[0]) elements.shift();
  while (elements.length && 'gap' in elements[elements.length - 1]) elements.pop();
  return { elements, words, hasGaps: elements.some(e => 'gap' in e) };
}
