import { isoDate, parseIsoDate } from './dates/calendar';
import { checkDates } from './dates/check';
import type { DateReference } from './dates/verdict';
import type { Finding } from './findings';
import type { CheckMemo } from './memo';
import { extractQuotations } from './quotes/extract';
import { checkQuotation } from './quotes/verdict';
import { readFrontMatter } from './sources/frontMatter';
import type { SourceLibrary } from './sources/library';
import { LineMap } from './text/lines';
import { maskNonProse } from './text/markdownMask';

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
 * Every quotation and every specific date of a draft checked against the library: one finding each, verified and
 * supported ones included, in draft order. Dates inside a verified quotation are the source's words: not listed.
 * With a memo, quotations and sentences unchanged since the last check reuse their findings.
 */
export function checkDraft(library: SourceLibrary, draft: string, options: CheckOptions = {}, memo?: CheckMemo): Finding[] {
  const markdown = options.markdown ?? true;
  const lines = new LineMap(draft);
  const reference = referenceOf(draft, markdown, options);
  const dayFirst = options.dayFirst ?? false;
  memo?.use(`${library.generation}/${isoDate(reference.date)}/${reference.from}/${dayFirst}`);
  const masked = maskNonProse(draft, markdown);
  const quotes = extractQuotations(draft, { markdown, masked }).map(q => {
    const key = `q\u0000${q.text}`;
    const known = memo?.get(key, q.start)?.[0];
    if (known) return Object.assign(known, lines.position(known.start));
    const finding = checkQuotation(library, draft, lines, q);
    memo?.set(key, q.start, [finding]);
    return finding;
  });
  if (options.quotesOnly) return quotes;
  const verified = quotes.filter(q => q.status === 'verified');
  const dates = checkDates(library, draft, masked, lines, reference, dayFirst, memo)
    .filter(d => !verified.some(q => q.start <= d.start && d.end <= q.end));
  return [...quotes, ...dates].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The date relative expressions of a draft are read against: its `date:` front matter, else the setting, else today. */
export function referenceOf(draft: string, markdown: boolean, options: CheckOptions): DateReference {
  if (markdown) {
    const raw = readFrontMatter(draft).data['date'];
    const iso = raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === 'string' ? raw.trim().slice(0, 10) : undefined;
    const date = iso ? parseIsoDate(iso) : undefined;
    if (date) return { date, from: 'draft' };
  }
  const setting = options.referenceDate ? parseIsoDate(options.referenceDate) : undefined;
  if (setting) return { date: setting, from: 'setting' };
  const today = options.today ?? new Date();
  return { date: new Date(today.getFullYear(), today.getMonth(), today.getDate(), 12), from: 'today' };
}
