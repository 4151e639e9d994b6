import { finding, type Finding, type QuoteStatus, type SourceRef } from '../findings';
import { describe, quoteDifference } from '../findingWords';
import type { SourceLibrary, SourceSpan } from '../sources/library';
import type { LineMap } from '../text/lines';
import { verdictCost, type Alignment, type AlignOp } from './align';
import { misattribution } from './attribution';
import { misattributedFinding } from './misattributedFinding';
import { strangerSpoke, strangersOnly } from './strangersWords';
import { isVerbatim, type QuoteCandidates } from './candidates';
import { changeBudget } from './anchor';
import type { Quotation } from './extract';
import { evidenceFor, type Evidence, type QuoteContext } from './evidence';
import type { QuoteMatch } from './match';
import { refOf, speakerInSource } from './sourcePlaces';
import type { Speaker } from './speakerType';
import type { QuotePattern } from './pattern';
import { isTitleOfWork } from './titles';
import { editorialLeftOut, withoutEditorial } from './editorial';
import { readableDiff } from './quoteDiff';
import { withoutLinkSyntax } from './links';
import { houseStyleNote, inQuotationSpelling, onlyInStyle, respelled, respelledPairs, withOtherSpellings } from './houseStyleMatch';
import { anotherSpeaker, oneWordsSpeaker, othersTurn } from './speakerNotes';
import { wordingOf } from './misquoteWording';
import { toClauseEdges, withinSentence } from './wording';

/** Share of the quotation's words a source passage must hold to be named as the nearest one. */
const NEAREST_RATIO = 0.5;

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
    const places = matches.filter(m => m.alignment.cost === 0);
    const holders = uniqueByDoc(places);
    const spans = holders.map(m => spanOf(library, m.alignment));
    const sources = spans.map(refOf);
    const sameStatement = (m: QuoteMatch): boolean => evidenceFor(library, m.alignment, m.doc, context, () => undefined) !== undefined;
    const other = misattribution(holders, spans, words, context, sameStatement);
    if (other) return misattributedFinding(base, draft, context, other, sources[other.index]);
    const stranger = strangersOnly(holders, spans, places.length, context, sameStatement);
    if (stranger) return strangersWordsFinding(base, draft, context, stranger, sources[0]);
    const more = sources.length > 1 ? ` and ${sources.length - 1} other source${sources.length > 2 ? 's' : ''}` : '';
    const turn = othersTurn(library, places, draft, context);
    return finding(base, { status: 'verified', message: `Quote found in source: ${describe(sources[0])}${more}${turn}`, source: sources[0], sources });
  }
  // Word for word but for what the source's passage holds that is not the speaker's: its own (insertion), <ticker>,
  // or the attribution between two quotations of one speaker joined by the draft.
  let note = '';
  const quoted = withoutLinkSyntax(q.text, q.links);
  const faithful = [...matches, ...joinedAcross(library, pattern, matches)].find(found => {
    const m = withOtherSpellings(library, found, pattern, quoted);
    const spelling = m === found ? [] : [OTHER_SPELLING];
    if (m.alignment.cost === 0) note = OTHER_SPELLING;
    else {
      const editorial = editorialOf(library, m, words);
      const withoutIt = editorial.size ? { ...m, alignment: withoutEditorial(m.alignment, editorial) } : m;
      const style = onlyInStyle(library, withoutIt, q, pattern);
      if (leavesOutOnlyEditorial(m, words, editorial)) note = [LEFT_OUT_EDITORIAL, ...spelling].join('; ');
      else if (style) note = [...(editorial.size ? [LEFT_OUT_EDITORIAL] : []), houseStyleNote(library, withoutIt.alignment, pattern, quoted), ...spelling].join('; ');
      else return false;
    }
    return true;
  });
  if (faithful) {
    const span = spanOf(library, faithful.alignment);
    const source = refOf(span);
    const sameStatement = (m: QuoteMatch): boolean => evidenceFor(library, m.alignment, m.doc, context, () => undefined) !== undefined;
    const other = misattribution([faithful], [span], words, context, sameStatement);
    if (other) return misattributedFinding(base, draft, context, other, source);
    return finding(base, { status: 'verified', source, sources: [source],
      message: `Quote found in source: ${describe(source)} (${note})` });
  }
  const evidence = new Map<QuoteMatch, Evidence | undefined>();
  const sameStatement = (m: QuoteMatch): Evidence | undefined => {
    if (!evidence.has(m)) evidence.set(m, evidenceFor(library, m.alignment, m.doc, context, () => sourceSpeakerOf(library, m)));
    return evidence.get(m);
  };
  const misquoted = matches.find(m => verdict(m.alignment, words) === 'misquote' && sameStatement(m));
  if (misquoted) {
    // One read of the document's word offsets around the passage: the passage, its sentence and its clause ends.
    const index = library.index;
    const wide = library.locateSpan(Math.max(index.docStarts[misquoted.doc], misquoted.alignment.start - CLAUSE_SPAN),
      Math.min(index.docStarts[misquoted.doc + 1], misquoted.alignment.end + CLAUSE_SPAN));
    const placed = subSpan(wide, misquoted.alignment.start, misquoted.alignment.end);
    const stranger = strangerSpoke(library, draft, q, misquoted, placed, context, sameStatement(misquoted));
    if (stranger) return strangersWordsFinding(base, draft, context, stranger, refOf(placed), sameStatement(misquoted));
    const within = withinSentence(placed, misquoted.alignment);
    const editorial = editorialLeftOut(wide, within);
    const edged = toClauseEdges(wide, within);
    const alignment = edged ?? within;
    const span = alignment === misquoted.alignment ? placed : subSpan(wide, alignment.start, alignment.end);
    const source = refOf(span);
    // Words spelt the other way (British or American) are no difference: a fix keeps the quotation's spelling of them.
    const spelt = respelled(library, alignment, pattern, quoted);
    const worded = edged === undefined
      ? { withheld: 'the quotation\'s first or last word stands for source words whose clause runs on, and a fix could cut it mid-phrase' }
      : editorial.size
        ? { withheld: 'the source\'s passage holds words that are not the speaker\'s (its own insertion or an attribution), which a fix would put back' }
        : wordingOf(library, q, pattern, span, alignment, misquoted.doc, spelt);
    // Words the source gives to someone else: the wording's fix alone would leave the quotation misattributed.
    const wrongSpeaker = worded.withheld ? undefined : misattribution([misquoted], [span], words, context, m => sameStatement(m) !== undefined);
    const respelt = spelt === alignment || worded.text === undefined ? worded.text : inQuotationSpelling(worded.text, respelledPairs(library, alignment, spelt, pattern, quoted), quoted);
    const suggestion = respelt ?? worded.text;
    const withheld = worded.withheld ?? (wrongSpeaker
      && `the source gives these words to ${wrongSpeaker.name}${wrongSpeaker.viaPronoun ? ' (likely)' : ''}, and the wording's fix alone would leave them with another speaker`)
      ?? (worded.text !== undefined && respelt === undefined ? 'it would write the source\'s spelling over words the quotation spells the other way ("colour", "color")' : undefined);
    const diff = readableDiff(library, misquoted.doc, q.text, pattern, withoutEditorial(spelt, editorial), editorial);
    const otherSpeaker = wrongSpeaker ? '' : anotherSpeaker(draft, context, speakerInSource(span.doc, span.starts[0], span.ends[span.ends.length - 1]), span.doc.text);
    return finding(base, {
      status: 'misquote', source, sources: [source], suggestion, diff, sameStatement: sameStatement(misquoted),
      fix: suggestion === undefined || withheld ? undefined : { start: q.start, end: q.end, text: suggestion, confidence: 'exact' },
      message: `Quote differs from source: ${quoteDifference(diff)}${withheld ? ` (no automatic fix: ${withheld})` : ''}${otherSpeaker}`,
    });
  }
  const near = best && best.alignment.matched >= Math.max(2, words * NEAREST_RATIO) && sameStatement(best) ? best : undefined;
  const nearest = near && refOf(spanOf(library, near.alignment));
  const title = words > 1 && !nearest && isTitleOfWork(draft, q);
  // One word the draft gives to someone ("Raman said the piers were “dangerous”", "…“reckless,” he said") is that
  // speaker's word, not a scare quote.
  const givenTo = words === 1 ? oneWordsSpeaker(draft, q, context) : undefined;
  const minor = (words === 1 && !givenTo) || title;
  const message = words === 1
    ? givenTo
      ? `No source has the word “${q.text}”, which the draft gives to ${givenTo}`
      : `No source has the word “${q.text}” (a scare quote?)`
    : title
      ? `No source has the title “${q.text}” (the name of a work, not someone's words?)`
      : `No source has this quotation${nearest ? ` (the nearest passage is in ${describe(nearest)})` : ''}`;
  return finding(base, { status: 'unsourced', message, source: nearest, sameStatement: near && sameStatement(near), minor: minor || undefined });
}

/**
 * Words near or equal to a stranger's in an archive story (`strangerSpoke`, `strangersOnly`): no source; that passage
 * the nearest, and no fix (it would put a stranger's words in the speaker's mouth).
 */
function strangersWordsFinding(base: Parameters<typeof finding>[0], draft: string, context: QuoteContext, stranger: string, source: SourceRef,
  sameStatement?: Evidence): Finding {
  const draftName = context.speaker();
  const named = draftName ? draft.slice(draftName.start, draftName.end) : 'the draft\'s speaker';
  return finding(base, { status: 'unsourced', source, sameStatement,
    message: `No source has this quotation (the nearest passage is in ${describe(source)}, where ${stranger} speaks, not ${named})` });
}

/** Source words read either side of a misquote's passage for its clause ends and editorial words. */
const CLAUSE_SPAN = 12;

/** Most source words between two places of one document that a joined quotation may span (an attribution). */
const JOIN_REACH = 14;

/**
 * The quotation aligned over two of its candidate places in one document that stand close together: the draft may
 * join two quotations the source separates by a long attribution ('…," said analyst Joseph Phillippi of E.F.
 * Hutton Co. "…'), which the search places as two halves.
 */
function joinedAcross(library: SourceLibrary, pattern: QuotePattern, matches: readonly QuoteMatch[]): QuoteMatch[] {
  if (pattern.hasGaps || matches.length < 2) return [];
  const { ids, docStarts } = library.index;
  const words = pattern.words;
  const n = words.length;
  for (let i = 0; i < matches.length; i++) {
    for (let j = 0; j < matches.length; j++) {
      const [x, y] = [matches[i], matches[j]];
      if (i === j || x.doc !== y.doc || y.alignment.end <= x.alignment.start || y.alignment.end - x.alignment.start > n + JOIN_REACH + 4) continue;
      const [docLo, docHi] = [docStarts[x.doc], docStarts[x.doc + 1]];
      // The quotation's first words word for word from (about) the first place, the rest word for word a little later.
      for (let p0 = Math.max(docLo, x.alignment.start - 2); p0 <= x.alignment.start + 2; p0++) {
        let k = 0;
        while (k < n && p0 + k < docHi && ids[p0 + k] === words[k].id) k++;
        if (k === 0 || k === n) continue;
        for (let p1 = p0 + k + 1; p1 <= p0 + k + JOIN_REACH && p1 + n - k <= docHi; p1++) {
          let r = 0;
          while (k + r < n && ids[p1 + r] === words[k + r].id) r++;
          if (k + r < n) continue;
          const ops: AlignOp[] = [];
          for (let q = 0; q < k; q++) ops.push({ op: 'equal', q, s: p0 + q });
          for (let s = p0 + k; s < p1; s++) ops.push({ op: 'delete', s });
          for (let q = k; q < n; q++) ops.push({ op: 'equal', q, s: p1 + q - k });
          return [{ alignment: { cost: p1 - p0 - k, ops, start: p0, end: p1 + n - k, matched: n }, doc: x.doc }];
        }
      }
    }
  }
  return [];
}

const LEFT_OUT_EDITORIAL = 'the source\'s own insertion or attribution, left out, is not the speaker\'s words';
const OTHER_SPELLING = 'spelt the British or the American way where the source spells it the other ("colour", "color")';

/** The source's editorial words that a match leaves out (see editorial.ts); none when it leaves out no word. */
function editorialOf(library: SourceLibrary, m: QuoteMatch, words: number): ReadonlySet<number> {
  const a = m.alignment;
  // Only a nearly whole match may leave out no more than editorial words and style words.
  if (a.matched < words - NEARLY_WHOLE || !a.ops.some(o => o.op === 'delete')) return NONE;
  const index = library.index;
  const wide = library.locateSpan(Math.max(index.docStarts[m.doc], a.start - 1), Math.min(index.docStarts[m.doc + 1], a.end + 1));
  return editorialLeftOut(wide, a);
}
const NONE: ReadonlySet<number> = new Set();
/** Words of a quotation a match may miss and still differ only in style (`houseStyleMatch.ts` allows 3, and "cent"). */
const NEARLY_WHOLE = 6;

/** Whether the alignment differs from the quotation only by the source's editorial words left out. */
function leavesOutOnlyEditorial(m: QuoteMatch, words: number, editorial: ReadonlySet<number>): boolean {
  const a = m.alignment;
  if (a.matched !== words || a.ops.some(o => o.op !== 'equal' && o.op !== 'delete' && o.op !== 'gap')) return false;
  return editorial.size > 0 && a.ops.every(o => o.op !== 'delete' || editorial.has(o.s));
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

/** The words [from, to) of a span that holds them. */
function subSpan(span: SourceSpan, from: number, to: number): SourceSpan {
  const k = from - span.from;
  const n = Math.max(1, to - from);
  return { doc: span.doc, from, starts: span.starts.slice(k, k + n), ends: span.ends.slice(k, k + n) };
}

function spanOf(library: SourceLibrary, a: Alignment): SourceSpan {
  return library.locateSpan(a.start, a.end);
}

/** Kept for the date verdicts, which name sources the same way. */
export { describe } from '../findingWords';
