import { isContentWord, stemOf } from './contentWords';
import type { DateMention } from './mentions';
import type { DraftSentence } from './pairing';
import type { SourceDate } from './sourceDates';
import { forEachWord } from '../text/words';

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

/** A figure: digits with a decimal point or a thousands comma, three digits or more, or fewer before a unit ("13 percent", "2 billion"). */
const FIGURE = /\d+(?:[.,]\d+)+|\d{3,}|\b\d{1,2}(?=\s*(?:%|percent\b|per\s+cent\b|pct\b|billion\b|million\b|trillion\b|bln\b|mln\b))/g;
/** A whole number that is part of a name ("FTSE 100", "S&P 500", "Boeing's 737", "A320"). */
const NAME_BEFORE = /(?:^|\s)(?:\p{Lu}[\p{L}&'’]*|\S*&\S*)\s+$/u;

/** The figures of the draft's sentence, outside its dates and names, as numbers and their decimal places. */
function figuresOf(draft: string, sentence: DraftSentence, mentions: readonly DateMention[]): Figure[] {
  const out: Figure[] = [];
  const text = draft.slice(sentence.start, sentence.end);
  for (const f of text.matchAll(FIGURE)) {
    const at = sentence.start + f.index;
    if (mentions.some(d => at < d.end && at + f[0].length > d.start)) continue;
    if (/^\d+$/.test(f[0]) && (/\p{L}/u.test(draft[at - 1] ?? ' ') || NAME_BEFORE.test(draft.slice(Math.max(0, at - 24), at)))) continue;
    out.push(figure(f[0]));
  }
  return out;
}

interface Figure { readonly value: number; readonly places: number }

/** "244.3" → 244.3 to one place; "150,000" → 150000 (a comma of thousands, not of decimals). */
function figure(written: string): Figure {
  const plain = /^\d{1,3}(?:,\d{3})+$/.test(written) ? written.replace(/,/g, '') : written.replace(',', '.');
  const point = plain.indexOf('.');
  return { value: Number(plain), places: point < 0 ? 0 : plain.length - point - 1 };
}

/** Whether a text holds the figure, or one that rounds to it at its places ("244.3" for "244", "39.52" for "39.5"). */
function holdsFigure(text: string, f: Figure): boolean {
  for (const m of text.matchAll(FIGURE)) {
    const other = figure(m[0]);
    if (other.places < f.places) continue;
    if (Math.abs(Number(other.value.toFixed(f.places)) - f.value) < 1e-9) return true;
  }
  return false;
}
