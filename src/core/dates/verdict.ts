import { finding, type Finding, type SourceRef } from '../findings';
import { sourceRef } from '../sources/sourceRef';
import type { LineMap } from '../text/lines';
import { describe } from '../quotes/verdict';
import { formatDate, formatLike, isoDate, keyAt, weekdayOf, WEEKDAYS } from './calendar';
import { contentWords } from './contentWords';
import type { DateMention } from './mentions';
import { precisionOf, type ResolvedSourceDates, type SourceDate } from './sourceDates';

/** A source sentence says the same thing as the draft's when they share this many content words... */
const MIN_SHARED_WORDS = 3;
/** ...and this share of the draft sentence's content words. */
const MIN_SHARED_RATIO = 0.4;
/** Content words held by more dated source sentences than this are too common to pair sentences. */
const COMMON_WORD = 250;

export interface DateReference {
  readonly date: Date;
  readonly from: 'draft' | 'setting' | 'today';
}

export interface DraftSentence { readonly start: number; readonly end: number }

/** The verdict on one date of a draft (found in the masked draft: its text is read from the draft itself). */
export function checkDate(draft: string, lines: LineMap, m: DateMention, sentence: DraftSentence,
  sources: ResolvedSourceDates, reference: DateReference): Finding {
  const { line, column } = lines.position(m.start);
  const ref = referenceOf(reference);
  const base = { kind: 'date' as const, start: m.start, end: m.end, line, column, text: draft.slice(m.start, m.end), reference: ref };
  const read = m.relative ? ` (read as ${formatDate(m.date)}, from the ${reference.from === 'draft' ? 'draft’s date' : reference.from === 'setting' ? 'reference-date setting' : 'date today'} ${ref.date})` : '';

  const d = m.date;
  if (m.statedWeekday !== undefined && d.day !== undefined && d.month !== undefined && weekdayOf(d.year, d.month, d.day) !== m.statedWeekday) {
    const actual = WEEKDAYS[weekdayOf(d.year, d.month, d.day)];
    const suggestion = formatLike(d, { year: m.yearStated, weekday: true });
    return finding(base, {
      status: 'inconsistent', suggestion, fix: { start: m.start, end: m.end, text: suggestion, confidence: 'exact' },
      message: `Inconsistent: ${formatDate(d)} is a ${actual}, not a ${WEEKDAYS[m.statedWeekday]}.`,
    });
  }

  const own = keyAt(d, m.granularity)!;
  const pair = sameStatement(draft, m, sentence, sources);
  if (pair) {
    const same = pair.dates.find(s => keyAt(s.mention.date, m.granularity) === own);
    if (same) return supported(base, same, read);
    const other = pair.dates[0];
    const source = refOf(other);
    const suggestion = formatLike(other.mention.date, { year: m.yearStated, weekday: m.statedWeekday !== undefined });
    return finding(base, {
      status: 'contradicted', source, sources: [source], suggestion,
      fix: { start: m.start, end: m.end, text: suggestion, confidence: 'probable' },
      message: `Contradicted: ${describe(source)} gives ${formatDate(other.mention.date)} (“${other.mention.text}”) for this${read}.`,
    });
  }
  const holders = sources.byKey.get(own);
  if (holders?.length) return supported(base, holders[0], read, holders);
  return finding(base, { status: 'unsupported', message: `Unsupported: no source mentions ${formatDate(d)}${read}.` });
}

/** The reference date as findings report it, made once per reference (a check resolves every date against one). */
let lastReference: { of: DateReference; ref: { date: string; from: DateReference['from'] } } | undefined;
function referenceOf(reference: DateReference): { date: string; from: DateReference['from'] } {
  if (lastReference?.of !== reference) lastReference = { of: reference, ref: { date: isoDate(reference.date), from: reference.from } };
  return lastReference.ref;
}

function supported(base: Omit<Finding, 'status' | 'message'>, s: SourceDate, read: string, all: SourceDate[] = [s]): Finding {
  let refs = holderRefs.get(all);
  if (!refs) holderRefs.set(all, (refs = uniqueDocs(all, 10).map(refOf)));
  return finding(base, { status: 'supported', source: refs[0], sources: refs, message: `Supported: ${describe(refs[0])} mentions ${formatDate(s.mention.date)}${read}.` });
}

/** The references of a list of holders (the lists live as long as the library's resolved dates). */
const holderRefs = new WeakMap<readonly SourceDate[], SourceRef[]>();

/** Source references are immutable: one per source date, however many draft dates point at it. */
const refs = new WeakMap<SourceDate, SourceRef>();
function refOf(d: SourceDate): SourceRef {
  let ref = refs.get(d);
  if (!ref) refs.set(d, (ref = sourceRef(d.doc, d.mention.start, d.mention.end)));
  return ref;
}

function uniqueDocs(list: SourceDate[], limit: number): SourceDate[] {
  const seen = new Set<string>();
  const out: SourceDate[] = [];
  for (const s of list) {
    if (out.length >= limit) break;
    if (!seen.has(s.doc.path)) { seen.add(s.doc.path); out.push(s); }
  }
  return out;
}

/** The dated source sentence that says what the draft's sentence says, with its dates at the draft's granularity. */
export function sameStatement(draft: string, m: DateMention, sentence: DraftSentence, sources: ResolvedSourceDates): { dates: SourceDate[] } | undefined {
  const words = contentWords(draft, sentence.start, sentence.end, m);
  if (words.size < MIN_SHARED_WORDS) return undefined;
  const { byWord, firstDate, finest, counts, touched } = sources.sentences;
  let n = 0;
  for (const w of words) {
    const entry = byWord.get(w);
    if (!entry || entry.dates > COMMON_WORD) continue;
    const list = entry.sentences;
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (counts[i]++ === 0) touched[n++] = i;
    }
  }
  const need = m.granularity === 'year' ? 0 : m.granularity === 'month' ? 1 : 2;
  let best = -1;
  let bestScore = 0;
  for (let k = 0; k < n; k++) {
    const i = touched[k];
    if (counts[i] > bestScore && finest[i] >= need) { best = i; bestScore = counts[i]; }
    counts[i] = 0;
  }
  if (best < 0 || bestScore < MIN_SHARED_WORDS || bestScore < words.size * MIN_SHARED_RATIO) return undefined;
  const dates: SourceDate[] = [];
  for (let i = firstDate[best]; i < firstDate[best + 1]; i++) if (precisionOf(sources.all[i]) >= need) dates.push(sources.all[i]);
  return { dates };
}
