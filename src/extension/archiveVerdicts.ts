import { leftOpen, type Finding } from '../core/findings';
import { LineMap } from '../core/text/lines';
import { maskNonProse } from '../core/text/markdownMask';
import { ParagraphMap } from '../core/text/paragraphs';

/** A finding with its offsets relative to its paragraph's start. */
type Relative = Omit<Finding, 'line' | 'column'>;

/**
 * What the archive settled at a draft's last look-up (a quotation the local sources left unsourced, a date they left
 * unsupported), by its paragraph (its text, and the finding's place in it: what a quotation's verdict depends on, as
 * the check's memo has it; for a date also the value it was read as, which the draft's own date may change). The next
 * check of the draft shows them at once in place of the local verdict while its own look-up runs, so that typing
 * elsewhere does not flash them back; that look-up confirms or replaces them, and a failed one puts the local
 * verdicts back.
 */
export class ArchiveVerdicts {
  private readonly byDraft = new Map<string, Map<string, Relative>>();

  /** Records what the archive settled (`settled`) of what the local sources left unsettled (`local`). */
  record(draft: string, text: string, markdown: boolean, local: readonly Finding[], settled: readonly Finding[]): void {
    const unsettled = new Map(local.filter(leftOpen).map(f => [placeOf(f), f]));
    const paragraphs = new ParagraphMap(maskNonProse(text, markdown));
    const kept = new Map<string, Relative>();
    for (const f of settled) {
      const before = unsettled.get(placeOf(f));
      if (!before || f.status === before.status) continue;
      const [from, to] = paragraphs.around(f.start, f.end);
      kept.set(keyOf(text, from, to, before), shifted(unplaced(f), -from));
    }
    if (kept.size) this.byDraft.set(draft, kept);
    else this.byDraft.delete(draft);
  }

  /** The local verdicts, each one the archive settled last time (same paragraph, same reading) shown as it did. */
  carryOver(draft: string, text: string, markdown: boolean, local: readonly Finding[]): Finding[] {
    const kept = this.byDraft.get(draft);
    if (!kept) return [...local];
    const paragraphs = new ParagraphMap(maskNonProse(text, markdown));
    const lines = new LineMap(text);
    return local.map(f => {
      if (!leftOpen(f)) return f;
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

function placeOf(f: Finding): string {
  return `${f.kind}/${f.start}/${f.end}`;
}

/**
 * The local finding's paragraph, its place there, and for a date the value and reference it was read with. The
 * paragraph without the white space that ends it: the draft's last paragraph ends with the text's last line break,
 * which typing a paragraph after it takes away.
 */
function keyOf(text: string, from: number, to: number, f: Finding): string {
  const reading = f.kind === 'date' ? `${f.value ?? ''}\u0000${f.reference?.date ?? ''}` : '';
  return `${f.kind}\u0000${text.slice(from, to).trimEnd()}\u0000${f.start - from}\u0000${f.end - from}\u0000${reading}`;
}

function unplaced({ line: _line, column: _column, ...f }: Finding): Relative {
  return f;
}

function shifted(f: Relative, by: number): Relative {
  const moved = { ...f, start: f.start + by, end: f.end + by };
  return f.fix ? { ...moved, fix: { ...f.fix, start: f.fix.start + by, end: f.fix.end + by } } : moved;
}
