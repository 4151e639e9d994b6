/** A growing list of 32-bit integers, copied from typed arrays in blocks (a snapshot copies most of its rows). */
export class IntRows {
  private data = new Int32Array(1024);
  length = 0;

  push(...values: number[]): void {
    if (this.length + values.length > this.data.length) this.grow(values.length);
    for (const v of values) this.data[this.length++] = v;
  }

  /** One row of a date mention (`dateRows.ts`), without an array made for it. */
  push12(a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number, j: number, k: number, l: number): void {
    if (this.length + 12 > this.data.length) this.grow(12);
    const x = this.data;
    let n = this.length;
    x[n++] = a; x[n++] = b; x[n++] = c; x[n++] = d; x[n++] = e; x[n++] = f; x[n++] = g; x[n++] = h; x[n++] = i; x[n++] = j; x[n++] = k; x[n++] = l;
    this.length = n;
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
