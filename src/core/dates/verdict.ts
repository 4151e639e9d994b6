import { finding, type Finding, type SourceRef } from '../findings';
import { dateMessage } from '../findingWords';
import { sourceRef } from '../sources/sourceRef';
import type { LineMap } from '../text/lines';
import { isoDate, keyAt, weekdayOf } from './calendar';
import type { DateMention } from './mentions';
import { pairSentence, precisionNeeded, type DraftSentence, type SentencePairing } from './pairing';
import { formatInStyleOf } from './style';
import { isoValue } from './value';
import type { ResolvedSourceDates } from './sourceDateTable';
import type { SourceDate } from './sourceDates';

export interface DateReference {
  readonly date: Date;
  readonly from: 'draft' | 'setting' | 'today';
}

/** The dates of one draft sentence, and (made by the first of them to need it) how the sentence pairs with sources. */
export interface SentenceDates {
  readonly mentions: readonly DateMention[];
  pairing?: SentencePairing;
}

/** The verdict on one date of a draft (found in the masked draft: its text is read from the draft itself). */
export function checkDate(draft: string, lines: LineMap, m: DateMention, sentence: DraftSentence,
  sources: ResolvedSourceDates, reference: DateReference, context: SentenceDates = { mentions: [m] }): Finding | undefined {
  const { line, column } = lines.position(m.start);
  const ref = referenceOf(reference);
  const base = {
    kind: 'date' as const, start: m.start, end: m.end, line, column, text: draft.slice(m.start, m.end),
    value: isoValue(m.date), relative: m.relative || undefined, range: m.range, reference: ref,
  };

  const d = m.date;
  if (m.statedWeekday !== undefined && d.day !== undefined && d.month !== undefined && weekdayOf(d.year, d.month, d.day) !== m.statedWeekday) {
    const suggestion = formatInStyleOf(d, m, base.text);
    return dateFinding(base, {
      status: 'inconsistent', suggestion, fix: { start: m.start, end: m.end, text: suggestion, confidence: 'exact' },
    });
  }

  const own = keyAt(d, m.granularity)!;
  const pairing = context.pairing ?? (context.pairing = pairSentence(draft, sentence, context.mentions, sources));
  const need = precisionNeeded(m);
  // The same date in a source sentence that says what the draft's sentence says.
  const { finest, firstDate } = sources.sentences;
  for (const i of pairing.sentences) {
    if (finest[i] < need) continue;
    for (let k = firstDate[i]; k < firstDate[i + 1]; k++) {
      const s = sources.all[k];
      if (keyAt(s.mention.date, m.granularity) === own) return supported(base, s);
    }
  }
  // The best such sentence gives another date in the same role: a contradiction, fixed with the source's date.
  const other = pairing.roles.get(m);
  if (other && m.date.period !== undefined) {
    // A period's wording ("third-quarter profit", "last summer") has no style to echo safely: no fix is offered.
    const source = refOf(other);
    return dateFinding(base, {
      status: 'contradicted', source, sources: [source],
    });
  }
  if (other) {
    const source = refOf(other);
    const suggestion = formatInStyleOf(other.mention.date, m, draft.slice(m.start, m.end));
    return dateFinding(base, {
      status: 'contradicted', source, sources: [source], suggestion,
      fix: { start: m.start, end: m.end, text: suggestion, confidence: 'probable' },
    });
  }
  // A source sentence near this statement (sharing a content word with it) gives the date: in a story the sentence
  // pairs with, or in any source of a small set written for the draft. A day mentioned elsewhere is not support.
  // A date alone in its sentence ("January nineteen ninety-seven.") has no words to share: in a story's own sources,
  // any sentence giving it is near.
  const alone = pairing.words.size === 0 && sources.ownSources;
  const near = (s: SourceDate): boolean => s.mention.explicit && keyAt(s.mention.date, m.granularity) === own && (alone || sharesWords(s, pairing.words));
  // In a story's own sources, a bare weekday ("held Sunday") counts in a sentence sharing two of its content words
  // (all of them, when it has fewer): a story checked against itself supports its own weekdays.
  const nearWeekday = (s: SourceDate): boolean => !s.mention.explicit && keyAt(s.mention.date, m.granularity) === own
    && sharedCount(s, pairing.words) >= Math.min(2, pairing.words.size) && pairing.words.size > 0;
  const holder = sources.ownSources
    ? sources.byKey.get(own)?.find(near) ?? sources.all.find(nearWeekday)
    : firstIn(pairing.documents, doc => firstInRange(sources.all, sources.byDocument.get(doc)!, near));
  if (holder) return supported(base, holder);
  // "today" may mean our time, not the story's day (TimeML's PRESENT_REF), "the current quarter" is a loose way to
  // say when: only a contradiction counts.
  if (m.loose) return undefined;
  return dateFinding(base, { status: 'unsupported' });
}

/** A date finding, its message in plain words built from its fields (as every renderer shows it). */
function dateFinding(base: Omit<Finding, 'status' | 'message'>, verdict: Pick<Finding, 'status'> & Partial<Finding>): Finding {
  const f = finding(base, Object.assign(verdict, { message: '' }));
  (f as { message: string }).message = dateMessage(f);
  return f;
}

/** The reference date as findings report it, made once per reference (a check resolves every date against one). */
let lastReference: { of: DateReference; ref: { date: string; from: DateReference['from'] } } | undefined;
function referenceOf(reference: DateReference): { date: string; from: DateReference['from'] } {
  if (lastReference?.of !== reference) lastReference = { of: reference, ref: { date: isoDate(reference.date), from: reference.from } };
  return lastReference.ref;
}

function supported(base: Omit<Finding, 'status' | 'message'>, s: SourceDate): Finding {
  const source = refOf(s);
  return dateFinding(base, { status: 'supported', source, sources: [source] });
}

/** Source references are immutable: one per source date, however many draft dates point at it. */
const refs = new WeakMap<SourceDate, SourceRef>();
function refOf(d: SourceDate): SourceRef {
  let ref = refs.get(d);
  if (!ref) refs.set(d, (ref = sourceRef(d.doc, d.mention.start, d.mention.end)));
  return ref;
}

function firstIn<T, R>(items: Iterable<T>, find: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const found = find(item);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first of `items[from..to)` that `test` accepts. */
function firstInRange<T>(items: readonly T[], [from, to]: readonly [number, number], test: (item: T) => boolean): T | undefined {
  for (let k = from; k < to; k++) if (test(items[k])) return items[k];
  return undefined;
}

function sharedCount(d: SourceDate, words: ReadonlySet<string>): number {
  let n = 0;
  for (const w of d.sentence.words) if (words.has(w)) n++;
  return n;
}

function sharesWords(d: SourceDate, words: ReadonlySet<string>): boolean {
  for (const w of d.sentence.words) if (words.has(w)) return true;
  return false;
}
