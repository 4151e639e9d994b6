/**
 * Words that stand only in strangers' stories: a short common phrase ("we are very pleased with") that an unrelated
 * archive story gives to someone else proves neither that the draft's speaker said it (verified) nor that someone
 * else did (misattributed: the draft's story was never among the sources). When every source holding the words is
 * such a story, the quotation has no source: *unsourced*, the stranger's passage named as the nearest, with no fix,
 * as a misquote's nearest passage spoken by a stranger is (verdict.ts, `strangerSpoke`).
 */
import type { SourceSpan } from '../sources/library';
import { fullName, mayBeTheDraftSpeakers } from './attribution';
import type { QuoteContext } from './evidence';
import type { QuoteMatch } from './match';
import { speakerInSource } from './sourcePlaces';
import { MAX_SOURCES } from './verbatimPlaces';

/**
 * The person the first holder (`holders`, one per document, of the quotation's verbatim places) gives the words to, when the draft names its speaker (not "he said") and every holder
 * is a stranger's story: none holds another of the draft's quotations or shows the same statement (`sameStatement`:
 * one of the story's own sources, shared context), and each names its speaker as a person (not a role, a pronoun or
 * one bare word) who may not be the draft's. Undefined when any holder may be the draft's speaker's words, or when
 * the holders found may be only some of them.
 */
export function strangersOnly(holders: readonly QuoteMatch[], spans: readonly SourceSpan[], places: number, context: QuoteContext,
  sameStatement: (m: QuoteMatch) => boolean): string | undefined {
  // The search keeps at most MAX_SOURCES places (`places`: how many it kept), the first in the library: with as many,
  // the draft's own story may hold the words too, unseen.
  if (!holders.length || places >= MAX_SOURCES) return undefined;
  const draftSpeaker = context.speaker();
  if (!draftSpeaker?.names.length || draftSpeaker.viaPronoun) return undefined;
  let first: string | undefined;
  for (let k = 0; k < holders.length; k++) {
    if (context.stories.has(holders[k].doc) || sameStatement(holders[k])) return undefined;
    const span = spans[k];
    const start = span.starts[0];
    const end = span.ends[span.ends.length - 1];
    const speaker = speakerInSource(span.doc, start, end);
    if (!speaker?.names.length || speaker.bare || speaker.viaPronoun) return undefined;
    if (mayBeTheDraftSpeakers(span.doc.text, start, end, speaker, draftSpeaker)) return undefined;
    first ??= fullName(span.doc.text, span.doc.text.slice(speaker.start, speaker.end));
  }
  return first;
}
