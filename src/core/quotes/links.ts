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
    if (l.open >= 0) out += text.slice(at, l.open) + fill + text.slice(l.open + 1, l.close);
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
  for (const op of ops) {
    if (op.op === 'equal' || op.op === 'replace') sourceOf.set(op.q, op.s);
    else if (op.op === 'swap') { sourceOf.set(op.q, op.s + 1); sourceOf.set(op.q + 1, op.s); }
  }
  const marks = new Map<number, WordMark>();
  const mark = (s: number): WordMark => {
    let m = marks.get(s);
    if (!m) marks.set(s, (m = { before: '', after: '' }));
    return m;
  };
  let previous = -1;
  for (const l of links) {
    if (l.open < 0) return undefined;
    const positions: number[] = [];
    pattern.elements.forEach((el, q) => {
      if ('word' in el && el.word.start > l.open && el.word.end <= l.close && sourceOf.has(q)) positions.push(sourceOf.get(q)!);
    });
    if (!positions.length) return undefined;
    const first = Math.min(...positions);
    const last = Math.max(...positions);
    if (first <= previous) return undefined;
    mark(first).before += text[l.open];
    mark(last).after += text.slice(l.close, l.end);
    previous = last;
  }
  return marks;
}
