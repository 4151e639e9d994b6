import type { QuotationKeys } from './keys';

/** How many of the archive's documents hold a key, as its statistics estimate it. */
export type KeyDocuments = (key: number) => number;

/**
 * A quotation's look-up in an archive, as two boolean queries on the documents' keys (intarray's `query_int`,
 * answered by the GIN index) and the keys that rank the close wordings found.
 */
export interface QuotationQuery {
  /** The documents holding the quotation's rarest trigrams: every verbatim holder does. */
  readonly verbatim?: string;
  /**
   * Its close wordings: the documents matching any of these (two of its rarer trigrams, a pair of its rarer content
   * words), each answered by the index on its own (few keys each, so the index skips through a common key's postings).
   */
  readonly near: readonly string[];
  /** The keys a close wording shares with the quotation are counted to rank them. */
  readonly rank: readonly number[];
}

/** Trigrams whose postings are read for the verbatim holders: a document holding these few holds the rest. */
const VERBATIM_TRIGRAMS = 8;
/**
 * Trigrams of which a close wording must hold two. A changed word removes the three trigrams around it, which no
 * document holds and the statistics therefore count as rare: taking a dozen leaves room for them.
 */
const NEAR_TRIGRAMS = 12;
const NEAR_PAIRS = 8;
/**
 * A short quotation with a word changed may keep a single trigram ("we will never negotiate the coast" against "we will
 * never develop the coast"): up to this many trigrams, each rare one selects on its own.
 */
const SHORT_TRIGRAMS = 5;
/**
 * A key held by more than this share of the documents selects too many to be read for a close wording ("one of the",
 * "minister"); it still ranks them. Small archives use every key (MIN_COMMON).
 */
const COMMON_SHARE = 0.02;
const MIN_COMMON = 200;
/** Trigrams held by more than this share ("one of the", "said it would") do not select close wordings either. */
const RARE_TRIGRAM_SHARE = 0.002;

/**
 * The look-up of a quotation: its verbatim holders, and its close wordings as the documents sharing two of its rarer
 * trigrams (a misquote with a word or two changed keeps most of them; two rare trigrams together are rarer still, so
 * the documents read stay few) or, for a short or heavily changed quotation, two of its rarer content words at most
 * two apart in it (as the in-memory search falls back on word pairs). Each word pair is an index scan of its own: two keys, so the index skips through the commoner one's postings.
 * A key common in the archive never selects alone; a quotation made only of common words and phrases is found only verbatim.
 */
export function quotationQuery(keys: QuotationKeys, documents: KeyDocuments, total: number): QuotationQuery {
  const common = Math.max(MIN_COMMON, total * COMMON_SHARE);
  const rareTrigram = Math.max(MIN_COMMON, total * RARE_TRIGRAM_SHARE);
  const byRarity = keys.trigrams.map(k => ({ k, n: documents(k) })).sort((a, b) => a.n - b.n || a.k - b.k);
  const verbatim = byRarity.length ? byRarity.slice(0, VERBATIM_TRIGRAMS).map(t => t.k).join(' & ') : undefined;
  const clauses: string[] = [];
  // One index scan for the trigrams: their postings are short, so checking each document found against "two of
  // them" is cheap.
  const rare = byRarity.slice(0, NEAR_TRIGRAMS).filter(t => t.n <= rareTrigram).map(t => t.k);
  const trigramTerms: string[] = [];
  if (byRarity.length <= SHORT_TRIGRAMS) trigramTerms.push(...rare.map(String));
  else for (let i = 0; i + 1 < rare.length; i++) trigramTerms.push(`${rare[i]} & (${rare.slice(i + 1).join(' | ')})`);
  if (trigramTerms.length) clauses.push(trigramTerms.map(t => `(${t})`).join(' | '));
  const pairs = (keys.pairs ?? []).map(([a, b]) => ({ a, b, n: Math.min(documents(a), documents(b)) }))
    .filter(p => p.n <= common).sort((x, y) => x.n - y.n).slice(0, NEAR_PAIRS);
  for (const { a, b } of pairs) clauses.push(`${a} & ${b}`);
  // A one-word quotation: the documents holding that word, if it is rare enough to say something.
  const words = keys.any.filter(k => (k & 1) === 0);
  if (!keys.trigrams.length && words.length === 1 && documents(words[0]) <= common) clauses.push(String(words[0]));
  return { verbatim, near: clauses, rank: keys.any };
}
