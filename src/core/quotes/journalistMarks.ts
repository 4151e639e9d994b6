import type { SourceSpan } from '../sources/library';
import type { Alignment, AlignOp } from './align';
import { BRACKET_SPAN, type QuotePattern } from './pattern';
import { printedBounds, spanText } from './wording';

// A quotation with the journalist's own marks (an ellipsis, an [insertion]): its suggestion keeps them as written,
// and the words it leaves out are not words the draft quotes elsewhere.

/** The journalist's own marks in a quotation: an ellipsis ("...", "…") or an editorial [insertion]. */
const JOURNALIST_MARK = /[[\]]|…|\.\s?\.\s?\./;
/** A bracket glued to a word ("[t]he", "trade[s]"): the words around it would not be whole printed words. */
const GLUED_BRACKET = /[\p{L}\p{N}]\[|\][\p{L}\p{N}]/u;

/** Whether the quotation holds an ellipsis or square brackets that its suggestion must keep as written. */
export function hasJournalistMarks(quote: string): boolean {
  return JOURNALIST_MARK.test(quote);
}

/**
 * The suggestion for a quotation with ellipses or brackets (`quote`: its text, with offsets as in `pattern`): each
 * run of words between two marks is replaced by the source's words it stands for; the marks and the text around them
 * stay exactly as the journalist wrote them ("[The tax] would", "trade [shares].", "...", "(exporters) ..."). Undefined
 * when a run stands for no source words, when the runs are out of the source's order, or when a bracket is glued to a
 * word. (Writing every mark as " … " made a bracket an ellipsis and copied a lone "[" or "]." around the words.)
 */
export function wordingAroundMarks(span: SourceSpan, a: Alignment, quote: string, pattern: QuotePattern, text?: string): string | undefined {
  if (GLUED_BRACKET.test(quote)) return undefined;
  const sourceOf = sourcePositions(a.ops);
  let out = '';
  let at = 0;
  let sourceAt = -1;
  for (const run of wordRuns(pattern)) {
    const positions = run.flatMap(q => sourceOf.get(q) ?? []);
    if (!positions.length) return undefined;
    const from = Math.min(...positions);
    const to = Math.max(...positions) + 1;
    if (from < sourceAt) return undefined;
    const first = pattern.elements[run[0]] as { word: { start: number } };
    const last = pattern.elements[run[run.length - 1]] as { word: { end: number } };
    const [ds, de] = printedBounds(quote, first.word.start, last.word.end);
    out += quote.slice(at, ds) + spanText(span, from, to, undefined, text);
    at = de;
    sourceAt = to;
  }
  return out + quote.slice(at);
}

/** The pattern's runs of words between gaps, each as its element indices. */
function wordRuns(pattern: QuotePattern): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  pattern.elements.forEach((el, q) => {
    if ('word' in el) run.push(q);
    else if (run.length) { runs.push(run); run = []; }
  });
  if (run.length) runs.push(run);
  return runs;
}

/** The source positions each quotation word stands on (kept, replaced or swapped); an added word stands on none. */
function sourcePositions(ops: readonly AlignOp[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const op of ops) {
    if (op.op === 'equal' || op.op === 'replace') out.set(op.q, [op.s]);
    else if (op.op === 'swap') { out.set(op.q, [op.s + 1]); out.set(op.q + 1, [op.s]); }
  }
  return out;
}

/** Source words either side of the aligned passage in which to look for the quotation's misplaced words. */
const CUT_REACH = 40;

/**
 * Whether the source's wording would leave out words the quotation holds: two neighbouring quotation words, one of
 * them not kept by the alignment (added or replaced), stand together in the source around the aligned passage. The
 * journalist left words out without an ellipsis (“because of I love him” for "because of who he is and how much I love
 * him"): leaving out six source words costs more than adding two draft words, so the alignment ends at "who" and its
 * wording would drop "I love him"; so would a quotation's first words matched to a repeated phrase, or words next to a
 * bracket (two words around one may stand as far apart as it allows). Whether the words were changed or the passage
 * runs on to them, no fix can say. A lone changed word ("invest and buy" for "invest and trade") is no pair of the
 * source's, and keeps its fix unless it stands just beyond the passage.
 */
export function leavesOutQuotedWords(pattern: QuotePattern, a: Alignment, ids: Uint32Array, docLo: number, docHi: number): boolean {
  const kept = keptWords(a.ops);
  const words = wordsAfterMarks(pattern);
  const lo = Math.max(docLo, a.start - CUT_REACH);
  const hi = Math.min(docHi, a.end + CUT_REACH);
  // Not across an ellipsis: the alignment already skips any words there for free, where a bracket's words cost.
  const pairElsewhere = words.some((y, k) => k > 0 && y.skip <= BRACKET_SPAN && !(kept.has(words[k - 1].q) && kept.has(y.q))
    && standsWithin(ids, words[k - 1].id, y.id, y.skip, lo, hi));
  const [first, last] = [words[0], words[words.length - 1]];
  return pairElsewhere
    || (!!first && !kept.has(first.q) && standsIn(ids, first.id, Math.max(docLo, a.start - EDGE_REACH), a.start))
    || (!!last && !kept.has(last.q) && standsIn(ids, last.id, a.end, Math.min(docHi, a.end + EDGE_REACH)));
}

/** The quotation's words, each with the most source words the journalist's mark before it may stand for (0: none). */
function wordsAfterMarks(pattern: QuotePattern): Array<{ q: number; id: number; skip: number }> {
  const words: Array<{ q: number; id: number; skip: number }> = [];
  let skip = 0;
  pattern.elements.forEach((el, q) => {
    if ('gap' in el) skip = el.gap;
    else { words.push({ q, id: el.word.id, skip }); skip = 0; }
  });
  return words;
}

/**
 * Source words just beyond the passage where the quotation's own first (last) word, not kept, shows the wording stops
 * short of it (../shared/eval/fix_soundness.py's test): “to Ukrainian interest rates on ...” kept "to" out of a wording
 * that starts at "keep". Further on, the lone word is read as changed.
 */
const EDGE_REACH = 4;

function standsIn(ids: Uint32Array, id: number, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (ids[p] === id) return true;
  return false;
}

/** The quotation words (element indices) the alignment keeps as the source has them, in place or swapped. */
function keptWords(ops: readonly AlignOp[]): Set<number> {
  const out = new Set<number>();
  for (const op of ops) {
    if (op.op === 'equal') out.add(op.q);
    else if (op.op === 'swap') { out.add(op.q); out.add(op.q + 1); }
  }
  return out;
}

/** Whether word `x` stands in source words [from, to) followed by word `y`, at most `between` words later. */
function standsWithin(ids: Uint32Array, x: number, y: number, between: number, from: number, to: number): boolean {
  if (x < 0 || y < 0) return false;
  for (let p = from; p + 1 < to; p++) {
    if (ids[p] !== x) continue;
    for (let r = p + 1; r < to && r <= p + 1 + between; r++) if (ids[r] === y) return true;
  }
  return false;
}
