import type { SourceLibrary, SourceSpan } from '../sources/library';
import { align, type Alignment } from './align';
import type { Quotation } from './extract';
import { inlineLinks, linkMarks, markupNames, strayMarkup, withoutLinkSyntax } from './links';
import { buildPattern, type QuotePattern } from './pattern';
import { firstVerbatimIn } from './verbatimPlaces';
import { wireStyleIn } from './style';
import { inDraftInitialisms } from './initialisms';
import { hasJournalistMarks, leavesOutQuotedWords, wordingAroundMarks } from './journalistMarks';
import { inDraftApostrophes, inDraftCase, keepBoundaryPunctuation, sourceWording, spellingOnly } from './wording';

// The source's wording of a misquoted quotation, and whether it may be offered as a fix.

/** A misquote's suggestion, and why it is no fix when it is none (then the suggestion may be missing too). */
export interface Wording { readonly text?: string; readonly withheld?: string }

/**
 * The source's wording of a misquoted quotation, offered as a fix only when it is sound: it stands word for word in
 * the source passage it was worded from, keeps the journalist's ellipses, brackets and links, and covers the whole
 * quotation. A fix that writes an error into the copy is worse than none.
 */
export function wordingOf(library: SourceLibrary, q: Quotation, pattern: QuotePattern, span: SourceSpan, a: Alignment, doc: number, spelt = a): Wording {
  const index = library.index;
  if (leavesOutQuotedWords(pattern, a, index.ids, index.docStarts[doc], index.docStarts[doc + 1])) {
    return { withheld: 'words of the quotation stand elsewhere in the source, so its wording could leave them out' };
  }
  const blanked = withoutLinkSyntax(q.text, q.links);
  if (strayMarkup(q.text, q.links)) return { withheld: 'it would drop asterisks or underscores of the quotation' };
  if (hasJournalistMarks(blanked)) {
    if (q.links.length) return { withheld: `it would drop ${markupNames(q.links)} of the quotation` };
    const text = wordingAroundMarks(span, a, blanked, pattern);
    const fit = text === undefined ? 'no' : fitInSource(library, text, a, doc);
    if (fit === 'no') return { withheld: 'the source\'s words could not be fitted around the quotation\'s ellipses or brackets' };
    if (fit === 'wider') return { text, withheld: TAKES_IN_MORE };
    const cased = wordingAroundMarks(span, a, blanked, pattern, inDraftCase(span, a, blanked, pattern));
    return spelled(pattern, blanked, span, a, spelt, inDraftForms(blanked, cased ?? text!));
  }
  // The draft's links go around the source words their words stand for; a link that cannot be kept gets no fix.
  const marks = q.links.length ? linkMarks(q.text, q.links, pattern, a.ops) : undefined;
  const text = keepBoundaryPunctuation(withoutLinkSyntax(q.text, q.links, ''), sourceWording(span, a, marks));
  if (q.links.length && !marks) return { text, withheld: `it would drop ${markupNames(q.links)} of the quotation` };
  const fit = fitInSource(library, text, a, doc);
  if (fit === 'no') return { withheld: 'the source\'s words could not be fitted to the quotation' };
  if (fit === 'wider') return { text, withheld: TAKES_IN_MORE };
  const cased = inDraftCase(span, a, blanked, pattern);
  const casedText = cased === undefined ? text : keepBoundaryPunctuation(withoutLinkSyntax(q.text, q.links, ''), sourceWording(span, a, marks, cased));
  return spelled(pattern, blanked, span, a, spelt, inDraftForms(blanked, casedText));
}

/** The wording with the draft's apostrophes and initialisms ("wasn't", "US"). */
function inDraftForms(draftQuote: string, wording: string): string {
  return inDraftInitialisms(draftQuote, inDraftApostrophes(draftQuote, wording));
}

/**
 * A wording offered as a fix unless a word it changes differs from the draft's in spelling only: the source's typo
 * ("inter-releated", "politican") would be written into the copy. Shown, not offered.
 */
function spelled(pattern: QuotePattern, quote: string, span: SourceSpan, a: Alignment, spelt: Alignment, text: string): Wording {
  const wire = wireStyleIn(quote, text);
  if (wire) return { text, withheld: `the source writes '${wire}', a wire abbreviation, where the quotation uses its own style` };
  const editorial = notTheSpeakers(quote, text);
  if (editorial) return { withheld: `the source's passage holds ${editorial} that the quotation leaves out, which a fix would put back` };
  for (let k = 0; k < a.ops.length; k++) {
    const op = a.ops[k];
    // A word spelt the British or the American way (`spelt`) keeps the quotation's spelling: no typo.
    if (op.op !== 'replace' || spelt.ops[k].op === 'equal' || op.s < span.from || op.s >= span.from + span.starts.length) continue;
    const el = pattern.elements[op.q];
    if (!el || !('word' in el)) continue;
    const draftWord = quote.slice(el.word.start, el.word.end);
    const sourceWord = span.doc.text.slice(span.starts[op.s - span.from], span.ends[op.s - span.from]);
    if (spellingOnly(draftWord, sourceWord)) {
      return { text, withheld: `the source spells '${sourceWord}' where the quotation has '${draftWord}': a typo on either side, which only the journalist can tell` };
    }
  }
  return { text };
}

/** The source's own (insertion) or <ticker> in a wording. */
const INSERTION = /\([^()]*\)|<[^<>]*>/g;
const MAY_HOLD_EDITORIAL = /[(<"“”]/;
const LINK_TARGET = /\]\((?:[^()\s]|\([^()]*\))*\)/g;
/** A double quotation mark inside a wording: the end of one quotation and the start of another. */
const INNER_MARK = /[\p{L}\p{N},.!?;:]\s*["“”]|["“”]\s*[\p{L}\p{N}]/u;

/**
 * What a wording holds that is not the speaker's words and that the draft's quotation does not: the source's own
 * (insertion) or <ticker>, or quotation marks closing one quotation and opening the next around an attribution.
 */
function notTheSpeakers(draftQuote: string, fullWording: string): string | undefined {
  if (!MAY_HOLD_EDITORIAL.test(fullWording)) return undefined;
  // A link's target is no word of the quotation ("](https://example.com/a_(b))").
  const quote = draftQuote.replace(LINK_TARGET, ']');
  const wording = fullWording.replace(LINK_TARGET, ']');
  for (const m of wording.matchAll(INSERTION)) if (!quote.includes(m[0])) return `"${m[0]}" (the source's own insertion)`;
  const inner = wording.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const draftInner = quote.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (INNER_MARK.test(inner) && !INNER_MARK.test(draftInner)) return 'the end of one quotation and the start of another';
  return undefined;
}

/** Source words either side of an alignment that its printed words may take in ("Istanbul-where" of "Istanbul"). */
const PRINTED_REACH = 4;

/**
 * A source word printed joined to the quotation's edge word ("30 days-a position", where a dash was lost; "Istanbul-where")
 * would come into the draft with it: the journalist did not quote it, and cutting the printed word is no wording of the
 * source's either.
 */
const TAKES_IN_MORE = 'the source prints a word joined to the quotation\'s first or last one, which the quotation does not quote';

/**
 * Whether a suggestion, put in the draft, would be verified by the source words it was worded from: word for word
 * one run of the document (skipping only where the journalist's marks do), holding the whole aligned passage
 * ('fits'), and no source word more ('wider': whole printed words took in one the alignment left out); else 'no'.
 */
function fitInSource(library: SourceLibrary, text: string, a: Alignment, doc: number): 'fits' | 'wider' | 'no' {
  const { ids, docStarts } = library.index;
  const links = text.includes('](') ? inlineLinks(text) : [];
  const fixed = buildPattern(library.vocab, withoutLinkSyntax(text, links), 0);
  if (!fixed.words.length) return 'no';
  const lo = Math.max(docStarts[doc], a.start - PRINTED_REACH);
  const hi = Math.min(docStarts[doc + 1], a.end + PRINTED_REACH);
  if (!fixed.hasGaps) {
    const at = firstVerbatimIn(fixed, ids, lo, hi);
    const end = at + fixed.words.length;
    if (at < 0 || at > a.start || end < a.end) return 'no';
    return at < a.start || end > a.end ? 'wider' : 'fits';
  }
  const check = align(fixed.elements, ids, lo, hi);
  if (check.cost !== 0 || check.matched !== fixed.words.length || check.start > a.start || check.end < a.end) return 'no';
  return check.start < a.start || check.end > a.end ? 'wider' : 'fits';
}

