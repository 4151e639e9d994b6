import { isContentWord } from '../dates/contentWords';
import type { SourceLibrary } from '../sources/library';
import { forEachWord } from '../text/words';
import { verdictCost, type Alignment } from './align';
import { maySameSpeaker, type Speaker } from './speakerType';

/**
 * Evidence that a source passage is about the same statement as a draft's quotation, before the passage may be
 * called the quotation's misquoted original (or named as its nearest passage). A quotation differing from a passage
 * in a word or two proves nothing by itself in a large library: "We will never negotiate" is one word from "we will
 * never develop" in an unrelated story. The rules (README, "Same statement"), decided on the labelled cases with and
 * without a large library of unrelated news beside their sources:
 * - `speaker`: the draft and the source name the same person as the speaker;
 * - `story`: the source document holds another of the draft's quotations word for word;
 * - `context`: the quotation's sentence and the one before it in the draft, the quotation left out, share
 *   CONTEXT_WORDS content words that are not common in the library with the source's words around the passage;
 * - `long`: the passage holds LONG_WORDS of the quotation's words or more, in order, with at most one change for every
 *   LONG_RATIO⁻¹ words matched.
 * In a small library (at most OWN_SOURCES documents: the sources gathered for one story) every source is the draft's
 * story, but a source fetched from an archive never is (SourceLibrary.isOwnSource). Short quotations need one of the first three.
 */
export type Evidence = 'speaker' | 'story' | 'context' | 'long' | 'own sources';

const LONG_WORDS = 8;
const LONG_RATIO = 1 / 5;
const CONTEXT_WORDS = 2;
/** Source words read on each side of the passage for shared context. */
const CONTEXT_REACH = 40;
/** Context words commoner than one in this many library words ("government", "people") are not evidence. */
const COMMON_CONTEXT = 5000;

/** What the draft says around a quotation: its paragraph's content words, its speaker, the stories of its other quotations. */
export interface QuoteContext {
  /** Vocabulary ids of the content words of the quotation's paragraph, the quotation's own words left out (read when needed). */
  readonly words: () => ReadonlySet<number>;
  /** The speaker the draft gives the quotation (read when needed: most verdicts never ask). */
  readonly speaker: () => Speaker | undefined;
  /** Documents holding another of the draft's quotations word for word. */
  readonly stories: Stories;
}

/** The draft's stories: documents (index numbers) holding its other quotations, and a key naming them. */
export interface Stories {
  has(doc: number): boolean;
  readonly key: string;
}

export function evidenceFor(library: SourceLibrary, a: Alignment, doc: number, context: QuoteContext,
  sourceSpeaker: () => Speaker | undefined): Evidence | undefined {
  if (isNearTotal(a)) return 'long';
  if (context.stories.has(doc)) return 'story';
  if (library.isOwnSource(doc)) return 'own sources';
  if (sharedContext(library, a, doc, context.words()) >= CONTEXT_WORDS) return 'context';
  const draftSpeaker = context.speaker();
  if (draftSpeaker?.names.length) {
    const source = sourceSpeaker();
    if (source?.names.length && maySameSpeaker(draftSpeaker, source)) return 'speaker';
  }
  return undefined;
}

/** A long passage holding the quotation's words nearly all, in order: the same statement whatever stands around it. */
export function isNearTotal(a: Alignment): boolean {
  const cost = verdictCost(a);
  return a.matched >= LONG_WORDS && cost <= Math.max(1, a.matched * LONG_RATIO);
}

/** Content words of the draft context found among the source's words around the passage (not in it). */
function sharedContext(library: SourceLibrary, a: Alignment, doc: number, words: ReadonlySet<number>): number {
  if (!words.size) return 0;
  const index = library.index;
  const ids = index.ids;
  const lo = Math.max(index.docStarts[doc], a.start - CONTEXT_REACH);
  const hi = Math.min(index.docStarts[doc + 1], a.end + CONTEXT_REACH);
  const common = Math.max(20, ids.length / COMMON_CONTEXT);
  const inPassage = new Set<number>();
  for (let p = a.start; p < a.end; p++) inPassage.add(ids[p]);
  const seen = new Set<number>();
  for (let p = lo; p < hi; p++) {
    if (p === a.start) { p = a.end - 1; continue; }
    const id = ids[p];
    if (words.has(id) && !inPassage.has(id) && index.frequency(id) <= common) seen.add(id);
  }
  return seen.size;
}

/** Vocabulary ids of the content words of `text[from..to)` outside the quotation `[skipFrom, skipTo)`. */
export function contextWords(library: SourceLibrary, text: string, from: number, to: number, skipFrom: number, skipTo: number): Set<number> {
  const out = new Set<number>();
  forEachWord(text, from, to, (norm, start, end) => {
    if (start >= skipFrom && end <= skipTo) return;
    if (!isContentWord(norm)) return;
    const id = library.vocab.lookup(norm);
    if (id >= 0) out.add(id);
  });
  return out;
}
