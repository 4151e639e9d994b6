import type { SourceRef } from '../findings';
import type { SourceDocument } from '../sources/document';
import type { SourceSpan } from '../sources/library';
import { sourceRef } from '../sources/sourceRef';
import { sourceSpeakerAt } from './sourceSpeaker';
import type { Speaker } from './speakerType';
import { printedBounds } from './wording';

/** The reference of a source span, widened to whole printed words. */
export function refOf(span: SourceSpan): SourceRef {
  const start = span.starts[0];
  const end = span.ends[span.ends.length - 1];
  return cachedIn(refs, span.doc, `${start}:${end}`, () => sourceRef(span.doc, ...printedBounds(span.doc.text, start, end)));
}

/** The speaker a source gives to its words at [start, end). */
export function speakerInSource(doc: SourceDocument, start: number, end: number): Speaker | undefined {
  return cachedIn(speakers, doc, `${start}:${end}`, () => sourceSpeakerAt(doc.text, start, end, doc.bodyStart));
}

/**
 * What a source's text says at a place (a reference, a speaker) does not change while the document lives: read once
 * per document, however many checks of a draft ask again.
 */
const refs = new WeakMap<SourceDocument, Map<string, SourceRef>>();
const speakers = new WeakMap<SourceDocument, Map<string, Speaker | undefined>>();

function cachedIn<T>(cache: WeakMap<SourceDocument, Map<string, T>>, doc: SourceDocument, key: string, make: () => T): T {
  let byPlace = cache.get(doc);
  if (!byPlace) cache.set(doc, (byPlace = new Map()));
  if (byPlace.has(key)) return byPlace.get(key) as T;
  const value = make();
  byPlace.set(key, value);
  return value;
}
