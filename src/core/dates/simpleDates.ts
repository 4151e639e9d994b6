import { granularityOf } from './calendar';
import type { DateMention } from './mentions';
import { newsYear } from './newsYear';
import type { Tense } from './tense';

const MONTH_NUMBER: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** "March 3", "Dec 25th", "July 4, 1987" or "July 4 1987": the commonest date in news copy, and nothing else. */
const MONTH_DAY = /(?<![\p{L}\p{N}.-])(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec) ([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:,? ((?:1[6-9]|20)\d\d))?(?![\p{L}\p{N}]|[.,]?\d|\s*[-–/:]|\s+(?:to|through|until|till|and|or|&)\s)/u;
/** Anything in the rest of the window that chrono could read as (part of) another date or a range. */
const ELSEWHERE = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|last|next|this|past|ago|yesterday|tomorrow|today|tonight|now|noon|midnight|week|weekend|fortnight|month|year|day|days|early|mid|late|end|beginning|start|since|until|till|through|between|o'clock|am|pm|[ap]\.m)/i;

/**
 * The mention in a window that holds exactly one plain month-and-day date and nothing else chrono could read as a
 * date, found without chrono (whose cost is per character and parser). Undefined: ask chrono. A test compares the
 * two over the corpus's windows.
 */
export function simpleMention(window: string, offset: number, reference: Date, futureAt: (at: number, end: number) => Tense = () => false): DateMention | undefined {
  const m = MONTH_DAY.exec(window);
  if (!m) return undefined;
  const rest = window.slice(0, m.index) + ' ' + window.slice(m.index + m[0].length);
  if (ELSEWHERE.test(rest)) return undefined;
  const month = MONTH_NUMBER[m[1].slice(0, 3).toLowerCase()];
  const day = Number(m[2]);
  const yearStated = m[3] !== undefined;
  const year = yearStated ? Number(m[3]) : newsYear(reference, month, day, futureAt(offset + m.index, offset + m.index + m[0].length));
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const date = { year, month, day };
  return {
    start: offset + m.index,
    end: offset + m.index + m[0].length,
    text: m[0],
    date,
    granularity: granularityOf(date),
    statedWeekday: undefined,
    yearStated,
    relative: !yearStated,
    explicit: true,
  };
}
