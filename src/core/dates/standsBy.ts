import { isContentWord, stemOf } from './contentWords';
import type { DateMention } from './mentions';
import type { DraftSentence } from './pairing';
import type { SourceDate } from './sourceDates';
import { forEachWord } from '../text/words';
import { figuresIn, holdsFigure, type Figure } from './figures';

/**
 * Whether a source sentence that gives the draft's date says what the draft says of it more nearly than the best
 * paired sentence: of the two content words nearest the draft's date in its own clause, one stands in it and not in
 * the best ("was founded in 1905" against a lead about the same utility in 1987, "was charged in 2021" against "was
 * jailed … in 2024"), or a figure of the draft's sentence does, maybe rounded ("was about 244 billion euros in 2015"
 * against "244.3 billion euros in 2015" and the lead's "254.7 billion euros in 2016"). Words of an attribution after
 * a comma (", police said"), of units ("billion dollars" against the wire's "bln dlrs") and numbers of names ("FTSE
 * 100", "Boeing's 737") tell nothing. A draft that repeats the best sentence's words next to its date ("expected to
 * be completed by March 3") finds none of them in the sentence of another event of that day ("said on March 3 it
 * agreed").
 */
export function standsBy(draft: string, sentence: DraftSentence, mentions: readonly DateMention[], m: DateMention,
  best: SourceDate | undefined): (holder: SourceDate) => boolean {
  // The draft's words and figures, and the best sentence's figures, read once for all the sentences tried.
  let words: string[] | undefined;
  let figures: Figure[] | undefined;
  let bestText: string | undefined;
  return holder => {
    if (!best || best.doc === holder.doc && best.sentence.start === holder.sentence.start) return false;
    for (const w of (words ??= nearestWords(draft, sentence, mentions, m))) if (holder.sentence.words.has(w) && !best.sentence.words.has(w)) return true;
    figures ??= figuresOf(draft, sentence, mentions);
    if (!figures.length) return false;
    const holderText = holder.doc.text.slice(holder.sentence.start, holder.sentence.end);
    bestText ??= best.doc.text.slice(best.sentence.start, best.sentence.end);
    return figures.some(f => holdsFigure(holderText, f) && !holdsFigure(bestText!, f));
  };
}

/** Content words read on each side of the draft's date for `standsBy`: the nearest NEAREST of them. */
const NEAREST = 2;
/** Words of units and scale, the same in any statement of amounts. */
const UNIT = /^(?:millions?|billions?|trillions?|dollars?|euros?|pounds?|yen|marks?|francs?|sterling|stg|shares?|pence|cents?|points?)$/;
/** What ends a clause between a word and the date. */
const CLAUSE_BREAK = /[,;:()\u2013\u2014]|\s-\s/;

/** The NEAREST content words of the draft date's clause (stems, as sentences' words are), no dates, units or numbers. */
function nearestWords(draft: string, sentence: DraftSentence, mentions: readonly DateMention[], m: DateMention): string[] {
  const words: Array<{ stem: string; distance: number }> = [];
  forEachWord(draft, sentence.start, sentence.end, (norm, start, end) => {
    if (!isContentWord(norm) || UNIT.test(norm) || /^\d+$/.test(norm) || mentions.some(d => start >= d.start && end <= d.end)) return;
    if (CLAUSE_BREAK.test(start < m.start ? draft.slice(end, m.start) : draft.slice(m.end, start))) return;
    words.push({ stem: stemOf(norm), distance: start < m.start ? m.start - end : start - m.end });
  });
  return words.sort((a, b) => a.distance - b.distance).slice(0, NEAREST).map(w => w.stem);
}

/** The figures of the draft's sentence, outside its dates and names, as numbers and their decimal places. */
function figuresOf(draft: string, sentence: DraftSentence, mentions: readonly DateMention[]): Figure[] {
  let from = sentence.start;
  const out: Figure[] = [];
  for (const d of mentions) {
    if (d.end <= from || d.start >= sentence.end) continue;
    out.push(...figuresIn(draft, from, Math.max(from, d.start)));
    from = Math.max(from, d.end);
  }
  out.push(...figuresIn(draft, from, sentence.end));
  return out;
}
