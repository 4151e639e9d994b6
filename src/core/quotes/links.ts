import type { AlignOp } from './align';
import type { QuotePattern } from './pattern';

/**
 * Markdown inline links inside a quotation: “We will [review every contract](https://x.test) this year”. The quoted
 * words are the link's text; its brackets and target are syntax, not words (as square brackets alone are editorial).
 */
export interface InlineLink {
  /** Offsets in the quotation's text: its `[` (-1 when it stands before the quotation), the `]` before `(`, and the end of `(target)`. */
  readonly open: number;
  readonly close: number;
  readonly end: number;
  /** Markup other than a link: emphasis (`*…*`, `**…**`, `_…_`), or a footnote marker (`[^1]`, no words inside). */
  readonly kind?: 'emphasis' | 'footnote';
  /** Where the opening syntax ends (`open + 1` for a link's `[`). */
  readonly openEnd?: number;
}

/**
 * The Markdown markup of a quotation that a suggestion keeps around the same words: inline links, emphasis and
 * footnote markers, in text order, none inside another (emphasis around a link is left out: a fix then drops it, so
 * it offers none, see `strayMarkup`).
 */
export function inlineMarkup(text: string, markdown: boolean): InlineLink[] {
  const links = markdown && text.includes('](') ? inlineLinks(text) : [];
  const out = [...links];
  const free = (from: number, to: number): boolean => !out.some(l => l.end > from && Math.max(l.open, 0) < to);
  if (markdown) {
    for (const m of text.matchAll(FOOTNOTE)) if (free(m.index!, m.index! + m[0].length)) out.push({ kind: 'footnote', open: m.index!, openEnd: m.index!, close: m.index!, end: m.index! + m[0].length });
  }
  if (/[*_]/.test(text)) {
    for (const m of text.matchAll(EMPHASIS)) {
      const open = m.index!;
      const end = open + m[0].length;
      const run = m[1].length;
      if (free(open, end)) out.push({ kind: 'emphasis', open, openEnd: open + run, close: end - run, end });
    }
  }
  return out.sort((a, b) => a.open - b.open);
}

/** A footnote reference `[^1]`, not its definition (`[^1]:`). */
const FOOTNOTE = /\[\^[^\]\s]+\](?!:)/g;
/**
 * Emphasis as CommonMark reads it in prose: a run of one to three `*` or `_` that opens before a non-space and closes
 * after one, not inside a word, within a paragraph.
 */
const EMPHASIS = /(?<![*_\\\p{L}\p{N}])(\*{1,3}|_{1,3})(?=[^\s*_])((?:[^\n]|\n(?![ \t]*\n))*?[^\s*_\\])\1(?![*_\p{L}\p{N}])/gu;

/** Emphasis or underscore marks left in a quotation once its markup is taken out: a fix would drop them. */
export function strayMarkup(text: string, markup: readonly InlineLink[]): boolean {
  return /[*_]/.test(withoutLinkSyntax(text, markup, ''));
}

/** What a fix would drop, in words: "a link", "the emphasis", "a footnote marker". */
export function markupNames(markup: readonly InlineLink[]): string {
  const names = new Set(markup.map(m => (m.kind === 'emphasis' ? 'emphasis' : m.kind === 'footnote' ? 'a footnote marker' : 'a link')));
  return [...names].join(' or ');
}

/**
 * The inline links `[text](target)` of a quotation's text, each target on one line (a target may hold one pair of
 * parentheses: `(https://x.test/a_(b))`). One pass: the next `)` and line end are found once per position.
 */
export function inlineLinks(text: string): InlineLink[] {
  const out: InlineLink[] = [];
  let open = -1;
  const nextParen = nextOf(text, ')');
  const nextInner = nextOf(text, '(');
  const nextNewline = nextOf(text, '\n');
  for (let at = 0; at < text.length; at++) {
    const c = text[at];
    if (c === '[') open = at;
    else if (c === '\n') open = -1;
    else if (c === ']') {
      if (text[at + 1] === '(') {
        const newline = nextNewline(at);
        const lineEnd = newline < 0 ? text.length : newline;
        let end = nextParen(at + 2);
        const inner = nextInner(at + 2);
        if (end >= 0 && inner >= 0 && inner < end) end = nextParen(end + 1);
        if (end >= 0 && end < lineEnd) {
          out.push({ open, close: at, end: end + 1 });
          at = end;
        }
      }
      open = -1;
    }
  }
  return out;
}

/** The next `c` at or after a position, for positions that only grow: each search starts where the last one ended. */
function nextOf(text: string, c: string): (from: number) => number {
  let found = -2;
  return from => {
    if (found !== -1 && found < from) found = text.indexOf(c, from);
    return found;
  };
}

/** `text` with the links' syntax replaced by `fill` (a space: same length, so word offsets hold; or nothing). */
export function withoutLinkSyntax(text: string, links: readonly InlineLink[], fill = ' '): string {
  let out = '';
  let at = 0;
  for (const l of links) {
    const openEnd = l.openEnd ?? l.open + 1;
    if (l.open >= 0) out += text.slice(at, l.open) + fill.repeat(openEnd - l.open) + text.slice(openEnd, l.close);
    else out += text.slice(at, l.close);
    out += fill.repeat(l.end - l.close);
    at = l.end;
  }
  return out + text.slice(at);
}

/** What to print before and after a source word in a suggestion: a link's `[` and its `](target)`. */
export interface WordMark { before: string; after: string }

/**
 * Where the draft's links go in the source's wording: each link's `[` before the source word its first aligned
 * word stands for, its `](target)` after the one its last aligned word stands for. Undefined when a link cannot be
 * kept: none of its words stands for a source word (the source does not say them), the links would cross, or a
 * link opens before the quotation. Then the suggestion must not replace the quotation: the link would be lost.
 */
export function linkMarks(text: string, links: readonly InlineLink[], pattern: QuotePattern, ops: readonly AlignOp[]): Map<number, WordMark> | undefined {
  const sourceOf = new Map<number, number>();
  // A draft word that stands for one source word: the same word, or one replaced between two unchanged ones ("*gas*"
  // for "oil"); emphasis and footnote markers go only on such words (a replace beside a dropped word may pair the
  // emphasised word with another: "*deal*" for "this" where the source says "oil contract this").
  const oneForOne = new Set<number>();
  const kept = (k: number): boolean => k < 0 || k >= ops.length || ops[k].op === 'equal' || ops[k].op === 'gap';
  ops.forEach((op, k) => {
    if (op.op === 'equal' || op.op === 'replace') sourceOf.set(op.q, op.s);
    else if (op.op === 'swap') { sourceOf.set(op.q, op.s + 1); sourceOf.set(op.q + 1, op.s); }
    if (op.op === 'equal' || (op.op === 'replace' && kept(k - 1) && kept(k + 1))) oneForOne.add(op.q);
  });
  const marks = new Map<number, WordMark>();
  const mark = (s: number): WordMark => {
    let m = marks.get(s);
    if (!m) marks.set(s, (m = { before: '', after: '' }));
    return m;
  };
  let previous = -1;
  for (const l of links) {
    if (l.open < 0) return undefined;
    const openEnd = l.openEnd ?? l.open + 1;
    if (l.close === openEnd) {
      // A footnote marker: after the source word that the draft's word right before it stands for.
      let before = -1;
      pattern.elements.forEach((el, q) => { if ('word' in el && el.word.end === l.open) before = q; });
      const s = sourceOf.get(before);
      if (s === undefined || s < previous || !oneForOne.has(before)) return undefined;
      mark(s).after += text.slice(l.close, l.end);
      previous = s;
      continue;
    }
    const positions: number[] = [];
    let loose = false;
    pattern.elements.forEach((el, q) => {
      if (!('word' in el) || el.word.start < openEnd || el.word.end > l.close) return;
      if (sourceOf.has(q)) positions.push(sourceOf.get(q)!);
      if (l.kind === 'emphasis' && !oneForOne.has(q)) loose = true;
    });
    if (!positions.length || loose) return undefined;
    const first = Math.min(...positions);
    const last = Math.max(...positions);
    if (first <= previous) return undefined;
    mark(first).before += text.slice(l.open, openEnd);
    mark(last).after += text.slice(l.close, l.end);
    previous = last;
  }
  return marks;
}
