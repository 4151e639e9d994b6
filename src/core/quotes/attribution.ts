import type { SourceSpan } from '../sources/library';
import type { QuoteContext } from './evidence';
import type { QuoteMatch } from './match';
import { isTitleOrRole } from './speakerNames';
import { maySameSpeaker } from './speakerType';
import { speakerInSource } from './sourcePlaces';

/** Quotations shorter than this may be common phrases: a different speaker proves little without the story. */
const MISATTRIBUTION_WORDS = 6;

/**
 * The source speaker to name when the draft gives verbatim words to a named person and a source holding them names
 * someone else, while no source names the draft's speaker (nor anyone who may be the same person).
 */
export function misattribution(holders: readonly QuoteMatch[], spans: readonly SourceSpan[], words: number,
  context: QuoteContext, sameStatement: (m: QuoteMatch) => boolean): { index: number; name: string } | undefined {
  const draftSpeaker = context.speaker();
  if (!draftSpeaker?.names.length) return undefined;
  let found: { index: number; name: string } | undefined;
  for (let k = 0; k < holders.length; k++) {
    const span = spans[k];
    const start = span.starts[0];
    const end = span.ends[span.ends.length - 1];
    const speaker = speakerInSource(span.doc, start, end);
    // A source's "he said" may stand for someone named sentences before, and one bare word may be an organisation:
    // too weak to call the draft wrong.
    if (!speaker?.names.length || speaker.viaPronoun || speaker.bare) continue;
    // The draft's speaker anywhere in the source (by surname) may be who the source quotes, through someone else.
    if (maySameSpeaker(draftSpeaker, speaker) || mentions(span.doc.text, draftSpeaker.names[draftSpeaker.names.length - 1])) return undefined;
    const sameStory = words >= MISATTRIBUTION_WORDS || context.stories.has(holders[k].doc) || sameStatement(holders[k]);
    if (!found && sameStory) found = { index: k, name: fullName(span.doc.text, span.doc.text.slice(speaker.start, speaker.end)) };
  }
  return found;
}

/** A surname as the text names its person in full ("Putin" → "Vladimir Putin"), for the speaker a fix writes. */
function fullName(text: string, name: string): string {
  if (/\s/.test(name)) return name;
  const full = new RegExp(String.raw`(?<![\p{L}\p{M}])(?:[\p{Lu}][\p{Ll}\p{M}'’-]+\s+){1,2}${literal(name)}(?![\p{L}\p{M}])`, 'u').exec(text);
  if (!full) return name;
  const words = full[0].split(/\s+/);
  while (words.length > 1 && isTitleOrRole(words[0])) words.shift();
  return words.join(' ');
}

/**
 * Whether the name word (lower-cased) stands in the text as a word with a capital first letter: "Lane", not the "lane"
 * of a road; "EFF" and "McDonald" too, which capitalising the first letter alone would not find.
 */
function mentions(text: string, word: string): boolean {
  const anyCase = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}])${literal(word)}(?![\p{L}\p{M}\p{N}])`, 'giu');
  for (let m = anyCase.exec(text); m; m = anyCase.exec(text)) if (/^\p{Lu}/u.test(m[0])) return true;
  return false;
}

/** A text as a regular expression that matches it literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
