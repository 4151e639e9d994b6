/** House style against a nearly whole match: whether a quotation differs from its source passage only in style words. */
import type { SourceLibrary } from '../sources/library';
import type { Alignment, AlignOp } from './align';
import { docOf } from './docOf';
import type { Quotation } from './extract';
import { withoutLinkSyntax } from './links';
import type { QuoteMatch } from './match';
import type { QuotePattern } from './pattern';
import { otherSpellingOf } from './spellingVariants';
import { differsOnlyInStyle, isStyleWord, mayDifferOnlyInStyle, spokenAs, styleIdsOf } from './style';
import { literal } from '../text/literal';

/** The style words' ids in a vocabulary, read again when it has grown (an id once given stays). */
const styleIdsByVocab = new WeakMap<object, { size: number; ids: Set<number> }>();

/** Whether the quotation differs from a nearly whole match only in house style (style.ts). */
export function onlyInStyle(library: SourceLibrary, m: QuoteMatch, q: Quotation, pattern: QuotePattern): boolean {
  if (m.alignment.cost === 0) return false;
  const vocab = library.vocab;
  let known = styleIdsByVocab.get(vocab);
  if (!known || known.size !== vocab.size) styleIdsByVocab.set(vocab, (known = { size: vocab.size, ids: styleIdsOf(norm => vocab.lookup(norm)) }));
  const styleIds = known.ids;
  const a = styleWordsAtEdges(m.alignment, pattern, s => styleIds.has(library.index.ids[s]), s => markBefore(library, s));
  // A few changed words; "per cent" is one spoken word in two ("rose 5 per cent … fell 3 per cent" against "5% … 3%").
  const cent = vocab.lookup('cent');
  let allowed = 3 + pattern.words.filter(w => w.norm === 'cent').length;
  if (cent >= 0) for (let p = a.start; p < a.end; p++) if (library.index.ids[p] === cent) allowed++;
  if (a.cost > allowed || a.matched < pattern.words.length - allowed) return false;
  if (!mayDifferOnlyInStyle(a, pattern, library.index.ids, styleIds)) return false;
  return differsOnlyInStyle(library.locateSpan(a.start, a.end), a, withoutLinkSyntax(q.text, q.links), pattern);
}

/**
 * The alignment with a style word at either end of the quotation read as added there, not as a replacement of the
 * source's next word: "… it is 15 per cent," against "… it is 15%. They don't …" aligned "cent" with "They" (the same
 * cost), and house style then saw a word the source does not print as a unit.
 */
function styleWordsAtEdges(a: Alignment, pattern: QuotePattern, isStyleInSource: (s: number) => boolean,
  breakBetween: (s: number) => boolean): Alignment {
  const ops = [...a.ops];
  const isStyle = (op: AlignOp | undefined): op is AlignOp & { op: 'replace'; q: number; s: number } => {
    if (op?.op !== 'replace') return false;
    const el = pattern.elements[op.q];
    return !!el && 'word' in el && isStyleWord(el.word.norm) && !isStyleInSource(op.s);
  };
  const isStyleEqual = (op: { q: number }): boolean => {
    const el = pattern.elements[op.q];
    return !!el && 'word' in el && isStyleWord(el.word.norm) && !/^\d/.test(el.word.norm);
  };
  let start = a.start;
  let end = a.end;
  // Only a source word across a mark from the passage ("15%. They"): "$5 trillion" is one amount, and "5 dollars"
  // against it a misquote.
  const last = ops[ops.length - 1];
  if (isStyle(last) && breakBetween(last.s)) { ops[ops.length - 1] = { op: 'insert', q: last.q }; end = last.s; }
  // A partial quotation whose last words are style words matched further on, past source words it leaves out:
  // "rose 40 percent" against "rose 40% and 20 percent" is "40%" in house style, not "40% and 20 percent" cut short.
  let tail = ops.length;
  while (tail > 0 && ops[tail - 1].op === 'equal' && isStyleEqual(ops[tail - 1] as { q: number })) tail--;
  let gap = tail;
  while (gap > 0 && ops[gap - 1].op === 'delete') gap--;
  if (tail < ops.length && gap < tail && gap > 0) {
    const cut = ops[gap] as { s: number };
    const inserted: AlignOp[] = ops.slice(tail).map(op => ({ op: 'insert', q: (op as { q: number }).q }));
    ops.splice(gap, ops.length - gap, ...inserted);
    end = cut.s;
  }
  const first = ops[0];
  if (isStyle(first) && breakBetween(first.s + 1)) { ops[0] = { op: 'insert', q: first.q }; start = first.s + 1; }
  return start === a.start && end === a.end ? a : { ...a, ops, start, end, cost: ops.filter(op => op.op !== 'equal' && op.op !== 'gap').length };
}

/** Whether a mark stands between source words `s - 1` and `s` (a sentence's or a clause's end), or a document's edge. */
function markBefore(library: SourceLibrary, s: number): boolean {
  if (s <= 0 || s >= library.index.size) return true;
  if (library.index.docStarts[docOf(library.index, s)] === s) return true;
  const span = library.locateSpan(s - 1, s + 1);
  return /[.!?;:,"”’)\]]/.test(span.doc.text.slice(span.ends[0], span.starts[1]));
}

/** Most changes of a passage read for spellings: house style (3), editorial words (12) and a word more. */
const MOST_CHANGES = 16;

/**
 * The match with the words that the quotation spells the other way, British or American ("colour" for the source's
 * "color"; `spellingVariants.ts`), read as the same words; the match itself when it has none.
 */
export function withOtherSpellings(library: SourceLibrary, m: QuoteMatch, pattern: QuotePattern, quote: string): QuoteMatch {
  const alignment = respelled(library, m.alignment, pattern, quote);
  return alignment === m.alignment ? m : { ...m, alignment };
}

/**
 * The alignment with the quotation's words spelt the other way read as equal; the alignment itself when it has none.
 * Only words in lower case on both sides: a capitalised one may be a name ("Grey", "Gray"; the "Labour" and the
 * "Labor" party). `quote` is the text the pattern was read from.
 */
export function respelled(library: SourceLibrary, a: Alignment, pattern: QuotePattern, quote: string): Alignment {
  // A passage this far from the quotation is no faithful quotation, spelt either way.
  if (a.cost > MOST_CHANGES) return a;
  let ops: AlignOp[] | undefined;
  let count = 0;
  for (let k = 0; k < a.ops.length; k++) {
    const op = a.ops[k];
    if (op.op !== 'replace') continue;
    const el = pattern.elements[op.q];
    if (!el || !('word' in el) || !otherSpellingOf(el.word.norm, library.vocab.word(library.index.ids[op.s]))) continue;
    if (!sameCommonWord(quote, el.word.start, el.word.end, library, op.s)) continue;
    (ops ??= [...a.ops])[k] = { op: 'equal', q: op.q, s: op.s };
    count++;
  }
  if (!ops) return a;
  const placedCost = a.placedCost === undefined ? undefined : Math.max(0, a.placedCost - count);
  return { ...a, ops, cost: a.cost - count, matched: a.matched + count, placedCost };
}

/**
 * The words `respelled` read as equal, as [the source's printed word, the quotation's word] ("favorite",
 * "favourite"): `a` is the alignment, `spelt` its respelled form.
 */
export function respelledPairs(library: SourceLibrary, a: Alignment, spelt: Alignment, pattern: QuotePattern, quote: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let k = 0; k < a.ops.length; k++) {
    const op = a.ops[k];
    if (op.op !== 'replace' || spelt.ops[k].op !== 'equal') continue;
    const el = pattern.elements[op.q];
    if (!el || !('word' in el)) continue;
    pairs.push([printedWord(library, op.s), quote.slice(el.word.start, el.word.end)]);
  }
  return pairs;
}

/**
 * A source's wording with its words respelt as the quotation spells them ("the favorite" → "the favourite"), or
 * undefined when a source word stands in it more often than it was respelt (which of them to respell is not known).
 */
export function inQuotationSpelling(wording: string, pairs: ReadonlyArray<[string, string]>, quote: string): string | undefined {
  let out = wording;
  for (const [source, quoted] of new Map(pairs)) {
    const times = pairs.filter(([s]) => s === source);
    if (times.some(([, q]) => q !== quoted)) return undefined;
    const word = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}])${literal(source)}(?![\p{L}\p{M}\p{N}])`, 'gu');
    if ((out.match(word) ?? []).length !== times.length) return undefined;
    out = out.replace(word, () => quoted);
  }
  return writesOtherSpelling(quote, out) ? undefined : out;
}

/**
 * Whether a wording holds a word that the quotation spells the other way and not this way ("color" where the
 * quotation has "colour"): a fix would write the source's spelling over the quotation's, or change a word that
 * differs only so (an alignment that paired the quotation's "colour" with another word).
 */
function writesOtherSpelling(quote: string, wording: string): boolean {
  const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? []);
  const ours = words(quote);
  for (const w of words(wording)) {
    if (ours.has(w)) continue;
    for (const q of ours) if (otherSpellingOf(q, w)) return true;
  }
  return false;
}

/**
 * Whether the quotation's word `quote[start..end)` and the source's word `s` are both in lower case: a capitalised one
 * may be a name ("Grey", "Gray"; the "Labour" and the "Labor" party; "Dr. Gray"), also where it opens a sentence.
 */
function sameCommonWord(quote: string, start: number, end: number, library: SourceLibrary, s: number): boolean {
  return inLowerCase(quote.slice(start, end)) && inLowerCase(printedWord(library, s));
}

function inLowerCase(word: string): boolean {
  return word === word.toLowerCase();
}

function printedWord(library: SourceLibrary, s: number): string {
  const span = library.locateSpan(s, s + 1);
  return span.doc.text.slice(span.starts[0], span.ends[0]);
}

const GENERAL_STYLE = 'written in the draft\'s house style: "percent" for "pct", "$" for "dlrs", "five" for "5"';

/**
 * The house style a quotation is written in, as its words and the source's: 'written in the draft's house style:
 * "thirty" for "30", "million" for "mln"'; the general words when no word stands for one of the source's.
 */
export function houseStyleNote(library: SourceLibrary, a: Alignment, pattern: QuotePattern, quote: string): string {
  const pairs: string[] = [];
  for (const op of a.ops) {
    if (op.op !== 'replace') continue;
    const el = pattern.elements[op.q];
    if (!el || !('word' in el)) continue;
    // Only words spoken the same: an alignment may pair "cent" with the source's next word, or "million" with "dlrs".
    const spoken = spokenAs(el.word.norm);
    if (spoken === undefined || spoken !== spokenAs(library.vocab.word(library.index.ids[op.s]))) return GENERAL_STYLE;
    const pair = `"${quote.slice(el.word.start, el.word.end)}" for "${printedWord(library, op.s)}"`;
    if (!pairs.includes(pair)) pairs.push(pair);
  }
  if (!pairs.length) return GENERAL_STYLE;
  return `written in the draft's house style: ${pairs.slice(0, 3).join(', ')}${pairs.length > 3 ? ', …' : ''}`;
}
