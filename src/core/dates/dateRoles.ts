/**
 * Which date of a paired source sentence stands in each draft date's role: the same date, else the one whose words
 * near it are the draft date's words near it, or none when that is not clear.
 */
import { keyAt } from './calendar';
import { contentWords, isContentWord } from './contentWords';
import type { DateMention } from './mentions';
import { isDateline, isDayOfSaying, precisionOf, type SourceDate } from './sourceDates';
import { forEachWord } from '../text/words';

/** The precision (2 day, 1 month, 0 year) a source date needs to say what a draft date says. */
export function precisionNeeded(m: DateMention): number {
  return m.granularity === 'day' ? 2 : m.granularity === 'month' ? 1 : 0;
}

/** A period (a quarter, a season…) pairs only with a period of its kind; days, months and years with each other. */
function sameKind(m: DateMention, s: SourceDate): boolean {
  return m.date.period === undefined && s.mention.date.period === undefined || m.granularity === s.mention.granularity;
}

/** Whether a source date could stand in a draft date's role: not the date line, as precise, as explicit, of its kind. */
export function mayTakeRole(m: DateMention, s: SourceDate): boolean {
  return m.explicit === s.mention.explicit && mayTellRole(m, s);
}

/** The same, whether each side writes its date out or tells it ("on Thursday" against "on March 14"). */
export function mayTellRole(m: DateMention, s: SourceDate): boolean {
  return !isDateline(s) && precisionOf(s) >= precisionNeeded(m) && sameKind(m, s);
}

export const NO_ROLES: ReadonlyMap<DateMention, SourceDate> = new Map();

/** A sentence and its dates in text order: what a date's own words are read from. */
export interface DatedSentence { readonly text: string; readonly start: number; readonly end: number; readonly dates: readonly DateMention[] }

/**
 * Each draft date's counterpart among the best paired sentence's `dates`, for the dates that sentence does not hold.
 * The others pair by likeness: a written date with a written one ("May 16" with "May 15", never with "Tuesday"), a
 * relative one with a relative one. When several could be in a date's role, the one whose words near it are the
 * draft date's words near it takes it: "On May 17, Putin said in a television speech" pairs with the speech's "on
 * Saturday (10)", not with the talks' "May 15" of the same sentence; "of record April 10" with "of record November 10",
 * not with "payable November 25". When none stands out, the role is unknown: a date the source gives to something
 * else is never written into the draft.
 */
export function datesInRoles(draft: DatedSentence, dates: readonly SourceDate[]): ReadonlyMap<DateMention, SourceDate> {
  const used = new Set<SourceDate>();
  const open: DateMention[] = [];
  const matched = new Map<DateMention, SourceDate>();
  for (const m of draft.dates) {
    const own = keyAt(m.date, m.granularity);
    const same = dates.find(s => !used.has(s) && !isDateline(s) && keyAt(s.mention.date, m.granularity) === own);
    if (same) { used.add(same); matched.set(m, same); } else open.push(m);
  }
  const byRange = otherEndsOfRanges(draft.dates, open, matched, dates, used);
  if (byRange.size) return byRange;
  const pairs: Array<{ m: DateMention; s: SourceDate; likeness: number }> = [];
  for (const m of open) {
    for (const s of dates) {
      if (!used.has(s) && mayTakeRole(m, s)
        && isDayOfSaying(draft.text, m.start, m.end) === isDayOfSaying(s.doc.text, s.mention.start, s.mention.end)) pairs.push({ m, s, likeness: 0 });
    }
  }
  if (!pairs.length) return NO_ROLES;
  const source = sourceSentenceOf(dates);
  const near = new Map<DateMention, ReadonlyMap<string, number>>();
  const nearOf = (sentence: DatedSentence, m: DateMention): ReadonlyMap<string, number> =>
    near.get(m) ?? near.set(m, wordsNear(sentence, sentence.dates.indexOf(m))).get(m)!;
  for (const p of pairs) p.likeness = likenessOf(nearOf(draft, p.m), nearOf(source, p.s.mention));
  pairs.sort((a, b) => b.likeness - a.likeness);
  // Most alike first; a pair with a rival about as alike (another date for the draft's, another draft date for the
  // source's) is left unknown, and so are both of its dates. A pair with nothing alike is none, even alone: the
  // source's "Volcker's statement last Thursday" is not the day of "the data, released Thursday".
  const roles = new Map<DateMention, SourceDate>();
  const alone = onlyDifference(draft, dates, open, pairs, source);
  if (alone) return roles.set(alone.m, alone.s);
  const settled = new Set<DateMention | SourceDate>();
  for (const p of pairs) {
    if (p.likeness === 0) break;
    if (settled.has(p.m) || settled.has(p.s)) continue;
    settled.add(p.m).add(p.s);
    const rival = pairs.some(q => q !== p && !settled.has(q.m === p.m ? q.s : q.m) && (q.m === p.m || q.s === p.s) &&
      !(q.m === p.m && keyAt(q.s.mention.date, p.m.granularity) === keyAt(p.s.mention.date, p.m.granularity)) &&
      p.likeness <= STANDS_OUT * q.likeness);
    if (!rival) roles.set(p.m, p.s);
  }
  return roles;
}

/**
 * An end of a draft's range whose other end is an end of a source range, the same: the source range's other end, on
 * the same side ("from 1983 to 1994" against "from 1983 to 1992": 1994 against 1992).
 */
function otherEndsOfRanges(all: readonly DateMention[], open: readonly DateMention[], matched: ReadonlyMap<DateMention, SourceDate>,
  dates: readonly SourceDate[], used: ReadonlySet<SourceDate>): Map<DateMention, SourceDate> {
  const roles = new Map<DateMention, SourceDate>();
  for (const m of open) {
    const sibling = m.range === undefined ? undefined : all.find(x => x !== m && x.range === m.range);
    const shared = sibling && matched.get(sibling);
    if (!sibling || !shared?.mention.range) continue;
    const other = dates.find(d => d !== shared && !used.has(d) && d.mention.range === shared.mention.range);
    if (!other || other.mention.granularity !== m.granularity) continue;
    const draftStart = m.start < sibling.start;
    const sourceStart = other.mention.start < shared.mention.start;
    if (draftStart === sourceStart) roles.set(m, other);
  }
  return roles;
}

/**
 * The one date by which two sentences of the same words differ: "Interest rates were raised to 5.5 pct on April 7"
 * and "… on April 8", "The company said on March 3 it would close the plant on June 30" and "… on March 5 … on June
 * 30". The words near a date may be too few to tell its role (numbers and small words: "to 5.5 pct on"), but when the
 * two sentences hold the same content words (ALIKE of them, the dates' left out), as many dates each, in the same
 * order, and every other date is the same, the one left is in the same role. Undefined otherwise.
 */
function onlyDifference(draft: DatedSentence, dates: readonly SourceDate[], open: readonly DateMention[],
  pairs: ReadonlyArray<{ m: DateMention; s: SourceDate }>, source: DatedSentence): { m: DateMention; s: SourceDate } | undefined {
  if (open.length !== 1 || pairs.length !== 1) return undefined;
  const { m, s } = pairs[0];
  const own = dates.filter(d => !isDateline(d));
  if (own.length !== draft.dates.length || own.indexOf(s) !== draft.dates.indexOf(m)) return undefined;
  // The same word right before each ("pct on April 7" / "pct on April 8"): "said on Tuesday" is not the day of "strike
  // over pay on Friday", however many words the two sentences share.
  if (wordBefore(draft.text, m.start, draft.start) !== wordBefore(source.text, s.mention.start, source.start)) return undefined;
  const a = contentWords(draft.text, draft.start, draft.end, draft.dates);
  const b = contentWords(source.text, source.start, source.end, source.dates);
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return a.size >= MIN_ALIKE_WORDS && shared >= ALIKE * (a.size + b.size - shared) ? { m, s } : undefined;
}

/**
 * Whether a draft date and a source date stand after the same word, prepositions passed over ("3,362.39 on October 20"
 * and "3,362.39 on Monday"), or both open their sentences: not "signed in Washington on March 14" and "agreed on
 * Wednesday" of one sentence's words.
 */
export function sameWordBefore(draft: string, m: DateMention, sentenceStart: number, s: SourceDate): boolean {
  return wordBefore(draft, m.start, sentenceStart) === wordBefore(s.doc.text, s.mention.start, s.sentence.start);
}

/** The word before a date, prepositions passed over ("said on Tuesday": "said"), lower-cased; '' at the sentence's start. */
function wordBefore(text: string, at: number, from: number): string {
  const words = text.slice(Math.max(from, at - 60), at).toLowerCase().match(/[\p{L}\p{N}'’.-]+/gu) ?? [];
  while (words.length && SMALL_WORDS.has(words[words.length - 1])) words.pop();
  return words.pop() ?? '';
}
const SMALL_WORDS = new Set(['on', 'in', 'at', 'by', 'from', 'until', 'till', 'since', 'of', 'the', 'for', 'to', 'late', 'early', 'mid']);

/** The share of their content words (of both together) two sentences must share to differ only in a date... */
const ALIKE = 0.8;
/** ...and how many the draft's must have. */
const MIN_ALIKE_WORDS = 3;

/** How much more alike the words near a date must be to one of the source's dates than to the next, to pair with it. */
const STANDS_OUT = 1.5;

/** The source sentence of `dates` (the dates of one sentence, in text order). */
function sourceSentenceOf(dates: readonly SourceDate[]): DatedSentence {
  const { doc, sentence } = dates[0];
  return { text: doc.text, start: sentence.start, end: sentence.end, dates: dates.map(d => d.mention) };
}

/** Each content word of a date's sentence, with its distance in words from the date (1: next to it), nearest kept. */
function wordsNear(sentence: DatedSentence, i: number): Map<string, number> {
  const date = sentence.dates[i];
  const words: Array<{ word: string | undefined; start: number }> = [];
  let k = 0;
  let at = -1;
  forEachWord(sentence.text, sentence.start, sentence.end, (norm, start, end) => {
    while (k < sentence.dates.length && sentence.dates[k].end <= start) k++;
    if (k < sentence.dates.length && start >= sentence.dates[k].start && end <= sentence.dates[k].end) return;
    if (at < 0 && start >= date.end) at = words.length;
    words.push({ word: isContentWord(norm) ? norm : undefined, start });
  });
  if (at < 0) at = words.length;
  const near = new Map<string, number>();
  const before = at > 0 ? sentence.text.slice(words[at - 1].start, words[at - 1].start + 8).match(/^\p{L}+/u)?.[0].toLowerCase() : undefined;
  if (before && ROLE_PREPOSITIONS.has(before)) near.set(`@${before}`, 1);
  words.forEach(({ word }, j) => {
    if (word === undefined) return;
    const distance = j < at ? at - j : j - at + 1;
    if (distance < (near.get(word) ?? Infinity)) near.set(word, distance);
  });
  return near;
}

/** Words that tell a date's role when right before it, though too common to be content words ("between Jan 26 and Feb 9"). */
const ROLE_PREPOSITIONS = new Set(['from', 'until', 'till', 'through', 'since', 'before', 'after', 'by', 'between', 'and', 'to']);

/**
 * How alike the words near a draft date (`draft`) are to those near a source date (`source`): the words they share,
 * each counting less the further it stands from either (by half for every two words). None, unless the draft's
 * sentence has the word nearest the source's date ("payable November 25" is not the day of "declared … on November
 * 12", however many of the sentence's other words they share), and two shared words stand within CLOSE words of
 * both dates (one, "statement", does not make Volcker's "statement last Thursday" the day "the data, released
 * Thursday, covered the … bank statement period").
 */
function likenessOf(draft: ReadonlyMap<string, number>, source: ReadonlyMap<string, number>): number {
  let nearest = Infinity;
  let told = false;
  for (const [word, e] of source) {
    if (e < nearest) { nearest = e; told = false; }
    if (e === nearest && draft.has(word)) told = true;
  }
  if (!told) return 0;
  let sum = 0;
  let close = 0;
  for (const [word, d] of draft) {
    const e = source.get(word);
    if (e === undefined) continue;
    sum += Math.exp(-(d + e) / 2);
    if (d <= CLOSE && e <= CLOSE) close++;
  }
  return close >= 2 ? sum : 0;
}

/** Words from a date within which two shared words must stand, on both sides, for the dates to share a role. */
const CLOSE = 6;
