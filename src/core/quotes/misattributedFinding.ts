import { finding, type Finding, type SourceRef } from '../findings';
import { nameStandsAlone } from './attribution';
import type { QuoteContext } from './evidence';

/** Words of an office or a rank that a source's name read may keep at its head. */
const OFFICE_AT_HEAD = /^(?:Exchequer|State|Commons|Lords|Treasury|Interior|Defence|Defense|Justice|Health|Education|Environment|Trade|Industry|Finance|Economy|Department|Ministry|Bank|Board|Council|Committee|Court|House|Office|Secretary|Minister|Chancellor|President|Governor|General|Presenter|Vice|Deputy|Chief|Director|Chairman|Chairwoman|Spokesman|Spokeswoman|Leader|Labour|Conservative|Tory|Democrat|Republican)\b/;

/** The finding of words the source gives to someone else (`other`, read by `misattribution`). */
export function misattributedFinding(base: Parameters<typeof finding>[0], draft: string, context: QuoteContext,
  other: { name: string; viaPronoun?: boolean; loose?: boolean }, source: SourceRef): Finding {
  const draftName = context.speaker()!;
  // A name read with an office's word at its head ("Exchequer Nigel Lawson" of "Chancellor of the Exchequer Nigel
  // Lawson", "General Kofi Annan") is shown, never written into the copy.
  const fix = draftName.viaPronoun || draftName.loose || other.viaPronoun || other.loose || !nameStandsAlone(draft, draftName) || OFFICE_AT_HEAD.test(other.name)
    ? undefined : { start: draftName.start, end: draftName.end, text: other.name, confidence: 'exact' as const };
  const named = draft.slice(draftName.start, draftName.end);
  return finding(base, {
    status: 'misattributed', source, sources: [source], fix,
    speakers: { draft: named, source: other.name },
    message: other.viaPronoun
      ? `Quote attributed to another speaker: the source gives these words to someone it calls "he" or "she" (likely ${other.name}) and never names ${named}`
      : `Quote attributed to another speaker: the source gives these words to ${other.name}, not ${named}`,
  });
}
