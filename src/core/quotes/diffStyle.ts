/** A misquote's diff read with house style as no change (`quoteDiff.ts` reads it for the message and the hover). */
import type { AlignOp } from './align';
import type { QuotePattern } from './pattern';
import { spokenAs } from './style';

/**
 * The ops with house style read as no change (`style.ts`), so that the diff names the change that is one: "a 25%
 * improvement" against "a 20 pct improvement" is "'25' where the source says '20'", not "the draft leaves out '20';
 * '25' where the source says 'pct'"; "60 to 70 per cent" against "65 to 70 pct" is "'60' where the source says '65'".
 * A number the alignment set against the source's unit is set against the source's number before it; a unit the
 * draft prints as a symbol beside its number ("25%", "$35"), or spells the same ("per cent", "million"), is no change.
 */
export function inHouseStyle(ops: readonly AlignOp[], quote: string, pattern: QuotePattern, sourceNorm: (s: number) => string): AlignOp[] {
  const wordOf = (q: number): { norm: string; start: number; end: number } => (pattern.elements[q] as { word: { norm: string; start: number; end: number } }).word;
  const draftNorm = (q: number): string => wordOf(q).norm;
  const isNumber = (norm: string): boolean => /^\d[\d.,]*$/.test(norm);
  const unitOf = (norm: string): string | undefined => {
    const spoken = spokenAs(norm);
    return spoken === '%' || spoken === '$' || spoken === 'M' || spoken === 'B' ? spoken : undefined;
  };
  // The draft prints the unit as a symbol beside its number: "25%", "$35".
  const symbolBeside = (q: number, unit: string): boolean => {
    const word = wordOf(q);
    // A bare "$" or "US$": "HK$" and "A$" are other currencies than the wire's "dlrs".
    return unit === '%' ? /^\s?%/.test(quote.slice(word.end, word.end + 2))
      : unit === '$' && /(?:^|[^\p{L}]|[^\p{L}]US|^US)\$\s?$/u.test(quote.slice(Math.max(0, word.start - 5), word.start));
  };
  const out: AlignOp[] = [];
  for (let k = 0; k < ops.length; k++) {
    const a = ops[k];
    const b = ops[k + 1];
    // The source's number left out and the draft's number set against its unit: the two numbers, then the unit.
    if (a.op === 'delete' && b?.op === 'replace' && isNumber(sourceNorm(a.s)) && isNumber(draftNorm(b.q)) && unitOf(sourceNorm(b.s))) {
      out.push({ op: 'replace', q: b.q, s: a.s });
      if (!symbolBeside(b.q, unitOf(sourceNorm(b.s))!)) out.push({ op: 'delete', s: b.s });
      k++;
      continue;
    }
    // A unit the draft prints as a symbol beside the number before it.
    if (a.op === 'delete' && unitOf(sourceNorm(a.s)) && out.length) {
      const before = out[out.length - 1];
      if ((before.op === 'replace' || before.op === 'equal') && isNumber(draftNorm(before.q)) && symbolBeside(before.q, unitOf(sourceNorm(a.s))!)) continue;
    }
    // "per cent" against "pct": one spoken word in two, set against the unit either way.
    if (a.op === 'replace' && draftNorm(a.q) === 'per' && b?.op === 'insert' && draftNorm(b.q) === 'cent' && unitOf(sourceNorm(a.s)) === '%') {
      out.push({ op: 'equal', q: a.q, s: a.s }, { op: 'equal', q: b.q, s: a.s });
      k++;
      continue;
    }
    if (a.op === 'insert' && draftNorm(a.q) === 'per' && b?.op === 'replace' && draftNorm(b.q) === 'cent' && unitOf(sourceNorm(b.s)) === '%') {
      out.push({ op: 'equal', q: a.q, s: b.s }, { op: 'equal', q: b.q, s: b.s });
      k++;
      continue;
    }
    // A word in the draft's style for the source's ("million" for "mln", "five" for "5").
    if (a.op === 'replace' && spokenAs(draftNorm(a.q)) !== undefined && spokenAs(draftNorm(a.q)) === spokenAs(sourceNorm(a.s))) {
      out.push({ op: 'equal', q: a.q, s: a.s });
      continue;
    }
    out.push(a);
  }
  return out;
}
