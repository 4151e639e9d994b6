import type { TokenRun, Vocabulary } from '../index/vocabulary';
import type { SourceDocument } from './document';

/** A source's words as a library interned them: its run (from `bodyStart`), and the vocabulary of the ids. */
export interface WordRun {
  readonly vocab: Vocabulary;
  readonly run: TokenRun;
}

const runs = new WeakMap<SourceDocument, WordRun>();

/**
 * Notes the run a library made of a source's words, so that the content words of its dated sentences are read from
 * the ids (src/core/dates/contentWords.ts) rather than interned again. The last library to take the source wins:
 * a run and its vocabulary are noted together.
 */
export function noteWordRun(doc: SourceDocument, vocab: Vocabulary, run: TokenRun): void {
  runs.set(doc, { vocab, run });
}

/** The run a library made of the source's words, if one did. */
export function wordRunOf(doc: SourceDocument): WordRun | undefined {
  return runs.get(doc);
}
