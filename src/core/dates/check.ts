import type { Finding } from '../findings';
import type { CheckMemo } from '../memo';
import type { SourceLibrary } from '../sources/library';
import type { LineMap } from '../text/lines';
import { extractDates, sentences } from './mentions';
import { resolveSourceDates } from './sourceDates';
import { checkDate, type DateReference } from './verdict';

/** Every specific date of a (masked) draft checked against the sources' dates. */
export function checkDates(library: SourceLibrary, draft: string, masked: string, lines: LineMap,
  reference: DateReference, dayFirst: boolean, memo?: CheckMemo): Finding[] {
  const sources = resolveSourceDates(library, reference.date, dayFirst);
  const out: Finding[] = [];
  for (const [s, e] of sentences(masked)) {
    const sentence = masked.slice(s, e);
    const key = `d\u0000${sentence === draft.slice(s, e) ? sentence : `${sentence}\u0000${draft.slice(s, e)}`}`;
    const known = memo?.get(key, s);
    if (known) {
      for (const f of known) out.push(Object.assign(f, lines.position(f.start)));
      continue;
    }
    const found = extractDates(masked, { reference: reference.date, dayFirst }, s, e)
      .map(m => checkDate(draft, lines, Object.assign({}, m, { text: draft.slice(m.start, m.end) }), { start: s, end: e }, sources, reference));
    memo?.set(key, s, found);
    out.push(...found);
  }
  return out;
}
