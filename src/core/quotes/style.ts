import type { SourceSpan } from '../sources/library';
import type { Alignment } from './align';
import type { QuotePattern } from './pattern';

/**
 * House style inside quotations: "percent", "per cent", "pct" and "%"; "dollar(s)", "dlr(s)" and "$"; "million" and
 * "mln"; "billion" and "bln"; "five" and "5" (one to ten) are the same spoken word. A wire prints speech in its abbreviations ("170 billion dlr
 * trade deficit", "2.0 pct"), a newspaper in its own ("$170 billion", "2.0 percent", "70 per cent").
 */

/** The spoken word each style word stands for. */
const STYLE_WORDS: ReadonlyMap<string, string> = new Map([
  ['percent', '%'], ['pct', '%'], ['dollar', '$'], ['dollars', '$'], ['dlr', '$'], ['dlrs', '$'],
  ['million', 'M'], ['mln', 'M'], ['billion', 'B'], ['bln', 'B'],
  // Small numbers, which one paper spells out ("five") where another prints figures ("5").
  ...['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].flatMap((word, i): Array<[string, string]> => [[word, `${i + 1}`], [`${i + 1}`, `${i + 1}`]]),
]);
/** The symbols that stand for a style word, printed next to a number. */
const SYMBOLS = /[%$]/g;
/** Wire abbreviations that no newspaper prints inside a quotation. */
const WIRE_WORDS = /\b(?:pct|dlrs?|mln|bln)\b/i;

/**
 * Whether the quotation differs from the aligned passage only in house style: every word the alignment adds, drops or
 * replaces is a style word, and the draft's and the source's style words and symbols are the same spoken words.
 */
export function differsOnlyInStyle(span: SourceSpan, a: Alignment, quote: string, pattern: QuotePattern): boolean {
  const draft: string[] = [];
  const source: string[] = [];
  const text = span.doc.text;
  const draftWord = (q: number): string => {
    const el = pattern.elements[q];
    return el && 'word' in el ? el.word.norm : '';
  };
  const sourceWord = (s: number): string => text.slice(span.starts[s - span.from], span.ends[s - span.from]).toLowerCase();
  let changed = false;
  for (const op of a.ops) {
    if (op.op === 'equal' || op.op === 'gap') continue;
    if (op.op === 'swap') return false;
    if (op.op !== 'delete' && op.op !== 'insert' && op.op !== 'replace') return false;
    if ('s' in op && (op.s < span.from || op.s >= span.from + span.starts.length)) return false;
    changed = true;
    if (op.op !== 'delete') draft.push(draftWord(op.q));
    if (op.op !== 'insert') source.push(sourceWord(op.s));
  }
  if (!changed) return false;
  const draftSpoken = spoken(draft);
  const sourceSpoken = spoken(source);
  if (!draftSpoken || !sourceSpoken) return false;
  // The symbols of each side, counted over the whole quotation and the whole passage (a "$" stands before the number).
  const passageFrom = Math.max(0, span.starts[0] - 1);
  const passageTo = Math.min(text.length, span.ends[span.ends.length - 1] + 1);
  draftSpoken.push(...(quote.match(SYMBOLS) ?? []));
  sourceSpoken.push(...(text.slice(passageFrom, passageTo).match(SYMBOLS) ?? []));
  const both = (xs: string[]): string => [...xs].sort().join(' ');
  return both(draftSpoken) === both(sourceSpoken);
}

/** The spoken words of style words ("per" "cent" is one), or undefined when a word is not a style word. */
function spoken(words: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (let k = 0; k < words.length; k++) {
    if (words[k] === 'per' && words[k + 1] === 'cent') { out.push('%'); k++; continue; }
    const word = STYLE_WORDS.get(words[k]);
    if (!word) return undefined;
    out.push(word);
  }
  return out;
}

/** A wire abbreviation ("pct", "dlrs", "mln") a wording would write into a quotation that does not use it. */
export function wireStyleIn(draftQuote: string, wording: string): string | undefined {
  const m = WIRE_WORDS.exec(wording);
  return m && !WIRE_WORDS.test(draftQuote) ? m[0] : undefined;
}

/** The style words, as the draft's normal forms ("per" "cent" included). */
const STYLE_NORMS = new Set([...STYLE_WORDS.keys(), 'per', 'cent']);

/**
 * A cheap test before `differsOnlyInStyle`: every word the alignment adds, drops or replaces is a style word (the
 * source's by its vocabulary id, `styleIds`).
 */
export function mayDifferOnlyInStyle(a: Alignment, pattern: QuotePattern, ids: Uint32Array, styleIds: ReadonlySet<number>): boolean {
  let changed = false;
  for (const op of a.ops) {
    if (op.op === 'equal' || op.op === 'gap') continue;
    if (op.op === 'swap') return false;
    changed = true;
    if (op.op !== 'delete') {
      const el = pattern.elements[op.q];
      if (!el || !('word' in el) || !STYLE_NORMS.has(el.word.norm)) return false;
    }
    if (op.op !== 'insert' && !styleIds.has(ids[op.s])) return false;
  }
  return changed;
}

/** The vocabulary ids of the style words. */
export function styleIdsOf(lookup: (norm: string) => number): Set<number> {
  const out = new Set<number>();
  for (const norm of STYLE_NORMS) {
    const id = lookup(norm);
    if (id >= 0) out.add(id);
  }
  return out;
}
