import { keyAt } from './calendar';
import { firstIn, firstInRange, isOwnDocument, sharedCount } from './dateSearch';
import type { DateMention } from './mentions';
import type { SentencePairing } from './pairing';
import type { ResolvedSourceDates } from './sourceDateTable';
import { isDateline, type SourceDate } from './sourceDates';
import { rangeEndAlone } from './rangeFindings';
import { isoValue } from './value';

/**
 * Whether the draft's own date (`own`, its key) stands near the statement whose date `other` contradicts it: then the
 * contradiction is shown, never written in. Either a sentence near the statement (sharing two of its words) gives it
 * ("Price was charged in 2021." beside a lead "jailed … in 2024" that an apposition of the draft repeats: which is the
 * statement's date is not for a rule to say; read whatever the best sentence shares), or the story of the role's date,
 * or the story's other sources, give it anywhere ("This year it will run from 26-30 June" after last year's "21-25
 * June"; a strike's second phase; an adjourned trial's new dates): the draft may tell that statement in words it does
 * not share.
 */
export function draftDateNearRole(m: DateMention, own: string, other: SourceDate, pairing: SentencePairing, sources: ResolvedSourceDates): boolean {
  const gives = (s: SourceDate): boolean => s.mention.explicit && keyAt(s.mention.date, m.granularity) === own && !isDateline(s);
  const nearTwice = (s: SourceDate): boolean => gives(s) && sharedCount(s, pairing.words) >= 2;
  if (sources.ownSources) return sources.byKey.get(own)?.some(gives) ?? false;
  if (firstIn(pairing.documents, doc => firstInRange(sources.all, sources.byDocument.get(doc)!, nearTwice)) !== undefined) return true;
  if (firstInRange(sources.all, sources.byDocument.get(other.doc)!, gives) !== undefined) return true;
  return isOwnDocument(sources, other.doc)
    && firstIn(sources.ownDocuments, ([, from, to]) => firstInRange(sources.all, [from, to], gives)) !== undefined;
}

/**
 * Whether a fix of the draft's date would leave a range half changed: the date is one end of a range whose other end
 * is no mention of its own ("1914-18", "the 2013/14 season"), so the fix replaces this end only ("2019-20" fixed to
 * "2020-20"). Sound only when the source's date is the start of a range with the draft's end ("1985-87" for "1984-87").
 */
export function halfOfRange(m: DateMention, mentions: readonly DateMention[], other: SourceDate): boolean {
  if (!rangeEndAlone(m, mentions)) return false;
  const [start, end] = m.range!.split('/');
  const [otherStart, otherEnd] = other.mention.range?.split('/') ?? [];
  return !(start === isoValue(m.date) && otherStart === isoValue(other.mention.date) && otherEnd === end);
}

