import { extractDates, sentences } from '../src/core/dates/mentions';
import type { SourceDocument } from '../src/core/sources/document';

/**
 * The benchmark's drafts, made of real corpus sentences (read at run time, never stored in the project): sentences
 * that hold a quotation with its real speaker (`"…," said John Smith.`, `Smith said: "…"`, `"…," the company
 * said.`), sentences with a real date (found by the engine's own date extraction), and plain sentences around them.
 */

/** A sentence of a source, by offsets into its text. */
export interface CorpusSentence {
  readonly doc: SourceDocument;
  readonly start: number;
  readonly end: number;
  /** Whitespace-separated words. */
  readonly words: number;
  /** For a quotation sentence: the quotation's words, [start, end) in the document's text. */
  readonly quote?: readonly [number, number];
}

/** A shuffled pile of sentences dealt one by one; dealt again in a new order when it runs out (counted). */
export class Deck {
  private at = 0;
  reshuffles = 0;
  constructor(private readonly cards: CorpusSentence[], private readonly random: () => number) {
    shuffle(this.cards, random);
  }
  get size(): number {
    return this.cards.length;
  }
  deal(): CorpusSentence {
    if (this.at === this.cards.length) {
      shuffle(this.cards, this.random);
      this.at = 0;
      this.reshuffles++;
    }
    return this.cards[this.at++];
  }
}

/**
 * The sentences a draft is dealt from, by kind and length. A passage that carries both a quotation and a date takes a
 * short one of each, so that every 25-word passage can carry both, as in the densest draft.
 */
export interface DraftDecks {
  /** Quotation sentences of 6–18 words and of 19–25 words. */
  readonly shortQuotes: Deck;
  readonly quotes: Deck;
  /** Sentences with exactly one specific date (a day, a month of a year, a year), of 5–10 and 11–25 words. */
  readonly shortDates: Deck;
  readonly dates: Deck;
  /** Sentences with neither, by word count (dealt at random, with replacement). */
  readonly plain: ReadonlyMap<number, readonly CorpusSentence[]>;
  /** Words to put into an altered quotation. */
  readonly vocabulary: readonly string[];
  /** The drafts' `date:`: the median date of the dated (Reuters) sources, as if written the same day. */
  readonly date: string;
}

/**
 * Longest quotation and date sentences of a passage that carries both: short enough for 25 words together on
 * average, long enough for a deck that few drafts exhaust.
 */
const SHORT_QUOTE = 18;
const SHORT_DATE = 10;

/** Any of these in a sentence would make Markdown of it, or another quotation, or a broken one. */
const UNSAFE = /[`*_<>#|[\]\\~“”‘’«»…]|\.\.\.|https?:|(?:^|\s)'|'(?:\s|$)|\s{2,}|\t/;
const NAME = String.raw`(?:(?:Mr|Mrs|Ms|Dr|Sir)\.? )?[A-Z][\p{L}'.-]+(?: (?:de |van |von |al-)?[A-Z][\p{L}'.-]+){0,3}`;
const ROLE = String.raw`(?:the|a|an) (?:[a-z]+ ){0,2}(?:company|ministry|minister|spokesman|spokeswoman|spokesperson|official|officials|statement|report|bank|agency|department|chairman|president|analyst|analysts|source|sources|government|group|union|dealer|dealers|trader|traders|economist|economists|executive|director|manager|secretary|board)`;
const SPEAKER = String.raw`(?:${NAME}|${ROLE})`;
const VERB = String.raw`(?:said|says|added|told reporters|told Reuters|told the BBC|told [A-Z][a-z]+|explained|argued|warned|insisted|noted|stated|declared)`;
/** `"…," said John Smith.` and `"…," Smith said at …` */
const QUOTE_FIRST = new RegExp(String.raw`^"([^"]+)"\s*(?:${VERB}\s+(${SPEAKER})|(${SPEAKER})\s+${VERB})(?:[.,]| in | on | at | of | to | after | when | as |$)`, 'u');
/** `Smith said: "…"` and `Later, the company, a unit of X, said that "…"` */
const QUOTE_LAST = new RegExp(String.raw`^(?:[A-Z][^"]{0,60}?\s)?(${SPEAKER})(?:, [^"]{0,60},)?\s+${VERB}(?: [^"]{0,40})?(?: that)?[:,]?\s+"([^"]+)"\s*\.?$`, 'u');
const ABBREVIATION = /(?:^|[\s(])(?:[A-Z]|U\.S|Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|St|No|Rep|Sen|Gov|Gen|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.$/;
/** Capitalized words that start a sentence but name no speaker ("He said", "But Smith said" is read from "Smith"). */
const NOT_A_NAME = /^(?:He|She|They|It|We|I|You|This|That|These|Those|There|But|And|The|A|An|In|On|At|As|If|When)$/;

/**
 * Sorts the sentences of `docs` into decks, seeded by `random`. A share `reserve` of every kind is kept apart for
 * warm-up drafts (returned second), so the drafts that are timed quote sources the warm-up never touched.
 */
export function draftDecks(docs: readonly SourceDocument[], random: () => number, reserve = 0.1): [DraftDecks, DraftDecks] {
  const shortQuotes: CorpusSentence[] = [];
  const quotes: CorpusSentence[] = [];
  const shortDates: CorpusSentence[] = [];
  const dates: CorpusSentence[] = [];
  const plain: CorpusSentence[] = [];
  const vocabulary = new Set<string>();
  for (const doc of docs) {
    // The engine's own reading of the source's dates: against the source's date, or any date for an undated one
    // (only which sentences hold a specific date matters here).
    const reference = doc.meta.date ? new Date(`${doc.meta.date}T12:00:00`) : new Date(2005, 0, 1, 12);
    const mentions = extractDates(doc.text, { reference }, doc.bodyStart);
    let k = 0;
    for (const [start, end] of sentences(doc.text, doc.bodyStart)) {
      let held = 0;
      let explicit = true;
      for (; k < mentions.length && mentions[k].start < end; k++) {
        if (mentions[k].start < start) continue;
        held++;
        explicit &&= mentions[k].explicit;
      }
      const text = doc.text.slice(start, end);
      if (UNSAFE.test(text) || !/^["A-Z]/.test(text) || !/[.!?]"?$/.test(text)) continue;
      // A sentence split at an abbreviation ("Charles F. Smith", "the U.S. dollar") is half a sentence.
      if (ABBREVIATION.test(text) || ABBREVIATION.test(doc.text.slice(Math.max(doc.bodyStart, start - 8), start).trimEnd())) continue;
      const tokens = text.split(' ');
      const words = tokens.length;
      // Real prose, not a table row: most words have a lower-case letter.
      if (words < 4 || tokens.filter(w => /\p{Ll}/u.test(w)).length < words * 0.6) continue;
      const marks = text.split('"').length - 1;
      if (marks === 2 && held === 0 && words >= 6 && words <= 25) {
        const first = QUOTE_FIRST.exec(text);
        const last = first ? null : QUOTE_LAST.exec(text);
        const speaker = first ? first[2] ?? first[3] : last?.[1];
        const quoted = first ? first[1] : last?.[2];
        if (!speaker || !quoted || NOT_A_NAME.test(speaker.split(' ')[0]) || quoted.split(' ').length < 4) continue;
        const qs = start + text.indexOf(quoted);
        const s = { doc, start, end, words, quote: [qs, qs + quoted.length] as const };
        (words <= SHORT_QUOTE ? shortQuotes : quotes).push(s);
      } else if (marks === 0 && held === 1 && explicit && words >= 5 && words <= 25) {
        (words <= SHORT_DATE ? shortDates : dates).push({ doc, start, end, words });
      } else if (marks === 0 && held === 0 && words <= 25) {
        plain.push({ doc, start, end, words });
        if (vocabulary.size < 5000) for (const w of tokens) if (/^\p{Ll}{4,}$/u.test(w)) vocabulary.add(w);
      }
    }
  }
  const split = (all: CorpusSentence[]): [Deck, Deck] => {
    shuffle(all, random);
    const cut = Math.ceil(all.length * reserve);
    return [new Deck(all.slice(cut), random), new Deck(all.slice(0, cut), random)];
  };
  const byLength = (all: CorpusSentence[]): Map<number, CorpusSentence[]> => {
    const out = new Map<number, CorpusSentence[]>();
    for (const s of all) {
      const list = out.get(s.words);
      if (list) list.push(s);
      else out.set(s.words, [s]);
    }
    return out;
  };
  const [sq, sqWarm] = split(shortQuotes);
  const [q, qWarm] = split(quotes);
  const [sd, sdWarm] = split(shortDates);
  const [d, dWarm] = split(dates);
  shuffle(plain, random);
  const cut = Math.ceil(plain.length * reserve);
  const words = [...vocabulary];
  const sourceDates = docs.map(doc => doc.meta.date).filter((x): x is string => !!x && /^\d{4}-\d\d-\d\d$/.test(x)).sort();
  const date = sourceDates[sourceDates.length >> 1] ?? '2005-01-01';
  return [
    { shortQuotes: sq, quotes: q, shortDates: sd, dates: d, plain: byLength(plain.slice(cut)), vocabulary: words, date },
    { shortQuotes: sqWarm, quotes: qWarm, shortDates: sdWarm, dates: dWarm, plain: byLength(plain.slice(0, cut)), vocabulary: words, date },
  ];
}

/**
 * About 2,000 words of real corpus sentences in 25-word passages, one paragraph each: a share `quoteShare` of the
 * passages carries a quotation with its real speaker (a third of them altered: one word changed to another corpus
 * word), a share `dateShare` a sentence with its real date, and plain sentences fill each passage to about 25 words.
 * The draft's `date:` is the median date of the dated (Reuters) sources unless given, so that its year-less dates
 * ("March 3") fall in the year theirs do, and every draft has the same one, as drafts written on one day do (undated
 * sources read their relative dates against the draft's date, once per date: see the benchmark's new-date row).
 */
export function makeDraft(decks: DraftDecks, random: () => number, quoteShare = 1, dateShare = 1, date = decks.date): string {
  const paragraphs: string[] = [];
  let words = 0;
  const text = (s: CorpusSentence): string => s.doc.text.slice(s.start, s.end);
  while (words < 2000) {
    const quote = random() < quoteShare;
    const date = random() < dateShare;
    const parts: CorpusSentence[] = [];
    if (quote) parts.push((date ? decks.shortQuotes : decks.quotes).deal());
    if (date) parts.push((quote ? decks.shortDates : decks.dates).deal());
    let n = parts.reduce((sum, s) => sum + s.words, 0);
    // Fill the passage with a plain sentence of about the words it lacks.
    for (let want = 25 - n; want >= 4 && n < 21; want = 25 - n) {
      const length = Math.min(25, Math.max(4, want - 2 + Math.floor(random() * 5)));
      const choices = decks.plain.get(length);
      if (!choices?.length) break;
      const s = choices[Math.floor(random() * choices.length)];
      parts.splice(Math.floor(random() * (parts.length + 1)), 0, s);
      n += s.words;
    }
    paragraphs.push(parts.map(s => {
      if (!s.quote || random() >= 0.3) return text(s);
      // Alter the quotation: its middle word changed to another corpus word.
      const [qs, qe] = s.quote;
      const inner = [...s.doc.text.slice(qs, qe).matchAll(/[\p{L}\p{N}]+/gu)];
      const target = inner[inner.length >> 1];
      let other = decks.vocabulary[Math.floor(random() * decks.vocabulary.length)];
      if (other === target[0].toLowerCase()) other = decks.vocabulary[(decks.vocabulary.indexOf(other) + 1) % decks.vocabulary.length];
      const at = qs + target.index;
      return text(s).slice(0, at - s.start) + other + text(s).slice(at - s.start + target[0].length);
    }).join(' '));
    words += n;
  }
  return `---\ntitle: Benchmark draft\ndate: ${date}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

function shuffle<T>(a: T[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}
