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
  return cachedIn(refs, span.doc, placeKey(start, end), () => sourceRef(span.doc, ...printedBounds(span.doc.text, start, end)));
}

/** The speaker a source gives to its words at [start, end). */
export function speakerInSource(doc: SourceDocument, start: number, end: number): Speaker | undefined {
  return cachedIn(speakers, doc, placeKey(start, end), () => sourceSpeakerAt(doc.text, start, end, doc.bodyStart));
}

/**
 * What a source's text says at a place (a reference, a speaker) does not change while the document lives: read once
 * per document, however many checks of a draft ask again.
 */
const refs = new WeakMap<SourceDocument, Map<number | string, SourceRef>>();
const speakers = new WeakMap<SourceDocument, Map<number | string, Speaker | undefined>>();

function cachedIn<T>(cache: WeakMap<SourceDocument, Map<number | string, T>>, doc: SourceDocument, key: number | string, make: () => T): T {
  let byPlace = cache.get(doc);
  if (!byPlace) cache.set(doc, (byPlace = new Map()));
  const known = byPlace.get(key);
  if (known !== undefined || byPlace.has(key)) return known as T;
  const value = make();
  byPlace.set(key, value);
  return value;
}

/** Offsets below this make a key of one number (exact in a double); a text longer than that is keyed by a string. */
const NUMBER_KEYS_BELOW = 2 ** 21;

/** The key of a place [start, end) in a text: a number, not a string made and hashed for every look-up. */
function placeKey(start: number, end: number): number | string {
  return start < NUMBER_KEYS_BELOW && end < NUMBER_KEYS_BELOW ? start * NUMBER_KEYS_BELOW + end : `${start}:${end}`;
}
