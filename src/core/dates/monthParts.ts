import type { Finding } from '../findings';
import { sourceRef } from '../sources/sourceRef';
import type { LineMap } from '../text/lines';
import { dateFinding } from './dateFindings';
import type { DateMention } from './mentions';
import type { SourceDate } from './sourceDates';

/** The part of a month its words name: "early April", "the beginning of April"; "mid-April"; "late April", "the end of April". */
export type MonthPart = 'early' | 'mid' | 'late';

const PART_WORDS = String.raw`(?:(early|mid|late)(?:-|\s+)|(?:the\s+)?(beginning|start|middle|end)\s+of\s+)`;
/** Part words right before a month's mention ("mid-" of "mid-April", whose mention is "April"). */
const PART_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}.-])${PART_WORDS}$`, 'iu');
/** Part words a mention holds ("the end of April"). */
const PART_IN = new RegExp(`^${PART_WORDS}`, 'i');
const PART_OF: Record<string, MonthPart> = { early: 'early', beginning: 'early', start: 'early', mid: 'mid', middle: 'mid', late: 'late', end: 'late' };

/** Another part joined to the one found ("mid to late April", "early to mid-April", "mid- or late June"): no one part. */
const JOINED_PART = /\b(?:early|mid|late|beginning|start|middle|end)\b[-\s]*(?:to|or|and|through|into|[-–/])\s*$/i;

/** The part of its month a month's mention in `text` names, and where its words start; undefined: the month whole, or a span of parts. */
export function monthPartOf(text: string, m: DateMention): { part: MonthPart; start: number } | undefined {
  if (m.granularity !== 'month') return undefined;
  const inside = PART_IN.exec(m.text);
  const before = inside ? null : PART_BEFORE.exec(text.slice(Math.max(0, m.start - 24), m.start));
  const found = inside ?? before;
  if (!found) return undefined;
  const start = before ? m.start - before[0].length : m.start;
  if (JOINED_PART.test(text.slice(Math.max(0, start - 24), start))) return undefined;
  return { part: PART_OF[(found[1] ?? found[2]).toLowerCase()], start };
}

/** Whether a month's mention names a part of it or a span of parts ("late April", "mid to late April"): no fix writes over those words. */
export function namesPartOfMonth(text: string, m: DateMention): boolean {
  return m.granularity === 'month' && (PART_IN.test(m.text) || PART_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start)));
}

/** Whether the draft's month and the source's same month name different parts of it ("early April", "mid-April"). */
export function otherPartOfMonth(draft: string, m: DateMention, s: SourceDate): boolean {
  const a = monthPartOf(draft, m);
  const b = a && monthPartOf(s.doc.text, s.mention);
  return b !== undefined && a!.part !== b.part;
}

/**
 * The draft's part of a month against the source's other part of it: a contradiction, both shown with their part
 * words ("the source says mid-April — the draft says early April"), never fixed.
 */
export function partOfMonthContradicted(base: Omit<Finding, 'status' | 'message'>, draft: string, lines: LineMap, m: DateMention, s: SourceDate): Finding {
  const start = monthPartOf(draft, m)?.start ?? m.start;
  const source = sourceRef(s.doc, monthPartOf(s.doc.text, s.mention)?.start ?? s.mention.start, s.mention.end);
  return dateFinding({ ...base, start, ...lines.position(start), text: draft.slice(start, m.end) }, { status: 'contradicted', source, sources: [source] });
}
