import type { Vocabulary } from '../index/vocabulary';
import { tokenize } from '../text/words';

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
  let last = 0;
  const addWords = (from: number, to: number): void => {
    for (const t of tokenize(text, from, to)) {
      const word = { id: vocab.lookup(t.norm), norm: t.norm, start: t.start + offset, end: t.end + offset };
      elements.push({ word });
      words.push(word);
    }
  };
  const addGap = (span: number): void => {
    const prev = elements[elements.length - 1];
    if (prev && 'gap' in prev) elements[elements.length - 1] = { gap: Math.max(prev.gap, span) };
    else elements.push({ gap: span });
  };
  for (const m of text.matchAll(MARKERS)) {
    addWords(last, m.index);
    const isEllipsis = !m[0].startsWith('[') || /^\[\s*(?:\.|…)/.test(m[0]);
    addGap(isEllipsis ? ELLIPSIS_SPAN : BRACKET_SPAN);
    last = m.index + m[0].length;
  }
  addWords(last, text.length);
  while (elements.length && 'gap' in elements[0]) elements.shift();
  while (elements.length && 'gap' in elements[elements.length - 1]) elements.pop();
  return { elements, words, hasGaps: elements.some(e => 'gap' in e) };
}
