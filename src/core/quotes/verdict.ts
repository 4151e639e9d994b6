import { finding, type Finding, type QuoteStatus } from '../findings';
import { describe, quoteDifference } from '../findingWords';
import type { SourceLibrary, SourceSpan } from '../sources/library';
import type { LineMap } from '../text/lines';
import { verdictCost, type Alignment } from './align';
import { misattribution } from './attribution';
import { changeBudget } from './anchor';
import type { Quotation } from './extract';
import { evidenceFor, type Evidence, type QuoteContext } from './evidence';
import { findQuote, type QuoteMatch } from './match';
import { refOf, speakerInSource } from './sourcePlaces';
import type { Speaker } from './speakerType';
import { linkMarks, withoutLinkSyntax } from './links';
import { buildPattern, type QuotePattern } from './pattern';
import { diffOf, keepBoundaryPunctuation, sourceWording, withinSentence } from './wording';

/** Share of the quotation's words a source passage must hold to be named as the nearest one. */
const NEAREST_RATIO = 0.5;

/** Where a quotation stands or nearly stands in the library (the costly part of a verdict, memoized by its text). */
export interface QuoteCandidates {
  readonly pattern: QuotePattern;
  readonly matches: readonly QuoteMatch[];
}

export function findCandidates(library: SourceLibrary, q: Quotation): QuoteCandidates {
  // Word offsets relative to the quotation, so that the candidates still hold when the quotation moves in the draft.
  // A link's text is quoted words, its syntax is not: blanked, so that word offsets still slice the quotation's text.
  const pattern = buildPattern(library.vocab, withoutLinkSyntax(q.text, q.links), 0);
  return { pattern, matches: findQuote(library, pattern) };
}

/** Whether the best candidate holds the quotation word for word. */
export function isVerbatim(found: QuoteCandidates): boolean {
  const best = found.matches[0];
  return !!best && best.alignment.cost === 0 && best.alignment.matched === found.pattern.words.length;
}

/**
 * The verdict on one quotation of a draft, from its candidates and what the draft says around it. A passage is
 * named as misquoted (or as the nearest) only with evidence that it is the same statement; words that stand in a
 * source whose speaker is clearly someone else than the draft's are misattributed.
 */
export function checkQuotation(library: SourceLibrary, draft: string, lines: LineMap, q: Quotation,
  found: QuoteCandidates, context: QuoteContext): Finding {
  const { pattern, matches } = found;
  const best = matches[0];
  const words = pattern.words.length;
  const { line, column } = lines.position(q.start);
  const base = { kind: 'quote' as const, start: q.start, end: q.end, line, column, text: q.text };
  if (isVerbatim(found)) {
    const holders = uniqueByDoc(matches.filter(m => m.alignment.cost === 0));
    const spans = holders.map(m => spanOf(library, m.alignment));
    const sources = spans.map(refOf);
    const sameStatement = (m: QuoteMatch): boolean => evidenceFor(library, m.alignment, m.doc, context, () => undefined) !== undefined;
    const other = misattribution(holders, spans, words, context, sameStatement);
    if (other) {
      const source = sources[other.index];
      const draftName = context.speaker!;
      const fix = draftName.viaPronoun ? undefined : { start: draftName.start, end: draftName.end, text: other.name, confidence: 'exact' as const };
      return finding(base, {
        status: 'misattributed', source, sources: [source], fix,
        speakers: { draft: draft.slice(draftName.start, draftName.end), source: other.name },
        message: `Quote attributed to another speaker: the source gives these words to ${other.name}, not ${draft.slice(draftName.start, draftName.end)}`,
      });
    }
    const more = sources.length > 1 ? ` and ${sources.length - 1} other source${sources.length > 2 ? 's' : ''}` : '';
    return finding(base, { status: 'verified', message: `Quote found in source: ${describe(sources[0])}${more}`, source: sources[0], sources });
  }
  const evidence = new Map<QuoteMatch, Evidence | undefined>();
  const sameStatement = (m: QuoteMatch): Evidence | undefined => {
    if (!evidence.has(m)) evidence.set(m, evidenceFor(library, m.alignment, m.doc, context, () => sourceSpeakerOf(library, m)));
    return evidence.get(m);
  };
  const misquoted = matches.find(m => verdict(m.alignment, words) === 'misquote' && sameStatement(m));
  if (misquoted) {
    const placed = spanOf(library, misquoted.alignment);
    const alignment = withinSentence(placed, misquoted.alignment);
    const span = alignment === misquoted.alignment ? placed : spanOf(library, alignment);
    const source = refOf(span);
    // The draft's links go around the source words their words stand for; a link that cannot be kept gets no fix.
    const marks = q.links.length ? linkMarks(q.text, q.links, pattern, alignment.ops) : undefined;
    const suggestion = keepBoundaryPunctuation(withoutLinkSyntax(q.text, q.links, ''), sourceWording(span, alignment, marks));
    const diff = diffOf(span, q.text, pattern, alignment);
    return finding(base, {
      status: 'misquote', source, sources: [source], suggestion, diff, sameStatement: sameStatement(misquoted),
      fix: q.links.length && !marks ? undefined : { start: q.start, end: q.end, text: suggestion, confidence: 'exact' },
      message: `Quote differs from source: ${quoteDifference(diff)}${q.links.length && !marks ? ' (no automatic fix: it would drop a link of the quotation)' : ''}`,
    });
  }
  const near = best && best.alignment.matched >= Math.max(2, words * NEAREST_RATIO) && sameStatement(best) ? best : undefined;
  const nearest = near && refOf(spanOf(library, near.alignment));
  const minor = words === 1;
  const message = minor
    ? `No source has the word “${q.text}” (a scare quote?)`
    : `No source has this quotation${nearest ? ` (the nearest passage is in ${describe(nearest)})` : ''}`;
  return finding(base, { status: 'unsourced', message, source: nearest, sameStatement: near && sameStatement(near), minor: minor || undefined });
}

function sourceSpeakerOf(library: SourceLibrary, m: QuoteMatch): Speaker | undefined {
  const span = spanOf(library, m.alignment);
  return speakerInSource(span.doc, span.starts[0], span.ends[span.ends.length - 1]);
}

function verdict(a: Alignment | undefined, words: number): QuoteStatus {
  if (!a) return 'unsourced';
  if (a.cost === 0 && a.matched === words) return 'verified';
  if (words >= 2 && a.matched >= 2 && a.matched >= words / 2 && verdictCost(a) <= changeBudget(words)) return 'misquote';
  return 'unsourced';
}

function uniqueByDoc(matches: QuoteMatch[]): QuoteMatch[] {
  const seen = new Set<number>();
  return matches.filter(m => !seen.has(m.doc) && seen.add(m.doc));
}

function spanOf(library: SourceLibrary, a: Alignment): SourceSpan {
  return library.locateSpan(a.start, a.end);
}

/** Kept for the date verdicts, which name sources the same way. */
export { describe } from '../findingWords';
