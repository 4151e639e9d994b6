import { isContentWord, stemOf } from './contentWords';
import type { DateMention } from './mentions';
import type { DraftSentence } from './pairing';
import type { SourceDate } from './sourceDates';
import { forEachWord } from '../text/words';

/**
 * Whether a source sentence that gives the draft's date says what the draft says of it more nearly than the best
 * paired sentence: of the two content words nearest the draft's date, one stands in it and not in the best ("was
 * founded in 1905" against a lead about the same utility in 1987, "was charged in 2021" against "was jailed … in
 * 2024"), or a figure of the draft's sentence does ("was 39.5 billion dollars in 1985" against "rose to 58.6 billion
 * dlrs in 1986"). A draft that only repeats the best sentence's words near its date ("expected to be completed by
 * March 3") finds nothing of the kind in the sentence of another event of that day ("said on March 3 it agreed").
 */
export function standsBy(draft: string, sentence: DraftSentence, mentions: readonly DateMention[], m: DateMention,
  holder: SourceDate, best: SourceDate | undefined): boolean {
  if (!best || best.doc === holder.doc && best.sentence.start === holder.sentence.start) return false;
  const bestWords = best.sentence.words;
  for (const w of nearestWords(draft, sentence, mentions, m)) if (holder.sentence.words.has(w) && !bestWords.has(w)) return true;
  const holderText = holder.doc.text.slice(holder.sentence.start, holder.sentence.end);
  const bestText = best.doc.text.slice(best.sentence.start, best.sentence.end);
  return figuresOf(draft, sentence, mentions).some(f => holdsFigure(holderText, f) && !holdsFigure(bestText, f));
}

/** Content words read on each side of the draft's date for `standsBy`: the nearest NEAREST of them. */
const NEAREST = 2;

/** The NEAREST content words of the draft's sentence to `m` (stems, as sentences' words are), dates left out. */
function nearestWords(draft: string, sentence: DraftSentence, mentions: readonly DateMention[], m: DateMention): string[] {
  const words: Array<{ stem: string; distance: number }> = [];
  forEachWord(draft, sentence.start, sentence.end, (norm, start, end) => {
    if (!isContentWord(norm) || mentions.some(d => start >= d.start && end <= d.end)) return;
    words.push({ stem: stemOf(norm), distance: start < m.start ? m.start - end : start - m.end });
  });
  return words.sort((a, b) => a.distance - b.distance).slice(0, NEAREST).map(w => w.stem);
}

/** A figure: digits with a decimal point or a thousands comma, or three digits or more, not in a date. */
const FIGURE = /\d+(?:[.,]\d+)+|\d{3,}/g;

function figuresOf(draft: string, sentence: DraftSentence, mentions: readonly DateMention[]): string[] {
  const out: string[] = [];
  const text = draft.slice(sentence.start, sentence.end);
  for (const f of text.matchAll(FIGURE)) {
    const at = sentence.start + f.index;
    if (!mentions.some(d => at < d.end && at + f[0].length > d.start)) out.push(f[0]);
  }
  return out;
}

function holdsFigure(text: string, figure: string): boolean {
  for (let at = text.indexOf(figure); at >= 0; at = text.indexOf(figure, at + 1)) {
    if (!/[\d.,]/.test(text[at - 1] ?? ' ') && !/\d|[.,]\d/.test(text.slice(at + figure.length, at + figure.length + 2))) return true;
  }
  return false;
}
