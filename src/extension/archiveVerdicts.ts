import type { Finding } from '../core/findings';
import { LineMap } from '../core/text/lines';
import { maskNonProse } from '../core/text/markdownMask';
import { ParagraphMap } from '../core/text/paragraphs';

/** A finding with its offsets relative to its paragraph's start. */
type Relative = Omit<Finding, 'line' | 'column'>;

/**
 * The quotations the archive settled at a draft's last look-up, by their paragraph (its text, and the quotation's place
 * in it: what a quotation's verdict depends on, as the check's memo has it). The next check of the draft shows them
 * at once in place of the local "unsourced" while its own look-up runs, so that typing elsewhere does not flash them
 * back; that look-up confirms or replaces them, and a failed one puts the local verdicts back.
 */
export class ArchiveVerdicts {
  private readonly byDraft = new Map<string, Map<string, Relative>>();

  /** Records what the archive settled (`settled`) of what the local sources left unsourced (`local`). */
  record(draft: string, text: string, markdown: boolean, local: readonly Finding[], settled: readonly Finding[]): void {
    const unsourced = new Set(local.filter(isUnsourcedQuote).map(f => `${f.start}/${f.end}`));
    const paragraphs = new ParagraphMap(maskNonProse(text, markdown));
    const kept = new Map<string, Relative>();
    for (const f of settled) {
      if (f.kind !== 'quote' || isUnsourcedQuote(f) || !unsourced.has(`${f.start}/${f.end}`)) continue;
      const [from, to] = paragraphs.around(f.start, f.end);
      kept.set(keyOf(text, from, to, f), shifted(unplaced(f), -from));
    }
    if (kept.size) this.byDraft.set(draft, kept);
    else this.byDraft.delete(draft);
  }

  /** The local verdicts, each unsourced quotation the archive settled last time (same paragraph) shown as it did. */
  carryOver(draft: string, text: string, markdown: boolean, local: readonly Finding[]): Finding[] {
    const kept = this.byDraft.get(draft);
    if (!kept) return [...local];
    const paragraphs = new ParagraphMap(maskNonProse(text, markdown));
    const lines = new LineMap(text);
    return local.map(f => {
      if (!isUnsourcedQuote(f)) return f;
      const [from, to] = paragraphs.around(f.start, f.end);
      const known = kept.get(keyOf(text, from, to, f));
      if (!known) return f;
      const placed = shifted(known, from);
      return { ...placed, ...lines.position(placed.start) };
    });
  }

  forget(draft: string): void {
    this.byDraft.delete(draft);
  }

  clear(): void {
    this.byDraft.clear();
  }
}

function isUnsourcedQuote(f: Finding): boolean {
  return f.kind === 'quote' && f.status === 'unsourced';
}

function keyOf(text: string, from: number, to: number, f: Pick<Finding, 'start' | 'end'>): string {
  return `${text.slice(from, to)}\u0000${f.start - from}\u0000${f.end - from}`;
}

function unplaced({ line: _line, column: _column, ...f }: Finding): Relative {
  return f;
}

function shifted(f: Relative, by: number): Relative {
  const moved = { ...f, start: f.start + by, end: f.end + by };
  return f.fix ? { ...moved, fix: { ...f.fix, start: f.fix.start + by, end: f.fix.end + by } } : moved;
}
