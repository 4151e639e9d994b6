import { keyAt } from './calendar';
import { figure, figuresBefore, figuresOfDates, roundsTo, type DateFigures, type Figure } from './figures';
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

/**
 * Whether a figure the draft tells with its date stands in the source sentence as another time's told by an offset,
 * not a date ("the two-week period ended February 25 … down from 1.34 billion two weeks earlier", for the draft's
 * "1.34 billion dlrs … in the two-week period ended February 11"): the sentence's date is not the draft date's role
 * (review67).
 */
export function toldAtAnOffset(draft: string, sentence: DraftSentence, mentions: readonly DateMention[], m: DateMention, s: SourceDate,
  sources: ResolvedSourceDates): boolean {
  const told = figuresBefore(draft, sentence.start, m, mentions);
  if (!told.length) return false;
  const text = s.doc.text.slice(s.sentence.start, s.sentence.end);
  const { dates } = sentenceFigures(s, sources);
  for (const x of text.matchAll(OFFSET_FIGURE)) {
    // An offset read as a date of the sentence ("from 4.1 mln dlrs the year before": 1985) is a date's role, not this.
    const at = s.sentence.start + x.index;
    if (dates.some(d => d.mention.start < at + x[0].length && d.mention.end > at)) continue;
    const f = figure(x[1]);
    if (told.some(t => roundsTo(f, t) || roundsTo(t, f))) return true;
  }
  return false;
}

/** A figure after a turning word, then within a few words an offset in time ("from 1.34 billion two weeks earlier"). */
const OFFSET_FIGURE = /\b(?:from|against|compared\s+with|versus|vs)\s+(\d[\d,.]*\d|\d)(?![\d,.]*\d)[^.;]{0,40}?\b(?:earlier|before|ago|previously)\b/gi;
