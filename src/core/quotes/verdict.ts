import { finding, type DiffPart, type Finding, type QuoteStatus, type SourceRef } from '../findings';
import type { SourceLibrary, SourceSpan } from '../sources/library';
import { sourceRef } from '../sources/sourceRef';
import type { LineMap } from '../text/lines';
import type { Alignment } from './align';
import type { Quotation } from './extract';
import { findQuote, type QuoteMatch } from './match';
import { buildPattern, type QuotePattern } from './pattern';

/** Share of the quotation's words that may differ from the source for it still to be the same quotation, misquoted. */
const MAX_CHANGE_RATIO = 0.4;
/** Share of the quotation's words a source passage must hold to be named as the nearest one. */
const NEAREST_RATIO = 0.5;

/** The verdict on one quotation of a draft. */
export function checkQuotation(library: SourceLibrary, draft: string, lines: LineMap, q: Quotation): Finding {
  const pattern = buildPattern(library.vocab, q.text, q.start);
  const matches = findQuote(library, pattern);
  const best = matches[0];
  const words = pattern.words.length;
  const { line, column } = lines.position(q.start);
  const base = { kind: 'quote' as const, start: q.start, end: q.end, line, column, text: q.text };
  const status = verdict(best?.alignment, words);
  if (status === 'verified') {
    const sources = uniqueByDoc(matches.filter(m => m.alignment.cost === 0)).map(m => refOf(spanOf(library, m.alignment)));
    const more = sources.length > 1 ? ` and ${sources.length - 1} other source${sources.length > 2 ? 's' : ''}` : '';
    return finding(base, { status, message: `Verified: in ${describe(sources[0])}${more}.`, source: sources[0], sources });
  }
  if (status === 'misquote') {
    const span = spanOf(library, best.alignment);
    const source = refOf(span);
    const suggestion = keepBoundaryPunctuation(q.text, sourceWording(span, best.alignment));
    const diff = diffOf(span, draft, pattern, best.alignment);
    return finding(base, {
      status, source, sources: [source], suggestion, diff,
      fix: { start: q.start, end: q.end, text: suggestion, confidence: 'exact' },
      message: `Misquote: ${describe(source)} reads “${clip(suggestion)}” (${summarize(diff)}).`,
    });
  }
  const nearest = best && best.alignment.matched >= Math.max(2, words * NEAREST_RATIO) ? refOf(spanOf(library, best.alignment)) : undefined;
  const minor = words === 1;
  const message = minor
    ? `Unsourced: no source holds the word “${q.text}” (a scare quote?).`
    : `Unsourced: no source holds this quotation${nearest ? `; the nearest passage is in ${describe(nearest)}` : ''}.`;
  return finding(base, { status, message, source: nearest, minor: minor || undefined });
}

function verdict(a: Alignment | undefined, words: number): QuoteStatus {
  if (!a) return 'unsourced';
  if (a.cost === 0 && a.matched === words) return 'verified';
  if (words >= 2 && a.matched >= 2 && a.matched >= words / 2 && a.cost <= Math.max(1, words * MAX_CHANGE_RATIO)) return 'misquote';
  return 'unsourced';
}

function uniqueByDoc(matches: QuoteMatch[]): QuoteMatch[] {
  const seen = new Set<number>();
  return matches.filter(m => !seen.has(m.doc) && seen.add(m.doc));
}

function spanOf(library: SourceLibrary, a: Alignment): SourceSpan {
  return library.locateSpan(a.start, a.end);
}

function refOf(span: SourceSpan): SourceRef {
  return sourceRef(span.doc, span.starts[0], span.ends[span.ends.length - 1]);
}

/** The source's words for the aligned span, exactly as printed; parts skipped by an ellipsis become " … ". */
function sourceWording(span: SourceSpan, a: Alignment): string {
  const parts: string[] = [];
  let from = a.start;
  for (const op of a.ops) {
    if (op.op !== 'gap' || op.to <= op.from) continue;
    if (op.from > from) parts.push(spanText(span, from, op.from));
    from = op.to;
  }
  if (a.end > from) parts.push(spanText(span, from, a.end));
  return parts.join(' … ');
}

function spanText(span: SourceSpan, from: number, to: number): string {
  return span.doc.text.slice(span.starts[from - span.from], span.ends[to - 1 - span.from]).replace(/\s+/g, ' ');
}

function keepBoundaryPunctuation(draftQuote: string, wording: string): string {
  const lead = /^[^\p{L}\p{N}]*/u.exec(draftQuote)?.[0] ?? '';
  const trail = /[^\p{L}\p{N}]*$/u.exec(draftQuote)?.[0] ?? '';
  return lead + wording + trail;
}

function diffOf(span: SourceSpan, draft: string, pattern: QuotePattern, a: Alignment): DiffPart[] {
  const parts: DiffPart[] = [];
  const dw = (q: number): string => {
    const el = pattern.elements[q];
    return 'word' in el ? draft.slice(el.word.start, el.word.end) : '';
  };
  const sw = (s: number): string => span.doc.text.slice(span.starts[s - span.from], span.ends[s - span.from]);
  const push = (op: DiffPart['op'], draftWords?: string, sourceWords?: string): void => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) {
      parts[parts.length - 1] = { op, draft: join(last.draft, draftWords), source: join(last.source, sourceWords) };
    } else parts.push({ op, draft: draftWords, source: sourceWords });
  };
  for (const op of a.ops) {
    if (op.op === 'equal') push('equal', dw(op.q), sw(op.s));
    else if (op.op === 'replace') push('replace', dw(op.q), sw(op.s));
    else if (op.op === 'insert') push('insert', dw(op.q));
    else if (op.op === 'delete') push('delete', undefined, sw(op.s));
    else if (op.op === 'swap') push('replace', `${dw(op.q)} ${dw(op.q + 1)}`, `${sw(op.s)} ${sw(op.s + 1)}`);
  }
  return parts;
}

function join(a?: string, b?: string): string | undefined {
  return a && b ? `${a} ${b}` : a ?? b;
}

function summarize(diff: readonly DiffPart[]): string {
  const changes = diff.filter(d => d.op !== 'equal').slice(0, 3).map(d =>
    d.op === 'replace' ? `“${d.draft}” for “${d.source}”` : d.op === 'insert' ? `“${d.draft}” added` : `“${d.source}” left out`);
  return changes.join(', ') || 'different wording';
}

export function describe(ref: SourceRef | undefined): string {
  if (!ref) return 'no source';
  const name = ref.title ? `“${clip(ref.title, 60)}”` : ref.path.split(/[\\/]/).pop() ?? ref.path;
  const extra = [ref.outlet, ref.date].filter(Boolean).join(', ');
  return extra ? `${name} (${extra})` : name;
}

function clip(s: string, max = 120): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
