import { contentWords } from '../dates/contentWords';
import { extractDatesIn, sentences } from '../dates/mentions';
import { resolveSourceDates } from '../dates/sourceDateTable';
import { commonWordLimit, MIN_SHARED_RATIO, MIN_SHARED_WORDS } from '../dates/pairing';
import { leftOpen, type Finding } from '../findings';
import type { CorpusSource, DatedStatement, DateReading, SourceCorpus } from '../sources/corpus';
import type { SourceLibrary } from '../sources/library';

export interface DateAnswers {
  /** The documents of the corpus's dated sentences that pair with the draft's sentences asked about. */
  readonly sources: readonly CorpusSource[];
  /**
   * Whether a word of those sentences is too common to pair them, in the local sources and the corpus together;
   * undefined for other words.
   */
  readonly common: (word: string) => boolean | undefined;
}

/**
 * The dates the local sources leave unsupported (and the loose ones they give no finding, which a source may
 * contradict or support), looked up in a corpus: their sentences' content words (as the
 * verdict code pairs a sentence: its dates' words left out), which of them the local sources and the corpus together
 * count too common to pair sentences by (two statements: the counts, then the sentences), and the documents of the
 * corpus's dated sentences that share enough of the others. Undefined when the corpus does not look dates up, or no
 * sentence has words enough to pair.
 */
export async function dateQuestions(local: SourceLibrary, draft: string, masked: string, localFindings: readonly Finding[],
  reading: DateReading, corpus: SourceCorpus): Promise<DateAnswers | undefined> {
  if (!corpus.dateCounts || !corpus.datedSentences) return undefined;
  const statements = statementWords(draft, masked, localFindings, reading).filter(words => words.size >= MIN_SHARED_WORDS);
  if (!statements.length) return undefined;
  const words = [...new Set(statements.flatMap(s => [...s]))];
  const counts = await corpus.dateCounts(words, reading);
  if (!counts) return undefined;
  const own = resolveSourceDates(local, reading.reference, reading.dayFirst);
  const limit = commonWordLimit(own.all.length + counts.dates);
  const isCommon = new Map(words.map(w => [w, (own.sentences.byWord.get(w)?.dates ?? 0) + (counts.wordDates.get(w) ?? 0) > limit]));
  const questions: DatedStatement[] = statements
    .map(s => ({ words: [...s].filter(w => !isCommon.get(w)), least: Math.ceil(Math.max(MIN_SHARED_WORDS, s.size * MIN_SHARED_RATIO)) }))
    .filter(q => q.words.length >= q.least);
  const sources = questions.length ? await corpus.datedSentences(questions, reading) : [];
  return { sources, common: w => isCommon.get(w) };
}

/**
 * The content words of each sentence that holds a date the local findings leave open (`leftOpen`), or a loose one without
 * a finding. Its dates' words are left out.
 */
function statementWords(draft: string, masked: string, localFindings: readonly Finding[], reading: DateReading): Array<Set<string>> {
  const all = sentences(masked);
  const mentions = extractDatesIn(masked, all, { reference: reading.reference, dayFirst: reading.dayFirst });
  const found = new Map(localFindings.filter(f => f.kind === 'date').map(f => [f.start, leftOpen(f)]));
  const out: Array<Set<string>> = [];
  let k = 0;
  for (const [s, e] of all) {
    const first = k;
    while (k < mentions.length && mentions[k].start < e) k++;
    const here = mentions.slice(first, k).filter(m => m.start >= s);
    if (here.some(m => found.get(m.start) === true || (m.loose && !found.has(m.start)))) out.push(contentWords(draft, s, e, here));
  }
  return out;
}
