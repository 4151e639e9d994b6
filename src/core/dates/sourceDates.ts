import type { SourceDocument } from '../sources/document';
import type { SourceLibrary } from '../sources/library';
import { isoDate, keysOf, parseIsoDate } from './calendar';
import { contentWords } from './contentWords';
import { extractDates, sentences, type DateMention } from './mentions';

/** A date in a source, with the sentence it stands in. */
export interface SourceDate {
  readonly doc: SourceDocument;
  readonly mention: DateMention;
  readonly sentence: { readonly start: number; readonly end: number; readonly words: ReadonlySet<string> };
}

/** The dates of all sources resolved for one reference date, filed by calendar key and by content word. */
export interface ResolvedSourceDates {
  readonly byKey: ReadonlyMap<string, SourceDate[]>;
  readonly all: readonly SourceDate[];
  /** Content word -> indexes into `all` of the dates whose sentence holds it. */
  readonly byWord: ReadonlyMap<string, number[]>;
  /** Per date of `all`: 0 a year, 1 a month of a year, 2 a day. */
  readonly precision: Uint8Array;
  /** One counter per date of `all`, zero between uses: scratch space for pairing sentences. */
  readonly counts: Uint16Array;
}

const dated = new WeakMap<SourceDocument, SourceDate[]>();
const undated = new WeakMap<SourceDocument, Map<string, SourceDate[]>>();

/**
 * Dates of one source. A source with a `date:` resolves its relative dates against it, once; a source without one
 * (say, a pasted article) against the reference date of the check, cached per reference date.
 */
export function datesOf(doc: SourceDocument, reference: Date, dayFirst: boolean): SourceDate[] {
  const own = doc.meta.date ? parseIsoDate(doc.meta.date) : undefined;
  if (own) {
    let found = dated.get(doc);
    if (!found) dated.set(doc, (found = extract(doc, own, dayFirst)));
    return found;
  }
  let byRef = undated.get(doc);
  if (!byRef) undated.set(doc, (byRef = new Map()));
  const key = `${isoDate(reference)}/${dayFirst}`;
  let found = byRef.get(key);
  if (!found) byRef.set(key, (found = extract(doc, reference, dayFirst)));
  return found;
}

function extract(doc: SourceDocument, reference: Date, dayFirst: boolean): SourceDate[] {
  const mentions = extractDates(doc.text, { reference, dayFirst }, doc.bodyStart);
  if (!mentions.length) return [];
  const out: SourceDate[] = [];
  let k = 0;
  for (const [s, e] of sentences(doc.text, doc.bodyStart)) {
    while (k < mentions.length && mentions[k].start < s) k++;
    if (k >= mentions.length) break;
    if (mentions[k].start >= e) continue;
    const words = contentWords(doc.text, s, e);
    for (; k < mentions.length && mentions[k].start < e; k++) out.push({ doc, mention: mentions[k], sentence: { start: s, end: e, words } });
  }
  return out;
}

const resolvedCache = new WeakMap<SourceLibrary, { generation: number; key: string; value: ResolvedSourceDates }>();

export function resolveSourceDates(library: SourceLibrary, reference: Date, dayFirst: boolean): ResolvedSourceDates {
  const key = `${isoDate(reference)}/${dayFirst}`;
  const cached = resolvedCache.get(library);
  if (cached && cached.generation === library.generation && cached.key === key) return cached.value;
  const byKey = new Map<string, SourceDate[]>();
  const byWord = new Map<string, number[]>();
  const all: SourceDate[] = [];
  const push = <K, V>(map: Map<K, V[]>, k: K, d: V): void => {
    const list = map.get(k);
    if (list) list.push(d);
    else map.set(k, [d]);
  };
  for (const doc of library.documents) {
    for (const d of datesOf(doc, reference, dayFirst)) {
      // "On Tuesday" in another story is weak evidence: bare weekdays only pair with the same statement.
      if (d.mention.explicit) for (const k of keysOf(d.mention.date)) push(byKey, k, d);
      for (const w of d.sentence.words) push(byWord, w, all.length);
      all.push(d);
    }
  }
  const precision = new Uint8Array(all.length);
  all.forEach((d, i) => { precision[i] = d.mention.date.month === undefined ? 0 : d.mention.date.day === undefined ? 1 : 2; });
  const value = { byKey, all, byWord, precision, counts: new Uint16Array(all.length) };
  resolvedCache.set(library, { generation: library.generation, key, value });
  return value;
}
