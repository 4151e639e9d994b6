import type * as chrono from 'chrono-node';
import type { CalendarDate, Granularity } from './calendar';
import { inNewsWeek, LOWER_CASE_MONTH_WORD, mentionsOf } from './chronoMentions';
import { ALL_FEATURES, featuresOf, newsChronoFor } from './chronoParser';
import { isPartOfName } from './namesNotDates';
import { HEAD_WORDS, PeriodReader, VAGUE_WORDS } from './periodMentions';
import { lastYearAsQuarter } from './quarterMentions';
import { forEachMatchWithin, sentences } from './sentences';
import { agoMention, mayBePlain, monthMention, namesMonthOrWeekday, severalMentions, simpleMention, weekdayMention, withoutPartOfMonth } from './simpleDates';
import { tenseOf, type Tense } from './tense';
import { yearWindowMentions } from './yearWindows';
import { listedMonths, withShortYear, withYearAfter } from './mentionNeighbours';
import { isSpaceAt } from '../quotes/spaces';

export { sentences };

/** A date written in a text, resolved to the calendar. */
export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly date: CalendarDate;
  readonly granularity: Granularity;
  /** The weekday the text names (0 = Sunday), when it names one next to a full date. */
  readonly statedWeekday?: number;
  readonly yearStated: boolean;
  /** Resolved against the reference date ("yesterday", "last Sunday", "two months ago", a date without its year). */
  readonly relative: boolean;
  /** Names a month, a year or a day number; "on Tuesday" or "yesterday" alone does not. */
  readonly explicit: boolean;
  /**
   * A loose reference to the time around the story ("today", which may mean our time; "this week", "the current
   * quarter", "by year-end"): checked only against a source that contradicts it, never reported unsupported.
   */
  readonly loose?: boolean;
  /** For each end of a range ("May 5 to May 9", "2009-2010"): the whole range's value, `2025-05-05/2025-05-09`. */
  readonly range?: string;
}

export interface MentionOptions {
  readonly reference: Date;
  readonly dayFirst?: boolean;
  /** Send every window to chrono, even plain "March 3" ones (for the test that compares the two). */
  readonly chronoOnly?: boolean;
  /** Also return vague references ("now", "recently": granularity `vague`), which are never checked. */
  readonly vague?: boolean;
}

/**
 * Cheap pre-filter: only sentences with one of these can hold a date worth checking, so chrono sees little text:
 * months and weekdays (in full or abbreviated), "yesterday", "tomorrow", "ago", "last year", "(early) this month",
 * "the end of next year", years, numeric dates. Grouped by first letter, the words of a letter in the order they had
 * as one flat list (words of different letters never match at the same place): the same matches, and the scan of
 * every source ran about 12% faster.
 */
const PERIOD_OF = '\\s+of\\s+(?:the|this|last|next)\\s+(?:year|month)';
const MAYBE_WORDS = [
  'j(?:an(?:uary)?|u(?:ne?|ly?))',
  'f(?:eb(?:ruary)?|ridays?)',
  `m(?:ar(?:ch)?|ay|ondays?|iddle${PERIOD_OF})`,
  'a(?:pr(?:il)?|ug(?:ust)?|go)',
  `s(?:ept?(?:ember)?|aturdays?|undays?|tart${PERIOD_OF})`,
  'oct(?:ober)?',
  'n(?:ov(?:ember)?|ext\\s+(?:year|month))',
  'dec(?:ember)?',
  't(?:uesdays?|hursdays?|omorrow|his\\s+(?:year|month))',
  'wednesdays?',
  'yesterday',
  'l(?:ast\\s+(?:year|month)|ater?\\s+this\\s+(?:year|month))',
  `e(?:arl(?:y|ier)\\s+this\\s+(?:year|month)|nd${PERIOD_OF})`,
  `beginning${PERIOD_OF}`,
  '(?:1[6-9]|20)\\d\\d|\\d{1,4}/\\d{1,2}/\\d{1,4}|\\d{1,4}\\.\\d{1,2}\\.\\d{1,4}|\\d{1,4}-\\d{1,2}-\\d{1,4}',
].join('|');


/** Every specific date in `text[from..to)`; vague references ("recently", "now") only when asked for. */
export function extractDates(text: string, options: MentionOptions, from = 0, to = text.length): DateMention[] {
  return extractDatesIn(text, sentences(text, from, to), options);
}

/**
 * Every specific date in the given sentences of `text` (in order, as `sentences` splits them), in one scan of the
 * text for likely dates and one chrono call: chrono's cost is mostly per call, and a scan per sentence would read
 * on to the next likely date each time.
 */
export function extractDatesIn(text: string, within: ReadonlyArray<readonly [number, number]>, options: MentionOptions): DateMention[] {
  // One scan for the words that may be dates (chrono's windows) and the head words of periods (read apart).
  const periods = new PeriodReader(text, options.reference);
  const windows: Array<[number, number]> = [];
  // Each sentence's likely dates, then its windows (a sentence's windows never cross into the next one).
  let likely: Array<[number, number]> = [];
  let sentence: readonly [number, number] = [0, 0];
  forEachMatchWithin(options.vague ? DATE_OR_HEAD_OR_VAGUE : DATE_OR_HEAD, text, within, (m, s, e) => {
    const date = m[1];
    if (date === undefined) {
      periods.read(m[0], m.index, s, e);
      return;
    }
    // News capitalises its months: "may" and "march" are verbs (a twentieth of all windows was the modal "may").
    if (!LOWER_CASE_MONTH_WORD.test(date)) {
      if (s !== sentence[0] && likely.length) { windows.push(...dateWindows(text, sentence[0], sentence[1], likely)); likely = []; }
      sentence = [s, e];
      likely.push([m.index, m.index + date.length]);
    }
    // "last year", "the end of the month": their last word is a period's head word too.
    const head = HEAD_AT_END.exec(date);
    if (head) periods.read(head[1], m.index + date.length - head[1].length, s, e);
  });
  if (likely.length) windows.push(...dateWindows(text, sentence[0], sentence[1], likely));
  const all = withPeriods(chronoDates(text, windows, options), periods.found).filter(m => !isPartOfName(text, m));
  return listedMonths(text, withYearAfter(text, all.map(m => (m.relative && m.granularity === 'year' && lastYearAsQuarter(text, m, options.reference)) || withShortYear(text, m, options.reference) || m)));
}

const DATE_OR_HEAD = new RegExp(`\\b(?:(${MAYBE_WORDS})|${HEAD_WORDS})\\b`, 'gi');
const DATE_OR_HEAD_OR_VAGUE = new RegExp(`\\b(?:(${MAYBE_WORDS})|${HEAD_WORDS}|${VAGUE_WORDS})\\b`, 'gi');
const HEAD_AT_END = /\s(year|month)$/i;

/**
 * The dates chrono reads and the periods read apart, in text order: a period replaces the dates it holds ("the
 * third quarter of 1989" holds "1989"; "a year ago" read as a quarter replaces chrono's year); a period that
 * overlaps a date without holding it gives way.
 */
function withPeriods(dates: DateMention[], periods: DateMention[]): DateMention[] {
  if (!periods.length) return dates;
  const out: DateMention[] = [];
  let i = 0;
  for (const p of periods) {
    while (i < dates.length && dates[i].end <= p.start) out.push(dates[i++]);
    let j = i;
    while (j < dates.length && dates[j].start < p.end && dates[j].start >= p.start && dates[j].end <= p.end) j++;
    if (j < dates.length && dates[j].start < p.end) continue; // overlaps a date it does not hold
    i = j;
    out.push(p);
  }
  while (i < dates.length) out.push(dates[i++]);
  return out;
}

/** The dates of the windows around likely dates: read by the fast paths, else by chrono. */
function chronoDates(text: string, windows: ReadonlyArray<[number, number]>, options: MentionOptions): DateMention[] {
  if (!windows.length) return [];
  const out: DateMention[] = [];
  // Plain "March 3" windows and year-only windows need no chrono; the others go to chrono in batches.
  const hard: Array<[number, number]> = [];
  for (const [s, e] of windows) {
    const found = options.chronoOnly ? undefined : fastDates(text, text.slice(s, e), s, options);
    if (found === undefined) hard.push([s, e]);
    else if (Array.isArray(found)) out.push(...found);
    else out.push(found);
  }
  if (!hard.length) return out;
  // Batches of windows, each one chrono call: the per-call cost is spread over a batch, and chrono's refiners, which
  // compare each result with the earlier ones, never see more than a batch's results. Windows are batched with
  // windows of the same features, each batch read by the parsers that can match one of them (see newsChronoFor): a
  // window of numbers alone is not read by the parsers of month names, nor one of month names by those of numbers.
  const features = hard.map(([s, e]) => options.chronoOnly ? ALL_FEATURES : featuresOf(text.slice(s, e)));
  const order = hard.map((_, i) => i).sort((a, b) => features[a] - features[b] || a - b);
  for (let first = 0; first < order.length;) {
    const kind = features[order[first]];
    let last = first;
    let chars = 0;
    while (last < order.length && features[order[last]] === kind
      && (last === first || chars + hard[order[last]][1] - hard[order[last]][0] <= BATCH_CHARS)) {
      chars += hard[order[last]][1] - hard[order[last]][0] + WINDOW_SEPARATOR.length;
      last++;
    }
    parseBatch(text, order.slice(first, last).map(i => hard[i]), newsChronoFor(options.dayFirst ?? false, kind), options.reference, out);
    first = last;
  }
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

/**
 * The dates of a window read without chrono, exactly as chrono reads them (a test compares the two over the corpus):
 * a lone plain date, weekday or month; years in context; several plain dates; those windows again with "early",
 * "mid" or "late" before a month's name, which chrono leaves out; a count before the reference date ("two years
 * ago"). Undefined: ask chrono.
 */
function fastDates(text: string, window: string, s: number, options: MentionOptions): DateMention | DateMention[] | undefined {
  // Day first, only the forms that were held to chrono's reading (see `plainNumbers`).
  const strict = options.dayFirst ?? false;
  if (mayBePlain(window)) return plainDates(text, window, s, options, strict);
  const years = yearWindowMentions(window, s, options.reference, strict);
  if (years) return years;
  const bare = withoutPartOfMonth(window);
  if (bare !== undefined) return mayBePlain(bare) ? plainDates(text, bare, s, options, strict) : undefined;
  return agoMention(window, s, options.reference, strict);
}

/** The dates of a window that holds no word of NOT_PLAIN (`mayBePlain`): one plain date, else several (not day first). */
function plainDates(text: string, window: string, s: number, options: MentionOptions, strict: boolean): DateMention | DateMention[] | undefined {
  const tense = (at: number, end: number, likelyMatters?: boolean): Tense => tenseOf(text, at, end, likelyMatters);
  const inWeek = (m: DateMention): DateMention => inNewsWeek(m, text, options.reference);
  const one = namesMonthOrWeekday(window) ? simpleMention(window, s, options.reference, tense, strict)
    ?? weekdayMention(window, s, inWeek, strict) ?? monthMention(window, s, options.reference, tense, strict) : undefined;
  if (one) return one;
  // Years in context come before several dates (as they did): a window of years alone is theirs.
  const years = yearWindowMentions(window, s, options.reference, strict);
  if (years) return years;
  return strict ? undefined : severalMentions(window, s, { reference: options.reference, futureAt: tense, inNewsWeek: inWeek });
}

const WINDOW_SEPARATOR = '\n\n¶¶\n\n';
/** Characters of windows per chrono call. */
const BATCH_CHARS = 4000;

/**
 * One chrono call over some windows of `text`, each followed by a separator that no parser or refiner reads across.
 * The last window too: what chrono reads at a window's end may depend on what follows it ("Dec" before a separator is
 * a month, at the end of the text too short a word), and a window reads the same wherever it stands in a batch.
 */
function parseBatch(text: string, windows: ReadonlyArray<[number, number]>, parser: chrono.Chrono, reference: Date, out: DateMention[]): void {
  const at: number[] = [];
  let batch = '';
  for (const [s, e] of windows) {
    at.push(batch.length);
    batch += text.slice(s, e) + WINDOW_SEPARATOR;
  }
  let w = 0;
  for (const r of parser.parse(batch, reference)) {
    while (w + 1 < at.length && at[w + 1] <= r.index) w++;
    while (w > 0 && at[w] > r.index) w--;
    const [s, e] = windows[w];
    // chrono's text may take in trailing white space (of the separator); anything more crossed into another window.
    if (r.index + r.text.trimEnd().length > at[w] + (e - s)) continue;
    out.push(...mentionsOf(r, s - at[w], text, reference));
  }
}

/** Characters of context kept on each side of a word that may start or end a date ("two months ago", "in 1991"). */
const WINDOW = 16;
/** Windows merge up to this many characters: a run of likely dates ("May,May,May…") is read in pieces, not whole. */
const MAX_WINDOW = 512;

/**
 * The parts of a sentence chrono needs to see: each word the pre-filter found in it (`likely`, found by one scan of
 * the whole text: a scan per sentence would read on to the next match each time), with enough context on both sides
 * for the longest date expressions, cut at spaces and merged where they overlap. chrono's cost grows with the
 * text it scans, and most of a sentence holds no date.
 */
function dateWindows(text: string, from: number, to: number, likely: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [ms, me] of likely) {
    let s = Math.max(from, ms - WINDOW);
    let e = Math.min(to, me + WINDOW);
    // Cut at a space, but never read more than WINDOW more characters looking for one ("May,May,May…").
    const floor = Math.max(from, s - WINDOW);
    const ceiling = Math.min(to, e + WINDOW);
    while (s > floor && !isSpaceAt(text, s - 1)) s--;
    while (e < ceiling && !isSpaceAt(text, e)) e++;
    const last = out[out.length - 1];
    if (last && s <= last[1] && e - last[0] <= MAX_WINDOW) last[1] = Math.max(last[1], e);
    else if (last && s < last[1]) out.push([last[1], Math.max(last[1], e)]);
    else out.push([s, e]);
  }
  return out;
}

