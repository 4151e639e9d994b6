import { keyAt } from './calendar';
import { figuresBefore, figuresOfDates, roundsTo, type DateFigures, type Figure } from './figures';
import type { DateMention } from './mentions';
import type { DraftSentence } from './pairing';
import type { ResolvedSourceDates } from './sourceDateTable';
import { isDateline, type SourceDate } from './sourceDates';

/** A dated source sentence's dates (no date line) and the figures each is told with, read once per sentence. */
interface SentenceFigures { readonly dates: readonly SourceDate[]; readonly figures: readonly DateFigures[] }
const bySentence = new WeakMap<SourceDate['sentence'], SentenceFigures>();

function sentenceFigures(s: SourceDate, sources: ResolvedSourceDates): SentenceFigures {
  let found = bySentence.get(s.sentence);
  if (!found) {
    const [from, to] = sources.byDocument.get(s.doc)!;
    const dates: SourceDate[] = [];
    for (let k = from; k < to; k++) if (sources.all[k].sentence === s.sentence && !isDateline(sources.all[k])) dates.push(sources.all[k]);
    const figures = dates.length < 2 ? [] : figuresOfDates(s.doc.text, s.sentence.start, s.sentence.end, dates.map(d => d.mention));
    bySentence.set(s.sentence, (found = { dates, figures }));
  }
  return found;
}

/**
 * For a source sentence that gives the draft's date in another role, the date it gives in the draft date's role: the
 * figures the draft tells with its date (`figuresBefore`) are that date's own there (`figuresOfDates`), and the
 * draft's date has figures of its own there, none of them the draft's ("net profit rose to 50.2 mln dlrs in 1986 from
 * 40.1 mln dlrs the previous year" for a draft's "50.2 mln dollars in 1985": 1986). Where a figure may be either
 * date's, no call; a story's date line tells no figure. The draft's figures are read once, for all the sentences tried.
 */
export function toldWithAnotherDate(draft: string, sentence: DraftSentence, mentions: readonly DateMention[], m: DateMention,
  sources: ResolvedSourceDates): (s: SourceDate) => SourceDate | undefined {
  let told: Figure[] | undefined;
  const own = keyAt(m.date, m.granularity);
  const isTold = (list: readonly Figure[]) => (f: Figure): boolean => list.some(g => roundsTo(g, f));
  return s => {
    told ??= figuresBefore(draft, sentence.start, m, mentions);
    if (!told.length || isDateline(s)) return undefined;
    const { dates, figures } = sentenceFigures(s, sources);
    const at = dates.indexOf(s);
    if (at < 0 || !figures.length) return undefined;
    const draftDates = figures[at];
    if (!draftDates.own.length || told.some(isTold(draftDates.possible))) return undefined;
    return dates.find((d, i) => i !== at && keyAt(d.mention.date, m.granularity) !== own && told!.every(isTold(figures[i].own)));
  };
}
