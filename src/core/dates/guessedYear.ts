import { weekdayOf } from './calendar';
import { RELATIVE_YEAR, writesNoYear } from './guesses';
import type { DateMention } from './mentions';
import { pairSentence, type DraftSentence } from './pairing';
import type { ResolvedSourceDates } from './sourceDateTable';
import { isDateline, type SourceDate } from './sourceDates';
import type { DateReference, SentenceDates } from './verdict';

/**
 * For a day and weekday written without a year in a draft with no date, whose weekday does not fit the year guessed
 * from today: a paired source sentence's date of that month and day that names the same weekday, or whose known year
 * (written, or its source's) that weekday fits.
 */
export function guessedYearFits(draft: string, m: DateMention, sentence: DraftSentence, sources: ResolvedSourceDates,
  reference: DateReference, context: SentenceDates): SourceDate | undefined {
  if (m.yearStated || reference.from !== 'today' || RELATIVE_YEAR.test(m.text)) return undefined;
  const pairing = context.pairing ?? (context.pairing = pairSentence(draft, sentence, context.mentions, sources));
  const { firstDate } = sources.sentences;
  for (const i of pairing.sentences) {
    for (let k = firstDate[i]; k < firstDate[i + 1]; k++) {
      const s = sources.all[k];
      const b = s.mention.date;
      if (isDateline(s) || b.month !== m.date.month || b.day !== m.date.day) continue;
      // The source names a weekday: it must be the draft's. Its year is known when written or when the source is
      // dated: the weekday must fit it. A yearless day of an undated source says nothing of the weekday.
      if (s.mention.statedWeekday !== undefined) {
        if (s.mention.statedWeekday !== m.statedWeekday) continue;
        if (!writesNoYear(s.mention) || s.doc.meta.date ? weekdayOf(b.year, b.month!, b.day!) === m.statedWeekday : true) return s;
        continue;
      }
      if ((!writesNoYear(s.mention) || s.doc.meta.date) && weekdayOf(b.year, b.month!, b.day!) === m.statedWeekday) return s;
    }
  }
  return undefined;
}
