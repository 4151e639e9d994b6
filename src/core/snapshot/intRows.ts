/** A growing list of 32-bit integers, copied from typed arrays in blocks (a snapshot copies most of its rows). */
export class IntRows {
  private data = new Int32Array(1024);
  length = 0;

  push(...values: number[]): void {
    if (this.length + values.length > this.data.length) this.grow(values.length);
    for (const v of values) this.data[this.length++] = v;
  }

  pushRange(from: Int32Array, start: number, end: number): void {
    if (this.length + end - start > this.data.length) this.grow(end - start);
    this.data.set(from.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** Adds `delta` to column `column` of the rows of width `width` from `at` on. */
  shiftColumn(at: number, width: number, column: number, delta: number): void {
    for (let i = at + column; i < this.length; i += width) this.data[i] += delta;
  }

  array(): Int32Array {
    return this.data.slice(0, this.length);
  }

  private grow(more: number): void {
    const data = new Int32Array(Math.max(this.data.length * 2, this.length + more));
    data.set(this.data.subarray(0, this.length));
    this.data = data;
  }
}
