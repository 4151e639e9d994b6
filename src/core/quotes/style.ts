import type { SourceSpan } from '../sources/library';
import type { Alignment } from './align';
import type { QuotePattern } from './pattern';

/**
 * House style inside quotations: "percent", "per cent", "pct" and "%"; "dollar(s)", "dlr(s)" and "$"; "million" and
 * "mln"; "billion" and "bln"; "five" and "5" (one to twenty, the tens to ninety, "one hundred" to "nine hundred") are the same spoken word. A wire prints speech in its abbreviations ("170 billion dlr
 * trade deficit", "2.0 pct"), a newspaper in its own ("$170 billion", "2.0 percent", "70 per cent").
 */

/** What "hundred" stands for alone: nothing a figure says, so that only "one hundred" … "nine hundred" are figures. */
const HUNDRED = 'hundred';

/** The spoken word each style word stands for. */
const STYLE_WORDS: ReadonlyMap<string, string> = new Map([
  ['percent', '%'], ['pct', '%'], ['dollar', '$'], ['dollars', '$'], ['dlr', '$'], ['dlrs', '$'],
  ['million', 'M'], ['mln', 'M'], ['billion', 'B'], ['bln', 'B'],
  // Numbers one paper spells out ("five", "eighteen", "forty") where another prints figures ("5", "18", "40").
  ...['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
    'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'].flatMap((word, i): Array<[string, string]> => [[word, `${i + 1}`], [`${i + 1}`, `${i + 1}`]]),
  ...['thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].flatMap((word, i): Array<[string, string]> => [[word, `${(i + 3) * 10}`], [`${(i + 3) * 10}`, `${(i + 3) * 10}`]]),
  // "one hundred" to "nine hundred" and "100" to "900" ("hundred" is read with the number before it, see `spoken`).
  ['hundred', HUNDRED], ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n): [string, string] => [`${n}00`, `${n}00`]),
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
  const sides = sidesOf(span, quote, pattern);
  let changed = false;
  let run: ChangeRun | undefined;
  let left: Shared | undefined;
  const close = (right: Shared | undefined): boolean => {
    if (!run) return true;
    const ok = sameSpoken(sides, run, left, right);
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
    if ('s' in op && !sides.inSource(op.s)) return false;
    changed = true;
    run ??= { q: [], s: [] };
    if (op.op !== 'delete') run.q.push(op.q);
    if (op.op !== 'insert') run.s.push(op.s);
  }
  if (!close(undefined) || !changed) return false;
  // Units the runs do not reach: "$6 million" in the draft for the source's "6 million" (of what, it does not say).
  const sourceWords = span.starts.map((_, k) => sides.sourceWord(span.from + k));
  // A unit the draft prints after its last figure ("… rose 2%,"") is the source's words after the passage ("2 per cent").
  const after = SYMBOL_AT_END.test(quote) ? UNIT_AFTER.exec(span.doc.text.slice(span.ends[span.ends.length - 1], span.ends[span.ends.length - 1] + 16)) : null;
  if (after) sourceWords.push(...after[0].toLowerCase().trim().split(/\s+/));
  return units(pattern.words.map(w => w.norm), quote) === units(sourceWords, sides.printed(span.from, span.from + span.starts.length - 1));
}

/** A quotation whose last word is a figure with its symbol: "rose 2%", "cost $5". */
const SYMBOL_AT_END = /\d%[^\p{L}\p{N}]*$/u;
/** The source's unit words right after a passage: "per cent", "percent", "pct". */
const UNIT_AFTER = /^\s+(?:per\s+cent|percent|pct)\b/i;

/** A word the draft and the source share (an `equal` op): where a run of changes starts or ends. */
interface Shared { readonly q: number; readonly s: number }

/** The draft's and the source's words of one run of changes, by their places. */
interface ChangeRun { q: number[]; s: number[] }

/** The two texts an alignment joins, read by word: the draft's quotation (by pattern element) and the source passage (by position). */
interface Sides {
  draftWord(q: number): string;
  sourceWord(s: number): string;
  inDraft(q: number): boolean;
  inSource(s: number): boolean;
  /** The draft's text from word `q` to word `r`, and a character either side. */
  quoted(q: number, r: number): string;
  /** The source's text from word `s` to word `t`, and a character either side. */
  printed(s: number, t: number): string;
}

function sidesOf(span: SourceSpan, quote: string, pattern: QuotePattern): Sides {
  const text = span.doc.text;
  const el = (q: number): { norm: string; start: number; end: number } | undefined => {
    const e = pattern.elements[q];
    return e && 'word' in e ? e.word : undefined;
  };
  const at = (s: number): number => s - span.from;
  return {
    draftWord: q => el(q)?.norm ?? '',
    sourceWord: s => text.slice(span.starts[at(s)], span.ends[at(s)]).toLowerCase(),
    inDraft: q => el(q) !== undefined,
    inSource: s => s >= span.from && s < span.from + span.starts.length,
    quoted: (q, r) => quote.slice(Math.max(0, el(q)!.start - 1), el(r)!.end + 1),
    printed: (s, t) => text.slice(Math.max(0, span.starts[at(s)] - 1), Math.min(text.length, span.ends[at(t)] + 1)),
  };
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

/**
 * Whether a run of changes says the same spoken words on both sides: its style words, and the symbols printed over
 * the amount it belongs to, which reaches over the shared figures and style words next to it ("$170 billion" and
 * "170 billion dlr": the "$" stands two words before the change).
 */
function sameSpoken(sides: Sides, run: ChangeRun, left: Shared | undefined, right: Shared | undefined): boolean {
  const draftSpoken = spoken(run.q.map(sides.draftWord));
  const sourceSpoken = spoken(run.s.map(sides.sourceWord));
  if (!draftSpoken || !sourceSpoken) return false;
  const outer = (at: number, step: number, wordOf: (k: number) => string, within: (k: number) => boolean): number => {
    if (!isAmountWord(wordOf(at))) return at;
    while (within(at + step) && isAmountWord(wordOf(at + step))) at += step;
    return at;
  };
  // A run at an end of the quotation reaches to its side's last word, or (no word there: "15 per cent" at the end for
  // the source's "15%") to the shared figure before or after it, whose symbol is printed next to it.
  const draftFrom = left ? outer(left.q, -1, sides.draftWord, sides.inDraft) : run.q[0] ?? right?.q;
  const draftTo = right ? outer(right.q, 1, sides.draftWord, sides.inDraft) : run.q[run.q.length - 1] ?? left?.q;
  const sourceFrom = left ? outer(left.s, -1, sides.sourceWord, sides.inSource) : run.s[0] ?? right?.s;
  const sourceTo = right ? outer(right.s, 1, sides.sourceWord, sides.inSource) : run.s[run.s.length - 1] ?? left?.s;
  if (draftFrom !== undefined && draftTo !== undefined) draftSpoken.push(...(sides.quoted(draftFrom, draftTo).match(SYMBOLS) ?? []));
  if (sourceFrom !== undefined && sourceTo !== undefined) sourceSpoken.push(...(sides.printed(sourceFrom, sourceTo).match(SYMBOLS) ?? []));
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
    // "one hundred" is "100"; "twenty hundred" is no figure this reads, nor "twenty-five hundred" (2,500).
    if (words[k + 1] === HUNDRED && /^[1-9]$/.test(word) && !/^\d+$/.test(STYLE_WORDS.get(words[k - 1]) ?? '')) { out.push(`${word}00`); k++; continue; }
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

/** Whether a draft's word (its normal form) is a style word ("per" and "cent" too). */
/** How a style word is spoken ("pct" and "percent": "%"; "five" and "5": "5"); undefined for another word. */
export function spokenAs(norm: string): string | undefined {
  return STYLE_WORDS.get(norm);
}

export function isStyleWord(norm: string): boolean {
  return STYLE_NORMS.has(norm);
}

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
