import { keyAt } from './calendar';
import { figuresOfDate, roundsTo, type Figure } from './figures';
import type { DateMention } from './mentions';
import type { DraftSentence } from './pairing';
import type { ResolvedSourceDates } from './sourceDateTable';
import { isDateline, type SourceDate } from './sourceDates';

/**
 * For a source sentence that gives the draft's date in another role, the date it gives in the draft date's role: the
 * figure the draft tells with its date (`figuresOfDate`) is told there with that date, and the draft's date has a
 * figure of its own there ("net profit rose to 50.2 mln dlrs in 1986 from 40.1 mln dlrs the previous year" for a
 * draft's "50.2 mln dollars in 1985": 1986). The draft's figure is read once, for all the sentences tried.
 */
export function toldWithAnotherDate(draft: string, sentence: DraftSentence, mentions: readonly DateMention[], m: DateMention,
  sources: ResolvedSourceDates): (s: SourceDate) => SourceDate | undefined {
  let told: Figure[] | undefined;
  return s => {
    told ??= figuresOfDate(draft, sentence.start, sentence.end, m, mentions);
    if (!told.length) return undefined;
    const own = keyAt(m.date, m.granularity);
    const [from, to] = sources.byDocument.get(s.doc)!;
    const siblings: SourceDate[] = [];
    for (let k = from; k < to; k++) if (sources.all[k].sentence === s.sentence && !isDateline(sources.all[k])) siblings.push(sources.all[k]);
    if (siblings.length < 2) return undefined;
    const spans = siblings.map(d => d.mention);
    const figuresOf = (d: SourceDate): Figure[] => figuresOfDate(s.doc.text, s.sentence.start, s.sentence.end, d.mention, spans);
    const mine = figuresOf(s);
    // The draft's figures must all be another date's, none the draft date's own.
    const holds = (figures: Figure[]): boolean => told!.every(f => figures.some(g => roundsTo(g, f)));
    if (!mine.length || told.some(f => mine.some(g => roundsTo(g, f)))) return undefined;
    return siblings.find(d => d !== s && d.mention.granularity === s.mention.granularity && keyAt(d.mention.date, m.granularity) !== own
      && holds(figuresOf(d)));
  };
}
