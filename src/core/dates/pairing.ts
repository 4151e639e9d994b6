/**
 * How a draft sentence pairs with the sources' dated sentences: the sentences that share enough of its content words
 * (the same statement), and each of its dates' counterpart in the best of them (the date in the same role).
 */
import type { SourceDocument } from '../sources/document';
import { MAX_PAIRED_SENTENCES } from '../sources/corpus';
import { contentWords } from './contentWords';
import { datesInRoles, NO_ROLES, precisionNeeded } from './dateRoles';
import type { DateMention } from './mentions';

import { precisionOf, type SourceDate } from './sourceDates';
import { type ResolvedSourceDates } from './sourceDateTable';

/** A source sentence says the same thing as the draft's when they share this many content words... */
export const MIN_SHARED_WORDS = 3;
/** ...and this share of the draft sentence's content words. */
export const MIN_SHARED_RATIO = 0.4;
/**
 * Content words standing with more source dates than this are too common to pair sentences; in a large library, with
 * more than this share of all its dates ("money" and "supply" stand with hundreds of the dates of a newsroom archive,
 * and a weekly money-supply report shares nothing else with its own story).
 */
const COMMON_WORD = 250;
const COMMON_SHARE = 0.025;

/** The number of source dates above which a content word is too common to pair sentences, in a library of `dates` dates. */
export function commonWordLimit(dates: number): number {
  return Math.max(COMMON_WORD, Math.round(dates * COMMON_SHARE));
}

export interface DraftSentence { readonly start: number; readonly end: number }

/** The source sentences and stories that say what a draft sentence says, and the source date in each date's role. */
export interface SentencePairing {
  /** Dated source sentences (indices into `sources.sentences`), best first. */
  readonly sentences: readonly number[];
  /** How many of the draft sentence's content words each of `sentences` shares. */
  readonly shared: readonly number[];
  /** The documents of those sentences. */
  readonly documents: ReadonlySet<SourceDocument>;
  /** The draft sentence's content words (its dates left out). */
  readonly words: ReadonlySet<string>;
  /** Per draft date without the same date in a paired sentence: the best sentence's date in the same role. */
  readonly roles: ReadonlyMap<DateMention, SourceDate>;
}

/** Paired sentences considered per draft sentence (an archive's date look-up returns as many: sources/corpus.ts). */
const MAX_PAIRED = MAX_PAIRED_SENTENCES;

function datesOfSentence(sources: ResolvedSourceDates, i: number): SourceDate[] {
  const { firstDate } = sources.sentences;
  return sources.all.slice(firstDate[i], firstDate[i + 1]) as SourceDate[];
}

/**
 * How a draft sentence pairs with the sources: the dated source sentences that share enough of its content words,
 * their stories, and each of its dates' counterpart in the best sentence. Dates pair by role: a date the best
 * sentence also holds takes that date; the others take the sentence's remaining dates of the same kind ("on Saturday
 * proposed … on May 15" against "on Saturday (10) … next Thursday, May 15": two supported dates, not one date
 * contradicting the other).
 */
export function pairSentence(draft: string, sentence: DraftSentence, mentions: readonly DateMention[], sources: ResolvedSourceDates): SentencePairing {
  const words = contentWords(draft, sentence.start, sentence.end, mentions);
  const { sentences: paired, shared } = pairedSentences(words, 0, sources);
  const roles = paired.length ? datesInRoles({ text: draft, ...sentence, dates: mentions }, datesOfSentence(sources, paired[0])) : NO_ROLES;
  return new Pairing(paired, shared, words, roles, sources);
}

class Pairing implements SentencePairing {
  private docs?: Set<SourceDocument>;
  constructor(readonly sentences: readonly number[], readonly shared: readonly number[], readonly words: ReadonlySet<string>,
    readonly roles: ReadonlyMap<DateMention, SourceDate>, private readonly sources: ResolvedSourceDates) {}

  /** Read only when no paired sentence settles a date: most pairings never need it. */
  get documents(): ReadonlySet<SourceDocument> {
    return (this.docs ??= new Set(this.sentences.map(i => this.sources.all[this.sources.sentences.firstDate[i]].doc)));
  }
}

/** The dated source sentence that says what the draft's sentence says, with its dates at the draft's granularity. */
export function sameStatement(draft: string, m: DateMention, sentence: DraftSentence, sources: ResolvedSourceDates): { dates: SourceDate[] } | undefined {
  const need = precisionNeeded(m);
  const best = pairedSentences(contentWords(draft, sentence.start, sentence.end, [m]), need, sources).sentences[0];
  if (best === undefined) return undefined;
  return { dates: datesOfSentence(sources, best).filter(d => precisionOf(d) >= need) };
}

/**
 * Dated source sentences (of at least precision `need`) sharing MIN_SHARED_WORDS and MIN_SHARED_RATIO of the
 * content words, best first (the story's own sources first, ties in source order), at most MAX_PAIRED. A sentence
 * sharing `least` of the words is in at least one of the shortest (lists − least + 1) word lists: those are walked,
 * and the sentences found there are looked up in the longer lists (of common words: hundreds of sentences each), not
 * the longer lists walked.
 */
function pairedSentences(words: ReadonlySet<string>, need: number, sources: ResolvedSourceDates): { readonly sentences: readonly number[]; readonly shared: readonly number[] } {
  if (words.size < MIN_SHARED_WORDS) return NONE_PAIRED;
  const { byWord, finest, counts, touched } = sources.sentences;
  const common = commonWordLimit(sources.all.length);
  const least = Math.max(MIN_SHARED_WORDS, words.size * MIN_SHARED_RATIO);
  const lists: Int32Array[] = [];
  for (const w of words) {
    const entry = byWord.get(w);
    if (entry && entry.dates <= common) lists.push(entry.sentences);
  }
  const walked = lists.length - Math.ceil(least) + 1;
  if (walked <= 0) return NONE_PAIRED;
  sortByLength(lists);
  let n = 0;
  for (let l = 0; l < walked; l++) {
    const list = lists[l];
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (counts[i]++ === 0) touched[n++] = i;
    }
  }
  for (let l = walked; l < lists.length && n > 0; l++) {
    const list = lists[l];
    // Sentences that would fall short even if every list left held them are dropped before the list is read (those
    // left fall short at the end all the same): walked or looked up, it is read for fewer of them.
    const short = least - (lists.length - l);
    if (short > 1) {
      let kept = 0;
      for (let k = 0; k < n; k++) {
        const i = touched[k];
        if (counts[i] < short) counts[i] = 0;
        else touched[kept++] = i;
      }
      n = kept;
    }
    if (n * Math.log2(list.length + 1) >= list.length) {
      // Many sentences found and a list not much longer: walking it is cheaper than looking each one up.
      for (let k = 0; k < list.length; k++) if (counts[list[k]] > 0) counts[list[k]]++;
      continue;
    }
    for (let k = 0; k < n; k++) if (holds(list, touched[k])) counts[touched[k]]++;
  }
  // The MAX_PAIRED best, most shared words first, then in source order: kept sorted as they come. Sentences of the
  // story's own sources come first (checked beside a large library): the statement is the story's before an archive's.
  const out: number[] = [];
  const own = sources.sentences.own;
  const before = own
    ? (a: number, b: number): boolean => own[a] > own[b] || (own[a] === own[b] && (counts[a] > counts[b] || (counts[a] === counts[b] && a < b)))
    : (a: number, b: number): boolean => counts[a] > counts[b] || (counts[a] === counts[b] && a < b);
  for (let k = 0; k < n; k++) {
    const i = touched[k];
    if (counts[i] < least || finest[i] < need) continue;
    if (out.length === MAX_PAIRED && !before(i, out[MAX_PAIRED - 1])) continue;
    let at = out.length === MAX_PAIRED ? MAX_PAIRED - 1 : out.length;
    while (at > 0 && before(i, out[at - 1])) at--;
    if (out.length === MAX_PAIRED) out.pop();
    out.splice(at, 0, i);
  }
  const shared = out.map(i => counts[i]);
  for (let k = 0; k < n; k++) counts[touched[k]] = 0;
  return { sentences: out, shared };
}

const NONE_PAIRED = { sentences: [], shared: [] };

/** Sorts a few lists, shortest first (an insertion sort: no comparator calls nor copies for a sentence's words). */
function sortByLength(lists: Int32Array[]): void {
  if (lists.length > 32) { lists.sort((a, b) => a.length - b.length); return; }
  for (let i = 1; i < lists.length; i++) {
    const list = lists[i];
    let at = i;
    while (at > 0 && lists[at - 1].length > list.length) { lists[at] = lists[at - 1]; at--; }
    lists[at] = list;
  }
}

/**
 * Whether an ascending list holds `i`: a binary search whose step is a choice of value, not a branch (the compiled
 * code selects rather than jumps, and half of such jumps would be mispredicted).
 */
function holds(list: Int32Array, i: number): boolean {
  let base = 0;
  let size = list.length;
  if (size === 0) return false;
  while (size > 1) {
    const half = size >> 1;
    base = list[base + half] <= i ? base + half : base;
    size -= half;
  }
  return list[base] === i;
}
