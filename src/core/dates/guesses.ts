import type { DateMention } from './mentions';
import type { SourceDate } from './sourceDates';
import { dayNumber, dayNumberOfDay, parseIsoDate } from './calendar';
import { otherReading } from './weekdayReadings';
import type { DateReference } from './verdict';

// What a date read against a guess (a day that is not the story's) can and cannot say, and when two dates can be set
// beside each other at all.

/**
 * Whether a source date can show a draft date wrong: neither reading is a guess (a year or day read against a day that
 * is not the story's), and the source's reading is not one of two.
 */
export function mayContradict(m: DateMention, s: SourceDate, reference: DateReference): boolean {
  return !draftDayIsGuess(m, reference) && !guessedApart(m, s, reference) && !onlyInGuessedYear(m, s)
    && !(reference.from === 'today' && !m.yearStated && onlyInYear(m.date, s.mention.date))
    && !otherReading(s.mention, sourceReference(s, reference));
}

/**
 * Whether two dates stand in the same relation to what their sentences tell, by the word before each: "since 1991",
 * "by 2030", "until June" (a start, a deadline, an end) are not "in April 2025" or "on March 3".
 */
export function sameRelation(draft: string, m: DateMention, s: SourceDate): boolean {
  return relationOf(draft.slice(Math.max(0, m.start - 12), m.start)) === relationOf(s.doc.text.slice(Math.max(0, s.mention.start - 12), s.mention.start));
}

const RELATION_BEFORE = /\b(since|by|until|till|before|after)\s+(?:the\s+)?$/i;

function relationOf(before: string): string {
  const r = RELATION_BEFORE.exec(before)?.[1].toLowerCase();
  return r === 'till' ? 'until' : r ?? '';
}

/**
 * Whether a source date's reading is a guess: a date of a source with no date of its own read against a day that is
 * not the source's. Read against today, because the draft has no date either: any relative or yearless date
 * ("Thursday (15)", "last Sunday", "May 15" of an undated transcript). Read against the draft's day or the setting's
 * (the sources are taken to be of the draft's time): a date naming no month, year or day number ("on Saturday",
 * "yesterday"), which lands on another day as soon as the source is a day older than the draft. It may agree with the
 * draft; it cannot show the draft wrong.
 */
export function readAgainstGuess(s: SourceDate, reference: DateReference): boolean {
  if (s.doc.meta.date) return false;
  return reference.from === 'today' ? s.mention.relative || !s.mention.yearStated : !s.mention.explicit;
}

/**
 * Whether a source date read against a guess cannot be set beside the draft's: unless both write a day or month by
 * name and number without a year, read against the same guess (the draft has no date either): "12 March" and "14
 * March" of a story's undated draft and undated source differ in the day whatever the year.
 */
export function guessedApart(m: DateMention, s: SourceDate, reference: DateReference): boolean {
  if (!readAgainstGuess(s, reference)) return false;
  const alike = reference.from === 'today' && writesNoYear(m) && writesNoYear(s.mention) && m.date.period === undefined
    && s.mention.date.period === undefined && m.explicit && s.mention.explicit && MONTH_WRITTEN.test(m.text) && MONTH_WRITTEN.test(s.mention.text);
  return !alike;
}

/** A month's name or number written ("14 March", "Sept. 3", "3/14"; not "Thursday (15)", whose month is a guess too). */
const MONTH_WRITTEN = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d[/.-]\d/i;

/**
 * Whether the draft's date is a guess: read against today (the draft has no date) and naming no month, year or day
 * number ("Monday", "yesterday", "last week").
 */
export function draftDayIsGuess(m: DateMention, reference: DateReference): boolean {
  return reference.from === 'today' && m.relative && !m.explicit;
}

/** The day a source's relative dates were read against: its own date, else the check's. */
export function sourceReference(s: SourceDate, reference: DateReference): Date {
  return (s.doc.meta.date ? parseIsoDate(s.doc.meta.date) : undefined) ?? reference.date;
}

/**
 * Whether a source date differs from the draft's only in a year its source did not write ("June 30" of "fiscal
 * 1986/87, ending June 30", "in March" of a story dated December): a year read from the story's date by rule, which
 * may be the wrong one. The source's words then say the draft's day: they cannot show its year wrong, and when the
 * draft does not write a year either, the two say the same.
 */
export function onlyInGuessedYear(m: DateMention, s: SourceDate): boolean {
  return onlyInYearNotWritten(s.mention, m);
}

/** Whether `a` writes no year and differs from `b` in its year alone. */
function onlyInYearNotWritten(a: DateMention, b: DateMention): boolean {
  return writesNoYear(a) && onlyInYear(a.date, b.date);
}

export function onlyInYear(x: DateMention['date'], y: DateMention['date']): boolean {
  return x.year !== y.year && x.month === y.month && x.day === y.day && x.period === y.period;
}

/** A day, month or part of a year written without any year, not even a relative one ("June 30", "the third quarter"; not "last June"). */
export function writesNoYear(m: DateMention): boolean {
  return !m.yearStated && (m.date.month !== undefined || (m.date.period !== undefined && m.date.period !== 'X')) && !RELATIVE_YEAR.test(m.text);
}

/** A day or month with its year in words after it ("March 18 of last year", "18 March last year"). */
export const YEAR_IN_WORDS = /\b(?:of\s+)?(?:last|this|next)\s+year$/i;

export const RELATIVE_YEAR = /\b(?:last|next|this|ago|previous|coming|past|year|earlier|later)\b/i;

/** Two dates read against a day by the same words ("next year", "Tuesday" and "on Tuesday"), at one granularity. */
export function sameRelativeWords(a: DateMention, b: DateMention): boolean {
  return a.relative && b.relative && a.granularity === b.granularity && relativeWords(a.text) === relativeWords(b.text);
}

function relativeWords(text: string): string {
  return text.toLowerCase().replace(/^on\s+/, '').replace(/\s+/g, ' ');
}

/**
 * Whether the draft's day and the source's may be one event's: on the same side of the source's own day (both before
 * it, both after, or either on it), or close: a plant's opening the source tells as past, in 1998, is not the closing
 * to come that the draft tells.
 */
export function sameSideOfStory(m: DateMention, s: SourceDate, sourceDay: Date): boolean {
  const a = m.date;
  const b = s.mention.date;
  if (a.day === undefined || b.day === undefined) return true;
  const story = dayNumberOfDay(sourceDay);
  const x = Math.sign(dayNumber(a) - story);
  const y = Math.sign(dayNumber(b) - story);
  // A day or a month wrong across the source's day is a slip of the same event; years apart, another event.
  return x === 0 || y === 0 || x === y || Math.abs(dayNumber(a) - dayNumber(b)) <= FAR_APART_DAYS;
}
const FAR_APART_DAYS = 400;
