import { continuedSpeaker } from './continuedQuote';
import { speakerAt } from './speaker';
import type { Speaker } from './speakerType';
import { reopensQuotation } from './straightMarks';

/** Characters of a source line read on each side of a quotation's words for its marks. */
const LINE_REACH = 20000;
const OPENERS = '"“„«「『';
const CLOSERS = '"”»」』';
/** Corner brackets close a quotation whatever follows them (`」と述べた`): they are never an apostrophe. */
const CORNER_CLOSERS = '」』';

/**
 * The speaker a source gives to its words at `text[start..end)`: read around the quotation marks that enclose them
 * on their line. Words that stand outside quotation marks (the source reports them) have no speaker here.
 */
export function sourceSpeakerAt(text: string, start: number, end: number, floor: number): Speaker | undefined {
  // A line is read at most LINE_REACH characters back and on: past that (a source printed on one line), the marks
  // around the words cannot be paired cheaply, and a source speaker not read is safer than a wrong one.
  const reach = Math.max(floor, start - LINE_REACH);
  let lineStart = start;
  while (lineStart > reach && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (lineStart === reach && reach > floor && text.charCodeAt(reach - 1) !== 10) return undefined;
  let open = -1;
  let inside = false;
  // The straight mark that opened the quotation `open` goes on from (`…a lot. "But`): its first paragraph's mark.
  let first = -1;
  for (let i = lineStart; i < start; i++) {
    const c = text[i];
    if (c === '"') {
      if (!inside) { inside = true; open = first = i; }
      else if (reopensQuotation(text, i)) open = i;
      else { inside = false; open = first = -1; }
    }
    else if (OPENERS.includes(c)) open = first = i;
    else if (CLOSERS.includes(c)) open = first = -1;
  }
  if (open < 0) return undefined;
  // Words inside a quotation within the quotation ("When he told me ‘…’ I laughed") are another's, whom the outer
  // speaker quotes: no speaker is read for them (the outer speaker's name would be written over a correct draft's).
  if (insideInnerQuotation(text, open + 1, start)) return undefined;
  const lineEnd = Math.min(text.length, end + LINE_REACH);
  let close = -1;
  for (let i = end; i < lineEnd && text.charCodeAt(i) !== 10; i++) {
    if (CORNER_CLOSERS.includes(text[i]) || (CLOSERS.includes(text[i]) && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? ' '))) { close = i; break; }
  }
  // A paragraph that opens with a mark and names no speaker goes on with the quotation of the paragraph before.
  if (open === first || first < 0) return speakerAt(text, open, close, floor) ?? continuedSpeaker(text, lineStart, open, close, floor);
  // A paragraph printed on the line of the one before (`Smith said: "We have done a lot. "But…`) goes on with its
  // quotation: the speaker read before that quotation's first mark, when the mark stands where a quotation opens (not
  // the apostrophe of `Kuwait"s`).
  return speakerAt(text, open, close, floor)
    ?? (/[\s:(]/.test(text[first - 1] ?? ' ') ? speakerAt(text, first, -1, floor) ?? continuedSpeaker(text, lineStart, first, -1, floor) : undefined);
}

/** Whether an inner quotation (‘…’ or a single straight mark opening before a word) is open at `to`, read from `from`. */
function insideInnerQuotation(text: string, from: number, to: number): boolean {
  const letter = (i: number): boolean => /[\p{L}\p{N}]/u.test(text[i] ?? ' ');
  let open = false;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '‘') open = true;
    else if (c === '’' && !(letter(i - 1) && letter(i + 1))) open = false;
    else if (c === "'") {
      if (!open && !letter(i - 1) && letter(i + 1)) open = true;
      else if (open && !letter(i + 1)) open = false;
    }
  }
  return open;
}
