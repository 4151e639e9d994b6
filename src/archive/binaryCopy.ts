/**
 * Rows in COPY's binary format (PostgreSQL's "Binary Format" of COPY): the ingest writes millions of keys, and their
 * text form (`{-864613485,…}`, bytea as hex) cost this process the formatting and the server twice the parsing.
 */

/** The int4 type's oid: a binary array names its element type, which must be the column's. */
const INT4_OID = 23;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** One COPY's bytes, built field by field; `take` hands over what is written so far (to stream it in pieces). */
export class BinaryRows {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  constructor() {
    this.bytes(SIGNATURE);
    this.int32(0); // flags
    this.int32(0); // header extension
  }

  /** Starts a row of `fields` fields. */
  row(fields: number): this {
    this.room(2);
    this.length = this.buffer.writeInt16BE(fields, this.length);
    return this;
  }

  /** A text field (NUL left out: text cannot hold it); undefined is NULL. */
  text(value: string | undefined): this {
    if (value === undefined) return this.null();
    return this.bytea(Buffer.from(value.includes('\u0000') ? value.replace(/\u0000/g, '') : value, 'utf8'));
  }

  bytea(value: Uint8Array): this {
    this.int32(value.byteLength);
    return this.bytes(value);
  }

  int2(value: number): this {
    this.int32(2);
    this.room(2);
    this.length = this.buffer.writeInt16BE(value, this.length);
    return this;
  }

  int4(value: number): this {
    this.int32(4);
    return this.int32(value);
  }

  /** An int8 field, from its decimal text (PostgreSQL's ids come back as strings). */
  int8(value: string | number | bigint): this {
    this.int32(8);
    this.room(8);
    this.length = this.buffer.writeBigInt64BE(BigInt(value), this.length);
    return this;
  }

  bool(value: boolean): this {
    this.int32(1);
    this.room(1);
    this.buffer[this.length++] = value ? 1 : 0;
    return this;
  }

  /** An int4[] field: one dimension from 1, no NULLs (an empty array has no dimension). */
  int4Array(values: ArrayLike<number>): this {
    const n = values.length;
    this.int32(n ? 20 + 8 * n : 12);
    this.room(20 + 8 * n);
    let at = this.length;
    at = this.buffer.writeInt32BE(n ? 1 : 0, at);
    at = this.buffer.writeInt32BE(0, at); // no NULLs
    at = this.buffer.writeInt32BE(INT4_OID, at);
    if (n) {
      at = this.buffer.writeInt32BE(n, at);
      at = this.buffer.writeInt32BE(1, at);
      for (let i = 0; i < n; i++) {
        at = this.buffer.writeInt32BE(4, at);
        at = this.buffer.writeInt32BE(values[i], at);
      }
    }
    this.length = at;
    return this;
  }

  /** The trailer: no more rows. */
  end(): this {
    this.room(2);
    this.length = this.buffer.writeInt16BE(-1, this.length);
    return this;
  }

  /** How many bytes are written and not yet taken. */
  get size(): number {
    return this.length;
  }

  /** The bytes written since the last take (a copy: the buffer is reused). */
  take(): Buffer {
    const out = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return out;
  }

  private null(): this {
    return this.int32(-1);
  }

  private int32(value: number): this {
    this.room(4);
    this.length = this.buffer.writeInt32BE(value, this.length);
    return this;
  }

  private bytes(value: Uint8Array): this {
    this.room(value.byteLength);
    this.buffer.set(value, this.length);
    this.length += value.byteLength;
    return this;
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
