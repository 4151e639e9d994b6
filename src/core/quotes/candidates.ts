/** Where a quotation stands or nearly stands in the library: as written, with "US" for "U.S.", or with its hyphens joined. */
import type { SourceLibrary } from '../sources/library';
import { align, verdictCost } from './align';
import { anchorEnds } from './anchor';
import type { Quotation } from './extract';
import { initialismsSwapped } from './initialisms';
import { withoutLinkSyntax } from './links';
import { findQuote, type QuoteMatch } from './match';
import { buildPattern, type QuotePattern } from './pattern';

/** Where a quotation stands or nearly stands in the library (the costly part of a verdict, memoized by its text). */
export interface QuoteCandidates {
  readonly pattern: QuotePattern;
  readonly matches: readonly QuoteMatch[];
}

export function findCandidates(library: SourceLibrary, q: Quotation): QuoteCandidates {
  // Word offsets relative to the quotation, so that the candidates still hold when the quotation moves in the draft.
  // A link's text is quoted words, its syntax is not: blanked, so that word offsets still slice the quotation's text.
  const text = withoutLinkSyntax(q.text, q.links);
  const pattern = buildPattern(library.vocab, text, 0);
  let found: QuoteCandidates = { pattern, matches: findQuote(library, pattern) };
  if (isVerbatim(found)) return found;
  // "US" where the source prints "U.S." (or the other way round): the same word. Taken when word for word, or
  // nearer the source than as written.
  const swapped = INITIALISM.test(text) ? initialismsSwapped(pattern, text, norm => library.vocab.lookup(norm)) : undefined;
  if (swapped && found.matches.length) {
    // Aligned where the quotation as written was placed (a second search of the library for every quotation holding
    // "US" cost more than the rest of its check).
    const other = { pattern: swapped, matches: realigned(library, swapped, found.matches) };
    if (isVerbatim(other)) return other;
    const cost = (f: QuoteCandidates): number => f.matches.length ? verdictCost(f.matches[0].alignment) : Infinity;
    if (other.matches.length && cost(other) < cost(found)) found = other;
  }
  if (!HYPHENATED.test(text)) return found;
  // "pre-conditions" where the source prints "preconditions": the same word. The hyphens made soft (a soft hyphen
  // belongs to its word and is left out of its normal form), offsets unchanged; taken only if word for word.
  const joined = buildPattern(library.vocab, text.replace(HYPHENATED_ALL, '$1\u00AD'), 0);
  const asOne = { pattern: joined, matches: findQuote(library, joined) };
  return isVerbatim(asOne) ? asOne : found;
}

/** `matches` aligned again for another pattern of the same quotation, in their windows, best first. */
function realigned(library: SourceLibrary, pattern: QuotePattern, matches: readonly QuoteMatch[]): QuoteMatch[] {
  const { ids, docStarts } = library.index;
  // Only where the window holds the initialism in the other form: elsewhere the alignment cannot improve.
  const needles = initialismNeedles(pattern);
  const out: QuoteMatch[] = [];
  for (const m of matches) {
    const [docLo, docHi] = [docStarts[m.doc], docStarts[m.doc + 1]];
    const lo = Math.max(docLo, m.alignment.start - REALIGN_REACH);
    const hi = Math.min(docHi, m.alignment.end + REALIGN_REACH);
    let holds = false;
    for (let p = lo; p < hi && !holds; p++) holds = needles.some(n => n.every((id, k) => ids[p + k] === id && p + k < hi));
    if (!holds) continue;
    const alignment = anchorEnds(pattern, ids, align(pattern.elements, ids, lo, hi), docLo, docHi);
    if (alignment.matched > 0) out.push({ alignment, doc: m.doc });
  }
  return out.sort((a, b) => verdictCost(a.alignment) - verdictCost(b.alignment) || b.alignment.matched - a.alignment.matched || a.alignment.start - b.alignment.start);
}

/** The id sequences of a swapped pattern's initialisms: "U" "S" read from "US", or "us" read from "U.S.". */
function initialismNeedles(pattern: QuotePattern): number[][] {
  const out: number[][] = [];
  const words = pattern.words;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w.norm.length === 2 && INITIALISM_NORMS.has(w.norm) && w.end - w.start > 2) out.push([w.id]);
    else if (w.norm.length === 1 && k + 1 < words.length && words[k + 1].start === w.end && INITIALISM_NORMS.has(w.norm + words[k + 1].norm)) {
      out.push([w.id, words[k + 1].id]);
    }
  }
  return out.filter(n => n.every(id => id >= 0));
}

const INITIALISM_NORMS = new Set(['us', 'uk', 'eu', 'un']);

/** Source words either side of a match's passage that a pattern aligned again may take in. */
const REALIGN_REACH = 6;

/** An initialism that may be printed with or without full stops. */
const INITIALISM = /(?<![\p{L}\p{N}])(?:US|UK|EU|UN|U\.S|U\.K|E\.U|U\.N)(?![\p{L}\p{N}])/u;

/** A hyphen between two letters, inside a printed word. */
const HYPHENATED = /\p{L}-\p{L}/u;
const HYPHENATED_ALL = /(\p{L})-(?=\p{L})/gu;

/** Whether the best candidate holds the quotation word for word. */
export function isVerbatim(found: QuoteCandidates): boolean {
  const best = found.matches[0];
  return !!best && best.alignment.cost === 0 && best.alignment.matched === found.pattern.words.length;
}
