import type { Finding } from './findings';

/** A finding with its draft offsets made relative to a key's start, so it can be placed again after the text moved. */
type Relative = Omit<Finding, 'line' | 'column'>;

/** Entries kept before the memo starts afresh: a long session edits many sentences. */
const MAX_ENTRIES = 20000;

/**
 * Findings of unchanged quotations and sentences, kept between checks of a draft. A verdict depends only on the
 * words of the quotation (or of the sentence, for dates), the library and the date settings, so typing in one
 * paragraph re-checks that paragraph, not the whole draft. Any change to the library or settings empties it.
 */
export class CheckMemo {
  private context = '';
  private readonly entries = new Map<string, Relative[]>();
  private readonly values = new Map<string, unknown>();

  /** Starts afresh unless `context` (library generation, reference date, options) is what the entries were made in. */
  use(context: string): void {
    if (context !== this.context || this.entries.size + this.values.size > MAX_ENTRIES) {
      this.entries.clear();
      this.values.clear();
      this.context = context;
    }
  }

  /** The findings for `key` (text standing at `at` in the draft) placed at `at`, or undefined. */
  get(key: string, at: number): Array<Omit<Finding, 'line' | 'column'>> | undefined {
    return this.entries.get(key)?.map(f => shifted(f, at));
  }

  set(key: string, at: number, findings: readonly Finding[]): void {
    this.entries.set(key, findings.map(({ line: _line, column: _column, ...f }) => shifted(f, -at)));
  }

  /** A value that depends only on `key` and the memo's context (a quotation's places in the library), made once. */
  remember<T>(key: string, make: () => T): T {
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = make();
    this.values.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size + this.values.size;
  }
}

function shifted(f: Relative, by: number): Relative {
  const moved = Object.assign({}, f, { start: f.start + by, end: f.end + by });
  return f.fix ? Object.assign(moved, { fix: { ...f.fix, start: f.fix.start + by, end: f.fix.end + by } }) : moved;
}
