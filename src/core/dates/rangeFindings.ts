import { finding, type Finding } from '../findings';
import { dateMessage } from '../findingWords';

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
