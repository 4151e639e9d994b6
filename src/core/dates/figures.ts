/** A figure: digits with a decimal point or a thousands comma, three digits or more, or fewer before a unit ("13 percent", "2 billion"). */
export const FIGURE = /\d+(?:[.,]\d+)+|\d{3,}|\b\d{1,2}(?=\s*(?:%|percent\b|per\s+cent\b|pct\b|billion\b|million\b|trillion\b|bln\b|mln\b))/g;
/** A whole number that is part of a name ("FTSE 100", "S&P 500", "Boeing's 737", "A320"). */
const NAME_BEFORE = /(?:^|\s)(?:\p{Lu}[\p{L}&'’]*|\S*&\S*)\s+$/u;

export interface Figure { readonly value: number; readonly places: number }

/** "244.3" → 244.3 to one place; "150,000" → 150000 (a comma of thousands, not of decimals). */
export function figure(written: string): Figure {
  const plain = /^\d{1,3}(?:,\d{3})+$/.test(written) ? written.replace(/,/g, '') : written.replace(',', '.');
  const point = plain.indexOf('.');
  return { value: Number(plain), places: point < 0 ? 0 : plain.length - point - 1 };
}

/** Whether the figure written at `text[at..)` is a number of a name, or glued to a word ("A320"). */
export function isNameNumber(text: string, at: number, written: string): boolean {
  return /^\d+$/.test(written) && (/\p{L}/u.test(text[at - 1] ?? ' ') || NAME_BEFORE.test(text.slice(Math.max(0, at - 24), at)));
}

/** Whether `other` is the figure `f`, or one that rounds to it at its places ("244.3" for "244", "39.52" for "39.5"). */
export function roundsTo(other: Figure, f: Figure): boolean {
  return other.places >= f.places && Math.abs(Number(other.value.toFixed(f.places)) - f.value) < 1e-9;
}

/** Whether a text holds the figure, or one that rounds to it (`roundsTo`). */
export function holdsFigure(text: string, f: Figure): boolean {
  for (const m of text.matchAll(FIGURE)) if (roundsTo(figure(m[0]), f)) return true;
  return false;
}

/** What ends a clause between a figure and a date (not the comma of "12,000"). */
const CLAUSE_BREAK = /,(?!\d)|[;:()\u2013\u2014]|\s-\s/g;
/** Words that turn from one date's figure to another's: "to 50.2 mln dlrs from 40.1 mln dlrs", "… and 40.1 mln in 1985". */
const TURN = /\b(?:from|against|compared\s+(?:with|to)|versus|vs|and|while|whereas|but|after|(?:up|down)\s+on)\b/gi;
/** "for the first time since 1980": a date after "since" tells no figure of its own. */
const SINCE_BEFORE = /\bsince\s+$/i;

interface Span { readonly start: number; readonly end: number }

/** The figures a date of a sentence is told with: surely its own, and those that may be its or a neighbour's. */
export interface DateFigures { readonly own: Figure[]; readonly possible: Figure[] }

/**
 * The figures each date of a source sentence (`text[from..to)`, its dates `dates` in text order) is told with. Those
 * before the first date in its clause are its own ("rose to 50.2 mln dlrs in 1986"). Between two dates, those before
 * the first clause break or turning word are the first date's, those after the last the second's ("in 1986 to 50.2
 * mln dlrs from 40.1 mln dlrs in 1985"); any between may be either's ("to 50.2 mln and sales to 1.2 billion from 1.1
 * billion", "…, while exports of 368 mln were up on the 314 mln in January 1986"). Those after the last date are only
 * possibly its own ("… in 1985 on revenue of 1.2 billion dlrs" may be 1986's), and a date after "since" has none of
 * its own.
 */
export function figuresOfDates(text: string, from: number, to: number, dates: readonly Span[]): DateFigures[] {
  const out = dates.map(() => ({ own: [] as Figure[], possible: [] as Figure[] }));
  if (!dates.length) return out;
  const take = (i: number, a: number, b: number, sure: boolean): void => {
    for (const f of figuresIn(text, a, b)) {
      if (sure) out[i].own.push(f);
      out[i].possible.push(f);
    }
  };
  take(0, clauseStart(text, from, dates[0].start), dates[0].start, true);
  const last = dates.length - 1;
  for (let i = 0; i < last; i++) {
    const [a, b] = [dates[i].end, dates[i + 1].start];
    if (b <= a) continue;
    const part = text.slice(a, b);
    const turns = [...part.matchAll(CLAUSE_BREAK), ...part.matchAll(TURN)].sort((x, y) => x.index - y.index);
    if (!turns.length) {
      take(i, a, b, false);
      take(i + 1, a, b, false);
      continue;
    }
    const open = a + turns[0].index;
    const close = a + turns[turns.length - 1].index;
    take(i, a, open, true);
    take(i + 1, close, b, true);
    take(i, open, close, false);
    take(i + 1, open, close, false);
  }
  take(last, dates[last].end, to, false);
  dates.forEach((d, i) => { if (SINCE_BEFORE.test(text.slice(Math.max(from, d.start - 8), d.start))) out[i].own.length = 0; });
  return out;
}

/**
 * The figures a draft tells with its date: those before it in its clause, back to the date before it, a clause break
 * or a turning word ("profit rose to 50.2 mln dollars in 1986"; not "founded in 1998 and now employs 3,400 people").
 */
export function figuresBefore(text: string, from: number, date: Span, dates: readonly Span[]): Figure[] {
  let start = from;
  for (const d of dates) if (d.end <= date.start) start = Math.max(start, d.end);
  start = clauseStart(text, start, date.start);
  const turns = [...text.slice(start, date.start).matchAll(TURN)];
  if (turns.length) start += turns[turns.length - 1].index + turns[turns.length - 1][0].length;
  return figuresIn(text, start, date.start);
}

/** Where the clause that ends at `to` starts, not before `from`: after the last clause break between them. */
function clauseStart(text: string, from: number, to: number): number {
  let start = from;
  for (const m of text.slice(from, to).matchAll(CLAUSE_BREAK)) start = from + m.index + m[0].length;
  return start;
}

/** The figures written in `text[from..to)`, no number of a name. */
export function figuresIn(text: string, from: number, to: number): Figure[] {
  const out: Figure[] = [];
  for (const f of text.slice(from, to).matchAll(FIGURE)) if (!isNameNumber(text, from + f.index, f[0])) out.push(figure(f[0]));
  return out;
}
