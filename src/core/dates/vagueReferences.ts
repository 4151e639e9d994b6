import type { CalendarDate } from './calendar';
import type { DateMention } from './mentions';
import { wordsBefore, type ScanState } from './periodWords';

const SPAN_AFTER_PAST = /^(?:year|years|month|months|week|weeks|decade|decades|day|days|few|several|couple|quarter|quarters|century|generation|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred)$/;

/** A vague reference (TimeML's PAST_REF, PRESENT_REF, FUTURE_REF) at a head word, never checked. */
export function vagueReference(state: ScanState, word: string, at: number, end: number, from: number, to: number): DateMention | undefined {
  const { text, reference } = state;
  const prev = wordsBefore(text, at, from, 2);
  const p0 = prev[0]?.text.toLowerCase();
  const next = /^\s+([\p{L}\p{N}]+)/u.exec(text.slice(end, Math.min(to, end + 20)))?.[1].toLowerCase();
  let value: string | undefined;
  let start = at;
  switch (word) {
    case 'now': case 'nowadays': case 'currently': value = 'PRESENT_REF'; if (p0 === 'right' || p0 === 'by') start = prev[0].start; break;
    case 'recently': case 'lately': value = 'PAST_REF'; if (p0 === 'more') start = prev[0].start; break;
    // "in recent years"; "recent weeks" is as often a span.
    case 'recent': if (next === 'years') value = 'PAST_REF'; break;
    // "the current crisis"; not "the current account", "current assets" or "a current of air".
    case 'current': if (p0 === 'the' && next && !/^(?:account|accounts|assets|liabilities|quarter|year|fiscal|month|week|of|and|or)$/.test(next)) value = 'PRESENT_REF'; break;
    // "the future", "the near future"; "future earnings" names no time.
    case 'future': if (p0 === 'the' || (p0 === 'near' && prev[1]?.text.toLowerCase() === 'the')) { value = 'FUTURE_REF'; start = prev[p0 === 'the' ? 0 : 1].start; } break;
    // "in the past"; "the past 20 years" is a span.
    case 'past': if (p0 === 'the' && !SPAN_AFTER_PAST.test(next ?? '')) { value = 'PAST_REF'; start = prev[0].start; } break;
    case 'days': if (p0 === 'these') { value = 'PRESENT_REF'; start = prev[0].start; } break;
    case 'present': if (p0 === 'at') { value = 'PRESENT_REF'; start = prev[0].start; } break;
    case 'term': if ((p0 === 'near' || p0 === 'short') && prev[1]?.text.toLowerCase() === 'the') { value = 'FUTURE_REF'; start = prev[1].start; } break;
  }
  if (!value) return undefined;
  const date: CalendarDate = { year: reference.getFullYear(), period: value };
  return { start, end, text: text.slice(start, end), date, granularity: 'vague', statedWeekday: undefined, yearStated: false, relative: true, explicit: false };
}
