import type { Tense } from './tense';

/**
 * The tense of the words around a date, read only when the year depends on it: `likelyMatters` false when the year
 * is the same whether they say the date may be to come ('likely') or nothing (false), which then need not be told apart.
 */
export type TenseReader = (likelyMatters: boolean) => Tense;

/** How far ahead of the story a month (its first day) without its year may be read in the story's year, when nothing says it is to come. */
const DAYS_AHEAD = 62;
const DAY_MS = 86400000;

/**
 * The year of a month (and day) written without one, as news means it: the latest one on or before the story's date,
 * unless its month begins within two months after it ("talks resume on March 5" in a story of March 2; "May 5" and
 * "May" alike in a story of March 2, the window counted to the month's first day), or the sentence
 * speaks of what is to come ("will vote in November") and the next one is nearer: then the next one; never ahead when
 * the words say it has passed ("the quarter ended Oct. 31"). ("July" in a March 2013 story about last
 * summer is July 2012, where the nearest date would be July 2013.) A stated weekday that the year does not fit picks
 * the year around it that it fits, unless the date is within DAYS_AHEAD days of the story's, or that year goes against
 * the words and is more than half a year from it.
 */
export function newsYear(reference: Date, month: number, day: number | undefined, future: Tense | TenseReader, weekday?: number): number {
  const [year, tense] = preferredYear(reference, month, day, future);
  // "Sunday 27 February": the year around it where it is a Sunday, when the preferred one does not fit; but within
  // two months of the story's date its year is not in doubt: "Wednesday, May 15" in a story of Sunday, May 11 is that
  // week's Thursday named wrong (inconsistent), not a Wednesday of last year.
  if (weekday === undefined || day === undefined || new Date(Date.UTC(year, month - 1, day)).getUTCDay() === weekday) return year;
  const ref = Date.UTC(reference.getFullYear(), reference.getMonth(), reference.getDate());
  if (Math.abs(Date.UTC(year, month - 1, day) - ref) / DAY_MS <= DAYS_AHEAD) return year;
  // A year against the words (the year before, where they say the date is to come; the next, where it has passed)
  // only within half a year of the story: "the contract expires on Saturday, May 31" in a story of March 20 is this
  // year's May 31 named wrong, not the Saturday, May 31 ten months before.
  // The tense in full here (it may not have been read to tell 'likely' from nothing, which gave the same year).
  const words = typeof future === 'function' ? future(true) : tense;
  const against = (y: number): boolean => (y < year ? Boolean(words) && words !== 'past' : words === 'past')
    && Math.abs(Date.UTC(y, month - 1, day) - ref) / DAY_MS > HALF_A_YEAR;
  const fits = (y: number): boolean => new Date(Date.UTC(y, month - 1, day)).getUTCDay() === weekday && !against(y);
  return [year - 1, year + 1].find(fits) ?? year;
}

const HALF_A_YEAR = 183;

/** The year of `newsYear` before a stated weekday is read, and the tense read for it (undefined when none was needed). */
function preferredYear(reference: Date, month: number, day: number | undefined, tense: Tense | TenseReader): [number, Tense | undefined] {
  const y = reference.getFullYear();
  const ref = Date.UTC(y, reference.getMonth(), reference.getDate());
  const at = (year: number): number => Date.UTC(year, month - 1, day ?? 1);
  // A month alone is "on or before" the story's date when it is the story's month.
  const sameMonth = day === undefined && month === reference.getMonth() + 1;
  if (sameMonth) return [y, undefined];
  const back = at(y) <= ref ? y : y - 1;
  const ahead = back + 1;
  const daysAhead = (at(ahead) - ref) / DAY_MS;
  const likely = daysAhead < (ref - at(back)) / DAY_MS ? ahead : back;
  // Counted to the month's first day, a day or the month alone: "May 5" and "May" land in the same year.
  const unsaid = (Date.UTC(ahead, month - 1, 1) - ref) / DAY_MS <= DAYS_AHEAD ? ahead : back;
  const future = typeof tense === 'function' ? tense(likely !== unsaid) : tense;
  // "will fly a mission in December" is the next December; words that may speak of a plan already past take the
  // nearer of the two ("said it planned to reopen on March 16", in a story of March 27, is the March 16 just gone).
  if (future === 'past') return [back, future];
  // What is to come may be the story's own day ("the talks will resume on March 20" in a story of March 20), or a day
  // of the week before it, not next year's ("will take place from 9-15 January" in a story of January 15).
  if (future === 'certain') return [(ref - at(back)) / DAY_MS <= 7 ? back : ahead, future];
  return [future ? likely : unsaid, future];
}
