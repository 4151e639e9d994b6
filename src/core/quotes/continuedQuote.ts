/**
 * A quotation that goes on from the paragraph before: a paragraph that opens with a quotation mark and names no
 * speaker continues the quotation that closes the paragraph before it. News prints one speaker's long quotation over
 * several paragraphs, each opening with a mark: the paragraph before leaves its quotation open (`Smith said: “We have
 * done a lot.` then `“But there is more to do.”`), or closes it with its attribution alone (`“We have done a lot,” he
 * told shareholders.` then `“There is more to do.”`). Anything else after the paragraph's last quotation (`“…” The
 * talks went on.`), or after the continued one (`“…” Jones said the talks went on.`), and the speaker is not known.
 */
import { readAfter } from './attributionRead';
import { speakerAt } from './speaker';
import { VERBS } from './speechPatterns';
import type { Speaker } from './speakerType';
import { reopensQuotation } from './straightMarks';

const OPENERS = '"“„«「『';
const CLOSERS = '"”»」』';
/** A speech verb: an attribution's sentence holds one ("“…” The talks went on." has none). */
const SPEECH_VERB = new RegExp(String.raw`\b(?:${VERBS})\b`, 'u');
/** Paragraphs read back through a quotation continued over several. */
const CONTINUED_PARAGRAPHS = 6;
/** Characters of a paragraph read for its last quotation. */
const PARAGRAPH_REACH = 20000;

/** A quotation's marks on a line: `close` is -1 when the line leaves it open. */
interface Marks { readonly open: number; readonly close: number }

/**
 * The speaker of the quotation opened at `open` and closed at `close` (-1: left open on its line) that the text
 * around it gives no speaker, as the quotation it continues: only when it opens its paragraph (which starts at
 * `lineStart`) and nothing but punctuation follows its close.
 */
export function continuedSpeaker(text: string, lineStart: number, open: number, close: number, floor: number, depth = CONTINUED_PARAGRAPHS): Speaker | undefined {
  if (depth <= 0 || !onlySpaceBetween(text, lineStart, open)) return undefined;
  if (close >= 0 && !/^[\s.,;:!?)\]]*$/.test(text.slice(close + 1, lineEndOf(text, close + 1, close + 200)))) return undefined;
  // The paragraph before: its last line that is not blank.
  let end = lineStart;
  while (end > floor && /\s/.test(text[end - 1])) end--;
  if (end <= floor) return undefined;
  let start = end;
  while (start > floor && end - start < PARAGRAPH_REACH && text.charCodeAt(start - 1) !== 10) start--;
  if (start > floor && text.charCodeAt(start - 1) !== 10) return undefined;
  const last = lastQuotationOn(text, start, end);
  if (!last) return undefined;
  if (last.close >= 0) {
    // Closed: the paragraph ends with it, or with its attribution alone (one sentence after the mark).
    const rest = text.slice(last.close + 1, end);
    if (!/^[\s.,;:!?)\]]*$/.test(rest) && !(readAfter(rest, last.close + 1) && SPEECH_VERB.test(rest) && !/[.!?]\s+\S/.test(rest.trim()))) return undefined;
  }
  return speakerAt(text, last.open, last.close, floor) ?? continuedSpeaker(text, start, last.open, last.close, floor, depth - 1);
}

/** The last quotation on the line `text[from..to)`, as the source's marks pair on it. */
function lastQuotationOn(text: string, from: number, to: number): Marks | undefined {
  let open = -1;
  let inside = false;
  let last: Marks | undefined;
  for (let i = from; i < to; i++) {
    const c = text[i];
    const closes: boolean = c === '"' ? inside && !reopensQuotation(text, i) : CLOSERS.includes(c);
    if (c === '"') inside = !closes;
    if (closes) {
      if (open >= 0) last = { open, close: i };
      open = -1;
    } else if (OPENERS.includes(c)) open = i;
  }
  return open >= 0 ? { open, close: -1 } : last;
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/\s/.test(text[i])) return false;
  return true;
}

/** Where the line holding `from` ends, read at most to `limit`. */
function lineEndOf(text: string, from: number, limit: number): number {
  const to = Math.min(text.length, limit);
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return i;
  return to;
}
