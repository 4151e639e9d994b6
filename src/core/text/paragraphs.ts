/**
 * The paragraphs of a text (runs between blank lines, `\n\n`), found in one pass and looked up by binary search:
 * `lastIndexOf`/`indexOf` from each quotation read a draft without blank lines whole, once per quotation.
 */
export class ParagraphMap {
  /** Every offset where `\n\n` starts (overlapping runs included), in order. */
  private readonly breaks: number[] = [];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n', i + 1)) this.breaks.push(i);
  }

  /** [start, end) of the paragraph around `text[start..end)`: as `lastIndexOf('\n\n', start)` and `indexOf('\n\n', end)` bound it. */
  around(start: number, end: number): [number, number] {
    const before = this.lastAtOrBefore(start);
    const after = this.firstAtOrAfter(end);
    return [before < 0 ? 0 : before + 2, after < 0 ? this.text.length : after];
  }

  private lastAtOrBefore(at: number): number {
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.breaks[mid] <= at) lo = mid + 1; else hi = mid; }
    return lo > 0 ? this.breaks[lo - 1] : -1;
  }

  private firstAtOrAfter(at: number): number {
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.breaks[mid] < at) lo = mid + 1; else hi = mid; }
    return lo < this.breaks.length ? this.breaks[lo] : -1;
  }
}
