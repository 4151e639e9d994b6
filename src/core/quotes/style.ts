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
 * replaces is a style word, and each run of changes between two words the draft and the source share says the same
 * spoken words on both sides, with the symbols printed next to it ("$40 million" and "40 mln dlrs"). Run by run, so
 * that units or numbers that changed places ("from 5 percent to 7 percent" for "from 7 pct to 5 pct") still differ.
 */
export function differsOnlyInStyle(span: SourceSpan, a: Alignment, quote: string, pattern: QuotePattern): boolean {
  const text = span.doc.text;
  const draftAt = (q: number): { norm: string; start: number; end: number } | undefined => {
    const el = pattern.elements[q];
    return el && 'word' in el ? el.word : undefined;
  };
  const sourceAt = (s: number): { start: number; end: number } => ({ start: span.starts[s - span.from], end: span.ends[s - span.from] });
  let changed = false;
  let run: ChangeRun | undefined;
  let left: { q: number; s: number } | undefined;
  const close = (right: { q: number; s: number } | undefined): boolean => {
    if (!run) return true;
    const ok = sameSpoken(run, left, right, quote, text, pattern, span, draftAt, sourceAt);
    run = undefined;
    return ok;
  };
  for (const op of a.ops) {
    if (op.op === 'equal') {
      if (!close(op)) return false;
      left = op;
      continue;
    }
    if (op.op === 'gap') {
      if (!close(undefined)) return false;
      left = undefined;
      continue;
    }
    if (op.op === 'swap') return false;
    if ('s' in op && (op.s < span.from || op.s >= span.from + span.starts.length)) return false;
    changed = true;
    run ??= { q: [], s: [] };
    if (op.op !== 'delete') run.q.push(op.q);
    if (op.op !== 'insert') run.s.push(op.s);
  }
  if (!close(undefined) || !changed) return false;
  // Units the runs do not reach: "$6 million" in the draft for the source's "6 million" (of what, it does not say).
  const draftUnits = units(pattern.words.map(w => w.norm), quote);
  const sourceUnits = units(span.starts.map((st, k) => text.slice(st, span.ends[k]).toLowerCase()),
    text.slice(Math.max(0, span.starts[0] - 1), Math.min(text.length, span.ends[span.ends.length - 1] + 1)));
  return draftUnits === sourceUnits;
}

/** The dollars and percents a quotation or passage says, as words or symbols, sorted: "$ % %". */
function units(words: readonly string[], printed: string): string {
  const out: string[] = printed.match(SYMBOLS) ?? [];
  for (let k = 0; k < words.length; k++) {
    if (words[k] === 'per' && words[k + 1] === 'cent') { out.push('%'); k++; continue; }
    const spokenAs = STYLE_WORDS.get(words[k]);
    if (spokenAs === '$' || spokenAs === '%') out.push(spokenAs);
  }
  return out.sort().join(' ');
}

/** The draft's and the source's words of one run of changes, by their places. */
interface ChangeRun { q: number[]; s: number[] }

/**
 * Whether a run of changes says the same spoken words on both sides: its style words, and the symbols printed from
 * the character before the shared word on its left to the one after the shared word on its right.
 */
function sameSpoken(run: ChangeRun, left: { q: number; s: number } | undefined, right: { q: number; s: number } | undefined,
  quote: string, text: string, pattern: QuotePattern, span: SourceSpan, draftAt: (q: number) => { norm: string; start: number; end: number } | undefined,
  sourceAt: (s: number) => { start: number; end: number }): boolean {
  const draftWords = run.q.map(q => draftAt(q)?.norm ?? '');
  const sourceWords = run.s.map(s => text.slice(sourceAt(s).start, sourceAt(s).end).toLowerCase());
  const draftSpoken = spoken(draftWords);
  const sourceSpoken = spoken(sourceWords);
  if (!draftSpoken || !sourceSpoken) return false;
  // The amount the run belongs to reaches over the shared numbers and style words next to it ("$170 billion" and
  // "170 billion dlr": the "$" stands two words before the change).
  const draftOf = (q: number): string => draftAt(q)?.norm ?? '';
  const sourceOf = (s: number): string => text.slice(sourceAt(s).start, sourceAt(s).end).toLowerCase();
  const outer = (at: number, step: number, wordOf: (k: number) => string, ok: (k: number) => boolean): number => {
    if (!isAmountWord(wordOf(at))) return at;
    while (ok(at + step) && isAmountWord(wordOf(at + step))) at += step;
    return at;
  };
  const inDraft = (q: number): boolean => q >= 0 && q < pattern.elements.length && draftAt(q) !== undefined;
  const inSource = (s: number): boolean => s >= span.from && s < span.from + span.starts.length;
  const draftFrom = left ? draftAt(outer(left.q, -1, draftOf, inDraft))?.start : run.q.length ? draftAt(run.q[0])?.start : undefined;
  const draftTo = right ? draftAt(outer(right.q, 1, draftOf, inDraft))?.end : run.q.length ? draftAt(run.q[run.q.length - 1])?.end : undefined;
  const sourceFrom = left ? sourceAt(outer(left.s, -1, sourceOf, inSource)).start : run.s.length ? sourceAt(run.s[0]).start : undefined;
  const sourceTo = right ? sourceAt(outer(right.s, 1, sourceOf, inSource)).end : run.s.length ? sourceAt(run.s[run.s.length - 1]).end : undefined;
  if (draftFrom !== undefined && draftTo !== undefined) draftSpoken.push(...(quote.slice(Math.max(0, draftFrom - 1), draftTo + 1).match(SYMBOLS) ?? []));
  if (sourceFrom !== undefined && sourceTo !== undefined) sourceSpoken.push(...(text.slice(Math.max(0, sourceFrom - 1), sourceTo + 1).match(SYMBOLS) ?? []));
  const both = (xs: string[]): string => [...xs].sort().join(' ');
  return both(draftSpoken) === both(sourceSpoken);
}

/** A figure ("170", "2.0") or a style word: the words of one amount. */
function isAmountWord(word: string): boolean {
  return /^\d[\d.,]*$/.test(word) || STYLE_WORDS.has(word) || word === 'per' || word === 'cent';
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
