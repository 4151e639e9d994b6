import { dayNumber, dayNumberOfDay, keyAt } from './calendar';
import { mayTakeRole, mayTellRole, sameWordBefore } from './dateRoles';
import { guessedApart, mayContradict, onlyInYear, readAgainstGuess, sameRelation, sourceReference } from './guesses';
import type { DateMention } from './mentions';
import { MIN_SHARED_WORDS, type DraftSentence, type SentencePairing } from './pairing';
import type { ResolvedSourceDates } from './sourceDateTable';
import { isOwnDocument } from './dateSearch';
import { isDayOfSaying, type SourceDate } from './sourceDates';
import type { DateReference } from './verdict';

// The date of the source sentence most like a draft date's statement, when no rule gives a date its role.

/**
 * The one date of the best paired sentence that may stand in the draft date's role (`mayTakeRole`), if only one may;
 * a date that is another date of the draft's sentence ("between Feb 17 and March 9" against "began on Feb 17") is in
 * that one's role.
 */
export function likeliestDate(draft: string, m: DateMention, draftDates: readonly DateMention[], pairing: SentencePairing,
  sources: ResolvedSourceDates, reference: DateReference, relativeToo = false): SourceDate | undefined {
  const best = pairing.sentences[0];
  if (best === undefined) return undefined;
  const { firstDate } = sources.sentences;
  const saying = isDayOfSaying(draft, m.start, m.end);
  let found: SourceDate | undefined;
  for (let k = firstDate[best]; k < firstDate[best + 1]; k++) {
    const s = sources.all[k];
    // Only a date that names itself ("April 12, 1987"): another "Monday" would read as the draft's own. With
    // `relativeToo`, one told by a weekday or "yesterday" too, to be shown beside an unsupported date, never against it.
    if (!(relativeToo ? mayTellRole(m, s) : mayTakeRole(m, s) && s.mention.explicit) || inWireDateline(s)) continue;
    if (draftDates.some(o => o !== m && keyAt(s.mention.date, o.granularity) === keyAt(o.date, o.granularity))) continue;
    if (saying !== isDayOfSaying(s.doc.text, s.mention.start, s.mention.end)) continue;
    if (found) return undefined;
    found = s;
  }
  // One that cannot be set beside the draft's still makes the one there is uncertain.
  return found && !guessedApart(m, found, reference) ? found : undefined;
}

/**
 * Whether the best paired sentence gives a date that may stand in the draft date's role and show it wrong (its other
 * dates being the draft sentence's other dates): the statement has a date of its own.
 */
export function offersAnotherDate(draft: string, m: DateMention, draftDates: readonly DateMention[], pairing: SentencePairing,
  sources: ResolvedSourceDates, reference: DateReference): boolean {
  const best = pairing.sentences[0];
  if (best === undefined) return false;
  const { firstDate } = sources.sentences;
  const saying = isDayOfSaying(draft, m.start, m.end);
  for (let k = firstDate[best]; k < firstDate[best + 1]; k++) {
    const s = sources.all[k];
    if (!mayTakeRole(m, s) || saying !== isDayOfSaying(s.doc.text, s.mention.start, s.mention.end)) continue;
    if (draftDates.some(o => o !== m && keyAt(s.mention.date, o.granularity) === keyAt(o.date, o.granularity))) continue;
    if (mayContradict(m, s, reference) && sameRelation(draft, m, s)) return true;
  }
  return false;
}

/**
 * Whether the closest sentence's date may be said to contradict the draft's: as precise ("since 2019" is not "in April
 * 2025", a birth day not a year of retirement), and not the same day of another year that may be an anniversary: one
 * on the other side of the source's day ("will mark the anniversary … on August 1, 2025" beside "collapsed on August
 * 1, 2007"), or told as one. Both days past, the draft's year written: a wrong year ("named conservator on April 14,
 * 1985" beside "appointed … conservator … on April 14, 1986").
 */
export function sameKindOfDate(m: DateMention, s: SourceDate, sourceDay: Date, sentence: string): boolean {
  if (m.granularity !== s.mention.granularity) return false;
  if (m.date.day === undefined || !onlyInYear(m.date, s.mention.date)) return true;
  const story = dayNumberOfDay(sourceDay);
  return m.yearStated && dayNumber(m.date) < story && dayNumber(s.mention.date) < story && !ANNIVERSARY_WORDS.test(sentence);
}

/**
 * Whether the draft tells its day as another year's same day ("on July 10, 1995, a decade after the bombing", "held a
 * vigil on October 21, 2004"): then the source's day of that other year is not the draft's in its role.
 */
export function toldAsAnniversary(m: DateMention, s: SourceDate, sentence: string): boolean {
  return m.date.day !== undefined && onlyInYear(m.date, s.mention.date) && ANNIVERSARY_WORDS.test(sentence);
}

/** Words that tell a day as another one's anniversary. */
const ANNIVERSARY_WORDS = /\b(?:anniversary|anniversaries|(?:years?|decades?)\s+(?:ago|after|before|earlier|later|since|on|to\s+the\s+day)|twelve\s+months|same\s+(?:day|date)|to\s+the\s+day|commemorat\w*|memorial|vigil|remembrance)\b/i;

/** A wire story's date line in its text ("LONDON, May 12 (Reuters) -"): the day it was filed, not a date of its lede. */
function inWireDateline(s: SourceDate): boolean {
  const text = s.doc.text;
  return WIRE_PLACE_BEFORE.test(text.slice(Math.max(0, s.mention.start - 40), s.mention.start))
    && WIRE_AFTER.test(text.slice(s.mention.end, s.mention.end + 40));
}

const WIRE_PLACE_BEFORE = /(?:^|\n)\s*[A-Z][A-Z .'’-]+,\s*$/;
const WIRE_AFTER = /^,?\s*(?:\d{4}\s*)?(?:\([^)\n]{1,30}\)\s*)?[-–—]/;

/** A source's weekday ("on Thursday", not "yesterday") in the story's own sources, within six days of the draft's day. */
export function toldNear(m: DateMention, told: SourceDate, sources: ResolvedSourceDates): boolean {
  return (sources.ownSources || isOwnDocument(sources, told.doc)) && WEEKDAY.test(told.mention.text) && !RELATIVE_DAY.test(told.mention.text)
    && m.date.day !== undefined && told.mention.date.day !== undefined && Math.abs(dayNumber(m.date) - dayNumber(told.mention.date)) <= 6;
}
const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const RELATIVE_DAY = /\b(?:yesterday|today|tomorrow|tonight)\b/i;

/**
 * Whether a source date told by its weekday (`toldNear`) is the day of the draft date's statement: the best paired
 * sentence shares twice the words pairing needs, the two dates stand after the same word (review63: the sentence's
 * words are not the role's), and the date may be set against the draft's (the source has a date of its own, the same
 * relation, as precise).
 */
export function clearlyTold(draft: string, m: DateMention, told: SourceDate, pairing: SentencePairing,
  reference: DateReference, sentence: DraftSentence): boolean {
  return (pairing.shared[0] ?? 0) >= 2 * MIN_SHARED_WORDS && sameWordBefore(draft, m, sentence.start, told)
    && mayContradict(m, told, reference) && sameRelation(draft, m, told)
    && !readAgainstGuess(told, reference)
    && sameKindOfDate(m, told, sourceReference(told, reference), draft.slice(sentence.start, sentence.end));
}
