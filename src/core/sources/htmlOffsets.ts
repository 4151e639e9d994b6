/**
 * The way back from a page's visible text to its file: one entry per run of text, exact where the text kept the
 * file's characters (a run of words), inexact where it did not (collapsed white space, an entity). Runs of words
 * have their own entries, so a quotation's first and last words are found exactly in the file, whatever white space
 * was collapsed around or inside it.
 */
export class TextOffsets {
  private readonly textStarts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly fileStarts: number[] = [];
  private readonly fileEnds: number[] = [];

  /** Records that the `length` characters of text at `textStart` came from the file's `fileStart..fileEnd`. */
  add(textStart: number, length: number, fileStart: number, fileEnd: number): void {
    const n = this.textStarts.length - 1;
    if (n >= 0 && length === fileEnd - fileStart && this.lengths[n] === this.fileEnds[n] - this.fileStarts[n]
      && this.textStarts[n] + this.lengths[n] === textStart && this.fileEnds[n] === fileStart) {
      // An exact run right after an exact run: one entry.
      this.lengths[n] += length;
      this.fileEnds[n] = fileEnd;
      return;
    }
    this.textStarts.push(textStart);
    this.lengths.push(length);
    this.fileStarts.push(fileStart);
    this.fileEnds.push(fileEnd);
  }

  get size(): number {
    return this.textStarts.length;
  }

  /**
   * File offset of a text offset: exact inside a run that kept its characters; inside an inexact run, its start
   * (the end once past its first character); after a run (a block break), the run's end.
   */
  fileOffset(offset: number): number {
    let lo = 0;
    let hi = this.textStarts.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.textStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const within = Math.max(0, offset - this.textStarts[lo]);
    const length = this.lengths[lo];
    if (within >= length) return this.fileEnds[lo];
    if (this.fileEnds[lo] - this.fileStarts[lo] === length) return this.fileStarts[lo] + within;
    return within === 0 ? this.fileStarts[lo] : this.fileEnds[lo];
  }
}
