import { keyAt } from './calendar';
import { figuresBefore, figuresOfDates, roundsTo, type Figure } from './figures';
import type { DateMention } from './mentions';
import type { DraftSentence } from './pairing';
import type { ResolvedSourceDates } from './sourceDateTable';
import { isDateline, type SourceDate } from './sourceDates';

/**
 * For a source sentence that gives the draft's date in another role, the date it gives in the draft date's role: the
 * figures the draft tells with its date (`figuresOfDates`) are that date's own there, and the draft's date has
 * figures of its own there, none of them the draft's ("net profit rose to 50.2 mln dlrs in 1986 from 40.1 mln dlrs the
 * previous year" for a draft's "50.2 mln dollars in 1985": 1986). Where a figure may be either date's, no call. The
 * draft's figures are read once, for all the sentences tried.
 */
export function toldWithAnotherDate(draft: string, sentence: DraftSentence, mentions: readonly DateMention[], m: DateMention,
  sources: ResolvedSourceDates): (s: SourceDate) => SourceDate | undefined {
  let told: Figure[] | undefined;
  return s => {
    told ??= figuresBefore(draft, sentence.start, m, mentions);
    if (!told.length) return undefined;
    const own = keyAt(m.date, m.granularity);
    const [from, to] = sources.byDocument.get(s.doc)!;
    const siblings: SourceDate[] = [];
    for (let k = from; k < to; k++) if (sources.all[k].sentence === s.sentence && !isDateline(sources.all[k])) siblings.push(sources.all[k]);
    if (siblings.length < 2) return undefined;
    const figures = figuresOfDates(s.doc.text, s.sentence.start, s.sentence.end, siblings.map(d => d.mention));
    const mine = figures[siblings.indexOf(s)];
    const among = (list: Figure[]) => (f: Figure): boolean => list.some(g => roundsTo(g, f));
    if (!mine.own.length || told.some(among(mine.possible))) return undefined;
    return siblings.find((d, i) => d !== s && keyAt(d.mention.date, m.granularity) !== own
      && told!.every(among(figures[i].own)));
  };
}
