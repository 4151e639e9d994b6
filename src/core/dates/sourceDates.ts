import type { SourceDocument } from '../sources/document';
import { isoDate, parseIsoDate } from './calendar';
import { contentWordNumbers, runWordNumbers } from './contentWords';
import { wordRunOf } from '../sources/wordRuns';
import type { DatedBlock } from './datedBlocks';
import { extractDatesIn, sentences, type DateMention } from './mentions';
import { numberedWord } from './wordNumbers';
import { OPENS_SENTENCE } from './tense';

/** A date in a source, with the sentence it stands in. */
export interface SourceDate {
  readonly doc: SourceDocument;
  readonly mention: DateMention;
  readonly sentence: { readonly start: number; readonly end: number; readonly words: ReadonlySet<string>; readonly wordNumbers?: readonly number[] };
}

/**
 * A dated sentence read from its source: its content words' numbers (what the library's table takes), and their set
 * (`contentWords`), made when first read: a check compares the words of a few sentences only.
 */
class DatedSentence {
  private set?: Set<string>;
  constructor(readonly start: number, readonly end: number, readonly wordNumbers: readonly number[]) {}
  get words(): ReadonlySet<string> {
    if (!this.set) {
      this.set = new Set();
      for (const n of this.wordNumbers) this.set.add(numberedWord(n));
    }
    return this.set;
  }
}

/** 0 a year, 1 a month of a year, 2 a day. */
export function precisionOf(d: SourceDate): number {
  return d.mention.date.month === undefined ? 0 : d.mention.date.day === undefined ? 1 : 2;
}

/**
 * Dates of one source kept elsewhere (a snapshot's tables): their block is a range of a block shared with other
 * sources, and their objects are made only when a check reads them.
 */
export interface StoredDates {
  readonly count: number;
  /** The shared block, and the range of its sentences that are this source's. */
  readonly block: DatedBlock;
  readonly dates: () => SourceDate[];
}

/** The dates a source has read under one key (`own/dayFirst` or `YYYY-MM-DD/dayFirst`); most have one key only. */
export interface KnownDates {
  readonly key: string;
  list?: SourceDate[];
  readonly stored?: StoredDates;
  readonly next?: KnownDates;
}

const cache = new WeakMap<SourceDocument, KnownDates>();

function knownUnder(doc: SourceDocument, key: string): KnownDates | undefined {
  for (let k = cache.get(doc); k; k = k.next) if (k.key === key) return k;
  return undefined;
}

export function listOf(known: KnownDates): SourceDate[] {
  return (known.list ??= known.stored!.dates());
}

/** The source's dates for a check's reference date, read if need be; keys are made once per library, not per source. */
export function knownFor(doc: SourceDocument, reference: Date, dayFirst: boolean, ownKey = `own/${dayFirst}`, referenceKey?: string): KnownDates {
  // Dates read against the source's own date (it has one: metadata does not change) need no look at its metadata.
  const mine = knownUnder(doc, ownKey);
  if (mine) return mine;
  const own = doc.meta.date ? parseIsoDate(doc.meta.date) : undefined;
  const key = own ? ownKey : (referenceKey ?? `${isoDate(reference)}/${dayFirst}`);
  let known = knownUnder(doc, key);
  if (!known) cache.set(doc, (known = { key, list: extract(doc, own ?? reference, dayFirst), next: cache.get(doc) }));
  return known;
}

/**
 * Dates of one source. A source with a `date:` resolves its relative dates against it, once; a source without one
 * (say, a pasted article) against the reference date of the check, cached per reference date.
 */
export function datesOf(doc: SourceDocument, reference: Date, dayFirst: boolean): SourceDate[] {
  return listOf(knownFor(doc, reference, dayFirst));
}

/** Whether a source's dates for a check against `reference` are read already (against its own date or that one). */
export function hasDatesFor(reference: Date, dayFirst: boolean): (doc: SourceDocument) => boolean {
  const ownKey = `own/${dayFirst}`;
  const referenceKey = `${isoDate(reference)}/${dayFirst}`;
  return doc => knownUnder(doc, ownKey) !== undefined || knownUnder(doc, referenceKey) !== undefined;
}

/** The dates already read for a source, by key, oldest first (what a snapshot keeps): stored ones as stored. */
export function knownDates(doc: SourceDocument): Array<[string, SourceDate[] | StoredDates]> {
  const out: Array<[string, SourceDate[] | StoredDates]> = [];
  for (let k = cache.get(doc); k; k = k.next) out.unshift([k.key, k.stored ?? k.list!]);
  return out;
}

/** How many keys a source's dates were read under (`knownDates(doc).length`, without making the list). */
export function knownDateCount(doc: SourceDocument): number {
  let n = 0;
  for (let k = cache.get(doc); k; k = k.next) n++;
  return n;
}

/** A source's dates read under `key`, made into objects if they were stored. */
export function datesUnder(doc: SourceDocument, key: string): SourceDate[] | undefined {
  const known = knownUnder(doc, key);
  return known && listOf(known);
}

/** Dates of a source read earlier, under `key` (from a snapshot): `datesOf` returns them without reading the text. */
export function rememberDates(doc: SourceDocument, key: string, dates: StoredDates): void {
  cache.set(doc, { key, stored: dates, next: cache.get(doc) });
}

function extract(doc: SourceDocument, reference: Date, dayFirst: boolean): SourceDate[] {
  const split = sentences(doc.text, doc.bodyStart);
  const mentions = extractDatesIn(doc.text, split, { reference, dayFirst });
  const dateline = datelineOf(doc, split[0]);
  if (dateline) mentions.unshift(dateline);
  if (!mentions.length) return [];
  const out: SourceDate[] = [];
  // The library's ids of the source's words, when a library holds it: its dated sentences' words are read from them.
  const run = wordRunOf(doc);
  let k = 0;
  for (const [s, e] of split) {
    while (k < mentions.length && mentions[k].start < s && mentions[k] !== dateline) k++;
    if (k >= mentions.length) break;
    if (mentions[k].start >= e) continue;
    // One object per sentence: its dates share it (resolveSourceDates groups them by it).
    const numbers = (run && runWordNumbers(doc.text, run, doc.bodyStart, s, e)) || contentWordNumbers(doc.text, s, e);
    const sentence = new DatedSentence(s, e, numbers);
    for (; k < mentions.length && mentions[k].start < e; k++) out.push({ doc, mention: mentions[k], sentence });
  }
  return out;
}

/** Verbs that report what someone said: a lede of the story's own day, and the draft's day of the saying (`verdict.ts`). */
export const REPORTING_VERBS = 'said|says|told|announced|reported|stated';
/** A lede that reports what someone said, told or announced: the news of the story's own day. */
const REPORTS = new RegExp(`\\b(?:${REPORTING_VERBS})\\b`);
/** The `date:` line of a source's front matter, its value's place. */
const DATE_LINE = /^date:[ \t]*["']?([^"'\n]+?)["']?[ \t]*$/m;

/**
 * The story's own date as a date of its lede, when the lede reports what was said (wire copy's "…, a leading Japanese
 * businessman said." is of the dateline's day): so "…, Otsuki said on Wednesday" of a story dated that Wednesday is
 * supported. Read at the `date:` line of the front matter, before the lede: a date outside its sentence, which only
 * ever supports (it takes no draft date's role, see `pairing.ts`).
 */
function datelineOf(doc: SourceDocument, lede: readonly [number, number] | undefined): DateMention | undefined {
  const own = doc.meta.date ? parseIsoDate(doc.meta.date) : undefined;
  if (!own || !lede || !REPORTS.test(doc.text.slice(lede[0], lede[1]))) return undefined;
  const line = DATE_LINE.exec(doc.text.slice(0, doc.bodyStart));
  if (!line) return undefined;
  const start = line.index + line[0].indexOf(line[1]);
  return {
    start, end: start + line[1].length, text: line[1], granularity: 'day', statedWeekday: undefined, yearStated: true, relative: false, explicit: true,
    date: { year: own.getFullYear(), month: own.getMonth() + 1, day: own.getDate() },
  };
}

/**
 * A reporting verb right before a date or right after it: "said on Wednesday", "told reporters Wednesday", "said in a
 * television speech on Saturday" (not "said output at the plant in January", "said profits in the year to March 31":
 * the period's), "on Wednesday announced".
 */
const SAID_BEFORE = new RegExp(String.raw`\b(?:${REPORTING_VERBS})(?:(?:\s+\p{L}+)?\s+(?:on\s+)?|\s+(?:in|at|during)\s+(?:a|an|the|his|her|its|their)(?:\s+\p{L}+){1,3}\s+on\s+)$`, 'u');
const SAID_AFTER = new RegExp(String.raw`^\s*,?\s*(?:${REPORTING_VERBS})\b`);

/**
 * Whether the date at `text[start..end)` is the day something was said (what a story's date line supports), not the
 * day of what was said ("its first quarter, ending February 26").
 */
export function isDayOfSaying(text: string, start: number, end: number): boolean {
  return SAID_BEFORE.test(text.slice(Math.max(0, start - 56), start)) || SAID_AFTER.test(text.slice(end, end + 16))
    || (FRONTED_SAID_AFTER.test(text.slice(end, end + 64)) && OPENS_SENTENCE.test(text.slice(Math.max(0, start - 8), start)));
}

/**
 * A date that opens its sentence (tense.ts's OPENS_SENTENCE), its subject and "said" or "announced" after it: "In May, VW chairman Carl Hahn
 * said…". Not a clause of its own before the verb ("On Tuesday, the dollar fell after Baker said", "In June, workers
 * who said"), nor "told" or "reported" with an object ("the central bank told commercial banks", "reported a loss"):
 * those dates are the event's (review47 H2, M2).
 */
const FRONTED_SAID_AFTER = /^,\s+(?:(?!(?:after|before|when|while|as|because|since|until|if|who|which|that|whose|and|but|or)\b)[\p{L}'’.-]+\s+){1,6}?(?:said|says|announced)\b/iu;

/** Whether a source date is its story's date line, standing before the sentence it is a date of. */
export function isDateline(d: SourceDate): boolean {
  return d.mention.start < d.sentence.start;
}
