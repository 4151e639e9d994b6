import type { Finding } from '../findings';
import type { SourceLibrary } from '../sources/library';
import type { LineMap } from '../text/lines';
import { extractDates, sentences } from './mentions';
import { resolveSourceDates } from './sourceDates';
import { checkDate, type DateReference } from './verdict';

/** Every specific date of a (masked) draft checked against the sources' dates. */
export function checkDates(library: SourceLibrary, draft: string, masked: string, lines: LineMap,
  reference: DateReference, dayFirst: boolean): Finding[] {
  const sources = resolveSourceDates(library, reference.date, dayFirst);
  const out: Finding[] = [];
  for (const [s, e] of sentences(masked)) {
    for (const m of extractDates(masked, { reference: reference.date, dayFirst }, s, e)) {
      out.push(checkDate(draft, lines, { ...m, text: draft.slice(m.start, m.end) }, { start: s, end: e }, sources, reference));
    }
  }
  return out;
}
