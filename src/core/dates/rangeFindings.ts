import { finding, type Finding } from '../findings';
import { dateMessage } from '../findingWords';
import { sourceRef } from '../sources/sourceRef';
import { dateFinding } from './dateFindings';
import type { DateMention } from './mentions';
import type { SourceDate } from './sourceDates';
import { isoValue } from './value';

/**
 * One finding for both ends of a range that no source gives ("between Feb 17 and March 9", "1998 to 2001"): it spans
 * the range, its value is the range's (`1987-02-17/1987-03-09`), and it offers no fix (nor do its ends).
 */
export function rangeFinding(draft: string, first: Finding, last: Finding, range: string): Finding {
  const f = finding({
    kind: 'date', start: first.start, end: last.end, line: first.line, column: first.column, text: draft.slice(first.start, last.end),
    value: range, relative: first.relative || last.relative || undefined, reference: first.reference,
  }, { status: 'unsupported', message: '' });
  return Object.assign(f, { message: dateMessage(f) });
}

/** A range's end written with two digits right after the mention ("2007-13", "2009/10"). */
const SHORT_END = /^\s*[-–/]\s*\d\d(?!\d)/;

/** Characters a source's range may span around the date found in it. */
const RANGE_REACH = 40;
/** The rest of a source's range after its start, to show it whole: "-13", " to 2001", " to December 2013". */
const RANGE_END = /^\s*(?:[-–/]|to|through|until|and)\s*(?:[\p{L}.]+\s+)?(?:\d{1,2},?\s+)?(?:\d{4}|\d\d)(?!\d)/u;

/** Whether two ranges' values span the same years ("2007/2013" and "2007-01/2013-12"). */
export function sameYears(a: string, b: string): boolean {
  const years = (r: string): string => r.split('/').map(end => end.slice(0, 4)).join('/');
  return years(a) === years(b);
}

/** Whether a mention is the start of a range whose end is written short and is no mention of its own ("2007-14"). */
export function endWrittenShort(draft: string, m: DateMention, mentions: readonly DateMention[]): boolean {
  return rangeEndAlone(m, mentions) && SHORT_END.test(draft.slice(m.end, m.end + 8));
}

/** Whether a mention is one end of a range whose other end is no mention of its own ("1914-18", "the 2013/14 season"). */
export function rangeEndAlone(m: DateMention, mentions: readonly DateMention[]): boolean {
  return m.range !== undefined && !mentions.some(x => x !== m && x.range === m.range);
}

/**
 * The start of a draft's range written short ("the budget for 2007-14") against a source's range of the same start and
 * another end ("2007-13"): a contradiction, both ranges shown whole, never fixed (which end is the statement's is not
 * for a rule to say).
 */
export function rangeContradicted(base: Omit<Finding, 'status' | 'message'>, draft: string, m: DateMention, s: SourceDate): Finding {
  const end = m.end + (SHORT_END.exec(draft.slice(m.end, m.end + 8))?.[0].length ?? 0);
  const text = s.doc.text;
  // The source's date may be its range's end ("from 2019 to 2020" for the draft's "2020-21"): shown from its start.
  const startYear = s.mention.range?.slice(0, 4);
  const isEnd = startYear !== undefined && !isoValue(s.mention.date).startsWith(startYear);
  const at = isEnd ? text.lastIndexOf(startYear, s.mention.start) : -1;
  const sourceStart = at >= 0 && s.mention.start - at <= RANGE_REACH ? at : s.mention.start;
  const sourceEnd = isEnd ? s.mention.end : s.mention.end + (RANGE_END.exec(text.slice(s.mention.end, s.mention.end + RANGE_REACH))?.[0].length ?? 0);
  const source = sourceRef(s.doc, sourceStart, sourceEnd);
  return dateFinding({ ...base, end, text: draft.slice(m.start, end), value: m.range }, { status: 'contradicted', source, sources: [source] });
}
