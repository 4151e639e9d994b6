import type { DiffPart } from '../findings';
import type { SourceSpan } from '../sources/library';
import type { Alignment, AlignOp } from './align';
import type { WordMark } from './links';
import type { QuotePattern } from './pattern';
import { standsAlone } from '../text/words';

/** How a misquote's suggestion and diff are worded from the source: whole printed words, within one sentence. */

/**
 * The alignment without an edge word replaced by a source word of another sentence: “Showers The company said”
 * against `results". The company said` added "Showers"; it did not change `results"`, and a suggestion starting
 * there would put the end of another quotation into the draft.
 */
export function withinSentence(span: SourceSpan, a: Alignment): Alignment {
  const text = span.doc.text;
  const between = (s: number, t: number): string => text.slice(span.ends[s - span.from], span.starts[t - span.from]);
  const ops = [...a.ops];
  const sourced = (o: AlignOp): o is AlignOp & { s: number } => 's' in o;
  const firstAt = ops.findIndex(sourced);
  const nextAt = ops.findIndex((o, k) => k > firstAt && sourced(o));
  const first = ops[firstAt];
  if (first?.op === 'replace' && nextAt > 0 && SENTENCE_BREAK.test(between(first.s, (ops[nextAt] as { s: number }).s))) {
    ops[firstAt] = { op: 'insert', q: first.q };
  }
  let lastAt = -1;
  for (let k = ops.length - 1; k >= 0; k--) if (sourced(ops[k])) { lastAt = k; break; }
  let prevAt = -1;
  for (let k = lastAt - 1; k >= 0; k--) if (sourced(ops[k])) { prevAt = k; break; }
  const last = ops[lastAt];
  if (last?.op === 'replace' && prevAt >= 0 && SENTENCE_BREAK.test(between((ops[prevAt] as { s: number }).s, last.s))) {
    ops[lastAt] = { op: 'insert', q: last.q };
  }
  if (ops.every((o, k) => o === a.ops[k])) return a;
  const positions = ops.filter(sourced).map(o => o.s);
  if (!positions.length) return a;
  const lastOp = ops.filter(sourced).at(-1)!;
  return { ...a, ops, start: Math.min(...positions), end: lastOp.s + (lastOp.op === 'swap' ? 2 : 1) };
}

/**
 * A sentence (or a quotation) ends between two words: a full stop, ! or ? after a word of two letters or more or a
 * closing mark (not the "U.S." of "U.S. industry"), maybe a closing quotation mark, then a space; or a double
 * quotation mark (`origin" status`); or a Chinese or Japanese stop or corner bracket (`。`, `」`), which need no space.
 */
const SENTENCE_BREAK = /(?:[\p{L}\p{N}]{2}|["”’)])[.!?]["”’)]*\s|["“”「」『』]|[。！？．｡]/u;


/**
 * The source's words for the aligned span, exactly as printed; parts skipped by an ellipsis become " … ". `marks`
 * (source word position → text) puts the draft's Markdown link syntax around the source words it belongs to.
 */
export function sourceWording(span: SourceSpan, a: Alignment, marks?: ReadonlyMap<number, WordMark>): string {
  const parts: string[] = [];
  let from = a.start;
  for (const op of a.ops) {
    if (op.op !== 'gap' || op.to <= op.from) continue;
    if (op.from > from) parts.push(spanText(span, from, op.from, marks));
    from = op.to;
  }
  if (a.end > from) parts.push(spanText(span, from, a.end, marks));
  return parts.join(' … ');
}

/** The source's text of words [from, to), widened to whole printed words, with the marks of its words. */
function spanText(span: SourceSpan, from: number, to: number, marks?: ReadonlyMap<number, WordMark>): string {
  const text = span.doc.text;
  const [s, e] = printedBounds(text, span.starts[from - span.from], span.ends[to - 1 - span.from]);
  const printed = (x: number, y: number): string => text.slice(x, y).replace(/\s+/g, ' ');
  if (!marks?.size) return printed(s, e);
  let out = '';
  let at = s;
  for (let w = from; w < to; w++) {
    const mark = marks.get(w);
    if (!mark) continue;
    const [ws, we] = printedBounds(text, Math.max(at, span.starts[w - span.from]), span.ends[w - span.from]);
    if (mark.before) { out += printed(at, Math.max(at, ws)) + mark.before; at = Math.max(at, ws); }
    if (mark.after) { out += printed(at, Math.max(at, we)) + mark.after; at = Math.max(at, we); }
  }
  return out + printed(at, e);
}

/**
 * `text[s..e)` widened to whole printed words: a word is "Company's", "Mohi-Uddin" or "0.2%", not "s" or "2". An
 * ideograph or kana is a printed word by itself (a Chinese clause is not one word).
 */
export function printedBounds(text: string, s: number, e: number): [number, number] {
  const fromStandalone = standsAlone(text, s);
  const toStandalone = e > 0 && standsAlone(text, e - 1);
  while (!fromStandalone && s > 0 && !standsAlone(text, s - 1) && (WORD_CHAR.test(text[s - 1]) || (JOINER.test(text[s - 1]) && s > 1 && WORD_CHAR.test(text[s - 2])))) s--;
  while (!toStandalone && e < text.length && !standsAlone(text, e) && (WORD_CHAR.test(text[e]) || text[e] === '%' || (JOINER.test(text[e]) && WORD_CHAR.test(text[e + 1] ?? ' ')))) e++;
  return [s, e];
}

export const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Characters that join the parts of one printed word: "Company's", "Mohi-Uddin", "0.2", "5,000", "M&S", "1987/88". */
const JOINER = /['’.,&/\-]/;

/**
 * The draft quotation's punctuation before its first word and after its last, around the source's wording. A combining
 * mark is part of its word, not punctuation: the draft's decomposed "Đà" keeps no stray accent after the source's.
 */
export function keepBoundaryPunctuation(draftQuote: string, wording: string): string {
  const lead = /^[^\p{L}\p{M}\p{N}]*/u.exec(draftQuote)?.[0] ?? '';
  const trail = /[^\p{L}\p{M}\p{N}]*$/u.exec(draftQuote)?.[0] ?? '';
  return lead + wording + trail;
}

export function diffOf(span: SourceSpan, quote: string, pattern: QuotePattern, a: Alignment): DiffPart[] {
  const parts: DiffPart[] = [];
  const dw = (q: number): string => {
    const el = pattern.elements[q];
    return 'word' in el ? quote.slice(el.word.start, el.word.end) : '';
  };
  const sw = (s: number): string => span.doc.text.slice(span.starts[s - span.from], span.ends[s - span.from]);
  const push = (op: DiffPart['op'], draftWords?: string, sourceWords?: string): void => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) {
      parts[parts.length - 1] = { op, draft: join(last.draft, draftWords), source: join(last.source, sourceWords) };
    } else parts.push({ op, draft: draftWords, source: sourceWords });
  };
  for (const op of a.ops) {
    if (op.op === 'equal') push('equal', dw(op.q), sw(op.s));
    else if (op.op === 'replace') push('replace', dw(op.q), sw(op.s));
    else if (op.op === 'insert') push('insert', dw(op.q));
    else if (op.op === 'delete') push('delete', undefined, sw(op.s));
    else if (op.op === 'swap') push('replace', `${dw(op.q)} ${dw(op.q + 1)}`, `${sw(op.s)} ${sw(op.s + 1)}`);
  }
  return parts;
}

function join(a?: string, b?: string): string | undefined {
  return a && b ? `${a} ${b}` : a ?? b;
}
