import type { DiffPart } from '../findings';
import type { SourceLibrary, SourceSpan } from '../sources/library';
import type { Alignment, AlignOp } from './align';
import type { QuotePattern } from './pattern';
import { inHouseStyle } from './diffStyle';
import { SENTENCE_BREAK } from './wording';

/**
 * A misquote's word diff as the message and the hover show it: the alignment that decided the verdict (and words the
 * fix), read for a person. The verdict and the fix do not read it. Two things differ from the bare alignment:
 * - an edge of the quotation the alignment left unmatched, whose words stand further on in the source's sentence (an
 *   omission without an ellipsis: "covered by the government, recruitment costs will not be" against "…the
 *   government's statutory pay, recruitment costs, advertising costs … will not be"), is diffed against those words,
 *   so the diff says what the draft leaves out instead of calling words the source has missing from it;
 * - a change is shown in whole printed words: "they will" against "they'll", not "will" against "ll".
 */
export function readableDiff(library: SourceLibrary, doc: number, quote: string, pattern: QuotePattern, a: Alignment,
  editorial: ReadonlySet<number>): DiffPart[] {
  const { ids, docStarts } = library.index;
  const from = Math.max(docStarts[doc], a.start - EDGE_REACH);
  const to = Math.min(docStarts[doc + 1], a.end + EDGE_REACH);
  const span = library.locateSpan(from, to);
  const words = { quote, pattern, span, ids, editorial };
  const ops = inHouseStyle(edgeFound(edgeFound(a.ops, words, 1), words, -1), quote, pattern, t => library.vocab.word(ids[t]));
  return partsOf(wholeWords(cellsOf(ops), words), words);
}


/** Source words past the alignment's edge in which the draft's unmatched edge words are looked for. */
const EDGE_REACH = 40;
/** Longest unmatched edge (draft words) that is looked for further on. */
const MOST_EDGE_WORDS = 200;

interface Words {
  readonly quote: string;
  readonly pattern: QuotePattern;
  /** The source's words around the alignment (EDGE_REACH either side). */
  readonly span: SourceSpan;
  readonly ids: Uint32Array;
  /** Source positions that are not the speaker's words (left out of the diff). */
  readonly editorial: ReadonlySet<number>;
}

type Sourced = AlignOp & { s: number };

/**
 * The alignment with its unmatched end (`dir` 1) or start (-1) diffed against the source's words beyond it, up to the
 * sentence's end (or start): taken when at least two of those draft words, half of them and the outermost one stand
 * there in order. Otherwise the ops as they were.
 */
function edgeFound(ops: AlignOp[], w: Words, dir: 1 | -1): AlignOp[] {
  const k = dir === 1 ? lastEqual(ops) : ops.findIndex(o => o.op === 'equal');
  if (k < 0) return ops;
  const edge = dir === 1 ? ops.slice(k + 1) : ops.slice(0, k).reverse();
  if (edge.some(o => o.op === 'gap')) return ops;
  const qs = edge.flatMap(o => (o.op === 'swap' ? [o.q, o.q + 1] : 'q' in o ? [o.q] : []));
  if (dir === -1) qs.sort((x, y) => y - x);
  if (qs.length < 2 || qs.length > MOST_EDGE_WORDS) return ops;
  const window = sentenceBeyond(w, (ops[k] as Sourced).s, dir);
  const pairs = commonWords(qs.map(q => wordOf(w.pattern, q).id), window.map(s => w.ids[s]));
  if (pairs.length < 2 || pairs.length * 2 < qs.length || pairs[pairs.length - 1][0] !== qs.length - 1) return ops;
  const found: AlignOp[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of pairs) {
    for (; i < pi && j < pj; i++, j++) found.push({ op: 'replace', q: qs[i], s: window[j] });
    for (; i < pi; i++) found.push({ op: 'insert', q: qs[i] });
    for (; j < pj; j++) found.push({ op: 'delete', s: window[j] });
    found.push({ op: 'equal', q: qs[i++], s: window[j++] });
  }
  return dir === 1 ? [...ops.slice(0, k + 1), ...found] : [...found.reverse(), ...ops.slice(k)];
}

function lastEqual(ops: readonly AlignOp[]): number {
  for (let k = ops.length - 1; k >= 0; k--) if (ops[k].op === 'equal') return k;
  return -1;
}

/** The source positions after (`dir` 1) or before (-1) position `s`, to the end (start) of its sentence, within the span. */
function sentenceBeyond(w: Words, s: number, dir: 1 | -1): number[] {
  const { span } = w;
  const text = span.doc.text;
  const last = span.from + span.starts.length;
  const out: number[] = [];
  for (let t = s + dir; t >= span.from && t < last; t += dir) {
    const [x, y] = dir === 1 ? [t - 1, t] : [t, t + 1];
    // With the two characters before: a full stop ends a sentence after a word of two letters or more.
    if (SENTENCE_BREAK.test(text.slice(Math.max(0, span.ends[x - span.from] - 2), span.starts[y - span.from]))) break;
    if (!w.editorial.has(t)) out.push(t);
  }
  return out;
}

/** A longest common subsequence of two id lists, as index pairs in order. */
function commonWords(xs: readonly number[], ys: readonly number[]): Array<[number, number]> {
  const n = xs.length;
  const m = ys.length;
  const L = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i * (m + 1) + j] = xs[i] === ys[j] ? L[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(L[(i + 1) * (m + 1) + j], L[i * (m + 1) + j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (xs[i] === ys[j]) pairs.push([i++, j++]);
    else if (L[(i + 1) * (m + 1) + j] >= L[i * (m + 1) + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** One step of the diff: the draft's and the source's word positions it covers, and whether they differ. */
interface Cell {
  readonly op: AlignOp['op'];
  readonly q: number[];
  readonly s: number[];
  changed: boolean;
}

function cellsOf(ops: readonly AlignOp[]): Cell[] {
  return ops.filter(o => o.op !== 'gap').map(o => ({
    op: o.op,
    q: o.op === 'swap' ? [o.q, o.q + 1] : 'q' in o ? [o.q] : [],
    s: o.op === 'swap' ? [o.s, o.s + 1] : 's' in o ? [o.s] : [],
    changed: o.op !== 'equal',
  }));
}

/**
 * Marks changed the unchanged words printed as one word with a changed one (the "they" of "they'll" when "ll" is
 * replaced, the "government" of "government's" when "s" is left out), on either side, until no more join.
 */
function wholeWords(cells: Cell[], w: Words): Cell[] {
  const ofQ = new Map<number, Cell>();
  const ofS = new Map<number, Cell>();
  for (const c of cells) {
    for (const q of c.q) ofQ.set(q, c);
    for (const s of c.s) ofS.set(s, c);
  }
  const todo = cells.filter(c => c.changed);
  const touch = (c: Cell | undefined): void => {
    if (c && !c.changed) { c.changed = true; todo.push(c); }
  };
  for (let c = todo.pop(); c; c = todo.pop()) {
    for (const q of c.q) {
      if (draftJoined(w, q - 1, q)) touch(ofQ.get(q - 1));
      if (draftJoined(w, q, q + 1)) touch(ofQ.get(q + 1));
    }
    for (const s of c.s) {
      if (sourceJoined(w, s - 1, s)) touch(ofS.get(s - 1));
      if (sourceJoined(w, s, s + 1)) touch(ofS.get(s + 1));
    }
  }
  return cells;
}

/**
 * What stands between two words printed as one: an apostrophe or a hyphen ("they'll", "long-term"), a full stop
 * between single letters ("U.S."), or a comma, full stop, colon or slash between figures ("1,000", "3.5").
 */
function joins(text: string, a: number, b: number): boolean {
  const between = text.slice(a, b);
  if (between.length !== 1) return false;
  if (/['’\-‐‑]/u.test(between)) return true;
  const before = text[a - 1] ?? '';
  const after = text[b] ?? '';
  if (/[.,:/]/.test(between) && /\d/.test(before) && /\d/.test(after)) return true;
  return between === '.' && /\p{L}/u.test(before) && /\p{L}/u.test(after) && !/\p{L}/u.test(text[a - 2] ?? '') && !/\p{L}/u.test(text[b + 1] ?? '');
}

function draftJoined(w: Words, q: number, r: number): boolean {
  const x = w.pattern.elements[q];
  const y = w.pattern.elements[r];
  return !!x && !!y && 'word' in x && 'word' in y && joins(w.quote, x.word.end, y.word.start);
}

function sourceJoined(w: Words, s: number, t: number): boolean {
  const { span } = w;
  const i = s - span.from;
  return i >= 0 && t - span.from < span.starts.length && joins(span.doc.text, span.ends[i], span.starts[t - span.from]);
}

interface Part { changed: boolean; lastOp: AlignOp['op']; cells: number; swap: boolean; draft?: Run; source?: Run }
interface Run { from: number; to: number }

/**
 * The cells as parts of the draft's and the source's words: unchanged runs, and changes of one kind (or printed as
 * one word) merged. A part of consecutive words is their printed text, punctuation inside it kept ("U.S." of
 * "(U.S.)", not "U S").
 */
function partsOf(cells: readonly Cell[], w: Words): DiffPart[] {
  const parts: Part[] = [];
  for (const c of cells) {
    const last = parts[parts.length - 1];
    const q = c.q.length ? { from: c.q[0], to: c.q[c.q.length - 1] } : undefined;
    const s = c.s.length ? { from: c.s[0], to: c.s[c.s.length - 1] } : undefined;
    const follows = last && last.changed === c.changed && continues(last.draft, q) && continues(last.source, s);
    const merged = follows && c.op !== 'swap' && !last.swap && (last.lastOp === c.op
      || (c.changed && ((q && last.draft && draftJoined(w, last.draft.to, q.from)) || (s && last.source && sourceJoined(w, last.source.to, s.from))
        || last.lastOp === 'equal' || c.op === 'equal')));
    if (merged) {
      if (q) last.draft = last.draft ? { from: last.draft.from, to: q.to } : q;
      if (s) last.source = last.source ? { from: last.source.from, to: s.to } : s;
      last.lastOp = c.op;
      last.cells++;
    } else parts.push({ changed: c.changed, lastOp: c.op, cells: 1, swap: c.op === 'swap', draft: q, source: s });
  }
  return parts.map(p => {
    if (p.swap) {
      return { op: 'replace', draft: `${draftWords(w, p.draft!.from, p.draft!.from)} ${draftWords(w, p.draft!.to, p.draft!.to)}`,
        source: `${sourceWords(w.span, p.source!.from, p.source!.from)} ${sourceWords(w.span, p.source!.to, p.source!.to)}` };
    }
    const draft = p.draft && draftWords(w, p.draft.from, p.draft.to);
    const source = p.source && sourceWords(w.span, p.source.from, p.source.to);
    // A word taken in with a changed one it is printed with, left on its own (never "'X' where the source says 'X'").
    const op: DiffPart['op'] = !p.changed || draft === source ? 'equal' : draft !== undefined && source !== undefined ? 'replace' : draft !== undefined ? 'insert' : 'delete';
    return { op, ...(draft !== undefined && { draft }), ...(source !== undefined && { source }) };
  });
}

/** Whether a cell's words (or none) follow a part's (or none) on one side: the next word, or no word on either. */
function continues(run: Run | undefined, next: Run | undefined): boolean {
  return next === undefined || run === undefined || next.from === run.to + 1;
}

function wordOf(pattern: QuotePattern, q: number): { id: number; start: number; end: number } {
  return (pattern.elements[q] as { word: { id: number; start: number; end: number } }).word;
}

/** The draft quotation's printed text from pattern element `from` to `to` (elements that are not words left out). */
function draftWords(w: Words, from: number, to: number): string {
  const words = w.pattern.elements.slice(from, to + 1).flatMap(el => 'word' in el ? [el.word] : []);
  return words.length ? w.quote.slice(words[0].start, words[words.length - 1].end) : '';
}

/** The source's printed text of its words `from` to `to`, with the full stop of an abbreviation at the end ("U.S."). */
function sourceWords(span: SourceSpan, from: number, to: number): string {
  const text = span.doc.text;
  const start = span.starts[from - span.from];
  let end = span.ends[to - span.from];
  if (text[end] === '.' && text[end - 2] === '.') end++;
  return text.slice(start, end);
}
