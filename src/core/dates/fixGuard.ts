import { dayNumber, keyAt, weekdayOf } from './calendar';
import { firstIn, firstInRange, isOwnDocument, sharedCount } from './dateSearch';
import type { DateMention } from './mentions';
import type { SentencePairing } from './pairing';
import type { ResolvedSourceDates } from './sourceDateTable';
import { isDateline, type SourceDate } from './sourceDates';
import { namesPartOfMonth } from './monthParts';
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


/**
 * Whether words around either date make a fix of the draft's date unsafe, though the dates differ: a part of the month
 * named on either side ("at the end of April" against "end of May" was fixed to "at the May 1987"); a source sentence
 * that counts the statement's day from its date ("met on Monday, April 7, and raised the rate a day later"); a draft
 * writing its year and a weekday that fits it, against another year ("opened on Tuesday, April 8, 2025" against last
 * year's edition, "Monday, April 8, 2024": that year was meant, not mistyped).
 */
export function otherWordsAroundDay(draft: string, m: DateMention, other: SourceDate): boolean {
  return namesPartOfMonth(draft, m) || namesPartOfMonth(other.doc.text, other.mention)
    || COUNTED_FROM_DATE.test(other.doc.text.slice(other.sentence.start, other.sentence.end))
    || (m.statedWeekday !== undefined && m.yearStated && other.mention.date.year !== m.date.year);
}

/** Words of a day counted from another in the same sentence ("a day later", "the next day", "two days earlier"). */
const COUNTED_FROM_DATE = /\b(?:(?:a|one|two|three|four|five|six|seven|\d+)\s+(?:days?|weeks?)\s+(?:later|earlier|after(?:wards)?|before)|the\s+(?:next|following|previous)\s+day|the\s+day\s+(?:after|before))\b/i;

/**
 * Whether the day of a draft's wrong weekday ("Monday, April 8, 2025") may be what is wrong, so that the weekday is not
 * fixed: the statement's source gives, in its role, another day within six days that falls on the draft's weekday
 * ("Monday, April 7"), and no paired sentence gives the draft's day.
 */
export function dayOnWeekdayNear(m: DateMention, pairing: SentencePairing, sources: ResolvedSourceDates): boolean {
  const r = pairing.roles.get(m)?.mention.date;
  const d = m.date;
  if (r?.day === undefined || r.month === undefined || d.day === undefined || d.month === undefined) return false;
  const days = Math.abs(dayNumber(r) - dayNumber(d));
  return days > 0 && days <= 6 && weekdayOf(r.year, r.month, r.day) === m.statedWeekday && !pairedSentencesGive(pairing, sources, keyAt(d, 'day')!);
}

/** Whether a sentence paired with the draft's gives the day `key` (another source may give the draft's day). */
function pairedSentencesGive(pairing: SentencePairing, sources: ResolvedSourceDates, key: string): boolean {
  const { firstDate } = sources.sentences;
  return pairing.sentences.some(i => {
    for (let k = firstDate[i]; k < firstDate[i + 1]; k++) if (!isDateline(sources.all[k]) && keyAt(sources.all[k].mention.date, 'day') === key) return true;
    return false;
  });
}
