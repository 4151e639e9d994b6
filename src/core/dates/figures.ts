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

interface Span { readonly start: number; readonly end: number }

/**
 * The figures a date of a sentence (`text[from..to)`, its dates `dates` in text order) is told with: those before it
 * in its clause, back to the date before it ("rose 18 percent to 1.42 billion pounds in 2023"), else those after it in
 * its clause, up to the next date ("in 1986/87 is forecast at 12.4 mln tonnes"). No number of a name.
 */
export function figuresOfDate(text: string, from: number, to: number, date: Span, dates: readonly Span[]): Figure[] {
  let before = from;
  let after = to;
  for (const d of dates) {
    if (d.end <= date.start) before = Math.max(before, d.end);
    else if (d.start >= date.end) after = Math.min(after, d.start);
  }
  const out = figuresIn(text, clauseStart(text, before, date.start), date.start);
  return out.length ? out : figuresIn(text, date.end, clauseEnd(text, date.end, after));
}

function figuresIn(text: string, from: number, to: number): Figure[] {
  const out: Figure[] = [];
  for (const f of text.slice(from, to).matchAll(FIGURE)) if (!isNameNumber(text, from + f.index, f[0])) out.push(figure(f[0]));
  return out;
}

/** Where the clause that ends at `to` starts, not before `from`: after the last clause break between them. */
function clauseStart(text: string, from: number, to: number): number {
  let start = from;
  CLAUSE_BREAK.lastIndex = 0;
  const part = text.slice(from, to);
  for (let m = CLAUSE_BREAK.exec(part); m; m = CLAUSE_BREAK.exec(part)) start = from + m.index + m[0].length;
  return start;
}

/** Where the clause that starts at `from` ends, not after `to`: at the first clause break between them. */
function clauseEnd(text: string, from: number, to: number): number {
  CLAUSE_BREAK.lastIndex = 0;
  const m = CLAUSE_BREAK.exec(text.slice(from, to));
  return m ? from + m.index : to;
}
