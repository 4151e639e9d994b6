/** The findings of date verdicts: their source references and messages, made once per source date and reference. */
import { finding, type Finding, type SourceRef } from '../findings';
import { dateMessage } from '../findingWords';
import { sourceRef } from '../sources/sourceRef';
import { isoDate } from './calendar';
import type { SourceDate } from './sourceDates';
import type { DateReference } from './verdict';

/** A date finding, its message in plain words built from its fields (as every renderer shows it). */
export function dateFinding(base: Omit<Finding, 'status' | 'message'>, verdict: Pick<Finding, 'status'> & Partial<Finding>): Finding {
  const f = finding(base, Object.assign(verdict, { message: '' }));
  (f as { message: string }).message = dateMessage(f);
  return f;
}

/** The reference date as findings report it, made once per reference (a check resolves every date against one). */
let lastReference: { of: DateReference; ref: { date: string; from: DateReference['from'] } } | undefined;

export function referenceOf(reference: DateReference): { date: string; from: DateReference['from'] } {
  if (lastReference?.of !== reference) lastReference = { of: reference, ref: { date: isoDate(reference.date), from: reference.from } };
  return lastReference.ref;
}

export function supported(base: Omit<Finding, 'status' | 'message'>, s: SourceDate): Finding {
  const source = refOf(s);
  return dateFinding(base, { status: 'supported', source, sources: [source] });
}

/** Source references are immutable: one per source date, however many draft dates point at it. */
const refs = new WeakMap<SourceDate, SourceRef>();

export function refOf(d: SourceDate): SourceRef {
  let ref = refs.get(d);
  if (!ref) refs.set(d, (ref = sourceRef(d.doc, d.mention.start, d.mention.end)));
  return ref;
}
