import type { SourceRef } from '../findings';
import type { SourceDocument } from './document';

/** A reference to `text[start..end)` of a source document, with the sentence around it. */
export function sourceRef(doc: SourceDocument, start: number, end: number): SourceRef {
  const { line, column } = doc.position(start);
  const last = doc.position(end);
  const fileStart = doc.fileOffset(start);
  return {
    path: doc.path,
    title: doc.meta.title,
    outlet: doc.meta.outlet,
    date: doc.meta.date,
    url: doc.meta.url,
    start: fileStart,
    end: Math.max(fileStart, doc.fileOffset(end)),
    line,
    column,
    endLine: last.line,
    endColumn: last.column,
    text: doc.text.slice(start, end),
    passage: sentenceAround(doc.text, start, end, doc.bodyStart),
  };
}

const MAX_PASSAGE = 600;

function sentenceAround(text: string, start: number, end: number, floor: number): string {
  const [s, e] = passageBounds(text, start, end, floor);
  return text.slice(s, e).trim();
}

/** [start, end) of the sentence around `text[start..end)` (at most about MAX_PASSAGE characters), never before `floor`. */
export function passageBounds(text: string, start: number, end: number, floor: number): [number, number] {
  let s = start;
  const sMin = Math.max(floor, start - MAX_PASSAGE / 2);
  while (s > sMin && text.charCodeAt(s - 1) !== NEWLINE && !sentenceEndsBefore(text, s, floor)) s--;
  let e = end;
  const eMax = Math.min(text.length, end + MAX_PASSAGE / 2);
  while (e < eMax && text.charCodeAt(e) !== NEWLINE && !(e > 0 && (isStop(text.charCodeAt(e - 1)) || isWideStop(text.charCodeAt(e - 1))))) e++;
  while (e < text.length && (isCloser(text.charCodeAt(e)) || isWideCloser(text.charCodeAt(e)))) e++;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

const NEWLINE = 10;
const isStop = (c: number): boolean => c === 46 || c === 33 || c === 63; // . ! ?
const isCloser = (c: number): boolean => c === 34 || c === 0x201d || c === 0x2019 || c === 41; // " ” ’ )
const isQuoteMark = (c: number): boolean => c === 34 || c === 0x201d || c === 0x2019; // " ” ’
/** Chinese and Japanese end a sentence with 。！？ (or their full-width and half-width forms), and no space after. */
const isWideStop = (c: number): boolean => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff0e || c === 0xff61; // 。！？．｡
const isWideCloser = (c: number): boolean => c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x201d || c === 0x2019; // 」』）” ’

/**
 * Whether a sentence ends just before `s`: a full stop, ! or ?, maybe a closing quote, then a space; or a Chinese or
 * Japanese stop, maybe a closing mark (`。」`), with or without a space.
 */
function sentenceEndsBefore(text: string, s: number, floor: number): boolean {
  if (s - 2 < floor) return false;
  const c = text.charCodeAt(s - 1);
  if (isWideStop(c)) return true;
  if (isWideCloser(c) && isWideStop(text.charCodeAt(s - 2))) return true;
  if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0 && !(c > 127 && /\s/.test(text[s - 1]))) return false;
  const before = text.charCodeAt(s - 2);
  if (isStop(before)) return true;
  return s - 3 >= floor && isQuoteMark(before) && isStop(text.charCodeAt(s - 3));
}
