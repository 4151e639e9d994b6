import { isoDate, parseIsoDate } from './dates/calendar';
import { checkDates } from './dates/check';
import { sentences } from './dates/mentions';
import type { DateReference } from './dates/verdict';
import type { Finding } from './findings';
import type { CheckMemo } from './memo';
import { extractQuotations } from './quotes/extract';
import { contextWords, isNearTotal, type Stories } from './quotes/evidence';
import { knownPeople } from './quotes/people';
import { speakerAt } from './quotes/speaker';
import type { Speaker } from './quotes/speakerType';
import { findCandidates, isVerbatim, type QuoteCandidates } from './quotes/candidates';
import { checkQuotation } from './quotes/verdict';
import { readFrontMatter } from './sources/frontMatter';
import { statedDate, type StatedDate } from './sources/frontMatterDate';
import type { SourceLibrary } from './sources/library';
import { LineMap } from './text/lines';
import { maskNonProse } from './text/markdownMask';
import { ParagraphMap } from './text/paragraphs';

export interface CheckOptions {
  /** Markdown drafts: front matter, code and link targets are not prose. Defaults to true. */
  readonly markdown?: boolean;
  /** YYYY-MM-DD for relative dates when the draft has no `date:` front matter (else today). */
  readonly referenceDate?: string;
  /** Read numeric dates as day/month. */
  readonly dayFirst?: boolean;
  /** Leave dates out (quotations only). */
  readonly quotesOnly?: boolean;
  /** Today, for tests. */
  readonly today?: Date;
}

/**
 * An old Mac file's lone carriage returns end lines as line feeds do (for front matter, paragraphs, speakers): read as
 * line feeds, which keeps every offset.
 */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * Every quotation and every specific date of a draft checked against the library: one finding each, verified and
 * supported ones included, in draft order. Dates inside a quotation found in a source are its verdict's: not listed;
 * inside a quotation no source holds, only a contradicted or inconsistent date is.
 * With a memo, quotations and sentences unchanged since the last check reuse their findings.
 */
export function checkDraft(library: SourceLibrary, written: string, options: CheckOptions = {}, memo?: CheckMemo): Finding[] {
  const draft = withLineFeeds(written);
  const findings = checkLineFed(library, draft, options, memo);
  // A finding's text is the draft's as written.
  return draft === written ? findings : findings.map(f => ({ ...f, text: written.slice(f.start, f.end) }));
}

function checkLineFed(library: SourceLibrary, draft: string, options: CheckOptions, memo?: CheckMemo): Finding[] {
  const markdown = options.markdown ?? true;
  const lines = new LineMap(draft);
  const reference = referenceOf(draft, markdown, options);
  const dayFirst = options.dayFirst ?? false;
  memo?.use(`${library.generation}/${library.collectionsGeneration}/${isoDate(reference.date)}/${reference.from}/${dayFirst}`);
  const masked = maskNonProse(draft, markdown);
  const quotations = extractQuotations(draft, { markdown, masked });
  const candidates = quotations.map(q => memo ? memo.remember(`q\u0000${q.text}`, () => findCandidates(library, q)) : findCandidates(library, q));
  const stories = storiesOfQuotations(candidates);
  // The people the draft names, read once per check when a speaker's bare surname or the memo needs them (not kept
  // by the draft's text: a check pays for its draft's pass).
  let draftPeople: ReadonlySet<string> | undefined;
  const peopleOfDraft = (): ReadonlySet<string> => (draftPeople ??= knownPeople(draft));
  // A quotation's verdict depends on its words, its paragraph (context words, speaker), the draft's stories and the
  // people the draft names: unchanged, it is the memo's.
  const people = memo ? [...peopleOfDraft()].sort().join(',') : '';
  const paragraphs = new ParagraphMap(masked);
  // Speakers are read from the prose with a Windows draft's carriage returns as spaces: "\r\n\r\n" ends a paragraph.
  let plain: string | undefined;
  const lineFeedsOnly = (): string => (plain ??= draft.includes('\r') ? draft.replace(/\r/g, ' ') : draft);
  const quotes = quotations.map((q, i) => {
    const [from, to] = paragraphs.around(q.start, q.end);
    const story = stories(i);
    const key = memo && `q\u0001${draft.slice(from, to)}\u0000${q.start - from}\u0000${story.key}\u0000${people}`;
    const known = key ? memo.get(key, q.start)?.[0] : undefined;
    if (known) return Object.assign(known, lines.position(known.start));
    let speaker: { of?: Speaker } | undefined;
    const finding = checkQuotation(library, draft, lines, q, candidates[i], {
      words: () => contextWords(library, masked, ...sentencesAround(masked, from, to, q.start, q.end), q.start, q.end),
      speaker: () => (speaker ??= { of: speakerAt(lineFeedsOnly(), q.open, q.close, 0, peopleOfDraft) }).of,
      stories: story,
    });
    if (key) memo.set(key, q.start, [finding]);
    return finding;
  });
  if (options.quotesOnly) return quotes;
  // A quotation found in a source speaks for its dates: the source's words (verified), or the source's wording,
  // dates included, in its fix (misquote), which a date fix inside it would overlap.
  // A quotation no source holds is flagged already: a date inside it adds only a source's different date for it.
  const sourced = quotes.filter(q => q.status === 'verified' || q.status === 'misattributed' || q.status === 'misquote');
  const unsourced = quotes.filter(q => q.status === 'unsourced');
  const dates = checkDates(library, draft, masked, lines, reference, dayFirst, memo)
    .filter(d => !inside(d, sourced) && !(d.status !== 'contradicted' && d.status !== 'inconsistent' && inside(d, unsourced)));
  return [...quotes, ...dates].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Whether a finding lies inside one of the quotations of `quotes` (in draft order, none overlapping another): the
 * last of them to start at or before it (a binary search), if any does.
 */
function inside(d: Finding, quotes: readonly Finding[]): boolean {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid].start <= d.start) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && d.end <= quotes[lo - 1].end;
}

/** Quotations shorter than this, word for word in a source, do not make it the draft's story: common phrases. */
const STORY_QUOTE_WORDS = 4;
/** Nor do quotations that stand word for word in more sources than this. */
const STORY_QUOTE_SOURCES = 3;

/**
 * The documents holding another of the draft's quotations than quotation `i`: word for word, or nearly all of a long
 * one (the draft's stories), with a key that names them (for the memo).
 */
function storiesOfQuotations(candidates: readonly QuoteCandidates[]): (i: number) => Stories {
  const docsOf = candidates.map(c => {
    if (c.pattern.words.length < STORY_QUOTE_WORDS) return [];
    const docs = new Set(isVerbatim(c) ? c.matches.filter(m => m.alignment.cost === 0).map(m => m.doc)
      : c.matches.slice(0, 1).filter(m => isNearTotal(m.alignment)).map(m => m.doc));
    return docs.size > STORY_QUOTE_SOURCES ? [] : [...docs];
  });
  const quotations = new Map<number, number>();
  for (const docs of docsOf) for (const d of docs) quotations.set(d, (quotations.get(d) ?? 0) + 1);
  // The key is read by the memo only: made when read.
  let all: string | undefined;
  const allKey = (): string => (all ??= [...quotations.keys()].sort((a, b) => a - b).join(','));
  return i => new QuotationStories(docsOf[i], quotations, allKey);
}

/**
 * The stories of one quotation of a draft. A class, not an object literal with a getter: V8 makes such a literal by a
 * slow runtime call, once per quotation of every check.
 */
class QuotationStories implements Stories {
  constructor(private readonly own: readonly number[], private readonly quotations: ReadonlyMap<number, number>,
    private readonly allKey: () => string) {}

  /** Another quotation's document: held by more quotations than this one's own. */
  has(d: number): boolean {
    return (this.quotations.get(d) ?? 0) > (this.own.includes(d) ? 1 : 0);
  }

  get key(): string {
    const only = this.own.filter(d => this.quotations.get(d) === 1);
    return only.length ? `${this.allKey()}-${only.join(',')}` : this.allKey();
  }
}

/** [start, end) of the sentences of the paragraph [from, to) that hold `text[start..end)`, and the sentence before. */
function sentencesAround(text: string, from: number, to: number, start: number, end: number): [number, number] {
  const all = sentences(text, from, to);
  let first = all.findIndex(([, e]) => e > start);
  if (first < 0) return [from, to];
  let last = first;
  while (last + 1 < all.length && all[last + 1][0] < end) last++;
  if (first > 0) first--;
  return [all[first][0], all[last][1]];
}

/** The draft's own `date:` (Markdown front matter), read as `statedDate` reads it: a day, or why it is none. */
export function draftDate(draft: string, markdown: boolean, dayFirst?: boolean): StatedDate {
  return markdown ? statedDate(readFrontMatter(draft).data['date'], dayFirst) : undefined;
}

/**
 * A draft `date:` that is no day (why), with the day its dates were read against instead: what the command line and
 * the editor say, never a silent fallback.
 */
export function unreadDraftDate(draft: string, options: CheckOptions): { error: string; reference: DateReference } | undefined {
  const markdown = options.markdown ?? true;
  const text = withLineFeeds(draft);
  const stated = draftDate(text, markdown, options.dayFirst);
  return stated && 'error' in stated ? { error: stated.error, reference: referenceOf(text, markdown, options) } : undefined;
}

/** The date relative expressions of a draft are read against: its `date:` front matter, else the setting, else today. */
export function referenceOf(draft: string, markdown: boolean, options: CheckOptions): DateReference {
  const stated = draftDate(withLineFeeds(draft), markdown, options.dayFirst);
  const date = stated && 'iso' in stated ? parseIsoDate(stated.iso) : undefined;
  if (date) return { date, from: 'draft' };
  const setting = options.referenceDate ? parseIsoDate(options.referenceDate) : undefined;
  if (setting) return { date: setting, from: 'setting' };
  const today = options.today ?? new Date();
  return { date: new Date(today.getFullYear(), today.getMonth(), today.getDate(), 12), from: 'today' };
}
