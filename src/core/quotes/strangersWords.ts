/**
 * Words that stand only in strangers' stories: a short common phrase ("we are very pleased with") that an unrelated
 * archive story gives to someone else proves neither that the draft's speaker said it (verified) nor that someone
 * else did (misattributed: the draft's story was never among the sources). When every source holding the words is
 * such a story, the quotation has no source: *unsourced*, the stranger's passage named as the nearest, with no fix,
 * as a misquote's nearest passage spoken by a stranger is (verdict.ts, `strangerSpoke`).
 */
import type { SourceLibrary, SourceSpan } from '../sources/library';
import { fullName, mayBeTheDraftSpeakers } from './attribution';
import type { Evidence, QuoteContext } from './evidence';
import type { Quotation } from './extract';
import type { QuoteMatch } from './match';
import { speakerInSource } from './sourcePlaces';
import { withoutAccents } from './nameSpelling';
import { maySameSpeaker } from './speakerType';
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
  if (!draftSpeaker?.names.length || draftSpeaker.viaPronoun || draftSpeaker.loose) return undefined;
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

/** Characters of the draft either side of a quotation where its speaker is named. */
const NAME_REACH = 300;

/**
 * The named person who speaks a misquote's passage when it is someone else than the draft's speaker, and the only
 * evidence that it is the same statement is its length, in an archive story that holds none of the draft's other
 * quotations: a stranger's words, not the speaker's misquoted. Not a pronoun's person, not one bare word.
 */
export function strangerSpoke(library: SourceLibrary, draft: string, q: Quotation, m: QuoteMatch, span: SourceSpan, context: QuoteContext,
  evidence: Evidence | undefined): string | undefined {
  if (evidence !== 'long' || library.isOwnSource(m.doc) || context.stories.has(m.doc)) return undefined;
  // The source's speaker first: read once per place of a document, where the draft's is read for each quotation.
  const source = speakerInSource(span.doc, span.starts[0], span.ends[span.ends.length - 1]);
  if (!source?.names.length || source.viaPronoun || source.bare) return undefined;
  // The draft names the source's speaker near the quotation: the same person, most likely (the draft's speaker is
  // read only otherwise: reading it costs more than the rest).
  const near = withoutAccents(draft.slice(Math.max(0, q.start - NAME_REACH), Math.min(draft.length, q.end + NAME_REACH)).toLowerCase());
  if (source.names.some(name => name.length > 1 && holdsWord(near, withoutAccents(name)))) return undefined;
  const draftSpeaker = context.speaker();
  if (!draftSpeaker?.names.length || draftSpeaker.viaPronoun || draftSpeaker.loose) return undefined;
  return maySameSpeaker(draftSpeaker, source) ? undefined : source.text;
}

/** Whether `word` stands in `text` as a whole word ("ian" is not in "canadian"). */
function holdsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!LETTER_OR_DIGIT.test(text[at - 1] ?? ' ') && !LETTER_OR_DIGIT.test(text[at + word.length] ?? ' ')) return true;
  }
  return false;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
