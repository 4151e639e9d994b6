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
  let s = start;
  while (s > floor && start - s < MAX_PASSAGE / 2 && text[s - 1] !== '\n' && !/[.!?]["”’]?\s$/.test(text.slice(Math.max(floor, s - 3), s))) s--;
  let e = end;
  while (e < text.length && e - end < MAX_PASSAGE / 2 && text[e] !== '\n' && !/[.!?]/.test(text[e - 1] ?? '')) e++;
  while (e < text.length && /["”’)]/.test(text[e])) e++;
  return text.slice(s, e).trim();
}
